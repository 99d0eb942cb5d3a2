package io.rowferry;

/** How a copy writes into a database table. */
public enum WriteMode {
    /** The fastest correct path the target's dialect offers: its bulk loader where there is one, JDBC batches otherwise. */
    AUTO,
    /** JDBC batches of prepared INSERTs, one transaction per batch. */
    INSERT,
    /** The database's bulk path (PostgreSQL COPY, MariaDB/MySQL LOAD DATA, DuckDB appender, ...); fails where there is none. */
    BULK
}
