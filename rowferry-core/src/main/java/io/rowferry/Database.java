package io.rowferry;

import io.rowferry.dialect.Dialect;
import io.rowferry.dialect.Dialects;
import io.rowferry.internal.UrlMasking;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where rows come from or go to: a JDBC URL (with optional user and password) or a {@link DataSource},
 * together with its {@link Dialect}. Rowferry opens its own connections from it and closes every one it opens.
 *
 * <p>When Rowferry opens a URL itself it adds the dialect's default driver properties (those that make reads
 * stream and batches fast), unless the URL or the given properties already set them. A caller's
 * {@code DataSource} is used as it is.
 *
 * <p>{@link #toString()} and every message show the URL with its credentials masked.
 */
public final class Database {
    private final String url;
    private final Properties properties;
    private final DataSource dataSource;
    private final java.util.List<String> secrets;
    private volatile Dialect dialect;

    private Database(String url, Properties properties, DataSource dataSource, Dialect dialect) {
        this.url = url;
        this.properties = properties;
        this.dataSource = dataSource;
        this.dialect = dialect;
        java.util.List<String> known = new java.util.ArrayList<>(UrlMasking.secretsIn(url));
        if (properties != null && properties.getProperty("password") != null) {
            known.add(properties.getProperty("password"));
        }
        this.secrets = java.util.List.copyOf(known);
    }

    /** A database reached by URL; credentials may be in the URL or absent. */
    public static Database url(String jdbcUrl) {
        return url(jdbcUrl, new Properties());
    }

    /** A database reached by URL with a user and password (either may be null). */
    public static Database url(String jdbcUrl, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return url(jdbcUrl, properties);
    }

    /** A database reached by URL with driver properties. */
    public static Database url(String jdbcUrl, Properties properties) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new RowferryException(ErrorKind.USAGE,
                    "not a JDBC URL: " + UrlMasking.mask(jdbcUrl) + " (expected jdbc:<database>:...)");
        }
        Dialect dialect = Dialects.forUrl(jdbcUrl);
        Properties merged = new Properties();
        String lowerUrl = jdbcUrl.toLowerCase(Locale.ROOT);
        dialect.defaultConnectionProperties().forEach((key, value) -> {
            String name = key.toString().toLowerCase(Locale.ROOT);
            if (!lowerUrl.contains(name + "=")) {
                merged.put(key, value);
            }
        });
        merged.putAll(properties);
        return new Database(jdbcUrl, merged, null, dialect);
    }

    /** A database reached through the caller's DataSource; its dialect is detected on first use. */
    public static Database of(DataSource dataSource) {
        return new Database(null, null, Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /** The same database with an explicitly chosen dialect. */
    public Database withDialect(Dialect chosen) {
        return new Database(url, properties, dataSource, Objects.requireNonNull(chosen, "dialect"));
    }

    /** Opens a new connection; the caller owns and closes it. Failures become one-line {@link RowferryException}s. */
    public Connection connect() {
        try {
            return dataSource != null ? dataSource.getConnection() : DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw connectFailure(e);
        }
    }

    /** The dialect: from the URL, or detected from a first connection of a DataSource. */
    public Dialect dialect() {
        Dialect known = dialect;
        if (known == null) {
            try (Connection connection = connect()) {
                known = Dialects.forConnection(connection);
            } catch (SQLException e) {
                throw connectFailure(e);
            }
            dialect = known;
        }
        return known;
    }

    /** The URL with credentials masked, or a description of the DataSource. */
    public String describe() {
        return url != null ? UrlMasking.mask(url) : "DataSource " + dataSource.getClass().getSimpleName();
    }

    /** Translates a failure on this database into a one-line message without credentials. */
    public RowferryException failure(String what, SQLException cause) {
        ErrorKind kind = dialect().classify(cause);
        return new RowferryException(kind, what + " on " + describe() + ": " + driverMessage(cause), cause);
    }

    /** The driver's message with credentials removed, on one line. */
    public String driverMessage(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return UrlMasking.maskText(message, secrets).lines().findFirst().orElse("").trim();
    }

    private RowferryException connectFailure(SQLException e) {
        String message = driverMessage(e);
        if (dataSource == null && "08001".equals(e.getSQLState()) && message.startsWith("No suitable driver")) {
            return new RowferryException(ErrorKind.USAGE, "no JDBC driver on the classpath accepts " + describe(), e);
        }
        ErrorKind kind = dialect != null ? dialect.classify(e) : ErrorKind.CONNECTION;
        if (kind != ErrorKind.AUTHENTICATION) {
            kind = ErrorKind.CONNECTION;
        }
        return new RowferryException(kind, "cannot connect to " + describe() + ": " + message, e);
    }

    @Override
    public String toString() {
        return describe();
    }
}
