package io.loadbench.scenarios.run;

import io.gatling.javaapi.core.Session;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded session function that sets drawn attributes on the virtual user's session, for
 * {@code exec(SeededDraws.of(seed, draw))} in place of {@code feed(new SeededFeeder(seed, draw))}.
 *
 * <p>Why not the feeder: Gatling serves {@code feed} from its FeedActor, so every draw is a message to that
 * actor and a hop back to the user's event loop (two thread wake-ups per request when the injector is not
 * saturated). Here the draw runs on the user's own event loop, inline.
 *
 * <p>The draws are the same sequence as {@link SeededFeeder}'s for the same seed and draw function: one
 * {@link SplittableRandom} stream, drawn under a lock (several event loops call it). As with the feeder, which
 * user gets which draw depends on the order in which users ask, not on the seed.
 */
public final class SeededDraws implements Function<Session, Session> {

    private final SplittableRandom random;
    private final Function<SplittableRandom, Map<String, Object>> draw;

    private SeededDraws(long seed, Function<SplittableRandom, Map<String, Object>> draw) {
        this.random = new SplittableRandom(seed);
        this.draw = draw;
    }

    /** Each call draws one record from the stream seeded with {@code seed} and sets its entries on the session. */
    public static SeededDraws of(long seed, Function<SplittableRandom, Map<String, Object>> draw) {
        return new SeededDraws(seed, draw);
    }

    /** The next record of the stream (what the next session gets). */
    public Map<String, Object> next() {
        synchronized (random) {
            return draw.apply(random);
        }
    }

    @Override
    public Session apply(Session session) {
        return session.setAll(next());
    }
}
