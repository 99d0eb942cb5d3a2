package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.TableRef;
import io.rowferry.dialect.mariadb.MariaDbDialect;
import io.rowferry.schema.SqlType;
import org.junit.jupiter.api.Test;

class MariaDbDialectSqlTest extends DialectSqlContract {

    MariaDbDialectSqlTest() {
        super(new MariaDbDialect());
    }

    @Test
    @Override
    void quotesIdentifier() {
        assertThat(dialect.quoteIdentifier("order")).isEqualTo("`order`");
    }

    @Test
    @Override
    void quotesIdentifierContainingQuoteCharacter() {
        assertThat(dialect.quoteIdentifier("say `hi`")).isEqualTo("`say ``hi```");
    }

    @Test
    @Override
    void qualifiesSchemaAndTable() {
        assertThat(dialect.qualifiedName(new TableRef(null, "sales", "orders"))).isEqualTo("`sales`.`orders`");
    }

    /** The database is the JDBC catalog: {@code shop.orders} resolves to catalog {@code shop}, no schema. */
    @Test
    void qualifiesCatalogAndTable() {
        assertThat(dialect.qualifiedName(new TableRef("shop", null, "orders"))).isEqualTo("`shop`.`orders`");
    }

    @Test
    @Override
    void saysWhetherCatalogIsSchema() {
        assertThat(dialect.catalogIsSchema()).isTrue();
    }

    @Test
    @Override
    void selectsWholeTable() {
        assertThat(dialect.selectSql(orders(), orderColumns(), null))
                .isEqualTo("SELECT `id`, `customer`, `total` FROM `sales`.`orders`");
    }

    @Test
    @Override
    void selectsWithFilter() {
        assertThat(dialect.selectSql(orders(), orderColumns(), ORDERS_FILTER))
                .isEqualTo("SELECT `id`, `customer`, `total` FROM `sales`.`orders` WHERE total > 100");
    }

    @Test
    @Override
    void firstKeysetPage() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(false, null));
        assertThat(page.sql())
                .isEqualTo("SELECT `id`, `customer`, `total` FROM `sales`.`orders` ORDER BY `id` LIMIT 500");
        assertThat(page.parameterKeyIndexes()).isEmpty();
    }

    @Test
    @Override
    void nextKeysetPageWithOneColumnKey() {
        KeysetSql page = dialect.keysetPageSql(ordersPage(true, null));
        assertThat(page.sql()).isEqualTo(
                "SELECT `id`, `customer`, `total` FROM `sales`.`orders` WHERE `id` > ? ORDER BY `id` LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0);
    }

    @Test
    @Override
    void nextKeysetPageWithThreeColumnKey() {
        KeysetSql page = dialect.keysetPageSql(linesPage(true, null));
        assertThat(page.sql()).isEqualTo("SELECT `region`, `order_id`, `line_no`, `amount` FROM `sales`.`order_lines`"
                + " WHERE (`region`, `order_id`, `line_no`) > (?, ?, ?)"
                + " ORDER BY `region`, `order_id`, `line_no` LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 1, 2);
    }

    @Test
    @Override
    void nextKeysetPageWithFilter() {
        KeysetSql page = dialect.keysetPageSql(linesPage(true, LINES_FILTER));
        assertThat(page.sql()).isEqualTo("SELECT `region`, `order_id`, `line_no`, `amount` FROM `sales`.`order_lines`"
                + " WHERE (amount > 100) AND (`region`, `order_id`, `line_no`) > (?, ?, ?)"
                + " ORDER BY `region`, `order_id`, `line_no` LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 1, 2);
    }

    @Test
    @Override
    void offsetPage() {
        assertThat(dialect.offsetPageSql(ordersPage(false, ORDERS_FILTER), OFFSET))
                .isEqualTo("SELECT `id`, `customer`, `total` FROM `sales`.`orders` WHERE total > 100"
                        + " ORDER BY `id` LIMIT 500 OFFSET 1500");
    }

    @Test
    @Override
    void insertsRow() {
        assertThat(dialect.insertSql(orders(), orderColumns()))
                .isEqualTo("INSERT INTO `sales`.`orders` (`id`, `customer`, `total`) VALUES (?, ?, ?)");
    }

    @Test
    @Override
    void keysetRangePage() {
        KeysetSql page = dialect.keysetPageSql(linesRange());
        assertThat(page.sql()).isEqualTo(
                "SELECT `region`, `order_id`, `line_no`, `amount` FROM `sales`.`order_lines` WHERE"
                        + " (`region`, `order_id`, `line_no`) > (?, ?, ?) AND (`region`, `order_id`, `line_no`) <="
                        + " (?, ?, ?) ORDER BY `region`, `order_id`, `line_no` LIMIT 500");
        assertThat(page.parameterKeyIndexes()).containsExactly(0, 1, 2);
        assertThat(page.upperKeyIndexes()).containsExactly(0, 1, 2);
    }

    @Test
    @Override
    void upsertsByPrimaryKey() {
        assertThat(dialect.upsertSql(orders(), orderColumns(), quoted("id"))).isEqualTo(
                "INSERT INTO `sales`.`orders` (`id`, `customer`, `total`) VALUES (?, ?, ?) ON DUPLICATE"
                        + " KEY UPDATE `customer` = VALUES(`customer`), `total` = VALUES(`total`)");
    }

    @Test
    @Override
    void samplesKeys() {
        assertThat(dialect.sampleKeysSql(orders(), quoted("id"), ORDERS_FILTER, 0.01)).isEqualTo(
                "SELECT `id` FROM `sales`.`orders` WHERE (total > 100) AND RAND() < 0.01 ORDER BY `id`");
    }

    @Test
    @Override
    void canonicalTextsForVerification() {
        assertThat(canonicalTexts()).containsExactly(
                "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM `v`))",
                "`v`",
                "CAST(`v` + 0 AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin",
                "LOWER(HEX(`v`))",
                "RTRIM(`v`)");
    }

    /** DATETIME and TIMESTAMP print their declared fraction digits; the canonical text has six. */
    @Test
    void datetimeFractionsPaddedToSix() {
        assertThat(dialect.canonicalTextSql("`v`", SqlType.sized(SqlType.Kind.TIMESTAMP, 3)))
                .isEqualTo("CONCAT(`v`, '000')");
        assertThat(dialect.canonicalTextSql("`v`", SqlType.sized(SqlType.Kind.TIMESTAMP, 0)))
                .isEqualTo("CONCAT(`v`, '.000000')");
        assertThat(dialect.canonicalTextSql("`v`", SqlType.decimal(10, 0))).isEqualTo("`v`");
    }

    @Test
    @Override
    void bucketAggregateForVerification() {
        assertThat(dialect.bucketAggregateSql(ordersBuckets(4, 2, false))).isEqualTo(
                "SELECT rf_bucket, COUNT(*), SUM(rf_hash) FROM (SELECT SUBSTR(MD5(CONVERT(CONCAT(COALESCE(`id`, '"
                + "~'), '|') USING utf8mb4)), 1, 4) AS rf_bucket, CAST(CONV(LEFT(MD5(CONVERT(CONCAT(COALESCE(`id`, "
                + "'~'), '|', COALESCE(CONCAT(CHAR_LENGTH(`customer`), ':', `customer`), '~'), COALESCE(TRIM(TRAILI"
                + "NG '.' FROM TRIM(TRAILING '0' FROM `total`)), '~'), '|') USING utf8mb4)), 15), 16, 10) AS UNSIGN"
                + "ED) AS rf_hash FROM `sales`.`orders` WHERE (total > 100) AND SUBSTR(MD5(CONVERT(CONCAT(COALESCE("
                + "`id`, '~'), '|') USING utf8mb4)), 1, 3) IN (?, ?)) rf_rows GROUP BY rf_bucket");
    }

    @Test
    @Override
    void bucketRowsForVerification() {
        assertThat(dialect.bucketRowsSql(ordersBuckets(3, 2, true), quoted("id"))).isEqualTo(
                "SELECT CONCAT(COALESCE(`id`, '~'), '|'), CAST(CONV(LEFT(MD5(CONVERT(CONCAT(COALESCE(`id`, '~'), "
                + "'|', COALESCE(CONCAT(CHAR_LENGTH(`customer`), ':', `customer`), '~'), COALESCE(TRIM(TRAILING '.'"
                + " FROM TRIM(TRAILING '0' FROM `total`)), '~'), '|') USING utf8mb4)), 15), 16, 10) AS UNSIGNED), `"
                + "id` FROM `sales`.`orders` WHERE (total > 100) AND MOD(`id`, 4096) IN (?, ?)");
    }
}
