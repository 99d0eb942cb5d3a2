package io.rowferry.sink.file;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV with a header line: fields quoted when they contain a comma, quote or line break, CRLF line ends,
 * UTF-8. NULL is an empty field and the empty string is {@code ""}, so the two stay apart (as in PostgreSQL's
 * {@code COPY ... CSV}). Values are written as {@link ValueText} gives them.
 */
public final class CsvSink extends FileTargetSink {
    private CsvWriter csv;
    private RowSchema headerSchema;
    private boolean headerWritten;

    public CsvSink(FileTarget target) {
        super(target);
    }

    @Override
    public void open(RowSchema schema) {
        this.headerSchema = schema;
        this.headerWritten = target.resumesContent(); // the unfinished file has its header
        csv = CsvWriter.builder()
                .quoteStrategy(QuoteStrategies.EMPTY)
                .bufferSize(1 << 16)
                .build(target.open(), StandardCharsets.UTF_8);
    }

    @Override
    public void write(List<Row> batch) {
        try {
            if (!headerWritten) {
                writeHeader(batch.get(0).schema());
            }
            String[] fields = new String[batch.get(0).size()];
            for (Row row : batch) {
                for (int i = 0; i < fields.length; i++) {
                    Object value = row.get(i);
                    fields[i] = value == null ? null : ValueText.of(value);
                }
                csv.writeRecord(fields);
            }
        } catch (UncheckedIOException e) {
            throw target.failure("cannot write", e.getCause());
        }
    }

    private void writeHeader(RowSchema schema) {
        csv.writeRecord(schema.names());
        headerWritten = true;
    }

    @Override
    public void finish() {
        try {
            if (!headerWritten) {
                writeHeader(headerSchema); // an empty result still gets its header
            }
            csv.flush();
        } catch (IOException | UncheckedIOException e) {
            throw target.failure("cannot write", e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        target.commit();
    }

    @Override
    protected void flushFormat() {
        try {
            csv.flush();
        } catch (IOException | UncheckedIOException e) {
            throw target.failure("cannot write", e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    @Override
    public String describe() {
        return "CSV " + target.describe();
    }
}
