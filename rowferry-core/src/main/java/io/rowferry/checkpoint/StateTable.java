package io.rowferry.checkpoint;

import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.dialect.Dialect;
import io.rowferry.schema.SqlType;
import io.rowferry.sink.CommitHook;
import io.rowferry.source.KeyRange;
import io.rowferry.source.TableResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A copy's checkpoints, kept in a table of the target database (default {@value #DEFAULT_NAME}): one row per split
 * of each job, holding its key range, the key of its last committed row and its committed row count. Writers update
 * their split's row inside each batch's own transaction ({@link #checkpoint}), so the target's rows and the record
 * of how far the copy got can never disagree, whatever stops the process.
 *
 * <p>A job is named by its target table: one copy into a table at a time. Its plan (source table, key, columns,
 * filter, split count) is stored with it, and a resumed run with another plan is refused.
 */
public final class StateTable implements Checkpoints {
    /** The state table's name unless one is given. */
    public static final String DEFAULT_NAME = "rowferry_state";

    private static final List<String> COLUMNS = List.of("job", "split_no", "splits", "plan", "after_key", "until_key",
            "last_key", "rows_written", "done", "updated_at", "low_water", "high_water");

    private final Database database;
    private final TableRef name;
    private final String job;
    private String qualified;

    public StateTable(Database database, String tableName, String job) {
        this.database = database;
        this.name = TableRef.parse(tableName);
        this.job = job;
    }

    /** The job's recorded splits, in split order, or empty when it has none. */
    @Override
    public Optional<Recorded> load() {
        try (Connection connection = database.connect()) {
            if (!exists(connection)) {
                return Optional.empty();
            }
            List<SplitState> splits = new ArrayList<>();
            String plan = null;
            String updated = null;
            Object[] low = null;
            Object[] high = null;
            int expected = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + column("split_no") + ", "
                    + column("splits") + ", " + column("plan") + ", " + column("after_key") + ", "
                    + column("until_key") + ", " + column("last_key") + ", " + column("rows_written") + ", "
                    + column("done") + ", " + column("updated_at") + ", " + column("low_water") + ", "
                    + column("high_water") + " FROM " + qualified + " WHERE "
                    + column("job") + " = ? ORDER BY " + column("split_no"))) {
                select.setString(1, job);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int index = rows.getInt(1);
                        expected = rows.getInt(2);
                        plan = rows.getString(3);
                        KeyRange range = new KeyRange(index, KeyCodec.decode(rows.getString(4)),
                                KeyCodec.decode(rows.getString(5)));
                        splits.add(new SplitState(range, KeyCodec.decode(rows.getString(6)), rows.getLong(7),
                                rows.getInt(8) != 0));
                        String at = rows.getString(9);
                        if (updated == null || at.compareTo(updated) > 0) {
                            updated = at;
                        }
                        low = KeyCodec.decode(rows.getString(10));
                        high = KeyCodec.decode(rows.getString(11));
                    }
                }
            }
            if (splits.isEmpty()) {
                return Optional.empty();
            }
            if (splits.size() != expected) {
                throw new RowferryException(ErrorKind.USAGE, "the state of " + job + " in " + name + " has "
                        + splits.size() + " of its " + expected + " splits; it was changed by hand. Start over with"
                        + " --restart");
            }
            return Optional.of(new Recorded(plan, List.copyOf(splits), updated, low == null ? null : low[0],
                    high == null ? null : high[0], 0));
        } catch (SQLException e) {
            throw database.failure("cannot read the checkpoints in " + name, e);
        }
    }

    /**
     * Creates the state table if needed and records a new run of the job with these splits, replacing any other; an
     * incremental run also records the bounds of the values it copies ({@code low} excluded, {@code high} included;
     * both null otherwise).
     */
    @Override
    public void begin(String plan, List<KeyRange> ranges, Object low, Object high) {
        try (Connection connection = database.connect()) {
            if (!exists(connection)) {
                create(connection);
            }
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + qualified + " WHERE " + column("job") + " = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + qualified + " ("
                            + String.join(", ", COLUMNS.stream().map(this::column).toList())
                            + ") VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 0, ?, ?, ?)")) {
                delete.setString(1, job);
                delete.executeUpdate();
                String now = Instant.now().toString();
                for (KeyRange range : ranges) {
                    insert.setString(1, job);
                    insert.setInt(2, range.index());
                    insert.setInt(3, ranges.size());
                    insert.setString(4, plan);
                    insert.setString(5, KeyCodec.encode(range.after()));
                    insert.setString(6, KeyCodec.encode(range.until()));
                    insert.setString(7, now);
                    insert.setString(8, low == null ? null : KeyCodec.encode(new Object[] {low}));
                    insert.setString(9, high == null ? null : KeyCodec.encode(new Object[] {high}));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw database.failure("cannot record the splits in " + name, e);
        }
    }

    /** Marks a split finished: every row of its range is committed. */
    @Override
    public void finish(int split) {
        try (Connection connection = database.connect();
                PreparedStatement update = connection.prepareStatement("UPDATE " + qualified + " SET "
                        + column("done") + " = 1, " + column("updated_at") + " = ? WHERE " + column("job")
                        + " = ? AND " + column("split_no") + " = ?")) {
            update.setString(1, Instant.now().toString());
            update.setString(2, job);
            update.setInt(3, split);
            update.executeUpdate();
        } catch (SQLException e) {
            throw database.failure("cannot record the end of split " + split + " in " + name, e);
        }
    }

    /**
     * A commit hook recording that {@code split} has committed up to {@code lastKey}, {@code rowsWritten} rows in all:
     * run in the batch's transaction, it commits with the batch or not at all.
     */
    public CommitHook checkpoint(int split, Object[] lastKey, long rowsWritten) {
        String key = KeyCodec.encode(lastKey);
        return connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + qualified + " SET "
                    + column("last_key") + " = ?, " + column("rows_written") + " = ?, " + column("updated_at")
                    + " = ? WHERE " + column("job") + " = ? AND " + column("split_no") + " = ?")) {
                update.setString(1, key);
                update.setLong(2, rowsWritten);
                update.setString(3, Instant.now().toString());
                update.setString(4, job);
                update.setInt(5, split);
                if (update.executeUpdate() != 1) {
                    throw new RowferryException(ErrorKind.USAGE, "the checkpoint row of split " + split + " of "
                            + job + " is missing from " + name + "; another run replaced it");
                }
            }
        };
    }

    /** Each range's checkpoint is updated in the batch's transaction, just before it commits. */
    @Override
    public void write(io.rowferry.sink.RowSink sink, List<Progress> progress, Runnable write) {
        List<CommitHook> checkpoints = progress.stream()
                .map(split -> checkpoint(split.split(), split.lastKey(), split.rowsWritten())).toList();
        sink.commitHook(connection -> {
            for (CommitHook checkpoint : checkpoints) {
                checkpoint.beforeCommit(connection);
            }
        });
        write.run();
    }

    /** The rows stay, marked done: an incremental copy's next run starts from them. */
    @Override
    public void completed() {}

    @Override
    public String name() {
        return name.toString();
    }

    private boolean exists(Connection connection) throws SQLException {
        Dialect dialect = database.dialect();
        try {
            qualified = new TableResolver(database).resolve(connection, here(connection)).qualifiedName();
            return true;
        } catch (RowferryException e) {
            if (e.kind() != ErrorKind.NOT_FOUND) {
                throw e;
            }
            qualified = dialect.qualifiedName(normalized(dialect));
            return false;
        }
    }

    /**
     * The name in the connection's own database or schema when it is not qualified: a state table of the same name
     * in another database of the server (a copy into another database there) is not this one.
     */
    private TableRef here(Connection connection) throws SQLException {
        if (name.catalog() != null || name.schema() != null) {
            return name;
        }
        String current = database.dialect().catalogIsSchema() ? connection.getCatalog() : connection.getSchema();
        return current == null ? name : new TableRef(null, current, name.name());
    }

    private TableRef normalized(Dialect dialect) {
        return new TableRef(name.catalog() == null ? null : dialect.normalizeIdentifier(name.catalog()),
                name.schema() == null ? null : dialect.normalizeIdentifier(name.schema()),
                dialect.normalizeIdentifier(name.name()));
    }

    private void create(Connection connection) throws SQLException {
        Dialect dialect = database.dialect();
        SqlType key = SqlType.sized(SqlType.Kind.VARCHAR, 255);
        SqlType text = SqlType.of(SqlType.Kind.TEXT);
        SqlType count = SqlType.integer(32, false);
        List<SqlType> types = List.of(key, count, count, text, text, text, text, SqlType.integer(64, false), count,
                SqlType.sized(SqlType.Kind.VARCHAR, 40), text, text);
        List<Boolean> nullable = List.of(false, false, false, false, true, true, true, false, false, false, true, true);
        String sql = dialect.createTableSql(qualified, COLUMNS.stream().map(this::column).toList(),
                types.stream().map(type -> dialect.columnType(type).ddl()).toList(), nullable,
                List.of(column("job"), column("split_no")));
        boolean autoCommit = connection.getAutoCommit();
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
            if (!autoCommit) {
                connection.commit();
            }
        }
        exists(connection);
    }

    private String column(String column) {
        Dialect dialect = database.dialect();
        return dialect.quoteIdentifier(dialect.normalizeIdentifier(column));
    }
}
