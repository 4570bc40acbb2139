package io.loadbench.datastores.embedded;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.results.noise.MachineReading;
import io.loadbench.results.noise.OshiMachineProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded servers' CPU is a run's own, not the machine's noise: {@code pg_ctl} daemonizes the postmaster out of
 * the JVM's process tree, so a run names the servers ({@link Datastores#serverPids()}) to its noise probe.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedServerCpuTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aQueryOnTheEmbeddedPostgresIsCountedAsTheRunsOwnCpu() throws Exception {
        Datastores datastores = TestDatastores.embedded();
        datastores.postgres();
        List<Long> servers = datastores.serverPids();
        assertThat(servers).isNotEmpty();
        long postmaster = servers.get(0);
        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid))
                .as("the postmaster is not this JVM's descendant; naming it is what counts it").doesNotContain(postmaster);

        try (Connection connection = datastores.openPgConnection(); Statement statement = connection.createStatement()) {
            OshiMachineProbe probe = new OshiMachineProbe();
            probe.countAsOwn(datastores::serverPids);
            MachineReading before = probe.read();
            long startedNs = System.nanoTime();
            statement.execute("SELECT count(*) FROM generate_series(1, 30000000)");
            double elapsedMs = (System.nanoTime() - startedNs) / 1e6;
            MachineReading after = probe.read();

            double ownCores = (after.ownCpuMs() - before.ownCpuMs()) / elapsedMs;
            // the backend computes on one core while this thread waits; a shared machine may take some of it away
            assertThat(ownCores).as("own CPU during a CPU-bound query, in cores, over %.0f ms", elapsedMs).isGreaterThan(0.4);
        }
    }
}
