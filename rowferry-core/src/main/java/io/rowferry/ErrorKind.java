package io.rowferry;

/**
 * What went wrong, in the terms a user acts on. Each kind carries the exit code the CLI ends with,
 * so the same classification drives messages, retries and exit codes.
 */
public enum ErrorKind {
    /** A bug or an unexpected failure: exit code 1. */
    INTERNAL(1),
    /** Bad command-line or API usage: a missing option, a contradiction, a malformed URL. Exit code 2. */
    USAGE(2),
    /** The server cannot be reached, the connection dropped, or no driver accepts the URL. Exit code 3. */
    CONNECTION(3),
    /** Wrong user or password, or no permission for the statement. Exit code 4. */
    AUTHENTICATION(4),
    /** A table, column or key that does not exist or cannot be used (e.g. a nullable keyset key). Exit code 5. */
    NOT_FOUND(5),
    /** The target refused a row: a unique, not-null, foreign-key or check constraint. Exit code 6. */
    CONSTRAINT(6),
    /** A value the target cannot hold: out of range, too long, not parseable. Exit code 7. */
    DATA(7),
    /** A failure that may pass if retried: deadlock, serialization failure, lock timeout. Exit code 8. */
    TRANSIENT(8),
    /** Writing a file failed: permission, disk full, closed pipe. Exit code 9. */
    IO(9),
    /** The run was cancelled or interrupted (Ctrl-C). Exit code 130, as shells report SIGINT. */
    CANCELLED(130);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the CLI uses for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
