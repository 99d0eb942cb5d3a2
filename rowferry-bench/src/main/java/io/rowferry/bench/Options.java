package io.rowferry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The benchmark's command-line options. */
final class Options {
    long rows = 1_000_000;
    int runs = 3;
    List<String> routes = new ArrayList<>(Route.ids());
    List<String> rowferryJvmOptions = List.of();
    List<String> rowferryArgs = List.of();
    boolean smallHeapVariant;
    /** Values for rowferry copy --write-mode; empty: not passed. Several: one Rowferry line per mode. */
    List<String> writeModes = List.of();
    boolean regenerate;
    Path cliJar = Path.of("rowferry-cli/target/rowferry.jar");
    Path resultsDir = Path.of("bench/results");
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "rowferry-bench");
    long timeoutSeconds = 3600;
    String rssProbe = "auto";

    static final String USAGE = """
            Usage: bench/run [OPTIONS]

            Generates the orders table in PostgreSQL and MariaDB (database rowferry_bench, once; kept for later runs),
            then times every route with Rowferry and its references, each run --runs times, and prints the medians.

              --rows N             rows to generate and move (default 1000000; 10m, 500k and 1_000_000 work too)
              --runs R             runs of each case; medians are reported (default 3)
              --routes LIST        comma-separated subset of: %s (default all)
              --rowferry-opts OPTS JVM options for Rowferry's runs, e.g. "-Xmx512m" (default none: the JVM's defaults)
              --rowferry-args ARGS extra arguments for every rowferry copy/export, e.g. "--strategy cursor"
              --xmx64m             also run Rowferry with -Xmx64m on every route, as its own line in the table
              --write-mode MODE    passed to rowferry copy as --write-mode (auto, insert, bulk; default: not passed,
                                   so the product's default applies); several, comma-separated (insert,bulk), time
                                   Rowferry once per mode on the copy routes, each as its own line
              --regenerate         drop and generate the source tables even if they are complete
              --cli-jar PATH       the Rowferry CLI jar (default rowferry-cli/target/rowferry.jar)
              --results-dir DIR    where the Markdown report goes (default bench/results)
              --work-dir DIR       scratch space for exported files and logs (default $TMPDIR/rowferry-bench)
              --timeout SECONDS    longest a single run may take before it is killed and counted failed (default 3600)
              --rss-probe HOW      auto, time (GNU /usr/bin/time) or proc (poll /proc/<pid>/status) (default auto)
              -h, --help           this text

            Servers: ROWFERRY_BENCH_PG_HOST/_PORT/_USER/_PASSWORD (127.0.0.1, 5432, postgres, none) and
            ROWFERRY_BENCH_MARIADB_HOST/_PORT/_USER/_PASSWORD (127.0.0.1, 3306, root, none).
            """.formatted(String.join(",", Route.ids()));

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                case "--xmx64m" -> options.smallHeapVariant = true;
                case "--regenerate" -> options.regenerate = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    options.set(arg, value);
                }
            }
        }
        return options;
    }

    private void set(String option, String value) {
        switch (option) {
            case "--rows" -> rows = parseCount(value);
            case "--runs" -> runs = Integer.parseInt(value);
            case "--routes" -> {
                routes = new ArrayList<>();
                for (String route : value.split(",")) {
                    String id = route.trim().toLowerCase(Locale.ROOT).replace("->", "-").replace("postgresql", "pg");
                    if (!Route.ids().contains(id)) {
                        throw new IllegalArgumentException("unknown route '" + route + "'; routes: " + Route.ids());
                    }
                    routes.add(id);
                }
            }
            case "--rowferry-opts" -> rowferryJvmOptions = words(value);
            case "--rowferry-args" -> rowferryArgs = words(value);
            case "--write-mode" -> writeModes = List.of(value.split(","));
            case "--cli-jar" -> cliJar = Path.of(value);
            case "--results-dir" -> resultsDir = Path.of(value);
            case "--work-dir" -> workDir = Path.of(value);
            case "--timeout" -> timeoutSeconds = Long.parseLong(value);
            case "--rss-probe" -> rssProbe = value;
            default -> throw new IllegalArgumentException("unknown option " + option + " (--help lists them)");
        }
        if (rows < 1 || runs < 1) {
            throw new IllegalArgumentException("--rows and --runs must be at least 1");
        }
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    /** 1000000, 1_000_000, 1,000,000, 500k, 10m, 1e6. */
    static long parseCount(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        long factor = 1;
        if (value.endsWith("k")) {
            factor = 1_000;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            factor = 1_000_000;
            value = value.substring(0, value.length() - 1);
        }
        return Math.round(Double.parseDouble(value) * factor);
    }
}
