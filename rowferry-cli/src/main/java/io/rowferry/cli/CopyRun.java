package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import io.rowferry.CopyJob;
import io.rowferry.CopyProgress;
import io.rowferry.CopyResult;

/**
 * Runs one copy the way every command does: progress on stderr, heap sampled on every tick, Ctrl-C cancelling it
 * cleanly. Failures are returned, not thrown, so the caller can still report what got done before them.
 */
final class CopyRun {
    private CopyRun() {}

    /**
     * The end of a copy.
     *
     * @param result the core's result, or null when the copy failed
     * @param progress the counters at the end (also after a failure)
     * @param peakHeapBytes the most heap in use at a progress tick
     * @param peakHeapAfterGcBytes the most heap in use after a collection
     * @param failure what stopped the copy, or null
     */
    record Outcome(
            CopyResult result,
            CopyProgress progress,
            long peakHeapBytes,
            long peakHeapAfterGcBytes,
            RuntimeException failure) {

        boolean succeeded() {
            return failure == null;
        }
    }

    static Outcome run(Main main, CopyBuilder copy, ProgressMode.Display display) {
        try (HeapWatch heap = new HeapWatch()) {
            ProgressLine line = new ProgressLine(main.err, display, heap);
            copy.progress(line, ProgressLine.TICK);
            CopyJob job = copy.start();
            CancelOnShutdown cancelOnCtrlC = CancelOnShutdown.install(job, main.reported);
            RuntimeException failure = null;
            CopyResult result = null;
            try {
                result = job.await();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                line.close(); // before anything else is printed
                cancelOnCtrlC.remove();
            }
            heap.sample();
            return new Outcome(result, job.progress(), heap.peakUsedBytes(), heap.peakAfterGcBytes(), failure);
        }
    }
}
