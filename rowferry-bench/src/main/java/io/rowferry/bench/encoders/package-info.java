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
 * <p>The bulk writers' encoders are package-private in core, so their benchmarks sit in core's packages in this
 * module, in the same shape (the same rows, one {@code @Benchmark} that encodes the batch into a discarding
 * target, {@code @OperationsPerInvocation(SampleOrders.ROWS)}):
 * {@code io.rowferry.dialect.postgresql.CopyBinaryEncoderBenchmark} ({@code COPY ... FROM STDIN (FORMAT binary)}) and
 * {@code io.rowferry.dialect.mariadb.LoadDataEncoderBenchmark} ({@code LOAD DATA LOCAL INFILE} text). When core
 * changes those classes, change the benchmarks with them. The JDBC row decode path is out of scope here: it needs a
 * database, and the end-to-end benchmark covers it.
 */
package io.rowferry.bench.encoders;
