package io.loadbench.loader.datasets.analytics;

/**
 * The analytics seed's event types and their mix: page views 60%, clicks 28%, conversions 10%,
 * sign-ups 1.5%, purchases 0.5%. {@link #code()} is what the {@code event_type} column and the Redis keys
 * hold.
 */
public enum EventType {
    PAGE_VIEW("page_view", 60.0),
    CLICK("click", 28.0),
    CONVERSION("conversion", 10.0),
    SIGN_UP("sign_up", 1.5),
    PURCHASE("purchase", 0.5);

    private static final EventType[] VALUES = values();

    private final String code;
    private final double sharePercent;

    EventType(String code, double sharePercent) {
        this.code = code;
        this.sharePercent = sharePercent;
    }

    public String code() {
        return code;
    }

    /** The seed's share of all events, in percent. */
    public double sharePercent() {
        return sharePercent;
    }

    /** All types in declaration order (no defensive copy: callers must not modify). */
    static EventType[] all() {
        return VALUES;
    }
}
