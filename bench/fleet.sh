#!/usr/bin/env bash
# A simulator fleet on one machine: SHARDS shard processes of `socketdesk simulate` (DEVICES in all,
# default 4 x 4,500), spread over source addresses 127.0.0.2..., against one `tcp-server --echo`;
# then `simulate-report` merges their histogram logs. Checks that every device connected, that no
# device failed, and that the byte counts of clients and server agree exactly; reports the cost per
# 1,000 devices (CPU-seconds, MiB of peak RSS) and, for comparison, the same profile in Python
# asyncio (bench/python/asyncio_echo_clients.py) for one shard's devices.
#
#   bench/fleet.sh                       # 4 x 4,500 devices, 20 messages each, 1 s apart
#   SHARDS=2 DEVICES=2000 MESSAGES=5 bench/fleet.sh
#   NO_PYTHON=1 bench/fleet.sh           # skip the Python comparison
#
# Needs the jar (app/target/socketdesk.jar; built with mvn package when missing) and an open-file
# limit above DEVICES plus about 200 (the server holds every connection): ulimit -n 20000 here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/app/target/socketdesk.jar"
SHARDS="${SHARDS:-4}"
DEVICES="${DEVICES:-18000}"
MESSAGES="${MESSAGES:-20}"
RAMP="${RAMP:-1000}"
PORT="${PORT:-23300}"
START_DELAY="${START_DELAY:-6}"
out="${OUT:-$here/out/fleet}"
PY=/usr/bin/python3
log() { printf '%s\n' "fleet: $*" >&2; }
die() { log "$*"; exit 1; }

[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -Dspotless.check.skip=true -pl app -am package) \
  || die "cannot build $jar"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
need=$((DEVICES + 200))
[ "$(ulimit -n)" -ge "$need" ] || die "the open-file limit is $(ulimit -n); the server needs $need: raise the hard limit (ulimit -Hn)"
rm -rf "$out"; mkdir -p "$out"
SD=(java ${SOCKETDESK_JAVA_OPTS:-} -jar "$jar")
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

start_server() {
  "${SD[@]}" tcp-server --bind 127.0.0.1 --port "$PORT" --echo --quiet --json --input none >"$1" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do grep -q '"listening"' "$1" 2>/dev/null && return 0; sleep 0.1; done
  die "the server did not start; see $1"
}
stop_server() {
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
}
# server_counter FILE NAME: a figure of the server's JSON summary.
server_counter() {
  "$PY" -c 'import json,sys
for l in open(sys.argv[1]):
    if "\"summary\"" in l: print(json.loads(l)[sys.argv[2]])' "$1" "$2"
}

log "server: tcp-server --echo on 127.0.0.1:$PORT"
start_server "$out/server.jsonl"
sources="127.0.0.2-127.0.0.$((1 + SHARDS))"
start_at="$(date -u -d "+${START_DELAY} seconds" +%Y-%m-%dT%H:%M:%SZ)"
log "$SHARDS shards x $((DEVICES / SHARDS)) periodic-client devices (--verify-echo, $MESSAGES messages 1 s apart) from $sources, starting at $start_at"
pids=()
for i in $(seq 1 "$SHARDS"); do
  /usr/bin/time -f "%e %U %S %M" -o "$out/shard-$i.time" \
    "${SD[@]}" simulate periodic-client "127.0.0.1:$PORT" -n "$DEVICES" --shard "$i/$SHARDS" \
    --source-ips "$sources" --every 1s --messages "$MESSAGES" --verify-echo --ramp "$RAMP" \
    --connect-timeout 20s --start-at "$start_at" --histogram-log "$out/shard-{shard}.hlog" \
    >"$out/shard-$i.out" 2>&1 &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
stop_server
[ "$failed" = 0 ] || log "$failed shard processes exited non-zero (see $out/shard-*.out)"

"${SD[@]}" simulate-report "$out"/shard-*.hlog | tee "$out/report.txt"
"${SD[@]}" simulate-report --json "$out"/shard-*.hlog >"$out/report.json" || true
report() { "$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$out/report.json" "$1"; }
connects=$(report 'r["connect"]["count"]')
c_failed=$(report 'r["stats"]["failed"]')
c_out=$(report 'r["stats"]["messagesOut"]'); c_in=$(report 'r["stats"]["messagesIn"]')
c_bout=$(report 'r["stats"]["bytesOut"]'); c_bin=$(report 'r["stats"]["bytesIn"]')
c_ver=$(report 'r["stats"]["echoesVerified"]')
s_min=$(server_counter "$out/server.jsonl" messagesIn); s_mout=$(server_counter "$out/server.jsonl" messagesOut)
s_bin=$(server_counter "$out/server.jsonl" bytesIn); s_bout=$(server_counter "$out/server.jsonl" bytesOut)
check() { if [ "$2" = "$3" ]; then echo "  ok   $1: $2"; else echo "  FAIL $1: $2 vs $3"; bad=1; fi; }
bad=0
{
  echo
  echo "checks:"
  check "devices connected (connect samples) vs devices" "$connects" "$DEVICES"
  check "devices failed" "$c_failed" 0
  check "payloads sent vs echoes verified" "$c_out" "$c_ver"
  check "client bytes out vs server bytes in" "$c_bout" "$s_bin"
  check "client bytes in vs server bytes out" "$c_bin" "$s_bout"
  echo "  info server reads (messages in) $s_min, writes (messages out) $s_mout; client payloads out $c_out, reads in $c_in"
  echo
  echo "cost (each shard: /usr/bin/time, whole process incl. JVM start):"
  cpu_total=0; rss_total=0
  for i in $(seq 1 "$SHARDS"); do
    read -r wall user sys rss <"$out/shard-$i.time"
    n=$(( DEVICES / SHARDS + (i <= DEVICES % SHARDS ? 1 : 0) ))
    awk -v i="$i" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      printf "  shard %d: %d devices, %.1f s wall, %.2f CPU-s, peak RSS %.0f MiB -> %.2f CPU-s and %.1f MiB per 1,000 devices\n",
        i, n, w, u + s, r / 1024, (u + s) * 1000 / n, r / 1024 * 1000 / n }'
    cpu_total=$(awk -v a="$cpu_total" -v u="$user" -v s="$sys" 'BEGIN { print a + u + s }')
    rss_total=$(awk -v a="$rss_total" -v r="$rss" 'BEGIN { print a + r / 1024 }')
  done
  awk -v c="$cpu_total" -v r="$rss_total" -v n="$DEVICES" 'BEGIN {
    printf "  fleet: %.2f CPU-s, %.0f MiB RSS in all -> %.2f CPU-s and %.1f MiB per 1,000 devices\n", c, r, c * 1000 / n, r * 1000 / n }'
} | tee "$out/checks.txt"

# alone LABEL TIMEFILE N: prints the cost line of a process measured alone against the server.
alone() {
  read -r wall user sys rss <"$2"
  awk -v l="$1" -v n="$3" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "  %s: %d devices, %.1f s wall, %.2f CPU-s, peak RSS %.0f MiB -> %.2f CPU-s and %.1f MiB per 1,000 devices\n",
      l, n, w, u + s, r / 1024, (u + s) * 1000 / n, r / 1024 * 1000 / n }'
}
n=$((DEVICES / SHARDS))
echo "one shard's devices alone against the server (no other shard beside it):" | tee -a "$out/checks.txt"
start_server "$out/server-alone.jsonl"
/usr/bin/time -f "%e %U %S %M" -o "$out/alone.time" \
  "${SD[@]}" simulate periodic-client "127.0.0.1:$PORT" -n "$n" --source-ips "$(echo "$sources" | sed 's/-.*//')" \
  --every 1s --messages "$MESSAGES" --verify-echo --ramp "$RAMP" --connect-timeout 20s >"$out/alone.out" 2>&1 || true
stop_server
grep -E "devices; when|rtt " "$out/alone.out" | sed 's/^/  /' | tee -a "$out/checks.txt"
alone "socketdesk simulate" "$out/alone.time" "$n" | tee -a "$out/checks.txt"

if [ -z "${NO_PYTHON:-}" ] && [ -x "$PY" ]; then
  log "python asyncio: $n devices, same profile, one process"
  start_server "$out/server-python.jsonl"
  /usr/bin/time -f "%e %U %S %M" -o "$out/python.time" \
    "$PY" "$here/python/asyncio_echo_clients.py" 127.0.0.1 "$PORT" "$n" --messages "$MESSAGES" \
    --interval 1 --ramp "$RAMP" --source-ips "$(echo "$sources" | sed 's/-.*//')" >"$out/python.out"
  sed 's/^/  /' "$out/python.out" | tee -a "$out/checks.txt"
  stop_server
  alone "python asyncio" "$out/python.time" "$n" | tee -a "$out/checks.txt"
fi
[ "$bad" = 0 ] || die "a check failed (above); logs in $out"
log "done; logs, report and figures in $out"
