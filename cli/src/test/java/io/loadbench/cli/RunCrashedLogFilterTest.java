package io.loadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gatling's "Run crashed" trace is hidden from the command's console unless --verbose asked for it. */
class RunCrashedLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final RunCrashedLogFilter filter = new RunCrashedLogFilter();

    private LoggingEvent event(String logger, Level level, String message) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), level, message,
                new IllegalArgumentException("bad.sql:1: random() takes 2 arguments, got 1"), null);
    }

    @AfterEach
    void forgetVerbose() {
        System.clearProperty(RunCrashedLogFilter.VERBOSE_PROPERTY);
    }

    @Test
    void gatlingsRunCrashedErrorIsDeniedAndEverythingElsePasses() {
        assertThat(filter.decide(event("io.gatling.app.Gatling$", Level.ERROR, "Run crashed"))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("io.gatling.app.Gatling$", Level.WARN, "something else"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("io.loadbench.scenarios.run.SimulationRun", Level.ERROR, "Run crashed")))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void withVerboseTheCrashIsLoggedWhole() {
        System.setProperty(RunCrashedLogFilter.VERBOSE_PROPERTY, "true");

        assertThat(filter.decide(event("io.gatling.app.Gatling$", Level.ERROR, "Run crashed"))).isEqualTo(FilterReply.NEUTRAL);
    }
}
