package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The variables option, pgbench's -D: every transaction's starting variables. */
class ScriptVariablesTest {

    @Test
    void pairsAreIntegersOrDoublesSeparatedByCommasOrNewlines() {
        assertThat(ScriptVariables.parse("scale=10, ratio=0.25\nbig=1e3")).containsExactly(
                Map.entry("scale", Value.of(10L)), Map.entry("ratio", Value.of(0.25)), Map.entry("big", Value.of(1000.0)));
        assertThat(ScriptVariables.parse("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scale                | 'scale' is not name=value (e.g. scale=10)
            =3                   | '=3' is not name=value (e.g. scale=10)
            a-b=3                | 'a-b=3' is not name=value (e.g. scale=10)
            client_id=3          | client_id is set by the workload itself
            a=1\\na=2            | a is given twice
            a=ten                | a=ten: the value must be an integer or a double
            a=1d                 | a=1d: the value must be an integer or a double
            """)
    void aPairThatIsNotANameAndANumberIsRefused(String option, String message) {
        assertThatThrownBy(() -> ScriptVariables.parse(option.replace("\\n", "\n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
