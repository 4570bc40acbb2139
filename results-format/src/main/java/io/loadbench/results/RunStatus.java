package io.loadbench.results;

/** How a run ended; RUNNING while it runs, and forever if the process died before finishing. */
public enum RunStatus {
    RUNNING,
    OK,
    FAILED
}
