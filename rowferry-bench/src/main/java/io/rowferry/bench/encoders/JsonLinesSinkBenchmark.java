package io.rowferry.bench.encoders;

import io.rowferry.Row;
import io.rowferry.sink.file.FileTarget;
import io.rowferry.sink.file.JsonLinesSink;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** {@code JsonLinesSink.write}: orders rows to JSON Lines bytes, discarded. Score: rows per second. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SampleOrders.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonLinesSinkBenchmark {
    private List<Row> batch;
    private JsonLinesSink sink;

    @Setup
    public void setUp() {
        batch = SampleOrders.batch();
        sink = new JsonLinesSink(FileTarget.stream(OutputStream.nullOutputStream()));
        sink.open(SampleOrders.SCHEMA);
    }

    @Benchmark
    public void writeBatch() {
        sink.write(batch);
    }

    @TearDown
    public void tearDown() {
        sink.close();
    }
}
