package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.gateway.GatewayConfig;
import io.loadbench.loader.datasets.gateway.GatewayProfile;
import io.loadbench.loader.datasets.gateway.GatewaySettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.SortedMap;

/**
 * The gateway dataset's own options, resolved into {@link GatewaySettings}. {@code --rows}, when it differs
 * from its default, replaces the profile's user count (every per-user count follows).
 */
final class GatewayOptions implements DatasetOptions<GatewaySettings> {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Scale profile: small, medium, large, production, massive (default: "
                    + "medium; it sets the user count, so it does not go with --rows).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (sections profile, global, scale, distributions, temporal); its values override the profile's.")
    Path config;

    @Option(names = "--email-domain", paramLabel = "DOMAIN",
            description = "E-mail domain of every generated user; drop removes this domain's rows "
                    + "(default: the config's global.email_domain, else " + GatewaySettings.DEFAULT_EMAIL_DOMAIN + ").")
    String emailDomain;

    @Override
    public GatewaySettings settings() {
        return GatewaySettings.resolve(GatewayProfile.named(effectiveProfile()), config == null ? null : GatewayConfig.read(config),
                emailDomain);
    }

    private String effectiveProfile() {
        return profile == null ? GatewaySettings.DEFAULT_PROFILE.optionValue() : profile;
    }

    /** {@code --profile} and a {@code --config} with {@code scale.users} both set the user count, as {@code --rows} does. */
    @Override
    public String sizeOption() {
        if (profile != null) {
            return "--profile " + profile;
        }
        if (config != null) {
            GatewayConfig read = GatewayConfig.read(config);
            if (read.scale() != null && read.scale().users() != null) {
                return "--config " + config + " (scale.users " + read.scale().users() + ")";
            }
        }
        return null;
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = DatasetOptions.super.values();
        values.put("profile", effectiveProfile());
        return values;
    }
}
