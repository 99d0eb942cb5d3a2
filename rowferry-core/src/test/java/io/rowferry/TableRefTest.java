package io.rowferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableRefTest {

    @Test
    void parsesOneTwoAndThreeParts() {
        assertThat(TableRef.parse("orders")).isEqualTo(new TableRef(null, null, "orders"));
        assertThat(TableRef.parse("sales.orders")).isEqualTo(new TableRef(null, "sales", "orders"));
        assertThat(TableRef.parse("db.sales.orders")).isEqualTo(new TableRef("db", "sales", "orders"));
    }

    @Test
    void quotesKeepDotsAndQuotes() {
        assertThat(TableRef.parse("\"my.schema\".\"odd \"\"name\"\"\""))
                .isEqualTo(new TableRef(null, "my.schema", "odd \"name\""));
    }

    @Test
    void rejectsEmptyAndMalformedNames() {
        for (String bad : new String[] {"", " ", "a..b", "a.", "\"open", "a.b.c.d"}) {
            assertThatThrownBy(() -> TableRef.parse(bad))
                    .as(bad)
                    .isInstanceOf(RowferryException.class)
                    .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE));
        }
    }
}
