#!/usr/bin/env bash
# Load benchmark: starts the gateway jar in local mode (emulated Nova Sonic, no reply delay) on a free port,
# runs `load` at each call count, stops the gateway and appends a results table to docs/benchmarks.md.
#
#   scripts/benchmark.sh                      # 50, 200 and 500 calls, 10 s ramp, 30 s each, barge-in at 400 ms
#   CALLS="50 100" DURATION_S=20 scripts/benchmark.sh
#   NO_BUILD=1 scripts/benchmark.sh           # use target/voice-gateway.jar as it is
#   PINNED=1 CALLS="50 100" scripts/benchmark.sh   # gateway alone on CPU 0 (taskset), the stand-alone
#                                             # nova-emulator and the load tool on CPU 1: CPU per frame of the gateway only
#
# Settings (environment): CALLS, RAMP_S (10), DURATION_S (30), BARGE_AT_MS (400), WARMUP_CALLS (20), WARMUP_S (20) and WARMUP_RAMP_S (2)
# for the unrecorded warm-up run, HEAP (1g: -Xms/-Xmx of the
# gateway), GATEWAY_JAVA_OPTS (extra JVM options for the gateway, e.g. a JFR recording), OUT (docs/benchmarks.md),
# GATEWAY_JAR (the gateway to measure; default: target/voice-gateway.jar, which always runs the load tool).
# The load generator runs on the same machine as the gateway and competes with it for CPU, unless PINNED=1
# (GATEWAY_CPU, 0, and OTHERS_CPU, 1, choose the cores; needs taskset from util-linux).
set -euo pipefail

cd "$(dirname "$0")/.."
CALLS=${CALLS:-"50 200 500"}
RAMP_S=${RAMP_S:-10}
DURATION_S=${DURATION_S:-30}
BARGE_AT_MS=${BARGE_AT_MS:-400}
HEAP=${HEAP:-1g}
OUT=${OUT:-docs/benchmarks.md}
JAR=target/voice-gateway.jar
WORK=$(mktemp -d /tmp/voice-gateway-bench.XXXXXX)

if [[ -z "${NO_BUILD:-}" ]]; then
    ./mvnw -q package -DskipTests
fi
# The load tool and the emulator run from a copy, so a rebuild during the run cannot pull their jar away.
cp "$JAR" "$WORK/tools.jar"
GATEWAY_JAR=${GATEWAY_JAR:-$WORK/tools.jar}
JAR=$WORK/tools.jar

if [[ -n "${PINNED:-}" ]]; then
    GATEWAY_CPU=${GATEWAY_CPU:-0}
    OTHERS_CPU=${OTHERS_CPU:-1}
    on_gateway_cpu=(taskset -c "$GATEWAY_CPU")
    on_other_cpu=(taskset -c "$OTHERS_CPU")
else
    on_gateway_cpu=()
    on_other_cpu=()
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "gateway on port $port, log $WORK/gateway.log" >&2
emulator_env=()
emulator=""
if [[ -n "${PINNED:-}" ]]; then
    # The emulator in its own process on the other core, so the gateway's CPU time is the gateway's alone.
    emulator_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${on_other_cpu[@]}" java -jar "$JAR" nova-emulator --port "$emulator_port" >"$WORK/emulator.log" 2>&1 &
    emulator=$!
    emulator_env=(NOVA_ENDPOINT_OVERRIDE="http://127.0.0.1:$emulator_port")
    sleep 3
fi
# ENDED_CALLS_RETAINED: the load tool reads every call's frame count from GET /calls/{id} after the run, with
# API_KEY (exported for the load tool) as the gateway's key.
export API_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
env API_KEYS=$API_KEY PORT=$port GATEWAY_MODE=local EMULATOR_RESPONSE_DELAY_MS=0 EMULATOR_DETECTOR=energy ENDED_CALLS_RETAINED=5000 \
    "${emulator_env[@]}" "${on_gateway_cpu[@]}" \
    java -Xms"$HEAP" -Xmx"$HEAP" ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" >"$WORK/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway $emulator 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
    curl -fs "$base/health" >/dev/null 2>&1 && break
    kill -0 $gateway 2>/dev/null || { echo "gateway exited; see $WORK/gateway.log" >&2; exit 1; }
    sleep 1
done
curl -fs "$base/health" >/dev/null || { echo "gateway not healthy after 120 s" >&2; exit 1; }
version=$(curl -fs "$base/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')

# Warm-up, not recorded: a fresh JVM spends its first tens of seconds interpreting and JIT-compiling the frame
# path (at 50 frames/s per call, C2 takes a while to kick in), which would be billed to the first step.
WARMUP_CALLS=${WARMUP_CALLS:-20}
WARMUP_S=${WARMUP_S:-20}
echo "== warm-up: $WARMUP_CALLS calls, $WARMUP_S s" >&2
"${on_other_cpu[@]}" java -jar "$JAR" load --calls "$WARMUP_CALLS" --ramp-s "${WARMUP_RAMP_S:-2}" --duration-s "$WARMUP_S" --barge-at "$BARGE_AT_MS" --quiet \
    --base-url "$base" >"$WORK/warmup.txt" || true

for n in $CALLS; do
    echo "== $n calls" >&2
    "${on_other_cpu[@]}" java -jar "$JAR" load --calls "$n" --ramp-s "$RAMP_S" --duration-s "$DURATION_S" --barge-at "$BARGE_AT_MS" \
        --base-url "$base" --json "$WORK/load-$n.json" >"$WORK/load-$n.txt" &
    load=$!
    window=$((DURATION_S - RAMP_S - 2))
    if (( window >= 5 )); then
        # Steady state only (every call talking): the gateway's CPU by thread group per inbound frame.
        sleep $((RAMP_S + 1))
        python3 scripts/thread-cpu.py "$gateway" "$window" "$base/metrics" "$API_KEY" >"$WORK/threads-$n.md" 2>&1 || true
    fi
    wait $load || true
    cat "$WORK/load-$n.txt"
    cat "$WORK/threads-$n.md" 2>/dev/null || true
    sleep 5 # let the gateway settle (calls closed, GC) before the next step
done
kill $gateway $emulator
wait $gateway 2>/dev/null || true
trap - EXIT
rm -f "$WORK/tools.jar"

{
    echo
    echo "## Load: concurrent calls through the whole gateway ($(date -u +%Y-%m-%d), scripts/benchmark.sh)"
    echo
    echo "Local mode (in-process Nova Sonic emulator, echo persona, \`EMULATOR_RESPONSE_DELAY_MS=0\`, \`EMULATOR_DETECTOR=energy\` so the emulator does not run a second Silero per call), gateway heap $HEAP."
    echo "Each step: \`load --calls N --ramp-s $RAMP_S --duration-s $DURATION_S --barge-at $BARGE_AT_MS\` (every caller"
    echo "talks turn after turn for ${DURATION_S} s and barges into each reply ${BARGE_AT_MS} ms after it starts playing)."
    if [[ -n "${PINNED:-}" ]]; then
        echo "**Pinned:** the gateway ran alone on CPU $GATEWAY_CPU (\`taskset\`); the stand-alone \`nova-emulator\` and the load"
        echo "tool shared CPU $OTHERS_CPU, so the notes below on sharing the CPU with the generator and emulator do not apply."
    fi
    echo "**The load generator runs on the same machine and shares its CPU with the gateway** (and the emulator"
    echo "runs inside the gateway): the figures are a floor for what the gateway alone would do."
    echo "Lost = frames sent − the gateway's per-call \`frames_in\`; late = caller ticks that had to catch up (the"
    echo "generator fell behind); dropped = inbound messages the gateway dropped (stale audio, full queues, malformed);"
    echo "gateway frame, queueing delay (arrival → processing start) and frame age (arrival → handed to the model)"
    echo "percentiles are interpolated within histogram buckets (0.05/0.1/0.2/0.5/1/2/5/10/20/50 ms …);"
    echo "CPU is the gateway's \`process_cpu_usage\` (share of all cores) sampled every 2 s, and its CPU time per inbound"
    echo "frame (everything the process did — both directions, the emulator, GC, JIT — over the frames in); GC is the total"
    echo "pause time during the step; heap is used heap. A $WARMUP_CALLS-call, $WARMUP_S s warm-up runs first and is not recorded."
    echo
    echo "| calls | ok / failed | frames sent | lost | dropped | late (caller / gateway >20 ms) | gateway frame p50 / p99 ms | queueing delay p50 / p99 ms | frame age p99 ms | reply p50 / p95 / p99 ms | barge-in p50 / p95 / p99 ms | CPU mean / max | CPU µs / frame | GC pause ms | heap before / max / after MB |"
    echo "|---:|---|---:|---:|---:|---|---|---|---:|---|---|---|---:|---:|---|"
    for n in $CALLS; do
        python3 - "$WORK/load-$n.json" <<'EOF'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception:
    print("| ? | run failed (no JSON) | | | | | | | | | | | | | |")
    sys.exit(0)
f = lambda v, d=1: "-" if v is None else f"{v:.{d}f}"
p = lambda k: " / ".join(f(r[k][q], 0) for q in ("p50", "p95", "p99"))
pct = lambda v: "-" if v is None else f"{v*100:.0f} %"
print(f"| {r['calls']} | {r['calls_ok']} / {r['calls_failed']} | {r['frames_sent']} | {r['frames_lost']} | {r['gateway_frames_dropped']} "
      f"| {r['frames_late']} / {r['gateway_frames_late']} | {f(r['gateway_frame_p50_ms'],2)} / {f(r['gateway_frame_p99_ms'],2)} "
      f"| {f(r.get('queue_delay_p50_ms'),2)} / {f(r.get('queue_delay_p99_ms'),2)} | {f(r.get('frame_age_p99_ms'),2)} "
      f"| {p('reply_latency_ms')} | {p('barge_in_latency_ms')} | {pct(r['cpu_mean'])} / {pct(r['cpu_max'])} | {f(r['cpu_us_per_frame'],0)} | {f(r['gc_pause_ms'],0)} "
      f"| {f(r['heap_before_mb'],0)} / {f(r['heap_max_mb'],0)} / {f(r['heap_after_mb'],0)} |")
errors = r.get("errors") or {}
for e, c in errors.items():
    print(f"|  | {c} × {e} | | | | | | | | | | | | | |")
EOF
    done
    for n in $CALLS; do
        if [[ -s "$WORK/threads-$n.md" ]]; then
            echo
            echo "Steady state of the $n-call step (\`scripts/thread-cpu.py\`: every thread's CPU over the window in which all calls"
            echo "talk, per inbound frame counted by the gateway in that window):"
            echo
            cat "$WORK/threads-$n.md"
        fi
    done
    echo
    echo "Machine:"
    echo
    echo '```'
    echo "nproc: $(nproc)"
    echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "RAM: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    java -version 2>&1
    echo "gateway: voice-gateway $version ($(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
    echo '```'
} >>"$OUT"
echo "appended to $OUT (raw results in $WORK)" >&2
