package io.rowferry.dialect;

import java.util.List;

/**
 * One page of a keyset (or offset) read, before it is rendered to SQL.
 *
 * @param table the qualified, quoted table name
 * @param columns quoted column names to select, in order
 * @param keyColumns quoted key columns, in key order; the page is ordered by them ascending
 * @param filter a user WHERE condition without the keyword, or null
 * @param afterKey true when the page starts after a known key (every page but the first)
 * @param limit the page size in rows
 * @param untilKey true when the read ends at a known key, included (a split's upper bound)
 */
public record PageQuery(
        String table, List<String> columns, List<String> keyColumns, String filter, boolean afterKey, int limit,
        boolean untilKey) {

    /** A page of a read that runs to the end of the table. */
    public PageQuery(String table, List<String> columns, List<String> keyColumns, String filter, boolean afterKey,
            int limit) {
        this(table, columns, keyColumns, filter, afterKey, limit, false);
    }
}
