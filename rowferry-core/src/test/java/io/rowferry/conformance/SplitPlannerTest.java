package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.Database;
import io.rowferry.Row;
import io.rowferry.RowStream;
import io.rowferry.Rowferry;
import io.rowferry.source.KeyRange;
import io.rowferry.source.SplitPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splits come from the data: on a skewed key (90 % of the rows in the first 1 % of the key range) every split still
 * holds a similar number of rows, the splits cover every row exactly once, and it works for text and composite keys.
 */
class SplitPlannerTest {
    /** More than twice the planner's sample, so that the keys are sampled, not all read. */
    private static final int ROWS = 300_000;
    private static final int DENSE = 270_000;

    @TempDir
    static Path directory;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("postgresql", (Function<Path, TestDatabase>) dir -> new PostgresTestDatabase()),
                Arguments.of("mariadb", (Function<Path, TestDatabase>) dir ->
                        new MariaDbTestDatabase(ServerSettings.DATABASE, false)),
                Arguments.of("sqlite", (Function<Path, TestDatabase>) dir ->
                        new EmbeddedTestDatabase.Sqlite(dir, "splits")),
                Arguments.of("h2", (Function<Path, TestDatabase>) dir -> new EmbeddedTestDatabase.H2(dir, "splits")),
                Arguments.of("duckdb", (Function<Path, TestDatabase>) dir ->
                        new EmbeddedTestDatabase.DuckDb(dir, "splits")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSkewedKeyGivesSplitsOfSimilarSize(String name, Function<Path, TestDatabase> open) throws Exception {
        TestDatabase db = open.apply(directory);
        String table = "rf_skewed";
        db.createSample(table, DENSE);
        // the other 10 % spread over the remaining 99 % of the key range: ids up to 9,000,000
        long step = (9_000_000L - DENSE) / (ROWS - DENSE);
        db.execute("INSERT INTO " + table + " (id, customer) SELECT id * " + step + " + " + DENSE + ", 1 FROM "
                + table + " WHERE id <= " + (ROWS - DENSE));
        assertThat(db.count(table)).isEqualTo(ROWS);
        if (name.equals("postgresql")) {
            db.execute("ANALYZE " + table);
        } else if (name.equals("mariadb")) {
            db.execute("ANALYZE TABLE " + table);
        }

        List<KeyRange> ranges = SplitPlanner.plan(Rowferry.read(db.database()).table(table).keyset().plan(), 4);

        assertThat(ranges).hasSize(4);
        List<Long> counts = countsPerRange(db.database(), table, ranges);
        System.out.println(name + ": rows per split " + counts);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).as("every row in exactly one split")
                .isEqualTo(ROWS);
        for (long count : counts) {
            assertThat(count).as("rows per split %s", counts).isBetween(ROWS / 4 * 8 / 10L, ROWS / 4 * 12 / 10L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void compositeTextKeysSplitToo(String name, Function<Path, TestDatabase> open) throws Exception {
        TestDatabase db = open.apply(directory);
        String table = "rf_composite";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (region VARCHAR(20) NOT NULL, n INTEGER NOT NULL, note VARCHAR(20),"
                + " PRIMARY KEY (region, n))");
        StringBuilder values = new StringBuilder("('north', 1)");
        for (int i = 0; i < 3_000; i++) {
            values.append(", ").append("('").append(i % 3 == 0 ? "east" : "west").append("', ")
                    .append(i).append(")");
        }
        db.execute("INSERT INTO " + table + " (region, n) VALUES " + values);

        List<KeyRange> ranges = SplitPlanner.plan(Rowferry.read(db.database()).table(table).keyset().plan(), 3);

        assertThat(ranges).hasSize(3);
        List<Long> counts = countsPerRange(db.database(), table, ranges);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(3_001);
        assertThat(counts).allSatisfy(count -> assertThat(count).isBetween(900L, 1_100L));
    }

    private static List<Long> countsPerRange(Database database, String table, List<KeyRange> ranges) {
        List<Long> counts = new ArrayList<>();
        for (KeyRange range : ranges) {
            long count = 0;
            var read = Rowferry.read(database).table(table).keyset();
            if (range.after() != null) {
                read.startAfter(range.after());
            }
            if (range.until() != null) {
                read.endAt(range.until());
            }
            try (RowStream rows = read.open()) {
                for (Row ignored : rows) {
                    count++;
                }
            }
            counts.add(count);
        }
        return counts;
    }
}
