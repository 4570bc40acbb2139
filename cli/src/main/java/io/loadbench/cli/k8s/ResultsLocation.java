package io.loadbench.cli.k8s;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where every pod of a scaled-out run writes and the merge reads: {@code file:///path} (a shared volume, the same
 * PersistentVolumeClaim mounted at {@code path} in every pod) or {@code s3://bucket/prefix} (no volume; credentials
 * from a Secret or the pod's own identity). A shard's folder is {@code <uri>/<run-id>/shard-<i>/}.
 *
 * @param uri       the URI as given, without a trailing slash
 * @param mountPath for {@code file://}, the path the volume is mounted at; empty for {@code s3://}
 */
record ResultsLocation(String uri, Optional<String> mountPath) {

    static final String OPTION = "--results-uri";

    static ResultsLocation parse(String text) {
        String given = text == null ? "" : text.strip();
        while (given.endsWith("/") && !given.endsWith("://")) {
            given = given.substring(0, given.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(OPTION + ": not a URI: '" + text + "'");
        }
        if ("file".equals(uri.getScheme())) {
            String path = uri.getPath();
            if (uri.getAuthority() != null || path == null || !path.startsWith("/") || path.equals("/")) {
                throw new IllegalArgumentException(OPTION + ": a file URI names an absolute folder other than /, "
                        + "file:///results (three slashes), got '" + text + "'");
            }
            return new ResultsLocation(given, Optional.of(path));
        }
        if ("s3".equals(uri.getScheme())) {
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException(OPTION + ": an S3 URI names its bucket, s3://bucket/prefix, got '" + text + "'");
            }
            return new ResultsLocation(given, Optional.empty());
        }
        throw new IllegalArgumentException(OPTION + ": expected file:///path (a shared volume) or s3://bucket/prefix, got '"
                + text + "'");
    }

    boolean isFile() {
        return mountPath.isPresent();
    }

    /** {@code <uri>/<run-id>}: the run's folder, which the merge reads. */
    String runUri(String runId) {
        return uri + "/" + runId;
    }
}
