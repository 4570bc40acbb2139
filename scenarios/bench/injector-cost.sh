#!/usr/bin/env bash
# What the loadbench injector spends per request, beside pgbench and redis-benchmark doing the same work on the
# same servers. Run with --help for the options and for what it prints.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scenarios/bench/injector-cost.sh [options]

Measures the loadbench injector (Gatling + the datastore protocol) against the native clients, in rounds;
each round runs, interleaved (odd rounds harness first, even rounds native client first):

  SQL        harness: WeatherUsersSimulation, closed model, <connections> users, no think time,
                      -Dquery=summary (the seed's five query cities), pgPool=<connections>
             pgbench: pgbench -n -M prepared -c <connections> -j 2 -T <duration>, the same SELECT on one
                      of the same five cities at random (one script per city, equal weights)
  Redis GET  harness: io.loadbench.scenarios.bench.RedisGetSimulation, <connections> users looping on
                      GET, no think time, redisPool=<connections>, over <keys> keys it SETs and deletes
             redis-benchmark: -c <connections> -n <requests> -r <keys> -P 1, GET on the same keys
                      (<prefix>:<12-digit index>, <value-bytes>-byte values, SET before and deleted after)

Options:
  -d, --duration SECONDS   measured seconds per leg (default 30)
  -r, --rounds N           rounds (default 3)
  -c, --connections N      connections = concurrent users = pool size, on every leg (default 32)
  -w, --warmup SECONDS     harness warm-up (JIT), run inside the hold and excluded: the harness holds
                           warmup + duration seconds and measures the last <duration> (default 20: the JIT compiles for about 15 s)
  -k, --keys N             Redis keyspace (default 10000)
      --value-bytes N      Redis value size (default 64)
      --redis-requests N   redis-benchmark -n (default: a short calibration run's rate x duration, so the
                           leg lasts about <duration> seconds; the same N in every round)
      --workloads LIST     sql,redis (default both)
  -o, --out DIR            where the raw figures and the harness run folders go (default results/bench)
      --no-build           do not rebuild first (by default: mvn -q -pl scenarios -am install -DskipTests,
                           so the harness measured is the code in this working tree)
  -h, --help               this text

Environment:
  LOADBENCH_PG_URL      PostgreSQL, JDBC or libpq URL (default postgresql://postgres@127.0.0.1:5432/test);
                        it must hold the weather dataset (the summary table weather_location_summary)
  LOADBENCH_REDIS_URL   Redis (default redis://127.0.0.1:6379)
  MVN                   the Maven command (default mvn); MVN_ARGS: extra Maven arguments, e.g.
                        -Dmaven.repo.local=...

What it prints, per round and then the median of the rounds, one line per workload:
  harness/s     requests per second the harness achieved (scenario.json rate.achievedRequestsPerSecond)
  peer/s        pgbench tps (without initial connection time) / redis-benchmark requests per second
  ratio         harness/s / peer/s
  harness us/req injector CPU per request: scenario.json injector.cpuMicrosPerRequest when present, else
                injector.cpuCoresUsed x 1e6 / achieved rate (the forked Gatling JVM, measured window only)
  peer us/req   the native client's own process CPU (user + system) / transactions or GETs
  verdict       the harness run's verdict (a FAILED run, e.g. an injector stall, is still measured)
with the machine's CPU steal over the round (/proc/stat: steal delta / total delta) and the load average at
the round's end. PostgreSQL, Redis and the client share the machine: run it on an otherwise idle machine.
The raw figures go to <out>/injector-cost-<UTC timestamp>.txt, the harness run folders and every client's
output to <out>/injector-cost-<UTC timestamp>/.
EOF
}

die() {
    echo "injector-cost: $*" >&2
    exit 1
}

duration=30
rounds=3
connections=32
warmup=20
keys=10000
value_bytes=64
redis_requests=
workloads=sql,redis
out=
build=true

while [[ $# -gt 0 ]]; do
    case "$1" in
        -d|--duration) duration=${2:?--duration needs a value}; shift 2 ;;
        -r|--rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
        -c|--connections) connections=${2:?--connections needs a value}; shift 2 ;;
        -w|--warmup) warmup=${2:?--warmup needs a value}; shift 2 ;;
        -k|--keys) keys=${2:?--keys needs a value}; shift 2 ;;
        --value-bytes) value_bytes=${2:?--value-bytes needs a value}; shift 2 ;;
        --redis-requests) redis_requests=${2:?--redis-requests needs a value}; shift 2 ;;
        --workloads) workloads=${2:?--workloads needs a value}; shift 2 ;;
        -o|--out) out=${2:?--out needs a value}; shift 2 ;;
        --no-build) build=false; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

for option in duration rounds connections keys value_bytes; do
    [[ ${!option} =~ ^[1-9][0-9]*$ ]] || die "--${option//_/-} must be a positive whole number, got '${!option}'"
done
[[ $warmup =~ ^[0-9]+$ ]] || die "--warmup must be a whole number of seconds, got '$warmup'"
[[ -z $redis_requests || $redis_requests =~ ^[1-9][0-9]*$ ]] || die "--redis-requests must be a positive whole number"
run_sql=false
run_redis=false
IFS=, read -r -a wanted <<<"$workloads"
for workload in "${wanted[@]}"; do
    case "$workload" in
        sql) run_sql=true ;;
        redis) run_redis=true ;;
        *) die "--workloads takes sql, redis or both, got '$workload'" ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${out:-$root/results/bench}
mvn_cmd=${MVN:-mvn}
read -r -a mvn_args <<<"${MVN_ARGS:-}"
pg_url=${LOADBENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/test}
redis_url=${LOADBENCH_REDIS_URL:-redis://127.0.0.1:6379}
# psql and pgbench read the libpq form; a JDBC URL is that form behind "jdbc:" (user and password as parameters)
pg_libpq=${pg_url#jdbc:}
redis_prefix=lb:bench
# WeatherLocations.QUERY_CITIES, which -Dlocations=seed-cities draws from
cities=("New York" "Los Angeles" "Chicago" "Houston" "Phoenix")

masked() {
    sed -E 's#(//[^:/@]*:)[^@/]*@#\1***@#; s#([?&]password=)[^&]*#\1***#' <<<"$1"
}

# --- prerequisites: one line each when missing ---------------------------------------------------------------
for tool in awk sed sort; do
    command -v "$tool" >/dev/null || die "$tool is not on PATH"
done
if $run_sql; then
    command -v pgbench >/dev/null || die "pgbench is not on PATH (install the PostgreSQL client tools)"
    command -v psql >/dev/null || die "psql is not on PATH (install the PostgreSQL client tools)"
fi
if $run_redis; then
    command -v redis-benchmark >/dev/null || die "redis-benchmark is not on PATH (install the Redis tools)"
    command -v redis-cli >/dev/null || die "redis-cli is not on PATH (install the Redis tools)"
fi
command -v "$mvn_cmd" >/dev/null || die "$mvn_cmd is not on PATH (set MVN to the Maven command)"
[[ -r /proc/stat && -r /proc/loadavg ]] || die "/proc/stat and /proc/loadavg are needed (Linux only)"

psql_value() {
    psql "$pg_libpq" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"
}

if $run_sql; then
    psql_value 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL at $(masked "$pg_url") does not answer (psql failed; set LOADBENCH_PG_URL)"
    if [[ -z $(psql_value "SELECT to_regclass('weather_location_summary')") ]]; then
        die "the weather dataset is missing on $(masked "$pg_url") (no weather_location_summary); load it with:" \
            "java -jar loader/target/loadbench-loader.jar load weather --rows 1M --pg-url '$(masked "$pg_url")'"
    fi
    # the simulation verifies the dataset at the plan it is given: the plan of the load that is there
    weather_plan=$(psql_value "SELECT (plan->>'rows') || ' ' || (plan->>'seed') FROM loadbench_loads
        WHERE dataset = 'weather' AND completed_at IS NOT NULL ORDER BY completed_at DESC LIMIT 1" 2>/dev/null || true)
    [[ -n $weather_plan ]] || die "no completed weather load is recorded in loadbench_loads on $(masked "$pg_url"); load it with:" \
        "java -jar loader/target/loadbench-loader.jar load weather --rows 1M --pg-url '$(masked "$pg_url")'"
    read -r weather_rows weather_seed <<<"$weather_plan"
fi
if $run_redis; then
    [[ $(redis-cli -u "$redis_url" ping 2>/dev/null) == PONG ]] \
        || die "Redis at $(masked "$redis_url") does not answer PING (set LOADBENCH_REDIS_URL)"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
raw="$out/injector-cost-$stamp.txt"
legs="$out/injector-cost-$stamp"
mkdir -p "$legs"

if $build; then
    echo "building the harness (mvn -pl scenarios -am install -DskipTests) ..."
    (cd "$root" && "$mvn_cmd" -B -q -pl scenarios -am install -DskipTests "${mvn_args[@]}") >"$legs/build.log" 2>&1 \
        || die "the build failed: see $legs/build.log"
fi
[[ -f $root/scenarios/target/test-classes/io/loadbench/scenarios/bench/RedisGetSimulation.class ]] \
    || die "the scenarios module is not built: run mvn install -DskipTests (or drop --no-build)"

# --- measuring helpers --------------------------------------------------------------------------------------
# /proc/stat's first line: user nice system idle iowait irq softirq steal (guest time is inside user)
cpu_snapshot() {
    awk '/^cpu / { total = 0; for (i = 2; i <= 9; i++) total += $i; print $9, total; exit }' /proc/stat
}

steal_ratio() {  # before after
    awk -v b="$1" -v a="$2" 'BEGIN { split(b, x, " "); split(a, y, " "); d = y[2] - x[2];
        printf "%.4f", (d > 0 ? (y[1] - x[1]) / d : 0) }'
}

# the first number after "name" : in a pretty-printed JSON file, empty when absent
json_number() {
    sed -nE "s/.*\"$1\" *: *(-?[0-9][0-9.eE+-]*).*/\\1/p" "$2" | head -n 1
}

json_string() {
    sed -nE "s/.*\"$1\" *: *\"([^\"]*)\".*/\\1/p" "$2" | head -n 1
}

# with_cpu LOG COMMAND...: runs COMMAND with its output in LOG, and its process CPU (user + system seconds,
# threads and children included, as bash's time keyword reports it) in LOG.time
with_cpu() {
    local log=$1
    shift
    local TIMEFORMAT='%3U %3S'
    { time "$@" >"$log" 2>&1; } 2>"$log.time"
}

cpu_seconds() {
    awk 'END { print $1 + $2 }' "$1.time"
}

# reads one harness run folder into harness_rate, harness_us, harness_cores, harness_status
read_harness() {
    local folder=$1 scenario
    scenario=$(find "$folder" -mindepth 2 -maxdepth 2 -name scenario.json | head -n 1)
    harness_rate=NA harness_us=NA harness_cores=NA harness_status=NO-RESULT
    [[ -n $scenario ]] || return 0
    harness_rate=$(json_number achievedRequestsPerSecond "$scenario")
    harness_cores=$(json_number cpuCoresUsed "$scenario")
    harness_status=$(json_string status "$scenario")
    harness_us=$(json_number cpuMicrosPerRequest "$scenario")
    if [[ -z $harness_us ]]; then
        harness_us=$(awk -v c="$harness_cores" -v r="$harness_rate" 'BEGIN { printf "%.2f", (r > 0 ? c * 1e6 / r : 0) }')
    fi
    harness_rate=${harness_rate:-NA} harness_cores=${harness_cores:-NA} harness_status=${harness_status:-NO-STATUS}
}

harness_sql() {
    local dir=$1
    # ramp: connections users at connections users/s = 1 s; warm-up = ramp + JIT warm-up; the rest of the hold is measured
    (cd "$root" && env -u LOADBENCH_REDIS_URL LOADBENCH_PG_URL="$pg_url" "$mvn_cmd" -B -pl scenarios gatling:test "${mvn_args[@]}" \
        -Dgatling.simulationClass=io.loadbench.scenarios.simulations.WeatherUsersSimulation -Dpreset=demo \
        -Drows="$weather_rows" -Dseed="$weather_seed" -Dusers="$connections" -DrampRate="$connections" \
        -Dhold=$((warmup + duration))s -Dwarmup=$((1 + warmup))s -DthinkMin=0s -DthinkMax=0s -Dquery=summary \
        -Dlocations=seed-cities -DpgPool="$connections" -Dlabel=injector-cost -Dloadbench.results="$dir") \
        >"$dir.log" 2>&1 || true
    read_harness "$dir"
}

harness_redis() {
    local dir=$1
    (cd "$root" && env -u LOADBENCH_PG_URL LOADBENCH_REDIS_URL="$redis_url" "$mvn_cmd" -B -pl scenarios gatling:test "${mvn_args[@]}" \
        -Dgatling.simulationClass=io.loadbench.scenarios.bench.RedisGetSimulation -Dpreset=bench \
        -Dusers="$connections" -Dramp=1s -Dhold=$((warmup + duration))s -Dwarmup=$((1 + warmup))s \
        -Dkeys="$keys" -DvalueBytes="$value_bytes" -DkeyPrefix="$redis_prefix" -DredisPool="$connections" \
        -Dlabel=injector-cost -Dloadbench.results="$dir") \
        >"$dir.log" 2>&1 || true
    read_harness "$dir"
}

pgbench_scripts="$legs/pgbench"
mkdir -p "$pgbench_scripts"
pgbench_files=()
for i in "${!cities[@]}"; do
    printf "SELECT avg_temperature FROM weather_location_summary WHERE location = '%s';\n" "${cities[$i]}" \
        >"$pgbench_scripts/city$i.sql"
    pgbench_files+=(-f "$pgbench_scripts/city$i.sql@1")
done

# reads into peer_rate, peer_us, peer_cpu, peer_count
peer_sql() {
    local log=$1
    peer_rate=NA peer_us=NA peer_cpu=NA peer_count=NA
    with_cpu "$log" timeout $((duration * 3 + 60)) pgbench -n -M prepared -c "$connections" -j 2 -T "$duration" \
        "${pgbench_files[@]}" "$pg_libpq" || return 0
    peer_count=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$log")
    peer_rate=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$log")
    peer_cpu=$(cpu_seconds "$log")
    peer_us=$(awk -v c="$peer_cpu" -v n="$peer_count" 'BEGIN { printf "%.2f", (n > 0 ? c * 1e6 / n : 0) }')
    peer_rate=${peer_rate:-NA} peer_count=${peer_count:-NA}
}

redis_keys() {  # SET or DEL
    awk -v cmd="$1" -v n="$keys" -v p="$redis_prefix" -v b="$value_bytes" 'BEGIN {
        v = ""; for (i = 0; i < b; i++) v = v "v";
        for (i = 0; i < n; i++) {
            if (cmd == "SET") printf "SET %s:%012d %s\r\n", p, i, v; else printf "DEL %s:%012d\r\n", p, i
        } }' | redis-cli -u "$redis_url" --pipe >/dev/null
}

# the requests per second of redis-benchmark --csv output: the line of the GET test
csv_rate() {
    awk -F'"' '$2 ~ /^GET/ { print $4; exit }' "$1"
}

peer_redis() {
    local log=$1
    peer_rate=NA peer_us=NA peer_cpu=NA peer_count=$redis_requests
    redis_keys SET
    with_cpu "$log" timeout $((duration * 4 + 60)) redis-benchmark -u "$redis_url" -c "$connections" -n "$redis_requests" \
        -r "$keys" -P 1 --csv GET "$redis_prefix:__rand_int__" || { redis_keys DEL; return 0; }
    redis_keys DEL
    peer_rate=$(csv_rate "$log")
    peer_cpu=$(cpu_seconds "$log")
    peer_us=$(awk -v c="$peer_cpu" -v n="$redis_requests" 'BEGIN { printf "%.2f", c * 1e6 / n }')
    peer_rate=${peer_rate:-NA}
}

# the keys the redis-benchmark legs SET go, whatever ends the script (the simulation deletes its own)
$run_redis && trap 'redis_keys DEL >/dev/null 2>&1 || true' EXIT

# --- the run ------------------------------------------------------------------------------------------------
{
    echo "# injector-cost $stamp"
    echo "# commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "# host $(uname -n), $(nproc) CPUs, $(uname -sr)"
    echo "# duration=${duration}s rounds=$rounds connections=$connections warmup=${warmup}s keys=$keys valueBytes=$value_bytes"
    echo "# pg=$(masked "$pg_url") redis=$(masked "$redis_url")${weather_rows:+ weather rows=$weather_rows seed=$weather_seed}"
} >"$raw"

if $run_redis && [[ -z $redis_requests ]]; then
    redis_keys SET
    redis-benchmark -u "$redis_url" -c "$connections" -n 20000 -r "$keys" -P 1 --csv GET "$redis_prefix:__rand_int__" \
        >"$legs/redis-calibration.csv" 2>&1 || die "redis-benchmark failed on $(masked "$redis_url"): see $legs/redis-calibration.csv"
    redis_keys DEL
    calibrated=$(csv_rate "$legs/redis-calibration.csv")
    [[ -n $calibrated ]] || die "redis-benchmark printed no GET rate: see $legs/redis-calibration.csv"
    redis_requests=$(awk -v r="$calibrated" -v d="$duration" 'BEGIN { printf "%d", r * d }')
    echo "redis-benchmark calibration: $calibrated GET/s, so -n $redis_requests for ${duration}s legs"
fi
echo "# redisRequests=${redis_requests:-none}" >>"$raw"
echo "round workload harness_rps harness_cores harness_us_per_req harness_verdict peer_rps peer_cpu_s peer_count peer_us_per_req ratio leg_steal round_steal loadavg_1m_5m_15m" >>"$raw"

print_header() {
    printf '%-10s %11s %11s %7s %15s %12s  %s\n' workload harness/s peer/s ratio "harness us/req" "peer us/req" verdict
}

print_line() {  # workload harness peer ratio harness_us peer_us verdict
    LC_ALL=C printf '%-10s %11s %11s %7s %15s %12s  %s\n' "$1" "$(fmt0 "$2")" "$(fmt0 "$3")" "$(fmt2 "$4")" \
        "$(fmt1 "$5")" "$(fmt1 "$6")" "$7"
}

fmt0() { [[ $1 == NA ]] && echo NA || LC_ALL=C printf '%.0f' "$1"; }
fmt1() { [[ $1 == NA ]] && echo NA || LC_ALL=C printf '%.1f' "$1"; }
fmt2() { [[ $1 == NA ]] && echo NA || LC_ALL=C printf '%.2f' "$1"; }

ratio_of() {
    [[ $1 == NA || $2 == NA ]] && { echo NA; return; }
    awk -v h="$1" -v p="$2" 'BEGIN { printf "%.4f", (p > 0 ? h / p : 0) }'
}

declare -A lines=()
round_steals=()
run_leg() {  # round workload harness-first
    local round=$1 workload=$2 harness_first=$3 before after
    before=$(cpu_snapshot)
    local dir="$legs/round$round-$workload"
    if $harness_first; then
        harness_"$workload" "$dir"
        peer_"$workload" "$dir-peer.log"
    else
        peer_"$workload" "$dir-peer.log"
        harness_"$workload" "$dir"
    fi
    after=$(cpu_snapshot)
    leg_ratio=$(ratio_of "$harness_rate" "$peer_rate")
    leg_steal=$(steal_ratio "$before" "$after")
    lines[$workload]="$harness_rate $harness_cores $harness_us $harness_status $peer_rate $peer_cpu $peer_count $peer_us $leg_ratio $leg_steal"
}

for ((round = 1; round <= rounds; round++)); do
    harness_first=true
    ((round % 2 == 0)) && harness_first=false
    echo "round $round of $rounds ($(date -u +%H:%M:%S) UTC, $($harness_first && echo 'harness first' || echo 'native client first')) ..."
    round_before=$(cpu_snapshot)
    $run_sql && run_leg "$round" sql "$harness_first"
    $run_redis && run_leg "$round" redis "$harness_first"
    round_steal=$(steal_ratio "$round_before" "$(cpu_snapshot)")
    round_steals+=("$round_steal")
    loadavg=$(awk '{ print $1 "/" $2 "/" $3 }' /proc/loadavg)
    echo
    LC_ALL=C printf 'round %d: steal %.2f%%, load average %s (1/5/15 min) at its end\n' "$round" \
        "$(awk -v s="$round_steal" 'BEGIN { print s * 100 }')" "$loadavg"
    print_header
    for workload in sql redis; do
        [[ -n ${lines[$workload]:-} ]] || continue
        read -r h_rate h_cores h_us h_status p_rate p_cpu p_count p_us ratio l_steal <<<"${lines[$workload]}"
        print_line "$workload" "$h_rate" "$p_rate" "$ratio" "$h_us" "$p_us" "$h_status"
        echo "$round $workload $h_rate $h_cores $h_us $h_status $p_rate $p_cpu $p_count $p_us $ratio $l_steal $round_steal $loadavg" >>"$raw"
    done
    echo
    lines=()
done

# --- medians ------------------------------------------------------------------------------------------------
median() {  # workload column (of the raw table)
    awk -v w="$1" -v c="$2" '$1 !~ /^#/ && $2 == w && $c != "NA" { print $c }' "$raw" | sort -g \
        | awk '{ v[NR] = $1 } END { if (NR == 0) print "NA"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

steal_median=$(printf '%s\n' "${round_steals[@]}" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) * 100 }')
LC_ALL=C printf 'median of %d rounds (steal: median %.2f%% per round)\n' "$rounds" "$steal_median"
print_header
for workload in sql redis; do
    if { [[ $workload == sql ]] && $run_sql; } || { [[ $workload == redis ]] && $run_redis; }; then
        verdicts=$(awk -v w="$workload" '$1 !~ /^#/ && $2 == w { print $6 }' "$raw" | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')
        print_line "$workload" "$(median "$workload" 3)" "$(median "$workload" 7)" "$(median "$workload" 11)" \
            "$(median "$workload" 5)" "$(median "$workload" 10)" "$verdicts"
    fi
done
echo
echo "raw figures: $raw"
echo "run folders and client output: $legs/"
