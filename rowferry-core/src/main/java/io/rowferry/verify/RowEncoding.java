package io.rowferry.verify;

import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How both sides write a row's canonical text and put rows into buckets, decided once from both sides' column types
 * so that the two databases agree: a field is delimited by {@code |} (cheaper than a length prefix) only when its
 * canonical text cannot hold {@code |} on either side; rows go into buckets by their key modulo 16^digits (no hash)
 * only when the key is one integer column on both sides.
 *
 * @param delimited per compared column, whether its field is delimited rather than length-prefixed
 * @param integerBuckets whether buckets are key remainders rather than MD5 digits
 */
record RowEncoding(List<Boolean> delimited, boolean integerBuckets) {

    /** Kinds whose canonical text is made of digits, hex, signs, points, colons, spaces and letters of NaN/Infinity. */
    private static final Set<Kind> WITHOUT_BAR = EnumSet.of(Kind.BOOLEAN, Kind.INTEGER, Kind.DECIMAL, Kind.FLOAT,
            Kind.BINARY, Kind.VARBINARY, Kind.BLOB, Kind.DATE, Kind.TIME, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ,
            Kind.UUID, Kind.BIT, Kind.YEAR);

    RowEncoding {
        delimited = List.copyOf(delimited);
    }

    static RowEncoding of(List<SqlType> source, List<SqlType> target, int keySize) {
        List<Boolean> delimited = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            delimited.add(WITHOUT_BAR.contains(source.get(i).kind()) && WITHOUT_BAR.contains(target.get(i).kind()));
        }
        boolean integerKey = keySize == 1 && source.get(0).kind() == Kind.INTEGER
                && target.get(0).kind() == Kind.INTEGER;
        return new RowEncoding(delimited, integerKey);
    }
}
