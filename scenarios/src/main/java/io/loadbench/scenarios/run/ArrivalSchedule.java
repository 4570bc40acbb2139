package io.loadbench.scenarios.run;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
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
 * <p>Gatling is told to start the users of each {@value #SLOT_MS}-ms slot at the slot's start; each user then
 * waits until its own intended time before its first request. Whatever delays Gatling or the JVM beyond that
 * time shows as the user's lag and in its latency. Immutable; a cursor is not.
 */
public final class ArrivalSchedule {

    /** Gatling starts users this early at most; each waits for its intended time. */
    static final long SLOT_MS = 20;

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

    private ArrivalSchedule(List<Segment> segments, Process process, long seed) {
        this.segments = List.copyOf(segments);
        this.process = process;
        this.seed = seed;
    }

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
        longer.add(new Segment(lengthSec(), lengthSec, fromPerSec, toPerSec, expectedBy(lengthSec())));
        return new ArrivalSchedule(longer, process, seed);
    }

    /** The same profile with arrivals of a Poisson process seeded by {@code seed} (reproducible). */
    public ArrivalSchedule poisson(long seed) {
        return new ArrivalSchedule(segments, Process.POISSON, seed);
    }

    /** The same profile, arrivals {@code "uniform"} or {@code "poisson"} (seeded by {@code seed}). */
    public ArrivalSchedule withProcess(String name, long seed) {
        return switch (name) {
            case "uniform" -> new ArrivalSchedule(segments, Process.UNIFORM, 0);
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

    /** Λ(t): the arrivals the profile has made due by {@code tSec} after its start (clamped to the profile). */
    public double expectedBy(double tSec) {
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

    /** The profile's mean rate over its length, arrivals per second. */
    public double meanRate() {
        return lengthSec() == 0 ? 0 : expectedBy(lengthSec()) / lengthSec();
    }

    /** Gatling's injection: the users of each slot start at the slot's start and wait for their intended times. */
    public OpenInjectionStep[] injection() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        Cursor cursor = cursor();
        long slotNanos = Duration.ofMillis(SLOT_MS).toNanos();
        long currentSlot = -1;
        long usersInSlot = 0;
        long lastStepSlot = 0;
        for (OptionalDouble due = cursor.next(); due.isPresent(); due = cursor.next()) {
            long slot = (long) (due.getAsDouble() * 1e9) / slotNanos;
            if (slot != currentSlot) {
                lastStepSlot = addSlot(steps, currentSlot, usersInSlot, lastStepSlot);
                currentSlot = slot;
                usersInSlot = 0;
            }
            usersInSlot++;
        }
        addSlot(steps, currentSlot, usersInSlot, lastStepSlot);
        if (steps.isEmpty()) {
            steps.add(CoreDsl.nothingFor(length()));
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    private static long addSlot(List<OpenInjectionStep> steps, long slot, long users, long afterSlot) {
        if (users == 0) {
            return afterSlot;
        }
        if (slot > afterSlot) {
            steps.add(CoreDsl.nothingFor(Duration.ofMillis((slot - afterSlot) * SLOT_MS)));
        }
        steps.add(CoreDsl.atOnceUsers(Math.toIntExact(users)));
        return slot;
    }

    /** A fresh walk over the arrivals' intended times (seconds after the start), in order. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** The arrivals' intended times in order; {@link #next()} is synchronized (users of several event loops take them). */
    public final class Cursor {
        private final double total = expectedBy(lengthSec());
        private final SplittableRandom random = new SplittableRandom(seed);
        private double count;
        private long taken;

        private Cursor() {
        }

        /** The next arrival's intended time in seconds after the start, empty once the profile is over. */
        public synchronized OptionalDouble next() {
            double at;
            if (process == Process.UNIFORM) {
                at = taken;
            } else {
                count += -Math.log(1 - random.nextDouble());
                at = count;
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
        StringBuilder text = new StringBuilder(process.name().toLowerCase(Locale.ROOT)).append(" arrivals:");
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
