package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.TableRef;
import io.rowferry.dialect.sqlserver.SqlServerDialect;
import org.junit.jupiter.api.Test;

class SqlServerDialectSqlTest extends DialectSqlContract {

    SqlServerDialectSqlTest() {
        super(new SqlServerDialect());
    }

    @Test
    @Override
    void quotesIdentifier() {
        assertThat(dialect.quoteIdentifier("order")).isEqualTo("[order]");
    }

    @Test
    @Override
    void quotesIdentifierContainingQuoteCharacter() {
        assertThat(dialect.quoteIdentifier("a[1]")).isEqualTo("[a[1]]]");
    }

    @Test
    @Override
    void qualifiesSchemaAndTable() {
        assertThat(dialect.qualifiedName(new TableRef(null, "sales", "orders"))).isEqualTo("[sales].[orders]");
    }

    /** A three-part name reaches another database on the same server. */
    @Test
    void qualifiesDatabaseSchemaAndTable() {
        assertThat(dialect.qualifiedName(new TableRef("shop", "dbo", "orders"))).isEqualTo("[shop].[dbo].[orders]");
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
                .isEqualTo("SELECT [id], [customer], [total] FROM [sales].[orders]");
    }

    @Test
    @Override
    void selectsWithFilter() {
        assertThat(dialect.selectSql(orders(), orderColumns(), ORDERS_FILTER))
                .isEqualTo("SELECT [id], [customer], [total] FROM [sales].[orders] WHERE total > 100");
    }

    @Test
    @Override
    void firstKeysetPage() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(false, null));
        assertThat(page.sql()).isEqualTo("SELECT TOP (500) [id], [customer], [total] FROM [sales].[orders] ORDER BY [id]");
        assertThat(page.parameterKeyIndexes()).isEmpty();
    }

    @Test
    @Override
    void nextKeysetPageWithOneColumnKey() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(true, null));
        assertThat(page.sql()).isEqualTo(
                "SELECT TOP (500) [id], [customer], [total] FROM [sales].[orders] WHERE [id] > ? ORDER BY [id]");
        assertThat(page.parameterKeyIndexes()).containsExactly(0);
    }

    @Test
    @Override
    void nextKeysetPageWithThreeColumnKey() {
        KeysetSql page = dialect.keysetPageSql(linesPage(true, null));
        assertThat(page.sql()).isEqualTo(
                "SELECT TOP (500) [region], [order_id], [line_no], [amount] FROM [sales].[order_lines]"
                        + " WHERE (([region] > ?) OR ([region] = ? AND [order_id] > ?)"
                        + " OR ([region] = ? AND [order_id] = ? AND [line_no] > ?))"
                        + " ORDER BY [region], [order_id], [line_no]");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    @Override
    void nextKeysetPageWithFilter() {
        KeysetSql page = dialect.keysetPageSql(linesPage(true, LINES_FILTER));
        assertThat(page.sql()).isEqualTo(
                "SELECT TOP (500) [region], [order_id], [line_no], [amount] FROM [sales].[order_lines]"
                        + " WHERE (amount > 100) AND (([region] > ?) OR ([region] = ? AND [order_id] > ?)"
                        + " OR ([region] = ? AND [order_id] = ? AND [line_no] > ?))"
                        + " ORDER BY [region], [order_id], [line_no]");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    @Override
    void offsetPage() {
        assertThat(dialect.offsetPageSql(ordersPage(false, ORDERS_FILTER), OFFSET))
                .isEqualTo("SELECT [id], [customer], [total] FROM [sales].[orders] WHERE total > 100"
                        + " ORDER BY [id] OFFSET 1500 ROWS FETCH NEXT 500 ROWS ONLY");
    }

    @Test
    @Override
    void insertsRow() {
        assertThat(dialect.insertSql(orders(), orderColumns()))
                .isEqualTo("INSERT INTO [sales].[orders] ([id], [customer], [total]) VALUES (?, ?, ?)");
    }

    @Test
    @Override
    void keysetRangePage() {
        KeysetSql page = dialect.keysetPageSql(linesRange());
        assertThat(page.sql()).isEqualTo(
                "SELECT TOP (500) [region], [order_id], [line_no], [amount] FROM [sales].[order_lines]"
                        + " WHERE (([region] > ?) OR ([region] = ? AND [order_id] > ?) OR ([region] = ? AND"
                        + " [order_id] = ? AND [line_no] > ?)) AND (([region] < ?) OR ([region] = ? AND [order_id] <"
                        + " ?) OR ([region] = ? AND [order_id] = ? AND [line_no] < ?) OR ([region] = ? AND"
                        + " [order_id] = ? AND [line_no] = ?)) ORDER BY [region], [order_id], [line_no]");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
        assertThat(page.upperKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2, 0, 1, 2);
    }

    @Test
    @Override
    void upsertsByPrimaryKey() {
        assertThat(dialect.upsertSql(orders(), orderColumns(), quoted("id"))).isEqualTo(
                "MERGE INTO [sales].[orders] WITH (HOLDLOCK) AS t USING (VALUES (?, ?, ?)) AS s ([id],"
                        + " [customer], [total]) ON t.[id] = s.[id] WHEN MATCHED THEN UPDATE SET t.[customer] ="
                        + " s.[customer], t.[total] = s.[total] WHEN NOT MATCHED THEN INSERT ([id], [customer],"
                        + " [total]) VALUES (s.[id], s.[customer], s.[total]);");
    }

    @Test
    @Override
    void samplesKeys() {
        assertThat(dialect.sampleKeysSql(orders(), quoted("id"), ORDERS_FILTER, 0.01)).isEqualTo(
                "SELECT [id] FROM [sales].[orders] WHERE (total > 100) AND (ABS(CAST(CHECKSUM(NEWID()) AS"
                        + " BIGINT)) % 1000000) / 1000000.0 < 0.01 ORDER BY [id]");
    }

    @Test
    @Override
    void canonicalTextsForVerification() {
        assertThat(canonicalTexts()).containsExactly(
                "CASE WHEN CAST([v] AS NVARCHAR(MAX)) LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(TRAILING "
                + "'0' FROM CAST([v] AS NVARCHAR(MAX)))) ELSE CAST([v] AS NVARCHAR(MAX)) END",
                "CONVERT(VARCHAR(26), CAST(SWITCHOFFSET([v], '+00:00') AS DATETIME2(6)), 121)",
                "CAST([v] AS NVARCHAR(MAX))",
                "LOWER(CONVERT(VARCHAR(MAX), [v], 2))",
                "RTRIM([v])");
    }

    @Test
    @Override
    void bucketAggregateForVerification() {
        assertThat(dialect.bucketAggregateSql(ordersBuckets(4, 2, false))).isEqualTo(
                "SELECT rf_bucket, COUNT(*), SUM(CAST(rf_hash AS DECIMAL(38, 0))) FROM (SELECT SUBSTRING(LO"
                + "WER(CONVERT(VARCHAR(32), HASHBYTES('MD5', CONVERT(VARCHAR(MAX), (COALESCE(CAST([id] AS NVA"
                + "RCHAR(MAX)), '~') + '|') COLLATE Latin1_General_100_BIN2_UTF8)), 2)), 1, 4) AS rf_bucket, "
                + "CONVERT(BIGINT, CONVERT(VARBINARY(8), '0' + SUBSTRING(LOWER(CONVERT(VARCHAR(32), HASHBYTES"
                + "('MD5', CONVERT(VARCHAR(MAX), ((COALESCE(CAST([id] AS NVARCHAR(MAX)), '~') + '|') + COALES"
                + "CE((CAST((LEN([customer] + N'x') - 1) AS NVARCHAR(MAX)) + ':' + [customer]), '~') + (COALE"
                + "SCE(CASE WHEN CAST([total] AS NVARCHAR(MAX)) LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(T"
                + "RAILING '0' FROM CAST([total] AS NVARCHAR(MAX)))) ELSE CAST([total] AS NVARCHAR(MAX)) END,"
                + " '~') + '|')) COLLATE Latin1_General_100_BIN2_UTF8)), 2)), 1, 15), 2)) AS rf_hash FROM [sa"
                + "les].[orders] WHERE (total > 100) AND SUBSTRING(LOWER(CONVERT(VARCHAR(32), HASHBYTES('MD5'"
                + ", CONVERT(VARCHAR(MAX), (COALESCE(CAST([id] AS NVARCHAR(MAX)), '~') + '|') COLLATE Latin1_"
                + "General_100_BIN2_UTF8)), 2)), 1, 3) IN (?, ?)) rf_rows GROUP BY rf_bucket");
    }

    @Test
    @Override
    void bucketRowsForVerification() {
        assertThat(dialect.bucketRowsSql(ordersBuckets(3, 2, true), quoted("id"))).isEqualTo(
                "SELECT (COALESCE(CAST([id] AS NVARCHAR(MAX)), '~') + '|'), CONVERT(BIGINT, CONVERT(VARBINA"
                + "RY(8), '0' + SUBSTRING(LOWER(CONVERT(VARCHAR(32), HASHBYTES('MD5', CONVERT(VARCHAR(MAX), ("
                + "(COALESCE(CAST([id] AS NVARCHAR(MAX)), '~') + '|') + COALESCE((CAST((LEN([customer] + N'x'"
                + ") - 1) AS NVARCHAR(MAX)) + ':' + [customer]), '~') + (COALESCE(CASE WHEN CAST([total] AS N"
                + "VARCHAR(MAX)) LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST([total] A"
                + "S NVARCHAR(MAX)))) ELSE CAST([total] AS NVARCHAR(MAX)) END, '~') + '|')) COLLATE Latin1_Ge"
                + "neral_100_BIN2_UTF8)), 2)), 1, 15), 2)), [id] FROM [sales].[orders] WHERE (total > 100) AN"
                + "D ([id] % 4096) IN (?, ?)");
    }
}
