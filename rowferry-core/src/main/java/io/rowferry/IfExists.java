package io.rowferry;

/** What a copy does with a target table that already exists. */
public enum IfExists {
    /** Stop before writing anything (the default with {@code --create}). */
    FAIL,
    /** Add the rows to what the table holds (the default without {@code --create}). */
    APPEND,
    /** Remove every row first, keep the table's definition. */
    TRUNCATE,
    /** Drop the table and create it again from the source's definition. */
    REPLACE
}
