#!/usr/bin/env bash
# 1, 2 and 4 local injectors offering the same total rate, merged: what splitting a run over shards does to its
# figures. Run with --help for the options and what it prints.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: benchmarks/scale-out.sh [options]

Runs one workload at one total rate as 1, 2 and 4 local shards ('./loadbench run WORKLOAD --local-shards N'),
in interleaved rounds (round 1: 1, 2, 4; round 2: 4, 2, 1; ...), each merged by 'report merge-shards', and prints
per run:

  merged rate     arrivals per second after the warm-up, summed over the shards (scenario.json arrivals)
  p50 p99 p99.9   the request's latency from its intended start, failures included, from the merged histograms (ms)
  CPU/req         each injector's CPU per request (µs: process CPU time / requests), shard 0 first
  steal           the machine's CPU steal over the run (/proc/stat)
  verdict         the merged run's status

Options:
  --workload NAME     a workload of 'loadbench workloads' (default redis: GET/SET on Redis only)
  --rate N            the total rate, every shard offering N / shards (default 4000)
  --preset NAME       the workload's preset (default standard: a 10-s warm-up, strict limits)
  --duration D        each run's length, warm-up included (default 40s)
  --request NAME      the request whose latency is printed (default GET)
  --injectors LIST    shard counts (default 1,2,4)
  --rounds N          rounds (default 1)
  --start-delay D     how long the shards get to start (default 20s)
  --pg-url URL        PostgreSQL (default LOADBENCH_PG_URL; the redis workload needs none)
  --redis-url URL     Redis (default LOADBENCH_REDIS_URL, else redis://127.0.0.1:6379)
  -o, --out DIR       the runs' folders (default results/scale-out)
  -h, --help          this text

On one machine the injectors share its cores: the table shows what sharding costs and that the merged figures
add up, not what separate machines would reach. Needs ./loadbench built (mvn install). A benchmark, not a test.
USAGE
}

die() {
    echo "scale-out: $*" >&2
    exit 1
}

workload=redis
rate=4000
duration=40s
preset=standard
request=GET
injectors=1,2,4
rounds=1
start_delay=20s
pg_url=${LOADBENCH_PG_URL:-}
redis_url=${LOADBENCH_REDIS_URL:-redis://127.0.0.1:6379}
out=results/scale-out

while [[ $# -gt 0 ]]; do
    case "$1" in
        --workload) workload=${2:?--workload needs a value}; shift 2 ;;
        --rate) rate=${2:?--rate needs a value}; shift 2 ;;
        --duration) duration=${2:?--duration needs a value}; shift 2 ;;
        --preset) preset=${2:?--preset needs a value}; shift 2 ;;
        --request) request=${2:?--request needs a value}; shift 2 ;;
        --injectors) injectors=${2:?--injectors needs a value}; shift 2 ;;
        --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
        --start-delay) start_delay=${2:?--start-delay needs a value}; shift 2 ;;
        --pg-url) pg_url=${2:?--pg-url needs a value}; shift 2 ;;
        --redis-url) redis_url=${2:?--redis-url needs a value}; shift 2 ;;
        -o|--out) out=${2:?--out needs a value}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
[[ -x "$root/loadbench" ]] || die "no ./loadbench in $root"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds: expected a positive number, got '$rounds'"
IFS=, read -r -a counts <<< "$injectors"
for n in "${counts[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "--injectors: expected shard counts such as 1,2,4, got '$injectors'"
done
mkdir -p "$out"

steal_ticks() {
    awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print $9, total }' /proc/stat
}

target=(--redis-url "$redis_url")
[[ -n "$pg_url" ]] && target+=(--pg-url "$pg_url")
stamp=$(date -u +%Y%m%d-%H%M%S)
rows=()
for ((round = 1; round <= rounds; round++)); do
    order=("${counts[@]}")
    if ((round % 2 == 0)); then
        order=()
        for ((i = ${#counts[@]} - 1; i >= 0; i--)); do order+=("${counts[i]}"); done
    fi
    for n in "${order[@]}"; do
        run_id="scale-$stamp-r$round-n$n"
        echo "round $round: $n injector(s) at $rate/s in total for $duration ($run_id)" >&2
        read -r steal0 total0 < <(steal_ticks)
        set +e
        "$root/loadbench" run "$workload" --preset "$preset" --rate "$rate" --duration "$duration" "${target[@]}" --local-shards "$n" \
            --start-delay "$start_delay" --run-id "$run_id" --results "$out" > "$out/$run_id.out" 2>&1
        exit_code=$?
        set -e
        read -r steal1 total1 < <(steal_ticks)
        steal=$(python3 -c "print(f'{100 * ($steal1 - $steal0) / max(1, $total1 - $total0):.1f}')")
        rows+=("$(python3 - "$out/$run_id" "$request" "$n" "$round" "$steal" "$exit_code" <<'PY'
import glob, json, os, sys
run_dir, request, n, round_, steal, exit_code = sys.argv[1:]
merged = [os.path.dirname(p) for p in glob.glob(os.path.join(run_dir, "*", "merge.json"))]
def load(path):
    with open(path) as f:
        return json.load(f)
cpu = []
for i in range(int(n)):
    try:
        cpu.append("%.0f" % load(os.path.join(run_dir, "shard-%d" % i, "scenario.json"))["injector"]["cpuMicrosPerRequest"])
    except (OSError, KeyError, TypeError):
        cpu.append("-")
if not merged:
    print("\t".join([round_, n, "-", "-", "-", "-", "/".join(cpu), steal, "no merged run (exit %s)" % exit_code]))
    sys.exit(0)
scenario = load(os.path.join(merged[0], "scenario.json"))
manifest = load(os.path.join(merged[0], "manifest.json"))
arrivals = scenario.get("arrivals") or {}
outcome = scenario["requests"].get(request, {})
latency = outcome.get("intendedLatencyWithFailuresUs") or outcome.get("intendedLatencyUs") or {}
ms = lambda key: "%.2f" % (latency[key] / 1000.0) if key in latency and latency[key] is not None else "-"
rate = arrivals.get("achievedPerSecond", scenario["rate"]["achievedRequestsPerSecond"])
print("\t".join([round_, n, "%.1f" % rate, ms("p50"), ms("p99"), ms("p999"), "/".join(cpu), steal, manifest["status"]]))
PY
)")
    done
done

printf '\n%-6s %-10s %-12s %-9s %-9s %-9s %-20s %-7s %s\n' round injectors "merged rate" "p50 ms" "p99 ms" "p99.9 ms" \
    "CPU/req µs" "steal%" verdict
for row in "${rows[@]}"; do
    IFS=$'\t' read -r r n rt p50 p99 p999 cpu steal verdict <<< "$row"
    printf '%-6s %-10s %-12s %-9s %-9s %-9s %-20s %-7s %s\n' "$r" "$n" "$rt" "$p50" "$p99" "$p999" "$cpu" "$steal" "$verdict"
done
echo
echo "(rate: $rate/s in total, workload $workload, preset $preset, $duration per run; runs in $out)"
