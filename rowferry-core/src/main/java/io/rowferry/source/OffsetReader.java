package io.rowferry.source;

import io.rowferry.dialect.PageQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * {@code ORDER BY key LIMIT n OFFSET m} pages. Each page makes the server read and discard every row before
 * its offset, so a full read costs O(rows²); it exists to show why keyset pages are the right choice.
 */
final class OffsetReader extends PagedReader {
    private long offset;

    OffsetReader(ReadPlan plan) {
        super(plan);
    }

    @Override
    protected String pageSql(int limit) {
        return dialect.offsetPageSql(
                new PageQuery(plan.table(), plan.columns(), plan.keyColumns(), plan.filter(), false, limit), offset);
    }

    @Override
    protected void bindPage(PreparedStatement statement) throws java.sql.SQLException {
        plan.filterValues().bind(statement, 1);
    }

    @Override
    protected void afterRow(ResultSet resultSet, RowDecoder decoder) {}

    @Override
    protected void afterPage(int rows) {
        offset += rows;
    }
}
