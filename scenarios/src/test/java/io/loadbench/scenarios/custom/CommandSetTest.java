package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command templates and their ratio: what a template sends, how requests are named, and what is refused before a load. */
class CommandSetTest {

    @Test
    void placeholdersAreFilledWithTheKeyAndTheDataInEveryArgument() {
        CommandTemplate template = CommandTemplate.parse("hset user:__key__ \"full name\" __data__-x", 1);

        assertThat(template.name()).isEqualTo("HSET");
        assertThat(template.resolve("lb:kv:7", "abc")).containsExactly("user:lb:kv:7", "full name", "abc-x");
    }

    @Test
    void quotesKeepSpacesAndEscapedQuotesInOneArgument() {
        CommandTemplate template = CommandTemplate.parse("SET __key__ \"say \\\"hi\\\" \\\\ bye\"", 1);

        assertThat(template.arguments()).containsExactly("__key__", "say \"hi\" \\ bye");
    }

    @Test
    void theRatioWeighsTheTemplatesInOrderAndRequestsAreNamedByCommand() {
        CommandSet set = CommandSet.parse("SET __key__ __data__\nGET __key__\nGET other:__key__\n").withRatio("1:9:2");

        assertThat(set.commands()).extracting(CommandSet.Weighted::requestName).containsExactly("SET", "GET", "GET (2)");
        assertThat(set.commands()).extracting(CommandSet.Weighted::weight).containsExactly(1L, 9L, 2L);
        assertThat(set.totalWeight()).isEqualTo(12);
        assertThat(List.of(set.choose(0), set.choose(1), set.choose(9), set.choose(10), set.choose(11))).containsExactly(0, 1, 1, 2, 2);
    }

    @Test
    void templatesAreSeparatedByNewlinesOrBySemicolonsOutsideQuotes() {
        CommandSet set = CommandSet.parse("SET __key__ \"a;b\"; GET __key__\nINCR n:__key__");

        assertThat(set.commands()).extracting(c -> c.template().text())
                .containsExactly("SET __key__ \"a;b\"", "GET __key__", "INCR n:__key__");
        assertThat(set.commands().get(0).template().arguments()).containsExactly("__key__", "a;b");
    }

    @Test
    void withoutARatioEveryTemplateGetsAnEqualShare() {
        assertThat(CommandSet.parse("SET __key__ x\nGET __key__").withRatio("equal").commands())
                .extracting(CommandSet.Weighted::weight).containsExactly(1L, 1L);
    }

    @Test
    void getCountsAsACacheLookupOnlyWhenRedisCountsNoOtherRead() {
        assertThat(CommandSet.parse("SET __key__ __data__\nGET __key__\nINCR n:__key__").commands())
                .extracting(CommandSet.Weighted::cacheLookup).containsExactly(false, true, false);
        // HGET is a read Redis counts in keyspace hits, with other rules: the hit ratio would not agree with INFO
        assertThat(CommandSet.parse("GET __key__\nHGET h:__key__ f").commands())
                .extracting(CommandSet.Weighted::cacheLookup).containsExactly(false, false);
        assertThat(CommandSet.parse("GET __key__\nSET __key__ v GET").commands())
                .extracting(CommandSet.Weighted::cacheLookup).containsExactly(false, false);
    }

    @Test
    void theWorkloadDefinitionNamesEachTemplateByItsRequestWithItsWeight() {
        CommandSet set = CommandSet.parse("SET __key__ __data__\nGET __key__").withRatio("1:10");

        assertThat(set.definition().kind()).isEqualTo("redis-commands");
        assertThat(set.definition().sources()).extracting(source -> source.name() + "@" + source.weight() + "=" + source.text())
                .containsExactly("SET@1=SET __key__ __data__", "GET@10=GET __key__");
        assertThat(CommandSet.parse("SET __key__ __data__\nGET __key__").withRatio("1:9").definition().sha256())
                .isNotEqualTo(set.definition().sha256());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            GET __kee__                  | command 1 'GET __kee__': unknown placeholder __kee__ (known: __key__, __data__)
            SET __key__ __value__        | command 1 'SET __key__ __value__': unknown placeholder __value__ (known: __key__, __data__)
            INCR counter                 | command 1 'INCR counter': no __key__: every command works on the keyspace's keys (only PING and ECHO go without)
            FLUSHALL                     | command 1 'FLUSHALL': FLUSHALL is not allowed: it can touch data this workload did not create, or change or block a pooled connection
            eval "return 1" 1 __key__    | command 1 'eval "return 1" 1 __key__': EVAL is not allowed: it can touch data this workload did not create, or change or block a pooled connection
            BLPOP __key__ 0              | command 1 'BLPOP __key__ 0': BLPOP is not allowed: it can touch data this workload did not create, or change or block a pooled connection
            SET __key__ "unterminated    | command 1 'SET __key__ "unterminated': unterminated quote
            "" __key__                   | command 1 '"" __key__': '' is not a command name
            """)
    void aTemplateThatCannotRunIsRefusedNamingItsNumberAndText(String template, String message) {
        assertThatThrownBy(() -> CommandSet.parse(template)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void noTemplateAtAllIsRefused() {
        assertThatThrownBy(() -> CommandSet.parse("\n  \n")).hasMessage("no command given: one or more templates such as"
                + " 'GET __key__', one per line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1:2:3   | ratio '1:2:3' has 3 terms for 2 commands (one whole number per command, e.g. 1:9)
            1       | ratio '1' has 1 term for 2 commands (one whole number per command, e.g. 1:9)
            1:x     | ratio '1:x': 'x' is not a whole number
            1:-2    | ratio '1:-2': -2 is out of range (0 .. 2147483647)
            0:0     | ratio '0:0' is all zeros: at least one command must be sent
            """)
    void aRatioThatDoesNotFitTheTemplatesIsRefused(String ratio, String message) {
        CommandSet set = CommandSet.parse("SET __key__ __data__\nGET __key__");

        assertThatThrownBy(() -> set.withRatio(ratio)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
