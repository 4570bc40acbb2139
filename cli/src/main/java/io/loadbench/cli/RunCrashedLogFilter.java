package io.loadbench.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Denies Gatling's "Run crashed" error and its stack trace: when a simulation cannot start (a bad option, a script with
 * a syntax error, a server that is down), {@link RunCommand} prints the one line that says why, and the trace is
 * behind {@code --verbose} ({@value #VERBOSE_PROPERTY}), as everywhere in loadbench. Installed on the console appender
 * of the command's {@code logback.xml}.
 */
public final class RunCrashedLogFilter extends Filter<ILoggingEvent> {

    /** Set by {@code loadbench run --verbose}: the crash is logged whole. */
    static final String VERBOSE_PROPERTY = "loadbench.verbose";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean runCrashed = event.getLevel() == Level.ERROR && event.getLoggerName().startsWith("io.gatling.app.Gatling")
                && "Run crashed".equals(event.getMessage());
        return runCrashed && !Boolean.getBoolean(VERBOSE_PROPERTY) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
