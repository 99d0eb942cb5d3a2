package io.rowferry.source;

import io.rowferry.ErrorKind;
import io.rowferry.ReadStrategy;
import io.rowferry.Row;
import io.rowferry.RowferryException;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a keyset read into key ranges that hold similar numbers of rows. Boundaries are quantiles of the keys
 * themselves, not equal strides between the smallest and largest key, so a skewed key (most rows in a small part of
 * its range) still gives even splits, and any orderable key works: numbers, text, dates, UUIDs, composite keys.
 *
 * <p>The keys come from a sample the database draws and sorts ({@link Dialect#sampleKeysSql}): PostgreSQL reads a
 * fraction of the table's pages ({@code TABLESAMPLE SYSTEM}), so planning a 100-million-row table reads about
 * {@value #SAMPLE_ROWS} rows; databases without block sampling filter rows at random in the server, which scans the
 * key once there but sends only the sample. Tables smaller than twice the sample are read whole (keys only) and cut
 * exactly. At most twice the sample's keys are held while planning, whatever the table's size.
 */
public final class SplitPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(SplitPlanner.class);
    /**
     * Keys to sample. Page sampling (PostgreSQL) draws whole pages of neighbouring keys, so the sample must span
     * enough pages: 100,000 rows are about 1,000 pages of a typical table, for boundaries within a few percent.
     */
    static final int SAMPLE_ROWS = 100_000;

    private SplitPlanner() {}

    /** At most {@code splits} ranges covering every key of the read, in key order; fewer when the table is small. */
    public static List<KeyRange> plan(ReadPlan plan, int splits) {
        if (splits < 1) {
            throw new RowferryException(ErrorKind.USAGE, "the number of splits must be at least 1, was " + splits);
        }
        if (splits == 1) {
            return List.of(KeyRange.all());
        }
        if (plan.strategy() != ReadStrategy.KEYSET) {
            throw new RowferryException(ErrorKind.USAGE, "splitting " + plan.sourceName()
                    + " needs a unique NOT NULL key (keyset strategy); it is read with the "
                    + plan.strategy().name().toLowerCase(java.util.Locale.ROOT) + " strategy");
        }
        Dialect dialect = plan.database().dialect();
        try (Connection connection = plan.database().connect()) {
            OptionalLong estimate = dialect.estimatedRowCount(connection, plan.tableRef());
            long rows = estimate.isPresent() ? estimate.getAsLong() : count(connection, plan);
            double fraction = rows <= 2L * SAMPLE_ROWS ? 1.0 : (double) SAMPLE_ROWS / rows;
            List<Object[]> keys = sample(connection, plan, fraction);
            while (keys.size() < SAMPLE_ROWS / 10 && fraction < 1.0) {
                // The estimate was far too high (stale statistics) or the filter keeps few rows: sample more.
                fraction = Math.min(1.0, fraction * 10);
                LOG.debug("sample of {} held {} keys; sampling {} of the rows", plan.sourceName(), keys.size(),
                        fraction);
                keys = sample(connection, plan, fraction);
            }
            return cut(keys, splits);
        } catch (SQLException e) {
            throw plan.database().failure("cannot plan the splits of " + plan.sourceName(), e);
        }
    }

    /** Ranges whose upper bounds are the {@code i / splits} quantiles of sorted keys; equal boundaries merge. */
    static List<KeyRange> cut(List<Object[]> sortedKeys, int splits) {
        List<KeyRange> ranges = new ArrayList<>();
        Object[] previous = null;
        for (int i = 1; i < splits; i++) {
            int at = (int) ((long) i * sortedKeys.size() / splits) - 1;
            if (at < 0) {
                continue;
            }
            Object[] boundary = sortedKeys.get(at);
            if (previous != null && Arrays.deepEquals(previous, boundary)) {
                continue;
            }
            ranges.add(new KeyRange(ranges.size(), previous, boundary));
            previous = boundary;
        }
        ranges.add(new KeyRange(ranges.size(), previous, null));
        return List.copyOf(ranges);
    }

    private static long count(Connection connection, ReadPlan plan) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + plan.table() + (plan.filter() == null ? "" : " WHERE " + plan.filter());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            plan.filterValues().bind(statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static List<Object[]> sample(Connection connection, ReadPlan plan, double fraction) throws SQLException {
        Dialect dialect = plan.database().dialect();
        String sql = dialect.sampleKeysSql(plan.table(), plan.keyColumns(), plan.filter(), fraction);
        Thinned keys = new Thinned(2 * SAMPLE_ROWS);
        // A streaming statement: a full key read of a table just under the sample limit stays small anyway, but the
        // fallback read of every key after a poor sample must not be buffered by the driver.
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement statement = dialect.prepareStreamingRead(connection, sql, 10_000)) {
            plan.filterValues().bind(statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                RowDecoder decoder = new RowDecoder(dialect, TableResolver.schemaOf(result.getMetaData()),
                        plan.keyColumns().size());
                while (result.next()) {
                    Row row = decoder.decode(result);
                    keys.add(row.values());
                }
            }
        } finally {
            dialect.finishStreamingRead(connection);
            if (!connection.getAutoCommit() && autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return keys.keys();
    }

    /**
     * Sorted keys, at most about {@code limit}: past it every other key is dropped and only every second new one is
     * kept, so an estimate that was far too low (a full read of a big table) keeps memory small and quantiles exact
     * enough.
     */
    private static final class Thinned {
        private final int limit;
        private final List<Object[]> kept = new ArrayList<>();
        private long stride = 1;
        private long seen;

        Thinned(int limit) {
            this.limit = limit;
        }

        void add(Object[] key) {
            if (seen++ % stride != 0) {
                return;
            }
            kept.add(key);
            if (kept.size() >= limit) {
                List<Object[]> half = new ArrayList<>(limit / 2 + 1);
                for (int i = 0; i < kept.size(); i += 2) {
                    half.add(kept.get(i));
                }
                kept.clear();
                kept.addAll(half);
                stride *= 2;
            }
        }

        List<Object[]> keys() {
            return kept;
        }
    }
}
