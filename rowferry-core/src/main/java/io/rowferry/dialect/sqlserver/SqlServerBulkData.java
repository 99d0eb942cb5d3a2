package io.rowferry.dialect.sqlserver;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import io.rowferry.Column;
import io.rowferry.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One batch of rows as the bulk copy API's row source: an iterator over the batch's own list (no copy of it), each
 * row's values converted when the driver asks for that row. Column {@code i} (1-based) is source column {@code i},
 * described with the type, precision and scale of the target column it is mapped to, so that the driver sends each
 * value as the type it lands in.
 *
 * <p>What the driver does with a value depends on the declared type (mssql-jdbc 13.6
 * {@code SQLServerBulkCopy.writeColumnToTdsWriter}): INTEGER takes an {@code Integer}, BIGINT a {@code Long},
 * SMALLINT and TINYINT a {@code Number}, BIT a {@code Boolean}, DOUBLE a {@code Double}, REAL a {@code Float},
 * DECIMAL a {@code BigDecimal}, NVARCHAR any object's {@code toString()} as Unicode, VARBINARY a {@code byte[]}.
 * Dates and times from a row source like this one are sent as text that the server converts
 * ({@code sendTemporalDataTypesAsStringForBulkCopy}, on by default), so they are given in ISO 8601 forms with a
 * {@code T}, which SQL Server reads the same whatever the session's DATEFORMAT or language
 * (https://learn.microsoft.com/sql/t-sql/data-types/datetime-transact-sql#supported-string-literal-formats-for-datetime).
 * Text always goes as NVARCHAR, as the INSERT path sends strings ({@code sendStringParametersAsUnicode=true}).
 *
 * <p>{@link #accepts} says which Java values convert exactly; a batch holding any other value is written with INSERTs,
 * so that the server's conversions decide as in INSERT mode.
 */
final class SqlServerBulkData implements ISQLServerBulkData {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter DATETIME2 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter SMALLDATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATETIMEOFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx", Locale.ROOT);

    /** How one column is declared to the driver and how its values are converted. */
    enum Kind {
        INT(Types.INTEGER), BIGINT(Types.BIGINT), SMALLINT(Types.SMALLINT), TINYINT(Types.TINYINT), BIT(Types.BIT),
        DECIMAL(Types.DECIMAL), FLOAT(Types.DOUBLE), REAL(Types.REAL), TEXT(Types.NVARCHAR), GUID(Types.NVARCHAR),
        BINARY(Types.VARBINARY), DATE(Types.DATE), TIME(Types.TIME), DATETIME2(Types.TIMESTAMP),
        DATETIME(Types.TIMESTAMP), SMALLDATETIME(Types.TIMESTAMP), DATETIMEOFFSET(microsoft.sql.Types.DATETIMEOFFSET);

        final int jdbcType;

        Kind(int jdbcType) {
            this.jdbcType = jdbcType;
        }

        /** The kind for a target column, from its SQL Server type name; null for types the bulk path does not handle. */
        static Kind of(Column target) {
            String type = target.typeName() == null ? "" : target.typeName().toLowerCase(Locale.ROOT);
            type = type.replace(" identity", "").trim();
            return switch (type) {
                case "int" -> INT;
                case "bigint" -> BIGINT;
                case "smallint" -> SMALLINT;
                case "tinyint" -> TINYINT;
                case "bit" -> BIT;
                case "decimal", "numeric", "money", "smallmoney" -> DECIMAL;
                case "float" -> FLOAT;
                case "real" -> REAL;
                case "char", "varchar", "nchar", "nvarchar", "text", "ntext" -> TEXT;
                case "uniqueidentifier" -> GUID;
                case "binary", "varbinary", "image" -> BINARY;
                case "date" -> DATE;
                case "time" -> TIME;
                case "datetime2" -> DATETIME2;
                case "datetime" -> DATETIME;
                case "smalldatetime" -> SMALLDATETIME;
                case "datetimeoffset" -> DATETIMEOFFSET;
                default -> null;
            };
        }
    }

    /** One source column as declared to the bulk copy: its name, the target's kind, precision and scale. */
    record BulkColumn(String name, Kind kind, int precision, int scale) {
        static BulkColumn of(String sourceName, Column target) {
            Kind kind = Kind.of(target);
            return kind == null ? null : new BulkColumn(sourceName, kind, target.precision(), target.scale());
        }
    }

    private final List<BulkColumn> columns;
    private final transient List<Row> rows;
    private int next;
    private transient Row current;

    SqlServerBulkData(List<BulkColumn> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public Set<Integer> getColumnOrdinals() {
        Set<Integer> ordinals = new LinkedHashSet<>();
        for (int i = 1; i <= columns.size(); i++) {
            ordinals.add(i);
        }
        return ordinals;
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column - 1).name();
    }

    @Override
    public int getColumnType(int column) {
        return columns.get(column - 1).kind().jdbcType;
    }

    @Override
    public int getPrecision(int column) {
        return columns.get(column - 1).precision();
    }

    @Override
    public int getScale(int column) {
        return columns.get(column - 1).scale();
    }

    @Override
    public boolean next() {
        if (next >= rows.size()) {
            current = null;
            return false;
        }
        current = rows.get(next++);
        return true;
    }

    @Override
    public Object[] getRowData() throws SQLException {
        if (current == null) {
            throw new SQLException("no current row: call next() first");
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = current.get(i);
            try {
                values[i] = value == null ? null : convert(columns.get(i), value);
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new SQLException("value " + value + " of column " + columns.get(i).name() + " cannot be written"
                        + " as " + columns.get(i).kind() + ": " + e.getMessage(), "22003", e);
            }
        }
        return values;
    }

    /** Whether the value converts exactly into a column of this kind (null always does). */
    static boolean accepts(BulkColumn column, Object value) {
        if (value == null) {
            return true;
        }
        return switch (column.kind()) {
            case INT, BIGINT, SMALLINT, TINYINT -> value instanceof Boolean || isWhole(value);
            case BIT -> value instanceof Boolean || isWhole(value) || value instanceof String;
            case DECIMAL -> value instanceof BigDecimal decimal
                    ? decimal.scale() <= column.scale() || decimal.stripTrailingZeros().scale() <= column.scale()
                    : value instanceof Integer || value instanceof Long || value instanceof Short
                            || value instanceof Byte || value instanceof BigInteger;
            case FLOAT -> value instanceof Double || value instanceof Float || value instanceof Integer
                    || value instanceof Short || value instanceof Byte
                    || (value instanceof Long l && Math.abs(l) <= 1L << 53);
            case REAL -> value instanceof Float || value instanceof Short || value instanceof Byte;
            case TEXT -> value instanceof String || value instanceof UUID || value instanceof Integer
                    || value instanceof Long || value instanceof Short || value instanceof Byte
                    || value instanceof BigInteger || value instanceof LocalDate || value instanceof LocalDateTime
                    || value instanceof LocalTime || value instanceof OffsetDateTime;
            case GUID -> value instanceof UUID || value instanceof String;
            case BINARY -> value instanceof byte[];
            case DATE -> value instanceof LocalDate;
            case TIME -> value instanceof LocalTime t && t.getNano() % 100 == 0;
            case DATETIME2 -> value instanceof LocalDateTime t && t.getNano() % 100 == 0;
            case DATETIME -> value instanceof LocalDateTime t && t.getNano() % 1_000_000 == 0;
            case SMALLDATETIME -> value instanceof LocalDateTime t && t.getNano() == 0;
            case DATETIMEOFFSET -> value instanceof OffsetDateTime t && t.getNano() % 100 == 0;
        };
    }

    /** The object the driver expects for this column's declared type; see the class comment. */
    static Object convert(BulkColumn column, Object value) {
        return switch (column.kind()) {
            case INT -> (int) range(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> whole(value).longValueExact();
            case SMALLINT -> (short) range(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case TINYINT -> (short) range(value, 0, 255);
            case BIT -> toBoolean(value);
            case DECIMAL -> decimal(column, value);
            case FLOAT -> ((Number) value).doubleValue();
            case REAL -> ((Number) value).floatValue();
            case TEXT, GUID -> value.toString();
            case BINARY -> value;
            case DATE -> DATE.format((LocalDate) value);
            case TIME -> TIME.format((LocalTime) value);
            case DATETIME2 -> DATETIME2.format((LocalDateTime) value);
            case DATETIME -> DATETIME.format((LocalDateTime) value);
            case SMALLDATETIME -> SMALLDATETIME.format((LocalDateTime) value);
            case DATETIMEOFFSET -> DATETIMEOFFSET.format((OffsetDateTime) value);
        };
    }

    private static BigDecimal decimal(BulkColumn column, Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d
                : value instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(((Number) value).longValue());
        BigDecimal scaled = decimal.setScale(column.scale(), RoundingMode.UNNECESSARY);
        if (column.precision() > 0 && scaled.precision() - scaled.scale() > column.precision() - column.scale()) {
            throw new IllegalArgumentException("out of range for DECIMAL(" + column.precision() + ","
                    + column.scale() + ")");
        }
        return scaled;
    }

    private static boolean isWhole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        }
        return false;
    }

    private static BigInteger whole(Object value) {
        if (value instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO; // as the INSERT binder sends a boolean into an integer column
        }
        if (value instanceof BigInteger integer) {
            return integer;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toBigIntegerExact();
        }
        return BigInteger.valueOf(((Number) value).longValue());
    }

    private static long range(Object value, long min, long max) {
        BigInteger whole = whole(value);
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("out of range [" + min + ", " + max + "]");
        }
        return whole.longValue();
    }

    /** As the INSERT binder reads a boolean ({@code AbstractDialect.toBoolean}). */
    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number) {
            return whole(value).signum() != 0;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "t", "1", "yes", "y", "on" -> true;
            case "false", "f", "0", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }
}
