/**
 * {@code loadbench k8s}: a scaled-out run as plain Kubernetes Jobs, with nothing installed in the cluster. The
 * launcher-neutral contract ({@link io.loadbench.results.shard.ShardContract}) is what every pod is told: Kubernetes
 * sets {@code JOB_COMPLETION_INDEX} in each pod of an Indexed Job, the manifests set {@code LB_SHARD_COUNT} (the
 * completions), {@code LB_RUN_ID} and {@code POD_UID}.
 *
 * <p>{@link io.loadbench.cli.k8s.ScaleOutOptions} (the picocli options) make a validated
 * {@link io.loadbench.cli.k8s.ScaleOutPlan}; {@link io.loadbench.cli.k8s.JobManifests} turns it into typed fabric8
 * Jobs, one per stage (load, load finish, injectors, merge); {@link io.loadbench.cli.k8s.ManifestYaml} owns their
 * YAML. {@code render} writes them; {@code run} applies each through {@link io.loadbench.cli.k8s.Kubectl} once the
 * one before it has completed, since Kubernetes has no order between Jobs, and the injectors' start instant is fixed
 * when their Job is rendered.
 */
package io.loadbench.cli.k8s;
