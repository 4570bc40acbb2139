package io.loadbench.results.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A results store in an S3 bucket, {@code s3://BUCKET[/PREFIX]}: a folder's files are objects under
 * {@code PREFIX/<relative path>/}. Credentials and region come from the AWS SDK's default chains (environment, profile,
 * the pod's web identity or instance role); {@value #ENDPOINT_ENV}, when set, points the client at an S3-compatible
 * server such as MinIO, addressed path-style ({@code http://host:9000/BUCKET/KEY}) as those servers expect.
 *
 * <p>The client is built at the first call that needs it, so a store can be named and its URI checked without
 * credentials or a network.
 */
public final class S3ResultStore implements ResultStore {

    /** The environment variable of an endpoint override ({@code http://127.0.0.1:9000} for a MinIO). */
    public static final String ENDPOINT_ENV = "LB_S3_ENDPOINT";

    /** S3's bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit. */
    private static final Pattern URI_SHAPE = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String bucket;
    private final String prefix;
    private final Supplier<S3Client> clientFactory;
    private S3Client client;

    /**
     * @param prefix        the keys' common prefix without a trailing {@code /}; {@code ""} for the bucket's root
     * @param clientFactory builds the client at first use
     */
    public S3ResultStore(String bucket, String prefix, Supplier<S3Client> clientFactory) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
    }

    /**
     * The store {@code s3://BUCKET[/PREFIX]} names, its client built from the default chains and {@value #ENDPOINT_ENV}.
     *
     * @throws ResultStoreException when the URI has no valid bucket name, or the endpoint is not a URI
     */
    static S3ResultStore of(String uri, Map<String, String> env) {
        Matcher matcher = URI_SHAPE.matcher(uri);
        if (!matcher.matches()) {
            throw new ResultStoreException(uri + ": not an S3 URI (expected s3://BUCKET/PREFIX, the bucket 3 to 63 lower-case "
                    + "letters, digits, '.' or '-')");
        }
        String bucket = matcher.group(1);
        if (!bucket.equals(bucket.toLowerCase(java.util.Locale.ROOT))) {
            throw new ResultStoreException(uri + ": S3 bucket names are lower-case, got '" + bucket + "'");
        }
        String rest = matcher.group(2) == null ? "" : matcher.group(2);
        String prefix = rest.isEmpty() ? "" : StorePaths.relative(uri, rest, true);
        String endpoint = env.get(ENDPOINT_ENV);
        URI endpointUri = null;
        if (endpoint != null && !endpoint.isBlank()) {
            endpointUri = endpoint(endpoint.strip());
        }
        URI override = endpointUri;
        return new S3ResultStore(bucket, prefix, () -> {
            S3ClientBuilder builder = S3Client.builder();
            if (override != null) {
                builder.endpointOverride(override).forcePathStyle(true);
            }
            return builder.build();
        });
    }

    /** {@code http(s)://HOST[:PORT]}, as {@value #ENDPOINT_ENV} must give it. */
    private static URI endpoint(String text) {
        String problem = ENDPOINT_ENV + ": expected http(s)://HOST[:PORT], got '" + text + "'";
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new ResultStoreException(problem, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new ResultStoreException(problem);
        }
        return uri;
    }

    public String bucket() {
        return bucket;
    }

    /** The keys' common prefix, without a trailing {@code /}; {@code ""} for the bucket's root. */
    public String prefix() {
        return prefix;
    }

    @Override
    public String uri() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public void upload(Path localDir, String relativePath) {
        String path = StorePaths.relative(uri(), relativePath, false);
        String base = key(path) + "/";
        List<String> files = StorePaths.uploadOrder(uri(), localDir);
        call(path, () -> {
            if (!client().listObjectsV2(request(base).maxKeys(1).build()).contents().isEmpty()) {
                throw new ResultStoreException(uri() + ": " + path + " already exists; an upload never replaces one");
            }
            for (String file : files) {
                client().putObject(put -> put.bucket(bucket).key(base + file), RequestBody.fromFile(localDir.resolve(file)));
            }
            return null;
        });
    }

    @Override
    public Path download(String relativePath, Path localDir) {
        String path = StorePaths.relative(uri(), relativePath, false);
        String base = key(path) + "/";
        StorePaths.emptyTarget(uri(), localDir);
        return call(path, () -> {
            int files = 0;
            for (ListObjectsV2Response page : client().listObjectsV2Paginator(request(base).build())) {
                for (S3Object object : page.contents()) {
                    String file = StorePaths.relative(uri(), object.key().substring(base.length()), false);
                    Path to = localDir.resolve(file);
                    try {
                        Files.createDirectories(to.getParent());
                    } catch (IOException e) {
                        throw new ResultStoreException(uri() + ": cannot create " + to.getParent() + ": " + e.getMessage(), e);
                    }
                    client().getObject(get -> get.bucket(bucket).key(object.key()), ResponseTransformer.toFile(to));
                    files++;
                }
            }
            if (files == 0) {
                throw new ResultStoreException(uri() + ": nothing at " + path);
            }
            return localDir;
        });
    }

    @Override
    public List<String> list(String relativePath) {
        String path = StorePaths.relative(uri(), relativePath, true);
        String base = path.isEmpty() ? (prefix.isEmpty() ? "" : prefix + "/") : key(path) + "/";
        return call(path, () -> {
            TreeSet<String> names = new TreeSet<>();
            for (ListObjectsV2Response page : client().listObjectsV2Paginator(request(base).delimiter("/").build())) {
                page.commonPrefixes().forEach(common -> names.add(trimSlash(common.prefix().substring(base.length()))));
                page.contents().forEach(object -> names.add(object.key().substring(base.length())));
            }
            return List.copyOf(names);
        });
    }

    private ListObjectsV2Request.Builder request(String keyPrefix) {
        return ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix);
    }

    private String key(String relativePath) {
        return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
    }

    private static String trimSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private synchronized S3Client client() {
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    /** Runs one store operation, an SDK failure (credentials, region, network, access) becoming one line. */
    private <T> T call(String path, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SdkException e) {
            throw new ResultStoreException(uri() + ": " + path + ": " + e.getMessage(), e);
        }
    }
}
