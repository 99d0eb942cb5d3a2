package io.rowferry.schema;

/**
 * What a database's types can hold beyond their declared size, for checking values before they are written.
 *
 * @param minYear the earliest year a DATE or TIMESTAMP holds
 * @param maxYear the latest year a DATE or TIMESTAMP holds
 * @param floatSpecials whether floating-point columns hold NaN and infinities
 * @param nulInText whether text may contain the character U+0000
 * @param invalidTemporals whether MariaDB/MySQL's zero and partial dates ({@link InvalidTemporal}) can be stored
 */
public record TypeLimits(
        int minYear, int maxYear, boolean floatSpecials, boolean nulInText, boolean invalidTemporals) {

    /** Limits that check nothing beyond the declared types (but hold no zero dates). */
    public static final TypeLimits NONE = new TypeLimits(Integer.MIN_VALUE, Integer.MAX_VALUE, true, true, false);

    public TypeLimits(int minYear, int maxYear, boolean floatSpecials, boolean nulInText) {
        this(minYear, maxYear, floatSpecials, nulInText, false);
    }
}
