package io.loadbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void masksUserInfoPasswordsAndPasswordParameters() {
        assertThat(Secrets.maskUrl("postgresql://bench:hunter2@db:5432/x")).isEqualTo("postgresql://bench:****@db:5432/x");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db/x?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=****&ssl=true");
        assertThat(Secrets.maskUrl("-Dloadbench.pg.password=hunter2")).isEqualTo("-Dloadbench.pg.password=****");
        assertThat(Secrets.maskUrl("redis://db:6379")).isEqualTo("redis://db:6379");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hun@ter2", "hun/ter2", "hun?ter2", "hun#ter2", "hun:ter2", "hun%40ter2", "h@u/n?t#e:r%2",
            "@/?#:%"})
    void masksAUserInfoPasswordWhateverCharactersItHolds(String password) {
        assertThat(Secrets.maskUrl("postgresql://bench:" + password + "@db.example:5432/x?sslmode=require"))
                .isEqualTo("postgresql://bench:****@db.example:5432/x?sslmode=require");
        assertThat(Secrets.maskUrl("--redis-url: bad port in 'rediss://:" + password + "@cache:63x9/2' (expected ...)"))
                .isEqualTo("--redis-url: bad port in 'rediss://:****@cache:63x9/2' (expected ...)");
    }

    @Test
    void masksEveryUrlInAMessageSeparately() {
        assertThat(Secrets.maskUrl("pg=postgresql://a:one@db/x redis=redis://b:two@cache:6379"))
                .isEqualTo("pg=postgresql://a:****@db/x redis=redis://b:****@cache:6379");
    }

    @Test
    void leavesUrlsWithoutAUserInfoPasswordAlone() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/x?user=bench@azure-host&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/x?user=bench@azure-host&sslmode=require");
        assertThat(Secrets.maskUrl("postgresql://bench@db:5432/x")).isEqualTo("postgresql://bench@db:5432/x");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:54x2/x")).isEqualTo("jdbc:postgresql://db:54x2/x");
        assertThat(Secrets.maskUrl("expected redis://[user:password@]host:port")).contains("host:port");
    }

    @Test
    void masksMoreRatherThanLessWhenAQueryHoldsAnotherAt() {
        assertThat(Secrets.maskUrl("postgresql://bench:hunter2@db/x?application_name=a@b"))
                .doesNotContain("hunter2").startsWith("postgresql://bench:****@");
    }

    @Test
    void quotesAPieceOfAUrlOnlyIfItsMaskedFormShowsIt() {
        String masked = Secrets.maskUrl("postgresql://bench:hun?ter2@db:54x2/x");

        assertThat(Secrets.shownPart("54x2", masked)).isEqualTo("54x2");
        assertThat(Secrets.shownPart("hun", masked)).isEqualTo(Secrets.MASK);
    }

    @Test
    void recognisesSecretParameterNamesInAnyLocale() {
        assertThat(Secrets.isSecretName("PASSWORD")).isTrue();
        assertThat(Secrets.isSecretName("redisPassword")).isTrue();
        assertThat(Secrets.isSecretName("apiSecret")).isTrue();
        assertThat(Secrets.isSecretName("seed")).isFalse();
    }

    @Test
    void masksAPasswordEchoedVerbatim() {
        assertThat(Secrets.maskIn("FATAL: bad login hunter2", "hunter2")).isEqualTo("FATAL: bad login ****");
    }
}
