package io.rowferry.dialect.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import io.rowferry.Column;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bulk copy row source and options, without a server (none runs here): what the driver is told about each column
 * and what it is given for each row. The bulk copy itself is unverified against a live SQL Server.
 */
class SqlServerBulkDataTest {

    /** A target column as mssql-jdbc's metadata reports it. */
    private static Column target(String name, int jdbcType, String typeName, int precision, int scale) {
        return new Column(name, jdbcType, typeName, precision, scale, true);
    }

    private static final List<Column> TARGET = List.of(
            target("id", Types.INTEGER, "int identity", 10, 0),
            target("big", Types.BIGINT, "bigint", 19, 0),
            target("small", Types.SMALLINT, "smallint", 5, 0),
            target("tiny", Types.TINYINT, "tinyint", 3, 0),
            target("flag", Types.BIT, "bit", 1, 0),
            target("amount", Types.DECIMAL, "decimal", 12, 2),
            target("price", Types.DECIMAL, "money", 19, 4),
            target("ratio", Types.DOUBLE, "float", 53, 0),
            target("r", Types.REAL, "real", 24, 0),
            target("name", Types.NVARCHAR, "nvarchar", 200, 0),
            target("code", Types.VARCHAR, "varchar", 2147483647, 0),
            target("guid", Types.CHAR, "uniqueidentifier", 36, 0),
            target("data", Types.VARBINARY, "varbinary", 300, 0),
            target("day", Types.DATE, "date", 10, 0),
            target("at", Types.TIME, "time", 16, 7),
            target("created", Types.TIMESTAMP, "datetime2", 27, 7),
            target("legacy", Types.TIMESTAMP, "datetime", 23, 3),
            target("minute", Types.TIMESTAMP, "smalldatetime", 16, 0),
            target("instant", microsoft.sql.Types.DATETIMEOFFSET, "datetimeoffset", 34, 7));

    private static RowSchema sourceSchema() {
        List<Column> columns = new ArrayList<>();
        for (Column column : TARGET) {
            columns.add(Column.of("src_" + column.name(), Types.OTHER));
        }
        return new RowSchema(columns);
    }

    @Test
    void describesEachColumnAsItsTargetType() {
        SqlServerBulkSink.Plan plan = SqlServerBulkSink.plan(sourceSchema(), TARGET);
        assertThat(plan.insertsOnly()).isNull();
        assertThat(plan.targetNames()).containsExactlyElementsOf(TARGET.stream().map(Column::name).toList());
        SqlServerBulkData data = new SqlServerBulkData(plan.columns(), List.of());
        assertThat(data.getColumnOrdinals()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                18, 19);
        assertThat(data.getColumnName(1)).isEqualTo("src_id");
        assertThat(data.getColumnName(19)).isEqualTo("src_instant");
        int[] types = new int[19];
        for (int i = 1; i <= 19; i++) {
            types[i - 1] = data.getColumnType(i);
        }
        assertThat(types).containsExactly(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT, Types.BIT,
                Types.DECIMAL, Types.DECIMAL, Types.DOUBLE, Types.REAL, Types.NVARCHAR, Types.NVARCHAR, Types.NVARCHAR,
                Types.VARBINARY, Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP,
                microsoft.sql.Types.DATETIMEOFFSET);
        assertThat(data.getPrecision(6)).isEqualTo(12);
        assertThat(data.getScale(6)).isEqualTo(2);
        assertThat(data.getPrecision(7)).isEqualTo(19);
        assertThat(data.getScale(7)).isEqualTo(4);
        assertThat(data.getPrecision(10)).isEqualTo(200);
        assertThat(data.getScale(15)).isEqualTo(7);
    }

    @Test
    void yieldsTheBatchRowByRowWithEachValueConverted() throws SQLException {
        SqlServerBulkSink.Plan plan = SqlServerBulkSink.plan(sourceSchema(), TARGET);
        RowSchema schema = sourceSchema();
        UUID guid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        byte[] bytes = {0, 1, (byte) 0xFF};
        Row full = new Row(schema, new Object[] {7, 8, (short) 9, 200, true, new BigDecimal("1.5"), 3L, 0.1f,
                2.5f, "tab\t\u00fcnic\u00f6de \uD83D\uDE00", 42L, guid, bytes, LocalDate.of(1, 1, 1),
                LocalTime.of(23, 59, 59, 999_999_900), LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_700),
                LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_000_000), LocalDateTime.of(2024, 1, 1, 10, 0),
                OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 100, ZoneOffset.ofHoursMinutes(-5, -30))});
        Row nulls = new Row(schema, new Object[19]);
        Row widened = new Row(schema, new Object[] {Long.valueOf(Integer.MAX_VALUE), new BigInteger("-5"), 1, (byte) 0,
                1, 12, new BigDecimal("-0.1000"), 1L << 53, (short) 2, "x", "text", guid.toString(), new byte[0],
                null, null, null, null, null, null});
        List<Row> batch = List.of(full, nulls, widened);
        SqlServerBulkData data = new SqlServerBulkData(plan.columns(), batch);

        assertThat(data.next()).isTrue();
        assertThat(data.getRowData()).containsExactly(7, 8L, (short) 9, (short) 200, true, new BigDecimal("1.50"),
                new BigDecimal("3.0000"), (double) 0.1f, 2.5f, "tab\t\u00fcnic\u00f6de \uD83D\uDE00", "42",
                guid.toString(), bytes, "0001-01-01", "23:59:59.9999999", "2024-03-31T02:30:00.1234567",
                "2024-01-01T10:00:00.123", "2024-01-01T10:00:00", "2024-01-01T12:00:00.0000001-05:30");
        assertThat(data.next()).isTrue();
        assertThat(data.getRowData()).hasSize(19).containsOnlyNulls();
        assertThat(data.next()).isTrue();
        assertThat(data.getRowData()).containsExactly(Integer.MAX_VALUE, -5L, (short) 1, (short) 0, true,
                new BigDecimal("12.00"), new BigDecimal("-0.1000"), (double) (1L << 53), 2.0f, "x", "text",
                guid.toString(), new byte[0], null, null, null, null, null, null);
        assertThat(data.next()).isFalse();
        assertThatThrownBy(data::getRowData).isInstanceOf(SQLException.class);
    }

    @Test
    void valuesOutOfRangeFailTheRowWithADataError() throws SQLException {
        SqlServerBulkSink.Plan plan = SqlServerBulkSink.plan(sourceSchema(), TARGET);
        Object[] values = new Object[19];
        values[0] = Long.MAX_VALUE; // into int
        SqlServerBulkData data = new SqlServerBulkData(plan.columns(), List.of(new Row(sourceSchema(), values)));
        data.next();
        assertThatThrownBy(data::getRowData).isInstanceOf(SQLException.class)
                .hasMessageContaining("src_id")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("22"));
        Object[] decimal = new Object[19];
        decimal[5] = new BigDecimal("12345678901.00"); // 11 integer digits into decimal(12,2)
        SqlServerBulkData tooWide = new SqlServerBulkData(plan.columns(), List.of(new Row(sourceSchema(), decimal)));
        tooWide.next();
        assertThatThrownBy(tooWide::getRowData).isInstanceOf(SQLException.class).hasMessageContaining("src_amount");
    }

    @Test
    void valuesThatWouldNeedARoundingConversionAreLeftToInserts() {
        List<SqlServerBulkData.BulkColumn> columns = SqlServerBulkSink.plan(sourceSchema(), TARGET).columns();
        assertThat(SqlServerBulkData.accepts(columns.get(0), 1.5)).isFalse(); // double into int
        assertThat(SqlServerBulkData.accepts(columns.get(0), new BigDecimal("2.00"))).isTrue();
        assertThat(SqlServerBulkData.accepts(columns.get(5), new BigDecimal("1.234"))).isFalse(); // rounds
        assertThat(SqlServerBulkData.accepts(columns.get(5), 1.25)).isFalse(); // double into decimal
        assertThat(SqlServerBulkData.accepts(columns.get(9), true)).isFalse(); // INSERT sends bit 1, not "true"
        assertThat(SqlServerBulkData.accepts(columns.get(9), 1.5)).isFalse();
        assertThat(SqlServerBulkData.accepts(columns.get(12), "0xFF")).isFalse(); // text into varbinary
        assertThat(SqlServerBulkData.accepts(columns.get(15), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1))).isFalse();
        assertThat(SqlServerBulkData.accepts(columns.get(16), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000))).isFalse();
        assertThat(SqlServerBulkData.accepts(columns.get(17), LocalDateTime.of(2024, 1, 1, 0, 0, 1))).isTrue();
        assertThat(SqlServerBulkData.accepts(columns.get(17), LocalDateTime.of(2024, 1, 1, 0, 0, 1, 5))).isFalse();
        assertThat(SqlServerBulkData.accepts(columns.get(18), LocalDateTime.of(2024, 1, 1, 0, 0))).isFalse();
        for (SqlServerBulkData.BulkColumn column : columns) {
            assertThat(SqlServerBulkData.accepts(column, null)).isTrue();
        }
    }

    @Test
    void columnTypesTheRowSourceDoesNotWriteSendTheSchemaToInserts() {
        List<Column> target = new ArrayList<>(TARGET);
        target.set(3, target("shape", Types.VARBINARY, "geography", 0, 0));
        SqlServerBulkSink.Plan plan = SqlServerBulkSink.plan(sourceSchema(), target);
        assertThat(plan.insertsOnly()).contains("shape").contains("geography");
    }

    @Test
    void optionsKeepNullsConstraintsTriggersAndIdentityWithoutTimeLimit() throws SQLException {
        SQLServerBulkCopyOptions options = SqlServerBulkSink.options();
        assertThat(options.isKeepNulls()).isTrue();
        assertThat(options.isCheckConstraints()).isTrue();
        assertThat(options.isFireTriggers()).isTrue();
        assertThat(options.isKeepIdentity()).isTrue();
        assertThat(options.isTableLock()).isFalse();
        assertThat(options.isUseInternalTransaction()).isFalse();
        assertThat(options.getBatchSize()).isZero();
        assertThat(options.getBulkCopyTimeout()).isZero();
        assertThat(new SqlServerDialect().bulkSink(null, io.rowferry.TableRef.parse("t"))).isPresent();
    }
}
