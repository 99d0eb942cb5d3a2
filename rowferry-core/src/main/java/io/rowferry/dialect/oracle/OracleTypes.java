package io.rowferry.dialect.oracle;

import io.rowferry.schema.SqlType;
import io.rowferry.schema.TypeChoice;

/**
 * The Oracle type chosen for each neutral type
 * (https://docs.oracle.com/en/database/oracle/oracle-database/23/sqlrf/Data-Types.html). Oracle stores the empty
 * string as NULL, so every text type is lossy for empty strings. Not verified against a server here: covered by
 * golden DDL tests only.
 */
final class OracleTypes {
    private static final String EMPTY_IS_NULL = "Oracle stores the empty string as NULL";

    private OracleTypes() {}

    static TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("NUMBER(1)", "as 0 or 1");
            case INTEGER -> {
                int bits = type.size() + (type.unsigned() ? 1 : 0);
                yield TypeChoice.lossless(bits <= 8 ? "NUMBER(3)" : bits <= 16 ? "NUMBER(5)" : bits <= 24 ? "NUMBER(8)"
                        : bits <= 32 ? "NUMBER(10)" : bits <= 64 ? "NUMBER(19)" : "NUMBER(20)");
            }
            case DECIMAL -> type.size() == 0 || type.size() > 38
                    ? TypeChoice.lossy("NUMBER", "Oracle numbers hold 38 significant digits")
                    : TypeChoice.lossless("NUMBER(" + type.size() + "," + type.scale() + ")");
            case FLOAT -> TypeChoice.lossless(type.size() <= 32 ? "BINARY_FLOAT" : "BINARY_DOUBLE");
            case CHAR -> type.size() <= 2000 ? TypeChoice.lossy("CHAR(" + type.size() + " CHAR)", EMPTY_IS_NULL)
                    : TypeChoice.lossy("CLOB", EMPTY_IS_NULL);
            case VARCHAR -> type.size() <= 4000 ? TypeChoice.lossy("VARCHAR2(" + type.size() + " CHAR)", EMPTY_IS_NULL)
                    : TypeChoice.lossy("CLOB", EMPTY_IS_NULL);
            case TEXT -> TypeChoice.lossy("CLOB", EMPTY_IS_NULL);
            case BINARY, VARBINARY -> type.size() <= 2000 ? TypeChoice.lossy("RAW(" + Math.max(1, type.size()) + ")",
                    "Oracle stores empty binary as NULL") : TypeChoice.lossy("BLOB", "Oracle stores empty binary as NULL");
            case BLOB -> TypeChoice.lossy("BLOB", "Oracle stores empty binary as NULL");
            case DATE -> TypeChoice.lossless("DATE", "Oracle's DATE also has a time of day, here midnight");
            case TIME, TIME_TZ -> TypeChoice.lossless("VARCHAR2(32)", "as text");
            case TIMESTAMP -> TypeChoice.lossless("TIMESTAMP(" + Math.min(9, type.size()) + ")");
            case TIMESTAMP_TZ -> TypeChoice.lossless("TIMESTAMP(" + Math.min(9, type.size()) + ") WITH TIME ZONE");
            case UUID -> TypeChoice.lossless("VARCHAR2(36)", "as text");
            case YEAR -> TypeChoice.lossless("NUMBER(4)");
            case JSON, JSONB -> TypeChoice.lossy("CLOB", EMPTY_IS_NULL);
            case ENUM, SET, INTERVAL, ARRAY, BIT, XML, OTHER -> TypeChoice.lossy("CLOB", EMPTY_IS_NULL);
        };
    }
}
