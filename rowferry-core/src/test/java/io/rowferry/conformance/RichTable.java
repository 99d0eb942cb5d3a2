package io.rowferry.conformance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The richest table one source database can hold, for {@link AllPairsRoundTripTest}: every value a user is likely to
 * keep in it, at its extremes, in rows 1 (largest), 2 (smallest), 3 (ordinary) and 4 (all NULL); and, apart, the
 * values only some targets can hold ({@link Special}).
 *
 * <p>Values are compared by the source database itself after a round trip (source, target, source again):
 * {@link #equal} is its own equality, used where it can compare the two columns (a type may come back as another,
 * e.g. {@code interval} as {@code text}); {@link #textEqual} compares the database's own text of both values where
 * it cannot. {@link #compareAs} gives the expression some columns are compared by instead.
 */
abstract class RichTable {
    /** Rows 1 and 2 get a large binary value bound as a parameter; row 2 an empty one. */
    static final int LARGE_BYTES = 2 * 1024 * 1024;

    /**
     * A column only some targets hold exactly: row 1 holds an ordinary value, rows 2.. values that {@code holders}
     * hold and the others must refuse (plan lossy, copy fails naming the column and row 2) or count with
     * OnLossy.ALLOW. {@code lossyPlans}: holders whose plan still says values of the column's type can be lost (for
     * another value than these, e.g. NaN in a PostgreSQL numeric of any precision, or years the target lacks).
     */
    record Special(String column, String ddlType, List<String> values, Set<String> holders, Set<String> lossyPlans) {
        Special(String column, String ddlType, List<String> values, Set<String> holders) {
            this(column, ddlType, values, holders, Set.of());
        }

        int lossyRows() {
            return values.size() - 1;
        }

        /** Whether the plan into this target must say lossless. */
        boolean losslessPlan(String target) {
            return holders.contains(target) && !lossyPlans.contains(target);
        }

        @Override
        public String toString() {
            return column + " " + ddlType;
        }
    }

    abstract String id();

    abstract TestDatabase database(Path directory);

    /** The column names compared, in order (besides {@code id}). */
    abstract List<String> columns();

    /** CREATE TABLE and INSERTs of rows 1 to 4. */
    abstract List<String> createStatements(String table);

    /** CHAR columns, whose padding is not part of the value (targets without CHAR keep or drop it). */
    Set<String> charColumns() {
        return Set.of("ch");
    }

    /** Column of the large binary value (set on row 1 by a bound parameter). */
    String largeBinaryColumn() {
        return "bl";
    }

    abstract List<Special> specials();

    /** Whether {@code a} and {@code b} are equal (NULL equal to NULL) by this database's own rules. */
    abstract String equal(String a, String b);

    /** Whether the database's text of both values is equal, for columns {@link #equal} cannot compare. */
    abstract String textEqual(String a, String b);

    /** Columns compared by an expression of their value ({@code %s} is the column), e.g. money as numeric. */
    Map<String, String> compareAs() {
        return Map.of();
    }

    /**
     * The condition that column {@code a} of the source equals column {@code b} of the table that came back, which
     * may have another type ({@code backType}) when the target held the value in another form.
     */
    String compare(String column, String a, String b, String sourceType, String backType) {
        String as = compareAs().get(column);
        return as != null ? equal(String.format(as, a), String.format(as, b)) : equal(a, b);
    }

    /** Statements run on the comparing connection first (e.g. a session time zone). */
    List<String> sessionSetup() {
        return List.of();
    }

    /** The CREATE TABLE statement of a table with {@code id} and one special column. */
    String specialTableDdl(String table, Special special) {
        return "CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, " + special.column() + " "
                + special.ddlType() + ")";
    }

    void create(TestDatabase db, String table) throws Exception {
        db.dropTable(table);
        db.execute(createStatements(table).toArray(String[]::new));
        byte[] large = new byte[LARGE_BYTES];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + i / 7);
        }
        try (Connection connection = db.adminConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + table + " SET " + largeBinaryColumn() + " = ? WHERE id = 1")) {
            update.setBytes(1, large);
            update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    void createSpecial(TestDatabase db, String table, Special special) throws Exception {
        db.dropTable(table);
        db.execute(specialTableDdl(table, special));
        for (int i = 0; i < special.values().size(); i++) {
            db.execute("INSERT INTO " + table + " VALUES (" + (i + 1) + ", " + special.values().get(i) + ")");
        }
    }

    /** Text with 4-byte UTF-8, a backslash, a quote and a tab. */
    static final String UTF8_TEXT = "emoji \uD83D\uDE00 \uD834\uDD1E ünï \\ ' tab\t";

    /** A string literal of this database. */
    String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static final Set<String> ALL = Set.of("postgresql", "mariadb", "sqlite", "h2", "duckdb");

    static Set<String> allBut(String... except) {
        Set<String> holders = new java.util.HashSet<>(ALL);
        holders.removeAll(List.of(except));
        return holders;
    }

    @Override
    public String toString() {
        return id();
    }
}
