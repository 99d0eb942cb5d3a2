package io.rowferry.checkpoint;

import io.rowferry.source.KeyRange;

/**
 * How far one split of a copy has committed, as the state table records it.
 *
 * @param range the split's key range
 * @param lastKey the key of the last committed row, or null when none is committed yet
 * @param rowsWritten rows committed in this split, over every run
 * @param done whether every row of the split is committed
 */
public record SplitState(KeyRange range, Object[] lastKey, long rowsWritten, boolean done) {

    /** Where reading this split resumes: after its last committed key, or at its start. */
    public KeyRange remaining() {
        return lastKey == null ? range : new KeyRange(range.index(), lastKey, range.until());
    }
}
