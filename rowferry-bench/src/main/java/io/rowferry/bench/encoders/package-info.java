/**
 * JMH microbenchmarks of the row-encoding hot paths in rowferry-core, run with {@code bench/jmh [JMH args]}.
 *
 * <p>Each benchmark pushes the same 1,000 in-memory rows shaped like the benchmark's orders table
 * ({@link io.rowferry.bench.encoders.SampleOrders}) through one encoder into a discarding stream, so it measures
 * the encoder alone (no database, no disk). Throughput is in rows per second ({@code @OperationsPerInvocation}).
 *
 * <ul>
 *   <li>{@link io.rowferry.bench.encoders.CsvSinkBenchmark}: {@code CsvSink} (RFC 4180 via FastCSV, values as
 *       {@code ValueText}).
 *   <li>{@link io.rowferry.bench.encoders.JsonLinesSinkBenchmark}: {@code JsonLinesSink} (Jackson streaming).
 *   <li>{@link io.rowferry.bench.encoders.ValueTextBenchmark}: {@code ValueText.of} for timestamps, offset timestamps
 *       and decimals, the per-value formatting both file formats share.
 * </ul>
 *
 * <p><b>Still to come, when core has them</b> (they are being written; do not benchmark classes that do not
 * exist): the PostgreSQL {@code COPY ... FROM STDIN (FORMAT binary)} row encoder and the MariaDB
 * {@code LOAD DATA LOCAL INFILE} stream encoder. Add each as {@code CopyBinaryEncoderBenchmark} /
 * {@code LoadDataEncoderBenchmark} here, in the same shape as {@code CsvSinkBenchmark}: a {@code @State} holding the
 * encoder over {@code OutputStream.nullOutputStream()}, {@code SampleOrders.batch()} as input, one
 * {@code @Benchmark} method that encodes the batch, {@code @OperationsPerInvocation(SampleOrders.ROWS)}. The JDBC
 * row decode path is out of scope here: it needs a database, and the end-to-end benchmark covers it.
 */
package io.rowferry.bench.encoders;
