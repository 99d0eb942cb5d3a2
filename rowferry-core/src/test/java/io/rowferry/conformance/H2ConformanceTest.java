package io.rowferry.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite against H2 (embedded, file mode). */
class H2ConformanceTest extends ConformanceSuite {
    @TempDir
    static Path directory;

    private static TestDatabase db;
    private static TestDatabase target;

    @Override
    protected TestDatabase db() {
        if (db == null) {
            db = new EmbeddedTestDatabase.H2(directory, "source");
        }
        return db;
    }

    @Override
    protected TestDatabase target() {
        if (target == null) {
            target = new EmbeddedTestDatabase.H2(directory, "target");
        }
        return target;
    }
}
