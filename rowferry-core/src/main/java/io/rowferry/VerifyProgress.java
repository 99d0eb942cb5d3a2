package io.rowferry;

import java.time.Duration;

/**
 * Where a running verification is: which pass, how much of the first pass is done, and what it found so far.
 *
 * @param phase {@code hashing} (the first pass over every row), {@code splitting} (passes over differing buckets,
 *     split in 16) or {@code comparing} (rows of small differing buckets read and merged)
 * @param shares shares of the first pass done on both sides, of {@code totalShares} (two per connection pair)
 * @param totalShares shares of the first pass: its bucket groups times two sides
 * @param sourceRows rows the source has hashed so far in the first pass
 * @param targetRows rows the target has hashed so far in the first pass
 * @param differingBuckets buckets found to differ so far (counting each level)
 * @param elapsed time since the verification started
 */
public record VerifyProgress(String phase, int shares, int totalShares, long sourceRows, long targetRows,
        long differingBuckets, Duration elapsed) {}
