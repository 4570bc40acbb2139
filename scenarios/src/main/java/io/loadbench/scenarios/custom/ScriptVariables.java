package io.loadbench.scenarios.custom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code variables} option: every transaction's starting variables, {@code name=value} pairs separated by commas
 * or newlines ({@code pgbench -D name=value}), each value an integer or a double. {@code client_id},
 * {@code default_seed} and {@code random_seed} are the workload's own (pgbench predefines them too).
 */
public final class ScriptVariables {

    /** The variables the workload sets itself. */
    public static final Set<String> RESERVED = Set.of("client_id", "default_seed", "random_seed");

    private ScriptVariables() {
    }

    /**
     * @throws IllegalArgumentException naming the pair that is not {@code name=number}
     */
    public static Map<String, Value> parse(String option) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (String pair : option.split("[\\n,]")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? "" : trimmed.substring(0, equals).strip();
            String value = equals < 0 ? "" : trimmed.substring(equals + 1).strip();
            if (name.isEmpty() || !name.chars().allMatch(c -> ScriptParser.isVariableChar((char) c)) || value.isEmpty()) {
                throw new IllegalArgumentException("'" + trimmed + "' is not name=value (e.g. scale=10)");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException(name + " is set by the workload itself");
            }
            if (variables.put(name, number(name, value)) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return variables;
    }

    private static Value number(String name, String text) {
        try {
            return Value.of(Long.parseLong(text));
        } catch (NumberFormatException notAnInteger) {
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && !text.endsWith("d") && !text.endsWith("f") && !text.endsWith("D") && !text.endsWith("F")) {
                    return Value.of(value);
                }
            } catch (NumberFormatException notADouble) {
                // reported below
            }
            throw new IllegalArgumentException(name + "=" + text + ": the value must be an integer or a double");
        }
    }
}
