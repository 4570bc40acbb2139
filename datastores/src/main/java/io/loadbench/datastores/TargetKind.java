package io.loadbench.datastores;

/** Where the PostgreSQL and Redis servers of a run come from. Recorded as {@code target.kind} in every manifest. */
public enum TargetKind {
    /** Real servers started by loadbench from Maven Central binaries on free loopback ports; the default. */
    EMBEDDED,
    /** Servers the user named with {@code --pg-url} / {@code --redis-url} or the environment. */
    EXTERNAL,
    /** Servers started by Testcontainers in a local Docker engine ({@code --target containers}). */
    CONTAINERS
}
