package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.DatasetOptions;
import io.loadbench.loader.spi.InvalidOptionException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The gateway dataset's own options. {@code --rows}, when it differs from its default, replaces the
 * profile's user count (every per-user count follows).
 */
public final class GatewayOptions implements DatasetOptions {

    static final GatewayProfile DEFAULT_PROFILE = GatewayProfile.MEDIUM;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Scale profile: small, medium, large, production, massive (default: ${DEFAULT-VALUE}).")
    String profile = DEFAULT_PROFILE.optionValue();

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (sections profile, global, scale, distributions, temporal); its values override the profile's.")
    Path config;

    @Option(names = "--email-domain", paramLabel = "DOMAIN",
            description = "E-mail domain of every generated user; drop removes this domain's rows "
                    + "(default: the config's global.email_domain, else " + GatewaySettings.DEFAULT_EMAIL_DOMAIN + ").")
    String emailDomain;

    GatewaySettings settings(long seed, Integer usersOverride) {
        GatewayProfile chosen = GatewayProfile.parse(profile);
        if (chosen == null) {
            throw new InvalidOptionException("--profile", "unknown profile '" + profile + "' (choose " + GatewayProfile.choices() + ")");
        }
        GatewayConfig file = config == null ? null : GatewayConfig.read(config);
        return GatewaySettings.resolve(seed, chosen, file, emailDomain, usersOverride);
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("profile", profile);
        values.put("config", config == null ? null : config.toString());
        values.put("email-domain", emailDomain);
        return values;
    }
}
