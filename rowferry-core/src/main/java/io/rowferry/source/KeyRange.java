package io.rowferry.source;

import java.util.Arrays;

/**
 * One split of a keyset read: the keys after {@code after} (excluded) up to {@code until} (included). A null bound is
 * open: the first split has no lower bound, the last no upper bound, so rows inserted beyond the sampled keys are
 * still read.
 *
 * @param index the split's number, from 0, in key order
 * @param after the lower bound (excluded), or null
 * @param until the upper bound (included), or null
 */
public record KeyRange(int index, Object[] after, Object[] until) {

    /** The whole table as one split. */
    public static KeyRange all() {
        return new KeyRange(0, null, null);
    }

    @Override
    public String toString() {
        return "split " + index + " (" + (after == null ? "start" : Arrays.toString(after)) + ", "
                + (until == null ? "end" : Arrays.toString(until)) + "]";
    }
}
