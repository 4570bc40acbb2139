package io.loadbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.results.noise.NoiseSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a run in progress (schema in {@code results/README.md}). Producers fill
 * {@link #putParameter parameters}, the {@link #putPlan plan} and the {@link #target target}; {@link Run}
 * sets the rest and writes it. Thread-safe. Before writing, every value passes through {@link ManifestSanitizer}:
 * URLs lose their user info and secret-named values become {@code ****}. {@link #snapshot()} gives the value
 * {@link RunManifest} that {@link ManifestWriter} writes; a saved manifest is read back with {@link ManifestReader}.
 */
public final class Manifest {

    private final RunKind kind;
    private final String name;
    private final String label;
    private final ToolInfo tool;
    private final Instant startedAt;
    private final EnvironmentInfo environment;
    private final Map<String, Object> parameters = new TreeMap<>();
    private final Map<String, Object> plan = new TreeMap<>();
    private final List<String> files = new ArrayList<>();
    private Map<String, Object> target;
    private Instant finishedAt;
    private RunStatus status = RunStatus.RUNNING;
    private String failureReason;
    private NoiseSummary noise;

    Manifest(RunKind kind, String name, String label, ToolInfo tool, Instant startedAt, EnvironmentInfo environment) {
        this.kind = kind;
        this.name = name;
        this.label = label;
        this.tool = tool;
        this.startedAt = startedAt;
        this.environment = environment;
    }

    /** Records one effective parameter (every parameter, including seeds; secrets are masked on write). */
    public synchronized Manifest putParameter(String key, Object value) {
        parameters.put(key, value);
        return this;
    }

    /** Records several effective parameters. */
    public synchronized Manifest putParameters(Map<String, ?> values) {
        parameters.putAll(values);
        return this;
    }

    /** Records one entry of the plan: what was measured (dataset and size, seed, rate, users, preset, batch sizes). */
    public synchronized Manifest putPlan(String key, Object value) {
        plan.put(key, value);
        return this;
    }

    /** Records several plan entries. */
    public synchronized Manifest putPlan(Map<String, ?> values) {
        plan.putAll(values);
        return this;
    }

    /** Sets the {@code target} section, normally {@code Datastores.describe()}. */
    public synchronized Manifest target(Map<String, Object> description) {
        this.target = description;
        return this;
    }

    /** Names a file the run produced, relative to the run folder (listed files are merged with those found). */
    public synchronized Manifest addFile(String relativePath) {
        if (!files.contains(relativePath)) {
            files.add(relativePath);
        }
        return this;
    }

    public synchronized RunStatus status() {
        return status;
    }

    public synchronized Map<String, Object> parameters() {
        return Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public synchronized Map<String, Object> plan() {
        return Collections.unmodifiableMap(new TreeMap<>(plan));
    }

    /** The run's noise, once it ended; empty for a run that did not sample it. */
    public synchronized Optional<NoiseSummary> noise() {
        return Optional.ofNullable(noise);
    }

    synchronized void finish(RunStatus finalStatus, String reason, Instant at, NoiseSummary measuredNoise) {
        if (status != RunStatus.RUNNING) {
            throw new IllegalStateException("run already finished with status " + status);
        }
        status = finalStatus;
        failureReason = reason;
        finishedAt = at;
        noise = measuredNoise;
    }

    synchronized void addFoundFiles(List<String> found) {
        for (String file : found) {
            addFile(file);
        }
        Collections.sort(files);
    }

    /** What the manifest holds now, as the value {@link ManifestWriter} writes and {@link ManifestReader} reads. */
    public synchronized RunManifest snapshot() {
        return new RunManifest(kind, name, Optional.ofNullable(label), Optional.ofNullable(tool), startedAt,
                Optional.ofNullable(finishedAt), status, Optional.ofNullable(failureReason), Optional.ofNullable(noise), parameters, plan,
                Optional.ofNullable(environment), Optional.ofNullable(target), files);
    }

    /** The manifest as written: the schema's field order at the top, keys sorted below, sanitized. */
    synchronized ObjectNode toJsonTree() {
        return ManifestWriter.toJsonTree(snapshot());
    }
}
