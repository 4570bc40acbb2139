package io.loadbench.jmhplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JmhArgumentsTest {

    @Test
    void noValueMeansNoArguments() {
        assertThat(JmhArguments.split(null)).isEmpty();
        assertThat(JmhArguments.split("  \t ")).isEmpty();
    }

    @Test
    void jmhOptionsAndARegexpPassThroughAsTyped() {
        assertThat(JmhArguments.split("Events.* -f 1  -wi 1 -i 3 -r 2s -lp"))
                .containsExactly("Events.*", "-f", "1", "-wi", "1", "-i", "3", "-r", "2s", "-lp");
    }

    @Test
    void quotedValuesKeepTheirSpaces() {
        assertThat(JmhArguments.split("-jvmArgsAppend \"-Xmx2g -Dloadbench.x=a b\" -p 'batchRows=1000,10000'"))
                .containsExactly("-jvmArgsAppend", "-Xmx2g -Dloadbench.x=a b", "-p", "batchRows=1000,10000");
    }

    @Test
    void regexpMetacharactersAreNotInterpreted() {
        assertThat(JmhArguments.split("'Copy.*(binary|text)$' a\\ b \"x\\\"y\" \"c:\\d\""))
                .containsExactly("Copy.*(binary|text)$", "a b", "x\"y", "c:\\d");
    }

    @Test
    void emptyQuotesAreAnEmptyArgument() {
        assertThat(JmhArguments.split("-jvmArgs ''")).containsExactly("-jvmArgs", "");
    }

    @Test
    void anUnclosedQuoteIsRejectedNotGuessed() {
        assertThatThrownBy(() -> JmhArguments.split("-p 'rows=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed ' quote");
        assertThatThrownBy(() -> JmhArguments.split("Events \\"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone backslash");
    }
}
