package io.rowferry;

/**
 * One column of a result: its name as the database reports it, the JDBC type code ({@link java.sql.Types}),
 * the database's own type name, precision and scale as reported, and whether it may hold NULL.
 */
public record Column(String name, int jdbcType, String typeName, int precision, int scale, boolean nullable) {

    /** A column with only a name and a JDBC type, for rows built in code. */
    public static Column of(String name, int jdbcType) {
        return new Column(name, jdbcType, java.sql.JDBCType.valueOf(jdbcType).getName(), 0, 0, true);
    }
}
