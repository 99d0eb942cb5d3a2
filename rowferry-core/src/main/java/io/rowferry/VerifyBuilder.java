package io.rowferry;

import io.rowferry.verify.TableVerifier;
import io.rowferry.verify.VerifySpec;
import java.util.List;
import java.util.Objects;

/**
 * Describes a verification: two tables on two databases (or one), and how to match and compare their rows. Nothing
 * touches a database until {@link #run()}.
 *
 * <pre>{@code
 * VerifyResult result = Rowferry.verify()
 *     .source(mariadb, "orders").target(postgres, "orders")
 *     .maxDiffs(100)
 *     .run();
 * }</pre>
 */
public final class VerifyBuilder {
    /** Keys of each kind of difference a result lists unless set. */
    public static final int DEFAULT_MAX_DIFFS = 100;
    /** A bucket with at most this many rows on either side is compared row by row instead of being split. */
    public static final int DEFAULT_LEAF_ROWS = 1_000;
    /** Connections per side for the first pass unless set. */
    public static final int DEFAULT_PARALLEL = 2;
    /** The most connections per side: the first pass is split by the 16 buckets of one hex digit. */
    public static final int MAX_PARALLEL = 16;

    private Database source;
    private String sourceTable;
    private Database target;
    private String targetTable;
    private List<String> key = List.of();
    private List<String> columns = List.of();
    private String filter;
    private int maxDiffs = DEFAULT_MAX_DIFFS;
    private int leafRows = DEFAULT_LEAF_ROWS;
    private int parallel = DEFAULT_PARALLEL;
    private java.util.function.Consumer<VerifyProgress> progress;

    VerifyBuilder() {}

    /** The table whose rows are expected ({@code name}, {@code schema.name} or {@code catalog.schema.name}). */
    public VerifyBuilder source(Database database, String table) {
        this.source = Objects.requireNonNull(database, "database");
        this.sourceTable = Objects.requireNonNull(table, "table");
        return this;
    }

    /** The table checked against the source; its columns are matched to the source's by name, in any case. */
    public VerifyBuilder target(Database database, String table) {
        this.target = Objects.requireNonNull(database, "database");
        this.targetTable = Objects.requireNonNull(table, "table");
        return this;
    }

    /** The key that matches rows, unique and NOT NULL in the source. Default: the source's primary key. */
    public VerifyBuilder key(String... names) {
        this.key = List.of(names);
        return this;
    }

    /** Only these columns (the key's are always compared). Default: every column of the source. */
    public VerifyBuilder columns(String... names) {
        this.columns = List.of(names);
        return this;
    }

    /** Only rows matching this SQL condition (without {@code WHERE}), applied on both sides. */
    public VerifyBuilder where(String condition) {
        this.filter = condition == null || condition.isBlank() ? null : condition;
        return this;
    }

    /** At most this many keys of each kind (missing, extra, changed) are listed; all are counted. Default 100. */
    public VerifyBuilder maxDiffs(int count) {
        this.maxDiffs = count;
        return this;
    }

    /** Buckets of at most this many rows are compared row by row. Default {@value #DEFAULT_LEAF_ROWS}. */
    public VerifyBuilder leafRows(int rows) {
        this.leafRows = rows;
        return this;
    }

    /**
     * Connections per side for the first pass (1 to {@value #MAX_PARALLEL}): each hashes the rows of a share of the
     * buckets, at the same time as the others, so that a database that runs one query on one core can use several.
     * Each share scans the table once. Default {@value #DEFAULT_PARALLEL}.
     */
    public VerifyBuilder parallel(int connections) {
        this.parallel = connections;
        return this;
    }

    /** Told what the verification is doing, from its own threads, as each part of a pass ends. */
    public VerifyBuilder progress(java.util.function.Consumer<VerifyProgress> listener) {
        this.progress = listener;
        return this;
    }

    /** Compares the two tables. */
    public VerifyResult run() {
        if (source == null || target == null) {
            throw new RowferryException(ErrorKind.USAGE, "a verification needs a source and a target table");
        }
        return TableVerifier.run(new VerifySpec(source, sourceTable, target, targetTable, key, columns, filter,
                maxDiffs, leafRows, parallel, progress));
    }
}
