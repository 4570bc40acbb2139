package io.loadbench.scenarios.custom;

import java.util.List;
import java.util.Set;

/**
 * A parsed pgbench-style script: its meta commands and SQL statements in order, each with the line it starts on.
 * Immutable; {@link ScriptParser} builds it, {@link ScriptRunner} runs one transaction of it.
 *
 * @param name     what the run calls it: the file's name, e.g. {@code select.sql}; its transactions are recorded under
 *                 it, each statement as {@code name:line}
 * @param given    where it came from, as the user wrote it (a path, or {@code example:NAME})
 * @param text     its text, line endings normalized to {@code \n}
 * @param commands in script order
 */
public record Script(String name, String given, String text, List<Command> commands) {

    public Script {
        commands = List.copyOf(commands);
    }

    /** One step of a script. */
    public sealed interface Command {
        /** The line the command starts on, from 1. */
        int line();
    }

    /** {@code \set variable expression}. */
    public record SetCommand(int line, String variable, Expr expression) implements Command {
    }

    /**
     * {@code \sleep amount [us|ms|s]}: {@code amount} a constant or a variable, in units of {@code unitMicros}
     * (seconds by default, as pgbench).
     */
    public record SleepCommand(int line, Expr amount, long unitMicros) implements Command {

        /**
         * How long {@code amount} units are, in microseconds: the integer part of the value's text, as pgbench's
         * {@code atoi} reads it (1.9 is 1); nothing for a negative amount; saturated rather than overflowing.
         */
        static long micros(Value amount, long unitMicros) {
            long units = amount instanceof Value.IntValue integer ? integer.value() : (long) amount.asDouble();
            if (units <= 0) {
                return 0;
            }
            try {
                return Math.multiplyExact(units, unitMicros);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }

    /**
     * A SQL statement, its {@code :variable}s turned into bind parameters.
     *
     * @param requestName {@code script:line}, the name its latency is recorded under
     * @param jdbcSql     the statement with a {@code ?} for each variable (and a literal {@code ?} written {@code ??},
     *                    as pgjdbc reads it), without its closing {@code ;}
     * @param parameters  the variables bound to the placeholders, in order
     */
    public record SqlCommand(int line, String requestName, String jdbcSql, List<String> parameters) implements Command {

        public SqlCommand {
            parameters = List.copyOf(parameters);
        }
    }

    /** The script's SQL statements, in order. */
    public List<SqlCommand> statements() {
        return commands.stream().filter(SqlCommand.class::isInstance).map(SqlCommand.class::cast).toList();
    }

    /** The request names of its statements: what the run records besides the transaction named {@link #name()}. */
    public Set<String> requestNames() {
        return Set.copyOf(statements().stream().map(SqlCommand::requestName).toList());
    }

    /** The longest {@code \sleep} written as a constant, in microseconds (0 when there is none). */
    public long longestConstantSleepMicros() {
        long longest = 0;
        for (Command command : commands) {
            if (command instanceof SleepCommand sleep && sleep.amount() instanceof Expr.Constant constant) {
                longest = Math.max(longest, SleepCommand.micros(constant.value(), sleep.unitMicros()));
            }
        }
        return longest;
    }
}
