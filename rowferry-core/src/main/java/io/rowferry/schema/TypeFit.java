package io.rowferry.schema;

import io.rowferry.schema.SqlType.Kind;

/**
 * Whether every value of one neutral type fits another, for copies into a table that already exists: null when
 * they do, otherwise why not. Values that do fit are still checked one by one as they are written.
 */
public final class TypeFit {
    private TypeFit() {}

    public static String loss(SqlType from, SqlType to) {
        if (to.kind() == Kind.OTHER || to.isText() && to.kind() == Kind.TEXT) {
            return null; // text holds the text of anything
        }
        return switch (from.kind()) {
            case INTEGER -> integerInto(from, to);
            case DECIMAL -> decimalInto(from, to);
            case FLOAT -> to.kind() == Kind.FLOAT && to.size() >= from.size() ? null
                    : to.kind() == Kind.DECIMAL && to.size() == 0 ? null : "a " + to + " column cannot hold every " + from;
            case CHAR, VARCHAR, TEXT -> textInto(from, to);
            case BINARY, VARBINARY, BLOB -> binaryInto(from, to);
            case TIMESTAMP, TIMESTAMP_TZ, TIME, TIME_TZ -> from.kind() == to.kind()
                    || from.kind() == Kind.TIMESTAMP_TZ && to.kind() == Kind.TIMESTAMP
                    ? (to.size() >= from.size() ? null : "the column keeps " + to.size() + " fraction digits of "
                            + from.size())
                    : "a " + to + " column cannot hold every " + from;
            case BOOLEAN -> to.kind() == Kind.BOOLEAN || to.kind() == Kind.INTEGER || to.kind() == Kind.DECIMAL
                    || to.kind() == Kind.BIT ? null : "a " + to + " column cannot hold booleans";
            default -> from.kind() == to.kind() || to.isText() && to.size() == 0 ? null
                    : "a " + to + " column cannot hold every " + from;
        };
    }

    /**
     * What the target database's limits lose of a type the source database's limits allow: NaN and infinities,
     * years, U+0000 in text. Null when nothing.
     */
    public static String limitLoss(SqlType type, TypeLimits source, TypeLimits target) {
        return switch (type.kind()) {
            case DECIMAL -> source.floatSpecials() && !target.floatSpecials()
                    ? "the target cannot store NaN or infinities" : null;
            case FLOAT -> source.floatSpecials() && !target.floatSpecials()
                    ? (target.infinities() ? "the target cannot store NaN" : "the target cannot store NaN or infinities")
                    : source.infinities() && !target.infinities() ? "the target cannot store infinities" : null;
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> source.minYear() < target.minYear()
                    || source.maxYear() > target.maxYear()
                    ? "years outside " + target.minYear() + ".." + target.maxYear() + " do not fit" : null;
            case CHAR, VARCHAR, TEXT -> source.nulInText() && !target.nulInText()
                    ? "the target's text cannot hold U+0000" : null;
            default -> null;
        };
    }

    private static String integerInto(SqlType from, SqlType to) {
        if (to.kind() == Kind.INTEGER) {
            return to.minInteger().compareTo(from.minInteger()) <= 0 && to.maxInteger().compareTo(from.maxInteger()) >= 0
                    ? null : "a " + to + " column cannot hold every " + from;
        }
        if (to.kind() == Kind.DECIMAL) {
            int digits = from.maxInteger().toString().length();
            return to.size() == 0 || to.size() - to.scale() >= digits ? null
                    : "a " + to + " column cannot hold every " + from;
        }
        if (to.kind() == Kind.BOOLEAN) {
            return "only 0 and 1 fit a boolean column";
        }
        return to.kind() == Kind.FLOAT && from.size() <= (to.size() <= 32 ? 24 : 53) ? null
                : "a " + to + " column cannot hold every " + from;
    }

    private static String decimalInto(SqlType from, SqlType to) {
        if (to.kind() != Kind.DECIMAL) {
            return "a " + to + " column cannot hold every " + from;
        }
        if (to.size() == 0) {
            return null;
        }
        if (from.size() == 0) {
            return "a numeric without precision can hold more digits than " + to;
        }
        return to.scale() >= from.scale() && to.size() - to.scale() >= from.size() - from.scale() ? null
                : "a " + to + " column cannot hold every " + from;
    }

    private static String textInto(SqlType from, SqlType to) {
        if (!to.isText()) {
            return "a " + to + " column cannot hold every text";
        }
        if (to.kind() == Kind.TEXT || to.size() == 0) {
            return null;
        }
        if (from.kind() == Kind.TEXT || from.size() == 0 || from.size() > to.size()) {
            return "longer texts do not fit " + to;
        }
        return null;
    }

    private static String binaryInto(SqlType from, SqlType to) {
        if (!to.isBinary()) {
            return "a " + to + " column cannot hold bytes";
        }
        if (to.kind() == Kind.BLOB || to.size() == 0) {
            return null;
        }
        return from.kind() == Kind.BLOB || from.size() == 0 || from.size() > to.size()
                ? "longer values do not fit " + to : null;
    }
}
