package io.rowferry.verify;

import io.rowferry.Database;
import io.rowferry.VerifyProgress;
import java.util.List;
import java.util.function.Consumer;

/**
 * What to compare: two tables (each named as the user typed it), the key that matches their rows, the columns (empty:
 * every column of the source), an optional filter applied on both sides, and how much to report.
 *
 * @param leafRows a bucket with at most this many rows on either side is compared row by row instead of being split
 * @param parallel connections per side for the first pass, each hashing a share of the buckets
 * @param progress told what the verification is doing as it goes (from its own threads), or null
 */
public record VerifySpec(Database source, String sourceTable, Database target, String targetTable,
        List<String> key, List<String> columns, String filter, int maxDiffs, int leafRows, int parallel,
        Consumer<VerifyProgress> progress) {

    public VerifySpec {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }

    /** One connection per side, no progress. */
    public VerifySpec(Database source, String sourceTable, Database target, String targetTable,
            List<String> key, List<String> columns, String filter, int maxDiffs, int leafRows) {
        this(source, sourceTable, target, targetTable, key, columns, filter, maxDiffs, leafRows, 1, null);
    }
}
