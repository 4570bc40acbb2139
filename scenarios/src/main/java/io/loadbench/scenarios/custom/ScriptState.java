package io.loadbench.scenarios.custom;

import io.loadbench.loader.random.RowRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * What one transaction of a script reads and writes while it runs: its variables (the predefined ones, then each
 * {@code \set}) and its random stream. Every transaction starts from the predefined variables alone: unlike a
 * pgbench client's, variables do not carry over from one transaction to the next (an open model's arrivals are not
 * clients). Not thread-safe: one per transaction.
 */
public final class ScriptState {

    private final Map<String, Value> variables;
    private final RowRandom random;

    /**
     * @param predefined the variables every transaction starts with (the {@code variables} option, {@code client_id},
     *                   {@code default_seed}, {@code random_seed})
     * @param random     the transaction's own stream, derived from the run's seed and the transaction's number
     */
    public ScriptState(Map<String, Value> predefined, RowRandom random) {
        this.variables = new HashMap<>(predefined);
        this.random = random;
    }

    /** The variable's value; the parser proved every variable read is set first, so a missing one is a bug here. */
    Value get(String name) {
        Value value = variables.get(name);
        if (value == null) {
            throw new EvaluationException("undefined variable :" + name);
        }
        return value;
    }

    void set(String name, Value value) {
        variables.put(name, value);
    }

    RowRandom random() {
        return random;
    }
}
