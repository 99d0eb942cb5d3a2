package io.rowferry.dialect.mysql;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import io.rowferry.Database;
import io.rowferry.TableRef;
import io.rowferry.dialect.mariadb.LoadDataSink;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link LoadDataSink} for MySQL Connector/J: {@code JdbcStatement.setLocalInfileInputStream}. Connector/J uses a
 * statement's stream only while {@code allowLoadLocalInfile} is true, and while it is true it also opens any local file
 * the server asks for during any statement. So it is switched on for this connection only around Rowferry's own
 * {@code LOAD DATA} statement, whose file request the stream answers whatever name the server gives, and switched back
 * off at once. The connection must have announced LOCAL INFILE support when it was opened, which
 * {@code allowLoadLocalInfileInPath} set to an empty path does without allowing any file (see
 * {@link MySqlDialect#defaultConnectionProperties()}).
 */
final class MySqlLoadDataSink extends LoadDataSink {

    MySqlLoadDataSink(Database database, TableRef table) {
        super(database, table);
    }

    @Override
    protected boolean isOwnDriver(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class);
    }

    @Override
    protected void setLocalInfileStream(Statement statement, InputStream stream) throws SQLException {
        statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(stream);
    }

    @Override
    protected int executeLoad(Statement statement, String sql) throws SQLException {
        RuntimeProperty<Boolean> allow = statement.getConnection().unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.allowLoadLocalInfile);
        Boolean before = allow.getValue();
        allow.setValue(true);
        try {
            return statement.executeUpdate(sql);
        } finally {
            allow.setValue(before);
        }
    }

    @Override
    protected String howToEnableLocalInfile() {
        return "set local_infile=ON on the server, and allowLoadLocalInfileInPath (Rowferry sets it to an empty path"
                + " on the URLs it opens) or allowLoadLocalInfile=true on the connection";
    }
}
