package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The values every fill statement gives row {@code id}, and a check that a read row carries exactly them. */
final class SampleRow {
    private SampleRow() {}

    static long customer(long id) {
        return id % 97;
    }

    static BigDecimal amount(long id) {
        return BigDecimal.valueOf(id % 100_000, 2);
    }

    static String note(long id) {
        return id % 5 == 0 ? null : "note " + id;
    }

    /** Asserts the row holds the sample values of its id, and returns the id. */
    static long check(Row row) {
        long id = ((Number) row.get("id")).longValue();
        assertThat(((Number) row.get("customer")).longValue()).as("customer of %d", id).isEqualTo(customer(id));
        assertThat(new BigDecimal(row.get("amount").toString())).as("amount of %d", id)
                .isEqualByComparingTo(amount(id));
        assertThat(row.get("created")).as("created of %d", id).isEqualTo(TestDatabase.createdOf(id));
        assertThat(row.get("note")).as("note of %d", id).isEqualTo(note(id));
        return id;
    }

    static LocalDateTime created(long id) {
        return TestDatabase.createdOf(id);
    }
}
