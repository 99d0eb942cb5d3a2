package io.rowferry.cli;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a run ends: every failure becomes one line {@code rowferry: error: <message>} on stderr and the exit code of
 * its {@link ErrorKind}; usage errors add a hint to the command's help. Stack traces only with {@code --verbose}.
 * Every message is masked by {@link Secrets} first.
 *
 * <p>One object plays picocli's three roles. The mapper must map {@link ParameterException} to 2 itself: a
 * custom mapper receives every exception, usage errors included (libraries.md §1).
 */
final class ExitCodes implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int OK = 0;
    /** {@code rowferry verify}: the run succeeded and the two tables differ. Not a failure, so not an ErrorKind. */
    static final int DIFFERENT = 10;
    private static final String PREFIX = "rowferry: error: ";

    private final Main main;

    ExitCodes(Main main) {
        this.main = main;
    }

    /** The kind a failure is reported as: a RowferryException's own, USAGE for picocli's, INTERNAL otherwise. */
    static ErrorKind kindOf(Throwable failure) {
        if (failure instanceof RowferryException rowferry) {
            return rowferry.kind();
        }
        return failure instanceof ParameterException ? ErrorKind.USAGE : ErrorKind.INTERNAL;
    }

    static int exitCodeOf(Throwable failure) {
        return kindOf(failure).exitCode();
    }

    /** The failure's message; for unexpected exceptions with their class, since the message alone may be empty. */
    static String messageOf(Throwable failure) {
        if (failure instanceof RowferryException || failure instanceof ParameterException) {
            return oneLine(String.valueOf(failure.getMessage()));
        }
        return oneLine(failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    /** The message, masked: Rowferry's own messages have their URLs masked already, anything else is fully masked. */
    static String maskedMessageOf(Throwable failure, Secrets secrets) {
        String message = messageOf(failure);
        return failure instanceof RowferryException ? secrets.maskKnown(message) : secrets.mask(message);
    }

    @Override
    public int getExitCode(Throwable failure) {
        return exitCodeOf(failure);
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        if (main.verbose) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            main.err.print(main.secrets.mask(trace.toString()));
        }
        String hint = kindOf(failure) == ErrorKind.USAGE ? hint(command) : "";
        main.err.println(PREFIX + maskedMessageOf(failure, main.secrets) + hint);
        main.err.flush();
        return getExitCode(failure);
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        String message = messageOf(failure);
        if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        main.err.println(PREFIX + main.secrets.mask(message) + hint(failure.getCommandLine()));
        main.err.flush();
        return getExitCode(failure);
    }

    private static String hint(CommandLine command) {
        return " (try '" + command.getCommandSpec().qualifiedName() + " --help')";
    }

    /** Messages are one line: a driver's multi-line text is joined. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Puts the exit codes into the help of the command and of every subcommand, from {@link ErrorKind}. */
    static void document(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "Success.");
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind == ErrorKind.CANCELLED) {
                codes.put(String.valueOf(DIFFERENT), "verify: the tables differ (the run itself succeeded).");
            }
            codes.put(String.valueOf(kind.exitCode()), describe(kind));
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            document(subcommand);
        }
    }

    private static String describe(ErrorKind kind) {
        return switch (kind) {
            case INTERNAL -> "Internal error: a bug or an unexpected failure (details with --verbose).";
            case USAGE -> "Usage error: a missing or bad option, a malformed URL.";
            case CONNECTION -> "Cannot connect: server unreachable, connection lost, no driver for the URL.";
            case AUTHENTICATION -> "Wrong user or password, or no permission.";
            case NOT_FOUND -> "A table, column or key does not exist or cannot be used.";
            case CONSTRAINT -> "The target refused a row: unique, not-null, foreign-key or check constraint.";
            case DATA -> "A value the target cannot hold: out of range, too long, not parseable.";
            case TRANSIENT -> "A failure that may pass if retried: deadlock, lock timeout.";
            case IO -> "Writing a file failed: missing directory, permission, disk full, closed pipe.";
            case CANCELLED -> "Cancelled (Ctrl-C): the unfinished batch was rolled back.";
        };
    }
}
