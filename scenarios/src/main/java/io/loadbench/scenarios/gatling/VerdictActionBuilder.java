package io.loadbench.scenarios.gatling;

import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An action that decides a run's outcome once the load is over and reports it to Gatling as one request:
 * OK, or KO with the reasons. A Gatling assertion on that request ({@code details(name).failedRequests()
 * .count().is(0L)}) then fails the build through Gatling's own exit code, after the HTML report is written.
 */
public final class VerdictActionBuilder implements ActionBuilder {

    private final String requestName;
    private final Supplier<List<String>> verdict;

    /**
     * @param verdict decides the run (blocking allowed: it runs on its own thread) and returns the failures,
     *                empty when the run is OK
     */
    public VerdictActionBuilder(String requestName, Supplier<List<String>> verdict) {
        this.requestName = requestName;
        this.verdict = verdict;
    }

    @Override
    public Action build(ScenarioContext ctx, Action next) {
        return new VerdictAction(requestName, verdict, ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(), next);
    }

    private static final class VerdictAction extends ReportingAction {
        private final String requestName;
        private final Supplier<List<String>> verdict;

        VerdictAction(String requestName, Supplier<List<String>> verdict, StatsEngine statsEngine, Clock clock, Action next) {
            super("run-verdict", statsEngine, clock, next);
            this.requestName = requestName;
            this.verdict = verdict;
        }

        @Override
        public void execute(Session session) {
            Thread worker = new Thread(() -> decide(session), "run-verdict");
            worker.setDaemon(true);
            worker.start();
        }

        private void decide(Session session) {
            long start = clock().nowMillis();
            List<String> failures;
            try {
                failures = verdict.get();
            } catch (RuntimeException e) {
                failures = List.of("the verdict itself failed: " + e.getMessage());
                logger().underlying().error("run verdict failed", e);
            }
            boolean ok = failures.isEmpty();
            logResponse(session, requestName, start, clock().nowMillis(), ok ? Optional.empty() : Optional.of(String.join("; ", failures)));
            next().$bang(ok ? session : session.markAsFailed());
        }
    }
}
