package io.rowferry.cli;

import java.util.logging.Level;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Quiet, one-line logging on stderr (libraries.md §6). By default only warnings show, as
 * {@code rowferry: warning: <message>} (for instance the offset strategy's warning); {@code --verbose} shows
 * Rowferry's debug messages and everyone's INFO, with thread and logger names.
 *
 * <p>slf4j-simple reads its settings once, when the first logger is created, so this must run before anything
 * logs. Settings already given as {@code -D} system properties (e.g. in {@code JAVA_OPTS}) win.
 *
 * <p>Drivers that log through java.util.logging (pgjdbc; mssql-jdbc and ojdbc too) would print INFO in JUL's
 * two-line format whatever the SLF4J backend; the bridge routes them into the same format and level.
 * MariaDB Connector/J uses SLF4J directly when present.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static boolean configured;

    private Logging() {}

    /** Sets up logging for this process; only the first call counts. */
    static synchronized void configure(boolean verbose) {
        if (configured) {
            return;
        }
        configured = true;
        setDefault("logFile", "System.err");
        if (verbose) {
            setDefault("defaultLogLevel", "info");
            setDefault("log.io.rowferry", "debug");
            setDefault("showThreadName", "true");
            setDefault("showShortLogName", "true");
        } else {
            setDefault("defaultLogLevel", "warn");
            setDefault("showThreadName", "false");
            setDefault("showLogName", "false");
            setDefault("showShortLogName", "false");
            // slf4j-simple writes "<level> <message>"; this level text makes it "rowferry: warning: <message>".
            setDefault("warnLevelString", "rowferry: warning:");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
