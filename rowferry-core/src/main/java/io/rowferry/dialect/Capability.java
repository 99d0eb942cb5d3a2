package io.rowferry.dialect;

/** Optional features a database has; the engine asks a dialect before using one. */
public enum Capability {
    /** {@code (a, b) > (?, ?)} row-value comparison, usable for keyset pages. */
    ROW_VALUE_COMPARISON,
    /** A forward-only read that streams from the server without buffering the whole result in the client. */
    STREAMING_CURSOR,
    /** The database runs inside this JVM (SQLite, H2, DuckDB): no server session list to inspect. */
    EMBEDDED,
    /** DDL takes part in transactions. */
    TRANSACTIONAL_DDL
}
