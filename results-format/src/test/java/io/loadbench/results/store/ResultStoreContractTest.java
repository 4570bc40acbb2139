package io.loadbench.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadbench.results.RunStatus;
import io.loadbench.results.shard.Shard;
import io.loadbench.results.shard.ShardMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ResultStore} must do; each implementation's test extends this with its store. Only stores that
 * need no server are tested here: an S3 store is checked for its URI alone ({@link ResultStoreUriTest}).
 */
abstract class ResultStoreContractTest {

    @TempDir
    Path work;

    /** A new, empty store. */
    abstract ResultStore store(Path scratch);

    /** A finished shard folder: a manifest, an interval log in hdr/, and the marker. */
    Path shardFolder(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve("local").resolve(name));
        Files.writeString(dir.resolve("manifest.json"), "{ \"schemaVersion\" : 2 }\n");
        Files.createDirectories(dir.resolve("hdr"));
        Files.writeString(dir.resolve("hdr/get.intended.hlog"), "#[StartTime: 0]\n");
        new ShardMarker("run-1", new Shard(1, 2), RunStatus.OK, Instant.parse("2026-11-22T06:00:14Z"), Optional.empty())
                .writeInto(dir);
        return dir;
    }

    @Test
    void anUploadedFolderDownloadsWithEveryFileAsItWas() throws IOException {
        ResultStore store = store(work.resolve("store"));
        Path shard = shardFolder("shard-1");

        store.upload(shard, "run-1/shard-1");
        Path copy = store.download("run-1", work.resolve("fetched/run-1"));

        assertThat(copy).isEqualTo(work.resolve("fetched/run-1"));
        for (String file : new String[] {"manifest.json", "hdr/get.intended.hlog", ShardMarker.FILE}) {
            assertThat(copy.resolve("shard-1").resolve(file)).hasSameTextualContentAs(shard.resolve(file));
        }
        assertThat(ShardMarker.readFrom(copy.resolve("shard-1"))).isPresent();
    }

    @Test
    void theListNamesTheEntriesDirectlyBelowAPathSorted() throws IOException {
        ResultStore store = store(work.resolve("store"));
        store.upload(shardFolder("shard-1"), "run-1/shard-1");
        store.upload(shardFolder("shard-0"), "run-1/shard-0");

        assertThat(store.list("run-1")).containsExactly("shard-0", "shard-1");
        assertThat(store.list("run-1/shard-0")).containsExactly("hdr", "manifest.json", ShardMarker.FILE);
        assertThat(store.list("")).containsExactly("run-1");
        assertThat(store.list("run-2")).isEmpty();
    }

    @Test
    void anUploadNeverReplacesAnExistingFolder() throws IOException {
        ResultStore store = store(work.resolve("store"));
        store.upload(shardFolder("shard-1"), "run-1/shard-1");

        assertThatThrownBy(() -> store.upload(shardFolder("shard-1-again"), "run-1/shard-1"))
                .isInstanceOf(ResultStoreException.class).hasMessageContaining("run-1/shard-1 already exists");
    }

    @Test
    void downloadingAPathThatHoldsNothingIsRefused() {
        ResultStore store = store(work.resolve("store"));
        assertThatThrownBy(() -> store.download("run-9", work.resolve("fetched")))
                .isInstanceOf(ResultStoreException.class).hasMessageContaining("nothing at run-9");
    }

    @Test
    void aPathLeavingTheStoreIsRefused() throws IOException {
        ResultStore store = store(work.resolve("store"));
        Path shard = shardFolder("shard-1");
        assertThatThrownBy(() -> store.upload(shard, "../elsewhere"))
                .isInstanceOf(ResultStoreException.class).hasMessageContaining("not a relative path inside the store");
        assertThatThrownBy(() -> store.list("run-1//shard-1"))
                .isInstanceOf(ResultStoreException.class).hasMessageContaining("not a relative path inside the store");
    }

    @Test
    void theMarkerIsUploadedLast() throws IOException {
        Path shard = shardFolder("shard-1");
        Files.writeString(shard.resolve("zz-last-by-name.txt"), "x");

        assertThat(StorePaths.uploadOrder("test://", shard))
                .containsExactly("hdr/get.intended.hlog", "manifest.json", "zz-last-by-name.txt", ShardMarker.FILE);
    }
}
