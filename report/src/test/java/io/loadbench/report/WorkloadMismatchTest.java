package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.read.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of the SQL-script (or Redis-command) workload are compared only when they ran the same scripts: the refusal is
 * one line that says which run ran what, and which scripts differ.
 */
class WorkloadMismatchTest {

    private static final String SET_A = "2985859943ba5d94133e2810e508181fa6754fdeb1fa5ea11a3f2cd46307363b";
    private static final String SET_B = "77aa01bc33de0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e";

    @TempDir
    Path results;

    @Test
    void runsWhoseScriptsDifferAreRefusedInOneLineNamingTheScriptThatDiffers() throws IOException {
        Path a = scriptRun("a", SET_A, Map.of("select.sql", "e5d7e960bebe", "update.sql", "0a1b2c3d4e5f"));
        Path b = scriptRun("b", SET_B, Map.of("select.sql", "99d7e960bebe", "update.sql", "0a1b2c3d4e5f"));

        Cli refused = Cli.run("compare", a.toString(), b.toString());

        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(refused.err()).isEqualTo("loadbench-report: cannot compare runs of different workloads: run B ran other"
                + " SQL scripts than run A (sha256 A=2985859943ba, B=77aa01bc33de; differing: script select.sql)"
                + " (--allow-plan-mismatch compares them anyway)\n");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aScriptOnlyOneRunHadIsNamedAsSuch() throws IOException {
        Path a = scriptRun("a", SET_A, Map.of("select.sql", "e5d7e960bebe"));
        Path b = scriptRun("b", SET_B, Map.of("select.sql", "e5d7e960bebe", "update.sql", "0a1b2c3d4e5f"));

        Cli refused = Cli.run("compare", a.toString(), b.toString());

        assertThat(refused.err()).contains("differing: script update.sql only in B)");
    }

    @Test
    void aRunOfTheRedisWorkloadAgainstOneOfTheSqlWorkloadIsRefusedNamingBothKinds() throws IOException {
        Path a = scriptRun("a", SET_A, Map.of("select.sql", "e5d7e960bebe"));
        Path b = scriptRun("b", SET_B, Map.of("GET", "0a1b2c3d4e5f"));
        rewriteKind(b, "redis-commands");

        Cli refused = Cli.run("compare", a.toString(), b.toString());

        assertThat(refused.err()).isEqualTo("loadbench-report: cannot compare runs of different workloads: run B ran a"
                + " redis-commands workload where run A ran a sql-script one (sha256 A=2985859943ba, B=77aa01bc33de)"
                + " (--allow-plan-mismatch compares them anyway)\n");
    }

    @Test
    void runsOfTheSameScriptsAreCompared() throws IOException {
        Path a = scriptRun("a", SET_A, Map.of("select.sql", "e5d7e960bebe"));
        Path b = scriptRun("b", SET_A, Map.of("select.sql", "e5d7e960bebe"));

        Cli compared = Cli.run("compare", a.toString(), b.toString());

        assertThat(compared.exitCode()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("Latency (ms)");
    }

    @Test
    void theUserMayStillCompareThemAndSeesTheHashesDiffer() throws IOException {
        Path a = scriptRun("a", SET_A, Map.of("select.sql", "e5d7e960bebe"));
        Path b = scriptRun("b", SET_B, Map.of("select.sql", "99d7e960bebe"));

        Cli allowed = Cli.run("compare", "--allow-plan-mismatch", a.toString(), b.toString());

        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.out()).contains("PLAN MISMATCH (allowed by --allow-plan-mismatch): workload.sha256 (A=" + SET_A
                + ", B=" + SET_B + ")");
    }

    private static void rewriteKind(Path run, String kind) throws IOException {
        ObjectNode manifest = (ObjectNode) JsonFiles.MAPPER.readTree(run.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("plan").get("workload")).put("kind", kind);
        ((ObjectNode) manifest.get("parameters").get("workload")).put("kind", kind);
        Fixtures.writeRun(run, manifest);
    }

    /** A simulation run whose plan names a SQL-script workload, its parameters each script's hash. */
    private Path scriptRun(String name, String setHash, Map<String, String> scriptHashes) throws IOException {
        Map<String, Object> plan = Plans.cache(200);
        plan.put("workload", Map.of("kind", "sql-script", "sha256", setHash));
        Path dir = Fixtures.gatlingRun(results.resolve(name), Fixtures.BENCH_01, plan, 1, 1.0, 200);
        ObjectNode manifest = (ObjectNode) JsonFiles.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        ObjectNode workload = ((ObjectNode) manifest.get("parameters")).putObject("workload");
        workload.put("kind", "sql-script").put("sha256", setHash);
        ArrayNode sources = workload.putArray("sources");
        new TreeMap<>(scriptHashes).forEach((script, hash) -> sources.addObject()
                .put("role", "script").put("name", script).put("weight", 1).put("sha256", hash).put("text", "SELECT 1;\n"));
        return Fixtures.writeRun(dir, manifest);
    }
}
