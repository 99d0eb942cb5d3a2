package io.rowferry.sink.file;

import java.nio.file.Path;

/**
 * What the export formats share: the {@link FileTarget} they write, and checkpointing it (sync, resume, keep the
 * unfinished file), dropped on failure unless kept for a resume.
 */
abstract class FileTargetSink implements ResumableFileSink {
    protected final FileTarget target;

    FileTargetSink(FileTarget target) {
        this.target = target;
    }

    /** Flushes the format's own buffers into the target's stream. */
    protected abstract void flushFormat();

    @Override
    public boolean writesFile() {
        return target.isFile();
    }

    @Override
    public Path statePath() {
        return target.statePath();
    }

    @Override
    public void resumeAt(long bytes) {
        target.resumeAt(bytes);
    }

    @Override
    public void keepUnfinished() {
        target.keepUnfinished();
    }

    @Override
    public long sync() {
        flushFormat();
        return target.sync();
    }

    @Override
    public void abort() {
        target.discard();
    }

    @Override
    public void close() {
        target.discard(); // a no-op after commit
    }
}
