package io.rowferry.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An enum option written in lower case ({@code --strategy keyset}), case-insensitive on input. One subclass per
 * enum serves as both the option's converter and its completion candidates, so help lists the same lower-case
 * names the parser accepts (picocli's built-in enum support shows the constants' upper-case names).
 */
abstract class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;

    LowerCaseEnum(Class<E> type) {
        this.type = type;
    }

    /** The option-value name of a constant. */
    static String nameOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants())
                .map(LowerCaseEnum::nameOf)
                .collect(Collectors.toList())
                .iterator();
    }

    /** {@code auto}, {@code cursor}, {@code keyset}, {@code offset}. */
    static final class Strategies extends LowerCaseEnum<io.rowferry.ReadStrategy> {
        Strategies() {
            super(io.rowferry.ReadStrategy.class);
        }
    }

    /** {@code auto}, {@code insert}, {@code bulk}. */
    static final class WriteModes extends LowerCaseEnum<io.rowferry.WriteMode> {
        WriteModes() {
            super(io.rowferry.WriteMode.class);
        }
    }

    /** {@code fail}, {@code append}, {@code truncate}, {@code replace}. */
    static final class IfExistsActions extends LowerCaseEnum<io.rowferry.IfExists> {
        IfExistsActions() {
            super(io.rowferry.IfExists.class);
        }
    }

    /** {@code fail}, {@code warn}, {@code allow}. */
    static final class OnLossyPolicies extends LowerCaseEnum<io.rowferry.OnLossy> {
        OnLossyPolicies() {
            super(io.rowferry.OnLossy.class);
        }
    }

    /** {@code auto}, {@code always}, {@code never}. */
    static final class ProgressModes extends LowerCaseEnum<ProgressMode> {
        ProgressModes() {
            super(ProgressMode.class);
        }
    }

    /** {@code text}, {@code json}. */
    static final class OutputFormats extends LowerCaseEnum<OutputOptions.Format> {
        OutputFormats() {
            super(OutputOptions.Format.class);
        }
    }

    /** {@code csv}, {@code jsonl}. */
    static final class ExportFormats extends LowerCaseEnum<ExportCommand.FileFormat> {
        ExportFormats() {
            super(ExportCommand.FileFormat.class);
        }
    }
}
