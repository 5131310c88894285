#!/usr/bin/env bash
# Scripted round trips: `socketdesk test` runs 10,000 send/expect exchanges of 64 bytes against an
# echo server on loopback, and a plain Python sockets loop does the same exchanges against the same
# server, in the same run, RUNS times each (alternating). Prints each time, then median, min and
# max of both and the ratio of the medians (Python / SocketDesk; above 1 means SocketDesk is
# faster). SocketDesk's time is the test's own duration from its JSON report (the JVM's start-up is
# not counted; the Python interpreter's start-up is not counted either). Floors, same run, same
# server: the loop in C on a blocking socket (bench/c/rtt_loop.c: what this machine and this echo
# server allow at all), in bare Netty on its event loop (bench/java/NettyRoundTrips.java: no thread
# hand-off per round trip), and on the engine's public API without scripts (EngineRoundTrips.java).
# Every JVM loop (socketdesk test, bare Netty, engine API) is the last of LOOPS (5) runs in its
# process, so that the JIT has compiled it (on 2 shared cores the third run is often still
# compiling); socketdesk's first (cold) run is shown beside it.
# Usage: bench/script/run.sh [ROUND_TRIPS] [RUNS]   (does not build the jar: run ./socketdesk once
# first; compiles rtt_loop.c with gcc into a temporary directory)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/app/target/socketdesk.jar"
n="${1:-10000}"
runs="${2:-5}"
loops=5
python=/usr/bin/python3
[ -f "$jar" ] || { echo "no $jar; run ./socketdesk --version first to build it" >&2; exit 1; }
tmp="$(mktemp -d)"
gcc -O2 -Wall -Wno-unused-function -o "$tmp/rtt_loop" "$root/bench/c/rtt_loop.c"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The echo server both loops talk to: SocketDesk's simulator (one network thread).
java -jar "$jar" simulate tcp-echo-server --bind 127.0.0.1 --port "$port" --threads 1 >/dev/null 2>&1 &
echo_pid=$!
trap 'kill $echo_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done

script="$tmp/roundtrips.yaml"
cat >"$script" <<YAML
name: round trips
connect: 127.0.0.1:$port
steps:
  - repeat: $n
    steps:
      - send: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n'
      - expect: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n'
YAML

sd=(); py=(); en=(); co=(); cc=(); ne=()
for i in $(seq "$runs"); do
  # LOOPS runs in one process: the first is cold (the JIT compiles as it goes), the last warm.
  read -r cold ms < <(java -jar "$jar" test --json --repeat "$loops" "$script" | "$python" -c 'import json,sys; d=json.load(sys.stdin); assert d["failed"]==0, d; t=d["tests"]; print(t[0]["millis"]/1000, t[-1]["millis"]/1000)')
  s=$("$python" "$here/python_roundtrips.py" 127.0.0.1 "$port" "$n")
  e=$(java -cp "$jar" "$here/EngineRoundTrips.java" "$port" "$n" "$loops")
  c=$(timeout 120 "$tmp/rtt_loop" 127.0.0.1 "$port" "$n")
  b=$(java -Dio.netty.leakDetection.level=disabled -cp "$jar" "$root/bench/java/NettyRoundTrips.java" "$port" "$n" "$loops")
  echo "run $i: socketdesk test ${ms}s (cold ${cold}s), python ${s}s, C ${c}s, bare Netty ${b}s, engine API ${e}s"
  sd+=("$ms"); py+=("$s"); en+=("$e"); co+=("$cold"); cc+=("$c"); ne+=("$b")
done
"$python" - "$n" "${sd[*]}" "${py[*]}" "${en[*]}" "${co[*]}" "${cc[*]}" "${ne[*]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
sd = [float(x) for x in sys.argv[2].split()]
py = [float(x) for x in sys.argv[3].split()]
en = [float(x) for x in sys.argv[4].split()]
co = [float(x) for x in sys.argv[5].split()]
cc = [float(x) for x in sys.argv[6].split()]
ne = [float(x) for x in sys.argv[7].split()]
pm = statistics.median(py)
for name, xs in (("socketdesk test", sd), ("  its cold run", co), ("python sockets", py),
                 ("C floor", cc), ("bare Netty floor", ne), ("engine API", en)):
    m = statistics.median(xs)
    print(f"{name:16} median {m:.3f} s  min {min(xs):.3f} s  max {max(xs):.3f} s"
          f"  ({n / m:,.0f} round trips/s)  python/this {pm / m:.2f}x")
print(f"ratio (python / socketdesk, medians): {pm / statistics.median(sd):.2f}x")
PY
