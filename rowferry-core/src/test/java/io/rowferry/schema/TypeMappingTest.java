package io.rowferry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.dialect.Dialect;
import io.rowferry.dialect.Dialects;
import io.rowferry.schema.SqlType.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden DDL: the target type each dialect chooses for each neutral type, and whether it says values can be lost.
 * SQL Server and Oracle are covered only here (no server runs here); the others are also exercised by real copies.
 */
class TypeMappingTest {
    private static final SqlType BOOL = SqlType.of(Kind.BOOLEAN);
    private static final SqlType INT8 = SqlType.integer(8, false);
    private static final SqlType UINT8 = SqlType.integer(8, true);
    private static final SqlType UINT32 = SqlType.integer(32, true);
    private static final SqlType INT64 = SqlType.integer(64, false);
    private static final SqlType UINT64 = SqlType.integer(64, true);
    private static final SqlType DEC_38_10 = SqlType.decimal(38, 10);
    private static final SqlType DEC_65_30 = SqlType.decimal(65, 30);
    private static final SqlType NUMERIC = SqlType.decimal(0, 0);
    private static final SqlType DOUBLE = SqlType.sized(Kind.FLOAT, 64);
    private static final SqlType CHAR5 = SqlType.sized(Kind.CHAR, 5);
    private static final SqlType VARCHAR40 = SqlType.sized(Kind.VARCHAR, 40);
    private static final SqlType TEXT = SqlType.of(Kind.TEXT);
    private static final SqlType BLOB = SqlType.of(Kind.BLOB);
    private static final SqlType DATE = SqlType.of(Kind.DATE);
    private static final SqlType TIME6 = SqlType.sized(Kind.TIME, 6);
    private static final SqlType TS6 = SqlType.sized(Kind.TIMESTAMP, 6);
    private static final SqlType TSTZ6 = SqlType.sized(Kind.TIMESTAMP_TZ, 6);
    private static final SqlType JSON = SqlType.of(Kind.JSON);
    private static final SqlType UUID = SqlType.of(Kind.UUID);
    private static final SqlType ENUM = SqlType.withValues(Kind.ENUM, List.of("new", "it's paid"));
    private static final SqlType FLOAT = SqlType.sized(Kind.FLOAT, 32);
    private static final SqlType DEC_39_0 = SqlType.decimal(39, 0);
    private static final SqlType INTERVAL = SqlType.of(Kind.INTERVAL);
    private static final SqlType INT_ARRAY = SqlType.withValues(Kind.ARRAY, List.of("int4"));
    private static final SqlType BIT5 = SqlType.sized(Kind.BIT, 5);
    private static final SqlType VARBIT = SqlType.sized(Kind.BIT, 0);

    private static final List<SqlType> TYPES = List.of(BOOL, INT8, UINT8, UINT32, INT64, UINT64, DEC_38_10, DEC_65_30,
            NUMERIC, DOUBLE, CHAR5, VARCHAR40, TEXT, BLOB, DATE, TIME6, TS6, TSTZ6, JSON, UUID, ENUM, FLOAT, DEC_39_0,
            INTERVAL, INT_ARRAY, BIT5, VARBIT);

    /** Expected DDL per dialect, in the order of TYPES; a leading "~" marks a mapping that says values can be lost. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "postgresql", List.of("boolean", "smallint", "smallint", "bigint", "bigint", "numeric(20,0)",
                    "numeric(38,10)", "numeric(65,30)", "numeric", "double precision", "char(5)", "varchar(40)", "text",
                    "bytea", "date", "time(6)", "timestamp(6)", "timestamptz(6)", "json", "uuid", "varchar(9)",
                    "real", "numeric(39,0)", "interval", "int4[]", "bit(5)", "varbit"),
            "mariadb", List.of("BOOLEAN", "TINYINT", "TINYINT UNSIGNED", "INT UNSIGNED", "BIGINT", "BIGINT UNSIGNED",
                    "DECIMAL(38,10)", "DECIMAL(65,30)", "~DECIMAL(65,30)", "~DOUBLE", "CHAR(5)", "VARCHAR(40)",
                    "LONGTEXT", "LONGBLOB", "~DATE", "TIME(6)", "~DATETIME(6)", "~DATETIME(6)", "JSON", "UUID",
                    "ENUM('new','it''s paid')",
                    "~DOUBLE", "DECIMAL(39,0)", "VARCHAR(100)", "LONGTEXT", "BIT(5)", "LONGTEXT"),
            "mysql", List.of("BOOLEAN", "TINYINT", "TINYINT UNSIGNED", "INT UNSIGNED", "BIGINT", "BIGINT UNSIGNED",
                    "DECIMAL(38,10)", "DECIMAL(65,30)", "~DECIMAL(65,30)", "~DOUBLE", "CHAR(5)", "VARCHAR(40)",
                    "LONGTEXT", "LONGBLOB", "~DATE", "TIME(6)", "~DATETIME(6)", "~DATETIME(6)", "JSON", "CHAR(36)",
                    "ENUM('new','it''s paid')",
                    "~DOUBLE", "DECIMAL(39,0)", "VARCHAR(100)", "LONGTEXT", "BIT(5)", "LONGTEXT"),
            "sqlite", List.of("BOOLEAN", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "DECIMAL_TEXT(20,0)",
                    "DECIMAL_TEXT(38,10)", "DECIMAL_TEXT(65,30)", "DECIMAL_TEXT", "~DOUBLE", "CHAR(5)", "VARCHAR(40)",
                    "TEXT", "BLOB", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TEXT", "TEXT", "TEXT",
                    "~REAL", "DECIMAL_TEXT(39,0)", "TEXT", "TEXT", "TEXT", "TEXT"),
            "h2", List.of("BOOLEAN", "TINYINT", "SMALLINT", "BIGINT", "BIGINT", "NUMERIC(20,0)", "NUMERIC(38,10)",
                    "NUMERIC(65,30)", "DECFLOAT", "DOUBLE PRECISION", "CHAR(5)", "VARCHAR(40)", "CHARACTER LARGE OBJECT",
                    "BINARY LARGE OBJECT", "DATE", "TIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6) WITH TIME ZONE",
                    "CHARACTER LARGE OBJECT", "UUID", "ENUM('new', 'it''s paid')",
                    "REAL", "NUMERIC(39,0)", "CHARACTER LARGE OBJECT", "CHARACTER LARGE OBJECT", "CHARACTER LARGE OBJECT",
                    "CHARACTER LARGE OBJECT"),
            "duckdb", List.of("BOOLEAN", "TINYINT", "UTINYINT", "UINTEGER", "BIGINT", "UBIGINT", "DECIMAL(38,10)",
                    "~DECIMAL(38,30)", "~DECIMAL(38,10)", "DOUBLE", "VARCHAR", "VARCHAR", "VARCHAR", "BLOB", "DATE",
                    "TIME", "TIMESTAMP", "TIMESTAMPTZ", "VARCHAR", "UUID", "VARCHAR",
                    "FLOAT", "~HUGEINT", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR"),
            "sqlserver", List.of("bit", "smallint", "tinyint", "bigint", "bigint", "decimal(20,0)", "decimal(38,10)",
                    "~decimal(38,30)", "~decimal(38,10)", "~float(53)", "nchar(5)", "nvarchar(40)", "nvarchar(max)",
                    "varbinary(max)", "~date", "time(6)", "datetime2(6)", "datetimeoffset(6)", "nvarchar(max)",
                    "uniqueidentifier", "nvarchar(max)",
                    "~real", "~decimal(38,0)", "nvarchar(max)", "nvarchar(max)", "nvarchar(max)", "nvarchar(max)"),
            "oracle", List.of("NUMBER(1)", "NUMBER(3)", "NUMBER(5)", "NUMBER(19)", "NUMBER(19)", "NUMBER(20)",
                    "NUMBER(38,10)", "~NUMBER", "~NUMBER", "BINARY_DOUBLE", "~CHAR(5 CHAR)", "~VARCHAR2(40 CHAR)",
                    "~CLOB", "~BLOB", "DATE", "VARCHAR2(32)", "TIMESTAMP(6)", "TIMESTAMP(6) WITH TIME ZONE", "~CLOB",
                    "VARCHAR2(36)", "~CLOB",
                    "BINARY_FLOAT", "~NUMBER", "~CLOB", "~CLOB", "~CLOB", "~CLOB"));

    static Stream<Arguments> mappings() {
        return EXPECTED.entrySet().stream().flatMap(entry -> {
            Dialect dialect = Dialects.byId(entry.getKey());
            return java.util.stream.IntStream.range(0, TYPES.size())
                    .mapToObj(i -> Arguments.of(dialect.id(), TYPES.get(i), entry.getValue().get(i)));
        });
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("mappings")
    void eachDialectChoosesItsType(String dialectId, SqlType type, String expected) {
        TypeChoice choice = Dialects.byId(dialectId).columnType(type);
        boolean lossy = expected.startsWith("~");
        assertThat(choice.ddl()).isEqualTo(lossy ? expected.substring(1) : expected);
        assertThat(choice.isLossless()).as("lossless? (%s)", choice.loss()).isEqualTo(!lossy);
    }

    /** Source types whose JDBC metadata misleads, read as what they hold. */
    @org.junit.jupiter.api.Test
    void typesAreReadAsWhatTheyHold() {
        // pgjdbc reports money as DOUBLE: 15 digits of its 19
        assertThat(Dialects.byId("postgresql").sqlType(
                new NativeColumn("m", java.sql.Types.DOUBLE, "money", 0, 0, null, true))).isEqualTo(SqlType.decimal(19, 2));
        // H2 reports DECFLOAT as DECIMAL(100000,0)
        assertThat(Dialects.byId("h2").sqlType(
                new NativeColumn("d", java.sql.Types.DECIMAL, "DECFLOAT", 100_000, 0, null, true))).isEqualTo(NUMERIC);
        // H2 reports UUID as BINARY(16)
        assertThat(Dialects.byId("h2").sqlType(
                new NativeColumn("u", java.sql.Types.BINARY, "UUID", 16, 0, null, true))).isEqualTo(UUID);
        // a SQLite result set names DECIMAL_TEXT(38,10) without its arguments, which it reports as precision and scale
        assertThat(Dialects.byId("sqlite").sqlType(
                new NativeColumn("d", java.sql.Types.VARCHAR, "DECIMAL_TEXT", 38, 10, null, true))).isEqualTo(DEC_38_10);
        assertThat(Dialects.byId("sqlite").sqlType(
                new NativeColumn("d", java.sql.Types.OTHER, "DECIMAL(10,2)", 0, -1, null, true)))
                .isEqualTo(SqlType.decimal(10, 2));
    }

    @org.junit.jupiter.api.Test
    void createTableStatementsCarryNullabilityAndTheKey() {
        List<String> columns = List.of("\"id\"", "\"note\"");
        List<String> types = List.of("bigint", "text");
        List<Boolean> nullable = List.of(false, true);
        assertThat(Dialects.byId("postgresql").createTableSql("\"orders\"", columns, types, nullable,
                        List.of("\"id\"")))
                .isEqualTo("CREATE TABLE \"orders\" (\"id\" bigint NOT NULL, \"note\" text, PRIMARY KEY (\"id\"))");
        assertThat(Dialects.byId("mariadb").createTableSql("`orders`", List.of("`id`"), List.of("BIGINT"),
                        List.of(false), List.of("`id`")))
                .isEqualTo("CREATE TABLE `orders` (`id` BIGINT NOT NULL, PRIMARY KEY (`id`))"
                        + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        assertThat(Dialects.byId("sqlserver").createTableSql("[dbo].[orders]", List.of("[id]", "[amount]"),
                        List.of("bigint", "decimal(12,2)"), List.of(false, true), List.of("[id]")))
                .isEqualTo("CREATE TABLE [dbo].[orders] ([id] bigint NOT NULL, [amount] decimal(12,2), PRIMARY KEY ([id]))");
        assertThat(Dialects.byId("oracle").createTableSql("\"ORDERS\"", List.of("\"ID\""), List.of("NUMBER(19)"),
                        List.of(false), List.of("\"ID\"")))
                .isEqualTo("CREATE TABLE \"ORDERS\" (\"ID\" NUMBER(19) NOT NULL, PRIMARY KEY (\"ID\"))");
        assertThat(Dialects.byId("sqlite").truncateSql("\"t\"")).isEqualTo("DELETE FROM \"t\"");
        assertThat(Dialects.byId("postgresql").truncateSql("\"t\"")).isEqualTo("TRUNCATE TABLE \"t\"");
    }

    @org.junit.jupiter.api.Test
    void namesTakeTheTargetsCaseOnlyWhenTheyWereFoldedAtTheSource() {
        assertThat(Dialects.byId("postgresql").normalizeIdentifier("ORDER_ID")).isEqualTo("order_id");
        assertThat(Dialects.byId("postgresql").normalizeIdentifier("OrderId")).isEqualTo("OrderId");
        assertThat(Dialects.byId("h2").normalizeIdentifier("order_id")).isEqualTo("ORDER_ID");
        assertThat(Dialects.byId("oracle").normalizeIdentifier("MixedCase")).isEqualTo("MixedCase");
        assertThat(Dialects.byId("mariadb").normalizeIdentifier("ORDER_ID")).isEqualTo("ORDER_ID");
    }
}
