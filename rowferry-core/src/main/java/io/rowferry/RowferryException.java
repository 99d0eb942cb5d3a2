package io.rowferry;

/**
 * The one unchecked exception Rowferry throws. Its message is a single line that names what failed and
 * where (table, column, key) and never contains credentials; the {@link ErrorKind} says what kind of
 * failure it is and maps to the CLI's exit code. The original {@link java.sql.SQLException}, if any, is
 * kept as the cause.
 */
public class RowferryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public RowferryException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RowferryException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
