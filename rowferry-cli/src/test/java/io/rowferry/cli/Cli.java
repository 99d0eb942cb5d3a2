package io.rowferry.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs the rowferry command in-process and captures everything it writes. {@link System#out} and
 * {@link System#err} are captured too while it runs, so output that bypasses the command's streams (a driver
 * printing, a log line) is caught as well.
 */
final class Cli {
    static {
        // Logging is configured once per JVM, by the first run; make that the default (non-verbose) setup,
        // whatever test runs first.
        Logging.configure(false);
    }

    /** What a run ended with. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** Everything the run wrote, for "never appears anywhere" checks. */
        String all() {
            return out + err;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static synchronized Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(out);
        System.setErr(err);
        try {
            int exitCode = new Main(out, err, environment).commandLine().execute(args);
            return new Result(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
