package io.loadbench.scenarios.custom;

import java.util.List;

/**
 * A {@code \set} expression, parsed once by {@link ScriptParser} and evaluated for every transaction. Its variables
 * were checked to be set before use, its functions' argument counts at parse time.
 */
sealed interface Expr {

    Value evaluate(ScriptState state);

    /** A number written in the script. */
    record Constant(Value value) implements Expr {
        @Override
        public Value evaluate(ScriptState state) {
            return value;
        }
    }

    /** {@code :name}. */
    record Variable(String name) implements Expr {
        @Override
        public Value evaluate(ScriptState state) {
            return state.get(name);
        }
    }

    /** {@code left op right}; unary minus is {@code 0 - x}, as pgbench's grammar writes it. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {
        @Override
        public Value evaluate(ScriptState state) {
            return operator.apply(left.evaluate(state), right.evaluate(state));
        }
    }

    /** {@code name(args…)}. */
    record Call(ScriptFunction function, List<Expr> args) implements Expr {

        public Call {
            args = List.copyOf(args);
        }

        @Override
        public Value evaluate(ScriptState state) {
            Value[] values = new Value[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).evaluate(state);
            }
            return function.apply(values, state);
        }
    }

    /** pgbench's arithmetic operators: integer arithmetic on two integers, double when either side is one. */
    enum Operator {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"),
        /** Always on integers (a double is rounded first), as pgbench's {@code %}. */
        MOD("%");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        Value apply(Value left, Value right) {
            if (this != MOD && (left instanceof Value.DoubleValue || right instanceof Value.DoubleValue)) {
                double l = left.asDouble();
                double r = right.asDouble();
                return Value.of(switch (this) {
                    case ADD -> l + r;
                    case SUB -> l - r;
                    case MUL -> l * r;
                    case DIV -> l / r;
                    case MOD -> throw new IllegalStateException("% is integer arithmetic");
                });
            }
            long l = left.asInt();
            long r = right.asInt();
            try {
                return Value.of(switch (this) {
                    case ADD -> Math.addExact(l, r);
                    case SUB -> Math.subtractExact(l, r);
                    case MUL -> Math.multiplyExact(l, r);
                    case DIV, MOD -> divide(l, r);
                });
            } catch (ArithmeticException e) {
                throw new EvaluationException("bigint " + name().toLowerCase(java.util.Locale.ROOT) + " out of range");
            }
        }

        private long divide(long l, long r) {
            if (r == 0) {
                throw new EvaluationException("division by zero");
            }
            if (r == -1) {
                // pgbench's special case: x % -1 is 0, and MIN / -1 overflows
                return this == MOD ? 0 : Math.negateExact(l);
            }
            // Java's / and % truncate toward zero like C's: -7 / 2 = -3, -7 % 3 = -1
            return this == DIV ? l / r : l % r;
        }
    }
}
