package io.rowferry.dialect;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.TableRef;
import io.rowferry.schema.ColumnDefinition;
import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import io.rowferry.schema.TypeChoice;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * ANSI defaults for every part of {@link Dialect}. A database's dialect overrides only what differs.
 */
public abstract class AbstractDialect implements Dialect {

    @Override
    public Properties defaultConnectionProperties() {
        return new Properties();
    }

    // ---- identifiers and SQL ----

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String qualifiedName(TableRef table) {
        StringJoiner name = new StringJoiner(".");
        if (table.catalog() != null) {
            name.add(quoteIdentifier(table.catalog()));
        }
        if (table.schema() != null) {
            name.add(quoteIdentifier(table.schema()));
        }
        return name.add(quoteIdentifier(table.name())).toString();
    }

    @Override
    public boolean catalogIsSchema() {
        return false;
    }

    @Override
    public String selectSql(String table, List<String> columns, String filter) {
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + table;
        return filter == null ? sql : sql + " WHERE " + filter;
    }

    @Override
    public KeysetSql keysetPageSql(PageQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.filter() != null) {
            conditions.add("(" + query.filter() + ")");
        }
        List<String> keys = query.keyColumns();
        boolean rowValues = keys.size() == 1 || supports(Capability.ROW_VALUE_COMPARISON);
        int[] lower = new int[0];
        if (query.afterKey()) {
            List<Integer> order = new ArrayList<>();
            conditions.add(rowValues ? rowValueCompare(keys, ">", order) : "(" + expandedAfter(keys, order) + ")");
            lower = order.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] upper = new int[0];
        if (query.untilKey()) {
            List<Integer> order = new ArrayList<>();
            conditions.add(rowValues ? rowValueCompare(keys, "<=", order) : "(" + expandedUntil(keys, order) + ")");
            upper = order.stream().mapToInt(Integer::intValue).toArray();
        }
        StringBuilder sql = new StringBuilder(selectPrefix(query.limit()))
                .append(String.join(", ", query.columns()))
                .append(" FROM ")
                .append(query.table());
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(String.join(", ", query.keyColumns()));
        sql.append(limitClause(query.limit()));
        return new KeysetSql(sql.toString(), lower, upper);
    }

    /** {@code (a, b) > (?, ?)}, or {@code a > ?} for a one-column key; {@code order} receives 0..n-1. */
    protected String rowValueCompare(List<String> keys, String operator, List<Integer> order) {
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        if (keys.size() == 1) {
            return keys.get(0) + " " + operator + " ?";
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        return "(" + String.join(", ", keys) + ") " + operator + " (" + placeholders + ")";
    }

    /**
     * {@code (a > ?) OR (a = ? AND b > ?) OR ...}: the portable form of a row-value comparison, for databases
     * without it. {@code order} receives the key position bound to each placeholder.
     */
    protected String expandedAfter(List<String> keys, List<Integer> order) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            alternatives.add(expandedStep(keys, i, " > ?", order));
        }
        return String.join(" OR ", alternatives);
    }

    /** {@code (a < ?) OR (a = ? AND b < ?) OR (a = ? AND b = ?)}: the portable form of {@code (a, b) <= (?, ?)}. */
    protected String expandedUntil(List<String> keys, List<Integer> order) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            alternatives.add(expandedStep(keys, i, " < ?", order));
        }
        alternatives.add(expandedStep(keys, keys.size() - 1, " = ?", order));
        return String.join(" OR ", alternatives);
    }

    private static String expandedStep(List<String> keys, int last, String comparison, List<Integer> order) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < last; j++) {
            parts.add(keys.get(j) + " = ?");
            order.add(j);
        }
        parts.add(keys.get(last) + comparison);
        order.add(last);
        return "(" + String.join(" AND ", parts) + ")";
    }

    /** Rows kept at random, in the server: {@code WHERE <random in [0,1)> < fraction}; sorted by the key. */
    @Override
    public String sampleKeysSql(String table, List<String> keyColumns, String filter, double fraction) {
        List<String> conditions = new ArrayList<>();
        if (filter != null) {
            conditions.add("(" + filter + ")");
        }
        if (fraction < 1.0) {
            conditions.add(randomFractionSql() + " < " + fractionLiteral(fraction));
        }
        String keys = String.join(", ", keyColumns);
        return "SELECT " + keys + " FROM " + table
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY " + keys;
    }

    /** An expression giving a random number in [0, 1) per row; ANSI has none, most databases call it RAND(). */
    protected String randomFractionSql() {
        return "RAND()";
    }

    protected static String fractionLiteral(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).setScale(8, java.math.RoundingMode.UP).stripTrailingZeros()
                .toPlainString();
    }

    /** What comes before the column list; SQL Server puts {@code TOP (n)} here. */
    protected String selectPrefix(int limit) {
        return "SELECT ";
    }

    /** The clause that limits a page, after ORDER BY. ANSI: {@code FETCH FIRST n ROWS ONLY}. */
    protected String limitClause(int limit) {
        return " FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** The clause that skips and limits, after ORDER BY. ANSI: {@code OFFSET m ROWS FETCH NEXT n ROWS ONLY}. */
    protected String offsetClause(int limit, long offset) {
        return " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }

    @Override
    public String offsetPageSql(PageQuery query, long offset) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(String.join(", ", query.columns()))
                .append(" FROM ")
                .append(query.table());
        if (query.filter() != null) {
            sql.append(" WHERE ").append(query.filter());
        }
        sql.append(" ORDER BY ").append(String.join(", ", query.keyColumns()));
        sql.append(offsetClause(query.limit(), offset));
        return sql.toString();
    }

    @Override
    public String insertSql(String table, List<String> columns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")";
    }

    /** The ANSI MERGE with the row as a one-row derived table (SQL:2003). */
    @Override
    public String upsertSql(String table, List<String> columns, List<String> keyColumns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        return "MERGE INTO " + table + " AS t USING (VALUES (" + placeholders + ")) AS s ("
                + String.join(", ", columns) + ") ON " + mergeCondition(keyColumns) + mergeActions(columns, keyColumns);
    }

    protected static String mergeCondition(List<String> keyColumns) {
        return String.join(" AND ", keyColumns.stream().map(key -> "t." + key + " = s." + key).toList());
    }

    protected static String mergeActions(List<String> columns, List<String> keyColumns) {
        List<String> updates = nonKey(columns, keyColumns).stream().map(c -> "t." + c + " = s." + c).toList();
        return (updates.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + String.join(", ", updates))
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "s." + c).toList()) + ")";
    }

    /** {@code INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c}: PostgreSQL, SQLite 3.24+, DuckDB. */
    protected String onConflictUpsertSql(String table, List<String> columns, List<String> keyColumns) {
        List<String> updates = nonKey(columns, keyColumns).stream().map(c -> c + " = EXCLUDED." + c).toList();
        return insertSql(table, columns) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", updates));
    }

    protected static List<String> nonKey(List<String> columns, List<String> keyColumns) {
        return columns.stream().filter(column -> !keyColumns.contains(column)).toList();
    }

    @Override
    public List<List<String>> uniqueKeys(Connection connection, TableRef table) throws SQLException {
        java.util.Map<String, java.util.TreeMap<Integer, String>> indexes = new java.util.LinkedHashMap<>();
        try (ResultSet index = connection.getMetaData()
                .getIndexInfo(table.catalog(), table.schema(), table.name(), true, true)) {
            while (index.next()) {
                String indexName = index.getString("INDEX_NAME");
                String column = index.getString("COLUMN_NAME");
                if (indexName == null || column == null || index.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                indexes.computeIfAbsent(indexName, name -> new java.util.TreeMap<>())
                        .put((int) index.getShort("ORDINAL_POSITION"), column);
            }
        }
        return indexes.values().stream().map(columns -> (List<String>) new ArrayList<>(columns.values())).toList();
    }

    // ---- types and DDL ----

    /** Text longer than this many characters goes into the database's unbounded text type. */
    protected static final int UNBOUNDED = 1 << 30;

    @Override
    public SqlType sqlType(NativeColumn column) {
        String name = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        boolean unsigned = name.contains("UNSIGNED");
        int size = column.size();
        int digits = column.digits();
        return switch (column.jdbcType()) {
            case Types.BOOLEAN -> SqlType.of(Kind.BOOLEAN);
            case Types.BIT -> size <= 1 ? SqlType.of(Kind.BOOLEAN) : SqlType.sized(Kind.BIT, size);
            case Types.TINYINT -> SqlType.integer(8, unsigned);
            case Types.SMALLINT -> SqlType.integer(16, unsigned);
            case Types.INTEGER -> SqlType.integer(name.startsWith("MEDIUMINT") ? 24 : 32, unsigned);
            case Types.BIGINT -> SqlType.integer(64, unsigned);
            case Types.DECIMAL, Types.NUMERIC -> size <= 0 || size >= UNBOUNDED
                    ? SqlType.decimal(0, 0) : SqlType.decimal(size, Math.max(0, digits));
            case Types.REAL -> SqlType.sized(Kind.FLOAT, 32);
            case Types.FLOAT, Types.DOUBLE -> SqlType.sized(Kind.FLOAT, 64);
            case Types.CHAR, Types.NCHAR -> size <= 0 || size >= UNBOUNDED ? SqlType.of(Kind.TEXT)
                    : SqlType.sized(Kind.CHAR, size);
            case Types.VARCHAR, Types.NVARCHAR -> size <= 0 || size >= UNBOUNDED ? SqlType.of(Kind.TEXT)
                    : SqlType.sized(Kind.VARCHAR, size);
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> SqlType.of(Kind.TEXT);
            case Types.BINARY -> size <= 0 || size >= UNBOUNDED ? SqlType.of(Kind.BLOB)
                    : SqlType.sized(Kind.BINARY, size);
            case Types.VARBINARY -> size <= 0 || size >= UNBOUNDED ? SqlType.of(Kind.BLOB)
                    : SqlType.sized(Kind.VARBINARY, size);
            case Types.LONGVARBINARY, Types.BLOB -> SqlType.of(Kind.BLOB);
            case Types.DATE -> SqlType.of(Kind.DATE);
            case Types.TIME -> SqlType.sized(Kind.TIME, fractionDigits(digits));
            case Types.TIME_WITH_TIMEZONE -> SqlType.sized(Kind.TIME_TZ, fractionDigits(digits));
            case Types.TIMESTAMP -> SqlType.sized(Kind.TIMESTAMP, fractionDigits(digits));
            case Types.TIMESTAMP_WITH_TIMEZONE -> SqlType.sized(Kind.TIMESTAMP_TZ, fractionDigits(digits));
            case Types.ARRAY -> SqlType.withValues(Kind.ARRAY, List.of(name));
            case Types.SQLXML -> SqlType.of(Kind.XML);
            default -> switch (name) {
                case "UUID" -> SqlType.of(Kind.UUID);
                case "JSON" -> SqlType.of(Kind.JSON);
                case "JSONB" -> SqlType.of(Kind.JSONB);
                case "INTERVAL" -> SqlType.of(Kind.INTERVAL);
                case "XML" -> SqlType.of(Kind.XML);
                default -> SqlType.other(column.typeName());
            };
        };
    }

    /** Fraction digits of a time type as reported, or microseconds when the driver reports none. */
    protected static int fractionDigits(int digits) {
        return digits < 0 ? 6 : Math.min(digits, 9);
    }

    @Override
    public List<ColumnDefinition> describeTable(Connection connection, TableRef table) throws SQLException {
        List<ColumnDefinition> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(table.catalog(), table.schema(), table.name(), null)) {
            while (rows.next()) {
                if (!table.name().equals(rows.getString("TABLE_NAME"))) {
                    continue; // the name is a LIKE pattern: "order_s" also matches "orders"
                }
                int digits = rows.getInt("DECIMAL_DIGITS");
                if (rows.wasNull()) {
                    digits = -1;
                }
                NativeColumn column = new NativeColumn(rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"),
                        rows.getString("TYPE_NAME"), rows.getInt("COLUMN_SIZE"), digits, null,
                        !"NO".equalsIgnoreCase(rows.getString("IS_NULLABLE")));
                columns.add(new ColumnDefinition(column.name(), sqlType(column), column.nullable(),
                        nativeSpelling(column)));
            }
        }
        return columns;
    }

    /** The source's own spelling of a column type, for reports. */
    protected static String nativeSpelling(NativeColumn column) {
        if (column.nativeType() != null) {
            return column.nativeType();
        }
        String name = column.typeName();
        return switch (column.jdbcType()) {
            case Types.DECIMAL, Types.NUMERIC -> column.size() > 0 && column.size() < UNBOUNDED
                    ? name + "(" + column.size() + "," + Math.max(0, column.digits()) + ")" : name;
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY ->
                column.size() > 0 && column.size() < UNBOUNDED ? name + "(" + column.size() + ")" : name;
            default -> name;
        };
    }

    /**
     * ANSI SQL types; dialects override with their own. Unsigned integers go one size up (the ANSI types are
     * signed); 64-bit unsigned becomes DECIMAL(20,0).
     */
    @Override
    public TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("BOOLEAN");
            case INTEGER -> TypeChoice.lossless(integerType(type));
            case DECIMAL -> type.size() == 0 ? TypeChoice.lossless("NUMERIC")
                    : TypeChoice.lossless("NUMERIC(" + type.size() + "," + type.scale() + ")");
            case FLOAT -> TypeChoice.lossless(type.size() <= 32 ? "REAL" : "DOUBLE PRECISION");
            case CHAR -> TypeChoice.lossless("CHAR(" + type.size() + ")");
            case VARCHAR -> TypeChoice.lossless("VARCHAR(" + type.size() + ")");
            case TEXT -> TypeChoice.lossless("CLOB");
            case BINARY -> TypeChoice.lossless("BINARY(" + type.size() + ")");
            case VARBINARY -> TypeChoice.lossless("VARBINARY(" + type.size() + ")");
            case BLOB -> TypeChoice.lossless("BLOB");
            case DATE -> TypeChoice.lossless("DATE");
            case TIME -> TypeChoice.lossless("TIME(" + type.size() + ")");
            case TIME_TZ -> TypeChoice.lossless("TIME(" + type.size() + ") WITH TIME ZONE");
            case TIMESTAMP -> TypeChoice.lossless("TIMESTAMP(" + type.size() + ")");
            case TIMESTAMP_TZ -> TypeChoice.lossless("TIMESTAMP(" + type.size() + ") WITH TIME ZONE");
            case YEAR -> TypeChoice.lossless("SMALLINT");
            case UUID -> TypeChoice.lossless("CHAR(36)", "as text");
            case ENUM, SET -> TypeChoice.lossless("VARCHAR(" + textLength(type) + ")",
                    "as text; the allowed values are not enforced");
            case JSON, JSONB -> TypeChoice.lossless("CLOB", "as text");
            case INTERVAL, ARRAY, BIT, XML, OTHER -> TypeChoice.lossless("CLOB", "as the source's text");
        };
    }

    /** The ANSI integer type that holds every value of an integer type. */
    protected static String integerType(SqlType type) {
        int bits = type.size() + (type.unsigned() ? 1 : 0);
        if (bits <= 16) {
            return "SMALLINT";
        }
        if (bits <= 32) {
            return "INTEGER";
        }
        return bits <= 64 ? "BIGINT" : "DECIMAL(20,0)";
    }

    /** Characters a VARCHAR needs for every value of an ENUM or SET. */
    protected static int textLength(SqlType type) {
        int longest = type.values().stream().mapToInt(String::length).max().orElse(1);
        int all = type.values().stream().mapToInt(value -> value.length() + 1).sum();
        return Math.max(1, type.kind() == SqlType.Kind.SET ? all : longest);
    }

    @Override
    public String createTableSql(String table, List<String> columns, List<String> types, List<Boolean> nullable,
            List<String> primaryKey) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(columns.get(i) + " " + types.get(i) + (nullable.get(i) ? "" : " NOT NULL"));
        }
        if (!primaryKey.isEmpty()) {
            parts.add("PRIMARY KEY (" + String.join(", ", primaryKey) + ")");
        }
        return "CREATE TABLE " + table + " (" + String.join(", ", parts) + ")";
    }

    @Override
    public String truncateSql(String table) {
        return "TRUNCATE TABLE " + table;
    }

    // ---- verification (docs/verify.md) ----

    /** ANSI defaults; each dialect overrides the forms its database prints differently. */
    @Override
    public String canonicalTextSql(String column, SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "CASE WHEN " + column + " THEN '1' WHEN NOT " + column + " THEN '0' END";
            case DECIMAL -> withoutTrailingZerosSql(textSql(column));
            case CHAR -> "RTRIM(" + column + ")";
            case VARCHAR, TEXT -> column;
            case BINARY, VARBINARY, BLOB -> hexSql(column);
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> temporalTextSql(column, type.kind());
            case UUID -> "LOWER(" + textSql(column) + ")";
            default -> textSql(column);
        };
    }

    /** A value as this database's text. */
    protected String textSql(String expression) {
        return "CAST(" + expression + " AS VARCHAR(4000))";
    }

    /**
     * A number's text without trailing fraction zeros (and without a point left alone): {@code 1.50} and
     * {@code 1.5000} become {@code 1.5}, {@code 1.00} becomes {@code 1}, so DECIMAL(12,2) equals NUMERIC(20,4) and an
     * integer equals a decimal holding it.
     */
    protected String withoutTrailingZerosSql(String text) {
        return "CASE WHEN " + text + " LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + text
                + ")) ELSE " + text + " END";
    }

    /** Binary as lower-case hex digits. */
    protected String hexSql(String expression) {
        return "LOWER(RAWTOHEX(" + expression + "))";
    }

    /**
     * Dates as {@code yyyy-MM-dd}, times as {@code HH:mm:ss.ffffff}, timestamps as {@code yyyy-MM-dd HH:mm:ss.ffffff}
     * (microseconds always), instants as their UTC time in that form.
     */
    protected String temporalTextSql(String column, SqlType.Kind kind) {
        return textSql(column);
    }

    @Override
    public String rowTextSql(List<String> canonicalTexts, List<Boolean> delimited) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < canonicalTexts.size(); i++) {
            fields.add(delimited.get(i) ? delimitedFieldSql(canonicalTexts.get(i)) : fieldSql(canonicalTexts.get(i)));
        }
        return concatSql(fields);
    }

    /**
     * {@code <text>|}, or {@code ~|} for NULL: for texts that cannot hold {@code |}, cheaper than a length prefix,
     * which evaluates the text twice.
     */
    protected String delimitedFieldSql(String text) {
        return concatSql(List.of("COALESCE(" + text + ", '~')", "'|'"));
    }

    /** {@code <length>:<text>}, or {@code ~} for NULL: a NULL length or text makes the concatenation NULL. */
    protected String fieldSql(String text) {
        return "COALESCE(" + concatSql(List.of(textSql(charLengthSql(text)), "':'", text)) + ", '~')";
    }

    /** Concatenation that is NULL when any part is: ANSI {@code ||}. */
    protected String concatSql(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    /** Length of a text in characters (code points). */
    protected String charLengthSql(String text) {
        return "CHAR_LENGTH(" + text + ")";
    }

    @Override
    public String md5HexSql(String text) {
        return "LOWER(MD5(" + text + "))";
    }

    @Override
    public String hash60Sql(String text) {
        throw new UnsupportedOperationException("no 60-bit hash for " + id());
    }

    @Override
    public String hashSumSql(String hash) {
        return "SUM(" + hash + ")";
    }

    /** {@code SUBSTR(text, 1, length)}. */
    protected String prefixSql(String text, int length) {
        return "SUBSTR(" + text + ", 1, " + length + ")";
    }

    /**
     * The bucket of a row: the first digits of its key's MD5; for a one-column integer key, the key modulo
     * 16^digits, which needs no hash.
     */
    protected String bucketSql(BucketQuery query, int length) {
        if (query.integerKey() != null) {
            return moduloSql(query.integerKey(), java.math.BigInteger.valueOf(16).pow(length).toString());
        }
        return prefixSql(md5HexSql(query.keyText()), length);
    }

    /** The remainder of an integer divided by a positive integer, an integer. */
    protected String moduloSql(String dividend, String divisor) {
        return "MOD(" + dividend + ", " + divisor + ")";
    }

    /** The rows of a pass: the user's filter and the parent buckets. */
    protected String bucketConditionSql(BucketQuery query, int parentLength) {
        List<String> conditions = new ArrayList<>();
        if (query.filter() != null) {
            conditions.add("(" + query.filter() + ")");
        }
        if (query.parentBuckets() > 0) {
            conditions.add(bucketSql(query, parentLength) + " IN (" + query.placeholders() + ")");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    @Override
    public String bucketAggregateSql(BucketQuery query) {
        return "SELECT rf_bucket, COUNT(*), " + hashSumSql("rf_hash") + " FROM (SELECT "
                + bucketSql(query, query.prefixLength()) + " AS rf_bucket, " + hash60Sql(query.rowText())
                + " AS rf_hash FROM " + query.table()
                + bucketConditionSql(query, query.parentLength() > 0 ? query.parentLength() : query.prefixLength() - 1)
                + ") rf_rows GROUP BY rf_bucket";
    }

    @Override
    public String bucketRowsSql(BucketQuery query, List<String> keyColumns) {
        return "SELECT " + query.keyText() + ", " + hash60Sql(query.rowText()) + ", " + String.join(", ", keyColumns)
                + " FROM " + query.table()
                + bucketConditionSql(query, query.parentLength() > 0 ? query.parentLength() : query.prefixLength());
    }

    // ---- connection and statement setup ----

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(fetchSize);
        return statement;
    }

    @Override
    public void adjustFetchSize(ResultSet resultSet, int fetchSize) throws SQLException {
        resultSet.setFetchSize(fetchSize);
    }

    @Override
    public void abandonStreamingRead(java.sql.Statement statement) throws SQLException {
        // closing the result set is enough for drivers that fetch in round trips
    }

    @Override
    public void finishStreamingRead(Connection connection) throws SQLException {
        // nothing to undo by default
    }

    @Override
    public long maxBatchBytesPerExecute() {
        return Long.MAX_VALUE;
    }

    @Override
    public void prepareWrite(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    // ---- values ----

    @Override
    public ColumnReader columnReader(Column column) {
        boolean unsigned = column.typeName() != null
                && column.typeName().toUpperCase(Locale.ROOT).contains("UNSIGNED");
        return switch (column.jdbcType()) {
            case Types.BIT, Types.BOOLEAN -> column.precision() > 1 ? AbstractDialect::readObject : (rs, i) -> {
                boolean value = rs.getBoolean(i);
                return rs.wasNull() ? null : value;
            };
            case Types.TINYINT, Types.SMALLINT -> (rs, i) -> {
                int value = rs.getInt(i);
                return rs.wasNull() ? null : value;
            };
            case Types.INTEGER -> unsigned
                    ? (rs, i) -> {
                        long value = rs.getLong(i);
                        return rs.wasNull() ? null : value;
                    }
                    : (rs, i) -> {
                        int value = rs.getInt(i);
                        return rs.wasNull() ? null : value;
                    };
            case Types.BIGINT -> unsigned
                    ? (rs, i) -> {
                        BigDecimal value = rs.getBigDecimal(i);
                        return value == null ? null : value.toBigIntegerExact();
                    }
                    : (rs, i) -> {
                        long value = rs.getLong(i);
                        return rs.wasNull() ? null : value;
                    };
            case Types.REAL -> (rs, i) -> {
                float value = rs.getFloat(i);
                return rs.wasNull() ? null : value;
            };
            case Types.FLOAT, Types.DOUBLE -> (rs, i) -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? null : value;
            };
            case Types.NUMERIC, Types.DECIMAL -> ResultSet::getBigDecimal;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> ResultSet::getString;
            case Types.DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case Types.TIME -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case Types.TIMESTAMP -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case Types.TIME_WITH_TIMEZONE -> (rs, i) -> rs.getObject(i, OffsetTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ResultSet::getBytes;
            default -> AbstractDialect::readObject;
        };
    }

    /**
     * The driver's own object when it is a plain value; otherwise the database's text for it (vendor objects
     * such as PostgreSQL's {@code PGobject} must not travel to another database).
     */
    protected static Object readObject(ResultSet resultSet, int index) throws SQLException {
        Object value = resultSet.getObject(index);
        if (value == null || isPlainValue(value)) {
            return value;
        }
        return resultSet.getString(index);
    }

    protected static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof byte[] || value instanceof Temporal || value instanceof UUID;
    }

    @Override
    public ColumnBinder columnBinder(Column target) {
        int type = target.jdbcType();
        return switch (type) {
            case Types.BIT, Types.BOOLEAN -> target.precision() > 1 ? nullSafe(type, PreparedStatement::setObject)
                    : nullSafe(type, (ps, i, v) -> ps.setBoolean(i, toBoolean(v)));
            // The typed setters where the value's class says which: setObject is the same by the JDBC spec, but some
            // drivers find the setter by trying every codec they have (MariaDB Connector/J's trySetWithCodec: about a
            // tenth of a PostgreSQL → MariaDB copy's CPU)
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> nullSafe(type, (ps, i, v) -> {
                if (v instanceof Long number) {
                    ps.setLong(i, number);
                } else if (v instanceof Integer number) {
                    ps.setInt(i, number);
                } else {
                    ps.setObject(i, v instanceof Boolean b ? (b ? 1 : 0) : v);
                }
            });
            case Types.DECIMAL, Types.NUMERIC -> nullSafe(type, (ps, i, v) -> {
                if (v instanceof java.math.BigDecimal number) {
                    ps.setBigDecimal(i, number);
                } else {
                    ps.setObject(i, v);
                }
            });
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> nullSafe(type, (ps, i, v) -> {
                        if (v instanceof String s) {
                            ps.setString(i, s);
                        } else if (v instanceof byte[] || v instanceof Number || v instanceof Boolean) {
                            ps.setObject(i, v);
                        } else {
                            ps.setString(i, v.toString());
                        }
                    });
            case Types.TIMESTAMP -> nullSafe(type, (ps, i, v) -> ps.setObject(i, wallClock(v)));
            case Types.TIMESTAMP_WITH_TIMEZONE -> nullSafe(type, (ps, i, v) -> ps.setObject(i, instant(v)));
            default -> nullSafe(type, (ps, i, v) -> ps.setObject(i,
                    v instanceof io.rowferry.schema.InvalidTemporal invalid ? invalid.text() : v));
        };
    }

    /**
     * A value for a column without time zone: an instant becomes its UTC wall-clock time (the same rule on every
     * database, whatever the JVM's or the session's time zone).
     */
    protected static Object wallClock(Object value) {
        if (value instanceof io.rowferry.schema.InvalidTemporal invalid) {
            return invalid.text(); // only databases that hold it get it (see ValueGuard); they parse the text
        }
        return value instanceof OffsetDateTime timestamp
                ? timestamp.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime() : value;
    }

    /** A value for a column with time zone: a wall-clock time is taken as UTC, never as the JVM's zone. */
    protected static Object instant(Object value) {
        return value instanceof LocalDateTime timestamp ? timestamp.atOffset(java.time.ZoneOffset.UTC) : value;
    }

    /** Wraps a binder so that null becomes {@code setNull} with the target's type. */
    protected static ColumnBinder nullSafe(int jdbcType, ColumnBinder binder) {
        return (statement, index, value) -> {
            if (value == null) {
                statement.setNull(index, jdbcType);
            } else {
                binder.bind(statement, index, value);
            }
        };
    }

    protected static boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n instanceof BigDecimal d ? d.signum() != 0
                    : n instanceof BigInteger bi ? bi.signum() != 0 : n.doubleValue() != 0;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "t", "1", "yes", "y", "on" -> true;
            case "false", "f", "0", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }

    // ---- errors ----

    @Override
    public ErrorKind classify(SQLException exception) {
        String state = exception.getSQLState();
        if (state == null || state.length() < 2) {
            return classifyMessage(exception.getMessage());
        }
        return switch (state.substring(0, 2)) {
            case "08" -> ErrorKind.CONNECTION;
            case "28" -> ErrorKind.AUTHENTICATION;
            case "23" -> ErrorKind.CONSTRAINT;
            case "22" -> ErrorKind.DATA;
            case "40" -> ErrorKind.TRANSIENT;
            // 42501: insufficient privilege; 42000/42601: syntax error (a bad --query or --where); the rest of
            // class 42 names an object that does not exist (42P01, 42703, 42S02, 42S22, H2's 42102/42122).
            case "42" -> switch (state) {
                case "42501" -> ErrorKind.AUTHENTICATION;
                case "42000", "42601" -> ErrorKind.USAGE;
                default -> ErrorKind.NOT_FOUND;
            };
            default -> classifyMessage(exception.getMessage());
        };
    }

    /** Last resort for drivers that give no SQLState: recognise common message shapes. */
    protected ErrorKind classifyMessage(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("no such table") || text.contains("no such column") || text.contains("does not exist")
                || text.contains("not found")) {
            return ErrorKind.NOT_FOUND;
        }
        if (text.contains("constraint") || text.contains("duplicate") || text.contains("unique")) {
            return ErrorKind.CONSTRAINT;
        }
        if (text.contains("connection") || text.contains("connect")) {
            return ErrorKind.CONNECTION;
        }
        return ErrorKind.INTERNAL;
    }

    protected static boolean productContains(String product, String word) {
        return product != null && product.toLowerCase(Locale.ROOT).contains(word);
    }

    @Override
    public String toString() {
        return id();
    }
}
