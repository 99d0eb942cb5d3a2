package io.rowferry.dialect;

/**
 * One pass of a verification over a table, before it is rendered to SQL: rows are put into buckets by the first
 * {@code prefixLength} hex digits of the MD5 of their key's canonical text, and each row has a 60-bit hash of its
 * canonical text (see docs/verify.md). A bucket holds the same keys on every database, whatever the key's type or
 * collation, because it depends only on the key's canonical text.
 *
 * @param table the qualified, quoted table
 * @param keyText the SQL expression of the key's canonical text ({@link Dialect#rowTextSql} of the key columns)
 * @param rowText the SQL expression of the row's canonical text (all compared columns, the key's included)
 * @param filter a user WHERE condition without the keyword, or null
 * @param prefixLength hex digits of the key hash that name a bucket (1 to 32)
 * @param parentBuckets how many {@code ?} placeholders restrict the pass to buckets one digit shorter (or, for the
 *     rows of buckets, of the same length); 0: every row
 * @param integerKey the quoted key column when the key is one integer column on both sides: buckets are then the key
 *     modulo 16^prefixLength (named by the remainder), not digits of an MD5; null otherwise
 * @param parentLength the digits of the buckets the placeholders name; 0: one digit fewer than {@code prefixLength}
 *     for the aggregate, as many for the rows of buckets. A first pass split over several connections restricts each
 *     to some of the 16 one-digit buckets, so that its few placeholders cover a share of the table.
 */
public record BucketQuery(String table, String keyText, String rowText, String filter, int prefixLength,
        int parentBuckets, String integerKey, int parentLength) {

    /** Placeholders naming buckets of the default length. */
    public BucketQuery(String table, String keyText, String rowText, String filter, int prefixLength,
            int parentBuckets, String integerKey) {
        this(table, keyText, rowText, filter, prefixLength, parentBuckets, integerKey, 0);
    }

    /** Buckets by the MD5 of the key text. */
    public BucketQuery(String table, String keyText, String rowText, String filter, int prefixLength,
            int parentBuckets) {
        this(table, keyText, rowText, filter, prefixLength, parentBuckets, null);
    }

    /** {@code ?, ?, ...}: one placeholder per parent bucket. */
    public String placeholders() {
        return String.join(", ", java.util.Collections.nCopies(parentBuckets, "?"));
    }
}
