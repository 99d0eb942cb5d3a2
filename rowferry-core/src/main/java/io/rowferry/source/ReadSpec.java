package io.rowferry.source;

import io.rowferry.Database;
import io.rowferry.ReadStrategy;
import io.rowferry.TableRef;
import java.util.List;

/**
 * What the user asked to read, before anything is resolved against the database.
 *
 * @param table the table, or null when reading a query
 * @param query the query, or null when reading a table
 * @param columns the columns to read (any case), or empty for all
 * @param filter a WHERE condition without the keyword, or null
 * @param keyColumns an explicit keyset key (any case), or empty to use the primary or a unique key
 * @param startAfter the key to start after (excluded), or null
 * @param endAt the key to end at (included), or null to read to the end
 */
public record ReadSpec(
        Database database,
        TableRef table,
        String query,
        List<String> columns,
        String filter,
        ReadStrategy strategy,
        List<String> keyColumns,
        Object[] startAfter,
        Object[] endAt,
        int fetchSize,
        long fetchBytes) {}
