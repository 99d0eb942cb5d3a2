package io.rowferry.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Sizes in bytes as typed ({@code 64m}, {@code 512k}, {@code 1g}, {@code 1048576}) and as shown ({@code 58 MiB}). */
final class ByteSize {
    // k/m/g are binary multiples, as in -Xmx; an optional b or ib after the letter is accepted (64MB, 64MiB).
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmg])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {}

    /** Parses a size; throws {@link IllegalArgumentException} with a readable message. */
    static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; use e.g. 64m, 512k, 1g or bytes");
        }
        long number;
        try {
            number = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return number << shift;
    }

    /** Mebibytes with no decimals above 10, one below: {@code 58 MiB}, {@code 4.5 MiB}. */
    static String mebibytes(long bytes) {
        double mib = bytes / (double) (1L << 20);
        return String.format(Locale.ROOT, mib >= 10 ? "%,.0f MiB" : "%.1f MiB", mib);
    }

    /** The picocli converter for size options. */
    static final class Converter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
