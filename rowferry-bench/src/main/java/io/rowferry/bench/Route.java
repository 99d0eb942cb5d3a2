package io.rowferry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route of the benchmark (PostgreSQL to PostgreSQL, MariaDB to CSV, ...) and the tools timed on it: Rowferry,
 * optionally Rowferry at {@code -Xmx64m}, and the reference the issue names for that route.
 */
enum Route {
    PG_PG("pg-pg", "PostgreSQL → PostgreSQL", Server.POSTGRESQL, Server.POSTGRESQL, 0.9,
            "psql COPY binary pipe"),
    MARIADB_PG("mariadb-pg", "MariaDB → PostgreSQL", Server.MARIADB, Server.POSTGRESQL, 2.0,
            "hand-written JDBC"),
    PG_MARIADB("pg-mariadb", "PostgreSQL → MariaDB", Server.POSTGRESQL, Server.MARIADB, 2.0,
            "hand-written JDBC"),
    MARIADB_MARIADB("mariadb-mariadb", "MariaDB → MariaDB", Server.MARIADB, Server.MARIADB, 2.5,
            "mariadb-dump | mariadb"),
    PG_CSV("pg-csv", "PostgreSQL → CSV", Server.POSTGRESQL, null, 0.9, "psql \\copy CSV"),
    MARIADB_CSV("mariadb-csv", "MariaDB → CSV", Server.MARIADB, null, 0.9, "mariadb --quick -B");

    final String id;
    final String title;
    final Server source;
    /** The target server; null for an export to a file. */
    final Server target;
    /** Rowferry's target: at least this many times the reference's speed. */
    final double targetRatio;
    final String referenceName;

    Route(String id, String title, Server source, Server target, double targetRatio, String referenceName) {
        this.id = id;
        this.title = title;
        this.source = source;
        this.target = target;
        this.targetRatio = targetRatio;
        this.referenceName = referenceName;
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Route route : values()) {
            ids.add(route.id);
        }
        return ids;
    }

    boolean isExport() {
        return target == null;
    }

    /**
     * One command timed on a route. {@code outputFile}: the CSV an export writes (null for a copy);
     * {@code stdoutIsOutput}: the command writes it to its standard output, which is redirected there.
     */
    record Tool(String name, Kind kind, List<ChildRun.Stage> stages, Map<String, String> environment, Path outputFile,
            boolean stdoutIsOutput) {}

    enum Kind {
        ROWFERRY,
        ROWFERRY_SMALL_HEAP,
        REFERENCE
    }

    /** What a tool's command needs to know. */
    record Setup(Options options, String java, Path cliJar, Path benchJar, Path workDir) {}

    /** The tools of this route, Rowferry first, the reference last. */
    List<Tool> tools(Setup setup) {
        List<Tool> tools = new ArrayList<>();
        List<String> modes = setup.options().writeModes;
        if (isExport() || modes.size() <= 1) {
            String mode = isExport() || modes.isEmpty() ? null : modes.get(0);
            tools.add(rowferry(setup, "rowferry", Kind.ROWFERRY, setup.options().rowferryJvmOptions, mode));
            if (setup.options().smallHeapVariant) {
                tools.add(rowferry(setup, "rowferry -Xmx64m", Kind.ROWFERRY_SMALL_HEAP, List.of("-Xmx64m"), mode));
            }
        } else {
            for (String mode : modes) {
                tools.add(rowferry(setup, "rowferry " + mode, Kind.ROWFERRY, setup.options().rowferryJvmOptions,
                        mode));
            }
            if (setup.options().smallHeapVariant) {
                for (String mode : modes) {
                    tools.add(rowferry(setup, "rowferry " + mode + " -Xmx64m", Kind.ROWFERRY_SMALL_HEAP,
                            List.of("-Xmx64m"), mode));
                }
            }
        }
        tools.add(reference(setup));
        return tools;
    }

    Path exportFile(Setup setup, String tool) {
        return setup.workDir().resolve("export-" + id + "-" + tool.replaceAll("[^A-Za-z0-9]+", "_") + ".csv");
    }

    private Tool rowferry(Setup setup, String name, Kind kind, List<String> jvmOptions, String writeMode) {
        List<String> argv = new ArrayList<>();
        argv.add(setup.java());
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(setup.cliJar().toString());
        Map<String, String> environment = new LinkedHashMap<>();
        Path output = null;
        if (isExport()) {
            output = exportFile(setup, name);
            argv.addAll(List.of("export", "--from", source.url(Server.SOURCE_DB), "--from-user", source.user,
                    "--table", OrdersTable.NAME, "--format", "csv", "--out", output.toString()));
        } else {
            argv.addAll(List.of("copy", "--from", source.url(Server.SOURCE_DB), "--from-user", source.user,
                    "--table", OrdersTable.NAME, "--to", target.url(Server.TARGET_DB), "--to-user", target.user));
            if (writeMode != null) {
                argv.addAll(List.of("--write-mode", writeMode));
            }
            putIfSet(environment, "ROWFERRY_TO_PASSWORD", target.password);
        }
        putIfSet(environment, "ROWFERRY_FROM_PASSWORD", source.password);
        argv.addAll(List.of("--progress", "never", "--output", "json"));
        argv.addAll(setup.options().rowferryArgs);
        // The JSON summary goes to stdout (the exported rows go to the file), so nothing is redirected.
        return new Tool(name, kind, List.of(new ChildRun.Stage(argv)), environment, output, false);
    }

    private Tool reference(Setup setup) {
        String db = Server.SOURCE_DB;
        String targetDb = Server.TARGET_DB;
        return switch (this) {
            case PG_PG -> new Tool(referenceName, Kind.REFERENCE, List.of(
                    psql(db, "COPY (SELECT * FROM " + OrdersTable.NAME + ") TO STDOUT (FORMAT binary)"),
                    psql(targetDb, "COPY " + OrdersTable.NAME + " FROM STDIN (FORMAT binary)")),
                    Server.POSTGRESQL.clientEnvironment(), null, false);
            case MARIADB_PG, PG_MARIADB -> {
                Map<String, String> environment = new LinkedHashMap<>();
                putIfSet(environment, "ROWFERRY_FROM_PASSWORD", source.password);
                putIfSet(environment, "ROWFERRY_TO_PASSWORD", target.password);
                yield new Tool(referenceName, Kind.REFERENCE, List.of(ChildRun.Stage.of(
                        setup.java(), "-cp", setup.benchJar().toString(), HandWrittenJdbcCopy.class.getName(),
                        "--from", source.url(db), "--from-user", source.user,
                        "--to", target.url(targetDb), "--to-user", target.user,
                        "--table", OrdersTable.NAME, "--batch-size", "5000")), environment, null, false);
            }
            case MARIADB_MARIADB -> new Tool(referenceName, Kind.REFERENCE, List.of(
                    mariadb("mariadb-dump", "--quick", db, OrdersTable.NAME),
                    mariadb("mariadb", targetDb)), Server.MARIADB.clientEnvironment(), null, false);
            case PG_CSV -> {
                Path file = exportFile(setup, referenceName);
                String copy = "\\copy (SELECT * FROM " + OrdersTable.NAME + ") TO '" + file
                        + "' WITH (FORMAT csv, HEADER)";
                yield new Tool(referenceName, Kind.REFERENCE, List.of(psql(db, copy)),
                        Server.POSTGRESQL.clientEnvironment(), file, false);
            }
            case MARIADB_CSV -> new Tool(referenceName, Kind.REFERENCE, List.of(
                    mariadb("mariadb", "--quick", "-B", "-e", "SELECT * FROM " + OrdersTable.NAME, db)),
                    Server.MARIADB.clientEnvironment(), exportFile(setup, referenceName), true);
        };
    }

    private static ChildRun.Stage psql(String database, String command) {
        Server pg = Server.POSTGRESQL;
        return ChildRun.Stage.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg.host, "-p",
                Integer.toString(pg.port), "-U", pg.user, "-d", database, "-c", command);
    }

    private static ChildRun.Stage mariadb(String program, String... args) {
        Server mariadb = Server.MARIADB;
        List<String> argv = new ArrayList<>(List.of(program, "-h", mariadb.host, "-P", Integer.toString(mariadb.port),
                "-u", mariadb.user));
        argv.addAll(List.of(args));
        return new ChildRun.Stage(argv);
    }

    private static void putIfSet(Map<String, String> environment, String name, String value) {
        if (value != null && !value.isEmpty()) {
            environment.put(name, value);
        }
    }
}
