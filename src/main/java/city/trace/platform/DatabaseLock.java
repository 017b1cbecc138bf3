package city.trace.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.agroal.api.AgroalDataSource;

/**
 * A PostgreSQL session-level advisory lock, so that a background round runs on one instance at a time among all
 * those sharing the database (and ends with the session if the instance dies).
 */
public final class DatabaseLock {

    private DatabaseLock() {
    }

    /**
     * Runs {@code work} holding the lock {@code key}.
     *
     * @return false, without running it, when another session holds the lock
     */
    public static boolean runAlone(AgroalDataSource db, long key, Runnable work) throws SQLException {
        try (Connection c = db.getConnection()) {
            if (!call(c, "pg_try_advisory_lock", key)) {
                return false;
            }
            try {
                work.run();
            } finally {
                call(c, "pg_advisory_unlock", key);
            }
            return true;
        }
    }

    private static boolean call(Connection c, String function, long key) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("select " + function + "(" + key + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
