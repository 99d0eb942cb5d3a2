package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.TableRef;
import io.rowferry.dialect.oracle.OracleDialect;
import org.junit.jupiter.api.Test;

class OracleDialectSqlTest extends DialectSqlContract {

    OracleDialectSqlTest() {
        super(new OracleDialect());
    }

    @Test
    @Override
    void quotesIdentifier() {
        assertThat(dialect.quoteIdentifier("ORDER")).isEqualTo("\"ORDER\"");
    }

    /** Oracle itself forbids {@code "} in names, so such a name must at least stay one (failing) identifier. */
    @Test
    @Override
    void quotesIdentifierContainingQuoteCharacter() {
        assertThat(dialect.quoteIdentifier("SAY \"HI\"")).isEqualTo("\"SAY \"\"HI\"\"\"");
    }

    @Test
    @Override
    void qualifiesSchemaAndTable() {
        assertThat(dialect.qualifiedName(new TableRef(null, "SALES", "ORDERS"))).isEqualTo("\"SALES\".\"ORDERS\"");
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
        assertThat(page.sql()).isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\""
                + " ORDER BY \"id\" FETCH FIRST 500 ROWS ONLY");
        assertThat(page.parameterKeyIndexes()).isEmpty();
    }

    @Test
    @Override
    void nextKeysetPageWithOneColumnKey() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(true, null));
        assertThat(page.sql()).isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\""
                + " WHERE \"id\" > ? ORDER BY \"id\" FETCH FIRST 500 ROWS ONLY");
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
                        + " ORDER BY \"region\", \"order_id\", \"line_no\" FETCH FIRST 500 ROWS ONLY");
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
                        + " ORDER BY \"region\", \"order_id\", \"line_no\" FETCH FIRST 500 ROWS ONLY");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    @Override
    void offsetPage() {
        assertThat(dialect.offsetPageSql(ordersPage(false, ORDERS_FILTER), OFFSET))
                .isEqualTo("SELECT \"id\", \"customer\", \"total\" FROM \"sales\".\"orders\" WHERE total > 100"
                        + " ORDER BY \"id\" OFFSET 1500 ROWS FETCH NEXT 500 ROWS ONLY");
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
                        + " \"order_id\", \"line_no\" FETCH FIRST 500 ROWS ONLY");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2);
        assertThat(page.upperKeyIndexes()).containsExactly(0, 0, 1, 0, 1, 2, 0, 1, 2);
    }

    @Test
    @Override
    void upsertsByPrimaryKey() {
        assertThat(dialect.upsertSql(orders(), orderColumns(), quoted("id"))).isEqualTo(
                "MERGE INTO \"sales\".\"orders\" t USING (SELECT ? \"id\", ? \"customer\", ? \"total\""
                        + " FROM DUAL) s ON (t.\"id\" = s.\"id\") WHEN MATCHED THEN UPDATE SET t.\"customer\" ="
                        + " s.\"customer\", t.\"total\" = s.\"total\" WHEN NOT MATCHED THEN INSERT (\"id\","
                        + " \"customer\", \"total\") VALUES (s.\"id\", s.\"customer\", s.\"total\")");
    }

    @Test
    @Override
    void samplesKeys() {
        assertThat(dialect.sampleKeysSql(orders(), quoted("id"), ORDERS_FILTER, 0.01)).isEqualTo(
                "SELECT \"id\" FROM \"sales\".\"orders\" WHERE (total > 100) AND DBMS_RANDOM.VALUE < 0.01"
                        + " ORDER BY \"id\"");
    }

    @Test
    @Override
    void canonicalTextsForVerification() {
        assertThat(canonicalTexts()).containsExactly(
                "REGEXP_REPLACE(TO_CHAR(\"v\"), '^(-?)\\.', '\\10.')",
                "TO_CHAR(SYS_EXTRACT_UTC(\"v\"), 'YYYY-MM-DD HH24:MI:SS.FF6')",
                "TO_CHAR(\"v\")",
                "LOWER(RAWTOHEX(\"v\"))",
                "RTRIM(\"v\")");
    }

    @Test
    @Override
    void bucketAggregateForVerification() {
        assertThat(dialect.bucketAggregateSql(ordersBuckets(4, 2, false))).isEqualTo(
                "SELECT rf_bucket, COUNT(*), SUM(rf_hash) FROM (SELECT SUBSTR(LOWER(RAWTOHEX(STANDARD_HASH("
                + "(COALESCE(REGEXP_REPLACE(TO_CHAR(\"id\"), '^(-?)\\.', '\\10.'), '~') || '|'), 'MD5'))), 1, 4) "
                + "AS rf_bucket, TO_NUMBER(SUBSTR(RAWTOHEX(STANDARD_HASH(((COALESCE(REGEXP_REPLACE(TO_CHAR(\"i"
                + "d\"), '^(-?)\\.', '\\10.'), '~') || '|') || CASE WHEN \"customer\" IS NULL THEN '~' ELSE LENGTH"
                + "(\"customer\") || ':' || \"customer\" END || (COALESCE(REGEXP_REPLACE(TO_CHAR(\"total\"), '^(-?)"
                + "\\.', '\\10.'), '~') || '|')), 'MD5')), 1, 15), 'XXXXXXXXXXXXXXX') AS rf_hash FROM \"sales\".\""
                + "orders\" WHERE (total > 100) AND SUBSTR(LOWER(RAWTOHEX(STANDARD_HASH((COALESCE(REGEXP_REPLA"
                + "CE(TO_CHAR(\"id\"), '^(-?)\\.', '\\10.'), '~') || '|'), 'MD5'))), 1, 3) IN (?, ?)) rf_rows GRO"
                + "UP BY rf_bucket");
    }

    @Test
    @Override
    void bucketRowsForVerification() {
        assertThat(dialect.bucketRowsSql(ordersBuckets(3, 2, true), quoted("id"))).isEqualTo(
                "SELECT (COALESCE(REGEXP_REPLACE(TO_CHAR(\"id\"), '^(-?)\\.', '\\10.'), '~') || '|'), TO_NUMBER"
                + "(SUBSTR(RAWTOHEX(STANDARD_HASH(((COALESCE(REGEXP_REPLACE(TO_CHAR(\"id\"), '^(-?)\\.', '\\10.')"
                + ", '~') || '|') || CASE WHEN \"customer\" IS NULL THEN '~' ELSE LENGTH(\"customer\") || ':' || "
                + "\"customer\" END || (COALESCE(REGEXP_REPLACE(TO_CHAR(\"total\"), '^(-?)\\.', '\\10.'), '~') || '"
                + "|')), 'MD5')), 1, 15), 'XXXXXXXXXXXXXXX'), \"id\" FROM \"sales\".\"orders\" WHERE (total > 100) "
                + "AND MOD(\"id\", 4096) IN (?, ?)");
    }
}
