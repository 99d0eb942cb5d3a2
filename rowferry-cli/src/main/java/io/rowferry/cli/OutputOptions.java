package io.rowferry.cli;

import picocli.CommandLine.Option;

/** What the run reports while it goes and at the end: {@code --progress} and {@code --output}. */
final class OutputOptions {

    /** The form of the final summary. */
    enum Format {
        /** One line on stderr. */
        TEXT,
        /** One JSON object (on stdout, or on stderr when the data itself goes to stdout). */
        JSON
    }

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            defaultValue = "auto",
            converter = LowerCaseEnum.ProgressModes.class,
            completionCandidates = LowerCaseEnum.ProgressModes.class,
            description = "Progress on stderr: ${COMPLETION-CANDIDATES}. auto shows a live line when stderr is a"
                    + " terminal and CI is unset; always also writes a plain line every 10 s to logs.")
    ProgressMode progress;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = LowerCaseEnum.OutputFormats.class,
            completionCandidates = LowerCaseEnum.OutputFormats.class,
            description = "Summary at the end: ${COMPLETION-CANDIDATES}. json writes one object with counts,"
                    + " rates, peak heap and, on failure, the error kind and exit code.")
    Format output;

    boolean json() {
        return output == Format.JSON;
    }
}
