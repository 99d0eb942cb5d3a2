package io.rowferry.dialect;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import io.rowferry.dialect.duckdb.DuckDbDialect;
import io.rowferry.dialect.h2.H2Dialect;
import io.rowferry.dialect.mariadb.MariaDbDialect;
import io.rowferry.dialect.mysql.MySqlDialect;
import io.rowferry.dialect.oracle.OracleDialect;
import io.rowferry.dialect.postgresql.PostgresDialect;
import io.rowferry.dialect.sqlite.SqliteDialect;
import io.rowferry.dialect.sqlserver.SqlServerDialect;
import io.rowferry.internal.UrlMasking;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The registry of built-in dialects and how a connection finds its dialect: an explicit id wins; otherwise
 * the JDBC URL, then the product name, each tried in priority order (MariaDB before MySQL).
 */
public final class Dialects {

    private static final List<Dialect> BUILT_IN = List.<Dialect>of(
                    new PostgresDialect(),
                    new MariaDbDialect(),
                    new MySqlDialect(),
                    new SqliteDialect(),
                    new H2Dialect(),
                    new DuckDbDialect(),
                    new SqlServerDialect(),
                    new OracleDialect())
            .stream()
            .sorted(Comparator.comparingInt(Dialect::priority).reversed())
            .toList();

    private Dialects() {}

    /** Every built-in dialect, highest priority first. */
    public static List<Dialect> all() {
        return BUILT_IN;
    }

    /** The dialect with this id, e.g. {@code postgresql}. */
    public static Dialect byId(String id) {
        if (id == null || id.isBlank()) {
            throw new RowferryException(ErrorKind.USAGE, "dialect id is empty; known: " + ids());
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        return BUILT_IN.stream()
                .filter(dialect -> dialect.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new RowferryException(ErrorKind.USAGE,
                        "unknown dialect '" + id + "'; known: " + ids()));
    }

    /** The dialect for a JDBC URL, or throws naming the (masked) URL and the known prefixes. */
    public static Dialect forUrl(String jdbcUrl) {
        return BUILT_IN.stream()
                .filter(dialect -> dialect.acceptsUrl(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> new RowferryException(ErrorKind.USAGE,
                        "no dialect for URL " + UrlMasking.mask(jdbcUrl)
                                + "; supported: " + String.join(", ", BUILT_IN.stream().map(Dialect::urlPrefix).toList())));
    }

    /** The dialect for an open connection: by its URL, then by its product name. */
    public static Dialect forConnection(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String url = metaData.getURL();
        for (Dialect dialect : BUILT_IN) {
            if (url != null && dialect.acceptsUrl(url)) {
                return dialect;
            }
        }
        String product = metaData.getDatabaseProductName();
        for (Dialect dialect : BUILT_IN) {
            if (dialect.acceptsProduct(product)) {
                return dialect;
            }
        }
        throw new RowferryException(ErrorKind.USAGE, "unsupported database '" + product + "' at "
                + UrlMasking.mask(url) + "; known dialects: " + ids());
    }

    private static String ids() {
        return String.join(", ", BUILT_IN.stream().map(Dialect::id).toList());
    }
}
