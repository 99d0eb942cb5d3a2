package io.rowferry.schema;

/**
 * How one column crosses: its source type, the neutral type, the target's type, and whether values can be lost.
 *
 * @param name the column's name
 * @param sourceType the source's own spelling of the type
 * @param type the neutral type
 * @param targetType the target's type (chosen for {@code --create}, or the existing column's)
 * @param loss why some values cannot arrive identical, or null
 * @param note other information (e.g. "as text"), or null
 */
public record ColumnPlan(String name, String sourceType, SqlType type, String targetType, String loss, String note) {

    public boolean isLossless() {
        return loss == null;
    }
}
