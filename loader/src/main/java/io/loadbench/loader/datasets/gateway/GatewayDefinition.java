package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.InvalidOptionException;

/** Registers the {@code gateway} dataset. */
public final class GatewayDefinition implements DatasetDefinition<GatewaySettings> {

    /**
     * A sentinel, not a size: {@code --rows} left at this value means "the profile decides"; any other value
     * is the number of users. (The CLI always passes a row count, so the default must be recognisable.)
     */
    public static final long PROFILE_DECIDES = 10_000;

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
    public GatewaySettings defaultSettings() {
        return GatewaySettings.DEFAULTS;
    }

    @Override
    public Dataset create(DatasetParameters common, GatewaySettings settings) {
        if (settings.configSeed() != null && settings.configSeed() != common.seed()) {
            throw new InvalidOptionException("--config", "global.random_seed " + settings.configSeed()
                    + " differs from --seed " + common.seed() + "; pass --seed " + settings.configSeed()
                    + " or remove random_seed from the file");
        }
        if (common.rows() == PROFILE_DECIDES) {
            return new GatewayDataset(common.seed(), settings);
        }
        if (common.rows() > Integer.MAX_VALUE) {
            throw new InvalidOptionException("--rows", "gateway --rows is the user count, at most "
                    + Integer.MAX_VALUE + ", got " + common.rows());
        }
        return new GatewayDataset(common.seed(), settings.withUsers((int) common.rows()));
    }
}
