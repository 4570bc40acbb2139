package io.loadbench.scenarios.protocol;

import java.util.List;

/** A SQL statement with its parameters resolved for one virtual user. */
public record SqlStatement(String sql, List<Object> params, int maxRows) {
}
