package io.rowferry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured command: a pipeline of one or more processes (e.g. {@code psql ... | psql ...}), as a child
 * process tree, and measures its wall-clock time and peak resident memory.
 *
 * <p>Wall time is taken here, around the whole pipeline (process start to the last exit; a JVM's start-up counts,
 * as it does for a user). Peak RSS comes from GNU time ({@code /usr/bin/time -f '%e %M'}, one per process of the
 * pipeline); a pipeline's peak RSS is the sum of its processes' peaks, since they run at the same time. Without GNU
 * time the fallback polls {@code VmHWM} in {@code /proc/<pid>/status} of every process of the child tree every
 * 20 ms (a process's high-water mark only grows, so the last sample before it exits is close to its peak).
 */
final class ChildRun {

    /** How peak RSS is measured. */
    enum RssProbe {
        GNU_TIME("GNU time (/usr/bin/time -f '%e %M'), summed over the processes of a pipeline"),
        PROC_VMHWM("polling VmHWM in /proc/<pid>/status of the child process tree every 20 ms, summed over processes");

        final String description;

        RssProbe(String description) {
            this.description = description;
        }

        /** GNU time when it is there and is GNU's (BSD's has no -f); the /proc fallback otherwise. */
        static RssProbe detect() {
            Path time = Path.of("/usr/bin/time");
            if (Files.isExecutable(time) && Shell.capture("/usr/bin/time -f 'rss=%M' true").contains("rss=")) {
                return GNU_TIME;
            }
            return PROC_VMHWM;
        }
    }

    /** One process of a pipeline: its arguments, and for the last one optionally a file for its standard output. */
    record Stage(List<String> argv) {
        static Stage of(String... argv) {
            return new Stage(List.of(argv));
        }
    }

    /** What a run measured. {@code stdout} is the last stage's output unless it went to a file. */
    record Outcome(int exitCode, double seconds, long peakRssBytes, String stdout, String stderr, boolean timedOut) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    private final RssProbe probe;
    private final Path workDir;
    private final long timeoutSeconds;

    ChildRun(RssProbe probe, Path workDir, long timeoutSeconds) {
        this.probe = probe;
        this.workDir = workDir;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Runs {@code stages} as a pipeline ({@code set -o pipefail}: any failing stage fails it) with extra environment
     * variables; the last stage's standard output goes to {@code stdoutFile} when it is not null.
     */
    Outcome run(List<Stage> stages, Map<String, String> environment, Path stdoutFile)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<Path> timeFiles = new ArrayList<>();
        StringBuilder script = new StringBuilder("set -o pipefail; ");
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                script.append(" | ");
            }
            if (probe == RssProbe.GNU_TIME) {
                Path timeFile = workDir.resolve("time-" + i + ".txt");
                Files.deleteIfExists(timeFile);
                timeFiles.add(timeFile);
                script.append("/usr/bin/time -o ").append(Shell.quote(timeFile.toString())).append(" -f '%e %M' ");
            }
            script.append(Shell.join(stages.get(i).argv()));
        }
        Path stdout = stdoutFile != null ? stdoutFile : workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);

        long start = System.nanoTime();
        Process process = builder.start();
        // If the harness is stopped (kill, Ctrl-C), the run it started must not go on without it.
        Thread stopChildren = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        Runtime.getRuntime().addShutdownHook(stopChildren);
        try {
            return await(process, start, timeFiles, stdoutFile, stdout, stderr);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChildren);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it stops the children
            }
        }
    }

    private Outcome await(Process process, long start, List<Path> timeFiles, Path stdoutFile, Path stdout,
            Path stderr) throws IOException, InterruptedException {
        Map<Long, Long> highWater = new HashMap<>();
        boolean finished;
        if (probe == RssProbe.PROC_VMHWM) {
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            finished = false;
            while (System.nanoTime() < deadline) {
                // The shell itself too: bash may exec the last command in its own process.
                sampleHighWater(process.pid(), highWater);
                process.descendants().forEach(child -> sampleHighWater(child.pid(), highWater));
                if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                    finished = true;
                    break;
                }
            }
        } else {
            finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        }
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long peakRss = 0;
        if (probe == RssProbe.GNU_TIME) {
            for (Path timeFile : timeFiles) {
                peakRss += gnuTimePeakKilobytes(timeFile) * 1024;
            }
        } else {
            for (long kilobytes : highWater.values()) {
                peakRss += kilobytes * 1024;
            }
        }
        String out = stdoutFile != null ? "" : Files.readString(stdout, StandardCharsets.UTF_8);
        String err = tail(Files.readString(stderr, StandardCharsets.UTF_8), 4000);
        return new Outcome(finished ? process.exitValue() : -1, seconds, peakRss, out, err, !finished);
    }

    /** The {@code %M} figure (kilobytes) of a GNU time output file; 0 if it is missing or unreadable. */
    private static long gnuTimePeakKilobytes(Path timeFile) throws IOException {
        if (!Files.exists(timeFile)) {
            return 0;
        }
        // A process killed by a signal gets a "Command terminated by signal" line before the figures.
        List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).trim().split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                return Long.parseLong(parts[1]);
            }
        }
        return 0;
    }

    private static void sampleHighWater(long pid, Map<Long, Long> highWater) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    highWater.merge(pid, kilobytes, Math::max);
                    return;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process has exited between listing and reading
        }
    }

    private static String tail(String text, int maxChars) {
        return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
    }
}
