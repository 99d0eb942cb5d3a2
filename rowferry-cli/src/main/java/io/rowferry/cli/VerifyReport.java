package io.rowferry.cli;

import io.rowferry.ChangedRow;
import io.rowferry.RowKey;
import io.rowferry.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rowferry verify} prints on stdout: one line when the tables are identical; otherwise a line with the
 * counts and one line per listed key ({@code missing id=10}, {@code changed id=77 (note)}); or, with
 * {@code --output json}, one JSON object. A failure in text mode prints nothing here ({@link ExitCodes} prints its
 * one error line).
 */
final class VerifyReport {

    private final Main main;
    private final boolean json;
    private String source;
    private String target;

    VerifyReport(Main main, boolean json) {
        this.main = main;
        this.json = json;
    }

    void sides(String sourceDescription, String targetDescription) {
        this.source = sourceDescription;
        this.target = targetDescription;
    }

    void finished(VerifyResult result, int maxDiffs) {
        if (json) {
            Map<String, Object> fields = fields(result.identical() ? "identical" : "different");
            fields.put("sourceRows", result.sourceRows());
            fields.put("targetRows", result.targetRows());
            fields.put("missingCount", result.missingCount());
            fields.put("extraCount", result.extraCount());
            fields.put("changedCount", result.changedCount());
            fields.put("missing", result.missing().stream().map(VerifyReport::keyFields).toList());
            fields.put("extra", result.extra().stream().map(VerifyReport::keyFields).toList());
            List<Map<String, Object>> changed = new ArrayList<>();
            for (ChangedRow row : result.changed()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", keyFields(row.key()));
                entry.put("columns", row.columns());
                changed.add(entry);
            }
            fields.put("changed", changed);
            fields.put("bucketsCompared", result.bucketsCompared());
            fields.put("rowsHashed", result.rowsHashed());
            fields.put("rowsComparedInJava", result.rowsComparedInJava());
            fields.put("elapsedSeconds", Figures.seconds(result.elapsed()));
            main.out.println(Json.write(fields));
            main.out.flush();
            return;
        }
        String sides = source + " and " + target;
        if (result.identical()) {
            main.out.println(main.secrets.maskKnown("identical: " + Figures.count(result.sourceRows()) + " rows in "
                    + sides + " (" + Figures.duration(result.elapsed()) + ")"));
        } else {
            main.out.println(main.secrets.maskKnown("different: " + Figures.count(result.missingCount())
                    + " missing in the target, " + Figures.count(result.extraCount()) + " extra in the target, "
                    + Figures.count(result.changedCount()) + " changed; " + Figures.count(result.sourceRows())
                    + " rows in " + source + ", " + Figures.count(result.targetRows()) + " in " + target + " ("
                    + Figures.duration(result.elapsed()) + ")"));
            result.missing().forEach(key -> line("missing", key.toString()));
            more("missing", result.missingCount(), result.missing().size(), maxDiffs);
            result.extra().forEach(key -> line("extra", key.toString()));
            more("extra", result.extraCount(), result.extra().size(), maxDiffs);
            result.changed().forEach(row -> line("changed", row.toString()));
            more("changed", result.changedCount(), result.changed().size(), maxDiffs);
        }
        main.out.flush();
    }

    private void line(String kind, String text) {
        main.out.println(main.secrets.mask(String.format("%-8s %s", kind, text)));
    }

    private void more(String kind, long count, int listed, int maxDiffs) {
        if (count > listed) {
            main.out.println("... and " + Figures.count(count - listed) + " more " + kind + " (--max-diffs "
                    + maxDiffs + ")");
        }
    }

    /** In JSON mode, the failure as an object on stdout; the error line on stderr follows in both modes. */
    void failed(RuntimeException failure) {
        if (!json) {
            return;
        }
        Map<String, Object> fields = fields("error");
        fields.put("errorKind", ExitCodes.kindOf(failure).name());
        fields.put("exitCode", ExitCodes.exitCodeOf(failure));
        fields.put("message", ExitCodes.maskedMessageOf(failure, main.secrets));
        main.out.println(Json.write(fields));
        main.out.flush();
    }

    private Map<String, Object> fields(String status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("command", "verify");
        fields.put("status", status);
        fields.put("source", source == null ? null : main.secrets.maskKnown(source));
        fields.put("target", target == null ? null : main.secrets.maskKnown(target));
        return fields;
    }

    /** A key as JSON: numbers, booleans and text as they are, anything else (dates, bytes) as its text. */
    private static Map<String, Object> keyFields(RowKey key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        key.values().forEach((name, value) -> fields.put(name, value == null || value instanceof Number
                || value instanceof Boolean || value instanceof String ? value : value.toString()));
        return fields;
    }
}
