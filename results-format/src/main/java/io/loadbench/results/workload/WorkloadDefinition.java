package io.loadbench.results.workload;

import io.loadbench.results.Manifest;
import io.loadbench.results.RunManifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sources of a user-defined workload, as its manifest records them: {@code parameters.workload} holds every
 * source's text and SHA-256 with the set's SHA-256, {@code plan.workload} the kind and the set's SHA-256, so that
 * {@code loadbench-report compare} refuses two runs that ran different scripts or commands (the plan is what two
 * comparable runs share; a text there would make every plan difference a page long).
 *
 * <p>The set's hash covers, in order, the kind and every source's role, name, weight and text (line endings
 * normalized to {@code \n}): a renamed script changes the request names, a new weight the mix, so both are a
 * different workload. The exact bytes hashed are documented in {@code results/README.md} and locked by
 * {@code WorkloadDefinitionTest}. Immutable.
 *
 * @param kind    the workload's kind, e.g. {@code sql-script} or {@code redis-commands}
 * @param sources in the order the user gave them
 */
public record WorkloadDefinition(String kind, List<Source> sources) {

    /** The key under which {@code parameters} and {@code plan} hold the workload. */
    public static final String KEY = "workload";

    /**
     * One source of a workload.
     *
     * @param role   what the source is for, e.g. {@code script}, {@code setup}, {@code command}
     * @param name   how the run names it (a script's file name, a command's request name)
     * @param weight its share of the mix (a script's {@code @weight}, a command's ratio term); 0 for a setup
     * @param text   its content, line endings normalized to {@code \n}
     */
    public record Source(String role, String name, long weight, String text) {

        public Source {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            if (weight < 0) {
                throw new IllegalArgumentException("a source's weight cannot be negative, got " + weight);
            }
            text = text.replace("\r\n", "\n");
        }

        /** The SHA-256 of the text alone (hex), to tell which source of two sets differs. */
        public String sha256() {
            return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * What a saved manifest says about its workload.
     *
     * @param kind    the workload's kind
     * @param sha256  the set's hash
     * @param sources each source's name and text hash, in order; empty when the manifest's parameters lack them
     */
    public record Fingerprint(String kind, String sha256, Map<String, String> sources) {
    }

    public WorkloadDefinition {
        Objects.requireNonNull(kind, "kind");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a workload has at least one source");
        }
    }

    /**
     * The set's SHA-256 (hex) over the UTF-8 bytes of: the kind and a newline, then for each source its role, name
     * and weight each followed by a newline, the text's length in bytes and a newline, and the text.
     */
    public String sha256() {
        MessageDigest digest = digest();
        digest.update((kind + '\n').getBytes(StandardCharsets.UTF_8));
        for (Source source : sources) {
            byte[] text = source.text().getBytes(StandardCharsets.UTF_8);
            String prefix = source.role() + '\n' + source.name() + '\n' + source.weight() + '\n' + text.length + '\n';
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            digest.update(text);
        }
        return hex(digest.digest());
    }

    /** Records the workload in the manifest: texts and hashes in the parameters, kind and hash in the plan. */
    public void recordIn(Manifest manifest) {
        String setHash = sha256();
        List<Map<String, Object>> described = new ArrayList<>();
        for (Source source : sources) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", source.role());
            entry.put("name", source.name());
            entry.put("weight", source.weight());
            entry.put("sha256", source.sha256());
            entry.put("text", source.text());
            described.add(entry);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("kind", kind);
        parameters.put("sha256", setHash);
        parameters.put("sources", described);
        manifest.putParameter(KEY, parameters);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("kind", kind);
        plan.put("sha256", setHash);
        manifest.putPlan(KEY, plan);
    }

    /**
     * The workload a saved manifest's plan names, with its sources' hashes when the parameters hold them; empty
     * for a run of a built-in workload (its plan has no {@value #KEY}).
     *
     * @throws IllegalArgumentException when {@code plan.workload} is there but lacks its kind or hash
     */
    public static Optional<Fingerprint> fingerprint(RunManifest manifest) {
        if (!(manifest.plan().get(KEY) instanceof Map<?, ?> plan)) {
            return Optional.empty();
        }
        if (!(plan.get("kind") instanceof String kind) || !(plan.get("sha256") instanceof String sha256)) {
            throw new IllegalArgumentException("plan.workload needs a kind and a sha256, got " + plan);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        if (manifest.parameters().get(KEY) instanceof Map<?, ?> parameters && parameters.get("sources") instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> source && source.get("name") instanceof String name
                        && source.get("sha256") instanceof String hash) {
                    sources.put(source.get("role") + " " + name, hash);
                }
            }
        }
        return Optional.of(new Fingerprint(kind, sha256, sources));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
