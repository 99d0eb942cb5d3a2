package io.rowferry.bench;

import io.rowferry.Database;
import io.rowferry.Rowferry;
import io.rowferry.VerifyResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The verification benchmark ({@code bench/verify}): how long {@code Rowferry.verify()} takes to compare the
 * PostgreSQL {@code orders} table with the MariaDB one (generated identical by {@link OrdersTable}), relative to the
 * cheapest possible check, {@code SELECT count(*)} on both sides at the same time (verification also works both sides
 * at once, so the baseline is the slower of the two counts, run concurrently); and how long it takes when the MariaDB
 * table has 100 differences (30 rows deleted, 30 inserted, 40 changed). Each case runs {@code --runs} times,
 * interleaved; medians are printed.
 */
public final class VerifyBenchmark {
    private static final String DIFFERENT = "orders_verify";

    private VerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int runs = 3;
        boolean regenerate = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Options.parseCount(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--regenerate" -> regenerate = true;
                default -> {
                    System.err.println("usage: bench/verify [--rows N (default 1000000; 10m works)] [--runs R"
                            + " (default 3)] [--regenerate]");
                    System.exit(2);
                }
            }
        }
        // The same lock as bench/run: both read (and may regenerate) the source tables, and share the CPU.
        java.nio.file.Path lockDir = new Options().workDir.toAbsolutePath();
        java.nio.file.Files.createDirectories(lockDir);
        try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(lockDir.resolve("bench.lock"),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("bench: another benchmark is running on this machine (lock " + lockDir
                        + "/bench.lock); run one at a time");
                System.exit(2);
            }
            run(rows, runs, regenerate);
        }
    }

    private static void run(long rows, int runs, boolean regenerate) throws Exception {
        OrdersTable.ensure(Server.POSTGRESQL, rows, regenerate, VerifyBenchmark::log);
        OrdersTable.ensure(Server.MARIADB, rows, regenerate, VerifyBenchmark::log);
        makeDifferentCopy(rows);
        Database postgres = Database.url(Server.POSTGRESQL.url(Server.SOURCE_DB), Server.POSTGRESQL.user,
                Server.POSTGRESQL.password);
        Database mariadb = Database.url(Server.MARIADB.url(Server.SOURCE_DB), Server.MARIADB.user,
                Server.MARIADB.password);
        Database mariadbTarget = Database.url(Server.MARIADB.url(Server.TARGET_DB), Server.MARIADB.user,
                Server.MARIADB.password);

        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (String name : List.of("count(*) PostgreSQL", "count(*) MariaDB", "count(*) both at once",
                "verify, identical, 1 connection per side", "verify, identical", "verify, 100 differences")) {
            seconds.put(name, new ArrayList<>());
        }
        for (int run = 1; run <= runs; run++) {
            seconds.get("count(*) PostgreSQL").add(time(() -> count(Server.POSTGRESQL)));
            seconds.get("count(*) MariaDB").add(time(() -> count(Server.MARIADB)));
            seconds.get("count(*) both at once").add(time(() -> {
                CompletableFuture<Void> pg = CompletableFuture.runAsync(() -> count(Server.POSTGRESQL));
                count(Server.MARIADB);
                pg.join();
            }));
            VerifyResult[] same = new VerifyResult[1];
            // the same work on one connection per side: what the default --parallel gains
            seconds.get("verify, identical, 1 connection per side").add(time(() -> same[0] = Rowferry.verify()
                    .source(postgres, OrdersTable.NAME).target(mariadb, OrdersTable.NAME).parallel(1).run()));
            check(same[0].identical(), "identical tables reported different: " + same[0]);
            seconds.get("verify, identical").add(time(() -> same[0] = Rowferry.verify()
                    .source(postgres, OrdersTable.NAME).target(mariadb, OrdersTable.NAME).run()));
            check(same[0].identical(), "identical tables reported different: " + same[0]);
            VerifyResult[] differ = new VerifyResult[1];
            seconds.get("verify, 100 differences").add(time(() -> differ[0] = Rowferry.verify()
                    .source(postgres, OrdersTable.NAME).target(mariadbTarget, DIFFERENT).run()));
            check(differ[0].missingCount() == 30 && differ[0].extraCount() == 30 && differ[0].changedCount() == 40,
                    "expected 30 missing, 30 extra, 40 changed: " + differ[0]);
            log("run " + run + ": " + seconds.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + Report.fixed(entry.getValue().get(entry.getValue().size() - 1), 2)
                            + " s").toList());
            log("  identical: " + same[0].bucketsCompared() + " buckets; 100 differences: "
                    + differ[0].bucketsCompared() + " buckets, " + differ[0].rowsHashed() + " rows hashed, "
                    + differ[0].rowsComparedInJava() + " rows compared in Java");
        }
        double counts = median(seconds.get("count(*) both at once"));
        double identical = median(seconds.get("verify, identical"));
        System.out.println();
        System.out.println("Verify benchmark: " + Report.grouped(rows) + " rows of orders, PostgreSQL -> MariaDB, median"
                + " of " + runs + " runs, " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println();
        System.out.println("| case | median s | vs both counts at once | vs verify identical |");
        System.out.println("| --- | ---: | ---: | ---: |");
        seconds.forEach((name, values) -> System.out.println("| " + name + " | " + Report.fixed(median(values), 2)
                + " | " + Report.fixed(median(values) / counts, 1) + "x | "
                + Report.fixed(median(values) / identical, 2) + "x |"));
    }

    /** A copy of the MariaDB orders in the target database with 100 differences: 30 deleted, 30 new, 40 changed. */
    private static void makeDifferentCopy(long rows) throws SQLException {
        log("MariaDB: copying orders into " + Server.TARGET_DB + "." + DIFFERENT + " and making 100 differences ...");
        try (Connection connection = Server.MARIADB.connect(Server.TARGET_DB)) {
            Server.execute(connection, "DROP TABLE IF EXISTS " + DIFFERENT,
                    "CREATE TABLE " + DIFFERENT + " LIKE " + Server.SOURCE_DB + "." + OrdersTable.NAME,
                    "INSERT INTO " + DIFFERENT + " SELECT * FROM " + Server.SOURCE_DB + "." + OrdersTable.NAME);
            long step = Math.max(1, rows / 100);
            for (int i = 0; i < 100; i++) {
                long id = 1 + i * step;
                if (i < 30) {
                    Server.execute(connection, "DELETE FROM " + DIFFERENT + " WHERE order_id = " + id);
                } else if (i < 60) {
                    Server.execute(connection, "INSERT INTO " + DIFFERENT + " SELECT order_id + " + (rows + 1)
                            + ", customer_id, status, currency, amount, tax, shipping, created_at, updated_at,"
                            + " shipped_at, email, shipping_address, note, attributes FROM " + DIFFERENT
                            + " WHERE order_id = " + id);
                } else {
                    Server.execute(connection, "UPDATE " + DIFFERENT + " SET amount = amount + 0.01 WHERE order_id = "
                            + id);
                }
            }
        }
    }

    private static void count(Server server) {
        try (Connection connection = server.connect(Server.SOURCE_DB)) {
            Server.scalar(connection, "SELECT count(*) FROM " + OrdersTable.NAME);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void log(String line) {
        System.err.println("[verify-bench] " + line);
    }
}
