package io.rowferry.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.rowferry.CopyBuilder;
import io.rowferry.CopyResult;
import io.rowferry.Database;
import io.rowferry.ReadStrategy;
import io.rowferry.Rowferry;
import io.rowferry.sink.file.CsvSink;
import io.rowferry.sink.file.FileTarget;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The child process of {@link BoundedMemoryTest}: runs one copy or export through the public API only, with the
 * default buffer, in whatever heap it was started with (the test uses {@code -Xmx64m
 * -XX:+ExitOnOutOfMemoryError}, so running out of heap ends the process with a non-zero status).
 *
 * <pre>
 * copy   &lt;fromUrl&gt; &lt;fromTable&gt; &lt;toUrl&gt; &lt;toTable&gt; &lt;strategy&gt;
 * export &lt;fromUrl&gt; &lt;fromTable&gt; &lt;csvPath&gt; [strategy, default AUTO]
 * </pre>
 *
 * Credentials come from the same environment variables as the test's (see {@link MemoryTestServers}). On success it
 * prints one line on standard output and exits 0:
 *
 * <pre>
 * RESULT rows=&lt;n&gt; seconds=&lt;s&gt; peakHeapBytes=&lt;max sampled used heap&gt; peakPoolBytes=&lt;sum of the heap pools' peaks&gt;
 *        liveHeapAfterGcBytes=&lt;max heap in use right after a collection&gt; strategy=&lt;s&gt; rowsRead=&lt;n&gt;
 *        bufferBytes=&lt;default buffer&gt; maxHeapBytes=&lt;-Xmx&gt; gcCount=&lt;n&gt; gcMillis=&lt;ms&gt;
 * </pre>
 *
 * (all on one line). {@code peakHeapBytes} includes garbage not yet collected, so in a small heap it is close to
 * the heap size whatever the copy retains; {@code liveHeapAfterGcBytes} is what survives a collection, the
 * better measure of what the copy holds. On any failure it prints the message (and the stack trace) on standard
 * error and exits 1.
 */
public final class MemoryBoundMain {
    private MemoryBoundMain() {}

    public static void main(String[] args) {
        HeapWatch watch = HeapWatch.start();
        try {
            CopyResult result = run(args);
            watch.stop();
            System.out.println(resultLine(result, watch));
            System.out.flush();
            System.exit(0);
        } catch (Throwable e) { // an OutOfMemoryError never gets here: -XX:+ExitOnOutOfMemoryError ends the JVM first
            System.err.println("FAILED: " + e.getMessage());
            e.printStackTrace(System.err);
            System.err.flush();
            System.exit(1);
        }
    }

    private static CopyResult run(String[] args) {
        if (args.length >= 6 && args[0].equals("copy")) {
            return Rowferry.copy()
                    .from(Rowferry.read(database(args[1])).table(args[2]).strategy(strategy(args[5])))
                    .to(database(args[3]), args[4])
                    .run();
        }
        if ((args.length == 4 || args.length == 5) && args[0].equals("export")) {
            ReadStrategy strategy = args.length == 5 ? strategy(args[4]) : ReadStrategy.AUTO;
            return Rowferry.copy()
                    .from(Rowferry.read(database(args[1])).table(args[2]).strategy(strategy))
                    .to(new CsvSink(FileTarget.file(Path.of(args[3]))))
                    .run();
        }
        throw new IllegalArgumentException("usage: copy <fromUrl> <fromTable> <toUrl> <toTable> <strategy>"
                + " | export <fromUrl> <fromTable> <csvPath> [strategy]; got " + String.join(" ", args));
    }

    private static Database database(String url) {
        return Database.url(url, MemoryTestServers.user(url), MemoryTestServers.password(url));
    }

    private static ReadStrategy strategy(String name) {
        return ReadStrategy.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String resultLine(CopyResult result, HeapWatch watch) {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        return "RESULT rows=" + result.rowsWritten()
                + " seconds=" + String.format(Locale.ROOT, "%.3f", result.elapsed().toNanos() / 1e9)
                + " peakHeapBytes=" + watch.peakUsed()
                + " peakPoolBytes=" + heapPoolPeaks()
                + " liveHeapAfterGcBytes=" + watch.peakAfterGc()
                + " strategy=" + result.strategy()
                + " rowsRead=" + result.rowsRead()
                + " bufferBytes=" + CopyBuilder.defaultBufferBytes()
                + " maxHeapBytes=" + Runtime.getRuntime().maxMemory()
                + " gcCount=" + gcCount
                + " gcMillis=" + gcMillis;
    }

    /** The sum over the heap pools of each pool's peak: an upper bound (the peaks need not coincide). */
    private static long heapPoolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * A daemon thread that samples the used heap every 100 ms, and a listener that records the heap in use right
     * after each collection (the sum over the pools of {@code memoryUsageAfterGc}).
     */
    private static final class HeapWatch {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running = true;
        private Thread sampler;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            Set<String> heapPools = new HashSet<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                    .from((CompositeData) notification.getUserData());
                            long after = 0;
                            // the map holds the non-heap pools (metaspace, code cache) too: count heap pools only
                            for (Map.Entry<String, MemoryUsage> pool
                                    : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(pool.getKey())) {
                                    after += pool.getValue().getUsed();
                                }
                            }
                            watch.peakAfterGc.accumulateAndGet(after, Math::max);
                        }
                    }, null, null);
                }
            }
            watch.sampler = new Thread(watch::sample, "heap-sampler");
            watch.sampler.setDaemon(true);
            watch.sampler.start();
            return watch;
        }

        private void sample() {
            while (running) {
                record();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void record() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peakUsed.accumulateAndGet(used, Math::max);
        }

        void stop() {
            running = false;
            sampler.interrupt();
            record();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }
    }
}
