package io.rowferry.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code rowferry} command: parses the command line, runs one subcommand and ends with its exit code.
 *
 * <p>It also holds what every subcommand shares: the standard streams, the environment (for the
 * {@code ROWFERRY_*} variables), the passwords met so far (so no output shows them) and {@code --verbose}.
 * Tests create it with their own streams and environment.
 */
@Command(
        name = "rowferry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
            "Streams database tables in bounded memory: copies them to another database",
            "or exports them to files. Memory stays the same whatever the table's size.",
            "'rowferry plan' shows what a copy would do, without writing anything;",
            "'rowferry verify' proves that two tables hold the same rows.",
            ""
        },
        synopsisSubcommandLabel = "(copy | plan | export | verify | demo)",
        subcommands = {CopyCommand.class, PlanCommand.class, ExportCommand.class, VerifyCommand.class, DemoCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rowferry demo --rows 200000",
            "  rowferry copy --table orders --from jdbc:postgresql://db1/shop \\",
            "      --to jdbc:mariadb://db2/shop",
            "  rowferry plan --table orders --from jdbc:postgresql://db1/shop \\",
            "      --to jdbc:mariadb://db2/shop --create",
            "  rowferry export --from jdbc:sqlite:shop.db --table orders \\",
            "      --format csv --out orders.csv",
            "  rowferry verify --table orders --from jdbc:mariadb://db1/shop \\",
            "      --to jdbc:postgresql://db2/shop",
            "",
            "Run 'rowferry COMMAND --help' for a command's options."
        })
public final class Main implements Runnable {
    final PrintStream out;
    final PrintStream err;
    /** Where {@code export --out -} writes its rows: standard output, but able to fail (see the constructor). */
    final OutputStream dataOut;
    final Map<String, String> environment;
    final Secrets secrets = new Secrets();
    /** Counted down once the outcome has been reported, so a Ctrl-C hook can let the last message out. */
    final CountDownLatch reported = new CountDownLatch(1);

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log what happens (Rowferry at debug level, drivers at info) and show stack traces of errors.")
    boolean verbose;

    /** Uses the process's standard streams and environment. */
    public Main() {
        // Exported rows go to file descriptor 1 directly: System.out is a PrintStream, which swallows write errors,
        // so `rowferry export --out - | head` would read the whole table into a closed pipe and end with 0.
        this(System.out, System.err, new FileOutputStream(FileDescriptor.out), System.getenv());
    }

    /** Uses these streams and this environment instead of the process's; exported rows go to {@code out}. */
    public Main(PrintStream out, PrintStream err, Map<String, String> environment) {
        this(out, err, out, environment);
    }

    private Main(PrintStream out, PrintStream err, OutputStream dataOut, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.dataOut = dataOut;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        Main main = new Main();
        int exitCode = main.commandLine().execute(args);
        main.reported.countDown();
        System.exit(exitCode);
    }

    /** A command line for this instance, with Rowferry's error handling, exit codes and logging set up. */
    public CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this);
        ExitCodes exitCodes = new ExitCodes(this);
        commandLine
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExitCodeExceptionMapper(exitCodes)
                .setExecutionExceptionHandler(exitCodes)
                .setParameterExceptionHandler(exitCodes)
                // Logging is configured once the options are known (for --verbose) and before any logger exists.
                .setExecutionStrategy(parseResult -> {
                    Logging.configure(verbose);
                    return new CommandLine.RunLast().execute(parseResult);
                });
        ExitCodes.document(commandLine);
        return commandLine;
    }

    /** {@code rowferry} without a subcommand is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: copy, plan, export, verify or demo");
    }
}
