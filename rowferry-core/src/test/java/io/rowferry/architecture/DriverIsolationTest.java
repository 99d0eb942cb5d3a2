package io.rowferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JDBC drivers are optional dependencies: only a database's own dialect package may use its driver's classes, so
 * a user who has only the PostgreSQL driver never loads a MariaDB class.
 */
class DriverIsolationTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rowferry");

    private static final Map<String, String> DRIVER_BY_DIALECT = Map.of(
            "org.postgresql..", "io.rowferry.dialect.postgresql..",
            "org.mariadb..", "io.rowferry.dialect.mariadb..",
            "com.mysql..", "io.rowferry.dialect.mysql..",
            "org.sqlite..", "io.rowferry.dialect.sqlite..",
            "org.h2..", "io.rowferry.dialect.h2..",
            "org.duckdb..", "io.rowferry.dialect.duckdb..",
            "com.microsoft.sqlserver..", "io.rowferry.dialect.sqlserver..",
            "oracle..", "io.rowferry.dialect.oracle..");

    @Test
    void onlyEachDialectPackageUsesItsDriver() {
        DRIVER_BY_DIALECT.forEach((driver, dialect) -> noClasses()
                .that().resideOutsideOfPackage(dialect)
                .should().dependOnClassesThat().resideInAPackage(driver)
                .allowEmptyShould(true)
                .check(CORE));
    }
}
