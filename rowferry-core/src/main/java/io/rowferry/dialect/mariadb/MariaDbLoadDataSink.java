package io.rowferry.dialect.mariadb;

import io.rowferry.Database;
import io.rowferry.TableRef;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link LoadDataSink} for MariaDB Connector/J: {@code org.mariadb.jdbc.Statement.setLocalInfileInputStream} (3.0.7+,
 * CONJ-986). {@code allowLocalInfile} is on unless the user turns it off; the driver then still only answers a file
 * request that matches the statement it sent (3.5.9, CONJ-1318), and with a stream set it sends the stream.
 */
final class MariaDbLoadDataSink extends LoadDataSink {

    MariaDbLoadDataSink(Database database, TableRef table) {
        super(database, table);
    }

    @Override
    protected boolean isOwnDriver(Connection connection) throws SQLException {
        return connection.isWrapperFor(org.mariadb.jdbc.Connection.class);
    }

    @Override
    protected void setLocalInfileStream(Statement statement, InputStream stream) throws SQLException {
        statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(stream);
    }

    @Override
    protected String howToEnableLocalInfile() {
        return "set local_infile=ON on the server and do not set allowLocalInfile=false on the connection";
    }
}
