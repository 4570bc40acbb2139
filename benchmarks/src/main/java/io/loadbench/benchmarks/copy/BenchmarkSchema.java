package io.loadbench.benchmarks.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.loadbench.loader.spi.TableSpec;

/**
 * A schema private to one benchmark JVM ({@code loadbench_jmh_<pid>}), holding a dataset table created
 * from the dataset's own DDL. Tables are created unqualified under {@code search_path}, so a benchmark on
 * a shared server never touches a loaded dataset or another suite's tables.
 */
final class BenchmarkSchema implements AutoCloseable {

    private final Connection connection;
    private final String schema;
    private final TableSpec table;

    private BenchmarkSchema(Connection connection, String schema, TableSpec table) {
        this.connection = connection;
        this.schema = schema;
        this.table = table;
    }

    /**
     * Creates the schema and the table (with its partitions) on {@code connection}, which keeps the schema
     * on its {@code search_path} afterwards.
     */
    static BenchmarkSchema create(Connection connection, TableSpec table) throws SQLException {
        String schema = "loadbench_jmh_" + ProcessHandle.current().pid();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            for (String ddl : table.createDdl()) {
                statement.execute(ddl);
            }
            disableAutovacuum(statement, table.name());
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new BenchmarkSchema(connection, schema, table);
    }

    /**
     * Turns autovacuum off on the table and every partition: the benchmark loads and truncates the same table
     * over and over, and a background ANALYZE of one iteration's rows would otherwise land, at random, in
     * the next iteration's timing on a small machine.
     */
    private static void disableAutovacuum(Statement statement, String table) throws SQLException {
        List<String> heaps = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT c.oid::regclass::text FROM pg_class c"
                + " WHERE c.relkind = 'r' AND (c.oid = '" + table + "'::regclass OR c.oid IN"
                + " (SELECT relid FROM pg_partition_tree('" + table + "'::regclass)))")) {
            while (rows.next()) {
                heaps.add(rows.getString(1));
            }
        }
        for (String heap : heaps) {
            statement.execute("ALTER TABLE " + heap + " SET (autovacuum_enabled = false)");
        }
    }

    /** Adds the schema to another connection's {@code search_path}. */
    void use(Connection other) throws SQLException {
        try (Statement statement = other.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        }
        if (!other.getAutoCommit()) {
            other.commit();
        }
    }

    /** Empties the table (every partition), so the next iteration loads into the same empty table. */
    void truncate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + table.name());
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** @return the number of rows in the table, to check that a batch landed */
    long rowCount() throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + table.name())) {
            rows.next();
            long count = rows.getLong(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return count;
        }
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
