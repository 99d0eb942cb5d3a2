package io.rowferry;

import io.rowferry.sink.TableSetup;
import io.rowferry.source.ReadPlan;

/**
 * What a copy would do, decided before anything is written: see {@link CopyBuilder#plan()}.
 *
 * @param read the read: strategy, SQL, key, what it holds on the server
 * @param target the target, for reports (credentials masked)
 * @param table for a database target: the table's action and per-column type mapping; null for files
 * @param writeMode for a database target: how rows will be written; null for files
 */
public record CopyPlan(ReadPlan read, String target, TableSetup.Plan table, String writeMode) {}
