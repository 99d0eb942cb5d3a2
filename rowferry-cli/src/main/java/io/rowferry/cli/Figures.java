package io.rowferry.cli;

import java.time.Duration;
import java.util.Locale;

/** How numbers look in progress lines and summaries: grouped digits, fixed decimals, no locale surprises. */
final class Figures {
    private Figures() {}

    /** {@code 1,000,000}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 81,234} (rows per second, rounded). */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** {@code 25.1} (megabytes per second). */
    static String megabytesPerSecond(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code 12.3 s}, or {@code 4m05s} from a minute on, or {@code 1h02m} from an hour on. */
    static String duration(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }

    /** Seconds with millisecond precision, for JSON. */
    static double seconds(Duration elapsed) {
        return Math.round(elapsed.toNanos() / 1e6) / 1000.0;
    }

    /** Rounded to {@code decimals} places, for JSON. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
