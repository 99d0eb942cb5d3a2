package io.rowferry;

/** What a copy does with a value the target column cannot hold exactly. */
public enum OnLossy {
    /** Stop, naming table, column, key and value; the batch holding it is not written (the default). */
    FAIL,
    /** Write the nearest value the column holds (rounded, truncated, or NULL), count it, and log the first of each column. */
    WARN,
    /** As WARN, without the log lines: the losses are only counted in the result. */
    ALLOW
}
