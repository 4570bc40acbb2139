package io.loadbench.scenarios.scratch;

import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.scenarios.GatlingLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() throws Exception {
        Path dir = Path.of("/tmp/lbdebug/" + System.nanoTime());
        Files.createDirectories(dir);
        String cls = System.getProperty("scratch.sim", "io.loadbench.scenarios.simulations.SqlScriptSimulation");
        Map<String, String> props = new java.util.HashMap<>(Map.of("pgUrl", TestDatastores.embedded().postgres().jdbcUrlWithCredentials(),
                "redisUrl", TestDatastores.embedded().redis().urlWithCredentials(), "preset", "smoke"));
        String extra = System.getProperty("scratch.props", "");
        for (String kv : extra.split(";")) { if (kv.contains("=")) props.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)); }
        GatlingLauncher.Result r = GatlingLauncher.run(Class.forName(cls), dir, props);
        System.out.println("EXIT " + r.exitCode() + " " + r.runFolder());
        System.out.println(Files.readString(r.runFolder().resolve("manifest.json")).lines().filter(l -> l.contains("status") || l.contains("failureReason")).toList());
    }
}
