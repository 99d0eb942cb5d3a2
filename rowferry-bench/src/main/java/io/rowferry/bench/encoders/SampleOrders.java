package io.rowferry.bench.encoders;

import io.rowferry.Column;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * In-memory rows shaped like the end-to-end benchmark's orders table, with the Java types Rowferry's readers produce
 * for it (Long, String, BigDecimal, LocalDateTime, null), from a fixed seed so every run encodes the same bytes.
 */
public final class SampleOrders {
    /** Rows per benchmark invocation. */
    public static final int ROWS = 1_000;

    public static final RowSchema SCHEMA = new RowSchema(List.of(
            new Column("order_id", Types.BIGINT, "int8", 19, 0, false),
            new Column("customer_id", Types.BIGINT, "int8", 19, 0, false),
            new Column("status", Types.VARCHAR, "varchar", 16, 0, false),
            new Column("currency", Types.CHAR, "bpchar", 3, 0, false),
            new Column("amount", Types.NUMERIC, "numeric", 12, 2, false),
            new Column("tax", Types.NUMERIC, "numeric", 12, 2, false),
            new Column("shipping", Types.NUMERIC, "numeric", 10, 2, false),
            new Column("created_at", Types.TIMESTAMP, "timestamp", 26, 6, false),
            new Column("updated_at", Types.TIMESTAMP, "timestamp", 26, 6, false),
            new Column("shipped_at", Types.TIMESTAMP, "timestamp", 26, 6, true),
            new Column("email", Types.VARCHAR, "varchar", 254, 0, false),
            new Column("shipping_address", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, false),
            new Column("note", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, true),
            new Column("attributes", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, false)));

    private static final String[] STATUS = {"pending", "cancelled", "paid", "paid", "shipped", "shipped", "delivered"};
    private static final String[] CURRENCY = {"USD", "EUR", "GBP", "USD", "JPY"};
    private static final String[] STREET = {"Main Street", "Oak Avenue", "Rue de la Paix", "Hauptstraße"};
    private static final String[] CITY = {"Springfield", "Paris", "München", "Leeds"};
    private static final LocalDateTime BASE = LocalDateTime.of(2023, 1, 1, 0, 0);

    private SampleOrders() {}

    public static List<Row> batch() {
        SplittableRandom random = new SplittableRandom(42);
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            LocalDateTime created = BASE.plusSeconds(random.nextInt(63_072_000)).plusNanos(random.nextInt(1_000_000) * 1000L);
            int status = random.nextInt(STATUS.length);
            long customer = 1 + random.nextInt(250_000);
            String hex = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            rows.add(new Row(SCHEMA, new Object[] {
                (long) i,
                customer,
                STATUS[status],
                CURRENCY[random.nextInt(CURRENCY.length)],
                BigDecimal.valueOf(random.nextInt(5_000_000), 2),
                BigDecimal.valueOf(random.nextInt(1_000_000), 2),
                BigDecimal.valueOf(random.nextInt(4_000), 2),
                created,
                created.plusSeconds(random.nextInt(864_000)),
                status >= 4 ? created.plusSeconds(3_600 + random.nextInt(400_000)).withNano(random.nextInt(1_000_000) * 1000) : null,
                "customer" + customer + "." + hex.substring(0, 6) + "@example.com",
                (1 + random.nextInt(9_999)) + " " + STREET[random.nextInt(STREET.length)] + ", Apt "
                        + (1 + random.nextInt(500)) + ", " + CITY[random.nextInt(CITY.length)] + ", "
                        + String.format("%05d", random.nextInt(100_000)) + ", Germany",
                switch (i % 3) {
                    case 0 -> null;
                    case 1 -> "Leave it at the back door, ring twice. Ref " + hex.substring(0, 12);
                    default -> "Gift wrap, please; put the receipt \"" + hex.substring(0, 8) + "\" in a separate envelope.";
                },
                "{\"channel\":\"web\",\"device\":\"mobile\",\"items\":" + (1 + random.nextInt(12))
                        + ",\"coupon\":null,\"gift\":false,\"utm\":{\"source\":\"newsletter\",\"campaign\":\""
                        + hex.substring(0, 16) + "\"},\"session\":\"" + hex + "\"}"
            }));
        }
        return rows;
    }
}
