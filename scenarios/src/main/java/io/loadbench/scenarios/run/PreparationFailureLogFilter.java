package io.loadbench.scenarios.run;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Denies log events carrying a quiet {@link PreparationFailedException}: Gatling logs "Run crashed" with the
 * exception {@code before()} threw, and the process that runs Gatling prints the same exception again, which is the
 * one line a preparation failure shows. With {@code -Dverbose=true} the exception is not quiet and passes.
 * Installed on the console appender of {@code logback-test.xml}.
 */
public final class PreparationFailureLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        boolean quietPreparationFailure = thrown != null
                && PreparationFailedException.class.getName().equals(thrown.getClassName())
                && thrown.getCause() == null && thrown.getStackTraceElementProxyArray().length == 0;
        return quietPreparationFailure ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
