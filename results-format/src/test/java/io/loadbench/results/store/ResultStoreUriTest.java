package io.loadbench.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ResultStore#of} picks the store a URI names, and refuses any other in one line; no store is contacted. */
class ResultStoreUriTest {

    @TempDir
    Path dir;

    @Test
    void anS3UriNamesTheBucketAndThePrefixWithoutContactingIt() {
        ResultStore store = ResultStore.of("s3://lb-results/team-a/runs/", Map.of());

        assertThat(store).isInstanceOfSatisfying(S3ResultStore.class, s3 -> {
            assertThat(s3.bucket()).isEqualTo("lb-results");
            assertThat(s3.prefix()).isEqualTo("team-a/runs");
        });
        assertThat(store.uri()).isEqualTo("s3://lb-results/team-a/runs");
        assertThat(((S3ResultStore) ResultStore.of("s3://lb-results", Map.of())).prefix()).isEmpty();
    }

    @Test
    void anEndpointOverrideIsCheckedWhenTheStoreIsNamed() {
        assertThat(ResultStore.of("s3://lb-results/runs", Map.of(S3ResultStore.ENDPOINT_ENV, "http://127.0.0.1:9000")))
                .isInstanceOf(S3ResultStore.class);
        assertThatThrownBy(() -> ResultStore.of("s3://lb-results/runs", Map.of(S3ResultStore.ENDPOINT_ENV, "127.0.0.1:9000")))
                .isInstanceOf(ResultStoreException.class).hasMessageStartingWith(S3ResultStore.ENDPOINT_ENV + ": expected http(s)://HOST");
    }

    @Test
    void badS3UrisAreRefusedNamingTheUri() {
        for (String uri : new String[] {"s3://", "s3:///runs", "s3://a/runs", "s3://Upper-Case/runs", "s3://lb-results/a/../b"}) {
            assertThatThrownBy(() -> ResultStore.of(uri, Map.of())).as(uri)
                    .isInstanceOf(ResultStoreException.class).hasMessageStartingWith(uri + ": ");
        }
    }

    @Test
    void aFileUriAndAPlainPathNameTheSameFolder() {
        FileResultStore fromUri = (FileResultStore) ResultStore.of(dir.toUri().toString(), Map.of());
        FileResultStore fromPath = (FileResultStore) ResultStore.of(dir.toString(), Map.of());
        assertThat(fromUri.root()).isEqualTo(fromPath.root()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void anUnknownSchemeIsOneLineNamingIt() {
        assertThatThrownBy(() -> ResultStore.of("gs://bucket/runs", Map.of()))
                .isInstanceOf(ResultStoreException.class)
                .hasMessage("gs://bucket/runs: unknown results store scheme 'gs' (expected s3://BUCKET/PREFIX, file:///PATH or a plain path)");
    }
}
