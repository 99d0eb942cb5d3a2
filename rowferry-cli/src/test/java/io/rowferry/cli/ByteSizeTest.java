package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parsesBinaryUnitsAndPlainBytes() {
        assertThat(ByteSize.parse("64m")).isEqualTo(64L << 20);
        assertThat(ByteSize.parse("512k")).isEqualTo(512L << 10);
        assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("1G")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("64MiB")).isEqualTo(64L << 20);
        assertThat(ByteSize.parse("64mb")).isEqualTo(64L << 20);
        assertThat(ByteSize.parse("1048576")).isEqualTo(1L << 20);
    }

    @Test
    void refusesWhatIsNotASize() {
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.parse("12x"));
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.parse("-1m"));
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.parse("m"));
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.parse("99999999999999999999"));
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.parse("99999999999g"));
    }

    @Test
    void showsMebibytes() {
        assertThat(ByteSize.mebibytes(58L << 20)).isEqualTo("58 MiB");
        assertThat(ByteSize.mebibytes(4608L << 10)).isEqualTo("4.5 MiB");
        assertThat(ByteSize.mebibytes(6028L << 20)).isEqualTo("6,028 MiB");
    }
}
