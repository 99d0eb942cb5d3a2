package io.rowferry;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a verification: whether the two tables hold the same rows and, when not, how many rows are missing
 * from the target, extra in it or changed, with the keys of at most {@code maxDiffs} rows of each kind.
 *
 * @param sourceRows rows of the source table (within the filter)
 * @param targetRows rows of the target table (within the filter)
 * @param missingCount rows of the source whose key the target lacks
 * @param extraCount rows of the target whose key the source lacks (or that repeat a key)
 * @param changedCount rows both hold whose values differ
 * @param missing the smallest keys of missing rows, at most maxDiffs, in key order
 * @param extra the smallest keys of extra rows, at most maxDiffs, in key order
 * @param changed the changed rows with the smallest keys and the columns that differ, at most maxDiffs
 * @param bucketsCompared buckets whose row counts and hashes were compared, over all passes
 * @param rowsHashed rows whose key and hash were read back because their bucket differed (both sides)
 * @param rowsComparedInJava rows whose hashes differed and whose values were read and compared value by value; those
 *     found equal (a float or JSON printed differently by the two databases) are not reported
 * @param elapsed how long the verification took
 */
public record VerifyResult(
        long sourceRows,
        long targetRows,
        long missingCount,
        long extraCount,
        long changedCount,
        List<RowKey> missing,
        List<RowKey> extra,
        List<ChangedRow> changed,
        long bucketsCompared,
        long rowsHashed,
        long rowsComparedInJava,
        Duration elapsed) {

    public VerifyResult {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        changed = List.copyOf(changed);
    }

    /** Whether both tables hold exactly the same rows. */
    public boolean identical() {
        return missingCount == 0 && extraCount == 0 && changedCount == 0;
    }

    /** Rows that differ in any way. */
    public long differenceCount() {
        return missingCount + extraCount + changedCount;
    }
}
