package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How rows move between reader and writer: rows per written batch and the memory budget for rows in flight. */
final class PipelineOptions {

    @Option(
            names = "--batch-size",
            paramLabel = "ROWS",
            defaultValue = "" + CopyBuilder.DEFAULT_BATCH_SIZE,
            description = "Rows per written batch; a database target commits each batch.")
    int batchSize;

    @Option(
            names = "--buffer",
            paramLabel = "SIZE",
            converter = ByteSize.Converter.class,
            description = "Memory for rows in flight: 64m, 512k, 1g or bytes. Default: a quarter of"
                    + " the maximum heap (-Xmx, as in JAVA_OPTS), between 4 MiB and 256 MiB.")
    Long bufferBytes;

    void validate(CommandSpec spec) {
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, was " + batchSize);
        }
        if (bufferBytes != null && bufferBytes < 64 * 1024) {
            throw new ParameterException(spec.commandLine(), "--buffer must be at least 64k, was " + bufferBytes
                    + " bytes");
        }
    }

    CopyBuilder apply(CopyBuilder copy) {
        copy.batchSize(batchSize);
        if (bufferBytes != null) {
            copy.bufferBytes(bufferBytes);
        }
        return copy;
    }

    /** The budget the copy will use. */
    long effectiveBufferBytes() {
        return bufferBytes != null ? bufferBytes : CopyBuilder.defaultBufferBytes();
    }
}
