package city.trace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import city.trace.gs1.CheckDigit;
import city.trace.support.Demo;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The database refuses bad data even when it does not come through the application. */
@QuarkusTest
class DatabaseRulesTest {

    @Inject
    AgroalDataSource db;

    @Test
    void databaseCheckDigitAgreesWithTheApplication() throws SQLException {
        Random random = new Random(42);
        try (Connection c = db.getConnection(); var check = c.prepareStatement("select gs1_check_digit_ok(?)")) {
            for (int i = 0; i < 500; i++) {
                String key = String.valueOf(1_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 9_000_000_000_000L);
                check.setString(1, key);
                var result = check.executeQuery();
                result.next();
                assertEquals(CheckDigit.isValid(key), result.getBoolean(1), key);
            }
        }
    }

    @Test
    void badIdentifiersAndQuantitiesAreRejectedByConstraints() throws SQLException {
        String goodGln = CheckDigit.append(Demo.FARM_PREFIX + "77777");
        String badGln = goodGln.substring(0, 12) + (goodGln.charAt(12) - '0' + 1) % 10;
        try (Connection c = db.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().execute(
                    "insert into site (organization_id, gln, name, address, city, latitude, longitude) "
                            + "select id, '" + badGln + "', 'x', 'x', 'x', 0, 0 from organization where code = 'korenaar-farm'"));
            assertThrows(SQLException.class, () -> c.createStatement().execute(
                    "update batch set quantity = -1 where id = (select min(id) from batch)"));
            assertThrows(SQLException.class, () -> c.createStatement().execute(
                    "update shipment set status = 'ARRIVED', arrived_at = null where id = (select min(id) from shipment)"));
        }
    }
}
