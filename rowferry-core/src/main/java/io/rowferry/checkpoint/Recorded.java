package io.rowferry.checkpoint;

import java.util.List;

/**
 * A job's state as recorded.
 *
 * @param plan the plan the job ran with
 * @param splits every range, in order
 * @param updatedAt when any range last recorded progress (UTC, ISO-8601)
 * @param low an incremental run's lower bound (excluded), or null
 * @param high an incremental run's upper bound (included), or null
 * @param bytes for a file, its durable length at the last checkpoint; 0 for a database
 */
public record Recorded(String plan, List<SplitState> splits, String updatedAt, Object low, Object high, long bytes) {

    public boolean finished() {
        return splits.stream().allMatch(SplitState::done);
    }

    public long rowsWritten() {
        return splits.stream().mapToLong(SplitState::rowsWritten).sum();
    }
}
