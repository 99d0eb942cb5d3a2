package io.rowferry.schema;

/**
 * A MariaDB or MySQL date or time that no other database (and no {@code java.time} type) holds: the zero date
 * {@code 0000-00-00}, a date with a zero month or day ({@code 2024-00-10}), or a TIME beyond one day
 * ({@code 838:59:59}). Rowferry carries its text unchanged: written into MariaDB or MySQL it arrives as it was,
 * exported to a file it is that text, and written anywhere else it is a value the target cannot hold
 * ({@code --on-lossy} decides: stop, by default, or write NULL).
 *
 * @param text the server's text of the value
 */
public record InvalidTemporal(String text) {

    @Override
    public String toString() {
        return text;
    }
}
