package io.rowferry.checkpoint;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.file.ResumableFileSink;
import io.rowferry.source.KeyRange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * An export's checkpoints, in a small JSON file beside the unfinished output. After each batch the output is flushed
 * and forced to disk, then the state — the output's durable length and each range's last key and row count — is
 * written to a temporary file, forced, and moved over the old state atomically. A crash at any point leaves a state
 * whose length the output has reached, so a resumed export cuts the output back to it and continues after the
 * recorded keys. The state file is removed when the export is complete.
 */
public final class FileState implements Checkpoints {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private String plan;
    private Object low;
    private Object high;
    private final List<SplitState> splits = new ArrayList<>();
    /** The output's durable length at the last checkpoint. */
    private long lastBytes;

    public FileState(Path path) {
        this.path = path;
    }

    @Override
    public Optional<Recorded> load() {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RowferryException(ErrorKind.IO, "cannot read the export state " + path + ": " + e.getMessage(), e);
        }
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
            String recordedPlan = null;
            String updated = null;
            long bytes = 0;
            Object[] lowKey = null;
            Object[] highKey = null;
            List<SplitState> recorded = new ArrayList<>();
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = json.currentName();
                String value = json.nextToken() == JsonToken.VALUE_NULL ? null : json.getString();
                switch (field) {
                    case "plan" -> recordedPlan = value;
                    case "updatedAt" -> updated = value;
                    case "bytes" -> bytes = json.getLongValue();
                    case "low" -> lowKey = KeyCodec.decode(value);
                    case "high" -> highKey = KeyCodec.decode(value);
                    case "splits" -> {
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            recorded.add(readSplit(json));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (recordedPlan == null || recorded.isEmpty()) {
                throw new RowferryException(ErrorKind.USAGE, "the export state " + path + " is incomplete");
            }
            plan = recordedPlan;
            low = lowKey == null ? null : lowKey[0];
            high = highKey == null ? null : highKey[0];
            splits.clear();
            splits.addAll(recorded);
            lastBytes = bytes; // a range finished before any new write keeps the durable length recorded
            return Optional.of(new Recorded(recordedPlan, List.copyOf(recorded), updated, low, high, bytes));
        } catch (JacksonException e) {
            throw new RowferryException(ErrorKind.USAGE, "the export state " + path + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static SplitState readSplit(JsonParser json) {
        int index = 0;
        Object[] after = null;
        Object[] until = null;
        Object[] last = null;
        long rows = 0;
        boolean done = false;
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            String text = value == JsonToken.VALUE_NULL ? null : json.getString();
            switch (field) {
                case "split" -> index = json.getIntValue();
                case "after" -> after = KeyCodec.decode(text);
                case "until" -> until = KeyCodec.decode(text);
                case "lastKey" -> last = KeyCodec.decode(text);
                case "rows" -> rows = json.getLongValue();
                case "done" -> done = json.getBooleanValue();
                default -> json.skipChildren();
            }
        }
        return new SplitState(new KeyRange(index, after, until), last, rows, done);
    }

    private void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new RowferryException(ErrorKind.USAGE, "the export state " + path + " is not valid");
        }
    }

    @Override
    public void begin(String newPlan, List<KeyRange> ranges, Object newLow, Object newHigh) {
        plan = newPlan;
        low = newLow;
        high = newHigh;
        splits.clear();
        for (KeyRange range : ranges) {
            splits.add(new SplitState(range, null, 0, false));
        }
        save(0);
    }

    /** Writes the batch, syncs the output, then records where every range got. */
    @Override
    public void write(RowSink sink, List<Progress> progress, Runnable write) {
        write.run();
        long bytes = ((ResumableFileSink) sink).sync();
        synchronized (this) {
            for (Progress split : progress) {
                SplitState old = splits.get(split.split());
                splits.set(split.split(), new SplitState(old.range(), split.lastKey(), split.rowsWritten(), false));
            }
            save(bytes);
        }
    }

    @Override
    public synchronized void finish(int split) {
        SplitState old = splits.get(split);
        splits.set(split, new SplitState(old.range(), old.lastKey(), old.rowsWritten(), true));
        save(lastBytes);
    }

    @Override
    public void completed() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new RowferryException(ErrorKind.IO, "cannot remove the export state " + path + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String name() {
        return path.toString();
    }

    private void save(long bytes) {
        lastBytes = bytes;
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            json.writeStartObject();
            json.writeStringProperty("plan", plan);
            json.writeStringProperty("updatedAt", Instant.now().toString());
            json.writeNumberProperty("bytes", bytes);
            json.writeStringProperty("low", low == null ? null : KeyCodec.encode(new Object[] {low}));
            json.writeStringProperty("high", high == null ? null : KeyCodec.encode(new Object[] {high}));
            json.writeArrayPropertyStart("splits");
            for (SplitState split : splits) {
                json.writeStartObject();
                json.writeNumberProperty("split", split.range().index());
                json.writeStringProperty("after", KeyCodec.encode(split.range().after()));
                json.writeStringProperty("until", KeyCodec.encode(split.range().until()));
                json.writeStringProperty("lastKey", KeyCodec.encode(split.lastKey()));
                json.writeNumberProperty("rows", split.rowsWritten());
                json.writeBooleanProperty("done", split.done());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Path directory = path.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            // the first state is written before the output is opened, so this is where a missing directory shows
            throw new RowferryException(ErrorKind.IO, "cannot write the export state " + path + ": directory "
                    + directory + " does not exist");
        }
        try {
            Files.writeString(temporary, text.toString());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RowferryException(ErrorKind.IO, "cannot write the export state " + path + ": " + e.getMessage(),
                    e);
        }
    }
}
