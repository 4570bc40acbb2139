package io.loadbench.scenarios.custom;

import io.loadbench.results.Secrets;
import io.loadbench.scenarios.protocol.ConnectionWork;
import io.loadbench.scenarios.protocol.Outcome;
import io.loadbench.scenarios.protocol.SqlActionBuilder;
import io.loadbench.scenarios.protocol.StepOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one transaction of a {@link Script} on one held connection, as a pgbench client runs it: the commands in
 * order, each {@code \set} evaluated, each {@code \sleep} slept with the connection held, each statement prepared
 * (pgjdbc reuses the server-side statement once it has run a few times on the connection, as {@code -M prepared})
 * and its rows read to the end.
 *
 * <p>Variables are bound as text of unspecified type, as pgbench sends them, so that PostgreSQL infers each
 * parameter's type from the statement ({@code aid = $1} an integer, {@code name = $1} a text). Timing: the first
 * statement is due at the transaction's intended start, each later one when the one before ended, plus any
 * {@code \sleep} between them (a sleep ends at that time, however late the transaction is: the schedule, not the
 * client, decides when a statement is due).
 *
 * <p>The first failure ends the transaction (pgbench aborts the client): a failed statement is recorded with the
 * server's message; a {@code \set} that cannot be evaluated, or a {@code \sleep} longer than the query timeout,
 * fails the statement that follows it (or the script's last one) with {@code FILE:LINE: reason}. The engine then
 * rolls back a transaction left open. Not thread-safe: one runner per transaction.
 */
public final class ScriptRunner implements ConnectionWork {

    private final Script script;
    private final ScriptState state;

    public ScriptRunner(Script script, ScriptState state) {
        this.script = script;
        this.state = state;
    }

    @Override
    public List<StepOutcome> run(Connection connection, Context context) {
        List<StepOutcome> steps = new ArrayList<>();
        List<Script.Command> commands = script.commands();
        long dueNanos = context.intendedStartNanos();
        for (int i = 0; i < commands.size(); i++) {
            Script.Command command = commands.get(i);
            try {
                if (command instanceof Script.SetCommand set) {
                    state.set(set.variable(), set.expression().evaluate(state));
                } else if (command instanceof Script.SleepCommand sleep) {
                    dueNanos = sleep(sleep, dueNanos, context.queryTimeout());
                } else if (command instanceof Script.SqlCommand sql) {
                    StepOutcome step = execute(connection, sql, dueNanos, context.queryTimeout());
                    steps.add(step);
                    if (!step.succeeded()) {
                        return steps;
                    }
                    dueNanos = step.outcome().endNanos();
                }
            } catch (EvaluationException e) {
                long now = System.nanoTime();
                steps.add(new StepOutcome(statementAfter(i).requestName(), new Outcome<>(null,
                        script.name() + ":" + command.line() + ": " + e.getMessage(), Math.min(dueNanos, now), now, now)));
                return steps;
            }
        }
        return steps;
    }

    /** The statement a failed meta command is recorded under: the next one, or the script's last. */
    private Script.SqlCommand statementAfter(int commandIndex) {
        List<Script.Command> commands = script.commands();
        for (int i = commandIndex + 1; i < commands.size(); i++) {
            if (commands.get(i) instanceof Script.SqlCommand sql) {
                return sql;
            }
        }
        List<Script.SqlCommand> statements = script.statements();
        return statements.get(statements.size() - 1);
    }

    /** Sleeps until {@code dueNanos} plus the sleep, and returns that moment: when the next statement is due. */
    private long sleep(Script.SleepCommand sleep, long dueNanos, Duration bound) {
        long micros = Script.SleepCommand.micros(sleep.amount().evaluate(state), sleep.unitMicros());
        if (micros > TimeUnit.NANOSECONDS.toMicros(bound.toNanos())) {
            throw new EvaluationException("\\sleep of " + micros / 1_000_000.0 + " s is longer than the query timeout ("
                    + bound.toMillis() / 1000.0 + " s): every wait of a transaction is bounded by it");
        }
        long until = dueNanos + TimeUnit.MICROSECONDS.toNanos(micros);
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.currentThread().isInterrupted()) {
                throw new EvaluationException("interrupted during \\sleep");
            }
        }
        return until;
    }

    private StepOutcome execute(Connection connection, Script.SqlCommand sql, long dueNanos, Duration queryTimeout) {
        long start = System.nanoTime();
        long intended = Math.min(dueNanos, start);
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
            statement.setQueryTimeout(Math.max(1, (int) queryTimeout.toSeconds()));
            // one row beyond the limit tells a result that is too long from one that just fits
            statement.setMaxRows(SqlActionBuilder.DEFAULT_MAX_ROWS + 1);
            List<String> parameters = sql.parameters();
            for (int p = 0; p < parameters.size(); p++) {
                statement.setObject(p + 1, state.get(parameters.get(p)).text(), Types.OTHER);
            }
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    int count = 0;
                    while (rows.next()) {
                        if (++count > SqlActionBuilder.DEFAULT_MAX_ROWS) {
                            long end = System.nanoTime();
                            return new StepOutcome(sql.requestName(), new Outcome<>(null, "the statement returned more than "
                                    + SqlActionBuilder.DEFAULT_MAX_ROWS + " rows: a benchmark statement that returns more is a mistake",
                                    intended, start, end));
                        }
                    }
                }
            }
            return new StepOutcome(sql.requestName(), new Outcome<>(null, null, intended, start, System.nanoTime()));
        } catch (SQLException | RuntimeException e) {
            return new StepOutcome(sql.requestName(), new Outcome<>(null, oneLine(e), intended, start, System.nanoTime()));
        }
    }

    /**
     * Runs a setup script once, before the load and outside the measurement: its statements in order on one
     * connection, nothing recorded.
     *
     * @throws ScriptException {@code FILE:LINE: reason} at the first statement or command that fails
     */
    public static void runSetup(Connection connection, Script setup, ScriptState state, Duration statementTimeout) {
        for (Script.Command command : setup.commands()) {
            try {
                if (command instanceof Script.SetCommand set) {
                    state.set(set.variable(), set.expression().evaluate(state));
                } else if (command instanceof Script.SleepCommand sleep) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(Math.min(
                            Script.SleepCommand.micros(sleep.amount().evaluate(state), sleep.unitMicros()),
                            TimeUnit.NANOSECONDS.toMicros(statementTimeout.toNanos()))));
                } else if (command instanceof Script.SqlCommand sql) {
                    try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
                        statement.setQueryTimeout(Math.max(1, (int) statementTimeout.toSeconds()));
                        List<String> parameters = sql.parameters();
                        for (int p = 0; p < parameters.size(); p++) {
                            statement.setObject(p + 1, state.get(parameters.get(p)).text(), Types.OTHER);
                        }
                        statement.execute();
                    }
                }
            } catch (EvaluationException e) {
                throw new ScriptException(setup.name(), command.line(), e.getMessage());
            } catch (SQLException e) {
                throw new ScriptException(setup.name(), command.line(), oneLine(e));
            }
        }
    }

    /** The first line of a driver's message, passwords masked: it goes into Gatling's report and the run folder. */
    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return Secrets.maskUrl(newline < 0 ? message : message.substring(0, newline));
    }
}
