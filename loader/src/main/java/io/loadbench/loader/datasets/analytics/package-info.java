/**
 * The {@code analytics} dataset (seed 002, a multi-tenant SaaS analytics platform): organisations, users
 * and events in PostgreSQL, and in Redis the counters that live events {@code INCR} and the cache entries
 * a dashboard reads, warmed so a cache workload starts at its hit-ratio target.
 *
 * <h2>PostgreSQL</h2>
 * <ul>
 *   <li>{@code analytics_orgs(org_id, name, plan, created_at)}: {@code --orgs} rows, {@code org_id} 1..orgs.</li>
 *   <li>{@code analytics_users(user_id, org_id, email, name, role, created_at)}: {@code --users-per-org}
 *   per organisation; user {@code u} (1-based) belongs to organisation {@code (u - 1) / usersPerOrg + 1}.</li>
 *   <li>{@code analytics_events(event_id, org_id, user_id, event_type, hour_bucket, occurred_at, session_id,
 *   properties)}: {@code --rows} events. Organisation activity follows a Zipf-like weight {@code 1/org_id};
 *   types follow the seed's mix (page_view 60%, click 28%, conversion 10%, sign_up 1.5%, purchase 0.5%),
 *   apportioned exactly within each organisation; hours follow a business-day curve (09-17 UTC carry 60%);
 *   users within an organisation follow the 80/20 rule.</li>
 * </ul>
 * The window is {@code --time-buckets} hours from 2026-01-05T00:00Z (a Monday); {@code hour_bucket}
 * {@code b} covers {@code [start + b h, start + (b+1) h)}.
 *
 * <h2>Redis key scheme (read by the cache scenarios)</h2>
 * All keys start with {@code --key-prefix} (default {@code lb:analytics}, written {@code P} below);
 * {@code <org>} is the 1-based {@code org_id}, {@code <type>} one of {@code page_view click conversion
 * sign_up purchase}, {@code <bucket>} the 0-based hour bucket.
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>holds</th><th>TTL</th></tr>
 *   <tr><td>{@code P:cnt:<org>:<type>:<bucket>}</td><td>integer string: events of that organisation, type and
 *   hour (equal to the PostgreSQL count); every organisation x type x bucket exists, 0 included. A live event
 *   does {@code INCR}. Always a string, whatever {@code --redis-type}.</td><td>none</td></tr>
 *   <tr><td>{@code P:dash:<org>}</td><td>dashboard overview of the organisation (see below)</td><td>{@code --ttl}</td></tr>
 *   <tr><td>{@code P:q:<org>:<type>:<bucket>}</td><td>a filtered query's result: one type in one hour
 *   (see below); only the warmed subset exists after a load</td><td>{@code --ttl}</td></tr>
 *   <tr><td>{@code P:meta}</td><td>hash: {@code schema_version, orgs, users_per_org, time_buckets,
 *   window_start_epoch_s, event_types, redis_type, ttl_s, cache_hit_target_pct, dashboards_warmed,
 *   filtered_warmed, filtered_keys, expected_hit_pct, seed}; written last, so its presence means the fill
 *   completed</td><td>none</td></tr>
 * </table>
 * Cache entry values by {@code --redis-type}:
 * <ul>
 *   <li>{@code string}: {@code GET} returns JSON. Dashboard: {@code {"org_id":1,"events":N,"by_type":{"page_view":n,...},
 *   "conversion_rate":0.1667,"hourly":[n0,...]}}; filtered: {@code {"org_id":1,"event_type":"click",
 *   "bucket":7,"events":n,"share_of_type":0.0512,"per_minute":1.2333}}.</li>
 *   <li>{@code json}: the same documents via {@code JSON.SET key $} (read {@code JSON.GET key}); needs RedisJSON,
 *   the load fails up front with a clear message when the server lacks it.</li>
 *   <li>{@code hash}: dashboard fields {@code events, conversion_rate, page_view, click, conversion, sign_up,
 *   purchase, h0..h<buckets-1>}; filtered fields {@code events, share_of_type, per_minute}.</li>
 *   <li>{@code list}: dashboard = the hourly totals, bucket order ({@code LRANGE key 0 -1}); filtered = twelve
 *   five-minute slice counts.</li>
 *   <li>{@code set}: dashboard members {@code <type>:<count>}; filtered members {@code m<minute>:<count>}
 *   ({@code m0 ... m55}).</li>
 *   <li>{@code sorted-set}: dashboard = types scored by count; filtered = {@code m0 ... m55} scored by count
 *   ({@code ZRANGE key 0 -1 WITHSCORES}).</li>
 * </ul>
 *
 * <h2>Hit-ratio warming</h2>
 * See {@link io.loadbench.loader.datasets.analytics.CacheWarming}: with the seed's 70% dashboard / 20%
 * filtered / 10% real-time mix and a 95% target, every dashboard entry and 77.5% of the filtered entries
 * (an unbiased hash sample) are warmed; a workload choosing keys independently of that sample starts at
 * 95% of its cacheable lookups hitting. Entries expire after {@code --ttl} seconds (default 300, the seed's
 * CACHE_TTL): the workload is expected to refill on miss (cache-aside) or start within the TTL.
 */
package io.loadbench.loader.datasets.analytics;
