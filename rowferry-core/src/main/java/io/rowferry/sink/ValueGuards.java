package io.rowferry.sink;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.OnLossy;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.dialect.Dialect;
import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.SqlType;
import io.rowferry.schema.TypeFit;
import io.rowferry.schema.TypeLimits;
import io.rowferry.schema.ValueGuard;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every value against the target column that will hold it, before it is written. By default a value the
 * column cannot hold exactly stops the copy with a message naming table, column, key and value; with
 * {@link OnLossy#WARN} or {@link OnLossy#ALLOW} the nearest value the column holds is written instead and counted.
 * Runs on the writer thread.
 *
 * <p>When the rows come straight from a source whose declared column types constrain their values (no transform in
 * between), a column whose source type fits the target type entirely ({@link TypeFit}) cannot hold a value the
 * target loses, so it is not checked value by value: checking every decimal of every row cost 17 % of a PostgreSQL
 * to PostgreSQL copy between identical {@code numeric(12,2)} columns (docs/performance.md).
 */
public final class ValueGuards {
    private static final Logger LOG = LoggerFactory.getLogger(ValueGuards.class);

    private final TargetTable target;
    private final Dialect dialect;
    private final OnLossy policy;
    private final Dialect source;
    private final Map<RowSchema, Checks> guards = new IdentityHashMap<>();
    /** In the order the columns first lost a value; written by the writer thread, read after it ends. */
    private final Map<String, AtomicLong> losses = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /** The columns of one schema that need checking, and their guards; both empty when none does. */
    private record Checks(int[] columns, ValueGuard[] guards) {}

    public ValueGuards(TargetTable target, Dialect dialect, OnLossy policy) {
        this(target, dialect, policy, null);
    }

    /**
     * @param source the dialect of the database the rows were read from, unchanged, or null when a transform may
     *     have changed them (then every value is checked)
     */
    public ValueGuards(TargetTable target, Dialect dialect, OnLossy policy, Dialect source) {
        this.target = target;
        this.dialect = dialect;
        this.policy = policy;
        this.source = source != null && source.valuesMatchDeclaredTypes() ? source : null;
    }

    /** Whether any value of rows of {@code schema} is checked (else {@link #admit} returns every row as it is). */
    public boolean checksAny(RowSchema schema) {
        return guards.computeIfAbsent(schema, this::guardsFor).columns().length > 0;
    }

    /** The row as it may be written: the same row, or one with the nearest values; or throws (policy FAIL). */
    public Row admit(Row row) {
        Checks checks = guards.computeIfAbsent(row.schema(), this::guardsFor);
        int[] indexes = checks.columns();
        if (indexes.length == 0) {
            return row;
        }
        ValueGuard[] columns = checks.guards();
        Object[] changed = null;
        for (int c = 0; c < indexes.length; c++) {
            int i = indexes[c];
            Object value = row.get(i);
            String problem = columns[c].problem(value);
            if (problem == null) {
                continue;
            }
            String column = row.schema().column(i).name();
            if (policy == OnLossy.FAIL) {
                throw new RowferryException(ErrorKind.DATA, "value " + shorten(value) + " of column " + column
                        + " in the row with " + target.describeRow(row) + " " + problem + " (target " + target
                        + "); --on-lossy warn or allow writes the nearest value instead");
            }
            if (changed == null) {
                changed = row.values();
            }
            changed[i] = columns[c].nearest(value);
            long count = losses.computeIfAbsent(column, name -> new AtomicLong()).incrementAndGet();
            if (policy == OnLossy.WARN && count == 1) {
                LOG.warn("column {}: value {} in the row with {} {}; wrote {} (further losses in this column are only"
                        + " counted)", column, shorten(value), target.describeRow(row), problem, shorten(changed[i]));
            }
        }
        return changed == null ? row : new Row(row.schema(), changed);
    }

    /** Values written not as they were, per column. */
    public Map<String, Long> losses() {
        Map<String, Long> counts = new LinkedHashMap<>();
        synchronized (losses) {
            losses.forEach((column, count) -> counts.put(column, count.get()));
        }
        return counts;
    }

    private Checks guardsFor(RowSchema schema) {
        List<Column> columns = target.mapping(schema).columns();
        int[] indexes = new int[columns.size()];
        ValueGuard[] result = new ValueGuard[columns.size()];
        int count = 0;
        for (int i = 0; i < columns.size(); i++) {
            SqlType type = sqlType(dialect, columns.get(i));
            if (source != null && fits(sqlType(source, schema.column(i)), type)) {
                continue;
            }
            indexes[count] = i;
            result[count++] = new ValueGuard(type, dialect.typeLimits());
        }
        return new Checks(java.util.Arrays.copyOf(indexes, count), java.util.Arrays.copyOf(result, count));
    }

    /** Whether every value a source column of this type holds arrives unchanged in the target column. */
    private boolean fits(SqlType from, SqlType to) {
        TypeLimits sourceLimits = source.typeLimits();
        TypeLimits targetLimits = dialect.typeLimits();
        if (TypeFit.loss(from, to) != null || TypeFit.limitLoss(from, sourceLimits, targetLimits) != null) {
            return false;
        }
        // MariaDB's zero dates are not in limitLoss: they are values of a DATE column no other database holds
        return !sourceLimits.invalidTemporals() || targetLimits.invalidTemporals() || !isTemporal(from);
    }

    private static boolean isTemporal(SqlType type) {
        return switch (type.kind()) {
            case DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ, YEAR -> true;
            default -> false;
        };
    }

    private static SqlType sqlType(Dialect dialect, Column column) {
        return dialect.sqlType(new NativeColumn(column.name(), column.jdbcType(), column.typeName(),
                column.precision(), column.scale(), null, column.nullable()));
    }

    private static String shorten(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
