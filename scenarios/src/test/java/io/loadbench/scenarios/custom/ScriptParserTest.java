package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadbench.loader.random.RowRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The script language: what pgbench's scripts mean here, and the FILE:LINE of everything refused before a load. */
class ScriptParserTest {

    private static final Set<String> PREDEFINED = Set.of("scale", "client_id", "default_seed", "random_seed");

    private static Script parse(String text) {
        return ScriptParser.parse("t.sql", "t.sql", text, PREDEFINED, true);
    }

    /** The value of {@code variable} after every {@code \set} of the script ran once. */
    private static Value evaluate(String text, String variable) {
        ScriptState state = new ScriptState(Map.of("scale", Value.of(1L), "default_seed", Value.of(42L)), new RowRandom(7));
        for (Script.Command command : ScriptParser.parse("t.sql", "t.sql", text, PREDEFINED, false).commands()) {
            if (command instanceof Script.SetCommand set) {
                state.set(set.variable(), set.expression().evaluate(state));
            }
        }
        return state.get(variable);
    }

    @Test
    void variablesInSqlBecomeBindParametersInOrderAndCastsStayCasts() {
        Script script = parse("""
                \\set aid random(1, 100000 * :scale)
                \\set bid 3
                SELECT abalance::text, :aid::int
                  FROM pgbench_accounts
                 WHERE aid = :aid AND bid = :bid;
                """);

        Script.SqlCommand select = script.statements().get(0);
        assertThat(select.jdbcSql()).isEqualTo("SELECT abalance::text, ?::int\n  FROM pgbench_accounts\n WHERE aid = ? AND bid = ?");
        assertThat(select.parameters()).containsExactly("aid", "aid", "bid");
        assertThat(select.line()).isEqualTo(3);
        assertThat(select.requestName()).isEqualTo("t.sql:3");
    }

    @Test
    void quotesCommentsAndDollarQuotesHideSemicolonsColonsAndQuestionMarks() {
        Script script = parse("""
                -- a comment with ; and :aid
                \\set aid 1
                SELECT ';:aid' AS "a;:b", $$ ; :aid $$, $tag$ x ; $tag$ /* ; /* nested ; */ :aid */ FROM t WHERE j ? 'k' AND a = :aid;
                SELECT E'it\\'s ; :aid', 'it''s ; :aid' -- trailing ; :aid
                ;
                INSERT INTO t VALUES (f(1; 2))
                """);

        assertThat(script.statements()).hasSize(3);
        Script.SqlCommand first = script.statements().get(0);
        assertThat(first.parameters()).containsExactly("aid");
        assertThat(first.jdbcSql()).startsWith("SELECT ';:aid' AS \"a;:b\", $$ ; :aid $$").contains("j ?? 'k'").endsWith("a = ?");
        assertThat(script.statements().get(1).parameters()).isEmpty();
        assertThat(script.statements().get(1).line()).isEqualTo(4);
        // a ';' inside parentheses ends nothing; the last statement needs no ';'
        assertThat(script.statements().get(2).jdbcSql()).isEqualTo("INSERT INTO t VALUES (f(1; 2))");
        assertThat(script.statements().get(2).line()).isEqualTo(6);
    }

    @Test
    void aStatementOverSeveralLinesIsNamedAfterTheLineItStartsOn() {
        Script script = parse("\n\nBEGIN;\nUPDATE t\n   SET a = 1\n WHERE b = 2;\nEND;\n");

        assertThat(script.statements()).extracting(Script.SqlCommand::requestName).containsExactly("t.sql:3", "t.sql:4", "t.sql:7");
    }

    @Test
    void aMetaCommandContinuesOnTheNextLineAfterABackslash() {
        Script script = parse("\\set aid (1021 * random(1, 100000 * :scale)) % \\\n           (100000 * :scale) + 1\nSELECT :aid;\n");

        assertThat(script.commands()).hasSize(2);
        assertThat(script.statements().get(0).line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            7 / 2                                  | 3
            -7 / 2                                 | -3
            -7 % 3                                 | -1
            7.0 / 2                                | 3.5
            1.0 / 3                                | 0.333333333333333
            2 * 3 + 4 * -5                         | -14
            int(2.5) + int(3.5) + int(-2.5)        | 4
            double(7) / 2                          | 3.5
            least(3, 1.5, 2)                       | 1.5
            greatest(3, 1, 2)                      | 3
            abs(-4) + abs(-1.25)                   | 5.25
            1e20 * 10                              | 1e+21
            0.0001 / 3                             | 3.33333333333333e-05
            100000 * 3.0                           | 300000
            7.5 % 2                                | 0
            3 - - 2                                | 5
            pi()                                   | 3.14159265358979
            sqrt(2) * pow(2, 0.5)                  | 2
            5 * (2 + 3) % 7                        | 4
            1 / 3.0 * 3                            | 1
            123456789012345678 * 1.0               | 1.23456789012346e+17
            mod(-7, 3)                             | -1
            exp(1) + ln(10)                        | 5.02086692145309
            hash_murmur2(42, 0)                    | -3251795447530343920
            hash_fnv1a(42, 0)                      | -55488592825689361
            hash_murmur2(-5, 123456789)            | 5400213604051585399
            hash_fnv1a(1234567890123, 987)         | -3230916102471182227
            0 - 9223372036854775807 - 1            | -9223372036854775808
            """)
    void expressionsGiveWhatPgbenchPrintsForThem(String expression, String pgbench) {
        // the right column is what pgbench 15 printed for "\set x <expression>" then "\shell echo :x"
        assertThat(evaluate("\\set x " + expression, "x").text()).isEqualTo(pgbench);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            \\set x 9223372036854775807 + 1          | bigint add out of range
            \\set x 5 / 0                            | division by zero
            \\set x 5 % 0                            | division by zero
            \\set x random(10, 1)                    | empty range given to random
            \\set x random_zipfian(1, 10, 0.5)       | zipfian parameter must be in range [1.001, 1000] (not 0.5)
            \\set x random_gaussian(1, 10, 1.5)      | gaussian parameter must be at least 2 (not 1.5)
            \\set x random_exponential(1, 10, 0)     | exponential parameter must be greater than zero (not 0)
            \\set x permute(1, 0)                    | permute size parameter must be greater than zero
            \\set x int(1e300)                       | double to int overflow for 1e+300
            """)
    void expressionsThatPgbenchAbortsOnFailTheirEvaluationWithPgbenchsWords(String line, String message) {
        assertThatThrownBy(() -> evaluate(line, "x")).isInstanceOf(EvaluationException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SELECT 1;\\n\\foo 1                                | t.sql:2: unknown meta command \\foo (known: \\set, \\sleep)
            SELECT 1;\\n\\if :x = 1                            | t.sql:2: \\if is a pgbench meta command this workload does not run (it runs \\set and \\sleep)
            SELECT 1 \\gset                                     | t.sql:1: \\gset is a pgbench meta command this workload does not run (it runs \\set and \\sleep)
            \\set x 1\\nSELECT :y;                              | t.sql:2: undefined variable :y (set it with \\set earlier in the script, or in the variables option)
            SELECT :x;\\n\\set x 1                              | t.sql:1: undefined variable :x (set it with \\set earlier in the script, or in the variables option)
            \\set x :x + 1\\nSELECT 1;                          | t.sql:1: undefined variable :x (set it with \\set earlier in the script, or in the variables option)
            \\set x random(1)\\nSELECT 1;                       | t.sql:1: random() takes 2 arguments, got 1
            \\set x permute(1)\\nSELECT 1;                      | t.sql:1: permute() takes 2 or 3 arguments, got 1
            \\set x least()\\nSELECT 1;                         | t.sql:1: least() takes at least 1 argument, got 0
            \\set x foo(1)\\nSELECT 1;                          | t.sql:1: unknown function foo()
            \\set x (1 + 2\\nSELECT 1;                          | t.sql:1: missing ')'
            \\set x 1 +\\nSELECT 1;                             | t.sql:1: the expression ends too early
            \\set x 1 < 2\\nSELECT 1;                           | t.sql:1: unexpected '< 2' after the expression
            \\set x true\\nSELECT 1;                            | t.sql:1: 'true' is pgbench syntax this workload does not support (only arithmetic)
            \\set x aid\\nSELECT 1;                             | t.sql:1: unexpected word 'aid' (a variable is written :aid)
            \\set x 99999999999999999999\\nSELECT 1;            | t.sql:1: bigint constant overflow: 99999999999999999999
            \\set\\nSELECT 1;                                   | t.sql:1: \\set needs a variable name and an expression
            \\set x\\nSELECT 1;                                 | t.sql:1: \\set x needs an expression
            SELECT 1;\\n\\sleep 10 hours                        | t.sql:2: unrecognized time unit 'hours', must be us, ms or s
            SELECT 1;\\n\\sleep                                 | t.sql:2: \\sleep needs a duration
            SELECT 1;\\n\\sleep :pause ms                       | t.sql:2: undefined variable :pause (set it with \\set earlier in the script, or in the variables option)
            SELECT 'abc;\\n                                     | t.sql:1: unterminated quoted string
            SELECT 1;\\nSELECT "abc                             | t.sql:2: unterminated quoted identifier
            SELECT $$ abc ;\\n                                  | t.sql:1: unterminated dollar-quoted string $$
            SELECT 1; /* abc\\n                                 | t.sql:1: unterminated /* comment
            \\set x 1\\n                                        | t.sql:1: the script has no SQL statement: a transaction is measured by its statements
            -- nothing\\n                                       | t.sql:1: the script is empty
            SELECT 1;\\nBEGIN;\\nUPDATE t SET a = 1;\\n         | t.sql:2: BEGIN is never ended by COMMIT, END or ROLLBACK: a transaction must end within its script
            BEGIN;\\nSAVEPOINT s;\\nROLLBACK TO s;\\n           | t.sql:1: BEGIN is never ended by COMMIT, END or ROLLBACK: a transaction must end within its script
            """)
    void aScriptThatCannotRunIsRefusedWithItsFileAndLine(String text, String message) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n"))).isInstanceOf(ScriptException.class).hasMessage(message);
    }

    @Test
    void sleepTakesPgbenchsUnitsAndDefaultsToSeconds() {
        Script script = parse("\\set pause 3\nSELECT 1;\n\\sleep 2\n\\sleep 10ms\n\\sleep 5 us\n\\sleep :pause ms\n");

        List<Script.SleepCommand> sleeps = script.commands().stream().filter(Script.SleepCommand.class::isInstance)
                .map(Script.SleepCommand.class::cast).toList();
        assertThat(sleeps).extracting(Script.SleepCommand::unitMicros).containsExactly(1_000_000L, 1_000L, 1L, 1_000L);
        assertThat(script.longestConstantSleepMicros()).isEqualTo(2_000_000L);
        assertThat(Script.SleepCommand.micros(Value.of(1.9), 1_000)).isEqualTo(1_000);
        assertThat(Script.SleepCommand.micros(Value.of(-4L), 1_000)).isZero();
    }

    @Test
    void aTransactionEndedByRollbackOrCommitIsAccepted() {
        assertThat(parse("BEGIN;\nSELECT 1;\nROLLBACK;\nSTART TRANSACTION;\nSELECT 2;\nCOMMIT;\n").statements()).hasSize(6);
    }
}
