package io.loadbench.datastores.embedded;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A separate JVM for {@link EmbeddedServersLifecycleTest}: starts embedded PostgreSQL and Redis, prints
 * {@code READY <pg pid> <redis pid> <workspace>}, then either closes them ({@code close}) or waits to be killed
 * ({@code wait}).
 */
public final class EmbeddedServersChild {

    private EmbeddedServersChild() {
    }

    public static void main(String[] args) throws Exception {
        Datastores datastores = Datastores.open(TargetSpec.embedded());
        datastores.postgres();
        datastores.redis();
        try (Connection connection = datastores.openPgConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
        }
        System.out.println("READY " + datastores.embeddedPostgres().pid() + " " + datastores.embeddedRedis().pid() + " "
                + datastores.embeddedPostgres().dataDir().getParent());
        System.out.flush();
        if (args.length > 0 && args[0].equals("close")) {
            datastores.close();
            System.out.println("CLOSED");
            return;
        }
        Thread.sleep(120_000); // killed by the test long before this ends
        datastores.close();
    }
}
