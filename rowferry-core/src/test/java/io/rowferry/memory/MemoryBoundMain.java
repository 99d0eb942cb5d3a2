package io.rowferry.memory;

import io.rowferry.CopyBuilder;
import io.rowferry.CopyResult;
import io.rowferry.Database;
import io.rowferry.ReadStrategy;
import io.rowferry.Rowferry;
import io.rowferry.sink.file.CsvSink;
import io.rowferry.sink.file.FileTarget;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

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
 *        peakLiveHeapBytes=&lt;max heap in use after a full collection&gt; strategy=&lt;s&gt; rowsRead=&lt;n&gt;
 *        bufferBytes=&lt;default buffer&gt; maxHeapBytes=&lt;-Xmx&gt; gcCount=&lt;n&gt; gcMillis=&lt;ms&gt;
 * </pre>
 *
 * (all on one line). {@code peakHeapBytes} includes garbage not yet collected, so in a small heap it is close to
 * the heap size whatever the copy retains; {@code peakLiveHeapBytes} (sampled every 2 s, see {@link HeapWatch})
 * is what the copy actually holds. On any failure it prints the message (and the stack trace) on standard error
 * and exits 1.
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
        if (args.length == 6 && args[0].equals("copy")) {
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
                + " peakLiveHeapBytes=" + watch.peakLive()
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
     * A daemon thread that samples the used heap every 100 ms and, every 2 s, the live heap: the heap in use right
     * after a full collection it asks for ({@code System.gc()}, a stop-the-world full collection with G1, some
     * 20-40 ms at this heap size). The used heap includes garbage not yet collected, and a young collection leaves
     * the old generation's dead rows in place, so neither says what the copy retains; the live heap does. Asking
     * for full collections does not change whether the copy fits: the JVM makes one before it gives up with an
     * OutOfMemoryError anyway.
     */
    private static final class HeapWatch {
        private static final int SAMPLE_MILLIS = 100;
        private static final int SAMPLES_PER_LIVE_SAMPLE = 20;

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private volatile boolean running = true;
        private Thread sampler;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler = new Thread(watch::sample, "heap-sampler");
            watch.sampler.setDaemon(true);
            watch.sampler.start();
            return watch;
        }

        private void sample() {
            for (long n = 1; running; n++) {
                record();
                if (n % SAMPLES_PER_LIVE_SAMPLE == 0) {
                    System.gc();
                    peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void record() {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
            record();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakLive() {
            return peakLive.get();
        }
    }
}
