package io.rowferry.verify;

import io.rowferry.ChangedRow;
import io.rowferry.ErrorKind;
import io.rowferry.RowKey;
import io.rowferry.RowferryException;
import io.rowferry.VerifyResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares two tables on two databases by bisection over hash buckets of the key (docs/verify.md). Each database
 * computes, per bucket, the row count and the sum of 60-bit hashes of each row's canonical text; only those small
 * results cross the network. Buckets that match are done. A bucket that differs is split into 16 (one more hex digit of
 * the key hash) and compared again, until it holds at most {@link VerifySpec#leafRows()} rows on either side; then the
 * key texts and row hashes of its rows are read from both sides and merged, and the rows whose hashes differ are read
 * whole and compared value by value ({@link ValueComparison}).
 *
 * <p>Both sides work at the same time, each on a thread and connection of its own; the first pass, which hashes every
 * row, is split by the 16 one-digit buckets into {@link VerifySpec#parallel()} shares per side, each on a connection
 * of its own, since a database evaluates one query on one core. Memory is bounded: at most 65,536 buckets per pass, {@value #LEAF_ROWS_PER_READ} rows per read of bucket rows, {@value #FETCH_BATCH} whole rows at a
 * time, and {@code maxDiffs} reported keys of each kind.
 */
public final class TableVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(TableVerifier.class);
    /** The first pass uses buckets of about this many rows (at most 16^{@value #MAX_FIRST_DIGITS} buckets). */
    static final int ROWS_PER_BUCKET = 512;
    static final int MAX_FIRST_DIGITS = 4;
    static final int BUCKETS_PER_QUERY = 500;
    static final int LEAF_ROWS_PER_READ = 20_000;
    static final int FETCH_BATCH = 200;
    /** The first pass is split by the buckets of one digit, so into at most 16 shares. */
    static final int MAX_PARALLEL = 16;

    private final VerifySpec spec;
    private final VerifySide source;
    private final VerifySide target;
    private final ExecutorService pool;
    private long sourceRows;
    private long targetRows;
    private long missingCount;
    private long extraCount;
    private long changedCount;
    private final Smallest<RowKey> missing;
    private final Smallest<RowKey> extra;
    private final Smallest<ChangedRow> changed;
    private long bucketsCompared;
    private long rowsHashed;
    private long rowsComparedInJava;
    private final long started;
    private final java.util.concurrent.atomic.AtomicInteger sharesDone = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong sourceHashed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong targetHashed = new java.util.concurrent.atomic.AtomicLong();
    private volatile String phase = "hashing";
    private volatile int totalShares = 2;
    private volatile long differingBuckets;

    private TableVerifier(VerifySpec spec, VerifySide[] sides, ExecutorService pool, long started) {
        this.spec = spec;
        this.started = started;
        this.source = sides[0];
        this.target = sides[1];
        this.pool = pool;
        this.missing = new Smallest<>(spec.maxDiffs(), TableVerifier::compareKeys);
        this.extra = new Smallest<>(spec.maxDiffs(), TableVerifier::compareKeys);
        this.changed = new Smallest<>(spec.maxDiffs(), (a, b) -> compareKeys(a.key(), b.key()));
    }

    /** Runs the verification; the result says whether the tables are identical and, if not, how they differ. */
    public static VerifyResult run(VerifySpec spec) {
        if (spec.maxDiffs() < 0) {
            throw new RowferryException(ErrorKind.USAGE, "max diffs must be 0 or more, was " + spec.maxDiffs());
        }
        if (spec.parallel() < 1 || spec.parallel() > MAX_PARALLEL) {
            throw new RowferryException(ErrorKind.USAGE, "parallel must be 1 to " + MAX_PARALLEL + " connections, was "
                    + spec.parallel());
        }
        if (spec.leafRows() < 1) {
            throw new RowferryException(ErrorKind.USAGE, "leaf rows must be at least 1, was " + spec.leafRows());
        }
        long started = System.nanoTime();
        VerifySide[] sides = SidePlanner.plan(spec);
        ExecutorService pool = Executors.newFixedThreadPool(2 * spec.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "rowferry-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return new TableVerifier(spec, sides, pool, started).verify();
        } finally {
            pool.shutdownNow();
            sides[0].close();
            sides[1].close();
        }
    }

    private VerifyResult verify() {
        int digits = firstDigits(estimatedRows());
        LOG.debug("verifying {} against {} in buckets of {} hex digits", source.describe(), target.describe(), digits);
        List<Map<String, BucketStats>> first = firstPass(digits);
        sourceRows = first.get(0).values().stream().mapToLong(BucketStats::rows).sum();
        targetRows = first.get(1).values().stream().mapToLong(BucketStats::rows).sum();
        List<String> deeper = compare(digits, first.get(0), first.get(1));
        for (int length = digits + 1; !deeper.isEmpty(); length++) {
            phase = "splitting";
            report();
            List<String> next = new ArrayList<>();
            for (int from = 0; from < deeper.size(); from += BUCKETS_PER_QUERY) {
                List<String> parents = deeper.subList(from, Math.min(deeper.size(), from + BUCKETS_PER_QUERY));
                int level = length;
                List<Map<String, BucketStats>> stats = both(side -> side.aggregate(level, parents));
                next.addAll(compare(length, stats.get(0), stats.get(1)));
            }
            deeper = next;
        }
        phase = "done";
        report();
        return new VerifyResult(sourceRows, targetRows, missingCount, extraCount, changedCount, missing.sorted(),
                extra.sorted(), changed.sorted(),
                bucketsCompared, rowsHashed, rowsComparedInJava, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Every row's bucket and hash, on both sides: with {@link VerifySpec#parallel()} above 1, each side's rows are
     * split by their one-digit bucket into that many shares, each hashed on a connection of its own, all at once.
     * A share restricts its scan to its one-digit buckets, so each connection scans the table but hashes only its
     * share of the rows.
     */
    private List<Map<String, BucketStats>> firstPass(int digits) {
        int shares = digits >= 2 ? Math.min(spec.parallel(), MAX_PARALLEL) : 1;
        totalShares = 2 * shares;
        report();
        if (shares == 1) {
            return both(side -> {
                Map<String, BucketStats> stats = side.aggregate(digits, List.of());
                shareDone(side, stats);
                return stats;
            });
        }
        List<VerifySide> opened = new ArrayList<>();
        List<Future<Map<String, BucketStats>>> work = new ArrayList<>();
        try {
            for (int share = 0; share < shares; share++) {
                List<String> parents = topBuckets(share, shares);
                for (VerifySide side : List.of(source, target)) {
                    VerifySide connection = side;
                    if (share > 0) {
                        connection = side.another();
                        opened.add(connection);
                    }
                    VerifySide worker = connection;
                    work.add(pool.submit(() -> {
                        Map<String, BucketStats> stats = worker.aggregate(digits, parents, 1);
                        shareDone(side, stats);
                        return stats;
                    }));
                }
            }
            Map<String, BucketStats> sourceStats = new java.util.HashMap<>();
            Map<String, BucketStats> targetStats = new java.util.HashMap<>();
            for (int i = 0; i < work.size(); i++) {
                (i % 2 == 0 ? sourceStats : targetStats).putAll(await(work.get(i)));
            }
            return List.of(sourceStats, targetStats);
        } catch (RuntimeException e) {
            work.forEach(future -> future.cancel(true));
            throw e;
        } finally {
            opened.forEach(VerifySide::close);
        }
    }

    /**
     * The one-digit buckets of a share: hex digits, or for integer keys the remainders modulo 16, negative ones too
     * (the remainder of a negative key is negative on every database here).
     */
    private List<String> topBuckets(int share, int shares) {
        List<String> names = new ArrayList<>();
        for (int digit = share; digit < 16; digit += shares) {
            if (source.integerBuckets()) {
                names.add(Integer.toString(digit));
                if (digit > 0) {
                    names.add(Integer.toString(-digit));
                }
            } else {
                names.add(Integer.toHexString(digit));
            }
        }
        return names;
    }

    private void shareDone(VerifySide side, Map<String, BucketStats> stats) {
        long rows = stats.values().stream().mapToLong(BucketStats::rows).sum();
        (side == source ? sourceHashed : targetHashed).addAndGet(rows);
        sharesDone.incrementAndGet();
        report();
    }

    /** Tells the progress listener where the verification is; a failing listener does not stop it. */
    private void report() {
        if (spec.progress() == null) {
            return;
        }
        try {
            spec.progress().accept(new io.rowferry.VerifyProgress(phase, sharesDone.get(), totalShares,
                    sourceHashed.get(), targetHashed.get(), differingBuckets,
                    Duration.ofNanos(System.nanoTime() - started)));
        } catch (RuntimeException e) {
            LOG.debug("progress listener failed", e);
        }
    }

    /** The source's row count as its statistics say, or counted where it has none. */
    private long estimatedRows() {
        return source.estimatedRows();
    }

    /** Hex digits of the first pass: buckets of about {@value #ROWS_PER_BUCKET} rows, 16 to 65,536 of them. */
    static int firstDigits(long rows) {
        int digits = 1;
        while (digits < MAX_FIRST_DIGITS && rows / Math.pow(16, digits) > ROWS_PER_BUCKET) {
            digits++;
        }
        return digits;
    }

    /**
     * Compares the buckets of one pass: compares row by row those that differ and are small, and returns those that
     * differ and must be split.
     */
    private List<String> compare(int digits, Map<String, BucketStats> sourceStats, Map<String, BucketStats> targetStats) {
        Set<String> names = new TreeSet<>(sourceStats.keySet());
        names.addAll(targetStats.keySet());
        bucketsCompared += names.size();
        List<String> split = new ArrayList<>();
        List<String> leaves = new ArrayList<>();
        long leafWeight = 0;
        for (String name : names) {
            BucketStats a = sourceStats.getOrDefault(name, BucketStats.EMPTY);
            BucketStats b = targetStats.getOrDefault(name, BucketStats.EMPTY);
            if (a.equals(b)) {
                continue;
            }
            differingBuckets++;
            long weight = Math.max(a.rows(), b.rows());
            if (weight > spec.leafRows() && digits < source.maxDigits()) {
                split.add(name);
                continue;
            }
            if (!leaves.isEmpty() && (leafWeight + weight > LEAF_ROWS_PER_READ || leaves.size() >= BUCKETS_PER_QUERY)) {
                compareRows(digits, leaves);
                leaves = new ArrayList<>();
                leafWeight = 0;
            }
            leaves.add(name);
            leafWeight += weight;
        }
        if (!leaves.isEmpty()) {
            compareRows(digits, leaves);
        }
        return split;
    }

    /** Merges the rows of some buckets by key text: missing, extra, and rows whose hashes differ. */
    private void compareRows(int digits, List<String> buckets) {
        phase = "comparing";
        report();
        List<List<LeafRow>> rows = both(side -> side.rows(digits, buckets));
        List<LeafRow> a = rows.get(0);
        List<LeafRow> b = rows.get(1);
        rowsHashed += a.size() + b.size();
        a.sort(Comparator.comparing(LeafRow::keyText));
        b.sort(Comparator.comparing(LeafRow::keyText));
        List<LeafRow[]> candidates = new ArrayList<>();
        int i = 0;
        int j = 0;
        String previousTarget = null;
        while (i < a.size() || j < b.size()) {
            int order = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).keyText().compareTo(b.get(j).keyText());
            if (order < 0) {
                missingCount++;
                missing.offer(key(source, a.get(i++)));
            } else if (order > 0 || b.get(j).keyText().equals(previousTarget)) {
                // in the target only, or a second target row with a key already matched (the target's key is not unique)
                extraCount++;
                previousTarget = b.get(j).keyText();
                extra.offer(key(target, b.get(j++)));
            } else {
                if (a.get(i).hash() != b.get(j).hash()) {
                    candidates.add(new LeafRow[] {a.get(i), b.get(j)});
                }
                previousTarget = b.get(j).keyText();
                i++;
                j++;
            }
            if (candidates.size() == FETCH_BATCH) {
                compareValues(candidates);
                candidates = new ArrayList<>();
            }
        }
        if (!candidates.isEmpty()) {
            compareValues(candidates);
        }
    }

    /** Reads the rows whose hashes differ from both sides and compares them value by value. */
    private void compareValues(List<LeafRow[]> candidates) {
        rowsComparedInJava += candidates.size();
        List<LeafRow> sourceKeys = candidates.stream().map(pair -> pair[0]).toList();
        List<LeafRow> targetKeys = candidates.stream().map(pair -> pair[1]).toList();
        Future<Map<String, Object[]>> sourceRows = pool.submit(() -> source.fetch(sourceKeys));
        Map<String, Object[]> targetValues = target.fetch(targetKeys);
        Map<String, Object[]> sourceValues = await(sourceRows);
        for (LeafRow[] pair : candidates) {
            Object[] a = sourceValues.get(pair[0].keyText());
            Object[] b = targetValues.get(pair[1].keyText());
            List<String> columns = new ArrayList<>();
            if (a == null || b == null) {
                columns.add("(row changed while being verified)");
            } else {
                for (int c = 0; c < a.length; c++) {
                    if (!ValueComparison.same(a[c], source.types().get(c), b[c], target.types().get(c))) {
                        columns.add(source.columns().get(c));
                    }
                }
            }
            if (!columns.isEmpty()) {
                changedCount++;
                changed.offer(new ChangedRow(key(source, pair[0]), columns));
            }
        }
    }

    private static RowKey key(VerifySide side, LeafRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < row.key().length; i++) {
            values.put(side.columns().get(i), row.key()[i]);
        }
        return new RowKey(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(RowKey a, RowKey b) {
        List<Object> x = new ArrayList<>(a.values().values());
        List<Object> y = new ArrayList<>(b.values().values());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int order = p instanceof Comparable && q != null && p.getClass() == q.getClass()
                    ? ((Comparable) p).compareTo(q) : String.valueOf(p).compareTo(String.valueOf(q));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /** Runs the same work on both sides at once; the first failure is thrown, and the other side's work cancelled. */
    private <T> List<T> both(Function<VerifySide, T> work) {
        Future<T> sourceWork = pool.submit(() -> work.apply(source));
        T targetResult;
        try {
            targetResult = work.apply(target);
        } catch (RuntimeException e) {
            sourceWork.cancel(true);
            throw e;
        }
        List<T> results = new ArrayList<>(2);
        results.add(await(sourceWork));
        results.add(targetResult);
        return results;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RowferryException(ErrorKind.CANCELLED, "verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new RowferryException(ErrorKind.INTERNAL, "verification failed: " + e.getCause(), e.getCause());
        }
    }
}
