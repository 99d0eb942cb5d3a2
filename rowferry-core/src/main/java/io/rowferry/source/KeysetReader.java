package io.rowferry.source;

import io.rowferry.dialect.KeysetSql;
import io.rowferry.dialect.PageQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Keyset pages: {@code WHERE (k1, k2) > (?, ?) ORDER BY k1, k2 LIMIT n}, or the expanded OR form where the
 * database has no row-value comparison. The database orders and compares, so its own collation decides what
 * "after" means, and no row is skipped or repeated as long as the key is unique and NOT NULL.
 */
final class KeysetReader extends PagedReader {
    private int[] keyPositions;
    private Object[] lastKey;
    private int[] parameterKeyIndexes;
    private int[] upperKeyIndexes;

    KeysetReader(ReadPlan plan) {
        super(plan);
    }

    @Override
    protected String pageSql(int limit) {
        if (lastKey == null && plan.startAfter() != null) {
            lastKey = plan.startAfter().clone();
        }
        KeysetSql sql = dialect.keysetPageSql(
                new PageQuery(plan.table(), plan.pageColumns(), plan.keyColumns(), plan.filter(), lastKey != null, limit,
                        plan.endAt() != null));
        parameterKeyIndexes = sql.parameterKeyIndexes();
        upperKeyIndexes = sql.upperKeyIndexes();
        return sql.sql();
    }

    @Override
    protected void bindPage(PreparedStatement statement) throws SQLException {
        int parameter = plan.filterValues().bind(statement, 1);
        if (lastKey != null) {
            for (int keyPart : parameterKeyIndexes) {
                plan.keyBinders().get(keyPart).bind(statement, parameter++, lastKey[keyPart]);
            }
        }
        for (int keyPart : upperKeyIndexes) {
            plan.keyBinders().get(keyPart).bind(statement, parameter++, plan.endAt()[keyPart]);
        }
    }

    @Override
    public Object[] lastKey() {
        return lastKey;
    }

    @Override
    protected void afterRow(ResultSet resultSet, RowDecoder decoder) throws SQLException {
        if (keyPositions == null) {
            List<String> columns = plan.pageColumns();
            keyPositions = plan.keyColumns().stream().mapToInt(columns::indexOf).toArray();
        }
        Object[] key = new Object[keyPositions.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = decoder.read(resultSet, keyPositions[k]);
        }
        lastKey = key;
    }
}
