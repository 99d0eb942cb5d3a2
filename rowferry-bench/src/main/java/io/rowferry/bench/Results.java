package io.rowferry.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Every run's figures, by route and tool, and the medians the report shows. */
final class Results {

    /** One run of one tool. {@code heap*} only for Rowferry (from its JSON summary), else null. */
    record Run(int number, boolean ok, double seconds, long peakRssBytes, Long peakHeapBytes, Long peakHeapAfterGcBytes,
            double loadBefore, String note) {}

    /** The runs of one tool on one route. */
    static final class Series {
        final Route route;
        final String tool;
        final Route.Kind kind;
        final List<Run> runs = new ArrayList<>();

        Series(Route route, String tool, Route.Kind kind) {
            this.route = route;
            this.tool = tool;
            this.kind = kind;
        }

        List<Run> ok() {
            return runs.stream().filter(Run::ok).toList();
        }

        boolean allOk() {
            return !runs.isEmpty() && runs.stream().allMatch(Run::ok);
        }

        OptionalDouble medianSeconds() {
            return median(ok().stream().mapToDouble(Run::seconds).toArray());
        }

        OptionalDouble medianRssBytes() {
            return median(ok().stream().mapToDouble(Run::peakRssBytes).toArray());
        }

        OptionalDouble medianHeapBytes() {
            return median(ok().stream().filter(r -> r.peakHeapBytes() != null)
                    .mapToDouble(Run::peakHeapBytes).toArray());
        }

        OptionalDouble maxHeapAfterGcBytes() {
            return ok().stream().filter(r -> r.peakHeapAfterGcBytes() != null)
                    .mapToDouble(Run::peakHeapAfterGcBytes).max();
        }
    }

    private final Map<String, Series> series = new LinkedHashMap<>();

    Series series(Route route, Route.Tool tool) {
        return series.computeIfAbsent(route.id + "/" + tool.name(), key -> new Series(route, tool.name(), tool.kind()));
    }

    List<Series> all() {
        return List.copyOf(series.values());
    }

    /** The reference series of a route, if it ran. */
    Series reference(Route route) {
        return series.values().stream()
                .filter(s -> s.route == route && s.kind == Route.Kind.REFERENCE)
                .findFirst().orElse(null);
    }

    boolean allOk() {
        return series.values().stream().allMatch(Series::allOk);
    }

    static OptionalDouble median(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }
}
