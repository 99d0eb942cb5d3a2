package io.rowferry.schema;

/**
 * The target type a dialect chooses for a neutral type.
 *
 * @param ddl the type as written in the target's CREATE TABLE, e.g. {@code numeric(20,0)}
 * @param loss null when every value of the source type arrives identical; otherwise why some cannot (e.g.
 *     "more than 65 digits do not fit"). Values that do fit still arrive identical, and the copy checks each value.
 * @param note extra information that is not a loss of values, e.g. "the value list is not enforced", or null
 */
public record TypeChoice(String ddl, String loss, String note) {

    public static TypeChoice lossless(String ddl) {
        return new TypeChoice(ddl, null, null);
    }

    public static TypeChoice lossless(String ddl, String note) {
        return new TypeChoice(ddl, null, note);
    }

    public static TypeChoice lossy(String ddl, String loss) {
        return new TypeChoice(ddl, loss, null);
    }

    public boolean isLossless() {
        return loss == null;
    }
}
