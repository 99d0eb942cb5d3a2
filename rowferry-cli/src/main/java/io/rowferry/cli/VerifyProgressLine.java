package io.rowferry.cli;

import io.rowferry.VerifyProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The progress of a running verification on stderr: the pass, the shares of the first pass done and the rows hashed
 * on each side, the buckets found to differ, the elapsed time. The verification reports only as parts of a pass end
 * (a first pass over a large table takes minutes), so the line is redrawn on a timer of its own, with the elapsed
 * time moving: on a terminal every {@link ProgressLine#TICK}, in logs ({@code --progress always}) a plain line every
 * 10 s and one at each change of pass.
 */
final class VerifyProgressLine implements Consumer<VerifyProgress>, AutoCloseable {
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final String REDRAW = "\r\033[K";

    private final PrintStream err;
    private final ProgressMode.Display display;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    private VerifyProgress last;
    private long lastPlainNanos = System.nanoTime();
    private boolean drawn;
    private boolean closed;

    VerifyProgressLine(PrintStream err, ProgressMode.Display display) {
        this.err = err;
        this.display = display;
        if (display == ProgressMode.Display.NONE) {
            timer = null;
        } else {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "rowferry-verify-progress");
                thread.setDaemon(true);
                return thread;
            });
            long tick = display == ProgressMode.Display.LIVE ? ProgressLine.TICK.toMillis() : 1_000;
            timer.scheduleAtFixedRate(this::draw, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    /** Called by the verification's threads as parts of a pass end. */
    @Override
    public synchronized void accept(VerifyProgress progress) {
        boolean newPhase = last == null || !last.phase().equals(progress.phase());
        last = progress;
        if (display == ProgressMode.Display.PLAIN && newPhase && !closed && !progress.phase().equals("done")) {
            lastPlainNanos = System.nanoTime();
            err.println("rowferry: progress: " + text(progress, elapsed()));
        }
    }

    private synchronized void draw() {
        if (closed || last == null) {
            return;
        }
        switch (display) {
            case LIVE -> {
                err.print(REDRAW + text(last, elapsed()));
                err.flush();
                drawn = true;
            }
            case PLAIN -> {
                long now = System.nanoTime();
                if (now - lastPlainNanos >= PLAIN_EVERY_NANOS) {
                    lastPlainNanos = now;
                    err.println("rowferry: progress: " + text(last, elapsed()));
                }
            }
            case NONE -> {
                // nothing shown
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static String text(VerifyProgress progress, Duration elapsed) {
        String pass = switch (progress.phase()) {
            case "hashing" -> "hashing every row: " + progress.shares() + "/" + progress.totalShares() + " shares done";
            case "splitting" -> "splitting differing buckets";
            case "comparing" -> "comparing rows of differing buckets";
            default -> progress.phase();
        };
        return pass + "  source " + Figures.count(progress.sourceRows()) + " rows  target "
                + Figures.count(progress.targetRows()) + " rows  " + Figures.count(progress.differingBuckets())
                + " buckets differ  " + Figures.duration(elapsed);
    }

    /** Stops drawing and erases the live line, so that the report starts on a clean line. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (timer != null) {
                timer.shutdownNow();
            }
            if (drawn) {
                err.print(REDRAW);
                err.flush();
            }
        }
    }
}
