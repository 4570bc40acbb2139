package io.loadbench.report.read;

/**
 * Latency of one request name of a simulation, from {@code hdr/<request>.intended.hlog} and
 * {@code hdr/<request>.service.hlog}.
 *
 * @param intended latency from the intended start (the number of record); null if that log is absent
 * @param service service time, from the moment a connection was held; null if that log is absent
 * @param throughputPerSecond requests per second over the measured window; a merged run carries the sum of
 *                            its sources' throughputs here
 */
public record RequestLatency(String request, MeasuredHistogram intended, MeasuredHistogram service,
                             double throughputPerSecond) {

    /** The histogram of record: intended when present, else service time. */
    public MeasuredHistogram primary() {
        return intended != null ? intended : service;
    }
}
