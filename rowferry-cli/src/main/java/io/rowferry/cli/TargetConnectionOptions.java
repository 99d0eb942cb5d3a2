package io.rowferry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code --to}, {@code --to-user}, {@code --to-password-file}: where a copy writes (or a plan would). */
final class TargetConnectionOptions extends ConnectionOptions {

    @Option(
            names = "--to",
            required = true,
            paramLabel = "URL",
            description = "JDBC URL of the target database.")
    String url;

    @Option(
            names = "--to-user",
            paramLabel = "USER",
            description = "User for the target. Default: $ROWFERRY_TO_USER, else the one in the URL.")
    String user;

    @Option(
            names = "--to-password-file",
            paramLabel = "FILE",
            showDefaultValue = Visibility.NEVER,
            description = "File holding the target's password (a trailing newline is ignored)."
                    + " Default: $ROWFERRY_TO_PASSWORD, else the one in the URL.")
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
        return "TO";
    }
}
