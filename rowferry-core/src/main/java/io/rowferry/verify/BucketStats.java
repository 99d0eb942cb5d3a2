package io.rowferry.verify;

import java.math.BigInteger;

/**
 * What one side says about one bucket: how many rows it holds and the sum of their 60-bit row hashes. The sum does not
 * depend on the order the database visits the rows in, so two buckets holding the same rows have the same stats.
 */
record BucketStats(long rows, BigInteger hashSum) {
    static final BucketStats EMPTY = new BucketStats(0, BigInteger.ZERO);
}
