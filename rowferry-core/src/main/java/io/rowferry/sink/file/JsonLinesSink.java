package io.rowferry.sink.file;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines: one object per row, one row per line, keys in column order. Numbers are JSON numbers, exact
 * (decimals in plain notation, 64-bit and larger integers digit for digit); NaN and infinities, which JSON has no
 * number for, are strings; booleans are booleans; binary is base64; dates, times and everything else are strings
 * as {@link ValueText} gives them; NULL is {@code null}.
 */
public final class JsonLinesSink extends FileTargetSink {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .rootValueSeparator("\n")
            .build();

    private JsonGenerator json;
    private boolean wroteAny;

    public JsonLinesSink(FileTarget target) {
        super(target);
    }

    @Override
    public void open(RowSchema schema) {
        json = JSON.createGenerator(ObjectWriteContext.empty(), target.open());
        if (target.resumesContent()) {
            // the new generator does not know the file holds values: the next one starts a new line
            json.writeRaw('\n');
            wroteAny = true;
        }
    }

    @Override
    public void write(List<Row> batch) {
        try {
            List<String> names = batch.get(0).schema().names();
            for (Row row : batch) {
                json.writeStartObject();
                for (int i = 0; i < names.size(); i++) {
                    json.writeName(names.get(i));
                    writeValue(row.get(i));
                }
                json.writeEndObject();
                wroteAny = true;
            }
        } catch (JacksonException e) {
            throw target.failure("cannot write", new java.io.IOException(e.getOriginalMessage(), e));
        }
    }

    private void writeValue(Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                if (value instanceof Float f) {
                    json.writeNumber(f);
                } else {
                    json.writeNumber(number);
                }
            } else {
                json.writeString(value.toString());
            }
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else {
            json.writeString(ValueText.of(value));
        }
    }

    @Override
    public void finish() {
        try {
            if (wroteAny) {
                json.writeRaw('\n');
            }
            json.close();
        } catch (JacksonException e) {
            throw target.failure("cannot write", new java.io.IOException(e.getOriginalMessage(), e));
        }
        target.commit();
    }

    @Override
    protected void flushFormat() {
        try {
            json.flush();
        } catch (JacksonException e) {
            throw target.failure("cannot write", new java.io.IOException(e.getOriginalMessage(), e));
        }
    }

    @Override
    public String describe() {
        return "JSON Lines " + target.describe();
    }
}
