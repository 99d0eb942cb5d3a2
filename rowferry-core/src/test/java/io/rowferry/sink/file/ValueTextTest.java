package io.rowferry.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ValueText's digit-by-digit formatting must give exactly the text of the formatters it replaced: the
 * {@code DateTimeFormatter}s below (as ValueText had them), {@code LocalDate.toString()} and
 * {@code BigDecimal.toPlainString()}, over edge values and many random ones.
 */
class ValueTextTest {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd ")
            .append(TIME)
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP_OFFSET = new DateTimeFormatterBuilder()
            .append(TIMESTAMP)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();
    private static final DateTimeFormatter TIME_OFFSET = new DateTimeFormatterBuilder()
            .append(TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private static final int[] YEARS = {1, 9, 10, 99, 100, 999, 1000, 1969, 1970, 2000, 2024, 9999, 10_000, 12_345,
        294_276, 999_999_999, 0, -1, -43, -999, -1000, -4712, -9999, -10_000, -999_999_999};
    private static final int[] NANOS = {0, 1, 10, 999, 1_000, 100_000, 123_456_000, 500_000_000, 999_999_999,
        123_456_789, 120_000_000, 100_000_000, 1_000_000};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 45),
        ZoneOffset.ofHoursMinutes(-3, -30), ZoneOffset.ofHours(18), ZoneOffset.ofHours(-18),
        ZoneOffset.ofHoursMinutesSeconds(1, 2, 3), ZoneOffset.ofHoursMinutesSeconds(0, 0, 30),
        ZoneOffset.ofHoursMinutesSeconds(0, 0, -30), ZoneOffset.ofHoursMinutes(0, -1), ZoneOffset.ofHours(-10)};

    private static List<LocalDateTime> timestamps() {
        List<LocalDateTime> values = new ArrayList<>(List.of(LocalDateTime.MIN, LocalDateTime.MAX));
        for (int year : YEARS) {
            for (int nanos : NANOS) {
                values.add(LocalDateTime.of(year, 1, 1, 0, 0, 0, nanos));
                values.add(LocalDateTime.of(year, 12, 31, 23, 59, 59, nanos));
                values.add(LocalDateTime.of(year, 2, 28, 9, 5, 7, nanos));
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-400_000_000_000L, 400_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                case 2 -> random.nextInt(1_000) * 1_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            values.add(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC));
        }
        return values;
    }

    @Test
    void timestampsDatesAndTimesAsTheFormattersWrote() {
        for (LocalDateTime timestamp : timestamps()) {
            assertThat(ValueText.of(timestamp)).isEqualTo(TIMESTAMP.format(timestamp));
            assertThat(ValueText.of(timestamp.toLocalDate())).isEqualTo(timestamp.toLocalDate().toString());
            assertThat(ValueText.of(timestamp.toLocalTime())).isEqualTo(TIME.format(timestamp.toLocalTime()));
        }
        assertThat(ValueText.of(LocalTime.MAX)).isEqualTo("23:59:59.999999999");
        assertThat(ValueText.of(LocalTime.MIDNIGHT)).isEqualTo("00:00:00");
        assertThat(ValueText.of(LocalDate.MIN)).isEqualTo(LocalDate.MIN.toString());
        assertThat(ValueText.of(LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000)))
                .isEqualTo("2024-03-31 02:30:00.123456");
        assertThat(ValueText.of(LocalDateTime.of(-43, 3, 15, 10, 0))).isEqualTo("-0043-03-15 10:00:00");
    }

    @Test
    void offsetsAsTheFormattersWrote() {
        List<LocalDateTime> timestamps = timestamps();
        for (int i = 0; i < timestamps.size(); i++) {
            LocalDateTime timestamp = timestamps.get(i);
            ZoneOffset offset = OFFSETS[i % OFFSETS.length];
            OffsetDateTime withOffset = OffsetDateTime.of(timestamp, offset);
            assertThat(ValueText.of(withOffset)).isEqualTo(TIMESTAMP_OFFSET.format(withOffset));
            OffsetTime time = OffsetTime.of(timestamp.toLocalTime(), offset);
            assertThat(ValueText.of(time)).isEqualTo(TIME_OFFSET.format(time));
        }
        assertThat(ValueText.of(OffsetDateTime.MIN)).isEqualTo(TIMESTAMP_OFFSET.format(OffsetDateTime.MIN));
        assertThat(ValueText.of(OffsetDateTime.MAX)).isEqualTo(TIMESTAMP_OFFSET.format(OffsetDateTime.MAX));
        assertThat(ValueText.of(OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, 0, -30))))
                .isEqualTo("10:00:00+00:00");
    }

    @Test
    void decimalsAsToPlainString() {
        List<BigDecimal> values = new ArrayList<>();
        for (String text : List.of("0", "0.00", "-0.01", "0.01", "1", "-1", "12.30", "-9999999999.99", "9999999999.99",
                "123456789012345678", "-123456789012345678", "1234567890123456789", "0.000000000000000001",
                "1E+3", "-1E+3", "1.5E-20", "99999999999999999999", "-0.5", "1.000000", "9223372036854775807",
                "-9223372036854775808", "9223372036854775808", "0." + "0".repeat(63) + "1", "0." + "0".repeat(64) + "1",
                "123456789012345678901234567890.123456789", "5E-64", "5E-65", "-5E-64", "1E+1000", "1E-1000")) {
            values.add(new BigDecimal(text));
        }
        values.add(BigDecimal.valueOf(Long.MAX_VALUE, 2));
        values.add(BigDecimal.valueOf(Long.MIN_VALUE, 5));
        values.add(new BigDecimal(BigInteger.TEN.pow(17), 3)); // an inflated value within 18 digits
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            long unscaled = switch (i % 3) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt();
                default -> random.nextInt(2_000) - 1_000;
            };
            values.add(BigDecimal.valueOf(unscaled, random.nextInt(-3, 70)));
        }
        for (BigDecimal value : values) {
            assertThat(ValueText.of(value)).as("scale %d, unscaled %s", value.scale(), value.unscaledValue())
                    .isEqualTo(value.toPlainString());
        }
    }
}
