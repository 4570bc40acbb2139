package io.loadbench.loader.cli;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password holding every URL delimiter ({@code @ / ? # : %}), for a PostgreSQL role and a Redis ACL user that
 * really log in, given URL-encoded in {@code --pg-url} and {@code --redis-url}: loads, verifications and drops that
 * succeed print it nowhere and write it into no file of their run folders.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretsEndToEndTest {

    private static final String RAW = BadInputTest.PASSWORD;
    private static final String ENCODED = BadInputTest.ENCODED;

    @TempDir
    Path results;

    @Test
    void aPasswordWithEveryDelimiterThatLogsInIsNeitherPrintedNorSaved() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        String prefix = "lb:secrets";
        try (TestSchema schema = new TestSchema(embedded);
             Connection c = embedded.openPgConnection(); Statement s = c.createStatement();
             Jedis jedis = embedded.openRedisConnection()) {
            s.execute("CREATE ROLE lb_loader_secret LOGIN SUPERUSER PASSWORD '" + RAW + "'");
            jedis.aclSetUser("lb-loader-secret", "on", ">" + RAW, "~*", "&*", "+@all");
            try {
                String pgUrl = "postgresql://lb_loader_secret:" + ENCODED + "@" + embedded.postgres().hostAndPort()
                        + "/postgres?currentSchema=" + schema.name();
                String redisUrl = "redis://lb-loader-secret:" + ENCODED + "@" + embedded.redis().hostAndPort();
                List<CliRun> runs = new ArrayList<>();
                for (String command : List.of("load", "verify", "drop")) {
                    runs.add(CliRun.of(Map.of(), "secrets", command, "events", "--rows", "5K", "--users", "100",
                            "--pg-url", pgUrl, "--results", results.toString()));
                    runs.add(CliRun.of(Map.of(), "secrets", command, "analytics", "--rows", "2K", "--orgs", "3",
                            "--users-per-org", "5", "--time-buckets", "2", "--key-prefix", prefix, "--pg-url", pgUrl,
                            "--redis-url", redisUrl, "--results", results.toString()));
                }

                for (CliRun run : runs) {
                    assertThat(run.exitCode()).as("%s%n%s", run.out(), run.err()).isZero();
                    assertNoPassword(run.out() + run.err());
                }
                assertThat(runs.get(0).out()).containsAnyOf("OK: ", "NOISY: ");
                assertNoPassword(everyFileUnder(results));
            } finally {
                jedis.aclDelUser("lb-loader-secret");
                // the bookkeeping tables the loads created belong to the role: hand them over to the schema's owner
                s.execute("REASSIGN OWNED BY lb_loader_secret TO CURRENT_USER");
                s.execute("DROP ROLE lb_loader_secret");
            }
        }
    }

    private static void assertNoPassword(String text) {
        assertThat(text).doesNotContain(RAW).doesNotContain(ENCODED).doesNotContain("p@ss").doesNotContain("p%40ss")
                .doesNotContain("r#d").doesNotContain("r%23d");
    }

    private static String everyFileUnder(Path dir) throws Exception {
        List<String> everything = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertThat(everything).as("run folders written").hasSizeGreaterThan(2);
        return String.join("\n", everything);
    }
}
