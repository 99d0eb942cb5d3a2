package io.rowferry.schema;

/**
 * A column of a table definition: its name, its type in neutral terms, whether it may hold NULL, and the source's
 * own spelling of the type (for reports).
 */
public record ColumnDefinition(String name, SqlType type, boolean nullable, String nativeType) {}
