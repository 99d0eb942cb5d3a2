package io.rowferry;

import io.rowferry.checkpoint.Checkpoints;
import io.rowferry.checkpoint.FileState;
import io.rowferry.checkpoint.Recorded;
import io.rowferry.checkpoint.SplitState;
import io.rowferry.checkpoint.StateTable;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.TableSetup;
import io.rowferry.source.Increment;
import io.rowferry.source.KeyRange;
import io.rowferry.source.ReadPlan;
import io.rowferry.source.SplitPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running copy. It plans the read, prepares the target table, cuts the read into key ranges when asked to run in
 * parallel, and copies each range in a {@link CopyLane}: reader threads feeding a writer through a bounded hand-off.
 * With a state table, every batch commits together with its checkpoint; a lane that fails with a transient error
 * (connection lost, deadlock, lock timeout) is started again from its last checkpoint after a pause, and
 * {@code resume} continues an interrupted run from the checkpoints it left.
 *
 * <p>The first failure that is not retried stops every lane; {@link #await()} rethrows it after everything is closed.
 */
public final class CopyJob {
    private static final Logger LOG = LoggerFactory.getLogger(CopyJob.class);

    private final Settings settings;
    private final CopyLane.Counters counters = new CopyLane.Counters();
    private final List<CopyLane> activeLanes = new CopyOnWriteArrayList<>();
    private final Map<String, Long> losses = new LinkedHashMap<>();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile ReadStrategy strategy;
    private volatile boolean cancelled;
    private volatile int splitCount = 1;
    /** The read: as planned, then limited to an incremental run's values. */
    private volatile ReadPlan plan;
    private volatile Increment increment;
    /** The connection whose open transaction keeps an exported snapshot alive, or null. */
    private volatile java.sql.Connection snapshotHolder;
    /** Lanes at once: as configured, or on resume without a setting, the interrupted run's split count. */
    private volatile int parallel;
    private volatile long rowsBefore;
    /** A resumed export's durable length: the unfinished file is cut back to it and continued. */
    private volatile long resumeBytes;
    /** The export file whose checkpoints are kept, or null: it is cut back to a checkpoint on resume and retry. */
    private volatile io.rowferry.sink.file.ResumableFileSink resumableFile;
    private volatile ExecutorService pool;
    /** The target as the last finished lane's sink describes it (a bulk sink names its loader). */
    private volatile String targetDescription;
    private CopyResult result;

    /**
     * Everything a copy was configured with.
     *
     * @param sinks a new sink per lane (database targets), or the one sink when {@code sharedSink} is true
     * @param sharedSink true when every split must go through one sink (a file): one writer, parallel readers
     * @param job the name the checkpoints are kept under (the target table), or null without checkpoints
     * @param stateTable the state table's name, or null to keep no checkpoints
     */
    record Settings(ReadBuilder source, Supplier<RowSink> sinks, boolean sharedSink, String targetDescription,
            TableSetup setup,
            IfExists ifExists, OnLossy onLossy, RowTransform transform, int batchSize, long batchBytes,
            long bufferBytes, int parallel, int writers, String job, io.rowferry.Database stateDatabase, String stateTable,
            String incrementalColumn, boolean consistent, boolean resume, boolean restart, int maxRetries, Duration retryWait,
            Consumer<CopyProgress> progressListener, Duration progressInterval) {}

    private CopyJob(Settings settings) {
        this.settings = settings;
        this.parallel = Math.max(1, settings.parallel());
    }

    static CopyJob start(Settings settings) {
        CopyJob job = new CopyJob(settings);
        Thread coordinator = new Thread(job::runCopy, "rowferry-copy");
        coordinator.setDaemon(true);
        coordinator.start();
        if (settings.progressListener() != null) {
            Thread reporter = new Thread(job::reportProgress, "rowferry-progress");
            reporter.setDaemon(true);
            reporter.start();
        }
        return job;
    }

    /** A snapshot of the counters, safe to call from any thread. */
    public CopyProgress progress() {
        long end = endNanos;
        long now = end != 0 ? end : System.nanoTime();
        long queued = activeLanes.stream().mapToLong(CopyLane::queuedBytes).sum();
        return new CopyProgress(counters.rowsRead.get(), counters.rowsWritten.get(), counters.rowsDropped.get(),
                counters.bytesRead.get(), queued, counters.batches.get(), strategy, Duration.ofNanos(now - startNanos));
    }

    /** Asks every lane to stop; unfinished batches are rolled back and {@link #await()} throws CANCELLED. */
    public void cancel() {
        // Recorded before the flag is set, so that this message wins over the lanes' own "copy cancelled".
        failed(new RowferryException(ErrorKind.CANCELLED, "copy cancelled after "
                + counters.rowsWritten.get() + " committed rows"));
        cancelled = true;
        RowferryException why = new RowferryException(ErrorKind.CANCELLED, "copy cancelled");
        activeLanes.forEach(lane -> lane.cancel(why));
        ExecutorService running = pool;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** Whether the copy has ended. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits for the end; returns the result or throws the first failure. */
    public CopyResult await() {
        try {
            done.await();
        } catch (InterruptedException e) {
            cancel();
            awaitQuietly();
            Thread.currentThread().interrupt();
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw asRowferryException(failure);
        }
        return result;
    }

    private void awaitQuietly() {
        try {
            done.await();
        } catch (InterruptedException ignored) {
            // already cancelling
        }
    }

    // ---- the coordinator thread ----

    private void runCopy() {
        try {
            plan = settings.source().plan();
            strategy = plan.strategy();
            String sourceDescription = plan.sourceName() + " on " + settings.source().database().describe();
            Checkpoints state = checkpoints(plan);
            if (settings.incrementalColumn() != null) {
                if (state == null) {
                    throw new RowferryException(ErrorKind.USAGE, "an incremental copy remembers where it stopped in"
                            + " checkpoints: it needs a table with a unique NOT NULL key copied into a database"
                            + " table, with checkpoints on");
                }
                increment = Increment.resolve(plan, settings.incrementalColumn());
            }
            if (settings.writers() > 1 && state != null) {
                throw new RowferryException(ErrorKind.USAGE, settings.writers() + " writers commit batches out of key"
                        + " order, which checkpoints cannot record: use --parallel " + settings.writers()
                        + " (key ranges, each with its own writer, checkpointed), or turn checkpoints off");
            }
            List<SplitState> splits = state != null ? checkpointedSplits(state) : plannedSplits(plan);
            splitCount = splits.size();
            List<SplitState> open = splits.stream().filter(split -> !split.done()).toList();
            if (resumeBytes > 0) {
                resumableFile.resumeAt(resumeBytes);
            }
            if (settings.consistent() && !open.isEmpty()) {
                startSnapshot();
            }
            if (open.isEmpty()) {
                LOG.info("every split of this copy is already committed");
            } else if (settings.sharedSink()) {
                runLane(plan, open, state);
            } else {
                runLanes(plan, open, state);
            }
            rethrowFailure();
            if (state != null) {
                state.completed();
            }
            String target = targetDescription != null ? targetDescription : settings.targetDescription();
            result = new CopyResult(sourceDescription, target, strategy, counters.rowsRead.get(),
                    counters.rowsWritten.get(), counters.rowsDropped.get(), counters.bytesRead.get(),
                    counters.batches.get(), elapsed(), Map.copyOf(losses), splitCount, retries.get(), rowsBefore);
        } catch (Throwable e) {
            failed(e);
        } finally {
            ExecutorService running = pool;
            if (running != null) {
                running.shutdownNow();
            }
            endSnapshot();
            endNanos = System.nanoTime();
            done.countDown();
        }
    }

    /** Without checkpoints: prepare the target, and cut the read into ranges when running in parallel. */
    private List<SplitState> plannedSplits(ReadPlan plan) {
        if (settings.resume()) {
            throw new RowferryException(ErrorKind.USAGE, "--resume needs checkpoints: a copy of a table with a"
                    + " unique NOT NULL key (keyset strategy) into a database table, with checkpoints on");
        }
        List<KeyRange> ranges = parallel > 1 ? SplitPlanner.plan(plan, parallel)
                : List.of(KeyRange.all());
        applySetup(plan);
        return ranges.stream().map(range -> new SplitState(range, null, 0, false)).toList();
    }

    /** With checkpoints: continue the recorded splits (resume) or record new ones. */
    private List<SplitState> checkpointedSplits(Checkpoints state) {
        Optional<Recorded> recorded = state.load();
        String planText = planText(plan);
        if (settings.resume()) {
            Recorded previous = recorded.orElseThrow(() -> new RowferryException(ErrorKind.USAGE,
                    "nothing to resume: " + state.name() + " holds no checkpoints of a copy into "
                            + settings.job()));
            if (settings.parallel() < 1) {
                String recordedSplits = previous.plan().substring(previous.plan().lastIndexOf("; splits ") + 9);
                parallel = Integer.parseInt(recordedSplits.strip());
                planText = planText(plan);
            }
            if (!previous.plan().equals(planText)) {
                throw new RowferryException(ErrorKind.USAGE, "cannot resume the copy into " + settings.job()
                        + ": it was started with " + difference(previous.plan(), planText)
                        + "; run it again as it was, or start over with --restart");
            }
            rowsBefore = previous.rowsWritten();
            resumeBytes = previous.bytes();
            if (increment != null) {
                plan = increment.limit(plan, previous.low(), previous.high());
            }
            LOG.info("resuming the copy into {}: {} rows were committed by earlier runs (last at {})",
                    settings.job(), previous.rowsWritten(), previous.updatedAt());
            return previous.splits();
        }
        // an interrupted run that committed nothing can start over: nothing would be written twice
        if (recorded.isPresent() && !recorded.get().finished() && recorded.get().rowsWritten() > 0
                && !settings.restart() && settings.ifExists() == IfExists.APPEND && !settings.sharedSink()) {
            Recorded previous = recorded.get();
            throw new RowferryException(ErrorKind.USAGE, "an interrupted copy into " + settings.job() + " left "
                    + previous.rowsWritten() + " committed rows (last at " + previous.updatedAt() + ");"
                    + " continue it with --resume, or start over with --restart");
        }
        Object low = null;
        Object high = null;
        if (increment != null) {
            // after the last finished run's highest value; an interrupted run restarted from its own lower bound
            low = recorded.map(previous -> previous.finished() ? previous.high() : previous.low()).orElse(null);
            high = increment.highest(plan, low);
            if (high == null) {
                LOG.info("no row has a higher {} than the last run copied ({}); nothing to copy", increment.name(),
                        low);
                applySetup(plan);
                return List.of();
            }
            plan = increment.limit(plan, low, high);
            LOG.info("copying the rows with {} above {} up to {}", increment.name(), low == null ? "the lowest" : low,
                    high);
        }
        List<KeyRange> ranges = SplitPlanner.plan(plan, parallel);
        applySetup(plan);
        state.begin(planText, ranges, low, high);
        return ranges.stream().map(range -> new SplitState(range, null, 0, false)).toList();
    }

    /**
     * Takes the snapshot every reader will see: exported from a transaction held open on its own connection until the
     * copy ends (PostgreSQL), or one per reader where the database cannot share one (MariaDB, MySQL). A cursor read
     * is one statement, consistent by itself.
     */
    private void startSnapshot() {
        if (plan.strategy() == ReadStrategy.CURSOR) {
            LOG.debug("a cursor read is one statement and sees one snapshot already");
            return;
        }
        io.rowferry.Database source = plan.database();
        java.sql.Connection holder = source.connect();
        snapshotHolder = holder;
        try {
            String id = source.dialect().exportSnapshot(holder);
            plan = plan.withSnapshot(id);
            LOG.info("every reader sees {}", id.equals(io.rowferry.dialect.Dialect.OWN_SNAPSHOT)
                    ? "a consistent snapshot of its own key range, taken as it starts"
                    : "the snapshot " + id + " of " + source.describe());
        } catch (java.sql.SQLException e) {
            throw source.failure("cannot take a snapshot to read " + plan.sourceName() + " in", e);
        }
    }

    private void endSnapshot() {
        java.sql.Connection holder = snapshotHolder;
        if (holder != null) {
            io.rowferry.sink.TargetTable.release(holder);
            snapshotHolder = null;
        }
    }

    private void applySetup(ReadPlan plan) {
        if (settings.setup() != null) {
            settings.setup().apply(plan);
        }
    }

    /**
     * Where checkpoints go: the state table of the target database, or a state file beside an exported file; none
     * for reads not in key order, standard output, or with checkpoints off.
     */
    private Checkpoints checkpoints(ReadPlan plan) {
        if (settings.stateTable() == null || plan.strategy() != ReadStrategy.KEYSET) {
            return null;
        }
        if (settings.sharedSink()) {
            if (settings.sinks().get() instanceof io.rowferry.sink.file.ResumableFileSink file && file.writesFile()) {
                file.keepUnfinished();
                resumableFile = file;
                return new FileState(file.statePath());
            }
            return null;
        }
        return new StateTable(settings.stateDatabase(), settings.stateTable(), settings.job());
    }

    /** What must not change between a run and its resumption, as "name value" parts separated by "; ". */
    private String planText(ReadPlan plan) {
        return "source table " + plan.tableRef() + "; key " + plan.keyNames() + "; columns " + plan.columnNames()
                + "; filter " + (plan.filter() == null ? "none" : plan.filter()) + "; incremental column "
                + (settings.incrementalColumn() == null ? "none" : increment.name()) + "; splits " + parallel;
    }

    private static String difference(String before, String now) {
        String[] old = before.split("; ");
        String[] current = now.split("; ");
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < Math.min(old.length, current.length); i++) {
            if (!old[i].equals(current[i])) {
                changes.add(old[i] + " (now " + current[i].substring(current[i].indexOf(' ') + 1) + ")");
            }
        }
        return changes.isEmpty() ? before : String.join(", ", changes);
    }

    /** One lane per split, at most {@code parallel} at a time, each retried on its own. */
    private void runLanes(ReadPlan plan, List<SplitState> splits, Checkpoints state) throws Exception {
        int threads = Math.min(parallel, splits.size());
        ExecutorService lanes = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "rowferry-writer");
            thread.setDaemon(true);
            return thread;
        });
        pool = lanes;
        List<Future<?>> futures = new ArrayList<>();
        for (SplitState split : splits) {
            futures.add(lanes.submit(() -> {
                if (firstFailure.get() == null) {
                    runLane(plan, List.of(split), state);
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.CancellationException ignored) {
                // cancelled with the job; its failure is recorded
            } catch (java.util.concurrent.ExecutionException e) {
                failed(e.getCause());
            }
        }
    }

    /** Runs one lane to the end, starting it again from its checkpoints after transient failures. */
    private void runLane(ReadPlan plan, List<SplitState> splits, Checkpoints state) {
        long bufferBytes = Math.max(1 << 16, settings.bufferBytes() / Math.min(parallel,
                settings.sharedSink() ? 1 : Math.max(1, splitCount)));
        List<SplitState> current = splits;
        for (int attempt = 0; ; attempt++) {
            List<CopyLane.Split> laneSplits = current.stream().filter(split -> !split.done())
                    .map(split -> new CopyLane.Split(split.range(), readPlan(plan, split), split.rowsWritten()))
                    .toList();
            if (laneSplits.isEmpty()) {
                return;
            }
            List<RowSink> sinks = new ArrayList<>();
            for (int w = 0; w < settings.writers(); w++) {
                sinks.add(settings.sinks().get());
            }
            RowSink sink = sinks.get(0);
            // every writer holds one batch: together they stay within the half of the budget the hand-off leaves
            long batchBytes = Math.max(1, Math.min(settings.batchBytes(), bufferBytes / (2L * settings.writers())));
            CopyLane lane = new CopyLane(laneSplits, sinks, state, settings.onLossy(),
                    settings.transform(), settings.batchSize(), batchBytes, bufferBytes, counters);
            activeLanes.add(lane);
            try {
                if (cancelled) {
                    throw new RowferryException(ErrorKind.CANCELLED, "copy cancelled");
                }
                lane.run();
                mergeLosses(lane);
                targetDescription = sink.describe();
                return;
            } catch (RowferryException e) {
                mergeLosses(lane);
                if (lane.committedRows() > 0) {
                    attempt = 0; // the limit is on failures in a row: a long copy may lose its connection now and then
                }
                if (!retryable(e, state, attempt)) {
                    failed(e);
                    cancelOthers(lane);
                    throw e;
                }
                Duration wait = backoff(attempt);
                counters.rowsRead.addAndGet(-lane.uncommittedRows());
                retries.incrementAndGet();
                LOG.warn("{}; retrying {} from its last checkpoint in {} ms (attempt {} of {})", e.getMessage(),
                        describe(laneSplits), wait.toMillis(), attempt + 2, settings.maxRetries() + 1);
                sleep(wait);
                current = reload(state, current);
            } finally {
                activeLanes.remove(lane);
            }
        }
    }

    private ReadPlan readPlan(ReadPlan plan, SplitState split) {
        if (plan.strategy() != ReadStrategy.KEYSET) {
            return plan;
        }
        KeyRange remaining = split.remaining();
        return plan.withRange(remaining.after() != null ? remaining.after() : plan.startAfter(),
                remaining.until() != null ? remaining.until() : plan.endAt());
    }

    private boolean retryable(RowferryException failure, Checkpoints state, int attempt) {
        boolean transientKind = failure.kind() == ErrorKind.CONNECTION || failure.kind() == ErrorKind.TRANSIENT;
        return transientKind && state != null && !cancelled && attempt < settings.maxRetries()
                && firstFailure.get() == null;
    }

    /** 1, 2, 4, ... times the base wait, at most 30 s. */
    private Duration backoff(int attempt) {
        long millis = settings.retryWait().toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, 30_000));
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RowferryException(ErrorKind.CANCELLED, "copy cancelled");
        }
    }

    /** The lane's splits as the state table records them: what the failed attempt committed is kept. */
    private List<SplitState> reload(Checkpoints state, List<SplitState> splits) {
        Recorded recorded;
        try {
            recorded = state.load().orElseThrow(() -> new RowferryException(ErrorKind.USAGE,
                    "the checkpoints of " + settings.job() + " disappeared from " + state.name()));
        } catch (RowferryException e) {
            if (e.kind() == ErrorKind.CONNECTION || e.kind() == ErrorKind.TRANSIENT) {
                return splits; // the next attempt fails the same way, and counts
            }
            throw e;
        }
        if (resumableFile != null) {
            resumableFile.resumeAt(recorded.bytes()); // the retry continues the unfinished file from its last checkpoint
        }
        List<SplitState> reloaded = new ArrayList<>();
        for (SplitState split : splits) {
            reloaded.add(recorded.splits().get(split.range().index()));
        }
        return reloaded;
    }

    private static String describe(List<CopyLane.Split> splits) {
        return splits.size() == 1 ? "split " + splits.get(0).range().index() : splits.size() + " splits";
    }

    private void cancelOthers(CopyLane failed) {
        RowferryException why = new RowferryException(ErrorKind.CANCELLED, "copy cancelled: another split failed");
        for (CopyLane lane : activeLanes) {
            if (lane != failed) {
                lane.cancel(why);
            }
        }
    }

    private synchronized void mergeLosses(CopyLane lane) {
        lane.losses().forEach((column, count) -> losses.merge(column, count, Long::sum));
    }

    private void rethrowFailure() {
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw asRowferryException(failure);
        }
    }

    // ---- progress and failures ----

    private void reportProgress() {
        Consumer<CopyProgress> listener = settings.progressListener();
        try {
            while (!done.await(settings.progressInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                listener.accept(progress());
            }
            listener.accept(progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("progress listener failed: {}", e.toString());
        }
    }

    private void failed(Throwable failure) {
        if (!firstFailure.compareAndSet(null, failure) && firstFailure.get() != failure) {
            LOG.debug("further failure after the first: {}", failure.toString());
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static RowferryException asRowferryException(Throwable failure) {
        if (failure instanceof RowferryException rowferry) {
            return rowferry;
        }
        if (failure instanceof OutOfMemoryError) {
            return new RowferryException(ErrorKind.INTERNAL, "out of memory: lower --buffer or --fetch-size", failure);
        }
        return new RowferryException(ErrorKind.INTERNAL, "copy failed: " + failure, failure);
    }
}
