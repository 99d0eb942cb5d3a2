package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyResult;
import io.rowferry.ErrorKind;
import io.rowferry.IfExists;
import io.rowferry.OnLossy;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import io.rowferry.schema.ColumnPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Values arrive exactly", for every pair of the databases that run here: the richest table each source holds
 * ({@link RichTables}) is copied with a created table into every other database and back into the source with
 * another created table, and every column of every row is compared by the source database itself. Values only some
 * targets hold are copied one column at a time: into a target that holds them they must come back identical, into
 * one that does not the plan must say so, the copy must fail naming the column and the row, and OnLossy.ALLOW must
 * count each such value.
 */
class AllPairsRoundTripTest {
    private static final List<RichTable> SOURCES = RichTables.ALL;
    private static final Set<String> CREATED = new HashSet<>();

    @TempDir
    static Path directory;

    static Stream<Arguments> pairs() {
        return SOURCES.stream().flatMap(source -> SOURCES.stream()
                .filter(target -> target != source)
                .map(target -> Arguments.of(source, target)));
    }

    static Stream<Arguments> specials() {
        return pairs().flatMap(pair -> ((RichTable) pair.get()[0]).specials().stream()
                .map(special -> Arguments.of(pair.get()[0], pair.get()[1], special)));
    }

    @ParameterizedTest(name = "{0} -> {1} -> {0}")
    @MethodSource("pairs")
    void everyValueComesBackIdentical(RichTable source, RichTable target) throws Exception {
        TestDatabase from = source.database(directory);
        TestDatabase to = target.database(directory);
        String table = "rt_" + source.id() + "_rich";
        synchronized (CREATED) {
            if (CREATED.add(table)) {
                source.create(from, table);
            }
        }
        String there = "rt_" + source.id() + "_in_" + target.id();
        String back = "rt_" + source.id() + "_via_" + target.id();
        copy(from, table, to, there, OnLossy.FAIL, 4);
        assertThat(arrivalDifferences(source, from, table, to, there)).as("%s -> %s", source, target).isEmpty();
        copy(to, there, from, back, OnLossy.FAIL, 4);

        assertThat(from.queryLong("SELECT COUNT(*) FROM " + back)).isEqualTo(4);
        List<String> differences = new ArrayList<>();
        for (String column : source.columns()) {
            differences.addAll(differences(source, from, table, back, column));
        }
        assertThat(differences).as("%s -> %s -> %s", source, target, source).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("specials")
    void valuesOnlySomeTargetsHoldComeBackOrAreRefused(RichTable source, RichTable target, RichTable.Special special)
            throws Exception {
        TestDatabase from = source.database(directory);
        TestDatabase to = target.database(directory);
        String table = "rt_" + source.id() + "_sp_" + special.column();
        synchronized (CREATED) {
            if (CREATED.add(table)) {
                source.createSpecial(from, table, special);
            }
        }
        String there = table + "_in_" + target.id();
        boolean holds = special.holders().contains(target.id());
        ColumnPlan plan = Rowferry.copy()
                .from(Rowferry.read(from.database()).table(table))
                .to(to.database(), name(to, there))
                .create(true)
                .ifExists(IfExists.REPLACE)
                .plan()
                .table()
                .columns()
                .stream()
                .filter(column -> column.name().equalsIgnoreCase(special.column()))
                .findFirst()
                .orElseThrow();
        assertThat(plan.isLossless()).as("plan of %s %s into %s %s (%s)", source, special.column(), target,
                plan.targetType(), plan.loss()).isEqualTo(special.losslessPlan(target.id()));
        if (holds) {
            String back = table + "_via_" + target.id();
            copy(from, table, to, there, OnLossy.FAIL, special.values().size());
            copy(to, there, from, back, OnLossy.FAIL, special.values().size());
            assertThat(differences(source, from, table, back, special.column()))
                    .as("%s -> %s -> %s", source, target, source).isEmpty();
            return;
        }
        assertThatThrownBy(() -> copy(from, table, to, there, OnLossy.FAIL, special.values().size()))
                .as("%s -> %s: %s", source, target, special)
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.DATA))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT))
                        .startsWith("value ")
                        .contains("of column " + special.column() + " in the row with id=2 ")
                        .contains(there.toLowerCase(Locale.ROOT))
                        .doesNotContain("\n"));
        CopyResult allowed = copy(from, table, to, there, OnLossy.ALLOW, special.values().size());
        Map<String, Long> losses = new HashMap<>();
        allowed.lossyValues().forEach((column, count) -> losses.put(column.toLowerCase(Locale.ROOT), count));
        assertThat(losses).as("%s -> %s: %s, lossy values counted", source, target, special)
                .isEqualTo(Map.of(special.column(), (long) special.lossyRows()));
    }

    /**
     * The values that did not arrive as they were: both tables read through Rowferry, each value in its
     * {@link CanonicalValue canonical form}. The round trip alone would not see a change made there and undone back.
     */
    private static List<String> arrivalDifferences(RichTable source, TestDatabase from, String table, TestDatabase to,
            String there) {
        Map<Long, io.rowferry.Row> sent = rows(from, table);
        Map<Long, io.rowferry.Row> arrived = rows(to, there);
        assertThat(arrived.keySet()).isEqualTo(sent.keySet());
        List<String> found = new ArrayList<>();
        for (String column : source.columns()) {
            for (long id : sent.keySet()) {
                Object before = sent.get(id).get(column);
                Object after = arrived.get(id).get(column);
                boolean padded = source.charColumns().contains(column);
                String expected = padded ? CanonicalValue.ofChar(before) : CanonicalValue.of(before);
                String actual = padded ? CanonicalValue.ofChar(after) : CanonicalValue.of(after);
                if (!java.util.Objects.equals(expected, actual)) {
                    found.add(column + " in row " + id + ": " + shorten(expected) + " ("
                            + (before == null ? "null" : before.getClass().getSimpleName()) + ") arrived as "
                            + shorten(actual) + " (" + (after == null ? "null" : after.getClass().getSimpleName()) + ")");
                }
            }
        }
        return found;
    }

    private static Map<Long, io.rowferry.Row> rows(TestDatabase db, String table) {
        Map<Long, io.rowferry.Row> rows = new java.util.TreeMap<>();
        try (io.rowferry.RowStream stream = Rowferry.read(db.database()).table(name(db, table)).open()) {
            stream.forEach(row -> rows.put(((Number) row.get("id")).longValue(), row));
        }
        return rows;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 77) + "...";
    }

    private static CopyResult copy(TestDatabase from, String table, TestDatabase to, String target, OnLossy onLossy,
            long rows) {
        CopyResult result = Rowferry.copy()
                .from(Rowferry.read(from.database()).table(name(from, table)))
                .to(to.database(), name(to, target))
                .create(true)
                .ifExists(IfExists.REPLACE)
                .onLossy(onLossy)
                .run();
        assertThat(result.rowsWritten()).isEqualTo(rows);
        return result;
    }

    /** The name a table created by Rowferry gets there (upper case in H2). */
    private static String name(TestDatabase db, String table) {
        return db.database().dialect().normalizeIdentifier(table);
    }

    /** The rows whose column differs between the source table and the table that came back, described. */
    private static List<String> differences(RichTable source, TestDatabase db, String table, String back,
            String column) throws SQLException {
        try (Connection connection = db.adminConnection(); Statement statement = connection.createStatement()) {
            for (String sql : source.sessionSetup()) {
                statement.execute(sql);
            }
            String sourceType = typeName(statement, table, column);
            String backType = typeName(statement, back, column);
            String a = "a." + column;
            String b = "b." + column;
            String condition = source.compare(column, a, b, sourceType, backType);
            String sql = "SELECT a.id FROM " + table + " a JOIN " + back + " b ON a.id = b.id WHERE NOT (%s)";
            List<Long> ids;
            try {
                ids = ids(statement, String.format(sql, condition));
            } catch (SQLException incomparable) {
                // the database has no equality between these two types: compare its text of both
                condition = source.textEqual(a, b);
                ids = ids(statement, String.format(sql, condition));
            }
            List<String> found = new ArrayList<>();
            for (long id : ids) {
                found.add(column + " (" + sourceType + " came back as " + backType + ") in row " + id + ": "
                        + shortText(statement, table, column, id) + " came back as "
                        + shortText(statement, back, column, id) + " [compared by " + condition + "]");
            }
            return found;
        }
    }

    private static List<Long> ids(Statement statement, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static String typeName(Statement statement, String table, String column) throws SQLException {
        try (ResultSet empty = statement.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData metaData = empty.getMetaData();
            return metaData.getColumnTypeName(1);
        }
    }

    private static String shortText(Statement statement, String table, String column, long id) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT " + column + " FROM " + table + " WHERE id = " + id)) {
            row.next();
            Object value = row.getObject(1);
            String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(row.getString(1));
            return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 77) + "...'";
        }
    }
}
