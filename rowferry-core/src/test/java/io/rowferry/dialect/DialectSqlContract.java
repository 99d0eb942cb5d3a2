package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.TableRef;
import io.rowferry.schema.SqlType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL every dialect renders, stated exactly once per dialect by a {@code <Db>DialectSqlTest}. Each abstract
 * test below must be implemented there, so no dialect can skip a case; the implementation must carry
 * {@code @Test} again, because JUnit does not run an overriding method whose own declaration lacks it
 * ({@link #everyContractTestIsATestInThisClass} fails if one does).
 *
 * <p>The fixtures are two tables: {@code sales.orders} with the one-column key {@code id}, and
 * {@code sales.order_lines} with the three-column key {@code (region, order_id, line_no)}. Names are quoted and
 * qualified by the dialect under test, as the engine does before it asks for a page.
 */
abstract class DialectSqlContract {

    static final int PAGE_SIZE = 500;
    static final long OFFSET = 1500;
    static final String ORDERS_FILTER = "total > 100";
    static final String LINES_FILTER = "amount > 100";

    final Dialect dialect;

    DialectSqlContract(Dialect dialect) {
        this.dialect = dialect;
    }

    // ---- fixtures ----

    String orders() {
        return dialect.qualifiedName(new TableRef(null, "sales", "orders"));
    }

    List<String> orderColumns() {
        return quoted("id", "customer", "total");
    }

    PageQuery ordersPage(boolean afterKey, String filter) {
        return new PageQuery(orders(), orderColumns(), quoted("id"), filter, afterKey, PAGE_SIZE);
    }

    PageQuery linesPage(boolean afterKey, String filter) {
        String lines = dialect.qualifiedName(new TableRef(null, "sales", "order_lines"));
        return new PageQuery(lines, quoted("region", "order_id", "line_no", "amount"),
                quoted("region", "order_id", "line_no"), filter, afterKey, PAGE_SIZE);
    }

    /** A split's page of {@code sales.order_lines}: after one key, up to another (included). */
    PageQuery linesRange() {
        String lines = dialect.qualifiedName(new TableRef(null, "sales", "order_lines"));
        return new PageQuery(lines, quoted("region", "order_id", "line_no", "amount"),
                quoted("region", "order_id", "line_no"), null, true, PAGE_SIZE, true);
    }

    /** The canonical texts of a column {@code v} of DECIMAL(12,2), TIMESTAMP_TZ(6), BOOLEAN, VARBINARY(16), CHAR(5). */
    List<String> canonicalTexts() {
        return Stream.of(SqlType.decimal(12, 2), SqlType.sized(SqlType.Kind.TIMESTAMP_TZ, 6),
                        SqlType.of(SqlType.Kind.BOOLEAN), SqlType.sized(SqlType.Kind.VARBINARY, 16),
                        SqlType.sized(SqlType.Kind.CHAR, 5))
                .map(type -> dialect.canonicalTextSql(dialect.quoteIdentifier("v"), type)).toList();
    }

    /**
     * A verification pass over {@code sales.orders} (key {@code id} BIGINT, compared columns {@code id},
     * {@code customer} VARCHAR(50) and {@code total} DECIMAL(12,2); the numbers delimited, the text length-prefixed)
     * with {@link #ORDERS_FILTER}: buckets of {@code digits} digits within {@code parents} parent buckets, by the MD5
     * of the key text or, with {@code integerBuckets}, by {@code id} modulo 16^digits.
     */
    BucketQuery ordersBuckets(int digits, int parents, boolean integerBuckets) {
        String id = dialect.canonicalTextSql(dialect.quoteIdentifier("id"), SqlType.integer(64, false));
        String customer = dialect.canonicalTextSql(dialect.quoteIdentifier("customer"),
                SqlType.sized(SqlType.Kind.VARCHAR, 50));
        String total = dialect.canonicalTextSql(dialect.quoteIdentifier("total"), SqlType.decimal(12, 2));
        return new BucketQuery(orders(), dialect.rowTextSql(List.of(id), List.of(true)),
                dialect.rowTextSql(List.of(id, customer, total), List.of(true, false, true)), ORDERS_FILTER, digits,
                parents, integerBuckets ? dialect.quoteIdentifier("id") : null);
    }

    /**
     * A share of a first pass split over several connections: its buckets have the pass's length but its
     * placeholders name one-digit buckets, in the aggregate and in the rows of buckets alike, by MD5 or by modulo.
     */
    @Test
    void aShareOfTheFirstPassIsNamedByOneDigitBuckets() {
        AbstractDialect sql = (AbstractDialect) dialect;
        for (boolean integerBuckets : List.of(false, true)) {
            BucketQuery pass = ordersBuckets(3, 3, integerBuckets);
            BucketQuery share = new BucketQuery(pass.table(), pass.keyText(), pass.rowText(), pass.filter(),
                    pass.prefixLength(), pass.parentBuckets(), pass.integerKey(), 1);
            String shareCondition = sql.bucketSql(share, 1) + " IN (?, ?, ?)";
            assertThat(dialect.bucketAggregateSql(share))
                    .contains(sql.bucketSql(share, 3) + " AS rf_bucket")
                    .contains(shareCondition)
                    .isEqualTo(dialect.bucketAggregateSql(pass).replace(sql.bucketSql(pass, 2) + " IN (", 
                            sql.bucketSql(pass, 1) + " IN ("));
            assertThat(dialect.bucketRowsSql(share, quoted("id"))).contains(shareCondition)
                    .isEqualTo(dialect.bucketRowsSql(pass, quoted("id")).replace(sql.bucketSql(pass, 3) + " IN (",
                            sql.bucketSql(pass, 1) + " IN ("));
        }
    }

    List<String> quoted(String... names) {
        return Stream.of(names).map(dialect::quoteIdentifier).toList();
    }

    // ---- the contract ----

    /** {@code order}, a reserved word. */
    @Test
    abstract void quotesIdentifier();

    /** A name containing the dialect's own quote character. */
    @Test
    abstract void quotesIdentifierContainingQuoteCharacter();

    /** {@code sales.orders}. */
    @Test
    abstract void qualifiesSchemaAndTable();

    @Test
    abstract void saysWhetherCatalogIsSchema();

    /** {@code selectSql} of {@code sales.orders}, no filter. */
    @Test
    abstract void selectsWholeTable();

    /** {@code selectSql} of {@code sales.orders} with {@link #ORDERS_FILTER}. */
    @Test
    abstract void selectsWithFilter();

    /** The first keyset page of {@code sales.orders}: no key condition, no parameters. */
    @Test
    abstract void firstKeysetPage();

    /** A later keyset page of {@code sales.orders}, after the last {@code id}. */
    @Test
    abstract void nextKeysetPageWithOneColumnKey();

    /** A later keyset page of {@code sales.order_lines}: the SQL and which key part each {@code ?} binds. */
    @Test
    abstract void nextKeysetPageWithThreeColumnKey();

    /** A later keyset page of {@code sales.order_lines} with {@link #LINES_FILTER}: the filter must not leak into the key condition. */
    @Test
    abstract void nextKeysetPageWithFilter();

    /** An offset page of {@code sales.orders} with {@link #ORDERS_FILTER}, {@link #PAGE_SIZE} rows from {@link #OFFSET}. */
    @Test
    abstract void offsetPage();

    /** {@code insertSql} for {@code sales.orders}. */
    @Test
    abstract void insertsRow();

    /** A page of one key range, {@link #linesRange()}: the lower bound's placeholders first, then the upper's. */
    @Test
    abstract void keysetRangePage();

    /** {@code upsertSql} for {@code sales.orders} keyed on {@code id}. */
    @Test
    abstract void upsertsByPrimaryKey();

    /** {@code sampleKeysSql} of {@code sales.orders}' ids, with the filter, at 1 %. */
    @Test
    abstract void samplesKeys();

    /** {@link #canonicalTexts()}: how this database prints each value for the row hash (docs/verify.md). */
    @Test
    abstract void canonicalTextsForVerification();

    /** {@code bucketAggregateSql} of {@link #ordersBuckets} with 4 MD5 digits within 2 parent buckets. */
    @Test
    abstract void bucketAggregateForVerification();

    /** {@code bucketRowsSql} of {@link #ordersBuckets} by {@code id} modulo 16^3, 2 buckets, selecting {@code id}. */
    @Test
    abstract void bucketRowsForVerification();

    @Test
    void everyContractTestIsATestInThisClass() {
        List<String> notRun = new ArrayList<>();
        for (Method contract : DialectSqlContract.class.getDeclaredMethods()) {
            if (Modifier.isAbstract(contract.getModifiers()) && contract.isAnnotationPresent(Test.class)
                    && !implementation(contract.getName()).isAnnotationPresent(Test.class)) {
                notRun.add(contract.getName());
            }
        }
        assertThat(notRun).as("implementations without @Test in %s", getClass().getSimpleName()).isEmpty();
    }

    private Method implementation(String name) {
        for (Class<?> type = getClass(); type != DialectSqlContract.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0) {
                    return method;
                }
            }
        }
        throw new AssertionError("no implementation of " + name);
    }
}
