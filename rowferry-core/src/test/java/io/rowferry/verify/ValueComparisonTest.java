package io.rowferry.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Java judge of rows whose hashes differ: equal values read from two databases, and values that are not. */
class ValueComparisonTest {
    private static final SqlType DECIMAL = SqlType.decimal(12, 2);
    private static final SqlType TEXT = SqlType.of(Kind.TEXT);
    private static final SqlType JSON = SqlType.of(Kind.JSON);
    private static final SqlType JSONB = SqlType.of(Kind.JSONB);

    @Test
    void numbersAreComparedByValue() {
        assertThat(ValueComparison.same(new BigDecimal("1.50"), DECIMAL, new BigDecimal("1.5"), DECIMAL)).isTrue();
        assertThat(ValueComparison.same(1L, DECIMAL, new BigDecimal("1.00"), DECIMAL)).isTrue();
        assertThat(ValueComparison.same(true, DECIMAL, 1, DECIMAL)).isTrue();
        assertThat(ValueComparison.same(0.1f, DECIMAL, (double) 0.1f, DECIMAL)).isTrue();
        assertThat(ValueComparison.same(new BigDecimal("1.51"), DECIMAL, new BigDecimal("1.5"), DECIMAL)).isFalse();
        assertThat(ValueComparison.same(0.1, DECIMAL, Math.nextUp(0.1), DECIMAL)).isFalse();
        assertThat(ValueComparison.same(Double.NaN, DECIMAL, Double.NaN, DECIMAL)).isTrue();
    }

    @Test
    void instantsAreComparedInUtcAndNullDiffersFromEmpty() {
        OffsetDateTime instant = OffsetDateTime.of(2024, 3, 31, 8, 15, 0, 1000, ZoneOffset.ofHoursMinutes(5, 45));
        assertThat(ValueComparison.same(instant, TEXT, LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1000), TEXT)).isTrue();
        assertThat(ValueComparison.same(instant, TEXT, LocalDateTime.of(2024, 3, 31, 2, 30, 0, 2000), TEXT)).isFalse();
        assertThat(ValueComparison.same(null, TEXT, "", TEXT)).isFalse();
        assertThat(ValueComparison.same(new byte[0], TEXT, null, TEXT)).isFalse();
    }

    @Test
    void charPaddingDoesNotCountButVarcharSpacesDo() {
        assertThat(ValueComparison.same("ab   ", SqlType.sized(Kind.CHAR, 5), "ab", TEXT)).isTrue();
        assertThat(ValueComparison.same("ab ", TEXT, "ab", TEXT)).isFalse();
    }

    @Test
    void jsonIsComparedAsADocument() {
        assertThat(ValueComparison.same("{\"b\": [1, 2.50], \"a\": {\"z\": null}}", JSON,
                "{\"a\":{\"z\":null},\"b\":[1,2.5]}", JSONB)).isTrue();
        assertThat(ValueComparison.same("{\"a\": 1}", JSON, "{\"a\": \"1\"}", JSONB)).isFalse();
        assertThat(ValueComparison.same("[1, 2]", JSON, "[2, 1]", JSONB)).isFalse();
        assertThat(ValueComparison.same("not json", JSON, "not json", JSON)).isTrue();
    }
}
