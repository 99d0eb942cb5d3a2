package io.rowferry.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark ({@code bench/run}): generates the orders table on PostgreSQL and MariaDB, then times
 * Rowferry against each route's reference in the same invocation, every case {@code --runs} times with the tools
 * interleaved (run 1 of every tool, then run 2, ...), so drift on the machine spreads over all of them. Each run is a
 * child process measured for wall time and peak RSS, then checked: a copy's target must have the source's checksum
 * (rows, sums, NULL counts, text lengths, timestamps), an export's file one line per row plus the header. It prints
 * the medians as a table and writes the same, with the machine and every run, to bench/results/TIMESTAMP.md.
 */
public final class Benchmark {
    private static final Pattern JSON_NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?[0-9.]+|null|\"[^\"]*\")");

    private final Options options;
    private final Map<Server, List<String>> sourceChecksums = new EnumMap<>(Server.class);
    private final Map<Server, Long> tableBytes = new EnumMap<>(Server.class);
    private final List<String> notes = new ArrayList<>();
    private FileTime cliJarStamp;
    private boolean cliJarChanged;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Benchmark(options).runAlone());
    }

    /**
     * Runs the benchmark unless another invocation on this machine is running: two at once would drop each other's
     * target tables and share the CPU, so the second one stops with a message instead.
     */
    private int runAlone() throws Exception {
        Path cliJar = options.cliJar.toAbsolutePath();
        if (!Files.isRegularFile(cliJar)) {
            System.err.println("bench: " + cliJar + " not found; build it with: mvn -B -DskipTests package");
            return 2;
        }
        Path baseWorkDir = options.workDir.toAbsolutePath();
        Files.createDirectories(baseWorkDir);
        try (FileChannel lockFile = FileChannel.open(baseWorkDir.resolve("bench.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("bench: another bench/run is running on this machine (lock " + baseWorkDir
                        + "/bench.lock); run one at a time: they share the servers' target tables and the CPU");
                return 2;
            }
            Path workDir = Files.createTempDirectory(baseWorkDir, "run-");
            try {
                return run(cliJar, workDir);
            } finally {
                try (Stream<Path> files = Files.walk(workDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private int run(Path cliJar, Path workDir) throws Exception {
        long started = System.nanoTime();
        cliJarStamp = Files.getLastModifiedTime(cliJar);
        Path benchJar = ownJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildRun.RssProbe probe = switch (options.rssProbe) {
            case "time" -> ChildRun.RssProbe.GNU_TIME;
            case "proc" -> ChildRun.RssProbe.PROC_VMHWM;
            default -> ChildRun.RssProbe.detect();
        };
        List<Route> routes = options.routes.stream().map(id -> Route.valueOf(id.toUpperCase().replace('-', '_')))
                .toList();
        Set<Server> servers = EnumSet.noneOf(Server.class);
        for (Route route : routes) {
            servers.add(route.source);
            if (route.target != null) {
                servers.add(route.target);
            }
        }
        checkClients(routes);

        Map<String, String> machine = MachineInfo.collect(java, servers);
        log("Rowferry benchmark: " + Report.grouped(options.rows) + " rows, " + options.runs + " runs, routes "
                + options.routes);
        machine.forEach((key, value) -> log("  " + key + ": " + value));

        for (Server server : servers) {
            prepareSource(server);
        }
        if (servers.size() == 2) {
            boolean same = sourceChecksums.get(Server.POSTGRESQL).equals(sourceChecksums.get(Server.MARIADB));
            String note = "The two source tables " + (same ? "have identical checksums" : "DIFFER: PostgreSQL "
                    + sourceChecksums.get(Server.POSTGRESQL) + ", MariaDB " + sourceChecksums.get(Server.MARIADB))
                    + " (" + String.join(", ", OrdersTable.CHECKSUM_NAMES) + ").";
            notes.add(note);
            log(note);
        }
        Route.Setup setup = new Route.Setup(options, java, cliJar, benchJar, workDir);
        ChildRun runner = new ChildRun(probe, workDir, options.timeoutSeconds);
        Results results = new Results();

        for (int run = 1; run <= options.runs; run++) {
            for (Route route : routes) {
                for (Route.Tool tool : route.tools(setup)) {
                    Results.Run measured = runOnce(route, tool, run, runner);
                    results.series(route, tool).runs.add(measured);
                }
            }
        }

        java.util.DoubleSummaryStatistics load = results.all().stream().flatMap(series -> series.runs.stream())
                .mapToDouble(Results.Run::loadBefore).filter(value -> !Double.isNaN(value)).summaryStatistics();
        if (load.getCount() > 0) {
            notes.add("1-minute load average before the runs: " + Report.fixed(load.getMin(), 1) + " to "
                    + Report.fixed(load.getMax(), 1) + " (mean " + Report.fixed(load.getAverage(), 1) + ") on "
                    + Runtime.getRuntime().availableProcessors() + " cores; the database servers run on the same"
                    + " cores, and other work on the machine shows in the timings.");
        }
        Report report = new Report(options.rows, tableBytes);
        List<List<String>> summary = report.summaryRows(results);
        List<List<String>> perRun = report.runRows(results);
        double minutes = (System.nanoTime() - started) / 60e9;
        System.out.println();
        System.out.println("Rowferry benchmark: " + Report.grouped(options.rows) + " rows, median of " + options.runs
                + " runs (" + Report.fixed(minutes, 1) + " min in all)");
        System.out.println();
        System.out.print(Report.text(Report.header(), summary));
        System.out.println();
        System.out.print(Report.text(Report.RUN_HEADER, perRun));
        System.out.println();
        for (Server server : servers) {
            System.out.println("MB/s = " + server.title + " table bytes " + Report.grouped(tableBytes.get(server))
                    + " (" + OrdersTable.tableBytesDefinition(server) + ") / seconds");
        }
        System.out.println("peak RSS: " + probe.description);
        notes.forEach(System.out::println);

        Path markdown = writeMarkdown(machine, summary, perRun, probe, minutes);
        System.out.println("Report written to " + markdown);
        return results.allOk() ? 0 : 1;
    }

    /** Creates the databases, generates the source table unless it is already complete, measures it. */
    private void prepareSource(Server server) throws SQLException {
        OrdersTable.ensure(server, options.rows, options.regenerate, Benchmark::log);
        try (Connection connection = server.connect(Server.SOURCE_DB)) {
            sourceChecksums.put(server, OrdersTable.checksum(server, connection));
            tableBytes.put(server, OrdersTable.tableBytes(server, connection));
            log(server.title + ": table bytes " + Report.grouped(tableBytes.get(server)) + " ("
                    + OrdersTable.tableBytesDefinition(server) + "), "
                    + Report.fixed((double) tableBytes.get(server) / options.rows, 1) + " per row");
            if (server == Server.POSTGRESQL) {
                log(server.title + ": table on disk " + Server.scalar(connection,
                        "SELECT pg_size_pretty(pg_table_size('" + OrdersTable.NAME + "'))"));
            }
        }
    }

    /** Empties the target, runs the tool once, checks what it wrote. */
    private Results.Run runOnce(Route route, Route.Tool tool, int run, ChildRun runner) throws Exception {
        noteIfCliJarChanged();
        if (route.target != null) {
            try (Connection target = route.target.connect(Server.TARGET_DB)) {
                Server.execute(target, OrdersTable.dropSql(), OrdersTable.createSql(route.target));
            }
        } else {
            Files.deleteIfExists(tool.outputFile());
        }
        if (route.source == Server.POSTGRESQL || route.target == Server.POSTGRESQL) {
            // Dirty buffers left by the previous run would otherwise be written during this one.
            try (Connection admin = Server.POSTGRESQL.connectAdmin()) {
                Server.execute(admin, "CHECKPOINT");
            }
        }
        double load = loadAverage();
        ChildRun.Outcome outcome = runner.run(tool.stages(), tool.environment(),
                tool.stdoutIsOutput() ? tool.outputFile() : null);
        String problem = null;
        Long heap = null;
        Long heapAfterGc = null;
        if (!outcome.ok()) {
            problem = (outcome.timedOut() ? "timed out" : "exit code " + outcome.exitCode()) + ": "
                    + lastLine(outcome.stderr() + "\n" + outcome.stdout());
        } else {
            if (tool.kind() != Route.Kind.REFERENCE) {
                Map<String, String> json = json(outcome.stdout());
                heap = number(json.get("peakHeapBytes"));
                heapAfterGc = number(json.get("peakHeapAfterGcBytes"));
                if (!"\"ok\"".equals(json.get("status"))) {
                    problem = "rowferry status " + json.get("status") + ": " + json.get("message");
                } else if (!Long.toString(options.rows).equals(json.get("rowsWritten"))) {
                    problem = "rowferry reported " + json.get("rowsWritten") + " rows written";
                }
            }
            if (problem == null) {
                problem = verify(route, tool);
            }
        }
        if (route.isExport()) {
            Files.deleteIfExists(tool.outputFile());
        }
        boolean ok = problem == null;
        log(String.format("run %d/%d  %-26s %-24s %8.2f s  RSS %6.0f MB%s  load %.1f  %s", run, options.runs,
                route.title, tool.name(), outcome.seconds(), outcome.peakRssBytes() / 1024.0 / 1024,
                heap == null ? "" : String.format("  heap %4.0f/%3.0f MB", heap / 1048576.0,
                        (heapAfterGc == null ? 0 : heapAfterGc) / 1048576.0),
                load, ok ? "ok" : "FAILED: " + problem));
        return new Results.Run(run, ok, outcome.seconds(), outcome.peakRssBytes(), heap, heapAfterGc, load,
                ok ? null : problem);
    }

    /** Warns (once) when rowferry.jar is rebuilt while the benchmark runs: later runs measure another build. */
    private void noteIfCliJarChanged() throws IOException {
        FileTime now = Files.getLastModifiedTime(options.cliJar.toAbsolutePath());
        if (!cliJarChanged && !now.equals(cliJarStamp)) {
            cliJarChanged = true;
            String note = "WARNING: rowferry.jar was rebuilt during the benchmark (" + now + "); the runs after that"
                    + " measure the new build, and a run during the rebuild may have failed.";
            notes.add(note);
            log(note);
        }
    }

    /** Null when the output is right; otherwise what is wrong with it. */
    private String verify(Route route, Route.Tool tool) throws SQLException, IOException {
        if (route.isExport()) {
            Path file = tool.outputFile();
            if (!Files.isRegularFile(file)) {
                return "no file " + file;
            }
            long lines = countLines(file);
            return lines == options.rows + 1 ? null
                    : file.getFileName() + " has " + lines + " lines, expected " + (options.rows + 1);
        }
        try (Connection target = route.target.connect(Server.TARGET_DB)) {
            List<String> actual = OrdersTable.checksum(route.target, target);
            List<String> expected = sourceChecksums.get(route.source);
            if (actual.equals(expected)) {
                return null;
            }
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    differences.add(OrdersTable.CHECKSUM_NAMES.get(i) + " " + actual.get(i) + " != source "
                            + expected.get(i));
                }
            }
            return "target checksum differs: " + String.join(", ", differences);
        }
    }

    /** The 1-minute load average: other work on the machine (2 cores here) shows in the timings. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private Path writeMarkdown(Map<String, String> machine, List<List<String>> summary, List<List<String>> perRun,
            ChildRun.RssProbe probe, double minutes) throws IOException {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = options.resultsDir.toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve(stamp + ".md");
        StringBuilder md = new StringBuilder();
        md.append("# Rowferry benchmark, ").append(stamp).append(" UTC\n\n");
        md.append(Report.grouped(options.rows)).append(" rows, median of ").append(options.runs)
                .append(" runs per case, tools interleaved; ").append(Report.fixed(minutes, 1))
                .append(" min in all.\n\n");
        md.append("Command: `bench/run ").append(String.join(" ", argsForDisplay())).append("`\n\n");
        md.append(Report.markdown(Report.header(), summary)).append('\n');
        md.append("- *vs reference*: the reference's median time over this tool's; above 1 is faster.\n");
        for (Server server : tableBytes.keySet()) {
            md.append("- MB/s: ").append(server.title).append(" table bytes ")
                    .append(Report.grouped(tableBytes.get(server))).append(" (")
                    .append(OrdersTable.tableBytesDefinition(server)).append(") / seconds.\n");
        }
        md.append("- peak RSS: ").append(probe.description).append("; medians over the runs.\n");
        md.append("- heap: Rowferry's own report (`peakHeapBytes`, median; `peakHeapAfterGcBytes`, largest).\n");
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\n## Every run\n\n").append(Report.markdown(Report.RUN_HEADER, perRun));
        md.append("\n## Machine\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private List<String> argsForDisplay() {
        List<String> args = new ArrayList<>();
        args.add("--rows " + options.rows);
        args.add("--runs " + options.runs);
        if (options.routes.size() != Route.values().length) {
            args.add("--routes " + String.join(",", options.routes));
        }
        if (!options.rowferryJvmOptions.isEmpty()) {
            args.add("--rowferry-opts '" + String.join(" ", options.rowferryJvmOptions) + "'");
        }
        if (!options.rowferryArgs.isEmpty()) {
            args.add("--rowferry-args '" + String.join(" ", options.rowferryArgs) + "'");
        }
        if (options.smallHeapVariant) {
            args.add("--xmx64m");
        }
        if (!options.writeModes.isEmpty()) {
            args.add("--write-mode " + String.join(",", options.writeModes));
        }
        return args;
    }

    private static void checkClients(List<Route> routes) {
        Set<String> needed = new java.util.TreeSet<>();
        for (Route route : routes) {
            switch (route) {
                case PG_PG, PG_CSV -> needed.add("psql");
                case MARIADB_MARIADB -> needed.addAll(List.of("mariadb", "mariadb-dump"));
                case MARIADB_CSV -> needed.add("mariadb");
                default -> { }
            }
        }
        for (String client : needed) {
            if (Shell.capture("command -v " + client).isEmpty()) {
                throw new IllegalStateException(client + " is not installed; the reference for some route needs it");
            }
        }
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The top-level fields of Rowferry's one-line JSON summary, values as their JSON text. */
    static Map<String, String> json(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.trim().startsWith("{")) {
                Matcher matcher = JSON_NUMBER.matcher(line);
                while (matcher.find()) {
                    fields.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        return fields;
    }

    private static Long number(String json) {
        return json == null || !json.matches("-?\\d+") ? null : Long.parseLong(json);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static void log(String line) {
        System.err.println(line);
        System.err.flush();
    }
}
