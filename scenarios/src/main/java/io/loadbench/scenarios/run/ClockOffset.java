package io.loadbench.scenarios.run;

import io.loadbench.datastores.Datastores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * How far this machine's clock is from the system under test's, NTP style: several samples of the server's clock
 * (Redis {@code TIME}, else PostgreSQL {@code clock_timestamp()}), each bracketed by two local readings, and the
 * sample of least round trip kept, whose offset is exact to within half its round trip. The shards of a scaled-out
 * run record it, so that the merge can compare their start times on one clock.
 *
 * @param offsetMs this machine's clock minus the server's (positive: this machine is ahead)
 * @param rttMs    the kept sample's round trip
 * @param source   {@code redis} or {@code postgresql}
 */
public record ClockOffset(double offsetMs, double rttMs, String source) {

    /** Samples taken; the first also opens the connection's caches and is rarely the one kept. */
    static final int SAMPLES = 9;

    /** One reading of the server's clock between two local ones (epoch microseconds). */
    record Sample(long sentUs, long serverUs, long receivedUs) {
        double rttMs() {
            return (receivedUs - sentUs) / 1000.0;
        }

        /** The local clock at the round trip's midpoint, less the server's. */
        double offsetMs() {
            return ((sentUs + receivedUs) / 2.0 - serverUs) / 1000.0;
        }
    }

    /** The offset from {@code samples}: the one of least round trip. */
    static ClockOffset of(List<Sample> samples, String source) {
        Sample best = samples.stream().min(java.util.Comparator.comparingLong(s -> s.receivedUs() - s.sentUs()))
                .orElseThrow(() -> new IllegalArgumentException("no clock samples"));
        return new ClockOffset(round(best.offsetMs()), round(best.rttMs()), source);
    }

    /**
     * Measures against Redis when the target has it, else against PostgreSQL.
     *
     * @throws IllegalStateException naming the server when its clock cannot be read
     */
    public static ClockOffset measure(Datastores datastores, boolean hasRedis) {
        List<Sample> samples = new java.util.ArrayList<>();
        if (hasRedis) {
            try (Jedis jedis = datastores.openRedisConnection()) {
                for (int i = 0; i < SAMPLES; i++) {
                    long sent = nowUs();
                    List<String> time = jedis.time();
                    long received = nowUs();
                    samples.add(new Sample(sent, Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1)), received));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot read the Redis server's clock (TIME): " + e.getMessage(), e);
            }
            return of(samples, "redis");
        }
        try (Connection connection = datastores.openPgConnection(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < SAMPLES; i++) {
                long sent = nowUs();
                long server;
                try (ResultSet result = statement.executeQuery("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::int8")) {
                    result.next();
                    server = result.getLong(1);
                }
                long received = nowUs();
                samples.add(new Sample(sent, server, received));
            }
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("cannot read the PostgreSQL server's clock (clock_timestamp()): " + e.getMessage(), e);
        }
        return of(samples, "postgresql");
    }

    private static long nowUs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }
}
