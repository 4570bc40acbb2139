package io.loadbench.loader.datasets.gateway;

import io.loadbench.loader.spi.InvalidOptionException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The gateway dataset's own settings: a profile, overridden by the {@code --config} file, overridden by
 * explicit command-line options ({@link #resolve}). Validated at construction; invalid values are rejected
 * naming where they came from. The seed is the common {@code --seed}; a {@code --rows} other than the
 * default replaces the user count ({@link #withUsers}).
 *
 * @param configSeed the {@code --config} file's {@code global.random_seed}, which {@code --seed} must
 *                   equal, or null when the file names none
 */
public record GatewaySettings(String profileName, String emailDomain, int users, int additionalTeamsPerUser,
                              int membersPerTeamMin, int membersPerTeamMax, double membersPerTeamAvg,
                              int tokensPerUserAvg, int gateways, int toolsPerGatewayAvg, int resourcesPerUserAvg,
                              int promptsPerUserAvg, int serversPerUserAvg, int auditLogsPerUserAvg,
                              Instant start, Instant end, double recentDataPercent, Long configSeed) {

    /** The seed's test e-mail domain: "makes cleanup easy and safe". */
    public static final String DEFAULT_EMAIL_DOMAIN = "loadtest.example.com";
    /** The seed's temporal section. */
    static final String DEFAULT_START_DATE = "2023-01-01";
    static final String DEFAULT_END_DATE = "2025-10-12";
    static final double DEFAULT_RECENT_DATA_PERCENT = 80;
    public static final GatewayProfile DEFAULT_PROFILE = GatewayProfile.MEDIUM;

    public static final GatewaySettings DEFAULTS = ofProfile(DEFAULT_PROFILE);

    public GatewaySettings {
        String where = "--profile/--config";
        if (!emailDomain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}")) {
            throw new InvalidOptionException("--email-domain", "not a lower-case DNS domain: '" + emailDomain + "'");
        }
        positive(where + " scale.users", users);
        nonNegative(where + " scale.additional_teams_per_user", additionalTeamsPerUser);
        if (membersPerTeamMin < 1 || membersPerTeamMax < membersPerTeamMin) {
            throw new InvalidOptionException(where, "scale.members_per_team_min/max must satisfy 1 <= min <= max, got "
                    + membersPerTeamMin + "/" + membersPerTeamMax);
        }
        if (membersPerTeamMax > users) {
            throw new InvalidOptionException(where, "scale.members_per_team_max (" + membersPerTeamMax
                    + ") exceeds scale.users (" + users + "): a team cannot have more distinct members than there are users");
        }
        if (!(membersPerTeamAvg >= membersPerTeamMin && membersPerTeamAvg <= membersPerTeamMax)) {
            throw new InvalidOptionException(where, "scale.members_per_team_avg must lie in [min, max], got " + membersPerTeamAvg);
        }
        nonNegative(where + " scale.tokens_per_user_avg", tokensPerUserAvg);
        positive(where + " scale.gateways", gateways);
        nonNegative(where + " scale.tools_per_gateway_avg", toolsPerGatewayAvg);
        positive(where + " scale.resources_per_user_avg", resourcesPerUserAvg);
        nonNegative(where + " scale.prompts_per_user_avg", promptsPerUserAvg);
        nonNegative(where + " scale.servers_per_user_avg", serversPerUserAvg);
        nonNegative(where + " scale.audit_logs_per_user_avg", auditLogsPerUserAvg);
        if (!end.isAfter(start.plusSeconds(31L * 86_400))) {
            throw new InvalidOptionException(where, "temporal.end_date must be more than 31 days after start_date");
        }
        if (!(recentDataPercent > 0 && recentDataPercent < 100)) {
            throw new InvalidOptionException(where, "temporal.recent_data_percent must be in (0, 100), got " + recentDataPercent);
        }
        if ((long) users * (1 + additionalTeamsPerUser) > 2_000_000_000L) {
            throw new InvalidOptionException(where, "more than 2e9 teams is beyond what this dataset lays out");
        }
    }

    /** A profile's settings, as {@code --profile NAME} alone gives them. */
    public static GatewaySettings ofProfile(GatewayProfile profile) {
        return resolve(profile, null, null);
    }

    /** The named profile's settings; throws naming {@code --profile} when there is no such profile. */
    public static GatewaySettings ofProfile(String profileName) {
        return ofProfile(GatewayProfile.named(profileName));
    }

    /**
     * Resolves profile, then config file, then explicit options.
     *
     * @param config            the {@code --config} file, or null
     * @param emailDomainOption {@code --email-domain}, or null for the file's or the default
     */
    public static GatewaySettings resolve(GatewayProfile profile, GatewayConfig config, String emailDomainOption) {
        GatewayConfig.Scale scale = profile.scale();
        String name = profile.optionValue();
        String domain = DEFAULT_EMAIL_DOMAIN;
        String startDate = DEFAULT_START_DATE;
        String endDate = DEFAULT_END_DATE;
        double recent = DEFAULT_RECENT_DATA_PERCENT;
        Long configSeed = null;
        if (config != null) {
            scale = scale.overriddenBy(config.scale());
            if (config.profile() != null && config.profile().name() != null) {
                name = config.profile().name();
            }
            if (config.global() != null) {
                configSeed = config.global().randomSeed();
                if (config.global().emailDomain() != null) {
                    domain = config.global().emailDomain();
                }
            }
            GatewayConfig.Distributions d = config.distributions();
            if (d != null) {
                require("distributions.team_size", d.teamSize(), "power_law");
                require("distributions.resource_access", d.resourceAccess(), "zipf");
                require("distributions.temporal", d.temporal(), "exponential_decay");
            }
            require("scale.members_per_team_distribution", scale.membersPerTeamDistribution(), "power_law");
            if (config.scale() != null && config.scale().personalTeamsPerUser() != null
                    && config.scale().personalTeamsPerUser() != 1) {
                throw new InvalidOptionException("--config", "scale.personal_teams_per_user must be 1 (every user has"
                        + " exactly one personal team), got " + config.scale().personalTeamsPerUser());
            }
            GatewayConfig.Temporal t = config.temporal();
            if (t != null) {
                startDate = t.startDate() != null ? t.startDate() : startDate;
                endDate = t.endDate() != null ? t.endDate() : endDate;
                recent = t.recentDataPercent() != null ? t.recentDataPercent() : recent;
            }
        }
        if (emailDomainOption != null) {
            domain = emailDomainOption;
        }
        return new GatewaySettings(name, domain, scale.users(), scale.additionalTeamsPerUser(), scale.membersPerTeamMin(),
                scale.membersPerTeamMax(), scale.membersPerTeamAvg(), scale.tokensPerUserAvg(), scale.gateways(),
                scale.toolsPerGatewayAvg(), scale.resourcesPerUserAvg(), scale.promptsPerUserAvg(),
                scale.serversPerUserAvg(), scale.auditLogsPerUserAvg(),
                date("temporal.start_date", startDate), date("temporal.end_date", endDate), recent, configSeed);
    }

    /**
     * These settings for {@code newUsers} users ({@code --rows}): every per-user count follows, and team
     * sizes shrink to the users there are (a team cannot have more distinct members).
     */
    public GatewaySettings withUsers(int newUsers) {
        int maxMembers = Math.max(membersPerTeamMin, Math.min(membersPerTeamMax, newUsers));
        double avgMembers = Math.min(membersPerTeamAvg, (membersPerTeamMin + maxMembers) / 2.0);
        return new GatewaySettings(profileName, emailDomain, newUsers, additionalTeamsPerUser, membersPerTeamMin,
                maxMembers, avgMembers, tokensPerUserAvg, gateways, toolsPerGatewayAvg, resourcesPerUserAvg,
                promptsPerUserAvg, serversPerUserAvg, auditLogsPerUserAvg, start, end, recentDataPercent, configSeed);
    }

    private static void require(String key, String value, String supported) {
        if (value != null && !value.equals(supported)) {
            throw new InvalidOptionException("--config", key + " '" + value + "' is not supported (only " + supported + ")");
        }
    }

    private static Instant date(String key, String value) {
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidOptionException("--config", key + " '" + value + "' is not a yyyy-MM-dd date");
        }
    }

    private static void positive(String what, long value) {
        if (value <= 0) {
            throw new InvalidOptionException(what.substring(0, what.indexOf(' ')), what.substring(what.indexOf(' ') + 1)
                    + " must be positive, got " + value);
        }
    }

    private static void nonNegative(String what, long value) {
        if (value < 0) {
            throw new InvalidOptionException(what.substring(0, what.indexOf(' ')), what.substring(what.indexOf(' ') + 1)
                    + " must be 0 or more, got " + value);
        }
    }

    public long teams() {
        return (long) users * (1 + additionalTeamsPerUser);
    }

    public long additionalTeams() {
        return (long) users * additionalTeamsPerUser;
    }

    public long tokens() {
        return (long) users * tokensPerUserAvg;
    }

    public long tools() {
        return (long) gateways * toolsPerGatewayAvg;
    }

    public long resources() {
        return (long) users * resourcesPerUserAvg;
    }

    public long prompts() {
        return (long) users * promptsPerUserAvg;
    }

    public long servers() {
        return (long) users * serversPerUserAvg;
    }

    public long auditLogs() {
        return (long) users * auditLogsPerUserAvg;
    }
}
