package io.loadbench.scenarios.run;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.loadbench.results.shard.Shard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * When the arrivals of an open model are due: one definition that gives both Gatling's injection profile
 * ({@link #injection()}) and the intended time of every arrival ({@link #cursor()}), so that a simulation cannot
 * declare one schedule and be measured by another.
 *
 * <p>The profile is a sequence of segments, each at a constant rate or ramping linearly from one rate to
 * another; its cumulative count of arrivals is Λ(t). Arrivals are either uniform (the k-th is due at Λ⁻¹(k), as
 * Gatling's {@code constantUsersPerSec} spaces them) or a seeded Poisson process (as pgbench {@code -R}): the
 * points S₁ &lt; S₂ &lt; … of a unit-rate Poisson process from the seed, mapped through Λ⁻¹ (time rescaling), so
 * ramps and stairs are Poisson too.
 *
 * <p>Gatling starts users ahead of the arrivals ({@link #injection()}): a buffer at once, then one step per segment
 * at the segment's rates, so every arrival has a user waiting for it. Each user takes the next arrival from the
 * cursor and waits until that arrival's intended time before its first request; users left over once the profile
 * is over leave without a request. Whatever delays Gatling or the JVM beyond an intended time shows as the user's
 * lag and in its latency. Immutable; a cursor is not.
 *
 * <p>{@linkplain #forShard One shard} of a scaled-out run offers its share of the same profile, so that the union of
 * the shards is the whole run's arrival process: with uniform arrivals shard i of N takes the whole run's arrivals
 * i, i+N, i+2N, …; with Poisson arrivals each shard is an independent Poisson process at 1/N of the rate, seeded
 * apart (a superposition of independent Poisson processes is the Poisson process of the summed rate).
 */
public final class ArrivalSchedule {

    /** How far ahead of the arrivals Gatling starts users, in the profile's own rate: the arrivals due in this time. */
    static final double LEAD_SEC = 1.0;

    /** How arrivals are spaced within the profile. */
    public enum Process { UNIFORM, POISSON }

    /** One segment: {@code fromRate} to {@code toRate} arrivals/s over {@code lengthSec}, after {@code before} arrivals. */
    private record Segment(double startSec, double lengthSec, double fromRate, double toRate, double before) {

        double countAt(double t) {
            return fromRate * t + (toRate - fromRate) * t * t / (2 * lengthSec);
        }

        /** The time into the segment at which {@code count} of its arrivals are due (inverse of {@link #countAt}). */
        double timeOf(double count) {
            if (count <= 0) {
                return 0;
            }
            double a = (toRate - fromRate) / (2 * lengthSec);
            double discriminant = fromRate * fromRate + 4 * a * count;
            // the stable root of a·t² + fromRate·t − count = 0 (also for a = 0 and for falling ramps)
            double t = 2 * count / (fromRate + Math.sqrt(Math.max(0, discriminant)));
            return Double.isFinite(t) ? Math.min(lengthSec, Math.max(0, t)) : lengthSec;
        }
    }

    private final List<Segment> segments;
    private final Process process;
    private final long seed;
    private final Shard shard;

    private ArrivalSchedule(List<Segment> segments, Process process, long seed, Shard shard) {
        this.segments = List.copyOf(segments);
        this.process = process;
        this.seed = seed;
        this.shard = shard;
    }

    private ArrivalSchedule(List<Segment> segments, Process process, long seed) {
        this(segments, process, seed, WHOLE);
    }

    /** The whole run: one shard of one. */
    private static final Shard WHOLE = new Shard(0, 1);

    /** {@code perSec} arrivals per second for {@code length}. */
    public static ArrivalSchedule constant(double perSec, Duration length) {
        return new ArrivalSchedule(List.of(), Process.UNIFORM, 0).thenRamp(perSec, perSec, length);
    }

    /** From {@code fromPerSec} to {@code toPerSec} arrivals per second, linearly, over {@code length}. */
    public static ArrivalSchedule ramp(double fromPerSec, double toPerSec, Duration length) {
        return new ArrivalSchedule(List.of(), Process.UNIFORM, 0).thenRamp(fromPerSec, toPerSec, length);
    }

    /** This schedule, then {@code perSec} for {@code length}. */
    public ArrivalSchedule thenConstant(double perSec, Duration length) {
        return thenRamp(perSec, perSec, length);
    }

    /** This schedule, then a linear ramp (stairs are constants one after the other). */
    public ArrivalSchedule thenRamp(double fromPerSec, double toPerSec, Duration length) {
        if (!(fromPerSec >= 0) || !(toPerSec >= 0) || !Double.isFinite(fromPerSec) || !Double.isFinite(toPerSec)) {
            throw new IllegalArgumentException("arrival rates must be finite and not negative, got " + fromPerSec + " and " + toPerSec);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a schedule segment must last a positive time, got " + length);
        }
        double lengthSec = length.toNanos() / 1e9;
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(new Segment(lengthSec(), lengthSec, fromPerSec, toPerSec, wholeExpectedBy(lengthSec())));
        return new ArrivalSchedule(longer, process, seed, shard);
    }

    /** The same profile with arrivals of a Poisson process seeded by {@code seed} (reproducible). */
    public ArrivalSchedule poisson(long seed) {
        return new ArrivalSchedule(segments, Process.POISSON, seed, shard);
    }

    /** Shard {@code part}'s share of this schedule (see the class comment); the whole schedule for a shard of one. */
    public ArrivalSchedule forShard(Shard part) {
        return new ArrivalSchedule(segments, process, seed, part);
    }

    public Shard shard() {
        return shard;
    }

    /** The same profile, arrivals {@code "uniform"} or {@code "poisson"} (seeded by {@code seed}). */
    public ArrivalSchedule withProcess(String name, long seed) {
        return switch (name) {
            case "uniform" -> new ArrivalSchedule(segments, Process.UNIFORM, 0, shard);
            case "poisson" -> poisson(seed);
            default -> throw new IllegalArgumentException("arrivals must be uniform or poisson, got '" + name + "'");
        };
    }

    public Process process() {
        return process;
    }

    /** How long the profile lasts, in seconds. */
    public double lengthSec() {
        return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).startSec() + segments.get(segments.size() - 1).lengthSec();
    }

    public Duration length() {
        return Duration.ofNanos(Math.round(lengthSec() * 1e9));
    }

    /**
     * Λ(t)/N: the arrivals this shard's share of the profile has made due by {@code tSec} after its start (clamped
     * to the profile); Λ(t) for the whole run.
     */
    public double expectedBy(double tSec) {
        return wholeExpectedBy(tSec) / shard.count();
    }

    /** Λ(t): the arrivals the whole profile has made due by {@code tSec} after its start. */
    private double wholeExpectedBy(double tSec) {
        if (segments.isEmpty() || tSec <= 0) {
            return 0;
        }
        for (Segment segment : segments) {
            if (tSec <= segment.startSec() + segment.lengthSec()) {
                return segment.before() + segment.countAt(tSec - segment.startSec());
            }
        }
        Segment last = segments.get(segments.size() - 1);
        return last.before() + last.countAt(last.lengthSec());
    }

    /** Λ⁻¹: when (seconds after the start) {@code count} arrivals are due; the profile's end beyond its total. */
    double timeOf(double count) {
        for (Segment segment : segments) {
            double inSegment = segment.countAt(segment.lengthSec());
            if (count <= segment.before() + inSegment) {
                return segment.startSec() + segment.timeOf(count - segment.before());
            }
        }
        return lengthSec();
    }

    /** This shard's mean rate over the profile's length (the whole run's divided by N), arrivals per second. */
    public double meanRate() {
        return lengthSec() == 0 ? 0 : expectedBy(lengthSec()) / lengthSec();
    }

    /**
     * Gatling's injection for this schedule: {@link #bufferUsers()} users at once, then each segment as one step
     * at its own rates ({@code constantUsersPerSec}, {@code rampUsersPerSec}, or {@code nothingFor} at rate 0). The
     * users started by any time t are then at least the buffer plus Λ(t) less one per segment (Gatling rounds each
     * step), which is more than the arrivals due by t for uniform arrivals and, with the buffer's 4√N, for a Poisson
     * process too (ArrivalScheduleTest checks every arrival against Gatling's own start times).
     *
     * <p>Few steps on purpose: Gatling composes steps by mapping every later step's start times through each earlier
     * one, so a profile of thousands of small steps (one per 20-ms slot, as before) costs each user a walk through
     * thousands of iterators: the 10,000/s cache workload spent more than half of the injector's CPU there.
     */
    public OpenInjectionStep[] injection() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        steps.add(CoreDsl.atOnceUsers(Math.toIntExact(bufferUsers())));
        for (Segment segment : segments) {
            Duration length = Duration.ofNanos(Math.max(1, Math.round(segment.lengthSec() * 1e9)));
            if (segment.fromRate() == 0 && segment.toRate() == 0) {
                steps.add(CoreDsl.nothingFor(length));
            } else if (segment.fromRate() == segment.toRate()) {
                steps.add(CoreDsl.constantUsersPerSec(segment.fromRate() / shard.count()).during(length));
            } else {
                steps.add(CoreDsl.rampUsersPerSec(segment.fromRate() / shard.count()).to(segment.toRate() / shard.count())
                        .during(length));
            }
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    /**
     * The users started ahead: the arrivals due in the first {@value #LEAD_SEC} s, plus 4√N for a Poisson process's
     * run ahead of its mean (N the profile's expected arrivals), plus one per segment for Gatling's rounding; all
     * of this shard's share.
     */
    long bufferUsers() {
        double total = expectedBy(lengthSec());
        double poissonMargin = process == Process.POISSON ? 4 * Math.sqrt(total) + 4 : 0;
        return (long) Math.ceil(expectedBy(LEAD_SEC) + poissonMargin) + segments.size() + 1;
    }

    /** A fresh walk over the arrivals' intended times (seconds after the start), in order. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** The arrivals' intended times in order; {@link #next()} is synchronized (users of several event loops take them). */
    public final class Cursor {
        private final double total = wholeExpectedBy(lengthSec());
        /** Shards draw independent streams: the seed moved apart by the index, golden-ratio spaced. */
        private final SplittableRandom random = new SplittableRandom(seed + shard.index() * 0x9E3779B97F4A7C15L);
        private double count;
        private long taken;

        private Cursor() {
        }

        /** The next arrival's intended time in seconds after the start, empty once the profile is over. */
        public synchronized OptionalDouble next() {
            double at;
            if (process == Process.UNIFORM) {
                // the whole run's arrivals index, index + N, index + 2N, …
                at = (double) taken * shard.count() + shard.index();
            } else {
                // a unit-rate process in this shard's Λ/N, read in the whole run's Λ
                count += -Math.log(1 - random.nextDouble());
                at = count * shard.count();
            }
            if (at >= total - 1e-9) {
                return OptionalDouble.empty();
            }
            taken++;
            return OptionalDouble.of(timeOf(at));
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(process.name().toLowerCase(Locale.ROOT)).append(" arrivals")
                .append(shard.count() > 1 ? " (shard " + shard + " of the whole run's)" : "").append(':');
        for (Segment segment : segments) {
            text.append(String.format(Locale.ROOT, " %s/s", trim(segment.fromRate())));
            if (segment.toRate() != segment.fromRate()) {
                text.append(String.format(Locale.ROOT, "→%s/s", trim(segment.toRate())));
            }
            text.append(String.format(Locale.ROOT, " for %ss;", trim(segment.lengthSec())));
        }
        return text.substring(0, text.length() - 1);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
