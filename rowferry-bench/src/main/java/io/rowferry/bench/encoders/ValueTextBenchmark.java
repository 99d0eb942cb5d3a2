package io.rowferry.bench.encoders;

import io.rowferry.sink.file.ValueText;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ValueText.of}: the text of one timestamp, offset timestamp or decimal, as CSV and JSON Lines write them.
 * Score: nanoseconds per value. {@code timestampToString} is the JDK's {@code LocalDateTime.toString()} (ISO form with
 * a {@code T}) as a yardstick for the formatter's cost, not an alternative Rowferry could use as is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValueTextBenchmark {
    private static final int MASK = 1023;
    private final LocalDateTime[] timestamps = new LocalDateTime[MASK + 1];
    private final OffsetDateTime[] offsetTimestamps = new OffsetDateTime[MASK + 1];
    private final BigDecimal[] decimals = new BigDecimal[MASK + 1];
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        LocalDateTime base = LocalDateTime.of(2023, 1, 1, 0, 0);
        for (int i = 0; i <= MASK; i++) {
            // microsecond precision as timestamp(6) gives; one in ten on a whole second
            long micros = i % 10 == 0 ? 0 : random.nextInt(1_000_000);
            timestamps[i] = base.plusSeconds(random.nextInt(63_072_000)).plusNanos(micros * 1000);
            offsetTimestamps[i] = timestamps[i].atOffset(ZoneOffset.ofHoursMinutes(5, 45));
            decimals[i] = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
        }
    }

    private int index() {
        return next++ & MASK;
    }

    @Benchmark
    public String timestamp() {
        return ValueText.of(timestamps[index()]);
    }

    @Benchmark
    public String timestampToString() {
        return timestamps[index()].toString();
    }

    @Benchmark
    public String offsetTimestamp() {
        return ValueText.of(offsetTimestamps[index()]);
    }

    @Benchmark
    public String decimal() {
        return ValueText.of(decimals[index()]);
    }
}
