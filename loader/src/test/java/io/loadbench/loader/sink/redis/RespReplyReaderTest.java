package io.loadbench.loader.sink.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replies a broken or hostile server could send are rejected with a clear message, by read() and skip() alike. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RespReplyReaderTest {

    @Test
    void wellFormedRepliesAreReadIncludingTheExtremeIntegers() throws Exception {
        RespReplyReader reader = reader("+OK\r\n:-9223372036854775808\r\n:9223372036854775807\r\n$-1\r\n*2\r\n$1\r\na\r\n-ERR x\r\n");
        assertThat(reader.read()).isEqualTo("OK");
        assertThat(reader.read()).isEqualTo(Long.MIN_VALUE);
        assertThat(reader.read()).isEqualTo(Long.MAX_VALUE);
        assertThat(reader.read()).isNull();
        assertThat((List<?>) reader.read()).hasSize(2);
    }

    @Test
    void nestingBeyondTheLimitIsRejectedByReadAndSkip() {
        String nested = "*1\r\n".repeat(100_000) + ":1\r\n";
        assertThatThrownBy(() -> reader(nested).read()).isInstanceOf(ProtocolException.class)
                .hasMessage("RESP arrays nested deeper than 64 levels");
        assertThatThrownBy(() -> reader(nested).skip()).isInstanceOf(ProtocolException.class)
                .hasMessage("RESP arrays nested deeper than 64 levels");
    }

    @Test
    void nestingAtTheLimitIsAccepted() throws Exception {
        String nested = "*1\r\n".repeat(RespReplyReader.MAX_NESTING) + ":1\r\n";
        assertThat(reader(nested).skip()).isNull();
        assertThat(reader(nested).read()).isInstanceOf(List.class);
    }

    @Test
    void absurdLengthsAndIntegersAreRejected() {
        assertThatThrownBy(() -> reader("$99999999999\r\n").skip()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("bulk string length 99999999999 is out of range");
        assertThatThrownBy(() -> reader("$-7\r\n").read()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("*-2\r\n").skip()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("array length -2");
        assertThatThrownBy(() -> reader(":99999999999999999999\r\n").read()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader(":\r\n").read()).isInstanceOf(ProtocolException.class).hasMessageContaining("no digits");
        assertThatThrownBy(() -> reader("$1\r\nab\r\n").skip()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("missing CRLF");
        assertThatThrownBy(() -> reader("+" + "x".repeat(RespReplyReader.MAX_LINE_BYTES + 1) + "\r\n").read())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("RESP line longer than");
        assertThatThrownBy(() -> reader("!3\r\nabc\r\n").skip()).isInstanceOf(ProtocolException.class)
                .hasMessage("not a RESP reply: unexpected type byte 33");
    }

    private static RespReplyReader reader(String bytes) {
        return new RespReplyReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)), 4096);
    }
}
