package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user sees when a database cannot be reached or refuses them: one line, the right kind, no secret. */
class ConnectionFailureTest {

    @BeforeAll
    static void servers() {
        ServerSettings.prepareServers();
    }

    private static RowferryException failureOf(Database database) {
        try {
            Rowferry.read(database).table("anything").open().close();
        } catch (RowferryException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureWithoutThePassword() {
        String wrong = "Wrong-Secret-123";
        for (String url : new String[] {
            "jdbc:mariadb://" + ServerSettings.mariadbHostPort() + "/" + ServerSettings.DATABASE,
            "jdbc:mysql://" + ServerSettings.mariadbHostPort() + "/" + ServerSettings.DATABASE
                    + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"}) {
            RowferryException failure = failureOf(Database.url(url, ServerSettings.PASSWORD_USER, wrong));
            assertThat(failure.kind()).as(url).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(failure.getMessage()).as(url).contains("cannot connect").doesNotContain(wrong).doesNotContain("\n");
        }
        // and the right password works
        try (var rows = Rowferry.read(Database.url(
                        "jdbc:mariadb://" + ServerSettings.mariadbHostPort() + "/" + ServerSettings.DATABASE,
                        ServerSettings.PASSWORD_USER, ServerSettings.PASSWORD_USER_SECRET))
                .query("SELECT 1").open()) {
            assertThat(rows.stream().count()).isEqualTo(1);
        }
    }

    @Test
    void passwordInTheUrlNeverAppears() {
        String secret = "Url-Secret-456";
        RowferryException failure = failureOf(Database.url("jdbc:mariadb://" + ServerSettings.PASSWORD_USER + ":"
                + secret + "@" + ServerSettings.mariadbHostPort() + "/" + ServerSettings.DATABASE));
        assertThat(failure.getMessage()).doesNotContain(secret).contains("***");
        RowferryException parameter = failureOf(Database.url("jdbc:postgresql://127.0.0.1:1/x?user=u&password=" + secret));
        assertThat(parameter.getMessage()).doesNotContain(secret);
    }

    @Test
    void unreachableServerIsAConnectionFailure() {
        // port 1 on loopback: nothing listens there, the connection is refused at once
        RowferryException postgres = failureOf(Database.url("jdbc:postgresql://127.0.0.1:1/db"));
        assertThat(postgres.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(postgres.getMessage()).startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/db");
        RowferryException mariadb = failureOf(Database.url("jdbc:mariadb://127.0.0.1:1/db"));
        assertThat(mariadb.kind()).isEqualTo(ErrorKind.CONNECTION);
    }

    @Test
    void malformedUrlsAreUsageErrors() {
        assertThatThrownBy(() -> Database.url("postgres://localhost/db"))
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("not a JDBC URL")
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE));
        assertThatThrownBy(() -> Database.url("jdbc:nosuchdb://localhost/db"))
                .hasMessageContaining("no dialect for URL")
                .hasMessageContaining("jdbc:postgresql:");
    }
}
