package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/cli.md documents every option of every command, so the reference cannot fall behind the code. */
class CliReferenceTest {

    @Test
    void everyOptionIsInTheReference() throws Exception {
        String reference = Files.readString(Path.of("..", "docs", "cli.md"), StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        CommandLine root = new Main(quiet, quiet, Map.of()).commandLine();
        for (CommandLine command : root.getSubcommands().values()) {
            assertThat(reference).as("section for %s", command.getCommandName())
                    .contains("## `rowferry " + command.getCommandName() + "`");
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(reference).as("%s %s", command.getCommandName(), option.longestName())
                        .contains("`" + option.longestName());
            }
        }
    }
}
