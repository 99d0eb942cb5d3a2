package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyResult;
import io.rowferry.ErrorKind;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental copies: the first run copies every row, the next only rows whose column is above what the last run
 * copied; with upsert, changed rows replace their old versions in the target, so after each run the target equals
 * the source. Run into every database with an upsert statement here.
 */
class IncrementalCopyTest {

    @TempDir
    static Path directory;

    static Stream<Arguments> routes() {
        Function<String, TestDatabase> postgres = name -> new PostgresTestDatabase(ServerSettings.DATABASE);
        Function<String, TestDatabase> postgres2 = name -> new PostgresTestDatabase(ServerSettings.DATABASE_2);
        Function<String, TestDatabase> mariadb = name -> new MariaDbTestDatabase(ServerSettings.DATABASE, false);
        Function<String, TestDatabase> mariadb2 = name -> new MariaDbTestDatabase(ServerSettings.DATABASE_2, false);
        return Stream.of(
                Arguments.of("mariadb -> postgresql", mariadb, postgres2),
                Arguments.of("postgresql -> mariadb", postgres, mariadb2),
                Arguments.of("postgresql -> sqlite", postgres, (Function<String, TestDatabase>) name ->
                        new EmbeddedTestDatabase.Sqlite(directory, name)),
                Arguments.of("postgresql -> h2", postgres, (Function<String, TestDatabase>) name ->
                        new EmbeddedTestDatabase.H2(directory, name)),
                Arguments.of("mariadb -> duckdb", mariadb, (Function<String, TestDatabase>) name ->
                        new EmbeddedTestDatabase.DuckDb(directory, name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void laterRunsCopyOnlyNewAndChangedRows(String route, Function<String, TestDatabase> sourceOf,
            Function<String, TestDatabase> targetOf) throws Exception {
        TestDatabase source = sourceOf.apply("incremental");
        TestDatabase target = targetOf.apply("incremental");
        source.createSample("rf_incr_src", 5_000);
        target.createSample("rf_incr_dst", 0);

        CopyResult first = copy(source, target);
        assertThat(first.rowsWritten()).isEqualTo(5_000);

        // 500 new rows, and 300 old rows changed with a later "created" (the column followed here)
        source.execute("INSERT INTO rf_incr_src (id, customer, amount, created, note)"
                        + " SELECT id + 5000, customer, amount, created + INTERVAL '2' YEAR, note FROM rf_incr_src"
                        + " WHERE id <= 500",
                "UPDATE rf_incr_src SET note = 'changed', created = created + INTERVAL '1' YEAR"
                        + " WHERE id BETWEEN 2001 AND 2300");
        CopyResult second = copy(source, target);

        assertThat(second.rowsWritten()).as("only new and changed rows").isEqualTo(800);
        assertThat(target.count("rf_incr_dst")).isEqualTo(5_500);
        assertThat(target.queryLong("SELECT COUNT(*) FROM rf_incr_dst WHERE note = 'changed'")).isEqualTo(300);

        CopyResult third = copy(source, target);
        assertThat(third.rowsWritten()).as("nothing new").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anIncrementalCopyWithoutAKeyOrCheckpointsIsRefused(String route, Function<String, TestDatabase> sourceOf,
            Function<String, TestDatabase> targetOf) throws Exception {
        TestDatabase source = sourceOf.apply("incremental");
        TestDatabase target = targetOf.apply("incremental");
        source.createSample("rf_incr_src2", 10);
        target.createSample("rf_incr_dst2", 0);
        assertThatThrownBy(() -> Rowferry.copy().from(Rowferry.read(source.database()).table("rf_incr_src2"))
                        .to(target.database(), "rf_incr_dst2").incremental("created").checkpoints(false).run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("incremental");
        assertThatThrownBy(() -> Rowferry.copy().from(Rowferry.read(source.database()).table("rf_incr_src2"))
                        .to(target.database(), "rf_incr_dst2").incremental("no_such_column").run())
                .hasMessageContaining("no_such_column");
    }

    private static CopyResult copy(TestDatabase source, TestDatabase target) {
        return Rowferry.copy().from(Rowferry.read(source.database()).table("rf_incr_src"))
                .to(target.database(), "rf_incr_dst").incremental("created").upsert(true).batchSize(700).run();
    }
}
