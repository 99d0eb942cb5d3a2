package io.rowferry.schema;

/**
 * What a database's types can hold beyond their declared size, for checking values before they are written.
 *
 * @param minYear the earliest year a DATE or TIMESTAMP holds
 * @param maxYear the latest year a DATE or TIMESTAMP holds
 * @param floatSpecials whether floating-point columns hold NaN and infinities
 * @param nulInText whether text may contain the character U+0000
 * @param invalidTemporals whether MariaDB/MySQL's zero and partial dates ({@link InvalidTemporal}) can be stored
 * @param infinities whether floating-point columns hold the infinities; true with {@code floatSpecials}, and true
 *     without it where only NaN is missing (SQLite stores NaN as NULL but keeps infinities)
 */
public record TypeLimits(int minYear, int maxYear, boolean floatSpecials, boolean nulInText, boolean invalidTemporals,
        boolean infinities) {

    /** Limits that check nothing beyond the declared types (but hold no zero dates). */
    public static final TypeLimits NONE = new TypeLimits(Integer.MIN_VALUE, Integer.MAX_VALUE, true, true, false);

    public TypeLimits(int minYear, int maxYear, boolean floatSpecials, boolean nulInText) {
        this(minYear, maxYear, floatSpecials, nulInText, false);
    }

    public TypeLimits(int minYear, int maxYear, boolean floatSpecials, boolean nulInText, boolean invalidTemporals) {
        this(minYear, maxYear, floatSpecials, nulInText, invalidTemporals, floatSpecials);
    }

    /** These limits, with floating-point infinities held (where only NaN is missing). */
    public TypeLimits withInfinities() {
        return new TypeLimits(minYear, maxYear, floatSpecials, nulInText, invalidTemporals, true);
    }
}
