package io.rowferry.conformance;

/** The conformance suite against the PostgreSQL server. */
class PostgresConformanceTest extends ConformanceSuite {
    private final TestDatabase db = new PostgresTestDatabase(ServerSettings.DATABASE);
    private final TestDatabase target = new PostgresTestDatabase(ServerSettings.DATABASE_2);

    @Override
    protected TestDatabase db() {
        return db;
    }

    @Override
    protected TestDatabase target() {
        return target;
    }
}
