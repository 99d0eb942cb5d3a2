package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.CopyResult;
import io.rowferry.ReadStrategy;
import io.rowferry.Row;
import io.rowferry.RowStream;
import io.rowferry.Rowferry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Copies between different databases, each value checked on arrival: the routes users take most (MariaDB and
 * PostgreSQL both ways, through both MySQL-protocol drivers) and embedded databases to and from servers.
 */
class CrossDatabaseCopyTest {
    private static final int ROWS = 7_777;

    @TempDir
    static Path directory;

    static Stream<Arguments> routes() {
        Function<String, TestDatabase> postgres = name -> new PostgresTestDatabase(ServerSettings.DATABASE);
        Function<String, TestDatabase> postgres2 = name -> new PostgresTestDatabase(ServerSettings.DATABASE_2);
        Function<String, TestDatabase> mariadb = name -> new MariaDbTestDatabase(ServerSettings.DATABASE, false);
        Function<String, TestDatabase> mariadb2 = name -> new MariaDbTestDatabase(ServerSettings.DATABASE_2, false);
        Function<String, TestDatabase> mysqlDriver = name -> new MariaDbTestDatabase(ServerSettings.DATABASE, true);
        Function<String, TestDatabase> sqlite = name -> new EmbeddedTestDatabase.Sqlite(directory, name);
        Function<String, TestDatabase> h2 = name -> new EmbeddedTestDatabase.H2(directory, name);
        Function<String, TestDatabase> duckdb = name -> new EmbeddedTestDatabase.DuckDb(directory, name);
        return Stream.of(
                Arguments.of("mariadb -> postgresql", mariadb, postgres2, ReadStrategy.CURSOR),
                Arguments.of("mariadb -> postgresql (keyset)", mariadb, postgres2, ReadStrategy.KEYSET),
                Arguments.of("postgresql -> mariadb", postgres, mariadb2, ReadStrategy.CURSOR),
                Arguments.of("postgresql -> mariadb (keyset)", postgres, mariadb2, ReadStrategy.KEYSET),
                Arguments.of("mysql connector -> postgresql", mysqlDriver, postgres2, ReadStrategy.AUTO),
                Arguments.of("postgresql -> mysql connector", postgres, (Function<String, TestDatabase>)
                        name -> new MariaDbTestDatabase(ServerSettings.DATABASE_2, true), ReadStrategy.AUTO),
                Arguments.of("sqlite -> postgresql", sqlite, postgres2, ReadStrategy.AUTO),
                Arguments.of("h2 -> mariadb", h2, mariadb2, ReadStrategy.AUTO),
                Arguments.of("duckdb -> sqlite", duckdb, sqlite, ReadStrategy.AUTO),
                Arguments.of("postgresql -> duckdb", postgres, duckdb, ReadStrategy.AUTO),
                Arguments.of("mariadb -> h2", mariadb, h2, ReadStrategy.AUTO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void copiesEveryValueExactly(String route, Function<String, TestDatabase> sourceOf,
            Function<String, TestDatabase> targetOf, ReadStrategy strategy) throws Exception {
        TestDatabase source = sourceOf.apply("cross_source");
        TestDatabase target = targetOf.apply("cross_target");
        source.createSample("rf_cross_src", ROWS);
        target.createSample("rf_cross_dst", 0);

        CopyResult result = Rowferry.copy()
                .from(Rowferry.read(source.database()).table("rf_cross_src").strategy(strategy))
                .to(target.database(), "rf_cross_dst")
                .batchSize(1_000)
                .run();

        assertThat(result.rowsWritten()).isEqualTo(ROWS);
        List<Row> rows = new ArrayList<>();
        try (RowStream stream = Rowferry.read(target.database()).table("rf_cross_dst").keyset().open()) {
            stream.forEach(rows::add);
        }
        assertThat(rows).hasSize(ROWS);
        long previous = 0;
        for (Row row : rows) {
            long id = SampleRow.check(row);
            assertThat(id).isEqualTo(previous + 1);
            previous = id;
        }
    }
}
