package io.rowferry.bench;

import io.rowferry.CopyResult;
import io.rowferry.Database;
import io.rowferry.ReadStrategy;
import io.rowferry.Rowferry;
import io.rowferry.sink.file.CsvSink;
import io.rowferry.sink.file.FileTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times one route several times inside one JVM (after one untimed warm-up run), for comparing two builds of
 * Rowferry without JVM start-up in the figures. Needs the {@code orders} tables {@code bench/run} generates.
 *
 * <pre>
 * java -cp rowferry-bench/target/rowferry-bench.jar io.rowferry.bench.InProcess ROUTE RUNS [STRATEGY]
 * </pre>
 *
 * ROUTE: {@code pg-pg} (into {@code rowferry_bench_target.orders}, emptied before each run), {@code pg-csv},
 * {@code mariadb-csv} (into a scratch file). STRATEGY: {@code auto} (default), {@code cursor}, {@code keyset}.
 * Prints the median wall time and the median CPU time of this JVM per run (less sensitive to other work on the
 * machine than wall time, and what client-side changes move).
 */
public final class InProcess {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private InProcess() {}

    public static void main(String[] args) throws Exception {
        String route = args[0];
        int runs = Integer.parseInt(args[1]);
        ReadStrategy strategy = args.length > 2 ? ReadStrategy.valueOf(args[2].toUpperCase(Locale.ROOT))
                : ReadStrategy.AUTO;
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run <= runs; run++) {
            long cpuBefore = os.getProcessCpuTime();
            double elapsed = once(route, strategy);
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            System.err.printf(Locale.ROOT, "%s %s run %d: %.2f s, JVM CPU %.2f s%s%n", route, strategy, run, elapsed,
                    cpu, run == 0 ? " (warm-up, not counted)" : "");
            if (run > 0) {
                seconds.add(elapsed);
                cpuSeconds.add(cpu);
            }
        }
        Collections.sort(seconds);
        Collections.sort(cpuSeconds);
        // JVM CPU (all threads, GC included) moves less than wall time when other work shares the cores
        System.out.printf(Locale.ROOT, "%s %s: median %.2f s wall of %s; median %.2f s JVM CPU of %s%n", route, strategy,
                seconds.get(seconds.size() / 2), format(seconds), cpuSeconds.get(cpuSeconds.size() / 2),
                format(cpuSeconds));
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    private static double once(String route, ReadStrategy strategy) throws Exception {
        Database pg = Database.url(PG + "rowferry_bench?user=postgres");
        return switch (route) {
            case "pg-pg" -> {
                Database target = Database.url(PG + "rowferry_bench_target?user=postgres");
                try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE orders");
                    statement.execute("CHECKPOINT");
                }
                long start = System.nanoTime();
                CopyResult result = Rowferry.copy().from(Rowferry.read(pg).table("orders").strategy(strategy))
                        .to(target, "orders").run();
                yield check(result, start);
            }
            case "pg-csv", "mariadb-csv" -> {
                Database source = route.startsWith("pg") ? pg : Database.url(MARIADB + "rowferry_bench?user=root");
                Path file = Files.createTempFile("rowferry-inprocess", ".csv");
                try {
                    long start = System.nanoTime();
                    CopyResult result = Rowferry.copy().from(Rowferry.read(source).table("orders").strategy(strategy))
                            .to(new CsvSink(FileTarget.file(file))).run();
                    yield check(result, start);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            default -> throw new IllegalArgumentException("route " + route);
        };
    }

    private static double check(CopyResult result, long start) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (result.rowsWritten() != result.rowsRead() || result.rowsRead() == 0) {
            throw new IllegalStateException("copied " + result.rowsWritten() + " of " + result.rowsRead() + " rows");
        }
        return elapsed;
    }
}
