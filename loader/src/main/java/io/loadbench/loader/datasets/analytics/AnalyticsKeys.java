package io.loadbench.loader.datasets.analytics;

/**
 * The analytics Redis key names (see the package documentation for the full scheme). Organisations are
 * named by their 1-based {@code org_id}, buckets by their 0-based index in the window.
 */
public final class AnalyticsKeys {

    private final String prefix;

    public AnalyticsKeys(String prefix) {
        this.prefix = prefix;
    }

    /** {@code <prefix>:meta}: a hash describing the load (see the package documentation). */
    public String meta() {
        return prefix + ":meta";
    }

    /**
     * {@code <prefix>:loadbench}: the marker a fill writes before its first key (a string naming the fill's
     * layout); {@code drop} deletes keys under a prefix only when this marker is there and names its layout.
     */
    public String marker() {
        return prefix + ":loadbench";
    }

    /** {@code <prefix>:cnt:<org_id>:<event_type>:<bucket>}: an integer string, INCR-able. */
    public String counter(int orgId, EventType type, int bucket) {
        return prefix + ":cnt:" + orgId + ":" + type.code() + ":" + bucket;
    }

    /** {@code <prefix>:dash:<org_id>}: the dashboard-overview cache entry. */
    public String dashboard(int orgId) {
        return prefix + ":dash:" + orgId;
    }

    /** {@code <prefix>:q:<org_id>:<event_type>:<bucket>}: a filtered-query cache entry. */
    public String filtered(int orgId, EventType type, int bucket) {
        return prefix + ":q:" + orgId + ":" + type.code() + ":" + bucket;
    }

    /** The SCAN pattern matching every key of this load (the prefix holds no glob characters). */
    public String pattern() {
        return prefix + ":*";
    }
}
