package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.InvalidOptionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The gateway seed's profiles, small (development) to massive (future scale). Users, teams and resources
 * are the seed's: teams = users × (1 personal + additional per user), resources = users × resources per
 * user; the production row is the seed's benchmark table (160,000 users, 1,760,000 teams, 10,000,000 team
 * members, 800,000 tokens, 10,000 gateways, 500,000 tools, 16,000,000 resources). Counts the seed leaves
 * open for the smaller profiles (gateways, prompts, servers, audit logs) scale with users.
 */
public enum GatewayProfile {
    SMALL("small", "Development testing, quick validation", 100, 5, 10, 20, 20, 2),
    MEDIUM("medium", "Staging environment, pagination testing", 10_000, 10, 1_000, 100, 100, 10),
    LARGE("large", "Pre-production validation, stress testing", 50_000, 10, 5_000, 100, 100, 10),
    PRODUCTION("production", "Production capacity planning, scalability validation", 160_000, 10, 10_000, 100, 100, 10),
    MASSIVE("massive", "Future scale planning, extreme stress testing", 1_000_000, 10, 50_000, 100, 100, 10);

    /** The seed's "1 personal team per user". */
    static final int PERSONAL_TEAMS_PER_USER = 1;
    static final int MEMBERS_PER_TEAM_MIN = 1;
    static final int MEMBERS_PER_TEAM_MAX = 100;
    static final int TOKENS_PER_USER_AVG = 5;
    static final int TOOLS_PER_GATEWAY_AVG = 50;
    static final int AUDIT_LOGS_PER_USER_AVG = 10;
    /**
     * Members per additional team on average: the production benchmark's (10,000,000 - 160,000 personal-team
     * owners) / 1,600,000 additional teams. Close to the seed's own 80% 1-5 / 15% 10-20 / 5% 50-100 split.
     */
    static final double MEMBERS_PER_ADDITIONAL_TEAM_AVG = 6.15;

    private final String optionValue;
    private final String useCase;
    private final int users;
    private final int additionalTeamsPerUser;
    private final int gateways;
    private final int resourcesPerUser;
    private final int promptsPerUser;
    private final int serversPerUser;

    GatewayProfile(String optionValue, String useCase, int users, int additionalTeamsPerUser, int gateways,
                   int resourcesPerUser, int promptsPerUser, int serversPerUser) {
        this.optionValue = optionValue;
        this.useCase = useCase;
        this.users = users;
        this.additionalTeamsPerUser = additionalTeamsPerUser;
        this.gateways = gateways;
        this.resourcesPerUser = resourcesPerUser;
        this.promptsPerUser = promptsPerUser;
        this.serversPerUser = serversPerUser;
    }

    public String optionValue() {
        return optionValue;
    }

    public String useCase() {
        return useCase;
    }

    /** The scale section this profile stands for. */
    public GatewayConfig.Scale scale() {
        return new GatewayConfig.Scale(users, PERSONAL_TEAMS_PER_USER, additionalTeamsPerUser, MEMBERS_PER_TEAM_MIN,
                MEMBERS_PER_TEAM_MAX, "power_law", MEMBERS_PER_ADDITIONAL_TEAM_AVG, TOKENS_PER_USER_AVG, gateways,
                TOOLS_PER_GATEWAY_AVG, resourcesPerUser, promptsPerUser, serversPerUser, AUDIT_LOGS_PER_USER_AVG);
    }

    /** Parses {@code --profile}; null when unknown. */
    public static GatewayProfile parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.optionValue.equals(v)).findFirst().orElse(null);
    }

    /** The profile named {@code value}; throws naming {@code --profile} and the choices when there is none. */
    public static GatewayProfile named(String value) {
        GatewayProfile profile = parse(value);
        if (profile == null) {
            throw new InvalidOptionException("--profile", "unknown profile '" + value + "' (choose " + choices() + ")");
        }
        return profile;
    }

    public static String choices() {
        return Arrays.stream(values()).map(GatewayProfile::optionValue).collect(Collectors.joining(", "));
    }
}
