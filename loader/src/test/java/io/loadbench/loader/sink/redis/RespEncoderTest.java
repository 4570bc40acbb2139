package io.loadbench.loader.sink.redis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RespEncoderTest {

    private static String encode(java.util.function.Consumer<RedisCommandWriter> commands) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RespStreamWriter writer = new RespStreamWriter(bytes)) {
            commands.accept(writer);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void encodesCommandsAsArraysOfBulkStringsWithByteLengths() {
        String resp = encode(w -> {
            w.begin(3).arg("SET").arg("k").arg("v").end();
            w.begin(3).arg("SET").arg("").arg("line1\r\nline2").end();
            w.begin(3).arg("SET").arg("ünï").arg("€").end();
        });
        assertThat(resp).isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n"
                + "*3\r\n$3\r\nSET\r\n$0\r\n\r\n$12\r\nline1\r\nline2\r\n"
                + "*3\r\n$3\r\nSET\r\n$5\r\nünï\r\n$3\r\n€\r\n");
    }

    @Test
    void encodesIntegersInDecimalWhateverTheLocale() {
        String resp = encode(w -> w.begin(5).arg("ZADD").arg(0).arg(-42).arg(Long.MAX_VALUE).arg(Long.MIN_VALUE).end());
        assertThat(resp).isEqualTo("*5\r\n$4\r\nZADD\r\n$1\r\n0\r\n$3\r\n-42\r\n$19\r\n9223372036854775807\r\n"
                + "$20\r\n-9223372036854775808\r\n");
    }

    @Test
    void encodesBinaryArgumentsUnchanged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RespStreamWriter writer = new RespStreamWriter(bytes)) {
            writer.begin(2).arg("GET").arg(new byte[]{0, (byte) 0xff, '\r'}).end();
            assertThat(writer.commandsEncoded()).isEqualTo(1);
        }
        byte[] out = bytes.toByteArray();
        assertThat(out).endsWith(new byte[]{'$', '3', '\r', '\n', 0, (byte) 0xff, '\r', '\r', '\n'});
    }

    @Test
    void valuesLargerThanTheBufferAreWrittenWhole() {
        String big = "x".repeat(200_000);
        String resp = encode(w -> w.begin(2).arg("ECHO").arg(big).end());
        assertThat(resp).isEqualTo("*2\r\n$4\r\nECHO\r\n$200000\r\n" + big + "\r\n");
    }

    @Test
    void rejectsACommandWhoseArgumentCountDiffersFromTheAnnouncedOne() {
        RespStreamWriter writer = new RespStreamWriter(new ByteArrayOutputStream());
        assertThatThrownBy(() -> writer.begin(3).arg("SET").arg("k").end())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("announced 3");
        RespStreamWriter other = new RespStreamWriter(new ByteArrayOutputStream());
        assertThatThrownBy(() -> other.begin(1).arg("PING").arg("extra"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replyReaderParsesEveryReplyTypeAndReportsNestedErrors() throws Exception {
        byte[] replies = ("+OK\r\n-ERR wrong\r\n:42\r\n$3\r\nabc\r\n$-1\r\n*2\r\n:1\r\n-WRONGTYPE nested\r\n*-1\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RespReplyReader reader = new RespReplyReader(new java.io.ByteArrayInputStream(replies), 4);
        assertThat(reader.read()).isEqualTo("OK");
        assertThat(reader.read()).isEqualTo(new RespReplyReader.ErrorReply("ERR wrong"));
        assertThat(reader.read()).isEqualTo(42L);
        assertThat((byte[]) reader.read()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(reader.skip()).isNull();
        assertThat(reader.skip()).isEqualTo("WRONGTYPE nested");
        assertThat(reader.read()).isNull();
    }
}
