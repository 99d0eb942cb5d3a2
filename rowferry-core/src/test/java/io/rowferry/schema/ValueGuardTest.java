package io.rowferry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.schema.SqlType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValueGuardTest {
    private static final TypeLimits MARIADB = new TypeLimits(1000, 9999, false, true);
    private static final TypeLimits POSTGRES = new TypeLimits(-4712, 294_276, true, false);

    private static ValueGuard guard(SqlType type, TypeLimits limits) {
        return new ValueGuard(type, limits);
    }

    @Test
    void integersMustFitTheirRange() {
        ValueGuard bigint = guard(SqlType.integer(64, false), POSTGRES);
        assertThat(bigint.problem(Long.MAX_VALUE)).isNull();
        assertThat(bigint.problem(new BigInteger("18446744073709551615"))).contains("out of range");
        assertThat(guard(SqlType.integer(64, true), MARIADB).problem(new BigInteger("18446744073709551615"))).isNull();
        assertThat(guard(SqlType.integer(8, true), MARIADB).problem(-1)).contains("out of range 0..255");
        assertThat(bigint.problem(new BigDecimal("1.5"))).isEqualTo("has a fraction");
        assertThat(bigint.problem(new BigDecimal("2.000"))).isNull();
    }

    @Test
    void decimalsMustFitPrecisionAndScale() {
        ValueGuard decimal = guard(SqlType.decimal(12, 2), MARIADB);
        assertThat(decimal.problem(new BigDecimal("9999999999.99"))).isNull();
        assertThat(decimal.problem(new BigDecimal("1.50000"))).isNull();
        assertThat(decimal.problem(new BigDecimal("1.005"))).contains("3 digits after the point");
        assertThat(decimal.nearest(new BigDecimal("1.005"))).isEqualTo(new BigDecimal("1.00"));
        assertThat(decimal.problem(new BigDecimal("12345678901"))).contains("11 digits before the point");
        assertThat(decimal.nearest(new BigDecimal("12345678901"))).isNull();
        assertThat(decimal.problem(Double.NaN)).isEqualTo("is not a finite number");
        assertThat(guard(SqlType.decimal(0, 0), POSTGRES).problem(Double.NaN)).isNull();
        assertThat(decimal.problem(0.1)).isNull(); // a double's shortest text, as the source shows it
    }

    @Test
    void floatsAndSpecialValues() {
        assertThat(guard(SqlType.sized(Kind.FLOAT, 64), MARIADB).problem(Double.POSITIVE_INFINITY))
                .contains("cannot hold");
        assertThat(guard(SqlType.sized(Kind.FLOAT, 64), POSTGRES).problem(Double.NaN)).isNull();
        assertThat(guard(SqlType.sized(Kind.FLOAT, 32), POSTGRES).problem(0.1d)).contains("double precision");
        assertThat(guard(SqlType.sized(Kind.FLOAT, 32), POSTGRES).problem(0.5d)).isNull();
    }

    @Test
    void textLengthCountsCharactersNotBytesOrUtf16Units() {
        ValueGuard varchar = guard(SqlType.sized(Kind.VARCHAR, 3), MARIADB);
        assertThat(varchar.problem("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")).isNull(); // three 4-byte characters
        assertThat(varchar.problem("abcd")).contains("4 characters");
        assertThat(varchar.nearest("abcd")).isEqualTo("abc");
        assertThat(guard(SqlType.sized(Kind.CHAR, 3), MARIADB).problem("ab   ")).isNull(); // padding
        assertThat(guard(SqlType.of(Kind.TEXT), POSTGRES).problem("a\u0000b")).contains("U+0000");
        assertThat(guard(SqlType.of(Kind.TEXT), MARIADB).problem("a\u0000b")).isNull();
    }

    @Test
    void datesMustBeInTheTargetsYearsAndFractionsInItsDigits() {
        ValueGuard datetime = guard(SqlType.sized(Kind.TIMESTAMP, 6), MARIADB);
        assertThat(datetime.problem(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000))).isNull();
        assertThat(datetime.problem(LocalDateTime.MAX)).contains("outside the years 1000..9999");
        assertThat(guard(SqlType.of(Kind.DATE), MARIADB).problem(LocalDate.of(999, 1, 1))).contains("outside");
        ValueGuard seconds = guard(SqlType.sized(Kind.TIMESTAMP, 0), MARIADB);
        assertThat(seconds.problem(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000))).contains("finer fraction");
        assertThat(seconds.nearest(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000)))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 1));
    }

    @Test
    void booleansAreOnlyZeroAndOne() {
        ValueGuard bool = guard(SqlType.of(Kind.BOOLEAN), POSTGRES);
        assertThat(bool.problem(1)).isNull();
        assertThat(bool.problem(2)).contains("not a boolean");
        assertThat(bool.problem(Boolean.TRUE)).isNull();
    }
}
