package io.rowferry;

/** How a copy writes into a database table. */
public enum WriteMode {
    /**
     * The fastest correct path the target's dialect offers: its bulk loader where there is one and it is faster, JDBC
     * batches otherwise, and JDBC batches for the whole copy when the bulk loader cannot write this target (a view
     * COPY refuses, LOAD DATA LOCAL switched off on the server).
     */
    AUTO,
    /** JDBC batches of prepared INSERTs, one transaction per batch. */
    INSERT,
    /**
     * The database's bulk path (PostgreSQL COPY, MariaDB/MySQL LOAD DATA, DuckDB appender, ...), strictly: a copy fails
     * with a usage error naming why where there is none or it cannot write this target. Batches whose values the
     * bulk encoder has no exact form for are still written with INSERTs inside the same copy (logged).
     */
    BULK
}
