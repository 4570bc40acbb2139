/**
 * Results stores: where the shards of a scaled-out run publish their finished run folders, and where the merge fetches
 * them from. {@link io.loadbench.results.store.ResultStore} is the one extension point (its javadoc lists what every
 * store must do: above all, upload the completion marker last); {@link io.loadbench.results.store.FileResultStore} is a
 * folder, {@link io.loadbench.results.store.S3ResultStore} a bucket. {@code ResultStore.of(uri)} picks one from a URI.
 */
package io.loadbench.results.store;
