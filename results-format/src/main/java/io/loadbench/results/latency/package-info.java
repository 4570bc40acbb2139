/**
 * Latency of record: per-request HdrHistograms, their interval logs and percentile distributions.
 *
 * <p>Every request a workload issues is recorded twice, in microseconds:
 * <ul>
 *   <li><b>intended</b>: from the intended start (the moment the virtual user asked for the request) to the
 *       reply, so executor queueing and connection-pool waits count against the datastore, as a user would
 *       feel them (no coordinated omission);</li>
 *   <li><b>service</b>: from the moment a connection was held to the reply, the datastore's own time.</li>
 * </ul>
 *
 * <p>{@link io.loadbench.results.latency.RequestLatencyRecorder} holds the two HdrHistogram {@code Recorder}s of
 * one request name (many writer threads, one reader); {@link io.loadbench.results.latency.LatencyRecorders} hands
 * them out by name. {@link io.loadbench.results.latency.LatencyIntervalLog} is the single reader: on every tick it
 * takes the interval histograms and appends them to {@code hdr/<request>.intended.hlog} and
 * {@code hdr/<request>.service.hlog} (one file per request name and kind; every interval line carries the
 * request name as its tag), and at the end writes {@code hdr/<request>.intended.hgrm} /
 * {@code .service.hgrm} (HdrHistogram's percentile distribution, values in milliseconds).
 *
 * <p><b>Warm-up</b> is recorded, never mixed in: intervals that end at or before the warm-up boundary are
 * written to the same interval log with the tag {@code <request>.warmup} and are kept out of the totals and
 * the {@code .hgrm} files; the log carries a {@code #warm-up ended} comment at the boundary. Readers that
 * want the measured phase select the tag {@code <request>} ({@link io.loadbench.results.latency.LatencyLogReader}).
 */
package io.loadbench.results.latency;
