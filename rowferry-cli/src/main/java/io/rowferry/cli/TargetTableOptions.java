package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import io.rowferry.IfExists;
import io.rowferry.OnLossy;
import io.rowferry.WriteMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The target table of {@code copy} and {@code plan}: its name, whether it is created, what happens when it exists,
 * how rows are written and what happens to a value the target column cannot hold exactly.
 */
final class TargetTableOptions {

    @Option(
            names = "--target-table",
            paramLabel = "TABLE",
            description = "Table to write into. Default: the --table name. Required with --query.")
    String targetTable;

    @Option(
            names = "--write-mode",
            paramLabel = "MODE",
            defaultValue = "auto",
            converter = LowerCaseEnum.WriteModes.class,
            completionCandidates = LowerCaseEnum.WriteModes.class,
            description = "How to write: ${COMPLETION-CANDIDATES}. insert: JDBC batches; bulk: the target's bulk"
                    + " loader (COPY, LOAD DATA, appender), an error where there is none; auto: bulk where the"
                    + " target has it, insert otherwise.")
    WriteMode writeMode;

    @Option(
            names = "--create",
            description = "Create the target table from the source's definition when it does not exist: columns"
                    + " in order, types mapped to the target's (see 'rowferry plan'), NOT NULL, primary key."
                    + " Without it the table must exist.")
    boolean create;

    @Option(
            names = "--if-exists",
            paramLabel = "ACTION",
            converter = LowerCaseEnum.IfExistsActions.class,
            completionCandidates = LowerCaseEnum.IfExistsActions.class,
            showDefaultValue = Visibility.NEVER,
            description = "When the target table exists: ${COMPLETION-CANDIDATES}. fail (with --create): stop"
                    + " before writing anything; append: add the rows; truncate: remove its rows first; replace"
                    + " (with --create): drop it and create it again. Default: fail with --create, append without.")
    IfExists ifExists;

    @Option(
            names = "--type-map",
            paramLabel = "COLUMN=TYPE",
            showDefaultValue = Visibility.NEVER,
            description = "Target type of one column of a created table instead of the mapped one, in the"
                    + " target's DDL: --type-map 'amount=numeric(12,2)'. Repeat for more columns. Only with --create.")
    List<String> typeMap = new ArrayList<>();

    @Option(
            names = "--on-lossy",
            paramLabel = "POLICY",
            defaultValue = "fail",
            converter = LowerCaseEnum.OnLossyPolicies.class,
            completionCandidates = LowerCaseEnum.OnLossyPolicies.class,
            description = "A value the target column cannot hold exactly (too long, too many digits, out of"
                    + " range): ${COMPLETION-CANDIDATES}. fail: stop, naming column, key and value; warn: write the"
                    + " nearest value, count it and warn once per column; allow: the same without warnings.")
    OnLossy onLossy;

    /** Checks what picocli cannot express, so such mistakes are usage errors (exit 2) with a help hint. */
    void validate(CommandSpec spec, ReadOptions read) {
        if (read.query != null && targetTable == null) {
            throw new ParameterException(spec.commandLine(), "--query needs --target-table: the table to copy into");
        }
        if (!create) {
            if (ifExists == IfExists.REPLACE) {
                throw new ParameterException(spec.commandLine(),
                        "--if-exists replace needs --create: the table is created again from the source's definition");
            }
            if (ifExists == IfExists.FAIL) {
                throw new ParameterException(spec.commandLine(),
                        "--if-exists fail needs --create: without it the target table must exist");
            }
            if (!typeMap.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--type-map needs --create: it sets the types of a created table");
            }
        }
        types(spec);
    }

    /**
     * The {@code --type-map} entries by column, in the order given. Each is split on its first {@code =}: the type
     * is everything after it, commas included ({@code numeric(12,2)}), which is why entries are never split on
     * commas.
     */
    Map<String, String> types(CommandSpec spec) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String entry : typeMap) {
            int equals = entry.indexOf('=');
            String column = equals < 0 ? "" : entry.substring(0, equals).strip();
            String type = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (column.isEmpty() || type.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--type-map expects COLUMN=TYPE, e.g."
                        + " amount=numeric(12,2), but was '" + entry + "'");
            }
            String previous = seen.put(column.toLowerCase(Locale.ROOT), column);
            if (previous != null) {
                throw new ParameterException(spec.commandLine(), "--type-map names column " + column
                        + " twice; give one type per column");
            }
            types.put(column, type);
        }
        return types;
    }

    /** The table to write into: --target-table, else the --table name. */
    String table(ReadOptions read) {
        return targetTable != null ? targetTable : read.table;
    }

    /** Sets these options on a copy into a database table. */
    CopyBuilder apply(CopyBuilder copy, CommandSpec spec) {
        copy.writeMode(writeMode).create(create).onLossy(onLossy);
        if (ifExists != null) {
            copy.ifExists(ifExists);
        }
        Map<String, String> types = types(spec);
        if (!types.isEmpty()) {
            copy.typeMap(types);
        }
        return copy;
    }

    /** What --if-exists resolves to: the option, else fail with --create and append without. */
    IfExists effectiveIfExists() {
        return ifExists != null ? ifExists : create ? IfExists.FAIL : IfExists.APPEND;
    }
}
