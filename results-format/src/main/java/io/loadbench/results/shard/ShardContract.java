package io.loadbench.results.shard;

import io.loadbench.results.Manifest;
import io.loadbench.results.RunManifest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one process of a scaled-out run is told, resolved once from its options and environment: its
 * {@linkplain Shard shard} (absent for a process that does the whole work), the run id every shard of the run shares
 * (absent when neither {@value #RUN_ID_OPTION} nor {@value #RUN_ID_ENV} gives one: the caller then derives it from
 * what it runs), and the pod uid when the launcher passes it ({@value #POD_UID_ENV}).
 *
 * <p>An option always wins over the environment, as a whole: with {@value #SHARD_OPTION} given, the shard variables
 * are not read at all. Kubernetes sets {@value #INDEX_ENV} in every pod of an Indexed Job but has no variable for the
 * number of completions, so {@value #COUNT_ENV} must come with it; either one without the other is refused rather
 * than guessed.
 */
public record ShardContract(Optional<Shard> shard, Optional<String> runId, Optional<String> podUid) {

    public static final String SHARD_OPTION = "--shard";
    public static final String RUN_ID_OPTION = "--run-id";
    /** The shard index Kubernetes sets in every pod of an Indexed Job. */
    public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";
    /** The shard count, which the launcher sets (Kubernetes: the Job's {@code completions}). */
    public static final String COUNT_ENV = "LB_SHARD_COUNT";
    public static final String RUN_ID_ENV = "LB_RUN_ID";
    /** The pod's uid, passed by the downward API ({@code fieldRef: metadata.uid}); recorded, never interpreted. */
    public static final String POD_UID_ENV = "POD_UID";

    /** The manifest's {@code parameters} keys the contract is recorded under. */
    public static final String SHARD_KEY = "shard";
    public static final String RUN_ID_KEY = "runId";
    public static final String POD_UID_KEY = "podUid";

    /** Letters, digits and {@code . _ : -}, starting with a letter or digit: a Job name, a uid, a date all fit. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern POD_UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    /** No shard, no run id, no pod uid. */
    public static ShardContract none() {
        return new ShardContract(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Resolves the contract of a process.
     *
     * @param shardOption {@value #SHARD_OPTION} as given ({@code i/N}), or null when absent
     * @param runIdOption {@value #RUN_ID_OPTION} as given, or null when absent
     * @param env         the process environment
     * @throws ShardContractException naming the option or variable of the first bad value
     */
    public static ShardContract resolve(String shardOption, String runIdOption, Map<String, String> env) {
        Map<String, String> environment = env == null ? Map.of() : env;
        Optional<Shard> shard = shardOption != null ? Optional.of(parse(SHARD_OPTION, shardOption)) : fromEnvironment(environment);
        Optional<String> runId;
        if (runIdOption != null) {
            runId = Optional.of(runId(RUN_ID_OPTION, runIdOption));
        } else {
            runId = Optional.ofNullable(environment.get(RUN_ID_ENV)).map(value -> runId(RUN_ID_ENV, value));
        }
        Optional<String> podUid = Optional.ofNullable(environment.get(POD_UID_ENV)).map(ShardContract::podUid);
        return new ShardContract(shard, runId, podUid);
    }

    /** Parses {@code i/N} as given by {@code source}. */
    public static Shard parse(String source, String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw new ShardContractException(source, "expected INDEX/COUNT such as 0/4, got '" + text + "'");
        }
        int index = number(source, value.substring(0, slash), "index", text);
        int count = number(source, value.substring(slash + 1), "count", text);
        return shard(source, index, count);
    }

    private static Optional<Shard> fromEnvironment(Map<String, String> env) {
        String index = env.get(INDEX_ENV);
        String count = env.get(COUNT_ENV);
        if (index == null && count == null) {
            return Optional.empty();
        }
        if (count == null) {
            throw new ShardContractException(INDEX_ENV, "is set (" + index + ") but " + COUNT_ENV + " is not; set "
                    + COUNT_ENV + " to the number of shards (Kubernetes sets the index of a pod, never the count), or give "
                    + SHARD_OPTION + " INDEX/COUNT");
        }
        if (index == null) {
            throw new ShardContractException(COUNT_ENV, "is set (" + count + ") but " + INDEX_ENV + " is not; run it as an "
                    + "Indexed Job, or give " + SHARD_OPTION + " INDEX/COUNT");
        }
        int i = number(INDEX_ENV, index, "index", index);
        int n = number(COUNT_ENV, count, "count", count);
        if (n < 1 || n > Shard.MAX_COUNT) {
            throw new ShardContractException(COUNT_ENV, "the count must be between 1 and " + Shard.MAX_COUNT + ", got " + n);
        }
        if (i >= n) {
            throw new ShardContractException(INDEX_ENV, "is " + i + ", not below " + COUNT_ENV + "=" + n
                    + " (shards are numbered 0.." + (n - 1) + ")");
        }
        return Optional.of(new Shard(i, n));
    }

    private static int number(String source, String text, String what, String whole) {
        String value = text.strip();
        if (!NUMBER.matcher(value).matches()) {
            throw new ShardContractException(source, "the " + what + " must be a whole number of at least 0, got '" + whole + "'");
        }
        return Integer.parseInt(value);
    }

    private static Shard shard(String source, int index, int count) {
        if (count < 1 || count > Shard.MAX_COUNT) {
            throw new ShardContractException(source, "the count must be between 1 and " + Shard.MAX_COUNT + ", got " + count);
        }
        if (index >= count) {
            throw new ShardContractException(source, "the index " + index + " is not below the count " + count
                    + " (shards are numbered 0.." + (count - 1) + ")");
        }
        return new Shard(index, count);
    }

    private static String runId(String source, String text) {
        String value = text.strip();
        if (!RUN_ID.matcher(value).matches()) {
            throw new ShardContractException(source, "expected 1 to 128 letters, digits, '.', '_', ':' or '-' (starting with a "
                    + "letter or digit), got '" + text + "'");
        }
        return value;
    }

    private static String podUid(String text) {
        String value = text.strip();
        if (!POD_UID.matcher(value).matches()) {
            throw new ShardContractException(POD_UID_ENV, "expected the pod's uid (metadata.uid, e.g. "
                    + "6a1f0c2e-6b4e-4c39-9a36-0b8f8a6f3d21), got '" + text + "'");
        }
        return value;
    }

    /** This contract with {@code runId} as its run id when it has none. */
    public ShardContract withDefaultRunId(String defaultRunId) {
        return runId.isPresent() ? this : new ShardContract(shard, Optional.of(defaultRunId), podUid);
    }

    /**
     * Records the contract in a manifest's parameters: {@value #SHARD_KEY} ({@code {"index": i, "count": N}}, or null
     * for a process that did the whole work), {@value #RUN_ID_KEY} and {@value #POD_UID_KEY} (null when absent).
     */
    public void recordIn(Manifest manifest) {
        manifest.putParameter(SHARD_KEY, shard.map(ShardContract::describe).orElse(null));
        manifest.putParameter(RUN_ID_KEY, runId.orElse(null));
        manifest.putParameter(POD_UID_KEY, podUid.orElse(null));
    }

    private static Map<String, Object> describe(Shard shard) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("index", shard.index());
        described.put("count", shard.count());
        return described;
    }

    /**
     * The shard a manifest records ({@link #recordIn}); empty for a run that did the whole work or predates the
     * contract.
     *
     * @throws IllegalArgumentException when {@value #SHARD_KEY} is there but is not a shard
     */
    public static Optional<Shard> shardOf(RunManifest manifest) {
        Object recorded = manifest.parameters().get(SHARD_KEY);
        if (recorded == null) {
            return Optional.empty();
        }
        if (recorded instanceof Map<?, ?> fields && fields.get("index") instanceof Number index
                && fields.get("count") instanceof Number count) {
            return Optional.of(new Shard(index.intValue(), count.intValue()));
        }
        throw new IllegalArgumentException("parameters." + SHARD_KEY + " is not {\"index\": i, \"count\": N}: " + recorded);
    }

    /** The run id a manifest records; empty for a run that predates the contract. */
    public static Optional<String> runIdOf(RunManifest manifest) {
        return Optional.ofNullable(manifest.parameters().get(RUN_ID_KEY)).map(String::valueOf);
    }
}
