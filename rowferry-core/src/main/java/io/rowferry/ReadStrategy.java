package io.rowferry;

/**
 * How a read walks a table. What each holds on the server is in the README ("Read strategies").
 */
public enum ReadStrategy {
    /** Keyset when the table has a primary key or a unique NOT NULL key, cursor otherwise (and for queries). */
    AUTO,
    /**
     * One statement streamed through the driver's server-side cursor or row streaming. Holds one connection
     * (and on PostgreSQL one transaction and its snapshot) for the whole read.
     */
    CURSOR,
    /**
     * Pages of {@code WHERE key > last ORDER BY key LIMIT n}, each its own short statement; holds nothing on
     * the server between pages and can start after any key. Needs a unique NOT NULL key.
     */
    KEYSET,
    /** {@code LIMIT n OFFSET m} pages: each page rescans all rows before it. Only for comparison; it warns. */
    OFFSET
}
