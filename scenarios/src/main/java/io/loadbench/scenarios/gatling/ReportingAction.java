package io.loadbench.scenarios.gatling;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import java.util.Optional;
import scala.Option;

/**
 * What every action of this package shares: Gatling's {@code StatsEngine}, clock and next action, StrictLogging's
 * {@code logger} with the synthetic setter scalac would generate, and reporting one response. Subclasses that
 * mix in {@code ExitableAction} add its two synthetic super-accessors themselves (see the package docs).
 */
abstract class ReportingAction implements Action {

    private final String name;
    private final StatsEngine statsEngine;
    private final Clock clock;
    private final Action next;
    private Logger logger;

    ReportingAction(String name, StatsEngine statsEngine, Clock clock, Action next) {
        this.name = name;
        this.statsEngine = statsEngine;
        this.clock = clock;
        this.next = next;
        com.typesafe.scalalogging.StrictLogging.$init$(this);
    }

    /** Reports one response to Gatling (safe from any thread): OK, or KO with its one-line reason. */
    final void logResponse(Session session, String requestName, long startMillis, long endMillis, Optional<String> failure) {
        statsEngine.logResponse(session.scenario(), session.groups(), requestName, startMillis, endMillis,
                failure.isEmpty() ? OK$.MODULE$ : KO$.MODULE$, Option.empty(), Option.apply(failure.orElse(null)));
    }

    @Override
    public String name() {
        return name;
    }

    // ---- what scalac generates for a class mixing in Action (StrictLogging) and ChainableAction ----

    public StatsEngine statsEngine() {
        return statsEngine;
    }

    public Clock clock() {
        return clock;
    }

    public Action next() {
        return next;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
        this.logger = logger;
    }
}
