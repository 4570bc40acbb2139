package io.loadbench.scenarios.protocol;

/** The datastores a request can go to; the protocol opens a store's pool only if some request uses it. */
public enum Store {
    POSTGRES,
    REDIS
}
