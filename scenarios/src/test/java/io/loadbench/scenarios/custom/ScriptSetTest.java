package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script entries ({@code FILE[@weight]}) and the setup: read, weighed and checked before any load. */
class ScriptSetTest {

    @TempDir
    Path dir;

    private String read;
    private String write;

    @BeforeEach
    void scripts() throws Exception {
        read = Files.writeString(dir.resolve("read.sql"), "SELECT 1;\n").toString();
        write = Files.writeString(dir.resolve("write.sql"), "\uFEFFUPDATE t SET a = 1;\n").toString();
    }

    @Test
    void entriesAreSeparatedByNewlinesOrCommas() {
        assertThat(ScriptSet.read(read + "@3\n" + write, Set.of()).scripts()).hasSize(2);
        assertThat(ScriptSet.read(" " + read + "@3 , " + write + " ,", Set.of()).scripts())
                .extracting(w -> w.script().given()).containsExactly(read, write);
    }

    @Test
    void weightsDefaultToOneAndChooseWalksThemInOrder() {
        ScriptSet set = ScriptSet.read(read + "@3," + write, Set.of());

        assertThat(set.scripts()).extracting(w -> w.script().name() + "@" + w.weight()).containsExactly("read.sql@3", "write.sql@1");
        assertThat(set.totalWeight()).isEqualTo(4);
        assertThat(new int[] {set.choose(0), set.choose(2), set.choose(3)}).containsExactly(0, 0, 1);
        // a byte-order mark is not part of the first statement
        assertThat(set.scripts().get(1).script().statements().get(0).jdbcSql()).isEqualTo("UPDATE t SET a = 1");
    }

    @Test
    void theSetupIsReadApartAndNoneMeansNoSetup() throws Exception {
        String setup = Files.writeString(dir.resolve("setup.sql"), "\\set n 3\nCREATE TABLE t (a int);\n").toString();
        ScriptSet scripts = ScriptSet.read(read, Set.of());

        assertThat(scripts.withSetup("none", Set.of()).setup()).isEmpty();
        assertThat(scripts.withSetup(setup, Set.of()).setup().orElseThrow().name()).isEqualTo("setup.sql");
        assertThat(scripts.withSetup(setup, Set.of()).definition().sources())
                .extracting(source -> source.role() + " " + source.name()).containsExactly("script read.sql", "setup setup.sql");
    }

    @Test
    void theShippedExamplesAreReadByName() {
        ScriptSet set = ScriptSet.read("example:pgbench-select.sql@9,example:pgbench-update.sql", Set.of())
                .withSetup("example:pgbench-accounts-setup.sql", Set.of());

        assertThat(set.scripts()).extracting(w -> w.script().requestNames()).containsExactly(
                Set.of("pgbench-select.sql:5"),
                Set.of("pgbench-update.sql:5", "pgbench-update.sql:6", "pgbench-update.sql:7", "pgbench-update.sql:8"));
        assertThat(set.setup()).isPresent();
    }

    @Test
    void everyProblemWithAnEntryNamesItsFile() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', (byte) 0xE9, ';'});

        assertThatThrownBy(() -> ScriptSet.read(dir.resolve("missing.sql").toString(), Set.of()))
                .hasMessageStartingWith(dir.resolve("missing.sql") + ": no such file (relative to ");
        assertThatThrownBy(() -> ScriptSet.read(read + "@x", Set.of())).hasMessage(read + ": invalid weight 'x' (FILE@weight, a whole number)");
        assertThatThrownBy(() -> ScriptSet.read(read + "@3000000000", Set.of()))
                .hasMessage(read + ": weight 3000000000 out of range (0 .. 2147483647)");
        assertThatThrownBy(() -> ScriptSet.read(read + "@0," + write + "@0", Set.of()))
                .hasMessage("every script's weight is 0: at least one must be positive");
        assertThatThrownBy(() -> ScriptSet.read(" , \n", Set.of()))
                .hasMessage("no script given: one or more FILE[@weight], separated by newlines or commas");
        assertThatThrownBy(() -> ScriptSet.read(read + "," + read, Set.of())).hasMessageStartingWith(read + ": another script is also named read.sql");
        assertThatThrownBy(() -> ScriptSet.read(latin1.toString(), Set.of())).hasMessage(latin1 + ": not UTF-8 text");
        assertThatThrownBy(() -> ScriptSet.read("example:nope.sql", Set.of())).hasMessage("example:nope.sql: no such example"
                + " (examples: pgbench-accounts-setup.sql, pgbench-select.sql, pgbench-update.sql)");
        assertThatThrownBy(() -> ScriptSet.read(read, Set.of()).withSetup(read, Set.of()))
                .hasMessage(read + ": the setup has the name of a script (read.sql): rename one");
    }
}
