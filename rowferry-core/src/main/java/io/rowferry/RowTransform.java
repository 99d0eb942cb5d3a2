package io.rowferry;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Changes rows between reading and writing. It runs on the writer thread, once per row; returning null drops the
 * row. Rows are immutable: use {@link Row#with} to change a value.
 */
@FunctionalInterface
public interface RowTransform {

    /** The row to write instead of {@code row}, or null to drop it. */
    Row apply(Row row);

    /** Keeps only rows matching the predicate. */
    static RowTransform filter(Predicate<Row> keep) {
        return row -> keep.test(row) ? row : null;
    }

    /** Replaces every row by the function's result. */
    static RowTransform map(Function<Row, Row> function) {
        return function::apply;
    }

    /** This transform, then the next one (a row dropped by this one is not passed on). */
    default RowTransform andThen(RowTransform next) {
        return row -> {
            Row changed = apply(row);
            return changed == null ? null : next.apply(changed);
        };
    }
}
