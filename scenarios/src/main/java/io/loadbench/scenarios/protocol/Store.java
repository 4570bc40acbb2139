package io.loadbench.scenarios.protocol;

/** The datastores a request can go to; the protocol opens a store's pool only if some request uses it. */
public enum Store {
    POSTGRES("PostgreSQL"),
    REDIS("Redis");

    private final String displayName;

    Store(String displayName) {
        this.displayName = displayName;
    }

    /** As messages name it. */
    public String displayName() {
        return displayName;
    }
}
