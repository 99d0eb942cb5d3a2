package io.rowferry.verify;

import io.rowferry.Database;
import java.util.List;

/**
 * What to compare: two tables (each named as the user typed it), the key that matches their rows, the columns (empty:
 * every column of the source), an optional filter applied on both sides, and how much to report.
 *
 * @param leafRows a bucket with at most this many rows on either side is compared row by row instead of being split
 */
public record VerifySpec(Database source, String sourceTable, Database target, String targetTable,
        List<String> key, List<String> columns, String filter, int maxDiffs, int leafRows) {

    public VerifySpec {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }
}
