package io.rowferry.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.conformance.PostgresTestDatabase;
import io.rowferry.conformance.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PostgresCopySink} against the PostgreSQL server: every value written through COPY must read back as the
 * server's own text of the same literal ({@code SELECT v::text} against {@code SELECT CAST('literal' AS type)::text}
 * in a session with the same settings), in the binary format for the types it covers and in the text format for
 * the others; refused values and refused rows are named; the connection stays usable after a refused COPY.
 */
class PostgresCopySinkTest {
    private static final TestDatabase DB = new PostgresTestDatabase();

    /** A Java value to write and the literal the server should hold for it (null: SQL NULL). */
    record Value(Object java, String literal) {
        @Override
        public String toString() {
            return FieldEncoder.describe(java == null ? "null" : java) + " as '" + literal + "'";
        }
    }

    /** A column type (as created, and as cast to for the expected text) and values of it. */
    record TypeCase(String ddlType, String castType, List<Value> values) {
        @Override
        public String toString() {
            return ddlType;
        }
    }

    private static Value v(Object java, String literal) {
        return new Value(java, literal);
    }

    private static TypeCase type(String ddlType, Value... values) {
        return new TypeCase(ddlType, ddlType, List.of(values));
    }

    private static TypeCase type(String ddlType, String castType, Value... values) {
        return new TypeCase(ddlType, castType, List.of(values));
    }

    static Stream<TypeCase> binaryTypes() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        UUID random = UUID.randomUUID();
        return Stream.of(
                type("int2", v((short) -32768, "-32768"), v((short) 32767, "32767"), v(0, "0"), v(12L, "12"),
                        v(true, "1"), v(new BigDecimal("7.00"), "7"), v(3.0, "3"), v(null, null)),
                type("int4", v(Integer.MIN_VALUE, "-2147483648"), v(Integer.MAX_VALUE, "2147483647"), v(-1L, "-1"),
                        v(BigInteger.valueOf(42), "42"), v(false, "0"), v(-0.0, "0"), v(null, null)),
                type("int8", v(Long.MIN_VALUE, "-9223372036854775808"), v(Long.MAX_VALUE, "9223372036854775807"),
                        v(BigInteger.valueOf(Long.MAX_VALUE), "9223372036854775807"),
                        v(new BigDecimal("-9223372036854775808"), "-9223372036854775808"),
                        v(9.007199254740992E15, "9007199254740992"), v(7, "7")),
                type("serial", "int4", v(1, "1"), v(Integer.MAX_VALUE, "2147483647")),
                type("bigserial", "int8", v(Long.MAX_VALUE, "9223372036854775807")),
                type("float4", v(Float.NaN, "NaN"), v(Float.POSITIVE_INFINITY, "Infinity"),
                        v(Float.NEGATIVE_INFINITY, "-Infinity"), v(-0.0f, "-0"), v(Float.MIN_VALUE, "1.4e-45"),
                        v(Float.MAX_VALUE, "3.4028235e38"), v(0.1f, "0.1"), v(0.5, "0.5"), v(Double.NaN, "NaN"),
                        v(16_777_216, "16777216"), v(new BigDecimal("0.25"), "0.25"), v(null, null)),
                type("float8", v(Double.NaN, "NaN"), v(Double.POSITIVE_INFINITY, "Infinity"),
                        v(Double.NEGATIVE_INFINITY, "-Infinity"), v(-0.0, "-0"), v(Double.MIN_VALUE, "4.9e-324"),
                        v(Double.MAX_VALUE, "1.7976931348623157e308"), v(0.1, "0.1"), v(-1e300, "-1e300"),
                        v(0.1f, "0.10000000149011612"), v(Integer.MAX_VALUE, "2147483647"),
                        v(9_007_199_254_740_992L, "9007199254740992"), v(new BigDecimal("0.5"), "0.5")),
                type("bool", v(true, "true"), v(false, "false"), v(1, "true"), v(0L, "false"),
                        v(new BigDecimal("1.0"), "true"), v(0.0, "false"), v(null, null)),
                type("numeric", v(BigDecimal.ZERO, "0"), v(new BigDecimal("0.00"), "0.00"),
                        v(new BigDecimal("0E-10"), "0.0000000000"), v(new BigDecimal("-0.0001"), "-0.0001"),
                        v(new BigDecimal("0.0001"), "0.0001"), v(new BigDecimal("10000"), "10000"),
                        v(new BigDecimal("9999"), "9999"), v(new BigDecimal("-10000.0001"), "-10000.0001"),
                        v(new BigDecimal("9999.9999"), "9999.9999"), v(new BigDecimal("99999999"), "99999999"),
                        v(new BigDecimal("123456789012345678901234567890.123456789"),
                                "123456789012345678901234567890.123456789"),
                        v(new BigDecimal("-123456789012345678901234567890.123456789"),
                                "-123456789012345678901234567890.123456789"),
                        v(new BigDecimal("1E-20"), "0.00000000000000000001"),
                        v(new BigDecimal("1.00000000000000000000"), "1.00000000000000000000"),
                        v(new BigDecimal("0.00001234"), "0.00001234"),
                        v(new BigDecimal("100000000.00000001"), "100000000.00000001"),
                        v(new BigDecimal("12345.678900"), "12345.678900"), v(new BigDecimal("-1"), "-1"),
                        v(new BigDecimal("1E+3"), "1000"), v(new BigDecimal("-1.5E+5"), "-150000"),
                        v(new BigDecimal("1E+1000"), "1e1000"), v(new BigDecimal("1E-16383"), "1e-16383"),
                        v(new BigDecimal(BigInteger.valueOf(123_456_789), 16_383), "123456789e-16383"),
                        v(new BigDecimal("1.5").setScale(20_000), "1.5"),
                        v(new BigDecimal("9".repeat(1000) + "." + "9".repeat(1000)),
                                "9".repeat(1000) + "." + "9".repeat(1000)),
                        v(Long.MIN_VALUE, "-9223372036854775808"), v(Integer.MAX_VALUE, "2147483647"),
                        v(new BigInteger("-987654321098765432109876543210"), "-987654321098765432109876543210"),
                        v(0.1, "0.1"), v(-0.0, "0.0"), v(1e300, "1e300"), v(0.1f, "0.1"), v(Double.NaN, "NaN"),
                        v(Double.POSITIVE_INFINITY, "Infinity"), v(Double.NEGATIVE_INFINITY, "-Infinity"),
                        v(null, null)),
                type("numeric(12,2)", v(new BigDecimal("1.005"), "1.005"), v(new BigDecimal("-9999999999.99"),
                        "-9999999999.99"), v(new BigDecimal("0.1"), "0.1"), v(5L, "5")),
                type("text", v("", ""), v("plain", "plain"), v("tab\there", "tab\there"), v("line\nbreak", "line\nbreak"),
                        v("cr\rlf\r\n", "cr\rlf\r\n"), v("back\\slash", "back\\slash"), v("\\N", "\\N"),
                        v("\\.", "\\."), v("NULL", "NULL"), v("quote\"s and 'single'", "quote\"s and 'single'"),
                        v("emoji \uD83D\uDE00 ünïcödé ✓ 中文", "emoji \uD83D\uDE00 ünïcödé ✓ 中文"),
                        v("\u0001ctrl\u001f\u007f", "\u0001ctrl\u001f\u007f"), v("lone \uD800 surrogate", "lone ? surrogate"),
                        v("trailing space ", "trailing space "), v(" ", " "),
                        v("é".repeat(40_000), "é".repeat(40_000)),
                        v("\uD83D\uDE00".repeat(20_000), "\uD83D\uDE00".repeat(20_000)),
                        v(42, "42"), v(true, "true"), v(new BigDecimal("1E+3"), "1000"),
                        v(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                        v(LocalDate.of(2024, 2, 29), "2024-02-29"), v(new byte[] {1, (byte) 0xAB}, "\\x01ab"),
                        v(null, null)),
                type("varchar(10)", v("abc", "abc"), v("", ""), v("ünïcödé", "ünïcödé")),
                type("char(5)", v("ab", "ab"), v("abcde", "abcde"), v("", "")),
                type("name", v("some_name", "some_name")),
                type("bytea", v(new byte[0], "\\x"), v(everyByte, "\\x" + HexFormat.of().formatHex(everyByte)),
                        v("\t\n\\N".getBytes(StandardCharsets.UTF_8), "\\x090a5c4e"), v(null, null)),
                type("date", v(LocalDate.of(2000, 1, 1), "2000-01-01"), v(LocalDate.of(1999, 12, 31), "1999-12-31"),
                        v(LocalDate.of(1970, 1, 1), "1970-01-01"), v(LocalDate.of(1, 1, 1), "0001-01-01"),
                        v(LocalDate.of(0, 12, 31), "0001-12-31 BC"), v(LocalDate.of(-4713, 11, 24), "4714-11-24 BC"),
                        v(LocalDate.of(2024, 2, 29), "2024-02-29"), v(LocalDate.of(5_874_897, 12, 31), "5874897-12-31"),
                        v(LocalDate.MAX, "infinity"), v(LocalDate.MIN, "-infinity"),
                        v(LocalDateTime.of(2024, 1, 1, 0, 0), "2024-01-01"), v(null, null)),
                type("timestamp", v(LocalDateTime.of(1, 1, 1, 0, 0), "0001-01-01 00:00:00"),
                        v(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), "1999-12-31 23:59:59.999999"),
                        v(LocalDateTime.of(2000, 1, 1, 0, 0), "2000-01-01 00:00:00"),
                        v(LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000), "2024-02-29 12:00:00.5"),
                        v(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), "9999-12-31 23:59:59.999999"),
                        v(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), "1969-12-31 23:59:59.999999"),
                        v(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000), "1000-01-01 00:00:00.000001"),
                        v(LocalDateTime.of(2024, 3, 31, 2, 30), "2024-03-31 02:30:00"),
                        v(LocalDateTime.of(-4713, 11, 24, 0, 0), "4714-11-24 00:00:00 BC"),
                        v(LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000), "294276-12-31 23:59:59.999999"),
                        v(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500), "2024-01-01 00:00:00.000001"),
                        v(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 499), "2024-01-01 00:00:00"),
                        v(LocalDateTime.of(2024, 1, 1, 23, 59, 59, 999_999_500), "2024-01-02 00:00:00"),
                        v(LocalDateTime.MAX, "infinity"), v(LocalDateTime.MIN, "-infinity"),
                        v(LocalDate.of(2024, 2, 29), "2024-02-29 00:00:00"), v(null, null)),
                type("timestamp(3)", v(LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_456_000), "2024-02-29 12:00:00.123456")),
                type("timestamptz",
                        v(OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30)),
                                "2024-02-29 12:00:00.5+05:30"),
                        v(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-8)),
                                "1999-12-31 23:59:59.999999-08"),
                        v(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "2000-01-01 00:00:00+00"),
                        v(Instant.parse("1969-12-31T23:59:59.999999Z"), "1969-12-31 23:59:59.999999+00"),
                        v(ZonedDateTime.of(2024, 3, 31, 3, 30, 0, 0, ZoneId.of("Europe/Berlin")), "2024-03-31 03:30:00+02"),
                        v(OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC), "0044-03-15 12:00:00+00 BC"),
                        v(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                                "9999-12-31 23:59:59.999999+00"),
                        v(OffsetDateTime.MAX, "infinity"), v(OffsetDateTime.MIN, "-infinity"), v(null, null)),
                type("time", v(LocalTime.MIDNIGHT, "00:00:00"), v(LocalTime.of(23, 59, 59, 999_999_000), "23:59:59.999999"),
                        v(LocalTime.of(12, 34, 56, 500_000_000), "12:34:56.5"), v(LocalTime.MAX, "24:00:00"),
                        v(LocalTime.of(0, 0, 0, 499), "00:00:00"), v(LocalTime.of(0, 0, 0, 500), "00:00:00.000001"),
                        v(null, null)),
                type("uuid", v(random, random.toString()),
                        v(new UUID(0, 0), "00000000-0000-0000-0000-000000000000"),
                        v(new UUID(-1, -1), "ffffffff-ffff-ffff-ffff-ffffffffffff"),
                        v("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), v(null, null)),
                type("json", v("{\"a\": [1, 2.50, \"x\\ty\"],  \"b\": null}", "{\"a\": [1, 2.50, \"x\\ty\"],  \"b\": null}"),
                        v("[]", "[]"), v("\"emoji \uD83D\uDE00\"", "\"emoji \uD83D\uDE00\""), v(5, "5"), v(true, "true"),
                        v(null, null)),
                type("jsonb", v("{\"b\": 1, \"a\": [1, 2.50, \"tab\\t\"]}", "{\"b\": 1, \"a\": [1, 2.50, \"tab\\t\"]}"),
                        v("\"\\u00e9\"", "\"\\u00e9\""), v("{}", "{}"), v(null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryTypes")
    void everyTypeReadsBackAsTheServersTextOfTheSameLiteral(TypeCase type) throws Exception {
        String table = "rf_pgcopy_" + type.ddlType().replaceAll("[^a-z0-9]", "_");
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, v " + type.ddlType() + ")");
        RowSchema schema = schema("id", Types.INTEGER, "v", Types.OTHER);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < type.values().size(); i++) {
            rows.add(new Row(schema, new Object[] {i, type.values().get(i).java()}));
        }

        PostgresCopySink sink = write(table, schema, rows);

        assertThat(sink.binaryBatches()).as("written in the binary format").isEqualTo(1);
        assertThat(sink.textBatches()).isZero();
        assertReadsBack(table, "v", type.castType(), type.values());
    }

    /** Arrays, interval, enums and other types without a binary encoder: the text format, every value intact. */
    @Test
    void tablesWithTypesWithoutABinaryEncoderGoAsText() throws Exception {
        String table = "rf_pgcopy_text_fallback";
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, arr INTEGER[], iv INTERVAL, tags TEXT[],"
                + " t TEXT, b BYTEA, n NUMERIC, ts TIMESTAMP, tz TIMESTAMPTZ, flag BOOLEAN, u UUID, d DATE,"
                + " f FLOAT8, j JSONB, ip INET)");
        RowSchema schema = schema("id", Types.INTEGER, "arr", Types.ARRAY, "iv", Types.OTHER, "tags", Types.ARRAY,
                "t", Types.VARCHAR, "b", Types.BINARY, "n", Types.NUMERIC, "ts", Types.TIMESTAMP, "tz", Types.TIMESTAMP,
                "flag", Types.BOOLEAN, "u", Types.OTHER, "d", Types.DATE, "f", Types.DOUBLE, "j", Types.OTHER, "ip",
                Types.OTHER);
        String tricky = "tab\t nl\n cr\r bs\\ \\N \\. emoji \uD83D\uDE00";
        List<Object[]> values = List.of(
                new Object[] {1, "{1,2,3}", "1 year 2 mons 3 days 04:05:06.789", "{\"a\\\\b\",\"tab\there\",NULL,\"q\\\"uote\"}",
                    tricky, new byte[] {0, 9, 10, 13, 92, (byte) 255}, new BigDecimal("-123456789.000100"),
                    LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000),
                    OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.ofHours(2)), true,
                    UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), LocalDate.of(-43, 3, 15), -0.0,
                    "{\"k\": \"v\\tw\"}", "192.168.0.1/24"},
                new Object[] {2, "{}", "-00:00:01", "{}", "", new byte[0], Double.NaN, LocalDateTime.MAX,
                    OffsetDateTime.MIN, 0, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", LocalDate.MAX, 1e300,
                    "[]", "::1"},
                new Object[] {3, null, null, null, null, null, null, null, null, null, null, null, null, null, null},
                new Object[] {4, "{{1,2},{3,4}}", "P1Y2M", "{\"\"}", "\\", new byte[] {(byte) 0x80},
                    new BigDecimal("1E+5"), LocalDateTime.of(-4713, 11, 24, 0, 0), Instant.parse("2000-01-01T00:00:00Z"),
                    false, UUID.randomUUID(), LocalDate.of(2000, 1, 1), Double.NEGATIVE_INFINITY, "null",
                    "10.0.0.0/8"},
                new Object[] {5, null, null, null, "x".repeat(70_000), null, null, null,
                    OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.ofHours(1)), null, null, null, null, null,
                    null});
        List<Row> rows = values.stream().map(row -> new Row(schema, row)).toList();

        PostgresCopySink sink = write(table, schema, rows);

        assertThat(sink.textBatches()).as("written in the text format").isEqualTo(1);
        assertThat(sink.binaryBatches()).isZero();
        String[] types = {null, "int[]", "interval", "text[]", "text", "bytea", "numeric", "timestamp", "timestamptz",
            "boolean", "uuid", "date", "float8", "jsonb", "inet"};
        for (int column = 1; column < types.length; column++) {
            List<Value> expected = new ArrayList<>();
            for (Object[] row : values) {
                Object value = row[column];
                expected.add(v(value, value == null ? null : expectedLiteral(value)));
            }
            assertReadsBack(table, schema.column(column).name(), types[column], expected);
        }
    }

    private static String expectedLiteral(Object value) {
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value.equals(LocalDateTime.MAX) || value.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (value.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        if (value instanceof OffsetDateTime timestamp && timestamp.getYear() <= 0) {
            return String.format("%04d-%02d-%02d %s%s BC", 1 - timestamp.getYear(), timestamp.getMonthValue(),
                    timestamp.getDayOfMonth(), timestamp.toLocalTime(), timestamp.getOffset());
        }
        if (value instanceof LocalDate date && date.getYear() <= 0) {
            return String.format("%04d-%02d-%02d BC", 1 - date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        }
        if (value instanceof LocalDateTime timestamp && timestamp.getYear() <= 0) {
            return String.format("%04d-%02d-%02d %s BC", 1 - timestamp.getYear(), timestamp.getMonthValue(),
                    timestamp.getDayOfMonth(), timestamp.toLocalTime());
        }
        if (value instanceof Integer number && (number == 0 || number == 1)) {
            return number == 1 ? "true" : "false"; // the boolean column
        }
        return value.toString();
    }

    /**
     * Strings for non-text columns make the batch go as text, for the server to parse; a zone-less LocalDateTime for
     * timestamptz is taken as UTC (as INSERTs take it) and stays binary.
     */
    @Test
    void valuesTheServerMustParseMakeTheBatchGoAsText() throws Exception {
        String table = "rf_pgcopy_server_parses";
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, tz TIMESTAMPTZ, n INTEGER, d DATE, u UUID,"
                + " t TEXT)");
        RowSchema schema = schema("id", Types.INTEGER, "tz", Types.TIMESTAMP, "n", Types.INTEGER, "d", Types.DATE,
                "u", Types.OTHER, "t", Types.VARCHAR);
        List<Row> binary = List.of(new Row(schema, new Object[] {1, OffsetDateTime.parse("2024-03-31T02:30:00Z"), 1,
            LocalDate.of(2024, 1, 1), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "x"}));
        List<Row> zoneless = List.of(new Row(schema, new Object[] {2, LocalDateTime.of(2024, 3, 31, 2, 30), 2,
            LocalDate.of(2024, 1, 2), null, "tab\there"}));
        List<Row> strings = List.of(new Row(schema, new Object[] {3, "2024-01-01 12:00:00+05", " 42 ", "2024-02-29",
            "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "back\\slash"}));

        PostgresCopySink sink = new PostgresCopySink(DB.database(), TableRef.parse(table));
        try {
            sink.open(schema);
            sink.write(binary);
            assertThat(sink.binaryBatches()).isEqualTo(1);
            sink.write(zoneless);
            assertThat(sink.binaryBatches()).isEqualTo(2);
            sink.write(strings);
            assertThat(sink.textBatches()).isEqualTo(1);
            sink.finish();
        } finally {
            sink.close();
        }
        assertReadsBack(table, "tz", "timestamptz", List.of(v(null, "2024-03-31 02:30:00+00"),
                v(null, "2024-03-31 02:30:00+00"), v(null, "2024-01-01 12:00:00+05")));
        assertReadsBack(table, "n", "int", List.of(v(null, "1"), v(null, "2"), v(null, "42")));
        assertReadsBack(table, "d", "date", List.of(v(null, "2024-01-01"), v(null, "2024-01-02"), v(null, "2024-02-29")));
        assertReadsBack(table, "u", "uuid", List.of(v(null, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), v(null, null),
                v(null, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")));
        assertReadsBack(table, "t", "text", List.of(v(null, "x"), v(null, "tab\there"), v(null, "back\\slash")));
    }

    // ---- refusals ----

    @Test
    void textWithU0000FailsNamingTheColumnAndTheRowInBothFormats() throws Exception {
        for (String extraType : List.of("TEXT", "INTERVAL")) { // the binary format, then the text format
            String table = "rf_pgcopy_nul_" + extraType.toLowerCase();
            DB.dropTable(table);
            DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, note TEXT, extra " + extraType + ")");
            RowSchema schema = schema("id", Types.INTEGER, "note", Types.VARCHAR);
            PostgresCopySink sink = new PostgresCopySink(DB.database(), TableRef.parse(table));
            try {
                sink.open(schema);
                sink.write(List.of(new Row(schema, new Object[] {1, "fine"})));
                assertThatThrownBy(() -> sink.write(List.of(new Row(schema, new Object[] {2, "also fine"}),
                                new Row(schema, new Object[] {7, "nul\u0000here"}))))
                        .isInstanceOf(RowferryException.class)
                        .hasMessageContaining(table)
                        .hasMessageContaining("id=7")
                        .hasMessageContaining("column note")
                        .hasMessageContaining("U+0000")
                        .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.DATA));
                // the connection is usable after the cancelled COPY
                sink.write(List.of(new Row(schema, new Object[] {3, "after"})));
            } finally {
                sink.close();
            }
            assertThat(DB.queryLong("SELECT COUNT(*) FROM " + table)).isEqualTo(2);
            assertThat(DB.queryLong("SELECT SUM(id) FROM " + table)).isEqualTo(4);
        }
    }

    static Stream<Object[]> inexactValues() {
        return Stream.of(
                new Object[] {"INTEGER", 5.5, "not a whole number"},
                new Object[] {"INTEGER", 3_000_000_000L, "out of range"},
                new Object[] {"SMALLINT", new BigDecimal("1.5"), "fraction"},
                new Object[] {"BOOLEAN", 2, "only 0 and 1"},
                new Object[] {"NUMERIC", true, "no exact conversion"},
                new Object[] {"DOUBLE PRECISION", new BigDecimal("0.1"), "not exactly representable"},
                new Object[] {"REAL", 0.1, "not exactly representable"},
                new Object[] {"TIMESTAMP", OffsetDateTime.parse("2024-01-01T00:00:00Z"), "wall-clock"},
                new Object[] {"DATE", LocalDateTime.of(2024, 1, 1, 12, 0), "time of day"},
                new Object[] {"BYTEA", UUID.randomUUID(), "no exact conversion"},
                new Object[] {"NUMERIC", new BigDecimal("1E-16384"), "digits after the decimal point"});
    }

    @ParameterizedTest(name = "{1} into {0}")
    @MethodSource("inexactValues")
    void aValueWithoutAnExactConversionFailsNamingColumnRowAndValue(String type, Object value, String why)
            throws Exception {
        String table = "rf_pgcopy_refused";
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, v " + type + ")");
        RowSchema schema = schema("id", Types.INTEGER, "v", Types.OTHER);
        PostgresCopySink sink = new PostgresCopySink(DB.database(), TableRef.parse(table));
        try {
            sink.open(schema);
            assertThatThrownBy(() -> sink.write(List.of(new Row(schema, new Object[] {1, null}),
                            new Row(schema, new Object[] {9, value}))))
                    .isInstanceOf(RowferryException.class)
                    .hasMessageContaining("id=9")
                    .hasMessageContaining("column v")
                    .hasMessageContaining(value.getClass().getSimpleName())
                    .hasMessageContaining(why)
                    .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.DATA));
        } finally {
            sink.close();
        }
        assertThat(DB.queryLong("SELECT COUNT(*) FROM " + table)).isZero();
    }

    /**
     * The server refuses a row after several 64 KiB chunks of the batch were sent: the batch is rolled back, the row
     * is named (replayed with INSERTs), and the same sink writes the next batch on the same connection.
     */
    @Test
    void aRowTheServerRefusesMidStreamIsNamedAndTheConnectionStaysUsable() throws Exception {
        for (String extra : List.of("TEXT", "INTERVAL")) {
            String table = "rf_pgcopy_server_refuses";
            DB.dropTable(table);
            DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, amount NUMERIC(5,2), note TEXT, extra "
                    + extra + ")");
            RowSchema schema = schema("id", Types.INTEGER, "amount", Types.NUMERIC, "note", Types.VARCHAR);
            PostgresCopySink sink = new PostgresCopySink(DB.database(), TableRef.parse(table));
            try {
                sink.open(schema);
                sink.write(rows(schema, 1, 1000, 0));
                List<Row> bad = rows(schema, 1001, 5000, 4000);
                assertThatThrownBy(() -> sink.write(bad))
                        .isInstanceOf(RowferryException.class)
                        .hasMessageContaining("id=4000")
                        .hasMessageContaining("numeric field overflow")
                        .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.DATA));
                List<Row> duplicate = rows(schema, 900, 1100, 0);
                assertThatThrownBy(() -> sink.write(duplicate))
                        .isInstanceOf(RowferryException.class)
                        .hasMessageContaining("id=900")
                        .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.CONSTRAINT));
                sink.write(rows(schema, 1001, 2000, 0));
            } finally {
                sink.close();
            }
            assertThat(DB.queryLong("SELECT COUNT(*) FROM " + table)).isEqualTo(2000);
            assertThat(DB.queryLong("SELECT MAX(id) FROM " + table)).isEqualTo(2000);
            assertThat(DB.awaitNoRowferrySessions()).isZero();
        }
    }

    /** Rows {@code from..to}; the one with id {@code badId} has an amount numeric(5,2) cannot hold. */
    private static List<Row> rows(RowSchema schema, int from, int to, int badId) {
        List<Row> rows = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            rows.add(new Row(schema, new Object[] {id, id == badId ? new BigDecimal("1000.00") : new BigDecimal("1.25"),
                "note " + "x".repeat(100) + id}));
        }
        return rows;
    }

    // ---- shape and memory ----

    /** Source columns in another order and a subset of the target's: the rest get their defaults. */
    @Test
    void columnsAreMatchedByNameAndMissingOnesGetTheirDefaults() throws Exception {
        String table = "rf_pgcopy_columns";
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL,"
                + " created DATE DEFAULT DATE '2020-02-02', amount NUMERIC(10,4), \"Mixed Case\" INTEGER)");
        RowSchema schema = schema("AMOUNT", Types.NUMERIC, "Mixed Case", Types.INTEGER, "name", Types.VARCHAR);
        write(table, schema, List.of(new Row(schema, new Object[] {new BigDecimal("1.5"), 7, "a"}),
                new Row(schema, new Object[] {null, null, "b"})));
        try (Connection connection = DB.adminConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT id, name, created::text,"
                        + " amount::text, \"Mixed Case\" FROM " + table + " ORDER BY id")) {
            List<String> lines = new ArrayList<>();
            while (result.next()) {
                lines.add(result.getLong(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getString(4) + " " + result.getObject(5));
            }
            assertThat(lines).containsExactly("1 a 2020-02-02 1.5000 7", "2 b 2020-02-02 null null");
        }
    }

    /** A 1 MB bytea and 1 MB of multi-byte text go through the 64 KiB buffer without growing it. */
    @Test
    void largeValuesStreamThroughTheBufferWithoutGrowingIt() throws Exception {
        String table = "rf_pgcopy_large";
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, b BYTEA, t TEXT)");
        RowSchema schema = schema("id", Types.INTEGER, "b", Types.BINARY, "t", Types.VARCHAR);
        Random random = new Random(42);
        byte[] megabyte = new byte[1 << 20];
        random.nextBytes(megabyte);
        StringBuilder text = new StringBuilder();
        while (text.length() < 400_000) {
            text.append("ascii ").append("ünï ").append('中').append("\uD83D\uDE00").append('\n');
        }
        List<Row> rows = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            rows.add(new Row(schema, new Object[] {id, megabyte, text.toString() + id}));
        }

        PostgresCopySink sink = write(table, schema, rows);

        assertThat(sink.bufferCapacity()).isEqualTo(CopyBuffer.CHUNK_BYTES);
        assertThat(DB.queryLong("SELECT COUNT(*) FROM " + table + " WHERE md5(b) = '" + md5(megabyte) + "'"))
                .isEqualTo(3);
        for (int id = 1; id <= 3; id++) {
            String expected = md5((text.toString() + id).getBytes(StandardCharsets.UTF_8));
            assertThat(DB.queryLong("SELECT COUNT(*) FROM " + table + " WHERE id = " + id + " AND md5(t) = '"
                    + expected + "'")).isEqualTo(1);
        }
    }

    /** COPY writes into a view only through an INSTEAD OF INSERT trigger; otherwise it says so before any row. */
    @Test
    void aViewWithoutAnInsteadOfTriggerIsRefusedBeforeAnyRow() throws Exception {
        String table = "rf_pgcopy_view_base";
        DB.execute("DROP VIEW IF EXISTS rf_pgcopy_view", "DROP VIEW IF EXISTS rf_pgcopy_view_trigger");
        DB.dropTable(table);
        DB.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, note TEXT)",
                "CREATE VIEW rf_pgcopy_view AS SELECT id, note FROM " + table,
                "CREATE VIEW rf_pgcopy_view_trigger AS SELECT id, note FROM " + table,
                "CREATE OR REPLACE FUNCTION rf_pgcopy_view_insert() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN INSERT INTO " + table + " VALUES (NEW.id, NEW.note); RETURN NEW; END $$",
                "CREATE TRIGGER rf_pgcopy_view_insert INSTEAD OF INSERT ON rf_pgcopy_view_trigger"
                        + " FOR EACH ROW EXECUTE FUNCTION rf_pgcopy_view_insert()");
        RowSchema schema = schema("id", Types.INTEGER, "note", Types.VARCHAR);
        PostgresCopySink plain = new PostgresCopySink(DB.database(), TableRef.parse("rf_pgcopy_view"));
        try {
            assertThatThrownBy(() -> plain.open(schema))
                    .isInstanceOf(RowferryException.class)
                    .hasMessageContaining("rf_pgcopy_view")
                    .hasMessageContaining("use write mode insert")
                    .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE));
        } finally {
            plain.close();
        }
        write("rf_pgcopy_view_trigger", schema, List.of(new Row(schema, new Object[] {1, "through the trigger"})));
        assertThat(DB.queryLong("SELECT COUNT(*) FROM " + table)).isEqualTo(1);
    }

    /**
     * Into a view COPY refuses, write mode AUTO writes with INSERTs (a simple view takes them) and write mode BULK
     * fails before any row with a usage error saying why; INSERT mode writes, as always.
     */
    @Test
    void writeModesIntoAViewCopyRefuses() throws Exception {
        TestDatabase target = new PostgresTestDatabase("rowferry_test2");
        DB.createSample("rf_pgcopy_modes_source", 2_500);
        target.execute("DROP VIEW IF EXISTS rf_pgcopy_modes_view");
        target.createSample("rf_pgcopy_modes_base", 0);
        target.execute("CREATE VIEW rf_pgcopy_modes_view AS SELECT * FROM rf_pgcopy_modes_base");
        // the plan cannot know before opening the target, and says what AUTO will do then
        assertThat(io.rowferry.Rowferry.copy()
                        .from(io.rowferry.Rowferry.read(DB.database()).table("rf_pgcopy_modes_source"))
                        .to(target.database(), "rf_pgcopy_modes_view").plan().writeMode())
                .isEqualTo("bulk (postgresql bulk loader; INSERTs if it cannot write this table)");
        for (io.rowferry.WriteMode mode : List.of(io.rowferry.WriteMode.AUTO, io.rowferry.WriteMode.INSERT)) {
            target.execute("TRUNCATE rf_pgcopy_modes_base");
            io.rowferry.CopyResult result = io.rowferry.Rowferry.copy()
                    .from(io.rowferry.Rowferry.read(DB.database()).table("rf_pgcopy_modes_source"))
                    .to(target.database(), "rf_pgcopy_modes_view")
                    .writeMode(mode)
                    .run();
            assertThat(result.target()).as(mode.name()).doesNotEndWith("(COPY)");
            assertThat(result.rowsWritten()).isEqualTo(2_500);
            assertThat(fingerprint(target, "rf_pgcopy_modes_base")).as(mode.name())
                    .isEqualTo(fingerprint(DB, "rf_pgcopy_modes_source"));
        }
        target.execute("TRUNCATE rf_pgcopy_modes_base");
        assertThatThrownBy(() -> io.rowferry.Rowferry.copy()
                        .from(io.rowferry.Rowferry.read(DB.database()).table("rf_pgcopy_modes_source"))
                        .to(target.database(), "rf_pgcopy_modes_view")
                        .writeMode(io.rowferry.WriteMode.BULK)
                        .run())
                .isInstanceOf(RowferryException.class)
                .hasMessageStartingWith("COPY cannot write table rf_pgcopy_modes_view on ")
                .hasMessageContaining("it is a view without an INSTEAD OF INSERT trigger; use write mode insert")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE));
        assertThat(target.count("rf_pgcopy_modes_base")).isZero();
        assertThat(target.awaitNoRowferrySessions()).isZero();
    }

    /** A copy in the default write mode goes through COPY, and releases its sessions. */
    @Test
    void theDefaultWriteModeCopiesWithCopy() throws Exception {
        TestDatabase target = new PostgresTestDatabase("rowferry_test2");
        DB.createSample("rf_pgcopy_auto_source", 12_345);
        target.createSample("rf_pgcopy_auto_target", 0);
        io.rowferry.CopyResult result = io.rowferry.Rowferry.copy()
                .from(io.rowferry.Rowferry.read(DB.database()).table("rf_pgcopy_auto_source"))
                .to(target.database(), "rf_pgcopy_auto_target")
                .batchSize(1_000)
                .run();
        assertThat(result.target()).endsWith("(COPY)");
        assertThat(result.rowsWritten()).isEqualTo(12_345);
        assertThat(result.batches()).isEqualTo(13);
        assertThat(fingerprint(target, "rf_pgcopy_auto_target")).isEqualTo(fingerprint(DB, "rf_pgcopy_auto_source"));
        assertThat(target.awaitNoRowferrySessions()).isZero();
    }

    @Test
    void rowsReadByCopyGoUndecodedIntoColumnsOfTheSameFormats() throws Exception {
        String columns = " (id int4 PRIMARY KEY, b bool, i8 int8, f8 float8, n numeric, n2 numeric(12,2), t text,"
                + " vc varchar(10), c char(5), by bytea, d date, ts timestamp, tsz timestamptz, u uuid, j json, jb jsonb)";
        DB.dropTable("rf_pgcopy_pass_source");
        DB.execute("CREATE TABLE rf_pgcopy_pass_source" + columns,
                "INSERT INTO rf_pgcopy_pass_source SELECT i, i % 3 = 0, i * 1000000007::int8, i / 7.0, i / 3.0, i / 4.0,"
                        + " repeat('x', i % 50) || E'\\t\\n\\\\' || i, 'v' || i, 'c' || (i % 10), decode(md5(i::text), 'hex'),"
                        + " DATE '2000-01-01' + i, TIMESTAMP '2000-01-01' + i * INTERVAL '1.000001 second',"
                        + " TIMESTAMPTZ '2000-01-01 00:00+00' - i * INTERVAL '1 day', md5(i::text)::uuid,"
                        + " ('{\"i\": ' || i || '}')::json, ('{\"b\": 1, \"a\": ' || i || '}')::jsonb"
                        + " FROM generate_series(1, 2500) i",
                "INSERT INTO rf_pgcopy_pass_source (id) VALUES (0)", // every other column NULL
                "INSERT INTO rf_pgcopy_pass_source VALUES (-1, false, -9223372036854775808, 'NaN', 'NaN', -0.01, '',"
                        + " '', ' ', '\\x', '-infinity', 'infinity', '-infinity', '00000000-0000-0000-0000-000000000000',"
                        + " 'null', '[]')");
        // the same types (varchar and text alike); then one column of another format, which needs every row decoded
        for (String variant : List.of(columns.replace("t text", "t varchar(100)"), columns.replace("id int4", "id int8"))) {
            String target = "rf_pgcopy_pass_target";
            DB.dropTable(target);
            DB.execute("CREATE TABLE " + target + variant);
            PostgresCopySink sink = new PostgresCopySink(DB.database(), TableRef.parse(target));
            try (io.rowferry.source.RowReader reader = io.rowferry.Rowferry.read(DB.database())
                    .table("rf_pgcopy_pass_source").keyset().fetchSize(300).plan().open()) {
                sink.open(reader.schema());
                List<Row> batch = new ArrayList<>();
                Row row;
                while ((row = reader.next()) != null) {
                    batch.add(row);
                    if (batch.size() == 700) {
                        sink.write(batch);
                        batch.clear();
                    }
                }
                sink.write(batch);
                sink.finish();
            } finally {
                sink.close();
            }
            boolean same = variant.contains("id int4");
            assertThat(sink.rowsPassedThrough()).as(variant).isEqualTo(same ? 2_502 : 0);
            assertThat(DB.count(target)).isEqualTo(2_502);
            assertThat(DB.queryLong("SELECT COUNT(*) FROM rf_pgcopy_pass_source src FULL JOIN " + target
                    + " tgt ON src.id = tgt.id WHERE src::text IS DISTINCT FROM tgt::text")).as(variant).isZero();
        }
    }

    private static String fingerprint(TestDatabase db, String table) throws SQLException {
        try (Connection connection = db.adminConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT COUNT(*), SUM(id), SUM(customer),"
                        + " SUM(amount), COUNT(note), SUM(LENGTH(note)), SUM(EXTRACT(EPOCH FROM created)) FROM " + table)) {
            result.next();
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                text.append(result.getString(i)).append(' ');
            }
            return text.toString();
        }
    }

    // ---- helpers ----

    private static RowSchema schema(Object... namesAndTypes) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(Column.of((String) namesAndTypes[i], (Integer) namesAndTypes[i + 1]));
        }
        return new RowSchema(columns);
    }

    private static PostgresCopySink write(String table, RowSchema schema, List<Row> rows) {
        PostgresCopySink sink = new PostgresCopySink(DB.database(), TableRef.parse(table));
        try {
            sink.open(schema);
            sink.write(rows);
            sink.finish();
        } finally {
            sink.close();
        }
        return sink;
    }

    /** Row i of the table (ids 0.., or 1.. where the ids start at 1) holds what the server makes of literal i. */
    private static void assertReadsBack(String table, String column, String castType, List<Value> values)
            throws SQLException {
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (Connection connection = DB.adminConnection();
                PreparedStatement read = connection.prepareStatement("SELECT id, \"" + column + "\"::text FROM "
                        + table + " ORDER BY id");
                PreparedStatement literal = connection.prepareStatement("SELECT CAST(? AS " + castType + ")::text")) {
            try (ResultSet result = read.executeQuery()) {
                while (result.next()) {
                    actual.add(result.getInt(1) + ": " + result.getString(2));
                }
            }
            List<Integer> ids = new ArrayList<>();
            for (String line : actual) {
                ids.add(Integer.parseInt(line.substring(0, line.indexOf(':'))));
            }
            for (int i = 0; i < values.size(); i++) {
                literal.setObject(1, values.get(i).literal(), Types.OTHER);
                try (ResultSet result = literal.executeQuery()) {
                    result.next();
                    expected.add((i < ids.size() ? ids.get(i) : -1) + ": " + result.getString(1));
                }
            }
        }
        assertThat(actual).as("%s of %s: %s", column, table, values).containsExactlyElementsOf(expected);
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
