package io.rowferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** When to show progress ({@code --progress}), and how that resolves for the stream it goes to. */
enum ProgressMode {
    /** A live line on a terminal, nothing otherwise. */
    AUTO,
    /** A live line on a terminal, a plain line every 10 s otherwise (for logs of long runs). */
    ALWAYS,
    /** Nothing until the summary. */
    NEVER;

    /** How progress is drawn. */
    enum Display {
        /** One line redrawn in place ({@code \r} and erase-line) every 200 ms. */
        LIVE,
        /** A plain line every 10 s. */
        PLAIN,
        /** Nothing. */
        NONE
    }

    /** The display for progress written to {@code stream} in this environment. */
    Display display(java.io.PrintStream stream, Map<String, String> environment) {
        if (this == NEVER) {
            return Display.NONE;
        }
        boolean terminal = stream == System.err && stderrIsTerminal() && !environment.containsKey("CI");
        if (terminal) {
            return Display.LIVE;
        }
        return this == ALWAYS ? Display.PLAIN : Display.NONE;
    }

    /**
     * Whether file descriptor 2 is a terminal. {@code System.console()} alone is not enough: it is null whenever
     * stdout is redirected, even with stderr on a terminal, which is exactly {@code export --out - > file}
     * (libraries.md §2). On Linux the descriptor's link names the device; elsewhere fall back to the console.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
