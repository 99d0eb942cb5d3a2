package io.rowferry.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.OnLossy;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.conformance.PostgresTestDatabase;
import io.rowferry.dialect.Dialect;
import io.rowferry.dialect.Dialects;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which columns {@link ValueGuards} checks value by value: none whose source type fits the target's, every one
 * when a transform may have changed the rows or the source's types are only hints (SQLite).
 */
class ValueGuardsTest {
    private static final PostgresTestDatabase SERVER = new PostgresTestDatabase();
    private static TargetTable target;

    /** numeric(12,2) and varchar(5) read from a PostgreSQL table of the same types: lossless. */
    private static final RowSchema SAME_TYPES = new RowSchema(List.of(
            new Column("amount", Types.NUMERIC, "numeric", 12, 2, true),
            new Column("code", Types.VARCHAR, "varchar", 5, 0, true)));
    /** numeric(14,4) into numeric(12,2): the amount column can lose digits, the code column cannot. */
    private static final RowSchema WIDER_AMOUNT = new RowSchema(List.of(
            new Column("amount", Types.NUMERIC, "numeric", 14, 4, true),
            new Column("code", Types.VARCHAR, "varchar", 5, 0, true)));

    @BeforeAll
    static void createTarget() throws Exception {
        Database database = SERVER.database();
        try (Connection connection = SERVER.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS value_guards_target");
            statement.execute("CREATE TABLE value_guards_target (amount numeric(12,2), code varchar(5))");
        }
        try (Connection connection = database.connect()) {
            target = TargetTable.resolve(database, connection, TableRef.parse("value_guards_target"));
        }
    }

    private static ValueGuards guards(Dialect source) {
        return new ValueGuards(target, target.dialect(), OnLossy.FAIL, source);
    }

    @Test
    void columnsWhoseSourceTypeFitsAreNotCheckedValueByValue() {
        // A value no numeric(12,2) source column could hold: passing unchecked shows the check is skipped.
        Row impossible = new Row(SAME_TYPES, new Object[] {new BigDecimal("1.005"), "toolong"});
        assertThat(guards(Dialects.byId("postgresql")).admit(impossible)).isSameAs(impossible);
    }

    @Test
    void columnsThatCanLoseAreStillCheckedExactly() {
        ValueGuards guards = guards(Dialects.byId("postgresql"));
        Row fits = new Row(WIDER_AMOUNT, new Object[] {new BigDecimal("1.5000"), "toolong"});
        assertThat(guards.admit(fits)).isSameAs(fits); // code is not checked, amount fits
        Row loses = new Row(WIDER_AMOUNT, new Object[] {new BigDecimal("1.0050"), "ab"});
        assertThatThrownBy(() -> guards.admit(loses)).isInstanceOf(RowferryException.class)
                .hasMessageContaining("column amount").hasMessageContaining("3 digits after the point");
    }

    @Test
    void everyColumnIsCheckedAfterATransformOrFromSqlite() {
        Row impossible = new Row(SAME_TYPES, new Object[] {new BigDecimal("1.005"), "ab"});
        assertThatThrownBy(() -> guards(null).admit(impossible)).hasMessageContaining("column amount");
        assertThatThrownBy(() -> guards(Dialects.byId("sqlite")).admit(impossible))
                .hasMessageContaining("column amount");
    }
}
