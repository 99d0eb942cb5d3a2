package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyResult;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.ReadStrategy;
import io.rowferry.Row;
import io.rowferry.RowStream;
import io.rowferry.RowTransform;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import io.rowferry.WriteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every database must show, written once. Each database runs it through a small subclass that
 * says how to reach it ({@link #db()}, and {@link #target()} for a second database of the same kind).
 */
abstract class ConformanceSuite {

    /** The database under test. */
    protected abstract TestDatabase db();

    /** A second database of the same kind, the target of copies. */
    protected abstract TestDatabase target();

    private String table(String name) {
        return "rf_" + name;
    }

    private List<Row> readAll(RowStream rows) {
        List<Row> all = new ArrayList<>();
        try (rows) {
            rows.forEach(all::add);
        }
        return all;
    }

    private static void assertSampleInOrder(List<Row> rows, int expected) {
        assertThat(rows).hasSize(expected);
        long previous = 0;
        for (Row row : rows) {
            long id = SampleRow.check(row);
            assertThat(id).as("ids in key order without gaps").isEqualTo(previous + 1);
            previous = id;
        }
    }

    private static ErrorKind kindOf(Throwable e) {
        return ((RowferryException) e).kind();
    }

    // ---- reading ----

    @ParameterizedTest
    @EnumSource(ReadStrategy.class)
    void readsEveryRowExactlyWithEachStrategy(ReadStrategy strategy) throws Exception {
        String table = table("read_" + strategy.name().toLowerCase());
        db().createSample(table, 2_345);
        List<Row> rows = readAll(Rowferry.read(db().database()).table(table).strategy(strategy).fetchSize(500).open());
        if (strategy == ReadStrategy.CURSOR) {
            rows.sort(java.util.Comparator.comparingLong(r -> ((Number) r.get("id")).longValue()));
        }
        assertSampleInOrder(rows, 2_345);
    }

    @Test
    void autoChoosesKeysetWithAPrimaryKeyAndCursorWithout() throws Exception {
        String keyed = table("auto_keyed");
        db().createSample(keyed, 10);
        assertThat(Rowferry.read(db().database()).table(keyed).plan().strategy()).isEqualTo(ReadStrategy.KEYSET);

        String unkeyed = table("auto_unkeyed");
        db().dropTable(unkeyed);
        db().execute("CREATE TABLE " + unkeyed + " (a INTEGER, b " + db().varchar(20) + ")",
                "INSERT INTO " + unkeyed + " VALUES (1, 'x'), (2, NULL)");
        try (RowStream rows = Rowferry.read(db().database()).table(unkeyed).open()) {
            assertThat(rows.plan().strategy()).isEqualTo(ReadStrategy.CURSOR);
            assertThat(rows.stream().count()).isEqualTo(2);
        }
    }

    @Test
    void keysetHandlesAnEmptyTable() throws Exception {
        String table = table("empty");
        db().createSample(table, 0);
        try (RowStream rows = Rowferry.read(db().database()).table(table).keyset().open()) {
            assertThat(rows.schema().names()).extracting(String::toLowerCase)
                    .containsExactly("id", "customer", "amount", "created", "note");
            assertThat(rows.stream().count()).isZero();
        }
    }

    @Test
    void keysetPageBoundaryEqualToTheFetchSize() throws Exception {
        String table = table("boundary");
        db().createSample(table, 300);
        // 300 rows in pages of 100: the last full page is followed by an empty one.
        assertSampleInOrder(readAll(Rowferry.read(db().database()).table(table).keyset().fetchSize(100).open()), 300);
        // and a table holding exactly one page
        assertSampleInOrder(readAll(Rowferry.read(db().database()).table(table).keyset().fetchSize(300).open()), 300);
    }

    @Test
    void keysetOnACompositeKeyWithDuplicateLeadingValues() throws Exception {
        String table = table("composite");
        db().dropTable(table);
        db().execute("CREATE TABLE " + table + " (a INTEGER NOT NULL, b " + db().varchar(10) + " NOT NULL,"
                + " c INTEGER NOT NULL, v INTEGER, PRIMARY KEY (a, b, c))");
        List<String> values = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int a = 1; a <= 3; a++) {
            for (String b : List.of("x", "y")) {
                for (int c = 1; c <= 7; c++) {
                    values.add("(" + a + ", '" + b + "', " + c + ", " + (a * 100 + c) + ")");
                    expected.add(a + b + c);
                }
            }
        }
        db().execute("INSERT INTO " + table + " VALUES " + String.join(", ", values));
        // Pages of 4 rows cut through groups of equal leading values on both key levels.
        List<Row> rows = readAll(Rowferry.read(db().database()).table(table).keyset().fetchSize(4).open());
        assertThat(rows).extracting(r -> "" + ((Number) r.get("a")).intValue() + r.get("b") + ((Number) r.get("c")).intValue())
                .containsExactlyElementsOf(expected);
        // starting after a key in the middle
        List<Row> rest = readAll(Rowferry.read(db().database()).table(table).keyset().fetchSize(4)
                .startAfter(2, "x", 7).open());
        assertThat(rest).hasSize(expected.size() - expected.indexOf("2x7") - 1);
        assertThat(rest.get(0).get("b")).isEqualTo("y");
    }

    @Test
    void keysetRefusesANullableKey() throws Exception {
        String table = table("nullable_key");
        db().dropTable(table);
        db().execute("CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, code INTEGER UNIQUE, v INTEGER)");
        assertThatThrownBy(() -> Rowferry.read(db().database()).table(table).keyset().key("code").plan())
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("nullable")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("code"))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void keysetRefusesANonUniqueKey() throws Exception {
        String table = table("non_unique_key");
        db().dropTable(table);
        db().execute("CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, grp INTEGER NOT NULL)");
        assertThatThrownBy(() -> Rowferry.read(db().database()).table(table).keyset().key("grp").plan())
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("not unique");
        // and a table without any usable key cannot be read by keyset at all
        String unkeyed = table("no_key");
        db().dropTable(unkeyed);
        db().execute("CREATE TABLE " + unkeyed + " (a INTEGER)");
        assertThatThrownBy(() -> Rowferry.read(db().database()).table(unkeyed).keyset().plan())
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("no primary key");
    }

    @Test
    void keysetOnAUniqueNotNullKeyOtherThanThePrimaryKey() throws Exception {
        String table = table("unique_key");
        db().dropTable(table);
        db().execute("CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, code INTEGER NOT NULL UNIQUE)",
                "INSERT INTO " + table + " VALUES (1, 30), (2, 10), (3, 20)");
        List<Row> rows = readAll(Rowferry.read(db().database()).table(table).keyset().key("CODE").fetchSize(1).open());
        assertThat(rows).extracting(r -> ((Number) r.get("id")).intValue()).containsExactly(2, 3, 1);
    }

    @Test
    void columnsFilterAndQuery() throws Exception {
        String table = table("filtered");
        db().createSample(table, 100);
        List<Row> rows = readAll(Rowferry.read(db().database()).table(table).columns("NOTE", "id")
                .where("customer = 7").open());
        assertThat(rows).extracting(r -> ((Number) r.get("id")).longValue()).containsExactly(7L);
        assertThat(rows.get(0).schema().names()).extracting(String::toLowerCase).containsExactly("note", "id");
        assertThat(rows.get(0).get(0)).isEqualTo("note 7");

        List<Row> queried = readAll(Rowferry.read(db().database())
                .query("SELECT id, note FROM " + table + " WHERE id <= 10;").open());
        assertThat(queried).hasSize(10);
    }

    record Order(long id, int customer, BigDecimal amount, String note) {}

    @Test
    void mapsRowsToRecords() throws Exception {
        String table = table("records");
        db().createSample(table, 20);
        try (RowStream rows = Rowferry.read(db().database()).table(table).open();
                Stream<Order> orders = rows.as(Order.class)) {
            List<Order> list = orders.toList();
            assertThat(list).hasSize(20);
            assertThat(list.get(6)).isEqualTo(new Order(7, 7, SampleRow.amount(7), "note 7"));
        }
    }

    @Test
    void publisherDeliversOnlyWhatIsRequested() throws Exception {
        String table = table("publisher");
        db().createSample(table, 50);
        CountingDataSource counting = counting();
        RowStream rows = Rowferry.read(Database.of(counting).withDialect(db().database().dialect()))
                .table(table).fetchSize(10).open();
        List<Row> received = new ArrayList<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        rows.publisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(3);
            }

            @Override
            public void onNext(Row item) {
                received.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new AssertionError(throwable);
            }

            @Override
            public void onComplete() {}
        });
        assertThat(received).hasSize(3);
        subscription.get().request(2);
        assertThat(received).hasSize(5);
        subscription.get().cancel();
        assertThat(counting.openConnections()).isZero();
    }

    // ---- resources ----

    private CountingDataSource counting() {
        return db().countingDataSource();
    }

    @ParameterizedTest
    @EnumSource(value = ReadStrategy.class, names = {"CURSOR", "KEYSET"})
    void breakingOutOfAStreamEarlyReleasesEverything(ReadStrategy strategy) throws Exception {
        String table = table("early_close");
        db().createSample(table, 20_000);
        int before = db().awaitNoRowferrySessions();
        CountingDataSource counting = counting();
        Database database = Database.of(counting).withDialect(db().database().dialect());
        try (RowStream rows = Rowferry.read(database).table(table).strategy(strategy).open();
                Stream<Row> stream = rows.stream()) {
            assertThat(stream.limit(10).count()).isEqualTo(10);
            assertThat(counting.openConnections()).isEqualTo(1);
        }
        assertThat(counting.openConnections()).isZero();
        // and through the URL the CLI uses: the server's own session list
        try (RowStream rows = Rowferry.read(db().database()).table(table).strategy(strategy).open()) {
            Row first = rows.iterator().next();
            assertThat(first).isNotNull();
            if (before >= 0) {
                assertThat(db().openRowferrySessions()).isGreaterThanOrEqualTo(1);
            }
        }
        if (before >= 0) {
            assertThat(db().awaitNoRowferrySessions()).isZero();
        }
    }

    @Test
    void anExceptionInUserCodeReleasesEverything() throws Exception {
        String table = table("user_failure");
        db().createSample(table, 5_000);
        CountingDataSource counting = counting();
        Database database = Database.of(counting).withDialect(db().database().dialect());
        assertThatThrownBy(() -> {
                    try (RowStream rows = Rowferry.read(database).table(table).cursor().open()) {
                        for (Row row : rows) {
                            if (((Number) row.get("id")).longValue() == 42) {
                                throw new IllegalStateException("user code failed");
                            }
                        }
                    }
                })
                .hasMessage("user code failed");
        assertThat(counting.openConnections()).isZero();
        if (db().openRowferrySessions() >= 0) {
            assertThat(db().awaitNoRowferrySessions()).isZero();
        }
    }

    // ---- errors ----

    @Test
    void unknownTableAndColumnAreNamed() {
        assertThatThrownBy(() -> Rowferry.read(db().database()).table("rf_does_not_exist").open())
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("rf_does_not_exist")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> {
                    db().createSample(table("columns"), 1);
                    Rowferry.read(db().database()).table(table("columns")).columns("id", "nope").open();
                })
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("column nope not found");
    }

    // ---- copying ----

    @Test
    void copiesIntoAnotherDatabaseOfTheSameKind() throws Exception {
        String table = table("copy_source");
        db().createSample(table, 12_345);
        String targetTable = table("copy_target");
        target().createSample(targetTable, 0);
        CopyResult result = Rowferry.copy()
                .from(Rowferry.read(db().database()).table(table))
                .to(target().database(), targetTable)
                .batchSize(1_000)
                .run();
        assertThat(result.rowsRead()).isEqualTo(12_345);
        assertThat(result.rowsWritten()).isEqualTo(12_345);
        assertThat(result.batches()).isGreaterThanOrEqualTo(13);
        assertSampleInOrder(readAll(Rowferry.read(target().database()).table(targetTable).keyset().open()), 12_345);
    }

    @Test
    void transformsMapFilterAndDrop() throws Exception {
        String table = table("transform_source");
        db().createSample(table, 1_000);
        String targetTable = table("transform_target");
        target().createSample(targetTable, 0);
        RowTransform evenOnly = RowTransform.filter(row -> ((Number) row.get("id")).longValue() % 2 == 0);
        CopyResult result = Rowferry.copy()
                .from(Rowferry.read(db().database()).table(table))
                .to(target().database(), targetTable)
                .transform(evenOnly.andThen(row -> row.with("note", "changed")))
                .run();
        assertThat(result.rowsWritten()).isEqualTo(500);
        assertThat(result.rowsDropped()).isEqualTo(500);
        assertThat(target().count(targetTable)).isEqualTo(500);
        assertThat(target().queryLong("SELECT COUNT(*) FROM " + targetTable + " WHERE note = 'changed'"))
                .isEqualTo(500);
    }

    @Test
    void bulkWritesLeaveExactlyTheTableInsertsLeave() throws Exception {
        String source = table("bulk_source");
        int rows = TrickyRows.create(db(), source);
        boolean hasBulkPath = target().database().dialect()
                .bulkSink(target().database(), io.rowferry.TableRef.parse(source)).isPresent();
        if (!hasBulkPath) {
            // where the database has no bulk path, asking for one is refused before anything is written
            assertThatThrownBy(() -> Rowferry.copy()
                            .from(Rowferry.read(db().database()).table(source))
                            .to(target().database(), source)
                            .writeMode(WriteMode.BULK)
                            .run())
                    .isInstanceOf(RowferryException.class)
                    .hasMessageContaining("no bulk write path for " + target().database().dialect().id())
                    .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ErrorKind.USAGE));
            return;
        }
        List<List<Object>> written = new ArrayList<>();
        for (WriteMode mode : List.of(WriteMode.INSERT, WriteMode.BULK)) {
            String targetTable = table("bulk_" + mode.name().toLowerCase());
            target().dropTable(targetTable);
            target().execute(TrickyRows.ddl(target(), targetTable));
            CopyResult result = Rowferry.copy()
                    .from(Rowferry.read(db().database()).table(source))
                    .to(target().database(), targetTable)
                    .writeMode(mode)
                    .batchSize(4)
                    .run();
            assertThat(result.rowsWritten()).as(mode.name()).isEqualTo(rows);
            List<Object> values = new ArrayList<>();
            for (Row row : readAll(Rowferry.read(target().database()).table(targetTable).keyset().open())) {
                for (Object value : row.values()) {
                    values.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value);
                }
            }
            written.add(values);
        }
        assertThat(written.get(1)).as("bulk vs insert").containsExactlyElementsOf(written.get(0));
    }

    @Test
    void aConstraintViolationNamesTheRowAndKeepsOnlyCommittedBatches() throws Exception {
        String table = table("violation_source");
        db().createSample(table, 1_000);
        String targetTable = table("violation_target");
        target().createSample(targetTable, 0);
        target().execute("INSERT INTO " + targetTable + " (id, customer) VALUES (555, 1)");
        CountingDataSource counting = counting();
        assertThatThrownBy(() -> Rowferry.copy()
                        .from(Rowferry.read(Database.of(counting).withDialect(db().database().dialect())).table(table))
                        .to(target().database(), targetTable)
                        .batchSize(100)
                        .run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ErrorKind.CONSTRAINT))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase(targetTable))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("id=555"));
        // batches 1-500 committed; the batch holding 555 (501-600) rolled back entirely
        assertThat(target().count(targetTable)).isEqualTo(501);
        assertThat(target().queryLong("SELECT MAX(id) FROM " + targetTable + " WHERE id <> 555")).isEqualTo(500);
        assertThat(counting.openConnections()).isZero();
    }

    @Test
    void aFailingTransformStopsBothSidesAndReportsItsCause() throws Exception {
        String table = table("failing_transform");
        db().createSample(table, 5_000);
        String targetTable = table("failing_transform_target");
        target().createSample(targetTable, 0);
        CountingDataSource counting = counting();
        assertThatThrownBy(() -> Rowferry.copy()
                        .from(Rowferry.read(Database.of(counting).withDialect(db().database().dialect())).table(table))
                        .to(target().database(), targetTable)
                        .batchSize(1_000)
                        .transform(row -> {
                            if (((Number) row.get("id")).longValue() == 2_500) {
                                throw new IllegalArgumentException("bad row 2500");
                            }
                            return row;
                        })
                        .run())
                .hasMessageContaining("bad row 2500");
        assertThat(target().count(targetTable)).isEqualTo(2_000);
        assertThat(counting.openConnections()).isZero();
        if (db().openRowferrySessions() >= 0) {
            assertThat(db().awaitNoRowferrySessions()).isZero();
        }
    }
}
