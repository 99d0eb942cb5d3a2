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

    private RowSink databaseSink() {
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

    /** Starts the copy on its own threads; the job reports progress and can be cancelled. */
    public CopyJob start() {
        if (source == null || (sink == null && targetDatabase == null)) {
            throw new RowferryException(ErrorKind.USAGE, "a copy needs a source (from) and a target (to)");
        }
        io.rowferry.sink.TableSetup setup = tableSetup();
        RowSink target = sink != null ? sink : databaseSink();
        long effectiveBatchBytes = batchBytes > 0 ? batchBytes : Math.max(1, bufferBytes / 4);
        return CopyJob.start(source, target, setup, onLossy, transform, batchSize, effectiveBatchBytes, bufferBytes,
                progressListener, progressInterval);
    }

    /** Runs the copy to the end on this thread's behalf and returns its result, or throws its first failure. */
    public CopyResult run() {
        return start().await();
    }
}
