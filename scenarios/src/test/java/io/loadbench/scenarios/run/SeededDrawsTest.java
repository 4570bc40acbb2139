package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SeededDrawsTest {

    private static final Function<SplittableRandom, Map<String, Object>> DRAW =
            random -> Map.of("org", 1 + random.nextInt(500), "kind", random.nextInt(100) < 70 ? "dashboard" : "other");

    private static io.gatling.javaapi.core.Session session() {
        return new io.gatling.javaapi.core.Session(io.gatling.core.session.Session$.MODULE$.apply("draws", 1L, null));
    }

    @Test
    void theSameSeedDrawsTheSameSequenceAsTheSeededFeeder() {
        SeededDraws draws = SeededDraws.of(42, DRAW);
        SeededFeeder feeder = new SeededFeeder(42, DRAW);
        for (int i = 0; i < 1_000; i++) {
            assertThat(draws.next()).isEqualTo(feeder.next());
        }
    }

    @Test
    void anotherSeedDrawsAnotherSequence() {
        SeededDraws one = SeededDraws.of(42, DRAW);
        SeededDraws other = SeededDraws.of(43, DRAW);
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add(one.next());
            second.add(other.next());
        }
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void eachCallSetsTheDrawnAttributesOnTheSessionAndKeepsTheOthers() {
        SeededDraws draws = SeededDraws.of(7, DRAW);
        Map<String, Object> expected = new SeededFeeder(7, DRAW).next();

        io.gatling.javaapi.core.Session drawn = draws.apply(session().set("kept", "yes"));

        assertThat(drawn.getInt("org")).isEqualTo(expected.get("org"));
        assertThat(drawn.getString("kind")).isEqualTo(expected.get("kind"));
        assertThat(drawn.getString("kept")).isEqualTo("yes");
    }

    @Test
    void aLoopingUserGetsAFreshDrawEachIteration() {
        SeededDraws draws = SeededDraws.of(11, DRAW);
        SeededFeeder feeder = new SeededFeeder(11, DRAW);
        io.gatling.javaapi.core.Session session = session();
        for (int i = 0; i < 50; i++) {
            session = draws.apply(session);
            assertThat(session.getInt("org")).isEqualTo(feeder.next().get("org"));
        }
    }
}
