package io.rowferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the numbers were measured on: the machine, the JVM, the servers and their settings that matter, the tools. */
final class MachineInfo {
    private MachineInfo() {}

    static Map<String, String> collect(String java, Set<Server> servers) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("cores", Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
        info.put("memory", memTotal());
        info.put("OS", Shell.capture("uname -srm"));
        info.put("java", Shell.capture(Shell.quote(java) + " -version 2>&1").replace('\n', ' ').replaceAll("\\s+", " "));
        for (Server server : servers) {
            info.put(server.title, serverInfo(server));
        }
        if (servers.contains(Server.POSTGRESQL)) {
            info.put("psql", Shell.capture("psql --version"));
        }
        if (servers.contains(Server.MARIADB)) {
            info.put("mariadb client", Shell.capture("mariadb --version"));
            info.put("mariadb-dump", Shell.capture("mariadb-dump --version"));
        }
        info.put("JDBC drivers", "pgjdbc " + org.postgresql.util.DriverInfo.DRIVER_VERSION
                + ", MariaDB Connector/J " + new org.mariadb.jdbc.Driver().getMajorVersion() + "."
                + new org.mariadb.jdbc.Driver().getMinorVersion() + " (in the bench jar; Rowferry uses its own jar's)");
        return info;
    }

    private static String serverInfo(Server server) {
        try (Connection connection = server.connectAdmin()) {
            if (server == Server.POSTGRESQL) {
                List<String> row = Server.firstRow(connection, "SELECT current_setting('server_version'),"
                        + " current_setting('shared_buffers'), current_setting('synchronous_commit'),"
                        + " current_setting('wal_level'), current_setting('max_wal_size'), current_setting('fsync')");
                return row.get(0) + " at " + server.host + ":" + server.port + "; shared_buffers " + row.get(1)
                        + ", synchronous_commit " + row.get(2) + ", wal_level " + row.get(3) + ", max_wal_size "
                        + row.get(4) + ", fsync " + row.get(5);
            }
            List<String> row = Server.firstRow(connection, "SELECT version(), @@innodb_buffer_pool_size,"
                    + " @@innodb_flush_log_at_trx_commit, @@log_bin, @@max_allowed_packet, @@innodb_log_file_size");
            return row.get(0) + " at " + server.host + ":" + server.port + "; innodb_buffer_pool_size "
                    + mib(row.get(1)) + ", innodb_flush_log_at_trx_commit " + row.get(2) + ", log_bin "
                    + ("1".equals(row.get(3)) ? "ON" : "OFF") + ", max_allowed_packet " + mib(row.get(4))
                    + ", innodb_log_file_size " + mib(row.get(5));
        } catch (SQLException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    private static String mib(String bytes) {
        return Long.parseLong(bytes) / (1024 * 1024) + "MB";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown CPU";
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kilobytes / 1024.0 / 1024.0);
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }
}
