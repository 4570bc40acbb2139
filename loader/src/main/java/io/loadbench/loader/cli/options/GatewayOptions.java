package io.loadbench.loader.cli.options;

import io.loadbench.loader.datasets.gateway.GatewayConfig;
import io.loadbench.loader.datasets.gateway.GatewayProfile;
import io.loadbench.loader.datasets.gateway.GatewaySettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The gateway dataset's own options, resolved into {@link GatewaySettings}. {@code --rows}, when it differs
 * from its default, replaces the profile's user count (every per-user count follows).
 */
final class GatewayOptions implements DatasetOptions<GatewaySettings> {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Scale profile: small, medium, large, production, massive (default: ${DEFAULT-VALUE}).")
    String profile = GatewaySettings.DEFAULT_PROFILE.optionValue();

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (sections profile, global, scale, distributions, temporal); its values override the profile's.")
    Path config;

    @Option(names = "--email-domain", paramLabel = "DOMAIN",
            description = "E-mail domain of every generated user; drop removes this domain's rows "
                    + "(default: the config's global.email_domain, else " + GatewaySettings.DEFAULT_EMAIL_DOMAIN + ").")
    String emailDomain;

    @Override
    public GatewaySettings settings() {
        return GatewaySettings.resolve(GatewayProfile.named(profile), config == null ? null : GatewayConfig.read(config),
                emailDomain);
    }
}
