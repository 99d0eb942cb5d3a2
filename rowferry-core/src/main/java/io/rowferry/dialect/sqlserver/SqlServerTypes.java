package io.rowferry.dialect.sqlserver;

import io.rowferry.schema.SqlType;
import io.rowferry.schema.TypeChoice;

/**
 * The SQL Server type chosen for each neutral type
 * (https://learn.microsoft.com/sql/t-sql/data-types/data-types-transact-sql). Not verified against a server here:
 * covered by golden DDL tests only.
 */
final class SqlServerTypes {
    private SqlServerTypes() {}

    static TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("bit");
            case INTEGER -> {
                // tinyint is unsigned (0-255) in SQL Server; a signed 8-bit column needs smallint
                if (type.size() == 8 && type.unsigned()) {
                    yield TypeChoice.lossless("tinyint");
                }
                int bits = type.size() + (type.unsigned() ? 1 : 0);
                yield TypeChoice.lossless(bits <= 16 ? "smallint" : bits <= 32 ? "int" : bits <= 64 ? "bigint"
                        : "decimal(20,0)");
            }
            case DECIMAL -> type.size() == 0 || type.size() > 38
                    ? TypeChoice.lossy("decimal(38," + (type.size() == 0 ? 10 : Math.min(38, type.scale())) + ")",
                            "SQL Server decimals hold at most 38 digits")
                    : TypeChoice.lossless("decimal(" + type.size() + "," + type.scale() + ")");
            case FLOAT -> TypeChoice.lossy(type.size() <= 32 ? "real" : "float(53)",
                    "SQL Server cannot store NaN or infinities");
            case CHAR -> type.size() <= 4000 ? TypeChoice.lossless("nchar(" + type.size() + ")")
                    : TypeChoice.lossless("nvarchar(max)");
            case VARCHAR -> type.size() <= 4000 ? TypeChoice.lossless("nvarchar(" + type.size() + ")")
                    : TypeChoice.lossless("nvarchar(max)");
            case TEXT -> TypeChoice.lossless("nvarchar(max)");
            case BINARY -> type.size() <= 8000 ? TypeChoice.lossless("binary(" + type.size() + ")")
                    : TypeChoice.lossless("varbinary(max)");
            case VARBINARY -> type.size() <= 8000 ? TypeChoice.lossless("varbinary(" + type.size() + ")")
                    : TypeChoice.lossless("varbinary(max)");
            case BLOB -> TypeChoice.lossless("varbinary(max)");
            case DATE -> TypeChoice.lossy("date", "dates before 0001-01-01 do not fit");
            case TIME -> TypeChoice.lossless("time(" + Math.min(7, type.size()) + ")");
            case TIME_TZ -> TypeChoice.lossy("time(" + Math.min(7, type.size()) + ")", "the offset is dropped");
            case TIMESTAMP -> TypeChoice.lossless("datetime2(" + Math.min(7, type.size()) + ")");
            case TIMESTAMP_TZ -> TypeChoice.lossless("datetimeoffset(" + Math.min(7, type.size()) + ")");
            case UUID -> TypeChoice.lossless("uniqueidentifier");
            case YEAR -> TypeChoice.lossless("smallint");
            case JSON, JSONB -> TypeChoice.lossless("nvarchar(max)", "as text");
            case ENUM, SET, INTERVAL, ARRAY, BIT, XML, OTHER -> TypeChoice.lossless("nvarchar(max)",
                    "as the source's text");
        };
    }
}
