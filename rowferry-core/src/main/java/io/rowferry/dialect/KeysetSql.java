package io.rowferry.dialect;

/**
 * A rendered keyset page: its SQL, and for each {@code ?} in it the position (in the key) of the value
 * to bind. Row-value comparison binds each key part once ({@code [0, 1]}); the expanded OR form
 * {@code (a > ?) OR (a = ? AND b > ?)} binds {@code [0, 0, 1]}. The placeholders of the lower bound (the key the
 * page starts after) come first, then those of the upper bound (the key the read ends at), if any.
 *
 * @param parameterKeyIndexes the key part bound to each lower-bound placeholder
 * @param upperKeyIndexes the key part bound to each upper-bound placeholder, after the lower ones
 */
public record KeysetSql(String sql, int[] parameterKeyIndexes, int[] upperKeyIndexes) {

    public KeysetSql(String sql, int[] parameterKeyIndexes) {
        this(sql, parameterKeyIndexes, new int[0]);
    }
}
