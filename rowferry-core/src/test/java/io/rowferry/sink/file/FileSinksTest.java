package io.rowferry.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.Column;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinksTest {
    private static final RowSchema SCHEMA = new RowSchema(List.of(
            Column.of("text", Types.VARCHAR),
            Column.of("amount", Types.DECIMAL),
            Column.of("big", Types.BIGINT),
            Column.of("real", Types.DOUBLE),
            Column.of("flag", Types.BOOLEAN),
            Column.of("at", Types.TIMESTAMP),
            Column.of("day", Types.DATE),
            Column.of("zoned", Types.TIMESTAMP_WITH_TIMEZONE),
            Column.of("bytes", Types.VARBINARY),
            Column.of("id", Types.OTHER)));

    private static final List<Row> ROWS = List.of(
            new Row(SCHEMA, new Object[] {"say \"hi\", then\nleave", new BigDecimal("1E+3"), 9_007_199_254_740_993L,
                Double.NaN, true, LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000), LocalDate.of(1000, 1, 1),
                OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)),
                new byte[] {0, (byte) 0xff}, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")}),
            new Row(SCHEMA, new Object[] {"", null, null, 0.1, false, LocalDateTime.of(2024, 1, 1, 0, 0), null, null,
                new byte[0], null}));

    @TempDir
    Path directory;

    private static void export(io.rowferry.sink.RowSink sink) {
        sink.open(SCHEMA);
        sink.write(ROWS);
        sink.finish();
        sink.close();
    }

    @Test
    void csvIsRfc4180AndKeepsNullApartFromEmpty() throws Exception {
        Path file = directory.resolve("out.csv");
        export(new CsvSink(FileTarget.file(file)));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(
                "text,amount,big,real,flag,at,day,zoned,bytes,id\r\n"
                        + "\"say \"\"hi\"\", then\nleave\",1000,9007199254740993,NaN,true,2024-03-31 02:30:00.123456,"
                        + "1000-01-01,2024-01-01 12:00:00+05:45,\\x00ff,123e4567-e89b-12d3-a456-426614174000\r\n"
                        + "\"\",,,0.1,false,2024-01-01 00:00:00,,,\\x,\r\n");
        assertThat(directory.resolve(".out.csv.partial")).doesNotExist();
    }

    @Test
    void jsonLinesKeepsJsonTypes() throws Exception {
        Path file = directory.resolve("out.jsonl");
        export(new JsonLinesSink(FileTarget.file(file)));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "{\"text\":\"say \\\"hi\\\", then\\nleave\",\"amount\":1000,\"big\":9007199254740993,\"real\":\"NaN\","
                        + "\"flag\":true,\"at\":\"2024-03-31 02:30:00.123456\",\"day\":\"1000-01-01\","
                        + "\"zoned\":\"2024-01-01 12:00:00+05:45\",\"bytes\":\"AP8=\","
                        + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}",
                "{\"text\":\"\",\"amount\":null,\"big\":null,\"real\":0.1,\"flag\":false,"
                        + "\"at\":\"2024-01-01 00:00:00\",\"day\":null,\"zoned\":null,\"bytes\":\"\",\"id\":null}");
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void anEmptyExportStillHasItsHeaderAndAFailedOneLeavesNothing() throws Exception {
        Path empty = directory.resolve("empty.csv");
        CsvSink sink = new CsvSink(FileTarget.file(empty));
        sink.open(SCHEMA);
        sink.finish();
        sink.close();
        assertThat(Files.readString(empty)).isEqualTo("text,amount,big,real,flag,at,day,zoned,bytes,id\r\n");

        Path failed = directory.resolve("failed.csv");
        Files.writeString(failed, "an older complete export\n");
        CsvSink aborted = new CsvSink(FileTarget.file(failed));
        aborted.open(SCHEMA);
        aborted.write(ROWS);
        aborted.abort();
        aborted.close();
        assertThat(Files.readString(failed)).isEqualTo("an older complete export\n");
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void bigIntegersStayExact() {
        assertThat(ValueText.of(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(ValueText.of(new BigDecimal("-0.000000000100"))).isEqualTo("-0.000000000100");
    }
}
