package io.rowferry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The results table, as aligned text for the terminal and as Markdown for bench/results. */
final class Report {
    private static final List<String> HEADER = List.of("route", "tool", "ok runs", "median s", "rows/s", "MB/s",
            "peak RSS MB", "heap MB peak / after GC", "vs reference (speed)", "target");

    private final long rows;
    private final Map<Server, Long> tableBytes;

    Report(long rows, Map<Server, Long> tableBytes) {
        this.rows = rows;
        this.tableBytes = tableBytes;
    }

    List<List<String>> summaryRows(Results results) {
        List<List<String>> table = new ArrayList<>();
        for (Results.Series series : results.all()) {
            OptionalDouble seconds = series.medianSeconds();
            List<String> row = new ArrayList<>();
            row.add(series.route.title);
            row.add(series.tool);
            row.add(series.ok().size() + "/" + series.runs.size());
            row.add(seconds.isPresent() ? fixed(seconds.getAsDouble(), 2) : "failed");
            row.add(seconds.isPresent() ? grouped(rows / seconds.getAsDouble()) : "");
            row.add(seconds.isPresent()
                    ? fixed(tableBytes.get(series.route.source) / 1e6 / seconds.getAsDouble(), 1) : "");
            OptionalDouble rss = series.medianRssBytes();
            row.add(rss.isPresent() ? fixed(rss.getAsDouble() / 1024 / 1024, 0) : "");
            OptionalDouble heap = series.medianHeapBytes();
            OptionalDouble afterGc = series.maxHeapAfterGcBytes();
            row.add(heap.isPresent()
                    ? fixed(heap.getAsDouble() / 1024 / 1024, 0) + " / "
                            + (afterGc.isPresent() ? fixed(afterGc.getAsDouble() / 1024 / 1024, 0) : "-")
                    : "");
            Results.Series reference = results.reference(series.route);
            Double ratio = ratio(series, reference);
            if (series.kind == Route.Kind.REFERENCE) {
                row.add("reference");
                row.add("");
            } else {
                row.add(ratio == null ? "" : fixed(ratio, 2) + "× " + series.route.referenceName);
                row.add(target(series, ratio));
            }
            table.add(row);
        }
        return table;
    }

    /** Reference time over this tool's time: above 1 means faster than the reference. */
    static Double ratio(Results.Series series, Results.Series reference) {
        if (reference == null || series.medianSeconds().isEmpty() || reference.medianSeconds().isEmpty()) {
            return null;
        }
        return reference.medianSeconds().getAsDouble() / series.medianSeconds().getAsDouble();
    }

    private static String target(Results.Series series, Double ratio) {
        if (series.kind == Route.Kind.ROWFERRY_SMALL_HEAP) {
            return "completes: " + (series.allOk() ? "met" : "NOT met");
        }
        String goal = "≥ " + trim(series.route.targetRatio) + "×";
        if (ratio == null) {
            return goal + ": ?";
        }
        return goal + ": " + (ratio >= series.route.targetRatio ? "met" : "not met");
    }

    List<List<String>> runRows(Results results) {
        List<List<String>> table = new ArrayList<>();
        for (Results.Series series : results.all()) {
            String seconds = series.runs.stream()
                    .map(run -> run.ok() ? fixed(run.seconds(), 2) : "FAILED")
                    .collect(Collectors.joining(", "));
            String rss = series.runs.stream()
                    .map(run -> fixed(run.peakRssBytes() / 1024.0 / 1024, 0))
                    .collect(Collectors.joining(", "));
            String heap = series.runs.stream()
                    .filter(run -> run.peakHeapBytes() != null)
                    .map(run -> fixed(run.peakHeapBytes() / 1024.0 / 1024, 0) + "/"
                            + fixed((run.peakHeapAfterGcBytes() == null ? 0 : run.peakHeapAfterGcBytes()) / 1024.0
                                    / 1024, 0))
                    .collect(Collectors.joining(", "));
            String notes = series.runs.stream()
                    .filter(run -> run.note() != null && !run.note().isEmpty())
                    .map(run -> "run " + run.number() + ": " + run.note())
                    .collect(Collectors.joining("; "));
            String load = series.runs.stream()
                    .map(run -> fixed(run.loadBefore(), 1))
                    .collect(Collectors.joining(", "));
            table.add(List.of(series.route.title, series.tool, seconds, rss, heap, load, notes));
        }
        return table;
    }

    static final List<String> RUN_HEADER = List.of("route", "tool", "seconds per run", "peak RSS MB per run",
            "heap MB per run (peak/after GC)", "load avg before each run", "notes");

    static String text(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(out, rule, widths);
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean numeric = cell.matches("[0-9.,/ ]+") && !cell.isBlank();
            String padded = numeric ? " ".repeat(widths[i] - cell.length()) + cell
                    : cell + " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : "  ").append(padded);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|"))
                    .collect(Collectors.joining(" | "))).append(" |\n");
        }
        return out.toString();
    }

    static List<String> header() {
        return HEADER;
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
