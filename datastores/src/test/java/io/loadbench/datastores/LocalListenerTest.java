package io.loadbench.datastores;

import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server under test on this machine, named by an external URL to a loopback address, is found by the port it
 * listens on, so its CPU counts as the run's own and not as the machine's noise.
 */
class LocalListenerTest {

    @Test
    void theProcessListeningOnALoopbackPortIsFound() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LocalListener.pidOf("127.0.0.1", listening.getLocalPort())).contains(ProcessHandle.current().pid());
            assertThat(LocalListener.pidOf("localhost", listening.getLocalPort())).contains(ProcessHandle.current().pid());
        }
    }

    @Test
    void aPortNobodyListensOnAndARemoteHostFindNothing() throws Exception {
        int freed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freed = socket.getLocalPort();
        }
        assertThat(LocalListener.pidOf("127.0.0.1", freed)).isEmpty();
        assertThat(LocalListener.pidOf("192.0.2.1", 5432)).isEmpty(); // TEST-NET-1: never this machine
    }

    @Test
    void anExternalUrlToTheMachinesOwnPostgresCountsItsPostmasterAsTheRunsOwn() {
        Datastores embedded = TestDatastores.embedded();
        embedded.postgres(); // started
        long postmaster = embedded.embeddedPostgres().pid();
        try (Datastores external = Datastores.open(TargetSpec.resolve(null, embedded.postgres().jdbcUrlWithCredentials(), null, Map.of()))) {
            external.postgres();
            assertThat(external.serverPids()).containsExactly(postmaster);
        }
    }
}
