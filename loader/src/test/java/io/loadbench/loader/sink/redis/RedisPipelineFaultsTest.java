package io.loadbench.loader.sink.redis;

import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.FilterInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipelined Redis sink never waits forever: a server that accepts and never answers, one that never reads, one
 * that answers garbage or absurdly nested replies, and a reply reader that dies all fail the load with one line
 * naming the server, within the reply timeout (1 s here) plus the writer's grace.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisPipelineFaultsTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    /** Reply timeout, the writer's grace, and room for a busy 2-core machine. */
    private static final long BOUND_MS = REPLY_TIMEOUT.plus(SingleWriterRedisPipeline.WRITER_GRACE).toMillis() + 3_000;

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsTheLoadWithinTheReplyTimeout() throws Exception {
        try (FakeRespServer server = FakeRespServer.silent()) {
            long startNs = System.nanoTime();
            SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(server.address(), 10, 2_000, REPLY_TIMEOUT);

            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    pipeline.begin(3).arg("SET").arg("k" + i).arg(i).end();
                }
                pipeline.close();
            }).isInstanceOf(RedisLoadException.class)
                    .hasMessageStartingWith("Redis at " + server.address().hostAndPort() + " sent no reply for 1 s")
                    .hasMessageContaining("commands outstanding").hasMessageContaining("loadbench.redis.replyTimeoutSeconds");
            assertThat(elapsedMs(startNs)).isLessThan(BOUND_MS);
            assertThatThrownBy(pipeline::close).isInstanceOf(RedisLoadException.class);
        }
    }

    @Test
    void aServerThatNeverReadsFreesAWriterBlockedInASend() throws Exception {
        try (FakeRespServer server = FakeRespServer.deaf()) {
            byte[] value = new byte[1 << 20];
            long startNs = System.nanoTime();
            SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(server.address(), 1_000, 2_000, REPLY_TIMEOUT);

            assertThatThrownBy(() -> {
                // far more than the kernel's socket buffers hold: the send blocks until the socket is closed
                for (int i = 0; i < 200; i++) {
                    pipeline.begin(3).arg("SET").arg("k" + i).arg(value).end();
                }
                pipeline.close();
            }).isInstanceOf(RedisLoadException.class).hasMessageContaining(server.address().hostAndPort())
                    .hasMessageContaining("is not reading what is sent");
            assertThat(elapsedMs(startNs)).isLessThan(BOUND_MS + REPLY_TIMEOUT.toMillis());
        }
    }

    @Test
    void aMalformedReplyFailsTheLoadSayingWhatWasWrong() throws Exception {
        try (FakeRespServer server = FakeRespServer.answering("?garbage\r\n".getBytes(StandardCharsets.US_ASCII))) {
            SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(server.address(), 10, 2_000, REPLY_TIMEOUT);
            pipeline.begin(1).arg("PING").end();

            assertThatThrownBy(pipeline::close).isInstanceOf(RedisLoadException.class)
                    .hasMessage("Redis at " + server.address().hostAndPort()
                            + " sent a malformed reply after 0 replies: not a RESP reply: unexpected type byte 63");
        }
    }

    @Test
    void aDeeplyNestedReplyIsRejectedNotAStackOverflow() throws Exception {
        byte[] nested = "*1\r\n".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        try (FakeRespServer server = FakeRespServer.answering(nested)) {
            SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(server.address(), 10, 2_000, REPLY_TIMEOUT);
            pipeline.begin(1).arg("PING").end();

            assertThatThrownBy(pipeline::close).isInstanceOf(RedisLoadException.class)
                    .hasMessageContaining("sent a malformed reply").hasMessageContaining("nested deeper than 64 levels");
        }
    }

    @Test
    void aReaderThatDiesByAnErrorFailsTheLoadWithTheCause() throws Exception {
        try (FakeRespServer server = FakeRespServer.silent()) {
            OutOfMemoryError death = new OutOfMemoryError("simulated: the reply reader ran out of memory");
            long startNs = System.nanoTime();
            SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(server.address(), 10, 2_000,
                    Duration.ofSeconds(60), in -> new FilterInputStream(in) {
                        @Override
                        public int read(byte[] b, int off, int len) {
                            throw death;
                        }
                    });

            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    pipeline.begin(2).arg("INCR").arg("k").end();
                }
                pipeline.close();
            }).isInstanceOf(RedisLoadException.class)
                    .hasMessageStartingWith("the reply reader for Redis at " + server.address().hostAndPort() + " died")
                    .hasCause(death);
            assertThat(elapsedMs(startNs)).as("well within the 60 s reply timeout").isLessThan(BOUND_MS);
        }
    }

    @Test
    void aHandshakeThatIsNeverAnsweredFailsOpenWithinTheReplyTimeout() throws Exception {
        try (FakeRespServer server = FakeRespServer.silent()) {
            RedisAddress withPassword = new RedisAddress("127.0.0.1", server.address().port(), null, "pw", 0, false);
            long startNs = System.nanoTime();

            assertThatThrownBy(() -> SingleWriterRedisPipeline.open(withPassword, 10, 2_000, REPLY_TIMEOUT))
                    .isInstanceOf(RedisLoadException.class)
                    .hasMessageStartingWith("Redis at " + withPassword.hostAndPort() + " accepted the connection but did not answer")
                    .hasMessageNotContaining("pw");
            assertThat(elapsedMs(startNs)).isLessThan(BOUND_MS);
        }
    }

    @Test
    void theSinkAuthenticatesWithThePasswordOfTheEndpointAndFailsWithoutIt() {
        RedisEndpoint endpoint = TestDatastores.embedded().redis();
        assertThat(endpoint.password()).as("the embedded Redis is protected").isNotNull();
        RedisAddress anonymous = new RedisAddress(endpoint.host(), endpoint.port(), null, null, 0, false);
        SingleWriterRedisPipeline unauthenticated = SingleWriterRedisPipeline.open(anonymous, 10, 2_000, REPLY_TIMEOUT);
        unauthenticated.begin(3).arg("SET").arg("lbtest:faults:auth").arg("x").end();
        assertThatThrownBy(unauthenticated::close).isInstanceOf(RedisLoadException.class).hasMessageContaining("NOAUTH");

        RedisAddress wrong = new RedisAddress(endpoint.host(), endpoint.port(), null, "not-" + endpoint.password(), 0, false);
        assertThatThrownBy(() -> SingleWriterRedisPipeline.open(wrong, 10, 2_000, REPLY_TIMEOUT))
                .isInstanceOf(RedisLoadException.class).hasMessageContaining("refused authentication")
                .hasMessageNotContaining(endpoint.password());

        SingleWriterRedisPipeline authenticated = SingleWriterRedisPipeline.open(RedisAddress.of(endpoint), 10, 2_000,
                REPLY_TIMEOUT);
        authenticated.begin(2).arg("DEL").arg("lbtest:faults:auth").end();
        authenticated.close();
        assertThat(authenticated.repliesRead()).isEqualTo(2); // AUTH and DEL
    }

    @Test
    void anIdlePipelineOutlivesTheReplyTimeout() throws Exception {
        SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(RedisAddress.of(TestDatastores.embedded().redis()),
                10, 2_000, REPLY_TIMEOUT);
        pipeline.begin(2).arg("DEL").arg("lbtest:faults:idle").end();
        Thread.sleep(REPLY_TIMEOUT.toMillis() * 2 + 500); // every sent command is answered: nothing to time out
        pipeline.begin(2).arg("DEL").arg("lbtest:faults:idle").end();
        pipeline.close();
        assertThat(pipeline.repliesRead()).isEqualTo(3);
    }

    private static long elapsedMs(long startNs) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
    }
}
