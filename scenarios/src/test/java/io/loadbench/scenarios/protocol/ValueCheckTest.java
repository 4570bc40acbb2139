package io.loadbench.scenarios.protocol;

import static io.loadbench.scenarios.protocol.Datastore.column;
import static io.loadbench.scenarios.protocol.Datastore.columnValues;
import static io.loadbench.scenarios.protocol.Datastore.hit;
import static io.loadbench.scenarios.protocol.Datastore.reply;
import static io.loadbench.scenarios.protocol.Datastore.rowCount;
import static io.loadbench.scenarios.protocol.Datastore.updateCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCheckTest {

    private final SqlResult twoRows = SqlResult.ofRows(List.of("Location", "avg_t"),
            List.of(Arrays.asList("Oslo", new BigDecimal("4.50")), Arrays.asList("Lima", null)));

    @Test
    void rowAndColumnChecksReadTheResultAndSaveValues() {
        assertThat(rowCount().is(2).check(twoRows).passedCheck()).isTrue();
        assertThat(rowCount().gte(3).check(twoRows).failure()).isEqualTo("row count >= 3 failed, found 2");
        assertThat(column("location").is("Oslo").saveAs("city").check(twoRows).saved()).containsEntry("city", "Oslo");
        assertThat(column("AVG_T").is(4.5).check(twoRows).passedCheck()).as("numbers compare by value").isTrue();
        assertThat(columnValues("avg_t").saveAs("all").check(twoRows).saved().get("all"))
                .isEqualTo(Arrays.asList(new BigDecimal("4.50"), null));
        assertThat(column("missing").check(twoRows).failure()).startsWith("column missing: no column 'missing'");
        assertThat(updateCount().is(3).check(SqlResult.ofUpdateCount(3)).passedCheck()).isTrue();
    }

    @Test
    void redisChecksTellHitsFromMisses() {
        assertThat(reply().saveAs("v").check(null).saved()).as("a miss removes the attribute")
                .containsEntry("v", null);
        assertThat(reply().notNull().check(null).failure()).isEqualTo("reply is not null failed, found null");
        assertThat(hit().is(true).check("cached").passedCheck()).isTrue();
        assertThat(hit().saveAs("hit").check(List.of()).saved()).containsEntry("hit", false);
        assertThat(reply().is("7").check(7L).passedCheck()).as("a string expectation compares the text").isTrue();
    }
}
