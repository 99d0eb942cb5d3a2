package io.rowferry.dialect.mariadb;

import io.rowferry.Row;
import java.io.InputStream;
import java.util.List;

/**
 * A batch of rows as the bytes of a {@code LOAD DATA} file, encoded lazily while the driver reads: each time the
 * driver wants more, the next rows (about 16 KiB of them) are encoded into a reused buffer. The encoded batch is
 * never held in memory as a whole; the buffer grows only as far as the largest row needs.
 */
final class LoadDataStream extends InputStream {
    private static final int CHUNK_BYTES = 16 * 1024;

    private final List<Row> rows;
    private final boolean[] bitColumns;
    private final LoadDataEncoder encoder = new LoadDataEncoder();
    private int nextRow;
    private int position;

    /** {@code bitColumns[i]}: column i of the rows goes into a BIT column (see {@link LoadDataEncoder#value}). */
    LoadDataStream(List<Row> rows, boolean[] bitColumns) {
        this.rows = rows;
        this.bitColumns = bitColumns;
    }

    @Override
    public int read() {
        if (position == encoder.length() && !fill()) {
            return -1;
        }
        return encoder.buffer()[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length) {
            if (position == encoder.length() && !fill()) {
                break;
            }
            int n = Math.min(length - copied, encoder.length() - position);
            System.arraycopy(encoder.buffer(), position, target, offset + copied, n);
            position += n;
            copied += n;
        }
        return copied == 0 ? -1 : copied;
    }

    @Override
    public int available() {
        return encoder.length() - position;
    }

    /** Encodes the next rows; false when every row has been read. */
    private boolean fill() {
        if (nextRow >= rows.size()) {
            return false;
        }
        encoder.reset();
        position = 0;
        while (nextRow < rows.size() && encoder.length() < CHUNK_BYTES) {
            Row row = rows.get(nextRow++);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    encoder.fieldSeparator();
                }
                encoder.value(row.get(i), bitColumns[i]);
            }
            encoder.lineEnd();
        }
        return true;
    }
}
