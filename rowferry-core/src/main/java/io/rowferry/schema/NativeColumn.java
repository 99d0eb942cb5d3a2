package io.rowferry.schema;

/**
 * A column as the database describes it, before it is read into a {@link SqlType}.
 *
 * @param name the column's name
 * @param jdbcType the {@link java.sql.Types} code the driver reports
 * @param typeName the driver's type name ({@code int8}, {@code DECIMAL}, {@code TINYINT UNSIGNED}, ...)
 * @param size COLUMN_SIZE or precision (0 when the driver reports none)
 * @param digits DECIMAL_DIGITS or scale (fraction digits for times), or -1 when unknown
 * @param nativeType the full native declaration where the catalog has one (MariaDB {@code COLUMN_TYPE}, e.g.
 *     {@code enum('a','b')}, {@code tinyint(1)}, {@code bigint(20) unsigned}), else null
 * @param nullable whether the column may hold NULL
 */
public record NativeColumn(
        String name, int jdbcType, String typeName, int size, int digits, String nativeType, boolean nullable) {}
