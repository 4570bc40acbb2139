/**
 * The {@code commerce} dataset (seed 001, e-commerce performance data for incident investigation):
 * {@code commerce_transactions}, one row per transaction, with its service and endpoint, status, HTTP
 * status, response time, error type and message, the period it fell in ({@code normal}, {@code incident},
 * {@code recovery}), the incident's id and type, customer, amount, and the infrastructure metrics of the
 * host at that moment (CPU, memory, DB pool, thread pool, GC pause, circuit breaker, upstream latency).
 *
 * <p>Traffic follows the seed's daily schedule and incidents its five types, durations (5-15 min),
 * response times (5,000-35,000 ms), error rates (25-40%) and recovery periods (5-10 min, impact fading
 * linearly); see {@link io.loadbench.loader.datasets.commerce.CommerceTimeline} and
 * {@link io.loadbench.loader.datasets.commerce.IncidentType}. Normal operation: 200-800 ms, 1-2% errors.
 * Memory pressure degrades gradually; circuit-breaker incidents show the breaker open, then half-open.
 *
 * <p>With {@code --out DIR} the same rows are also written, after the table, as
 * {@code commerce_transactions.bulk.ndjson} (the OpenSearch/Elasticsearch {@code _bulk} format: an
 * {@code {"index":{"_index":"ecommerce_performance_demo","_id":"<transaction_id>"}}} line before each
 * document, {@code event_time} named {@code @timestamp} as the seed's index pattern expects) with
 * {@code commerce_transactions.mapping.json} beside it, and as {@code commerce_transactions.csv};
 * {@code --gzip} compresses them:
 * <pre>
 * curl -X PUT  localhost:9200/ecommerce_performance_demo -H 'Content-Type: application/json' -d @commerce_transactions.mapping.json
 * curl -X POST localhost:9200/_bulk -H 'Content-Type: application/x-ndjson' --data-binary @commerce_transactions.bulk.ndjson
 * </pre>
 */
package io.loadbench.loader.datasets.commerce;
