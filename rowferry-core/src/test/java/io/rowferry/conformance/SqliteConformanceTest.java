package io.rowferry.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite against SQLite (embedded, WAL mode). */
class SqliteConformanceTest extends ConformanceSuite {
    @TempDir
    static Path directory;

    private static TestDatabase db;
    private static TestDatabase target;

    @Override
    protected TestDatabase db() {
        if (db == null) {
            db = new EmbeddedTestDatabase.Sqlite(directory, "source");
        }
        return db;
    }

    @Override
    protected TestDatabase target() {
        if (target == null) {
            target = new EmbeddedTestDatabase.Sqlite(directory, "target");
        }
        return target;
    }
}
