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
}
