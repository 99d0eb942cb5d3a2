package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.TableRef;
import io.rowferry.dialect.duckdb.DuckDbDialect;
import org.junit.jupiter.api.Test;

class DuckDbDialectSqlTest extends DialectSqlContract {

    DuckDbDialectSqlTest() {
        super(new DuckDbDialect());
    }

    @Test
    @Override
    void quotesIdentifier() {
        assertThat(dialect.quoteIdentifier("order")).isEqualTo("\"order\"");
    }

    @Test
    @Override
    void quotesIdentifierContainingQuoteCharacter() {
        assertThat(dialect.quoteIdentifier("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    @Override
    void qualifiesSchemaAndTable() {
        assertThat(dialect.qualifiedName(new TableRef(null, "sales", "orders"))).isEqualTo("\"sales\".\"orders\"");
    }

    @Test
    @Override
    void saysWhetherCatalogIsSchema() {
        assertThat(dialect.catalogIsSchema()).isFalse();
    }

    @Test
    @Override
    void selectsWholeTable() {
        assertThat(dialect.selectSql(orders(), orderColumns(), null))
                .isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\"");
    }

    @Test
    @Override
    void selectsWithFilter() {
        assertThat(dialect.selectSql(orders(), orderColumns(), ORDERS_FILTER))
                .isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\" WHERE total > 100");
    }

    @Test
    @Override
    void firstKeysetPage() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(false, null));
        assertThat(page.sql()).isEqualTo(
                "SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\" ORDER BY \"id\" LIMIT 500");
        assertThat(page.parameterKeyIndexes()).isEmpty();
    }

    @Test
    @Override
    void nextKeysetPageWithOneColumnKey() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(true, null));
        assertThat(page.sql()).isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\""
                + " WHERE \"id\" > ? ORDER BY \"id\" LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0);
    }

    @Test
    @Override
    void nextKeysetPageWithThreeColumnKey() {
        KeysetSql page = dialect.keysetPageSql(linesPage(true, null));
        assertThat(page.sql()).isEqualTo(
                "SELECT \"region\", \"order_id\", \"line_no\", \"amount\" FROM \"sales\".\"order_lines\""
                        + " WHERE ((\"region\" > ?) OR (\"region\" = ? AND \"order_id\" > ?)"
                        + " OR (\"region\" = ? AND \"order_id\" = ? AND \"line_no\" > ?))"
                        + " ORDER BY \"region\", \"order_id\", \"line_no\" LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    @Override
    void nextKeysetPageWithFilter() {
        KeysetSql page = dialect.keysetPageSql(linesPage(true, LINES_FILTER));
        assertThat(page.sql()).isEqualTo(
                "SELECT \"region\", \"order_id\", \"line_no\", \"amount\" FROM \"sales\".\"order_lines\""
                        + " WHERE (amount > 100) AND ((\"region\" > ?) OR (\"region\" = ? AND \"order_id\" > ?)"
                        + " OR (\"region\" = ? AND \"order_id\" = ? AND \"line_no\" > ?))"
                        + " ORDER BY \"region\", \"order_id\", \"line_no\" LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    @Override
    void offsetPage() {
        assertThat(dialect.offsetPageSql(ordersPage(false, ORDERS_FILTER), OFFSET))
                .isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\" WHERE total > 100"
                        + " ORDER BY \"id\" LIMIT 500 OFFSET 1500");
    }

    @Test
    @Override
    void insertsRow() {
        assertThat(dialect.insertSql(orders(), orderColumns()))
                .isEqualTo("INSERT INTO \"sales\".\"orders\" (\"id\", \"customer\", \"total\") VALUES (?, ?, ?)");
    }

    @Test
    @Override
    void keysetRangePage() {
        KeysetSql page = dialect.keysetPageSql(linesRange());
        assertThat(page.sql()).isEqualTo(
                "SELECT \"region\", \"order_id\", \"line_no\", \"amount\" FROM \"sales\".\"order_lines\""
                        + " WHERE ((\"region\" > ?) OR (\"region\" = ? AND \"order_id\" > ?) OR (\"region\" = ? AND"
                        + " \"order_id\" = ? AND \"line_no\" > ?)) AND ((\"region\" < ?) OR (\"region\" = ? AND"
                        + " \"order_id\" < ?) OR (\"region\" = ? AND \"order_id\" = ? AND \"line_no\" < ?) OR"
                        + " (\"region\" = ? AND \"order_id\" = ? AND \"line_no\" = ?)) ORDER BY \"region\","
                        + " \"order_id\", \"line_no\" LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
        assertThat(page.upperKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2, 0, 1, 2);
    }

    @Test
    @Override
    void upsertsByPrimaryKey() {
        assertThat(dialect.upsertSql(orders(), orderColumns(), quoted("id"))).isEqualTo(
                "INSERT INTO \"sales\".\"orders\" (\"id\", \"customer\", \"total\") VALUES (?, ?, ?) ON"
                        + " CONFLICT (\"id\") DO UPDATE SET \"customer\" = EXCLUDED.\"customer\", \"total\" ="
                        + " EXCLUDED.\"total\"");
    }

    @Test
    @Override
    void samplesKeys() {
        assertThat(dialect.sampleKeysSql(orders(), quoted("id"), ORDERS_FILTER, 0.01)).isEqualTo(
                "SELECT \"id\" FROM \"sales\".\"orders\" WHERE (total > 100) AND random() < 0.01 ORDER BY"
                        + " \"id\"");
    }

    @Test
    @Override
    void canonicalTextsForVerification() {
        assertThat(canonicalTexts()).containsExactly(
                "CASE WHEN CAST(\"v\" AS VARCHAR) LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FR"
                + "OM CAST(\"v\" AS VARCHAR))) ELSE CAST(\"v\" AS VARCHAR) END",
                "strftime(timezone('UTC', \"v\"), '%Y-%m-%d %H:%M:%S.%f')",
                "CASE WHEN \"v\" THEN '1' WHEN NOT \"v\" THEN '0' END",
                "lower(hex(\"v\"))",
                "RTRIM(\"v\")");
    }

    @Test
    @Override
    void bucketAggregateForVerification() {
        assertThat(dialect.bucketAggregateSql(ordersBuckets(4, 2, false))).isEqualTo(
                "SELECT rf_bucket, COUNT(*), SUM(rf_hash) FROM (SELECT SUBSTR(md5((COALESCE(CAST(\"id\" AS VA"
                + "RCHAR), '~') || '|')), 1, 4) AS rf_bucket, CAST('0x' || substr(md5(((COALESCE(CAST(\"id\" AS"
                + " VARCHAR), '~') || '|') || COALESCE((CAST(length(\"customer\") AS VARCHAR) || ':' || \"custom"
                + "er\"), '~') || (COALESCE(CASE WHEN CAST(\"total\" AS VARCHAR) LIKE '%.%' THEN TRIM(TRAILING '"
                + ".' FROM TRIM(TRAILING '0' FROM CAST(\"total\" AS VARCHAR))) ELSE CAST(\"total\" AS VARCHAR) EN"
                + "D, '~') || '|'))), 1, 15) AS BIGINT) AS rf_hash FROM \"sales\".\"orders\" WHERE (total > 100) "
                + "AND SUBSTR(md5((COALESCE(CAST(\"id\" AS VARCHAR), '~') || '|')), 1, 3) IN (?, ?)) rf_rows GR"
                + "OUP BY rf_bucket");
    }

    @Test
    @Override
    void bucketRowsForVerification() {
        assertThat(dialect.bucketRowsSql(ordersBuckets(3, 2, true), quoted("id"))).isEqualTo(
                "SELECT (COALESCE(CAST(\"id\" AS VARCHAR), '~') || '|'), CAST('0x' || substr(md5(((COALESCE(C"
                + "AST(\"id\" AS VARCHAR), '~') || '|') || COALESCE((CAST(length(\"customer\") AS VARCHAR) || ':'"
                + " || \"customer\"), '~') || (COALESCE(CASE WHEN CAST(\"total\" AS VARCHAR) LIKE '%.%' THEN TRIM"
                + "(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(\"total\" AS VARCHAR))) ELSE CAST(\"total\" AS "
                + "VARCHAR) END, '~') || '|'))), 1, 15) AS BIGINT), \"id\" FROM \"sales\".\"orders\" WHERE (total >"
                + " 100) AND MOD(\"id\", 4096) IN (?, ?)");
    }
}
