package io.rowferry;

import io.rowferry.sink.JdbcTableSink;
import io.rowferry.sink.RowSink;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Describes a copy: a read, an optional transform, and a sink; then {@link #start()} or {@link #run()} it.
 *
 * <p>A reader thread streams the source into a hand-off bounded by {@link #bufferBytes(long)}; a writer thread
 * applies the transform and writes batches that flush at {@link #batchSize(int)} rows or
 * {@link #batchBytes(long)} bytes, whichever comes first, committing each. A slow writer stalls the reader; a
 * failure on either side stops both, rolls back the unfinished batch, closes everything and is thrown.
 */
public final class CopyBuilder {
    /** Rows per batch (and commit) unless set. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    /** Times a split is started again after a transient failure unless set. */
    public static final int DEFAULT_RETRIES = 5;

    private ReadBuilder source;
    private RowSink sink;
    private Database targetDatabase;
    private TableRef targetTable;
    private WriteMode writeMode = WriteMode.AUTO;
    private boolean create;
    private IfExists ifExists;
    private java.util.Map<String, String> typeMap = java.util.Map.of();
    private OnLossy onLossy = OnLossy.FAIL;
    private RowTransform transform;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private long bufferBytes = defaultBufferBytes();
    private long batchBytes = -1;
    private Consumer<CopyProgress> progressListener;
    private Duration progressInterval = Duration.ofSeconds(1);
    private int parallel;
    private boolean checkpoints = true;
    private String stateTable = io.rowferry.checkpoint.StateTable.DEFAULT_NAME;
    private boolean resume;
    private boolean upsert;
    private String incrementalColumn;
    private boolean consistent;
    private int writers = 1;
    private boolean restart;
    private int retries = DEFAULT_RETRIES;
    private Duration retryWait = Duration.ofSeconds(1);

    CopyBuilder() {}

    /**
     * The default memory budget for rows in flight: a quarter of the maximum heap, between 4 MiB and 256 MiB. Rows in
     * flight never take more than this, whatever the table's size.
     */
    public static long defaultBufferBytes() {
        long quarterHeap = Runtime.getRuntime().maxMemory() / 4;
        return Math.max(4L << 20, Math.min(256L << 20, quarterHeap));
    }

    public CopyBuilder from(ReadBuilder read) {
        this.source = Objects.requireNonNull(read, "read");
        return this;
    }

    public CopyBuilder from(Database database, String table) {
        return from(Rowferry.read(database).table(table));
    }

    public CopyBuilder to(RowSink target) {
        this.sink = Objects.requireNonNull(target, "sink");
        this.targetDatabase = null;
        return this;
    }

    /**
     * Into an existing table; columns are matched by name, target columns the source lacks get their defaults.
     * How rows are written follows {@link #writeMode(WriteMode)}.
     */
    public CopyBuilder to(Database database, String table) {
        this.sink = null;
        this.targetDatabase = Objects.requireNonNull(database, "database");
        this.targetTable = TableRef.parse(table);
        return this;
    }

    /** How rows are written into a database table; default {@link WriteMode#AUTO}. */
    public CopyBuilder writeMode(WriteMode mode) {
        this.writeMode = Objects.requireNonNull(mode, "writeMode");
        return this;
    }

    /**
     * Create the target table from the source's definition when it does not exist (columns in order, types mapped
     * across databases, nullability, primary key). What happens when it exists is {@link #ifExists(IfExists)}.
     */
    public CopyBuilder create(boolean createTable) {
        this.create = createTable;
        return this;
    }

    /** What to do with an existing target table; default FAIL with {@link #create}, APPEND without. */
    public CopyBuilder ifExists(IfExists action) {
        this.ifExists = Objects.requireNonNull(action, "ifExists");
        return this;
    }

    /** Target DDL types for some columns of a created table, by column name (any case), instead of the mapped ones. */
    public CopyBuilder typeMap(java.util.Map<String, String> types) {
        this.typeMap = java.util.Map.copyOf(types);
        return this;
    }

    /** What to do with a value the target column cannot hold exactly; default {@link OnLossy#FAIL}. */
    public CopyBuilder onLossy(OnLossy policy) {
        this.onLossy = Objects.requireNonNull(policy, "onLossy");
        return this;
    }

    private io.rowferry.sink.TableSetup tableSetup() {
        if (targetDatabase == null) {
            if (create || ifExists != null || !typeMap.isEmpty()) {
                throw new RowferryException(ErrorKind.USAGE, "create, if-exists and type map apply to a database target");
            }
            return null;
        }
        IfExists action = ifExists != null ? ifExists : create ? IfExists.FAIL : IfExists.APPEND;
        if (!create && action == IfExists.APPEND && typeMap.isEmpty()) {
            return null; // the sink checks that the table exists
        }
        return new io.rowferry.sink.TableSetup(targetDatabase, targetTable, create, action, typeMap);
    }

    /**
     * What the copy would do, without writing anything: the read (strategy, SQL, key, what it holds), the target
     * table's action, and per column the source type, the target type and whether values can be lost.
     */
    public CopyPlan plan() {
        if (source == null || (sink == null && targetDatabase == null)) {
            throw new RowferryException(ErrorKind.USAGE, "a copy needs a source (from) and a target (to)");
        }
        io.rowferry.source.ReadPlan read = source.plan();
        io.rowferry.sink.TableSetup setup = tableSetup();
        if (targetDatabase == null) {
            return new CopyPlan(read, sink.describe(), null, null);
        }
        io.rowferry.sink.TableSetup.Plan target = (setup != null ? setup
                        : new io.rowferry.sink.TableSetup(targetDatabase, targetTable, false, IfExists.APPEND, java.util.Map.of()))
                .plan(read);
        String mode = switch (writeMode) {
            case INSERT -> "insert (JDBC batches)";
            case BULK, AUTO -> {
                boolean bulk = targetDatabase.dialect().bulkSink(targetDatabase, targetTable).isPresent();
                if (!bulk && writeMode == WriteMode.BULK) {
                    throw new RowferryException(ErrorKind.USAGE, "no bulk write path for "
                            + targetDatabase.dialect().id() + "; use write mode insert or auto");
                }
                String id = targetDatabase.dialect().id();
                yield !bulk || (writeMode == WriteMode.AUTO && !targetDatabase.dialect().bulkIsFaster())
                        ? "insert (JDBC batches)"
                        : writeMode == WriteMode.BULK ? "bulk (" + id + " bulk loader)"
                        : "bulk (" + id + " bulk loader; INSERTs if it cannot write this table)";
            }
        };
        return new CopyPlan(read, "table " + targetTable + " on " + targetDatabase.describe(), target, mode);
    }

    /**
     * Rows whose primary key is already in the target table update that row instead of failing (ON CONFLICT, ON
     * DUPLICATE KEY UPDATE, MERGE); written with JDBC batches, whatever the write mode.
     */
    public CopyBuilder upsert(boolean merge) {
        this.upsert = merge;
        return this;
    }

    /**
     * Copy only the rows whose {@code column} is above the highest value the last finished run of this copy copied
     * (all rows the first time), up to its highest value now; remembered in the state table. With {@link #upsert},
     * changed rows replace their old versions.
     */
    public CopyBuilder incremental(String column) {
        this.incrementalColumn = Objects.requireNonNull(column, "column");
        return this;
    }

    /**
     * Every reader sees the source as it was at one moment: with PostgreSQL, all key ranges share one exported
     * snapshot ({@code pg_export_snapshot()}); with MariaDB and MySQL, each range reads in a consistent snapshot of its
     * own, taken as it starts. Each reader then holds a read-only transaction until its range is read.
     */
    public CopyBuilder consistentSnapshot(boolean oneSnapshot) {
        this.consistent = oneSnapshot;
        return this;
    }

    /**
     * Writer connections per key range, each taking batches from the same bounded hand-off and committing its own, so
     * batches commit out of key order: without checkpoints only (a copy of a query or a table without a key, or with
     * checkpoints off). Default 1. Memory stays bounded by {@link #bufferBytes}, plus one batch per writer.
     */
    public CopyBuilder writers(int n) {
        if (n < 1) {
            throw new RowferryException(ErrorKind.USAGE, "writers must be at least 1, was " + n);
        }
        this.writers = n;
        return this;
    }

    private RowSink databaseSink() {
        if (upsert) {
            return new JdbcTableSink(targetDatabase, targetTable, true);
        }
        return switch (writeMode) {
            case INSERT -> new JdbcTableSink(targetDatabase, targetTable);
            // AUTO: the bulk loader where it is faster, and INSERTs where it cannot write this target (a view COPY
            // refuses, LOAD DATA LOCAL switched off); BULK: the bulk loader or a usage error saying why not
            case AUTO -> targetDatabase.dialect().bulkIsFaster()
                    ? targetDatabase.dialect().bulkSink(targetDatabase, targetTable)
                            .<RowSink>map(bulk -> new io.rowferry.sink.AutoBulkSink(bulk,
                                    () -> new JdbcTableSink(targetDatabase, targetTable)))
                            .orElseGet(() -> new JdbcTableSink(targetDatabase, targetTable))
                    : new JdbcTableSink(targetDatabase, targetTable);
            case BULK -> targetDatabase.dialect().bulkSink(targetDatabase, targetTable)
                    .orElseThrow(() -> new RowferryException(ErrorKind.USAGE, "no bulk write path for "
                            + targetDatabase.dialect().id() + "; use write mode insert or auto"));
        };
    }

    public CopyBuilder transform(RowTransform rowTransform) {
        this.transform = rowTransform;
        return this;
    }

    /** Rows per batch, committed together; default {@value #DEFAULT_BATCH_SIZE}. */
    public CopyBuilder batchSize(int rows) {
        if (rows < 1) {
            throw new RowferryException(ErrorKind.USAGE, "batch size must be at least 1, was " + rows);
        }
        this.batchSize = rows;
        return this;
    }

    /** Bytes after which a batch is written even if it has fewer rows; default a quarter of the buffer. */
    public CopyBuilder batchBytes(long bytes) {
        if (bytes < 1) {
            throw new RowferryException(ErrorKind.USAGE, "batch bytes must be positive, was " + bytes);
        }
        this.batchBytes = bytes;
        return this;
    }

    /** The memory budget for rows in flight between reader and writer; default {@link #defaultBufferBytes()}. */
    public CopyBuilder bufferBytes(long bytes) {
        if (bytes < 1 << 16) {
            throw new RowferryException(ErrorKind.USAGE, "buffer must be at least 64 KiB, was " + bytes + " bytes");
        }
        this.bufferBytes = bytes;
        return this;
    }

    /** Called with a snapshot every {@code interval} while the copy runs, and once at the end. */
    public CopyBuilder progress(Consumer<CopyProgress> listener, Duration interval) {
        this.progressListener = listener;
        this.progressInterval = interval;
        return this;
    }

    /**
     * Reads the table as {@code n} key ranges at once, each with its own source and target connection (a file target
     * gets {@code n} readers and one writer). The ranges come from sampled key quantiles; the memory budget is shared.
     * Default 1, or on {@link #resume} the interrupted run's number.
     */
    public CopyBuilder parallel(int n) {
        if (n < 1) {
            throw new RowferryException(ErrorKind.USAGE, "parallel must be at least 1, was " + n);
        }
        this.parallel = n;
        return this;
    }

    /**
     * Whether batches commit together with a checkpoint in the target's state table (default true). Checkpoints are
     * kept for copies of a table with a unique NOT NULL key (keyset reads) into a database table; they make
     * {@link #resume} and retries after a lost connection possible.
     */
    public CopyBuilder checkpoints(boolean keep) {
        this.checkpoints = keep;
        return this;
    }

    /** The table in the target database that holds checkpoints; default {@value io.rowferry.checkpoint.StateTable#DEFAULT_NAME}. */
    public CopyBuilder stateTable(String name) {
        this.stateTable = Objects.requireNonNull(name, "stateTable");
        return this;
    }

    /**
     * Continue an interrupted copy from its checkpoints: every unfinished split from the key after its last
     * committed row. The target table is used as it is (no create, truncate or replace). Refused if the read differs
     * from the interrupted one (table, key, columns, filter, split count). Create, truncate and replace are not
     * applied again.
     */
    public CopyBuilder resume(boolean continueInterrupted) {
        this.resume = continueInterrupted;
        return this;
    }

    /** Discard the checkpoints of an interrupted copy into the same table and start over. */
    public CopyBuilder restart(boolean startOver) {
        this.restart = startOver;
        return this;
    }

    /**
     * How often a split is started again from its last checkpoint after a transient failure (connection lost,
     * deadlock, serialization failure, lock timeout), waiting {@code firstWait}, then twice as long each time (at
     * most 30 s). Default {@value #DEFAULT_RETRIES} times from 1 s. Without checkpoints nothing is retried.
     */
    public CopyBuilder retries(int times, Duration firstWait) {
        if (times < 0) {
            throw new RowferryException(ErrorKind.USAGE, "retries must be 0 or more, was " + times);
        }
        this.retries = times;
        this.retryWait = Objects.requireNonNull(firstWait, "firstWait");
        return this;
    }

    /** Starts the copy on its own threads; the job reports progress and can be cancelled. */
    public CopyJob start() {
        if (source == null || (sink == null && targetDatabase == null)) {
            throw new RowferryException(ErrorKind.USAGE, "a copy needs a source (from) and a target (to)");
        }
        if (upsert && (sink != null || writeMode == WriteMode.BULK)) {
            throw new RowferryException(ErrorKind.USAGE, sink != null ? "upsert applies to a database target"
                    : "upsert writes with JDBC batches: use write mode auto or insert");
        }
        if (resume && restart) {
            throw new RowferryException(ErrorKind.USAGE, "resume and restart contradict each other; choose one");
        }
        io.rowferry.sink.TableSetup setup = tableSetup();
        long effectiveBatchBytes = batchBytes > 0 ? batchBytes : Math.max(1, bufferBytes / 4);
        boolean shared = sink != null;
        if (shared && writers > 1) {
            throw new RowferryException(ErrorKind.USAGE, "a file is written by one writer; writers apply to a database"
                    + " target");
        }
        java.util.function.Supplier<RowSink> sinks = shared ? () -> sink : this::databaseSink;
        String targetDescription = shared ? sink.describe() : "table " + targetTable + " on " + targetDatabase.describe();
        boolean resumableFile = shared && sink instanceof io.rowferry.sink.file.ResumableFileSink file
                && file.writesFile();
        boolean keepCheckpoints = checkpoints && (!shared || resumableFile);
        if ((resume || restart) && !keepCheckpoints) {
            throw new RowferryException(ErrorKind.USAGE, (resume ? "resume" : "restart") + " needs checkpoints,"
                    + " which are kept for copies into a database table or a file, with checkpoints on");
        }
        IfExists action = ifExists != null ? ifExists : create ? IfExists.FAIL : IfExists.APPEND;
        CopyJob.Settings settings = new CopyJob.Settings(source, sinks, shared, targetDescription, setup, action,
                onLossy, transform, batchSize, effectiveBatchBytes, bufferBytes, parallel, writers,
                keepCheckpoints ? (shared ? sink.describe() : targetTable.toString()) : null, targetDatabase,
                keepCheckpoints ? stateTable : null,
                incrementalColumn, consistent, resume, restart, retries, retryWait, progressListener, progressInterval);
        return CopyJob.start(settings);
    }

    /** Runs the copy to the end on this thread's behalf and returns its result, or throws its first failure. */
    public CopyResult run() {
        return start().await();
    }
}
