package io.rowferry.cli;

import io.rowferry.CopyJob;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, SIGTERM) cancels the running copy instead of killing it mid-batch: the JVM runs this hook, which
 * cancels the job and waits for it to end, so the unfinished batch is rolled back and a partial export file is
 * removed. The JVM halts when the hook returns, so it waits (at most {@link #GRACE}) for the job and then, briefly,
 * for the error line to be printed.
 */
final class CancelOnShutdown {
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration REPORT_GRACE = Duration.ofSeconds(1);

    private final Thread hook;

    private CancelOnShutdown(Thread hook) {
        this.hook = hook;
    }

    static CancelOnShutdown install(CopyJob job, CountDownLatch reported) {
        Thread hook = new Thread(() -> cancelAndWait(job, reported), "rowferry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new CancelOnShutdown(hook);
    }

    private static void cancelAndWait(CopyJob job, CountDownLatch reported) {
        if (job.isDone()) {
            return;
        }
        job.cancel();
        long deadline = System.nanoTime() + GRACE.toNanos();
        try {
            while (!job.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            reported.await(REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the hook once the copy is over; during shutdown that is not allowed and not needed. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
