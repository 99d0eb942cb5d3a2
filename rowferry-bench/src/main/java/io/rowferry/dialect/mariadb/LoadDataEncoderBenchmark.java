package io.rowferry.dialect.mariadb;

import io.rowferry.Row;
import io.rowferry.bench.encoders.SampleOrders;
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
 * The MariaDB/MySQL bulk writer's encoder: orders rows into {@code LOAD DATA LOCAL INFILE} text (tab-separated,
 * backslash-escaped), read out of the {@code LoadDataStream} the sink hands the driver, the way the driver reads it
 * (into a 64 KiB array), with the bytes discarded instead of sent. Score: rows per second.
 *
 * <p>It lives in core's package because {@code LoadDataStream} and {@code LoadDataEncoder} are package-private there;
 * if core changes their shape, change this benchmark with them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SampleOrders.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadDataEncoderBenchmark {
    private final byte[] chunk = new byte[64 * 1024];
    private List<Row> batch;
    private boolean[] bitColumns;

    @Setup
    public void setUp() {
        batch = SampleOrders.batch();
        bitColumns = new boolean[SampleOrders.SCHEMA.size()];
        for (Row row : batch) {
            for (int i = 0; i < row.size(); i++) {
                if (!LoadDataEncoder.accepts(row.get(i))) {
                    throw new IllegalStateException("the orders rows no longer go the LOAD DATA way");
                }
            }
        }
    }

    @Benchmark
    public long streamBatch() {
        long bytes = 0;
        LoadDataStream stream = new LoadDataStream(batch, bitColumns);
        int read;
        while ((read = stream.read(chunk, 0, chunk.length)) > 0) {
            bytes += read;
        }
        return bytes;
    }
}
