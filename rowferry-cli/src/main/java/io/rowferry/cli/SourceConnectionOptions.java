package io.rowferry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code --from}, {@code --from-user}, {@code --from-password-file}: where rows are read. */
final class SourceConnectionOptions extends ConnectionOptions {

    @Option(
            names = "--from",
            required = true,
            paramLabel = "URL",
            description = "JDBC URL of the source database.")
    String url;

    @Option(
            names = "--from-user",
            paramLabel = "USER",
            description = "User for the source. Default: $ROWFERRY_FROM_USER, else the one in the URL.")
    String user;

    @Option(
            names = "--from-password-file",
            paramLabel = "FILE",
            showDefaultValue = Visibility.NEVER,
            description = "File holding the source's password (a trailing newline is ignored)."
                    + " Default: $ROWFERRY_FROM_PASSWORD, else the one in the URL.")
    Path passwordFile;

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return user;
    }

    @Override
    Path passwordFile() {
        return passwordFile;
    }

    @Override
    String side() {
        return "FROM";
    }
}
