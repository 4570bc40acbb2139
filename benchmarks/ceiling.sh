#!/usr/bin/env bash
# The loader against the servers' own ceilings: its COPY phase beside parallel psql \copy streams of the same rows,
# its Redis phase beside redis-cli --pipe of the same commands. Run with --help for the options and what it prints.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: benchmarks/ceiling.sh [options]

Measures, in interleaved rounds (odd rounds the loader first, even rounds the native client first):

  COPY   loader:  ./loadbench load events --rows <rows> --format <f> (default settings otherwise); its COPY phase,
                  load.json tables[events].copySeconds (the COPY of every batch, before keys, indexes and checks)
         ceiling: N parallel 'psql -c "\copy ... FROM file (FORMAT <f>)"' streams, N = the loader's workers, of the
                  same rows (pre-made files, one per stream, cut from the loaded table) into an empty table of the
                  same columns without indexes (CREATE TABLE ... (LIKE events)); wall time from the first start to
                  the last end
  Redis  loader:  ./loadbench load analytics --rows <redis-rows>; its Redis phase, load.json outputs[].seconds
         ceiling: redis-cli --pipe < the loader's own --resp-out file of that fill (the same commands), on the same
                  empty keyspace

and prints per round, then the median of the rounds: seconds of each side, and the ratio ceiling seconds / loader
seconds (1.00 = the loader at the ceiling; the goal is 0.95 or more), with the machine's CPU steal over the round.

Options:
  --rows N            events rows for COPY (default 2M; 1M, 500K accepted)
  --redis-rows N      analytics rows for the Redis fill (default 1M)
  --redis-orgs N      analytics organisations (default 5000, 100 users each): the fill's commands grow with the
                      organisations (about 214 each), not with the rows; 5000 gives about a million
  --formats LIST      binary,text (default both)
  --rounds N          rounds (default 3)
  --target KIND       external (default: LOADBENCH_PG_URL / LOADBENCH_REDIS_URL, else the machine's servers on
                      127.0.0.1) or embedded (./loadbench servers: the embedded servers and their policy, held up
                      for the whole run and stopped at its end)
  --workloads LIST    copy,redis (default both)
  -o, --out DIR       raw figures and the loads' run folders (default results/ceiling)
  -h, --help          this text

It drops and reloads the events and analytics datasets on the target (and a table lb_ceiling_events of its own):
never point it at servers holding data of yours under those names. Needs ./loadbench built (mvn install), psql and
redis-cli. Run it on an otherwise idle machine; it is a benchmark, not a test.
EOF
}

die() {
    echo "ceiling: $*" >&2
    exit 1
}

rows=2M
redis_rows=1M
redis_orgs=5000
formats=binary,text
rounds=3
target=external
workloads=copy,redis
out=

while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) rows=${2:?--rows needs a value}; shift 2 ;;
        --redis-rows) redis_rows=${2:?--redis-rows needs a value}; shift 2 ;;
        --redis-orgs) redis_orgs=${2:?--redis-orgs needs a value}; shift 2 ;;
        --formats) formats=${2:?--formats needs a value}; shift 2 ;;
        --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
        --target) target=${2:?--target needs a value}; shift 2 ;;
        --workloads) workloads=${2:?--workloads needs a value}; shift 2 ;;
        -o|--out) out=${2:?--out needs a value}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive whole number, got '$rounds'"
[[ $target == external || $target == embedded ]] || die "--target takes external or embedded, got '$target'"
for tool in psql redis-cli python3; do
    command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
loadbench="$root/loadbench"
[[ -f $root/cli/target/loadbench.jar ]] || die "build first: mvn install (or mvn install -DskipTests)"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${out:-$root/results/ceiling}
work="$out/ceiling-$stamp"
mkdir -p "$work"
report="$out/ceiling-$stamp.txt"

servers_pid=
cleanup() {
    if [[ -n $servers_pid ]]; then
        # closing its stdin stops loadbench servers (the servers, then the env file)
        exec 9>&-
        wait "$servers_pid" 2>/dev/null || true
    fi
    rm -f "$work"/events.* "$work"/analytics.resp "$work/servers.stdin"
}
trap cleanup EXIT

if [[ $target == embedded ]]; then
    # loadbench servers holds the embedded servers while its stdin stays open: a fifo this script holds (fd 9)
    env_file="$work/servers.env"
    mkfifo "$work/servers.stdin"
    "$loadbench" servers --env-file "$env_file" --max-time 6h <"$work/servers.stdin" >"$work/servers.log" 2>&1 &
    servers_pid=$!
    exec 9>"$work/servers.stdin"
    for _ in $(seq 1 600); do
        [[ -s $env_file ]] && break
        sleep 0.1
    done
    [[ -s $env_file ]] || die "the embedded servers did not start (see $work/servers.log)"
    # shellcheck disable=SC1090
    . "$env_file"
    pg_url=$LOADBENCH_PG_URL
    redis_url=$LOADBENCH_REDIS_URL
else
    pg_url=${LOADBENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/test}
    redis_url=${LOADBENCH_REDIS_URL:-redis://127.0.0.1:6379}
fi
# psql reads the libpq form; a JDBC URL is that form behind "jdbc:"
pg_libpq=${pg_url#jdbc:}

psql_do() {
    PGOPTIONS="-c client_min_messages=warning" psql "$pg_libpq" -X -q -v ON_ERROR_STOP=1 "$@"
}

steal_ticks() {
    awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print $9, total }' /proc/stat
}

steal_since() {
    local before_steal=$1 before_total=$2 now_steal now_total
    read -r now_steal now_total < <(steal_ticks)
    python3 -c "print(f'{100 * ($now_steal - $before_steal) / max(1, $now_total - $before_total):.1f}')"
}

now() {
    date +%s.%N
}

# a figure from the load.json of the newest run folder of a load
load_figure() {
    local expression=$1
    local folder
    folder=$(ls -1d "$work"/runs/*-load-* | tail -1)
    python3 - "$folder/load.json" "$expression" <<'PY'
import json, sys
load = json.load(open(sys.argv[1]))
print(eval(sys.argv[2], {"load": load}))
PY
}

load_dataset() {
    "$loadbench" load "$@" --pg-url "$pg_url" --redis-url "$redis_url" --label ceiling --results "$work/runs" \
        >>"$work/loads.log" 2>&1 || die "the load failed: $* (see $work/loads.log)"
}

drop_dataset() {
    "$loadbench" drop "$@" --pg-url "$pg_url" --redis-url "$redis_url" >>"$work/loads.log" 2>&1 || true
}

# the analytics layout of every load and drop: a drop of another layout is refused
analytics_layout=(--orgs "$redis_orgs" --users-per-org 100)

# odd rounds the loader first, even rounds the native client first
legs_of_round() {
    if (($1 % 2 == 0)); then echo ceiling loader; else echo loader ceiling; fi
}

# each round's ceiling seconds / loader seconds, from the arrays ceiling_s and loader_s
round_ratios() {
    python3 -c "import sys; n = len(sys.argv) // 2; print(' '.join(str(float(c) / float(l)) for c, l in zip(sys.argv[1:n + 1], sys.argv[n + 1:])))" \
        "${ceiling_s[@]}" "${loader_s[@]}"
}

median() {
    python3 -c "import statistics, sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.2f}')" "$@"
}

{
    echo "# benchmarks/ceiling.sh $stamp, target $target, rows $rows (COPY) / $redis_rows rows, $redis_orgs organisations (Redis), $rounds rounds"
    echo "# $(nproc) CPUs, $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$report"

IFS=, read -r -a wanted_formats <<<"$formats"
IFS=, read -r -a wanted_workloads <<<"$workloads"

for workload in "${wanted_workloads[@]}"; do
  case "$workload" in
  copy)
    for format in "${wanted_formats[@]}"; do
        [[ $format == binary || $format == text ]] || die "--formats takes binary and text, got '$format'"
        # the pre-made files: one per worker, cut from a first load of the same rows
        drop_dataset events
        load_dataset events --rows "$rows" --format "$format"
        workers=$(load_figure 'load["workers"]')
        psql_do -c "DROP TABLE IF EXISTS lb_ceiling_events" -c "CREATE TABLE lb_ceiling_events (LIKE events INCLUDING DEFAULTS)"
        for ((i = 0; i < workers; i++)); do
            psql_do -c "\\copy (SELECT * FROM events WHERE ((ctid::text::point)[0])::bigint % $workers = $i) TO '$work/events.$format.$i' WITH (FORMAT $format)"
        done
        loader_s=()
        ceiling_s=()
        for ((round = 1; round <= rounds; round++)); do
            read -r steal0 total0 < <(steal_ticks)
            for leg in $(legs_of_round "$round"); do
                if [[ $leg == loader ]]; then
                    drop_dataset events
                    load_dataset events --rows "$rows" --format "$format"
                    loader=$(load_figure 'next(t["copySeconds"] for t in load["tables"] if t["name"] == "events")')
                else
                    psql_do -c "TRUNCATE lb_ceiling_events" -c "CHECKPOINT"
                    start=$(now)
                    pids=()
                    for ((i = 0; i < workers; i++)); do
                        psql_do -c "\\copy lb_ceiling_events FROM '$work/events.$format.$i' WITH (FORMAT $format)" &
                        pids+=($!)
                    done
                    for pid in "${pids[@]}"; do
                        wait "$pid" || die "a psql \\copy stream failed"
                    done
                    ceiling=$(python3 -c "print(f'{$(now) - $start:.3f}')")
                fi
            done
            loader_s+=("$loader")
            ceiling_s+=("$ceiling")
            ratio=$(python3 -c "print(f'{$ceiling / $loader:.2f}')")
            printf 'round %d  COPY %-6s loader %7.3f s  %d x psql \\copy %7.3f s  ratio %s  steal %s%%\n' \
                "$round" "$format" "$loader" "$workers" "$ceiling" "$ratio" "$(steal_since "$steal0" "$total0")" | tee -a "$report"
        done
        read -r -a ratios < <(round_ratios)
        printf 'median  COPY %-6s loader %7s s  %d x psql \\copy %7s s  ratio %s  (rounds: %s)\n' "$format" \
            "$(median "${loader_s[@]}")" "$workers" "$(median "${ceiling_s[@]}")" "$(median "${ratios[@]}")" \
            "$(printf '%.2f ' "${ratios[@]}")" | tee -a "$report"
        psql_do -c "DROP TABLE IF EXISTS lb_ceiling_events"
        drop_dataset events
        rm -f "$work"/events.*
    done
    ;;
  redis)
    drop_dataset analytics "${analytics_layout[@]}"
    load_dataset analytics --rows "$redis_rows" "${analytics_layout[@]}" --resp-out "$work/analytics.resp"
    commands=$(grep -c '^\*' "$work/analytics.resp" || true)
    loader_s=()
    ceiling_s=()
    for ((round = 1; round <= rounds; round++)); do
        read -r steal0 total0 < <(steal_ticks)
        for leg in $(legs_of_round "$round"); do
            drop_dataset analytics "${analytics_layout[@]}"
            if [[ $leg == loader ]]; then
                load_dataset analytics --rows "$redis_rows" "${analytics_layout[@]}"
                loader=$(load_figure 'sum(o["seconds"] for o in load["outputs"])')
            else
                start=$(now)
                redis-cli -u "$redis_url" --no-auth-warning --pipe <"$work/analytics.resp" >"$work/redis-cli.log" 2>&1 \
                    || die "redis-cli --pipe failed (see $work/redis-cli.log)"
                ceiling=$(python3 -c "print(f'{$(now) - $start:.3f}')")
            fi
        done
        loader_s+=("$loader")
        ceiling_s+=("$ceiling")
        ratio=$(python3 -c "print(f'{$ceiling / $loader:.2f}')")
        printf 'round %d  Redis  loader %7.3f s  redis-cli --pipe %7.3f s  ratio %s  (%s commands)  steal %s%%\n' \
            "$round" "$loader" "$ceiling" "$ratio" "$commands" "$(steal_since "$steal0" "$total0")" | tee -a "$report"
    done
    read -r -a ratios < <(round_ratios)
    printf 'median  Redis  loader %7s s  redis-cli --pipe %7s s  ratio %s  (rounds: %s)\n' "$(median "${loader_s[@]}")" \
        "$(median "${ceiling_s[@]}")" "$(median "${ratios[@]}")" "$(printf '%.2f ' "${ratios[@]}")" | tee -a "$report"
    # redis-cli's keys have no load record for drop to find: a last load of the same fill records them (the same
    # keys), and its drop removes exactly those
    drop_dataset analytics "${analytics_layout[@]}"
    load_dataset analytics --rows "$redis_rows" "${analytics_layout[@]}"
    drop_dataset analytics "${analytics_layout[@]}"
    ;;
  *) die "--workloads takes copy, redis or both, got '$workload'" ;;
  esac
done
echo "# raw figures: $report; loads: $work/runs" | tee -a "$report"
