package io.rowferry.source;

/**
 * Chooses how many rows to fetch at once so a fetch stays within a byte budget: a first small fetch measures
 * the row width, then the fetch grows up to the configured row count or shrinks for wide rows.
 */
final class FetchSizer {
    /** Rows in the first fetch, before any row width is known. */
    static final int PROBE_ROWS = 100;

    private final int maxRows;
    private final long maxBytes;
    private long sampledRows;
    private long sampledBytes;

    FetchSizer(int maxRows, long maxBytes) {
        this.maxRows = Math.max(1, maxRows);
        this.maxBytes = Math.max(1, maxBytes);
    }

    int initial() {
        return Math.min(maxRows, PROBE_ROWS);
    }

    void sample(int rowBytes) {
        sampledRows++;
        sampledBytes += rowBytes;
    }

    long sampledRows() {
        return sampledRows;
    }

    /** The fetch size for the measured average row width. */
    int tuned() {
        if (sampledRows == 0) {
            return initial();
        }
        long average = Math.max(1, sampledBytes / sampledRows);
        return (int) Math.max(1, Math.min(maxRows, maxBytes / average));
    }
}
