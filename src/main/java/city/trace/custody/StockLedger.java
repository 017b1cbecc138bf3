package city.trace.custody;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.epcis.EventQueryRepository;

import io.agroal.api.AgroalDataSource;

/**
 * The stock ledger in the database: movements written in bulk with the events that cause them (a trigger
 * keeps the balances), and holdings read now or as they were just before an event.
 */
@ApplicationScoped
public class StockLedger {

    /** A movement and the event that made it. */
    public record Entry(long eventId, Movement movement) {
    }

    // the rows of the items are locked so that captures that move the same lots take turns, while those that only
    // read them (observations, sensor reports) share the rows with each other and still wait for a movement
    private static final String CURRENT = """
            select item, place, holder_id, destination, quantity, unit from stock
            where item = any(?) order by item, place""";
    private static final String MOVEMENTS = """
            select event_id, item, place, holder_id, destination, quantity, unit from stock_movement
            where item = any(?) and event_id < ? order by event_id, id""";
    private static final String INSERT = """
            insert into stock_movement (event_id, item, place, holder_id, destination, quantity, unit)
            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::numeric[], ?::text[])""";

    @Inject
    AgroalDataSource db;

    /**
     * What is where now of these items (joining the caller's transaction, whose end releases the rows), locked
     * for moving them or only against others' movements.
     */
    public Holdings current(Collection<String> items, boolean toMove) {
        Holdings holdings = Holdings.empty();
        if (items.isEmpty()) {
            return holdings;
        }
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(CURRENT + (toMove ? " for update" : " for share"))) {
            EventQueryRepository.planEachTime(query);
            query.setArray(1, c.createArrayOf("text", items.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    holdings.apply(new Movement(rs.getString(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read stock: " + e.getMessage(), e);
        }
        return holdings;
    }

    /** The ledger's movements of these items made by events before {@code beforeEventId}, oldest first. */
    public List<Entry> movements(Collection<String> items, long beforeEventId) {
        List<Entry> entries = new ArrayList<>();
        if (items.isEmpty()) {
            return entries;
        }
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(MOVEMENTS)) {
            EventQueryRepository.planEachTime(query);
            query.setArray(1, c.createArrayOf("text", items.toArray()));
            query.setLong(2, beforeEventId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), new Movement(rs.getString(2), rs.getString(3),
                            (Long) rs.getObject(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stock ledger: " + e.getMessage(), e);
        }
        return entries;
    }

    /** Writes movements in one statement, in the caller's transaction; balances follow by trigger. */
    public void record(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        Object[] events = new Object[n];
        Object[] items = new Object[n];
        Object[] places = new Object[n];
        Object[] holders = new Object[n];
        Object[] destinations = new Object[n];
        Object[] quantities = new Object[n];
        Object[] units = new Object[n];
        for (int i = 0; i < n; i++) {
            Movement m = entries.get(i).movement();
            events[i] = entries.get(i).eventId();
            items[i] = m.item();
            places[i] = m.place();
            holders[i] = m.holderId();
            destinations[i] = m.destination();
            quantities[i] = m.quantity();
            units[i] = m.unit();
        }
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setArray(1, c.createArrayOf("bigint", events));
            insert.setArray(2, c.createArrayOf("text", items));
            insert.setArray(3, c.createArrayOf("text", places));
            insert.setArray(4, c.createArrayOf("bigint", holders));
            insert.setArray(5, c.createArrayOf("text", destinations));
            insert.setArray(6, c.createArrayOf("numeric", quantities));
            insert.setArray(7, c.createArrayOf("text", units));
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState())) { // check_violation: another capture took the stock meanwhile
                throw new StockChangedException();
            }
            throw new IllegalStateException("Could not write the stock ledger: " + e.getMessage(), e);
        }
    }

    /** Empties ledger and balances, before a rebuild from the events. */
    void clear() {
        try (Connection c = db.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from stock_movement; delete from stock")) {
            delete.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear stock: " + e.getMessage(), e);
        }
    }
}
