package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;

/** Registers the {@code gateway} dataset. */
public final class GatewayDefinition implements DatasetDefinition<GatewayOptions> {

    /**
     * A sentinel, not a size: {@code --rows} left at this value means "the profile decides"; any other value
     * is the number of users. (The CLI always passes a row count, so the default must be recognisable.)
     */
    static final long PROFILE_DECIDES = 10_000;

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String summary() {
        return "MCP gateway data (seed 004): profiles small..massive, power-law teams, Zipf access, FK integrity, drop by e-mail domain";
    }

    @Override
    public long defaultRows() {
        return PROFILE_DECIDES;
    }

    @Override
    public GatewayOptions newOptions() {
        return new GatewayOptions();
    }

    @Override
    public Dataset create(DatasetParameters common, GatewayOptions options) {
        Integer users = null;
        if (common.rows() != PROFILE_DECIDES) {
            if (common.rows() > Integer.MAX_VALUE) {
                throw new io.loadbench.loader.spi.InvalidOptionException("--rows", "gateway --rows is the user count, at most "
                        + Integer.MAX_VALUE + ", got " + common.rows());
            }
            users = (int) common.rows();
        }
        return new GatewayDataset(options.settings(common.seed(), users));
    }
}
