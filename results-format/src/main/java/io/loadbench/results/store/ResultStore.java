package io.loadbench.results.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the run folders of a scaled-out run are published by its shards and fetched from by the merge: a folder of
 * this machine ({@link FileResultStore}) or a bucket ({@link S3ResultStore}). Paths inside a store are relative,
 * {@code /}-separated, without {@code .} or {@code ..} segments: {@code <run-id>/shard-<i>}.
 *
 * <p>Obligations of every implementation, which {@code ResultStoreContractTest} checks:
 * <ul>
 *   <li>{@link #upload} copies every file of a finished folder, and the completion marker
 *       ({@link io.loadbench.results.shard.ShardMarker#FILE}) last, so a reader that sees the marker sees the whole
 *       folder; it refuses a path that already holds something (a second attempt goes to {@code shard-<i>-2}, never
 *       over the first);</li>
 *   <li>{@link #download} copies everything below a path into a local folder, files and sub-folders as they were
 *       uploaded, and refuses a path that holds nothing;</li>
 *   <li>{@link #list} names the entries directly below a path, folders and files alike, sorted; nothing for a path
 *       that holds nothing;</li>
 *   <li>every failure is a {@link ResultStoreException} whose message names the store's URI and the path.</li>
 * </ul>
 */
public interface ResultStore {

    /** The store at {@code uri}, with the S3 endpoint override read from this process's environment. */
    static ResultStore of(String uri) {
        return of(uri, System.getenv());
    }

    /**
     * The store at {@code uri}: {@code s3://BUCKET[/PREFIX]}, {@code file:///PATH} or a plain path.
     *
     * @param env where {@value S3ResultStore#ENDPOINT_ENV} is read (an S3-compatible server such as MinIO)
     * @throws ResultStoreException for any other scheme, or a URI of a known scheme that is not well formed
     */
    static ResultStore of(String uri, Map<String, String> env) {
        if (uri == null || uri.isBlank()) {
            throw new ResultStoreException("the results store URI is empty (expected s3://BUCKET/PREFIX, file:///PATH or a path)");
        }
        var scheme = StorePaths.SCHEME.matcher(uri);
        if (!scheme.matches()) {
            return new FileResultStore(Path.of(uri));
        }
        switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "s3":
                return S3ResultStore.of(uri, env);
            case "file":
                try {
                    return new FileResultStore(Path.of(URI.create(uri)));
                } catch (IllegalArgumentException e) {
                    throw new ResultStoreException(uri + ": not a file URI of an absolute path (file:///PATH): " + e.getMessage(), e);
                }
            default:
                throw new ResultStoreException(uri + ": unknown results store scheme '" + scheme.group(1)
                        + "' (expected s3://BUCKET/PREFIX, file:///PATH or a plain path)");
        }
    }

    /** The store's root, as a URI ({@code s3://bucket/prefix}, {@code file:///srv/results}). */
    String uri();

    /**
     * Publishes the finished folder {@code localDir} at {@code relativePath}, its completion marker last.
     *
     * @throws ResultStoreException when {@code relativePath} already holds something, or a file cannot be copied
     */
    void upload(Path localDir, String relativePath);

    /**
     * Fetches everything below {@code relativePath} into {@code localDir} (created; it must not hold anything yet).
     *
     * @return {@code localDir}
     * @throws ResultStoreException when {@code relativePath} holds nothing, or a file cannot be copied
     */
    Path download(String relativePath, Path localDir);

    /**
     * The names of the entries directly below {@code relativePath} ({@code ""}: the store's root), sorted.
     *
     * @throws ResultStoreException when the store cannot be read
     */
    List<String> list(String relativePath);
}
