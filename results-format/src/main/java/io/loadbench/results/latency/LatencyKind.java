package io.loadbench.results.latency;

/** The two latencies recorded for every request; the name is the file-name infix. */
public enum LatencyKind {
    /** From the intended start: queueing, pool waits and service time together. */
    INTENDED("intended"),
    /** From the moment a connection was held to the reply. */
    SERVICE("service");

    private final String fileInfix;

    LatencyKind(String fileInfix) {
        this.fileInfix = fileInfix;
    }

    public String fileInfix() {
        return fileInfix;
    }

    /** {@code <request>.<kind>.hlog}. */
    public String hlogFileName(String requestName) {
        return LatencyRecorders.fileName(requestName) + "." + fileInfix + ".hlog";
    }

    /** {@code <request>.<kind>.hgrm}. */
    public String hgrmFileName(String requestName) {
        return LatencyRecorders.fileName(requestName) + "." + fileInfix + ".hgrm";
    }
}
