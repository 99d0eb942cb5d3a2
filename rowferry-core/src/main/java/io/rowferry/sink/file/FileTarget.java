package io.rowferry.sink.file;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where an export writes: a file, or standard output. A file is written beside its final name as
 * {@code .<name>.partial} and moved into place only when the export succeeds, so a failed or interrupted export
 * never leaves a truncated file under the real name (and never replaces an older complete one).
 */
public final class FileTarget {
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final OutputStream standardOutput;
    private Path partial;
    private OutputStream out;
    private FileChannel channel;
    private long resumeAt = -1;
    private boolean keepUnfinished;

    private FileTarget(Path path, OutputStream standardOutput) {
        this.path = path;
        this.standardOutput = standardOutput;
    }

    public static FileTarget file(Path path) {
        return new FileTarget(path.toAbsolutePath(), null);
    }

    /** Standard output (or any stream the caller owns); it is flushed but never closed. */
    public static FileTarget stream(OutputStream stream) {
        return new FileTarget(null, stream);
    }

    /** Opens the output; for a file, checks that its directory exists and is writable. */
    public OutputStream open() {
        if (standardOutput != null) {
            out = new BufferedOutputStream(new FilterOutputStream(standardOutput) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    standardOutput.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // never close the caller's stream
                }
            }, BUFFER);
            return out;
        }
        Path directory = path.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new RowferryException(ErrorKind.IO, "cannot write " + path + ": directory " + directory
                    + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new RowferryException(ErrorKind.IO, "cannot write " + path + ": it is a directory");
        }
        partial = partialPath();
        try {
            if (resumeAt >= 0) {
                if (!Files.exists(partial)) {
                    throw new RowferryException(ErrorKind.USAGE, "cannot resume " + path + ": its unfinished file "
                            + partial + " is gone; start over without --resume");
                }
                channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                if (channel.size() < resumeAt) {
                    throw new RowferryException(ErrorKind.USAGE, "cannot resume " + path + ": " + partial + " has "
                            + channel.size() + " bytes, fewer than the " + resumeAt + " recorded; start over");
                }
                channel.truncate(resumeAt); // what was written after the last checkpoint is written again
                channel.position(resumeAt);
            } else {
                channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
            out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            return out;
        } catch (IOException e) {
            throw failure("cannot create", e);
        }
    }

    private Path partialPath() {
        return path.resolveSibling("." + path.getFileName() + ".partial");
    }

    /** Whether this is a file, which can be resumed, and not standard output. */
    public boolean isFile() {
        return path != null;
    }

    /** The export's state file: hidden beside the output, {@code .<name>.rowferry-state}. */
    public Path statePath() {
        return path.resolveSibling("." + path.getFileName() + ".rowferry-state");
    }

    /** Before {@link #open()}: continue the unfinished file at this length instead of starting a new one. */
    public void resumeAt(long bytes) {
        this.resumeAt = bytes;
    }

    /** Whether {@link #open()} continues an unfinished file with content. */
    public boolean resumesContent() {
        return resumeAt > 0;
    }

    /** Keep the unfinished file when the export fails, for a resume. */
    public void keepUnfinished() {
        this.keepUnfinished = true;
    }

    /** Flushes the stream (the caller has flushed its own buffers into it) and forces the file to disk. */
    public long sync() {
        try {
            out.flush();
            channel.force(false);
            return channel.position();
        } catch (IOException e) {
            throw failure("cannot write", e);
        }
    }

    /** Flushes and, for a file, moves it into place. */
    public void commit() {
        try {
            out.close();
            if (partial != null) {
                try {
                    Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
                }
                partial = null;
            }
        } catch (IOException e) {
            throw failure("cannot finish", e);
        }
    }

    /** Drops an unfinished file; on standard output, what was written stays written. */
    public void discard() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // discarding anyway
        }
        if (partial != null && !keepUnfinished) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the partial file is named as such
            }
            partial = null;
        }
    }

    public String describe() {
        return path != null ? path.toString() : "standard output";
    }

    public RowferryException failure(String what, IOException cause) {
        return new RowferryException(ErrorKind.IO, what + " " + describe() + ": " + cause.getMessage(), cause);
    }
}
