package io.rowferry.dialect.postgresql;

import io.rowferry.Row;
import io.rowferry.bench.encoders.SampleOrders;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PostgreSQL bulk writer's encoder: orders rows into {@code COPY ... FROM STDIN (FORMAT binary)} bytes, as
 * {@code PostgresCopySink.write} drives it for one batch ({@code accepts}, header, rows, trailer, flush), with the
 * 64 KiB chunks discarded instead of sent. Score: rows per second.
 *
 * <p>It lives in core's package because {@code BinaryCopyEncoder}, {@code FieldEncoder} and {@code CopyBuffer} are
 * package-private there; if core changes their shape, change this benchmark with them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SampleOrders.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CopyBinaryEncoderBenchmark {
    private List<Row> batch;
    private BinaryCopyEncoder encoder;
    private CopyBuffer buffer;
    private long bytesSent;

    @Setup
    public void setUp() {
        batch = SampleOrders.batch();
        FieldEncoder[] fields = SampleOrders.SCHEMA.columns().stream()
                .map(FieldEncoder::forColumn)
                .toArray(FieldEncoder[]::new);
        encoder = new BinaryCopyEncoder(fields, false);
        if (!BinaryCopyEncoder.covers(fields) || !encoder.accepts(batch)) {
            throw new IllegalStateException("the orders rows no longer go the binary COPY way");
        }
        buffer = new CopyBuffer();
    }

    @Benchmark
    public long writeBatch() throws SQLException {
        if (!encoder.accepts(batch)) {
            throw new IllegalStateException("refused");
        }
        buffer.start((bytes, offset, length) -> bytesSent += length);
        encoder.writeHeader(buffer);
        for (Row row : batch) {
            encoder.writeRow(row, buffer);
        }
        encoder.writeTrailer(buffer);
        buffer.flush();
        return bytesSent;
    }
}
