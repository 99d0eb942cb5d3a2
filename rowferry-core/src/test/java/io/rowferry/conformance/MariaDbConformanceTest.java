package io.rowferry.conformance;

/** The conformance suite against the MariaDB server through MariaDB Connector/J. */
class MariaDbConformanceTest extends ConformanceSuite {
    private final TestDatabase db = new MariaDbTestDatabase(ServerSettings.DATABASE, false);
    private final TestDatabase target = new MariaDbTestDatabase(ServerSettings.DATABASE_2, false);

    @Override
    protected TestDatabase db() {
        return db;
    }

    @Override
    protected TestDatabase target() {
        return target;
    }
}
