package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyBuilder;
import io.rowferry.CopyResult;
import io.rowferry.ErrorKind;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoints, resuming and retries between the two servers, both ways: what a failed copy committed is kept and the
 * rest arrives on resume, nothing twice; a run with another plan is refused; sessions killed on either server
 * mid-copy are retried from the last checkpoint; parallel splits copy every row. The target is compared with the
 * source by a checksum computed inside each database.
 */
class ResumeTest {

    static Stream<Arguments> routes() {
        Supplier<TestDatabase> postgres = () -> new PostgresTestDatabase(ServerSettings.DATABASE);
        Supplier<TestDatabase> mariadb = () -> new MariaDbTestDatabase(ServerSettings.DATABASE_2, false);
        return Stream.of(Arguments.of("mariadb -> postgresql", mariadb, postgres),
                Arguments.of("postgresql -> mariadb", postgres, mariadb));
    }

    private static CopyBuilder copy(TestDatabase source, String table, TestDatabase target, String targetTable) {
        return Rowferry.copy().from(Rowferry.read(source.database()).table(table)).to(target.database(), targetTable)
                .batchSize(1_000).retries(5, Duration.ofMillis(200));
    }

    /** The sample table's DDL with {@code note} NOT NULL. */
    private static void createStrictTarget(TestDatabase target, String table) throws Exception {
        target.dropTable(table);
        target.execute(target.sampleTableDdl(table).replace("note VARCHAR(200)", "note VARCHAR(200) NOT NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aPermanentErrorNamesTheRowAndResumeFinishesAfterTheFix(String route, Supplier<TestDatabase> sourceOf,
            Supplier<TestDatabase> targetOf) throws Exception {
        TestDatabase source = sourceOf.get();
        TestDatabase target = targetOf.get();
        source.createSample("rf_resume_src", 30_000);
        source.execute("UPDATE rf_resume_src SET note = 'was null' WHERE note IS NULL",
                "UPDATE rf_resume_src SET note = NULL WHERE id = 21234");
        createStrictTarget(target, "rf_resume_dst");

        assertThatThrownBy(() -> copy(source, "rf_resume_src", target, "rf_resume_dst").run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.CONSTRAINT))
                .hasMessageContaining("id=21234");
        assertThat(target.count("rf_resume_dst")).isEqualTo(21_000);

        assertThatThrownBy(() -> copy(source, "rf_resume_src", target, "rf_resume_dst").run())
                .as("a run without --resume would write rows twice")
                .hasMessageContaining("21000 committed rows").hasMessageContaining("--resume");

        source.execute("UPDATE rf_resume_src SET note = 'fixed' WHERE id = 21234");
        CopyResult resumed = copy(source, "rf_resume_src", target, "rf_resume_dst").resume(true).run();

        assertThat(resumed.rowsBefore()).isEqualTo(21_000);
        assertThat(resumed.rowsWritten()).isEqualTo(9_000);
        assertThat(Checksums.of(target, "rf_resume_dst")).isEqualTo(Checksums.of(source, "rf_resume_src"));

        CopyResult again = copy(source, "rf_resume_src", target, "rf_resume_dst").resume(true).run();
        assertThat(again.rowsWritten()).as("a finished copy has nothing left to resume").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aResumeWithAnotherPlanIsRefused(String route, Supplier<TestDatabase> sourceOf,
            Supplier<TestDatabase> targetOf) throws Exception {
        TestDatabase source = sourceOf.get();
        TestDatabase target = targetOf.get();
        source.createSample("rf_replan_src", 20_000);
        source.execute("UPDATE rf_replan_src SET note = 'x' WHERE note IS NULL",
                "UPDATE rf_replan_src SET note = NULL WHERE id = 15000");
        createStrictTarget(target, "rf_replan_dst");
        assertThatThrownBy(() -> copy(source, "rf_replan_src", target, "rf_replan_dst").parallel(2).run())
                .hasMessageContaining("id=15000");

        assertThatThrownBy(() -> copy(source, "rf_replan_src", target, "rf_replan_dst").parallel(3).resume(true)
                        .run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("splits 2 (now 3)");
        assertThatThrownBy(() -> Rowferry.copy()
                        .from(Rowferry.read(source.database()).table("rf_replan_src").where("id > 5"))
                        .to(target.database(), "rf_replan_dst").resume(true).run())
                .hasMessageContaining("filter none (now id > 5)");

        source.execute("UPDATE rf_replan_src SET note = 'fixed' WHERE id = 15000");
        CopyResult resumed = copy(source, "rf_replan_src", target, "rf_replan_dst").resume(true).run();
        assertThat(resumed.splits()).as("the interrupted run's split count").isEqualTo(2);
        assertThat(Checksums.of(target, "rf_replan_dst")).isEqualTo(Checksums.of(source, "rf_replan_src"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void parallelSplitsCopyEveryRowOnce(String route, Supplier<TestDatabase> sourceOf,
            Supplier<TestDatabase> targetOf) throws Exception {
        TestDatabase source = sourceOf.get();
        TestDatabase target = targetOf.get();
        source.createSample("rf_parallel_src", 50_000);
        target.createSample("rf_parallel_dst", 0);

        CopyResult result = copy(source, "rf_parallel_src", target, "rf_parallel_dst").parallel(4).run();

        assertThat(result.splits()).isEqualTo(4);
        assertThat(result.rowsWritten()).isEqualTo(50_000);
        assertThat(Checksums.of(target, "rf_parallel_dst")).isEqualTo(Checksums.of(source, "rf_parallel_src"));
        assertThat(target.awaitNoRowferrySessions()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void sessionsKilledOnBothServersAreRetriedFromTheLastCheckpoint(String route, Supplier<TestDatabase> sourceOf,
            Supplier<TestDatabase> targetOf) throws Exception {
        TestDatabase source = sourceOf.get();
        TestDatabase target = targetOf.get();
        source.createSample("rf_killed_src", 200_000);
        target.createSample("rf_killed_dst", 0);
        AtomicBoolean sourceKilled = new AtomicBoolean();
        AtomicBoolean targetKilled = new AtomicBoolean();

        CopyResult result = copy(source, "rf_killed_src", target, "rf_killed_dst")
                .parallel(2)
                .progress(progress -> {
                    try {
                        if (progress.rowsWritten() > 30_000 && !sourceKilled.get()) {
                            sourceKilled.set(killSessions(source) > 0);
                        } else if (progress.rowsWritten() > 90_000 && !targetKilled.get()) {
                            targetKilled.set(killSessions(target) > 0);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, Duration.ofMillis(20))
                .run();

        assertThat(sourceKilled).as("source sessions were killed").isTrue();
        assertThat(targetKilled).as("target sessions were killed").isTrue();
        assertThat(result.retries()).isGreaterThanOrEqualTo(2);
        assertThat(Checksums.of(target, "rf_killed_dst")).isEqualTo(Checksums.of(source, "rf_killed_src"));
    }

    /** Ends every session Rowferry holds on this server, as an administrator would; returns how many. */
    private static int killSessions(TestDatabase db) throws Exception {
        if (db.id().equals("postgresql")) {
            return (int) db.queryLong("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = '" + ServerSettings.PG_APPLICATION_NAME + "'");
        }
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (var connection = db.adminConnection(); var statement = connection.createStatement();
                var sessions = statement.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '"
                        + ServerSettings.MARIADB_ROWFERRY_USER + "'")) {
            while (sessions.next()) {
                ids.add(sessions.getLong(1));
            }
            for (long id : ids) {
                try {
                    statement.execute("KILL " + id);
                } catch (java.sql.SQLException alreadyGone) {
                    // ended by itself in between
                }
            }
        }
        return ids.size();
    }
}
