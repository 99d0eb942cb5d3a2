package io.rowferry.verify;

/**
 * One row of a bucket small enough to compare row by row: its key's canonical text (the same on both sides for the
 * same key), its row hash, and its key values as this side's driver reads them (to fetch the whole row again).
 */
record LeafRow(String keyText, long hash, Object[] key) {}
