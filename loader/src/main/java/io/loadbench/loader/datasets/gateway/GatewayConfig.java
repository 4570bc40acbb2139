package io.loadbench.loader.datasets.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.loadbench.loader.spi.InvalidOptionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The gateway seed's YAML configuration ({@code --config}): sections {@code profile}, {@code global},
 * {@code scale}, {@code distributions} and {@code temporal}, with the seed's snake_case keys. Every key is
 * optional; a key that is given overrides the {@code --profile}'s value. An unknown key is an error (a
 * typo must not silently fall back to a default).
 *
 * <p>Two keys extend the seed's schema: {@code scale.members_per_team_avg} (members of an additional team
 * on average; the seed's benchmark implies 6.15) and {@code scale.audit_logs_per_user_avg}.
 */
public record GatewayConfig(Profile profile, Global global, Scale scale, Distributions distributions,
                            Temporal temporal) {

    /** {@code profile:} section. */
    public record Profile(String name, String description, String version) {
    }

    /** {@code global:} section. */
    public record Global(Long randomSeed, Integer batchSize, Boolean progressBar, Boolean parallel, Integer workers,
                         String emailDomain) {
    }

    /** {@code scale:} section. */
    public record Scale(Integer users, Integer personalTeamsPerUser, Integer additionalTeamsPerUser,
                        Integer membersPerTeamMin, Integer membersPerTeamMax, String membersPerTeamDistribution,
                        Double membersPerTeamAvg, Integer tokensPerUserAvg, Integer gateways, Integer toolsPerGatewayAvg,
                        Integer resourcesPerUserAvg, Integer promptsPerUserAvg, Integer serversPerUserAvg,
                        Integer auditLogsPerUserAvg) {

        /** This section with every non-null value of {@code override} replacing its own. */
        Scale overriddenBy(Scale override) {
            if (override == null) {
                return this;
            }
            return new Scale(pick(override.users, users), pick(override.personalTeamsPerUser, personalTeamsPerUser),
                    pick(override.additionalTeamsPerUser, additionalTeamsPerUser),
                    pick(override.membersPerTeamMin, membersPerTeamMin), pick(override.membersPerTeamMax, membersPerTeamMax),
                    pick(override.membersPerTeamDistribution, membersPerTeamDistribution),
                    pick(override.membersPerTeamAvg, membersPerTeamAvg), pick(override.tokensPerUserAvg, tokensPerUserAvg),
                    pick(override.gateways, gateways), pick(override.toolsPerGatewayAvg, toolsPerGatewayAvg),
                    pick(override.resourcesPerUserAvg, resourcesPerUserAvg), pick(override.promptsPerUserAvg, promptsPerUserAvg),
                    pick(override.serversPerUserAvg, serversPerUserAvg), pick(override.auditLogsPerUserAvg, auditLogsPerUserAvg));
        }
    }

    /** {@code distributions:} section. */
    public record Distributions(String teamSize, String resourceAccess, String temporal) {
    }

    /** {@code temporal:} section; dates are ISO {@code yyyy-MM-dd} (UTC midnight). */
    public record Temporal(String startDate, String endDate, Double recentDataPercent) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads a configuration file; every problem is one line naming {@code --config}, the file and the key. */
    public static GatewayConfig read(Path file) {
        try {
            GatewayConfig config = YAML.readValue(Files.readString(file), GatewayConfig.class);
            if (config == null) {
                throw new InvalidOptionException("--config", file + " is empty");
            }
            return config;
        } catch (NoSuchFileException e) {
            throw new InvalidOptionException("--config", "no such file: " + file);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidOptionException("--config", file + ": unknown key '" + path(e) + "' (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            throw new InvalidOptionException("--config", file + ": bad value at '" + path(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InvalidOptionException("--config", "cannot read " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
