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
 */
public final class ValueGuards {
    private static final Logger LOG = LoggerFactory.getLogger(ValueGuards.class);

    private final TargetTable target;
    private final Dialect dialect;
    private final OnLossy policy;
    private final Map<RowSchema, ValueGuard[]> guards = new IdentityHashMap<>();
    /** In the order the columns first lost a value; written by the writer thread, read after it ends. */
    private final Map<String, AtomicLong> losses = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public ValueGuards(TargetTable target, Dialect dialect, OnLossy policy) {
        this.target = target;
        this.dialect = dialect;
        this.policy = policy;
    }

    /** The row as it may be written: the same row, or one with the nearest values; or throws (policy FAIL). */
    public Row admit(Row row) {
        ValueGuard[] columns = guards.computeIfAbsent(row.schema(), this::guardsFor);
        Object[] changed = null;
        for (int i = 0; i < columns.length; i++) {
            Object value = row.get(i);
            String problem = columns[i].problem(value);
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
            changed[i] = columns[i].nearest(value);
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

    private ValueGuard[] guardsFor(RowSchema schema) {
        List<Column> columns = target.mapping(schema).columns();
        ValueGuard[] result = new ValueGuard[columns.size()];
        for (int i = 0; i < result.length; i++) {
            Column column = columns.get(i);
            SqlType type = dialect.sqlType(new NativeColumn(column.name(), column.jdbcType(), column.typeName(),
                    column.precision(), column.scale(), null, column.nullable()));
            result[i] = new ValueGuard(type, dialect.typeLimits());
        }
        return result;
    }

    private static String shorten(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
