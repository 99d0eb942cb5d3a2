package io.rowferry.cli;

import io.rowferry.CopyProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The progress of a running copy on stderr: rows written, rows/s, MB/s, heap used of the maximum, elapsed time.
 * On a terminal it is one line redrawn in place every {@link #TICK}; in logs ({@code --progress always}) a plain
 * line every 10 s. Every tick also samples the heap for the summary, whatever is shown.
 *
 * <p>Hand-written rather than a progress-bar library: those draw carriage returns and colours into log files
 * and pipes (libraries.md §2).
 */
final class ProgressLine implements Consumer<CopyProgress>, AutoCloseable {
    /** How often the copy reports progress (and the heap is sampled). */
    static final Duration TICK = Duration.ofMillis(200);
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    /** Carriage return, then "erase to end of line" (ANSI CSI K), so a shorter line leaves no rest behind. */
    private static final String REDRAW = "\r\033[K";

    private final PrintStream err;
    private final ProgressMode.Display display;
    private final HeapWatch heap;
    private long lastPlainNanos = System.nanoTime();
    private boolean drawn;
    private boolean closed;

    ProgressLine(PrintStream err, ProgressMode.Display display, HeapWatch heap) {
        this.err = err;
        this.display = display;
        this.heap = heap;
    }

    /** Called by the copy's progress thread on every tick and once at the end. */
    @Override
    public synchronized void accept(CopyProgress progress) {
        heap.sample();
        if (closed) {
            return; // the summary may already be printed; never draw after it
        }
        switch (display) {
            case LIVE -> {
                err.print(REDRAW + text(progress));
                err.flush();
                drawn = true;
            }
            case PLAIN -> {
                long now = System.nanoTime();
                if (now - lastPlainNanos >= PLAIN_EVERY_NANOS) {
                    lastPlainNanos = now;
                    err.println("rowferry: progress: " + text(progress));
                }
            }
            case NONE -> {
                // sampling only
            }
        }
    }

    static String text(CopyProgress progress) {
        return Figures.count(progress.rowsWritten()) + " rows  "
                + Figures.rate(progress.rowsPerSecond()) + " rows/s  "
                + Figures.megabytesPerSecond(progress.megabytesPerSecond()) + " MB/s  heap "
                + ByteSize.mebibytes(HeapWatch.usedBytes()) + " / " + ByteSize.mebibytes(HeapWatch.maxBytes()) + "  "
                + Figures.duration(progress.elapsed());
    }

    /** Stops drawing and erases the live line, so what follows starts on a clean line. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (drawn) {
                err.print(REDRAW);
                err.flush();
            }
        }
    }
}
