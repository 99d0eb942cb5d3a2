package io.rowferry.dialect;

/**
 * A rendered keyset page: its SQL, and for each {@code ?} in it the position (in the key) of the value
 * to bind. Row-value comparison binds each key part once ({@code [0, 1]}); the expanded OR form
 * {@code (a > ?) OR (a = ? AND b > ?)} binds {@code [0, 0, 1]}.
 */
public record KeysetSql(String sql, int[] parameterKeyIndexes) {}
