package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://localhost:5432/shop                      | postgresql
            jdbc:mariadb://localhost:3306/shop                         | mariadb
            jdbc:mysql://localhost:3306/shop                           | mysql
            jdbc:sqlite:/var/data/shop.db                              | sqlite
            jdbc:h2:mem:shop                                           | h2
            jdbc:duckdb:/var/data/shop.duckdb                          | duckdb
            jdbc:sqlserver://localhost:1433;databaseName=shop          | sqlserver
            jdbc:oracle:thin:@//localhost:1521/FREEPDB1                | oracle
            JDBC:PostgreSQL://localhost/shop                           | postgresql
            """)
    void detectsDialectFromUrl(String url, String id) {
        assertThat(Dialects.forUrl(url).id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PostgreSQL           | postgresql
            MariaDB              | mariadb
            MySQL                | mysql
            SQLite               | sqlite
            H2                   | h2
            DuckDB               | duckdb
            Microsoft SQL Server | sqlserver
            Oracle               | oracle
            """)
    void detectsDialectFromProductName(String product, String id) {
        assertThat(firstAcceptingProduct(product).id()).isEqualTo(id);
    }

    @Test
    void mariaDbIsTriedBeforeMySql() {
        List<String> ids = Dialects.all().stream().map(Dialect::id).toList();
        assertThat(ids.indexOf("mariadb")).isLessThan(ids.indexOf("mysql"));
        assertThat(firstAcceptingProduct("MariaDB").id()).isEqualTo("mariadb");
    }

    @Test
    void everyBuiltInDialectIsRegisteredOnce() {
        assertThat(Dialects.all()).extracting(Dialect::id).containsExactlyInAnyOrder(
                "postgresql", "mariadb", "mysql", "sqlite", "h2", "duckdb", "sqlserver", "oracle");
    }

    @Test
    void findsDialectByIdIgnoringCase() {
        assertThat(Dialects.byId("SQLServer").id()).isEqualTo("sqlserver");
    }

    @Test
    void unknownIdIsUsageError() {
        RowferryException error = catchThrowableOfType(RowferryException.class, () -> Dialects.byId("db2"));
        assertThat(error.kind()).isEqualTo(ErrorKind.USAGE);
        assertThat(error.getMessage()).contains("db2", "postgresql", "oracle");
    }

    @Test
    void unknownUrlIsUsageErrorWithoutPassword() {
        RowferryException error =
                catchThrowableOfType(RowferryException.class, () -> Dialects.forUrl("jdbc:unknown://u:secret@h/db"));
        assertThat(error.kind()).isEqualTo(ErrorKind.USAGE);
        assertThat(error.getMessage()).contains("jdbc:unknown:").doesNotContain("secret");
    }

    private static Dialect firstAcceptingProduct(String product) {
        return Dialects.all().stream()
                .filter(dialect -> dialect.acceptsProduct(product))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dialect accepts " + product));
    }
}
