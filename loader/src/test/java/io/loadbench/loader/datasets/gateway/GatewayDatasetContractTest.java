package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.testing.DatasetContractTest;

import java.util.Map;
import java.util.Set;

class GatewayDatasetContractTest extends DatasetContractTest {

    @Override
    protected Dataset dataset(long seed) {
        return new GatewayDataset(GatewaySettings.resolve(seed, GatewayProfile.SMALL, null, null, null));
    }

    @Override
    protected Set<String> columnsAllowedToBeConstant() {
        // the small profile has ten gateways, 95% of them enabled: all ten may be
        return Set.of("enabled");
    }

    @Override
    protected Map<String, String> pinnedChecksums() {
        // seed 42 (the loader's default) at the size above
        return Map.ofEntries(
                Map.entry(PARAMETERS, "4e9acfc89e2b357a"),
                Map.entry("gw_api_tokens", "rows=500 data=93cc8288846d9b4f schema=7bfbcebff8149a2b"),
                Map.entry("gw_audit_logs", "rows=1000 data=3c6dc72f35007c0f schema=c0c6d74e02128b7f"),
                Map.entry("gw_gateways", "rows=10 data=871a5ff4c88a28b6 schema=8388d6fa6a6882e4"),
                Map.entry("gw_prompts", "rows=2000 data=1c255c5322f14baf schema=300f73993621c7c9"),
                Map.entry("gw_resources", "rows=2000 data=236f5cafd954939b schema=f038a16a0f304ab5"),
                Map.entry("gw_servers", "rows=200 data=5b225da62e993b85 schema=1b5b3fda38ccbde2"),
                Map.entry("gw_team_members", "rows=3175 data=a73fb6e7388ac100 schema=059665d8e1322657"),
                Map.entry("gw_teams", "rows=600 data=3be08d7fa25446e7 schema=b8001fb7149b8135"),
                Map.entry("gw_tools", "rows=500 data=10cddb7c5d525592 schema=26416d1db48ddabf"),
                Map.entry("gw_users", "rows=100 data=0ce51e88e65459c8 schema=50540a694c1e5fd4"));
    }
}
