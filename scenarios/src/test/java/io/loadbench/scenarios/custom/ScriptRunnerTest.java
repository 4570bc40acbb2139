package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.scenarios.protocol.ConnectionWork;
import io.loadbench.scenarios.protocol.DatastoreEngine;
import io.loadbench.scenarios.protocol.DatastoreSettings;
import io.loadbench.scenarios.protocol.StepOutcome;
import io.loadbench.scenarios.protocol.Store;
import io.loadbench.scenarios.run.TargetConnector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A script's transaction on the test JVM's embedded PostgreSQL: variables bound as pgbench binds them, every statement on
 * one connection, the first failure ending the transaction, and no connection handed back inside a transaction.
 */
class ScriptRunnerTest {

    private static final String TABLE = "lb_test_script_runner";
    private static final ConnectionWork.Context NOW = new ConnectionWork.Context(System.nanoTime(), System.nanoTime(),
            Duration.ofSeconds(10));

    private Connection connection;

    @BeforeEach
    void table() throws SQLException {
        connection = TestDatastores.embedded().openPgConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id integer PRIMARY KEY, name text, balance integer)");
            s.execute("INSERT INTO " + TABLE + " VALUES (1, 'one', 100), (2, 'two', 200)");
        }
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection closing = connection; Statement s = closing.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private static Script script(String text) {
        return ScriptParser.parse("t.sql", "t.sql", text, Set.of(), true);
    }

    private static ScriptRunner runner(String text) {
        return new ScriptRunner(script(text), new ScriptState(Map.of(), new RowRandom(1)));
    }

    @Test
    void variablesAreBoundAsTextOfUnspecifiedTypeSoTheServerTypesThemFromTheStatement() throws SQLException {
        List<StepOutcome> steps = runner("\\set id 1\n\\set name 2\n\\set delta -5\n"
                + "UPDATE " + TABLE + " SET balance = balance + :delta WHERE id = :id;\n"
                + "UPDATE " + TABLE + " SET name = 'n' || :name WHERE id = :name;\n").run(connection, NOW);

        assertThat(steps).extracting(step -> step.outcome().failure()).containsExactly(null, null);
        assertThat(steps).extracting(StepOutcome::requestName).containsExactly("t.sql:4", "t.sql:5");
        assertThat(query("SELECT balance FROM " + TABLE + " WHERE id = 1")).isEqualTo("95");
        assertThat(query("SELECT name FROM " + TABLE + " WHERE id = 2")).isEqualTo("n2");
    }

    @Test
    void aTransactionBlockRunsOnTheOneConnectionItIsGiven() throws SQLException {
        List<StepOutcome> steps = runner("BEGIN;\nUPDATE " + TABLE + " SET balance = 0 WHERE id = 2;\n"
                + "SELECT txid_current_if_assigned() IS NOT NULL AS in_transaction;\nEND;\n").run(connection, NOW);

        assertThat(steps).allMatch(StepOutcome::succeeded);
        assertThat(query("SELECT balance FROM " + TABLE + " WHERE id = 2")).isEqualTo("0");
    }

    @Test
    void theFirstFailedStatementEndsTheTransactionWithTheServersMessage() throws SQLException {
        List<StepOutcome> steps = runner("UPDATE " + TABLE + " SET balance = 1 WHERE id = 1;\n"
                + "SELECT * FROM lb_test_no_such_table;\nUPDATE " + TABLE + " SET balance = 2 WHERE id = 1;\n").run(connection, NOW);

        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).requestName()).isEqualTo("t.sql:2");
        assertThat(steps.get(1).outcome().failure()).contains("lb_test_no_such_table").doesNotContain("\n");
        assertThat(query("SELECT balance FROM " + TABLE + " WHERE id = 1")).isEqualTo("1");
    }

    @Test
    void aSetThatCannotBeEvaluatedFailsTheNextStatementWithItsFileAndLine() {
        List<StepOutcome> steps = runner("SELECT 1;\n\\set zero 0\n\\set x 1 / :zero\nSELECT :x;\n").run(connection, NOW);

        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).requestName()).isEqualTo("t.sql:4");
        assertThat(steps.get(1).outcome().failure()).isEqualTo("t.sql:3: division by zero");
    }

    @Test
    void eachStatementIsDueWhenTheOneBeforeEndedPlusTheSleepBetween() {
        ConnectionWork.Context context = new ConnectionWork.Context(System.nanoTime(), System.nanoTime(), Duration.ofSeconds(10));

        List<StepOutcome> steps = runner("SELECT 1;\n\\sleep 30 ms\nSELECT 2;\nSELECT 3;\n").run(connection, context);

        assertThat(steps.get(0).outcome().intendedStartNanos()).isEqualTo(context.intendedStartNanos());
        assertThat(steps.get(1).outcome().intendedStartNanos())
                .isEqualTo(steps.get(0).outcome().endNanos() + TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(steps.get(1).outcome().serviceStartNanos()).isGreaterThanOrEqualTo(steps.get(1).outcome().intendedStartNanos());
        assertThat(steps.get(2).outcome().intendedStartNanos()).isEqualTo(steps.get(1).outcome().endNanos());
    }

    @Test
    void aSleepLongerThanTheQueryTimeoutFailsInsteadOfHoldingTheConnection() {
        ConnectionWork.Context context = new ConnectionWork.Context(System.nanoTime(), System.nanoTime(), Duration.ofSeconds(1));

        List<StepOutcome> steps = runner("\\set pause 5\n\\sleep :pause s\nSELECT 1;\n").run(connection, context);

        assertThat(steps).singleElement().satisfies(step -> assertThat(step.outcome().failure())
                .isEqualTo("t.sql:2: \\sleep of 5.0 s is longer than the query timeout (1.0 s): every wait of a transaction is bounded by it"));
    }

    @Test
    void theEngineRollsBackATransactionTheWorkLeftOpenAndFailsItsLastStep() throws Exception {
        DatastoreSettings oneConnection = new DatastoreSettings(1, 1, 10, Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (DatastoreEngine engine = DatastoreEngine.start(new TargetConnector(TestDatastores.embedded()), oneConnection)) {
            engine.open(Store.POSTGRES);
            // a script cannot leave BEGIN open (the parser refuses it); any other work might
            ConnectionWork leavesItOpen = (c, context) -> {
                List<StepOutcome> steps = runner("SELECT 1;").run(c, context);
                try (Statement s = c.createStatement()) {
                    s.execute("BEGIN");
                    s.execute("UPDATE " + TABLE + " SET balance = -1 WHERE id = 1");
                }
                return steps;
            };

            List<StepOutcome> first = submit(engine, leavesItOpen);
            List<StepOutcome> next = submit(engine, runner("SELECT txid_current_if_assigned() IS NULL;"));

            assertThat(first).singleElement().satisfies(step -> assertThat(step.outcome().failure())
                    .isEqualTo("the sequence ended inside a transaction: rolled back"));
            assertThat(next).allMatch(StepOutcome::succeeded);
            assertThat(query("SELECT balance FROM " + TABLE + " WHERE id = 1")).as("rolled back").isEqualTo("100");
        }
    }

    @Test
    void aSetupRunsItsStatementsInOrderAndAFailureNamesItsLine() throws SQLException {
        Script setup = ScriptParser.parse("setup.sql", "setup.sql", "\\set n 3\nINSERT INTO " + TABLE
                + " VALUES (:n, 'three', 300);\nINSERT INTO " + TABLE + " VALUES (:n, 'again', 0);\n", Set.of(), false);

        assertThatThrownBy(() -> ScriptRunner.runSetup(connection, setup, new ScriptState(Map.of(), new RowRandom(1)),
                Duration.ofSeconds(10)))
                .isInstanceOf(ScriptException.class).hasMessageStartingWith("setup.sql:3: ERROR: duplicate key value");
        assertThat(query("SELECT name FROM " + TABLE + " WHERE id = 3")).isEqualTo("three");
    }

    private static List<StepOutcome> submit(DatastoreEngine engine, ConnectionWork work) throws Exception {
        CompletableFuture<List<StepOutcome>> done = new CompletableFuture<>();
        engine.submitPgWork(System.nanoTime(), "t.sql:1", work, done::complete);
        return done.get(10, TimeUnit.SECONDS);
    }

    private String query(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
