package io.loadbench.results.shard;

import io.loadbench.results.Manifest;
import io.loadbench.results.RunManifest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a shard of a scaled-out injector run started, and how far its clock was from the system under test's: what
 * the merge needs to tell shards that started together from shards that did not. Recorded in the manifest's
 * {@code parameters} under {@value #KEY}.
 *
 * @param startAt        the start instant every shard was given ({@code --start-at})
 * @param scheduleStart  when this shard's schedule began (its time zero), on this shard's clock
 * @param firstSend      when this shard sent its first request, on its clock; empty when it sent none
 * @param clockOffsetMs  this shard's clock minus the system under test's, from the sample of least round trip
 *                       (positive: this shard's clock is ahead)
 * @param clockRttMs     the round trip of that sample; the offset is exact to within half of it
 * @param clockSource    what the clock was read from: {@code redis} ({@code TIME}) or {@code postgresql}
 *                       ({@code clock_timestamp()})
 */
public record ShardTiming(Instant startAt, Instant scheduleStart, Optional<Instant> firstSend, double clockOffsetMs,
                          double clockRttMs, String clockSource) {

    /** The manifest's {@code parameters} key. */
    public static final String KEY = "shardTiming";

    public ShardTiming {
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(scheduleStart, "scheduleStart");
        Objects.requireNonNull(firstSend, "firstSend");
        Objects.requireNonNull(clockSource, "clockSource");
    }

    /**
     * When the schedule began on the system under test's clock: {@link #scheduleStart} less the offset. The spread of
     * this over a run's shards is how far apart they really started.
     */
    public Instant correctedScheduleStart() {
        return scheduleStart.minusNanos(Math.round(clockOffsetMs * 1_000_000));
    }

    /** Records the timing in {@code manifest}'s parameters. */
    public void recordIn(Manifest manifest) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("startAt", startAt.toString());
        fields.put("scheduleStart", scheduleStart.toString());
        fields.put("firstSend", firstSend.map(Instant::toString).orElse(null));
        fields.put("clockOffsetMs", clockOffsetMs);
        fields.put("clockRttMs", clockRttMs);
        fields.put("clockSource", clockSource);
        manifest.putParameter(KEY, fields);
    }

    /**
     * The timing a manifest records; empty for a run that was not a shard of an injector run.
     *
     * @throws IllegalArgumentException when {@value #KEY} is there but is not a timing
     */
    public static Optional<ShardTiming> of(RunManifest manifest) {
        Object recorded = manifest.parameters().get(KEY);
        if (recorded == null) {
            return Optional.empty();
        }
        if (recorded instanceof Map<?, ?> fields && fields.get("startAt") instanceof String startAt
                && fields.get("scheduleStart") instanceof String scheduleStart
                && fields.get("clockOffsetMs") instanceof Number offset && fields.get("clockRttMs") instanceof Number rtt
                && fields.get("clockSource") instanceof String source) {
            try {
                Optional<Instant> firstSend = fields.get("firstSend") instanceof String first
                        ? Optional.of(Instant.parse(first)) : Optional.empty();
                return Optional.of(new ShardTiming(Instant.parse(startAt), Instant.parse(scheduleStart), firstSend,
                        offset.doubleValue(), rtt.doubleValue(), source));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("parameters." + KEY + ": not an ISO-8601 instant: " + e.getParsedString(), e);
            }
        }
        throw new IllegalArgumentException("parameters." + KEY + " is not a shard timing: " + recorded);
    }
}
