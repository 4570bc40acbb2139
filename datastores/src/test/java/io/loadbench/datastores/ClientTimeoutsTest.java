package io.loadbench.datastores;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two stall bounds default to 60 s, follow their system properties, and refuse what is not a positive number. */
class ClientTimeoutsTest {

    @Test
    void boundsDefaultTo60SecondsAndFollowTheirProperties() {
        Properties none = new Properties();
        assertThat(ClientTimeouts.copyStallTimeout(none)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ClientTimeouts.redisReplyTimeout(none)).isEqualTo(Duration.ofSeconds(60));

        Properties set = new Properties();
        set.setProperty(ClientTimeouts.COPY_STALL_TIMEOUT_PROPERTY, "300");
        set.setProperty(ClientTimeouts.REDIS_REPLY_TIMEOUT_PROPERTY, " 5 ");
        assertThat(ClientTimeouts.copyStallTimeout(set)).isEqualTo(Duration.ofSeconds(300));
        assertThat(ClientTimeouts.redisReplyTimeout(set)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ClientTimeouts.describe(set)).containsEntry("postgresCopyStallTimeoutMs", 300_000L)
                .containsEntry("redisPipelineReplyTimeoutMs", 5_000L);
    }

    @Test
    void aBoundThatIsNotAPositiveNumberOfSecondsIsRefusedNamingTheProperty() {
        for (String bad : new String[]{"0", "-1", "1.5", "60s", "forever"}) {
            Properties properties = new Properties();
            properties.setProperty(ClientTimeouts.COPY_STALL_TIMEOUT_PROPERTY, bad);
            assertThatThrownBy(() -> ClientTimeouts.copyStallTimeout(properties)).isInstanceOf(InvalidTargetException.class)
                    .hasMessage("-Dloadbench.pg.copyStallTimeoutSeconds: '" + bad + "' is not a positive number of seconds");
        }
    }
}
