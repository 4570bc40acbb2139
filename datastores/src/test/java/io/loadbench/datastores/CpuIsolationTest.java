package io.loadbench.datastores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The servers under test and the measuring JVM end on disjoint CPUs, and only servers loadbench started are touched. */
class CpuIsolationTest {

    @Test
    void cpuListsReadAsTasksetWritesThem() {
        assertThat(CpuIsolation.parseList("0")).containsExactly(0);
        assertThat(CpuIsolation.parseList("0,2-4,7")).containsExactly(0, 2, 3, 4, 7);
        assertThat(CpuIsolation.list(List.of(1, 3))).isEqualTo("1,3");
    }

    @Test
    void onAnEmbeddedTargetTheServersAndTheJvmRunOnDisjointCpusAndNewBackendsInheritTheServersCpus() throws Exception {
        long self = ProcessHandle.current().pid();
        Optional<List<Integer>> before = CpuIsolation.affinity(self);
        assumeTrue(before.isPresent() && before.get().size() >= 2, "needs taskset and two CPUs");
        try (Datastores datastores = Datastores.open(TargetSpec.embedded())) {
            datastores.postgres();
            datastores.redis();

            CpuIsolation.Outcome outcome = CpuIsolation.apply(datastores, true);

            assertThat(outcome.applied()).as(outcome.reason() == null ? "" : outcome.reason()).isTrue();
            List<Integer> servers = CpuIsolation.parseList(outcome.serverCpus());
            List<Integer> measuring = CpuIsolation.parseList(outcome.measuringCpus());
            assertThat(servers).doesNotContainAnyElementsOf(measuring);
            assertThat(CpuIsolation.affinity(self)).hasValue(measuring);
            for (long server : datastores.serverPids()) {
                assertThat(CpuIsolation.affinity(server)).as("server pid " + server).hasValue(servers);
            }
            try (Connection connection = datastores.openPgConnection(); Statement statement = connection.createStatement();
                 ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
                backend.next();
                assertThat(CpuIsolation.affinity(backend.getLong(1))).as("a backend forked after the pinning")
                        .hasValue(servers);
            }
            assertThat(outcome.describe()).containsEntry("applied", true).containsKeys("serverCpus", "measuringJvmCpus");
        } finally {
            // the rest of this test JVM keeps every CPU
            CpuIsolation.pin(self, before.get());
        }
    }

    @Test
    void turnedOffOrOnServersLoadbenchDidNotStartNothingIsPinnedAndTheOutcomeSaysWhy() {
        long self = ProcessHandle.current().pid();
        Optional<List<Integer>> before = CpuIsolation.affinity(self);
        try (Datastores external = Datastores.open(TargetSpec.resolve("external", "postgresql://127.0.0.1:1/none", null,
                java.util.Map.of()))) {
            CpuIsolation.Outcome outcome = CpuIsolation.apply(external, true);
            assertThat(outcome.applied()).isFalse();
            assertThat(outcome.reason()).contains("not loadbench's own (external target)");
            assertThat(CpuIsolation.apply(external, false).reason()).contains("turned off");
        }
        assertThat(CpuIsolation.affinity(self)).isEqualTo(before);
        assertThat(CpuIsolation.wanted(null)).isTrue();
        assertThat(CpuIsolation.wanted("false")).isFalse();
    }
}
