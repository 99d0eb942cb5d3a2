package io.rowferry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.ErrorKind;
import io.rowferry.dialect.mariadb.MariaDbDialect;
import io.rowferry.dialect.oracle.OracleDialect;
import io.rowferry.dialect.postgresql.PostgresDialect;
import io.rowferry.dialect.sqlserver.SqlServerDialect;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error classification from the SQLState and vendor code each driver reports. The exceptions are built as the
 * drivers build them: message, SQLState (empty column = none) and the server's error number.
 */
class ClassifyTest {

    @ParameterizedTest(name = "SQL Server {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            2627  | 23000 | CONSTRAINT     | Violation of PRIMARY KEY constraint 'pk_orders'.
            2601  | 23000 | CONSTRAINT     | Cannot insert duplicate key row in object 'dbo.orders' with unique index 'ux'.
            515   | 23000 | CONSTRAINT     | Cannot insert the value NULL into column 'id'.
            547   | 23000 | CONSTRAINT     | The INSERT statement conflicted with the FOREIGN KEY constraint.
            208   | S0002 | NOT_FOUND      | Invalid object name 'orders'.
            207   | S0001 | NOT_FOUND      | Invalid column name 'totl'.
            18456 | S0001 | AUTHENTICATION | Login failed for user 'app'.
            229   | S0001 | AUTHENTICATION | The SELECT permission was denied on the object 'orders'.
            230   | S0001 | AUTHENTICATION | The SELECT permission was denied on the column 'total'.
            1205  | 40001 | TRANSIENT      | Transaction was deadlocked on lock resources and has been chosen as the deadlock victim.
            1222  | S0001 | TRANSIENT      | Lock request time out period exceeded.
            8152  | 22001 | DATA           | String or binary data would be truncated.
            2628  | 22001 | DATA           | String or binary data would be truncated in table 'orders', column 'customer'.
            8115  | 22003 | DATA           | Arithmetic overflow error converting numeric to data type numeric.
            245   | 22018 | DATA           | Conversion failed when converting the varchar value 'x' to data type int.
            8114  | S0001 | DATA           | Error converting data type nvarchar to bigint.
            0     | 08S01 | CONNECTION     | The TCP/IP connection to the host db, port 1433 has failed.
            102   | S0001 | USAGE          | Incorrect syntax near 'FORM'.
            50000 | S0001 | INTERNAL       | Something unexpected happened.
            """)
    void classifiesSqlServerErrorNumbers(int code, String state, ErrorKind kind, String message) {
        assertThat(new SqlServerDialect().classify(new SQLException(message, state, code))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "ORA-{0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1     | 23000 | CONSTRAINT     | ORA-00001: unique constraint (SALES.PK_ORDERS) violated
            1400  | 23000 | CONSTRAINT     | ORA-01400: cannot insert NULL into ("SALES"."ORDERS"."ID")
            1407  | 23000 | CONSTRAINT     | ORA-01407: cannot update ("SALES"."ORDERS"."ID") to NULL
            2291  | 23000 | CONSTRAINT     | ORA-02291: integrity constraint (SALES.FK_CUSTOMER) violated - parent key not found
            2292  | 23000 | CONSTRAINT     | ORA-02292: integrity constraint (SALES.FK_CUSTOMER) violated - child record found
            2290  | 23000 | CONSTRAINT     | ORA-02290: check constraint (SALES.CK_TOTAL) violated
            942   | 42000 | NOT_FOUND      | ORA-00942: table or view does not exist
            904   | 42000 | NOT_FOUND      | ORA-00904: "TOTL": invalid identifier
            1017  | 72000 | AUTHENTICATION | ORA-01017: invalid username/password; logon denied
            1031  | 42000 | AUTHENTICATION | ORA-01031: insufficient privileges
            60    | 61000 | TRANSIENT      | ORA-00060: deadlock detected while waiting for resource
            8177  | 72000 | TRANSIENT      | ORA-08177: can't serialize access for this transaction
            54    | 61000 | TRANSIENT      | ORA-00054: resource busy and acquire with NOWAIT specified
            12899 | 72000 | DATA           | ORA-12899: value too large for column "SALES"."ORDERS"."CUSTOMER"
            1438  | 22003 | DATA           | ORA-01438: value larger than specified precision allowed for this column
            1722  | 42000 | DATA           | ORA-01722: invalid number
            17002 | 08006 | CONNECTION     | IO Error: The Network Adapter could not establish the connection
            12541 |       | CONNECTION     | ORA-12541: Cannot connect. No listener at host db port 1521.
            12514 |       | CONNECTION     | ORA-12514: Cannot connect to database. Service FREEPDB2 is not registered.
            933   | 42000 | USAGE          | ORA-00933: SQL command not properly ended
            """)
    void classifiesOracleErrorNumbers(int code, String state, ErrorKind kind, String message) {
        assertThat(new OracleDialect().classify(new SQLException(message, state, code))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "PostgreSQL {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            23505 | CONSTRAINT     | duplicate key value violates unique constraint "orders_pkey"
            42P01 | NOT_FOUND      | relation "orders" does not exist
            28P01 | AUTHENTICATION | password authentication failed for user "app"
            08001 | CONNECTION     | Connection to localhost:5432 refused.
            40001 | TRANSIENT      | could not serialize access due to concurrent update
            42601 | USAGE          | syntax error at or near "FORM"
            """)
    void classifiesPostgresSqlStates(String state, ErrorKind kind, String message) {
        assertThat(new PostgresDialect().classify(new SQLException(message, state, 0))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "MariaDB {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1062 | 23000 | CONSTRAINT     | Duplicate entry '1' for key 'PRIMARY'
            1146 | 42S02 | NOT_FOUND      | Table 'shop.orders' doesn't exist
            1045 | 28000 | AUTHENTICATION | Access denied for user 'app'@'localhost' (using password: YES)
            1213 | 40001 | TRANSIENT      | Deadlock found when trying to get lock; try restarting transaction
            """)
    void classifiesMariaDbErrorNumbers(int code, String state, ErrorKind kind, String message) {
        assertThat(new MariaDbDialect().classify(new SQLException(message, state, code))).isEqualTo(kind);
    }
}
