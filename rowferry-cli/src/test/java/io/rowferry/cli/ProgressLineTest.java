package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.CopyProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final CopyProgress HALFWAY =
            new CopyProgress(12_500, 12_345, 0, 5_000_000, 1_000, 3, null, Duration.ofMillis(2_500));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void liveLineIsRedrawnInPlaceAndErasedWhenClosed() {
        try (HeapWatch heap = new HeapWatch()) {
            ProgressLine line = new ProgressLine(err, ProgressMode.Display.LIVE, heap);
            line.accept(HALFWAY);
            assertThat(written()).startsWith("\r\033[K12,345 rows  4,938 rows/s  2.0 MB/s  heap ")
                    .endsWith("  2.5 s")
                    .doesNotContain("\n");

            line.close();
            line.accept(HALFWAY);
            assertThat(written()).endsWith("  2.5 s\r\033[K");
        }
    }

    @Test
    void nothingIsShownWithoutATerminalButTheHeapIsStillSampled() {
        try (HeapWatch heap = new HeapWatch()) {
            ProgressLine line = new ProgressLine(err, ProgressMode.Display.NONE, heap);
            line.accept(HALFWAY);
            line.close();
            assertThat(written()).isEmpty();
            assertThat(heap.peakUsedBytes()).isPositive();
        }
    }

    @Test
    void progressToAnythingButATerminalIsPlainOnlyWhenAskedFor() {
        assertThat(ProgressMode.AUTO.display(err, Map.of())).isEqualTo(ProgressMode.Display.NONE);
        assertThat(ProgressMode.ALWAYS.display(err, Map.of())).isEqualTo(ProgressMode.Display.PLAIN);
        assertThat(ProgressMode.NEVER.display(err, Map.of())).isEqualTo(ProgressMode.Display.NONE);
        assertThat(ProgressMode.AUTO.display(System.err, Map.of("CI", "true"))).isEqualTo(ProgressMode.Display.NONE);
    }
}
