package io.loadbench.datastores.embedded;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings loadbench gives the servers it starts itself: the <em>benchmark policy</em> of the embedded target,
 * in one place, each with its reason. It is applied at start and written to every manifest
 * ({@code target.postgres.embeddedPolicy}, {@code target.redis.embeddedPolicy}) so a reader knows what was measured.
 *
 * <p>The policy is honest about what it measures: <b>durability is off</b>. Throw-away embedded servers
 * measure the database engine (parsing, planning, executing, WAL generation, buffer management, COPY, indexes)
 * and this machine's CPU and memory, not its disk's flush latency. Numbers from the embedded target are
 * therefore <em>not</em> what a durable production server would show for write-heavy work; to measure that,
 * point loadbench at a server of your own ({@code --pg-url}) configured as in production; its settings are
 * recorded in the manifest just the same.
 *
 * <p>Not a setting but recorded all the same ({@code data_checksums} in the manifest's settings): PostgreSQL 18's
 * initdb enables data checksums by default and loadbench keeps that, as servers initialised by 18 in production
 * have them; they cost a little CPU per page written and read from the OS cache.
 *
 * <p>Memory sizes are fixed, not derived from the machine, so two machines run the same experiment; they fit
 * a laptop with 8 GB (PostgreSQL touches shared_buffers lazily, so an idle server costs far less).
 */
public final class EmbeddedPolicy {

    /** A setting and why loadbench chose it. */
    public record Setting(String name, String value, String reason) {
    }

    /** Short name of this policy version; change it whenever a value below changes. */
    public static final String NAME = "loadbench-embedded-2";

    /** What the policy measures, written beside the settings in each manifest. */
    public static final String SUMMARY = "Benchmark policy, not a production configuration: durability is off "
            + "(fsync, synchronous_commit, full_page_writes, Redis persistence), so the embedded target measures the "
            + "database engine, CPU and memory of this machine, not disk flushes. Use --pg-url/--redis-url for a "
            + "server configured as in production.";

    private static final List<Setting> POSTGRES = List.of(
            new Setting("listen_addresses", "127.0.0.1",
                    "loopback only; logins need the superuser's random per-server password (scram-sha-256), "
                            + "so other local users cannot reach the data either"),
            new Setting("max_connections", "300",
                    "the 10,000-user Gatling scenarios reach PostgreSQL through bounded pools (about 200 connections in all); "
                            + "300 leaves room for the loader's COPY workers, verification and psql"),
            new Setting("fsync", "off",
                    "benchmark policy: measure the engine, not the disk's flush latency; the data is thrown away at exit"),
            new Setting("synchronous_commit", "off",
                    "stated explicitly (fsync off already makes commits cheap) so the manifest shows it whatever the "
                            + "binaries' defaults are"),
            new Setting("full_page_writes", "off",
                    "torn-page protection only matters for crash recovery, which a throw-away server never does; "
                            + "keeping it on would inflate WAL volume right after each checkpoint and make load rates saw-toothed"),
            new Setting("wal_level", "minimal",
                    "no replication or archiving here; minimal WAL is what a dedicated bulk-load server uses. "
                            + "Caveat: COPY into a table created or truncated in the same transaction then skips WAL, "
                            + "which a replicated production server (replica or logical) cannot do"),
            new Setting("max_wal_senders", "0", "required by wal_level=minimal"),
            new Setting("shared_buffers", "512MB",
                    "large enough that the benchmarks' hot working sets (indexes of a few million rows) stay in "
                            + "PostgreSQL's cache, small enough for an 8 GB laptop"),
            new Setting("effective_cache_size", "2GB",
                    "planner hint only (no memory is allocated): shared_buffers plus a modest OS page cache"),
            new Setting("work_mem", "16MB",
                    "per sort/hash node per connection: 16MB keeps the scenarios' aggregates in memory while 300 "
                            + "connections cannot exhaust a laptop"),
            new Setting("maintenance_work_mem", "256MB",
                    "index builds and VACUUM after a bulk load; larger values stop helping at these table sizes"),
            new Setting("max_wal_size", "4GB",
                    "keeps checkpoints from being triggered by WAL volume in the middle of a measured load"),
            new Setting("checkpoint_timeout", "15min",
                    "fewer timed checkpoints during a run; with fsync off they are cheap, but they still write every dirty buffer"),
            new Setting("jit", "off",
                    "JIT compilation adds tens of milliseconds to the first executions of large queries, which would "
                            + "show up as tail latency in short benchmarks; recorded so external servers can be compared"),
            new Setting("huge_pages", "off",
                    "the default 'try' silently depends on the host's hugepage reservation; off makes runs comparable across machines"),
            new Setting("timezone", "UTC", "timestamptz values print the same on every machine"),
            new Setting("log_min_messages", "warning", "keep the embedded server's log short"));

    private static final List<Setting> REDIS = List.of(
            new Setting("bind", "127.0.0.1",
                    "loopback only; requirepass is set to a random per-server password (never recorded), so other "
                            + "local users cannot reach the data either"),
            new Setting("save", "\"\"", "no RDB snapshots: a fork and a disk write in the middle of a measurement would distort it"),
            new Setting("appendonly", "no", "no AOF: measures Redis itself, not fsync of its log (same policy as PostgreSQL)"),
            new Setting("maxmemory", "0", "no limit: eviction is a property of a workload, which sets it explicitly when it wants one"),
            new Setting("maxmemory-policy", "noeviction", "Redis's default, stated so the manifest records it"));

    private EmbeddedPolicy() {
    }

    /** PostgreSQL server settings, in the order above. */
    public static List<Setting> postgresSettings() {
        return POSTGRES;
    }

    /** Redis server settings, in the order above. */
    public static List<Setting> redisSettings() {
        return REDIS;
    }

    /** The PostgreSQL part as it appears in a manifest: name, summary, and each setting with its value and reason. */
    public static Map<String, Object> describePostgres() {
        return describe(POSTGRES);
    }

    /** The Redis part as it appears in a manifest. */
    public static Map<String, Object> describeRedis() {
        return describe(REDIS);
    }

    private static Map<String, Object> describe(List<Setting> settings) {
        Map<String, Object> bySetting = new TreeMap<>();
        for (Setting setting : settings) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("value", setting.value());
            entry.put("reason", setting.reason());
            bySetting.put(setting.name(), entry);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", NAME);
        description.put("summary", SUMMARY);
        description.put("settings", bySetting);
        return Collections.unmodifiableMap(description);
    }
}
