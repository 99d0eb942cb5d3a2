package io.rowferry.conformance;

/** The conformance suite against the MariaDB server through MySQL Connector/J, whose streaming rules differ. */
class MySqlConnectorConformanceTest extends ConformanceSuite {
    private final TestDatabase db = new MariaDbTestDatabase(ServerSettings.DATABASE, true);
    private final TestDatabase target = new MariaDbTestDatabase(ServerSettings.DATABASE_2, true);

    @Override
    protected TestDatabase db() {
        return db;
    }

    @Override
    protected TestDatabase target() {
        return target;
    }
}
