package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import io.rowferry.CopyProgress;
import io.rowferry.CopyResult;
import io.rowferry.ReadStrategy;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The report at the end of a copy or export: one line on stderr, or with {@code --output json} one JSON object
 * (on stdout, or on stderr when the exported data itself goes to stdout). A failure in text mode prints nothing
 * here: {@link ExitCodes} prints its one error line.
 */
final class Summary {

    private final Main main;
    private final String command;
    private final String verb;
    private final boolean json;
    private final PrintStream jsonStream;
    private String source;
    private String target;

    /**
     * @param command {@code copy} or {@code export}, for the JSON
     * @param verb {@code copied} or {@code exported}, for the line
     * @param dataOnStdout whether stdout carries the exported rows, so the JSON must go to stderr
     */
    Summary(Main main, String command, String verb, OutputOptions output, boolean dataOnStdout) {
        this.main = main;
        this.command = command;
        this.verb = verb;
        this.json = output.json();
        this.jsonStream = dataOnStdout ? main.err : main.out;
    }

    void source(String description) {
        this.source = description;
    }

    void target(String description) {
        this.target = description;
    }

    /**
     * Prepares the copy (which may fail, e.g. on a malformed URL), runs it and reports the outcome. Returns the
     * exit code on success; throws the failure on to {@link ExitCodes}, which prints its one line.
     */
    int runAndReport(Supplier<CopyBuilder> prepare, ProgressMode.Display display) {
        CopyRun.Outcome outcome;
        try {
            outcome = CopyRun.run(main, prepare.get(), display);
        } catch (RuntimeException failure) {
            failed(failure, null);
            throw failure;
        }
        if (!outcome.succeeded()) {
            failed(outcome.failure(), outcome);
            throw outcome.failure();
        }
        succeeded(outcome);
        return ExitCodes.OK;
    }

    /** Reports a finished copy. */
    private void succeeded(CopyRun.Outcome outcome) {
        CopyResult result = outcome.result();
        if (json) {
            Map<String, Object> fields = fields("ok", result.strategy(), result.rowsRead(), result.rowsWritten(),
                    result.rowsDropped(), result.bytesRead(), result.batches(), result.elapsed(), outcome);
            fields.put("lossyValues", result.lossyValues());
            fields.put("splits", result.splits());
            fields.put("retries", result.retries());
            fields.put("rowsBefore", result.rowsBefore());
            jsonStream.println(Json.write(fields));
            jsonStream.flush();
            return;
        }
        String dropped = result.rowsDropped() > 0 ? " (" + Figures.count(result.rowsDropped()) + " dropped)" : "";
        main.err.println(main.secrets.maskKnown(verb + " " + Figures.count(result.rowsWritten()) + " rows" + dropped
                + " from " + source + " to " + target + " in " + Figures.duration(result.elapsed()) + " ("
                + Figures.rate(result.rowsPerSecond()) + " rows/s, "
                + Figures.megabytesPerSecond(result.megabytesPerSecond()) + " MB/s, peak heap "
                + ByteSize.mebibytes(outcome.peakHeapBytes()) + ", " + ByteSize.mebibytes(outcome.peakHeapAfterGcBytes())
                + " after GC, strategy " + strategyName(result.strategy()) + splits(result) + ")" + lossy(result)
                + resumed(result)));
        main.err.flush();
    }

    /** {@code ", 4 splits, 2 retries"}, or nothing for a single range without retries. */
    private static String splits(CopyResult result) {
        String splits = result.splits() > 1 ? ", " + result.splits() + " splits" : "";
        return splits + (result.retries() > 0 ? ", " + result.retries() + (result.retries() == 1 ? " retry" : " retries")
                : "");
    }

    /** {@code "; resumed: 1,200,000 rows were committed before"}, or nothing. */
    private static String resumed(CopyResult result) {
        return result.rowsBefore() > 0 ? "; resumed: " + Figures.count(result.rowsBefore())
                + " rows were committed by earlier runs" : "";
    }

    /** {@code ", 12 values written not exactly (amount: 10, note: 2)"}, or nothing when every value was exact. */
    private static String lossy(CopyResult result) {
        if (result.lossyValueCount() == 0) {
            return "";
        }
        StringJoiner columns = new StringJoiner(", ", " (", ")");
        result.lossyValues().forEach((column, count) -> columns.add(column + ": " + Figures.count(count)));
        long total = result.lossyValueCount();
        return ", " + Figures.count(total) + (total == 1 ? " value" : " values") + " written not exactly" + columns;
    }

    /**
     * Reports a failure in JSON mode (text mode leaves it to the one error line). {@code outcome} is null when the
     * failure came before the copy started, e.g. a malformed URL.
     */
    private void failed(RuntimeException failure, CopyRun.Outcome outcome) {
        if (!json) {
            return;
        }
        CopyProgress progress = outcome == null ? null : outcome.progress();
        Map<String, Object> fields = fields("error", progress == null ? null : progress.strategy(),
                progress == null ? 0 : progress.rowsRead(),
                progress == null ? 0 : progress.rowsWritten(),
                progress == null ? 0 : progress.rowsDropped(),
                progress == null ? 0 : progress.bytesRead(),
                progress == null ? null : progress.batches(),
                progress == null ? Duration.ZERO : progress.elapsed(),
                outcome);
        fields.put("lossyValues", null); // not known: the counts are only in the result of a finished copy
        fields.put("errorKind", ExitCodes.kindOf(failure).name());
        fields.put("exitCode", ExitCodes.exitCodeOf(failure));
        fields.put("message", ExitCodes.maskedMessageOf(failure, main.secrets));
        jsonStream.println(Json.write(fields));
        jsonStream.flush();
    }

    private Map<String, Object> fields(String status, ReadStrategy strategy, long rowsRead, long rowsWritten,
            long rowsDropped, long bytes, Long batches, Duration elapsed, CopyRun.Outcome outcome) {
        double seconds = elapsed.toNanos() / 1e9;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("command", command);
        fields.put("status", status);
        fields.put("source", main.secrets.maskKnown(source));
        fields.put("target", main.secrets.maskKnown(target));
        fields.put("strategy", strategy == null ? null : strategyName(strategy));
        fields.put("rowsRead", rowsRead);
        fields.put("rowsWritten", rowsWritten);
        fields.put("rowsDropped", rowsDropped);
        fields.put("bytes", bytes);
        fields.put("batches", batches);
        fields.put("elapsedSeconds", Figures.seconds(elapsed));
        fields.put("rowsPerSecond", seconds > 0 ? Figures.round(rowsWritten / seconds, 1) : 0.0);
        fields.put("megabytesPerSecond", seconds > 0 ? Figures.round(bytes / 1e6 / seconds, 2) : 0.0);
        fields.put("peakHeapBytes", outcome == null ? null : outcome.peakHeapBytes());
        fields.put("peakHeapAfterGcBytes", outcome == null ? null : outcome.peakHeapAfterGcBytes());
        fields.put("maxHeapBytes", HeapWatch.maxBytes());
        return fields;
    }

    static String strategyName(ReadStrategy strategy) {
        return strategy.name().toLowerCase(Locale.ROOT);
    }
}
