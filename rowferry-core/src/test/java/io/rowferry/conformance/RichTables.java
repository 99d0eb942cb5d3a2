package io.rowferry.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The richest table of each database that runs here, for {@link AllPairsRoundTripTest}. */
final class RichTables {
    private RichTables() {}

    static final List<RichTable> ALL = List.of(new Postgres(), new MariaDb(), new Sqlite(), new H2(), new DuckDb());

    /** Row 4 of every rich table: the key and NULL everywhere else. */
    private static String nullRow(String table) {
        return "INSERT INTO " + table + " (id) VALUES (4)";
    }

    static final class Postgres extends RichTable {
        @Override
        String id() {
            return "postgresql";
        }

        @Override
        TestDatabase database(Path directory) {
            return new PostgresTestDatabase(ServerSettings.TYPES_DATABASE);
        }

        @Override
        List<String> columns() {
            return List.of("i16", "i32", "i64", "d38", "dn", "f32", "f64", "b", "d", "t", "ts", "tstz", "ch", "vc",
                    "tx", "bl", "js", "jb", "uu", "ia", "ta", "iv", "m", "bt", "vb");
        }

        @Override
        List<String> createStatements(String table) {
            return List.of("CREATE TABLE " + table + " (id int PRIMARY KEY, i16 smallint, i32 integer, i64 bigint,"
                            + " d38 numeric(38,10), dn numeric, f32 real, f64 double precision, b boolean, d date,"
                            + " t time(6), ts timestamp(6), tstz timestamptz(6), ch char(5), vc varchar(100), tx text,"
                            + " bl bytea, js json, jb jsonb, uu uuid, ia int[], ta text[], iv interval, m money,"
                            + " bt bit(5), vb varbit(20))",
                    "INSERT INTO " + table + " VALUES (1, 32767, 2147483647, 9223372036854775807,"
                            + " 9999999999999999999999999999.9999999999, 12345678901234567890.0123456789, 3.4028235e38,"
                            + " 1.7976931348623157e308, true, '9999-12-31', '23:59:59.999999',"
                            + " '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999999+00', 'ab', "
                            + literal(UTF8_TEXT) + ", repeat('long text ', 1000), NULL,"
                            + " '{\"b\": 1, \"a\": [1, 2.50, \"x\"]}', '{\"b\": 1, \"a\": [1, 2.50, \"x\"]}',"
                            + " '123e4567-e89b-12d3-a456-426614174000', '{1,2,NULL,-3}',"
                            + " '{\"a b\",\"c,d\",NULL,\"é\\\"q\",\"NULL\"}', '1 year 2 mons 3 days 04:05:06.789',"
                            + " '92233720368547758.07', B'10110', B'10110011100011110000')",
                    "INSERT INTO " + table + " VALUES (2, -32768, -2147483648, -9223372036854775808,"
                            + " -9999999999999999999999999999.9999999999, -0.0000000001, 1.17549435e-38, 4.9e-324,"
                            + " false, '1000-01-01', '00:00:00', '1000-01-01 00:00:00', '1000-01-01 00:00:00+00',"
                            + " '', '', '', '\\x', '[]', '{}', '00000000-0000-0000-0000-000000000000', '{}', '{}',"
                            + " '-3 mons -00:00:00.000001', '-92233720368547758.08', B'00000', B'')",
                    "INSERT INTO " + table + " VALUES (3, 0, 0, 0, 0.0000000001, 0, 0.5, 0.1, true, '2024-02-29',"
                            + " '12:00:00.5', '2024-03-31 02:30:00.123456', '2024-03-31 01:30:00.123456+05:45',"
                            + " 'abcde', 'x  ', 'y', '\\x0a0d09', '{}', '{\"k\": null}',"
                            + " 'ffffffff-ffff-ffff-ffff-ffffffffffff', '{{1,2},{3,4}}', '{\"\"}', '0', 0, B'11111',"
                            + " B'0')",
                    nullRow(table));
        }

        @Override
        List<Special> specials() {
            return List.of(
                    new Special("fnan", "double precision", List.of("1.5", "'NaN'"),
                            Set.of("postgresql", "h2", "duckdb")),
                    new Special("finf", "double precision", List.of("1.5", "'Infinity'", "'-Infinity'"),
                            Set.of("postgresql", "h2", "duckdb", "sqlite"), Set.of("sqlite")),
                    new Special("nspecial", "numeric", List.of("1.5", "'NaN'", "'Infinity'"),
                            Set.of("postgresql", "h2")),
                    new Special("wide", "numeric(50,20)", List.of("1", "999999999999999999999999999999.99999999999999999999",
                            "-99999999999999999999.00000000000000000001"), allBut("duckdb")),
                    new Special("olddate", "date", List.of("'2024-01-01'", "'0500-01-01'", "'4713-01-01 BC'"),
                            allBut("mariadb"), Set.of("duckdb")));
        }

        @Override
        String equal(String a, String b) {
            return a + " IS NOT DISTINCT FROM " + b;
        }

        @Override
        String textEqual(String a, String b) {
            return a + "::text IS NOT DISTINCT FROM " + b + "::text";
        }

        /**
         * money's text depends on lc_monetary; its value is the number. CHAR padding is not part of the value: a
         * {@code char(5)} comes back as text padded with spaces from targets that have no CHAR (DuckDB).
         */
        @Override
        Map<String, String> compareAs() {
            return Map.of("m", "%s::numeric", "ch", "%s::bpchar");
        }

        /** A timestamp that came back without time zone holds the UTC wall-clock time. */
        @Override
        List<String> sessionSetup() {
            return List.of("SET TimeZone = 'UTC'");
        }
    }

    static final class MariaDb extends RichTable {
        @Override
        String id() {
            return "mariadb";
        }

        @Override
        TestDatabase database(Path directory) {
            return new MariaDbTestDatabase(ServerSettings.TYPES_DATABASE, false);
        }

        @Override
        String literal(String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }

        @Override
        List<String> columns() {
            return List.of("i8", "u8", "i16", "u16", "i24", "u24", "i32", "u32", "i64", "u64", "d38", "f32", "f64",
                    "flag", "d", "t", "dt", "ts", "ch", "vc", "tx", "bl", "js", "uu", "en", "st", "yr", "b5", "b64");
        }

        @Override
        List<String> createStatements(String table) {
            return List.of("CREATE TABLE " + table + " (id INT NOT NULL PRIMARY KEY,"
                            + " i8 TINYINT, u8 TINYINT UNSIGNED, i16 SMALLINT, u16 SMALLINT UNSIGNED, i24 MEDIUMINT,"
                            + " u24 MEDIUMINT UNSIGNED, i32 INT, u32 INT UNSIGNED, i64 BIGINT, u64 BIGINT UNSIGNED,"
                            + " d38 DECIMAL(38,10), f32 FLOAT, f64 DOUBLE, flag BOOLEAN, d DATE, t TIME(6),"
                            + " dt DATETIME(6), ts TIMESTAMP(6) NULL, ch CHAR(5), vc VARCHAR(100), tx TEXT, bl LONGBLOB,"
                            + " js JSON, uu UUID, en ENUM('new','paid','it''s'), st SET('a','b','c'), yr YEAR,"
                            + " b5 BIT(5), b64 BIT(64)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
                    "SET time_zone = '+00:00'",
                    "INSERT INTO " + table + " VALUES (1, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647,"
                            + " 4294967295, 9223372036854775807, 18446744073709551615,"
                            + " 9999999999999999999999999999.9999999999, 3.40282e38, 1.7976931348623157e308, 1,"
                            + " '9999-12-31', '23:59:59.999999', '9999-12-31 23:59:59.999999',"
                            + " '2038-01-19 03:14:07.999999', 'ab', " + literal(UTF8_TEXT) + ","
                            + " REPEAT('long text ', 1000), NULL, '{\"b\": 1, \"a\": [1, 2.50, \"x\"]}',"
                            + " '123e4567-e89b-12d3-a456-426614174000', 'it''s', 'a,c', 2155, b'10110',"
                            + " b'1111111111111111111111111111111111111111111111111111111111111111')",
                    "INSERT INTO " + table + " VALUES (2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0,"
                            + " -9223372036854775808, 0, -9999999999999999999999999999.9999999999, -1.17549e-38,"
                            + " 4.9e-324, 0, '1000-01-01', '00:00:00', '1000-01-01 00:00:00', '1970-01-01 00:00:01',"
                            + " '', '', '', x'', '[]', '00000000-0000-0000-0000-000000000000', 'new', '', 1901,"
                            + " b'00000', b'0')",
                    "INSERT INTO " + table + " VALUES (3, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0.0000000001, 0.5, 0.1, 1,"
                            + " '2024-02-29', '12:00:00.5', '2024-03-31 02:30:00.123456', '2024-03-31 01:30:00.123456',"
                            + " 'abcde', 'x  ', 'y', x'0a0d09', '{}', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'paid',"
                            + " 'a,b,c', 2024, b'00001', b'1000000000000000000000000000000000000000000000000000000000000001')",
                    nullRow(table));
        }

        @Override
        List<Special> specials() {
            return List.of(new Special("d65", "DECIMAL(65,30)", List.of("1.5",
                    "99999999999999999999999999999999999.999999999999999999999999999999",
                    "-99999999999999999999999999999999999.999999999999999999999999999999"), allBut("duckdb")));
        }

        @Override
        String equal(String a, String b) {
            return a + " <=> " + b;
        }

        @Override
        String textEqual(String a, String b) {
            return "CAST(" + a + " AS CHAR) <=> CAST(" + b + " AS CHAR)";
        }

        /** A BIT(n) column that came back as text holds the n binary digits. */
        @Override
        String compare(String column, String a, String b, String sourceType, String backType) {
            Map<String, Integer> bits = Map.of("b5", 5, "b64", 64);
            if (bits.containsKey(column) && !backType.equalsIgnoreCase("BIT")) {
                return "LPAD(BIN(" + a + "), " + bits.get(column) + ", '0') <=> " + b;
            }
            return super.compare(column, a, b, sourceType, backType);
        }

        @Override
        List<String> sessionSetup() {
            return List.of("SET time_zone = '+00:00'");
        }
    }

    static final class Sqlite extends RichTable {
        @Override
        String id() {
            return "sqlite";
        }

        @Override
        TestDatabase database(Path directory) {
            return new EmbeddedTestDatabase.Sqlite(directory, "rt");
        }

        @Override
        List<String> columns() {
            return List.of("i64", "dec", "dect", "r", "b", "d", "t", "ts", "tstz", "ch", "vc", "tx", "bl");
        }

        /** Dates and times in the ISO-8601 text Rowferry writes into SQLite; exact decimals as TEXT. */
        @Override
        List<String> createStatements(String table) {
            return List.of("CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, i64 INTEGER,"
                            + " dec DECIMAL(10,2), dect DECIMAL_TEXT(38,10), r REAL, b BOOLEAN, d DATE, t TIME,"
                            + " ts TIMESTAMP, tstz TIMESTAMP WITH TIME ZONE, ch CHAR(5), vc VARCHAR(100), tx TEXT,"
                            + " bl BLOB)",
                    "INSERT INTO " + table + " VALUES (1, 9223372036854775807, 99999999.99,"
                            + " '9999999999999999999999999999.9999999999', 1.7976931348623157e308, 1, '9999-12-31',"
                            + " '23:59:59.999999', '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999999+00:00',"
                            + " 'ab', " + literal(UTF8_TEXT) + ", printf('%.*c', 10000, 'x'), NULL)",
                    "INSERT INTO " + table + " VALUES (2, -9223372036854775808, -99999999.99,"
                            + " '-9999999999999999999999999999.9999999999', 4.9e-324, 0, '1000-01-01',"
                            + " '00:00:00.000000', '1000-01-01 00:00:00.000000', '1000-01-01 00:00:00.000000+00:00',"
                            + " '', '', '', x'')",
                    "INSERT INTO " + table + " VALUES (3, 0, 0.1, '0.0000000001', 0.1, 1, '2024-02-29',"
                            + " '12:00:00.500000', '2024-03-31 02:30:00.123456', '2024-03-30 19:45:00.123456+00:00',"
                            + " 'abcde', 'x  ', 'y', x'0a0d09')",
                    nullRow(table));
        }

        @Override
        List<Special> specials() {
            return List.of(new Special("rspecial", "REAL", List.of("1.5", "9e999", "-9e999"),
                    Set.of("postgresql", "h2", "duckdb")));
        }

        @Override
        String equal(String a, String b) {
            return a + " IS " + b;
        }

        /** CHAR padding is not part of the value: H2's CHAR(5) pads what it holds with spaces. */
        @Override
        Map<String, String> compareAs() {
            return Map.of("ch", "rtrim(%s)");
        }

        /** An instant that came back as a timestamp without time zone (from MariaDB) holds its UTC time. */
        @Override
        String compare(String column, String a, String b, String sourceType, String backType) {
            if (sourceType.contains("TIME ZONE") && !backType.contains("TIME ZONE")) {
                return a + " IS " + b + " || '+00:00'";
            }
            return super.compare(column, a, b, sourceType, backType);
        }

        @Override
        String textEqual(String a, String b) {
            return "CAST(" + a + " AS TEXT) IS CAST(" + b + " AS TEXT)";
        }
    }

    static final class H2 extends RichTable {
        @Override
        String id() {
            return "h2";
        }

        @Override
        TestDatabase database(Path directory) {
            return new EmbeddedTestDatabase.H2(directory, "rt_h2");
        }

        @Override
        List<String> columns() {
            return List.of("i8", "i16", "i32", "i64", "d38", "f32", "f64", "b", "d", "t", "ts", "tstz", "ch", "vc", "tx",
                    "bl", "vbin", "js", "uu");
        }

        @Override
        List<String> createStatements(String table) {
            return List.of("CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, i8 TINYINT, i16 SMALLINT,"
                            + " i32 INTEGER, i64 BIGINT, d38 NUMERIC(38,10), f32 REAL, f64 DOUBLE PRECISION,"
                            + " b BOOLEAN, d DATE, t TIME(6), ts TIMESTAMP(6), tstz TIMESTAMP(6) WITH TIME ZONE,"
                            + " ch CHAR(5), vc VARCHAR(100), tx CHARACTER LARGE OBJECT, bl BINARY LARGE OBJECT,"
                            + " vbin VARBINARY(10), js JSON, uu UUID)",
                    "INSERT INTO " + table + " VALUES (1, 127, 32767, 2147483647, 9223372036854775807,"
                            + " 9999999999999999999999999999.9999999999, 3.4028235e38, 1.7976931348623157e308, TRUE,"
                            + " DATE '9999-12-31', TIME '23:59:59.999999', TIMESTAMP '9999-12-31 23:59:59.999999',"
                            + " TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59.999999+00', 'ab', "
                            + literal(UTF8_TEXT) + ", REPEAT('long text ', 1000), NULL, X'00ff00ff00ff00ff00ff',"
                            + " JSON '{\"b\": 1, \"a\": [1, 2.50, \"x\"]}', '123e4567-e89b-12d3-a456-426614174000')",
                    "INSERT INTO " + table + " VALUES (2, -128, -32768, -2147483648, -9223372036854775808,"
                            + " -9999999999999999999999999999.9999999999, 1.17549435e-38, 4.9e-324, FALSE,"
                            + " DATE '1000-01-01', TIME '00:00:00', TIMESTAMP '1000-01-01 00:00:00',"
                            + " TIMESTAMP WITH TIME ZONE '1000-01-01 00:00:00+00', '', '', '', X'', X'',"
                            + " JSON '[]', '00000000-0000-0000-0000-000000000000')",
                    "INSERT INTO " + table + " VALUES (3, 0, 0, 0, 0, 0.0000000001, 0.5, 0.1, TRUE, DATE '2024-02-29',"
                            + " TIME '12:00:00.5', TIMESTAMP '2024-03-31 02:30:00.123456',"
                            + " TIMESTAMP WITH TIME ZONE '2024-03-31 01:30:00.123456+05:45', 'abcde', 'x  ', 'y',"
                            + " X'0a0d09', X'01', JSON '{}', 'ffffffff-ffff-ffff-ffff-ffffffffffff')",
                    nullRow(table));
        }

        @Override
        List<Special> specials() {
            return List.of(
                    new Special("fnan", "DOUBLE PRECISION", List.of("1.5", "CAST('NaN' AS DOUBLE PRECISION)"),
                            Set.of("postgresql", "duckdb")),
                    new Special("finf", "DOUBLE PRECISION", List.of("1.5", "CAST('Infinity' AS DOUBLE PRECISION)",
                            "CAST('-Infinity' AS DOUBLE PRECISION)"), Set.of("postgresql", "duckdb", "sqlite"),
                            Set.of("sqlite")),
                    new Special("wide", "NUMERIC(50,20)", List.of("1",
                            "999999999999999999999999999999.99999999999999999999",
                            "-99999999999999999999.00000000000000000001"),
                            allBut("duckdb")),
                    new Special("olddate", "DATE", List.of("DATE '2024-01-01'", "DATE '0500-01-01'",
                            "DATE '-4712-01-01'"), allBut("mariadb"), Set.of("postgresql", "duckdb")));
        }

        @Override
        String equal(String a, String b) {
            return a + " IS NOT DISTINCT FROM " + b;
        }

        @Override
        String textEqual(String a, String b) {
            return "CAST(" + a + " AS VARCHAR) IS NOT DISTINCT FROM CAST(" + b + " AS VARCHAR)";
        }

        /** A timestamp that came back without time zone holds the UTC wall-clock time. */
        @Override
        List<String> sessionSetup() {
            return List.of("SET TIME ZONE 'UTC'");
        }

        /** H2 keeps JSON normalized ({"b":1,...}); other databases return that text, which comes back as text. */
        @Override
        Map<String, String> compareAs() {
            return Map.of("js", "CAST(%s AS VARCHAR)");
        }
    }

    static final class DuckDb extends RichTable {
        @Override
        String id() {
            return "duckdb";
        }

        @Override
        TestDatabase database(Path directory) {
            return new EmbeddedTestDatabase.DuckDb(directory, "rt");
        }

        @Override
        List<String> columns() {
            return List.of("i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "hi", "d38", "f32", "f64", "b", "d",
                    "t", "ts", "tstz", "vc", "bl", "uu");
        }

        @Override
        List<String> createStatements(String table) {
            return List.of("CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, i8 TINYINT, u8 UTINYINT,"
                            + " i16 SMALLINT, u16 USMALLINT, i32 INTEGER, u32 UINTEGER, i64 BIGINT, u64 UBIGINT,"
                            + " hi HUGEINT, d38 DECIMAL(38,10), f32 FLOAT, f64 DOUBLE, b BOOLEAN, d DATE, t TIME,"
                            + " ts TIMESTAMP, tstz TIMESTAMPTZ, vc VARCHAR, bl BLOB, uu UUID)",
                    "SET TimeZone = 'UTC'",
                    "INSERT INTO " + table + " VALUES (1, 127, 255, 32767, 65535, 2147483647, 4294967295,"
                            + " 9223372036854775807, 18446744073709551615, 170141183460469231731687303715884105727,"
                            + " 9999999999999999999999999999.9999999999, 3.4028235e38, 1.7976931348623157e308, true,"
                            + " '9999-12-31', '23:59:59.999999', '9999-12-31 23:59:59.999999',"
                            + " '9999-12-31 23:59:59.999999+00', " + literal(UTF8_TEXT) + ", NULL,"
                            + " '123e4567-e89b-12d3-a456-426614174000')",
                    "INSERT INTO " + table + " VALUES (2, -128, 0, -32768, 0, -2147483648, 0, -9223372036854775808, 0,"
                            + " -170141183460469231731687303715884105728, -9999999999999999999999999999.9999999999,"
                            + " 1.17549435e-38, 4.9e-324, false, '1000-01-01', '00:00:00', '1000-01-01 00:00:00',"
                            + " '1000-01-01 00:00:00+00', '', ''::BLOB, '00000000-0000-0000-0000-000000000000')",
                    "INSERT INTO " + table + " VALUES (3, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0.0000000001, 0.5, 0.1, true,"
                            + " '2024-02-29', '12:00:00.5', '2024-03-31 02:30:00.123456',"
                            + " '2024-03-31 01:30:00.123456+05:45', 'x  ', '\\x0A\\x0D\\x09'::BLOB,"
                            + " 'ffffffff-ffff-ffff-ffff-ffffffffffff')",
                    nullRow(table));
        }

        @Override
        List<Special> specials() {
            return List.of(
                    new Special("fnan", "DOUBLE", List.of("1.5", "'NaN'::DOUBLE"), Set.of("postgresql", "h2")),
                    new Special("finf", "DOUBLE", List.of("1.5", "'Infinity'::DOUBLE", "'-Infinity'::DOUBLE"),
                            Set.of("postgresql", "h2", "sqlite"), Set.of("sqlite")));
        }

        @Override
        String equal(String a, String b) {
            return a + " IS NOT DISTINCT FROM " + b;
        }

        @Override
        String textEqual(String a, String b) {
            return "CAST(" + a + " AS VARCHAR) IS NOT DISTINCT FROM CAST(" + b + " AS VARCHAR)";
        }

        @Override
        List<String> sessionSetup() {
            return List.of("SET TimeZone = 'UTC'");
        }
    }
}
