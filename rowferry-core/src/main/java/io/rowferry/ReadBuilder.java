package io.rowferry;

import io.rowferry.source.ReadPlan;
import io.rowferry.source.ReadPlanner;
import io.rowferry.source.ReadSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Describes a read: a table (optionally some columns and a filter) or a query, and how to walk it. Nothing
 * touches the database until {@link #plan()} or {@link #open()}.
 */
public final class ReadBuilder {
    /** Rows per fetch or keyset page unless set; large enough to amortise round trips, small enough for wide rows. */
    public static final int DEFAULT_FETCH_SIZE = 5_000;
    /** Heap one fetch or page may take unless set; fewer rows are fetched at once when rows are wide. */
    public static final long DEFAULT_FETCH_BYTES = 4L << 20;

    private final Database database;
    private TableRef table;
    private String query;
    private List<String> columns = List.of();
    private String filter;
    private ReadStrategy strategy = ReadStrategy.AUTO;
    private List<String> keyColumns = List.of();
    private Object[] startAfter;
    private Object[] endAt;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private long fetchBytes = DEFAULT_FETCH_BYTES;

    ReadBuilder(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Read this table ({@code name}, {@code schema.name} or {@code catalog.schema.name}). */
    public ReadBuilder table(String name) {
        this.table = TableRef.parse(name);
        return this;
    }

    /** Read the rows of this query instead of a table; queries are read with the cursor strategy. */
    public ReadBuilder query(String sql) {
        this.query = Objects.requireNonNull(sql, "sql");
        return this;
    }

    /** Only these columns, in this order (names in any case). Default: all columns. */
    public ReadBuilder columns(String... names) {
        this.columns = List.of(names);
        return this;
    }

    /** Only rows matching this SQL condition (without {@code WHERE}). */
    public ReadBuilder where(String condition) {
        this.filter = condition == null || condition.isBlank() ? null : condition;
        return this;
    }

    public ReadBuilder strategy(ReadStrategy chosen) {
        this.strategy = Objects.requireNonNull(chosen, "strategy");
        return this;
    }

    public ReadBuilder cursor() {
        return strategy(ReadStrategy.CURSOR);
    }

    public ReadBuilder keyset() {
        return strategy(ReadStrategy.KEYSET);
    }

    /** The keyset key, when not the primary key; it must be unique and NOT NULL, or the read is refused. */
    public ReadBuilder key(String... names) {
        this.keyColumns = List.of(names);
        return this;
    }

    /** Start after this key (keyset only): the values of the key columns, in key order. */
    public ReadBuilder startAfter(Object... key) {
        this.startAfter = key == null ? null : Arrays.copyOf(key, key.length);
        return this;
    }

    /** End at this key, included (keyset only): with {@link #startAfter} it reads one key range. */
    public ReadBuilder endAt(Object... key) {
        this.endAt = key == null ? null : Arrays.copyOf(key, key.length);
        return this;
    }

    /** Rows per fetch (cursor) or page (keyset, offset); default {@value #DEFAULT_FETCH_SIZE}. */
    public ReadBuilder fetchSize(int rows) {
        this.fetchSize = rows;
        return this;
    }

    /** Heap one fetch or page may take; default 4 MiB. */
    public ReadBuilder fetchBytes(long bytes) {
        if (bytes < 1) {
            throw new RowferryException(ErrorKind.USAGE, "fetch bytes must be positive, was " + bytes);
        }
        this.fetchBytes = bytes;
        return this;
    }

    ReadSpec spec() {
        return new ReadSpec(database, table, query, columns, filter, strategy, keyColumns, startAfter, endAt, fetchSize,
                fetchBytes);
    }

    Database database() {
        return database;
    }

    /** Resolves table, columns, key and strategy without reading rows. */
    public ReadPlan plan() {
        return ReadPlanner.plan(spec());
    }

    /** Opens the stream; close it (try-with-resources) to release its connection. */
    public RowStream open() {
        return new RowStream(plan());
    }
}
