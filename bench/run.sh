#!/usr/bin/env bash
# SocketDesk benchmarks: each job on loopback, against SocketDesk and reference tools in the same
# run, printing medians with min and max and each ratio to the reference.
#
#   bench/run.sh                 # every job (about 10 minutes on 2 cores)
#   bench/run.sh sink echo       # only these jobs: sink echo rtt conns udp startup rules capture
#                                #   forward serial tls ws
#   SD_CMD='java -cp CP dev.socketdesk.app.Main' bench/run.sh forward   # a socketdesk built elsewhere
#   RUNS=3 ECHO_RUNS=5 bench/run.sh   # fewer runs (a quick pass; the defaults are 5 and 10)
#
# Every server that stays up across runs (SocketDesk, the C programs) first gets WARMUP (3)
# unmeasured runs, so that the JIT has compiled the hot paths; one-connection tools (nc, socat)
# are started afresh for each run.
#
# Builds the jar (mvn package), the C reference programs (gcc) and the bare Netty server
# (bench/java/NettyFloor.java, javac) when missing or stale, and
# installs the Debian packages socat ncat netcat-openbsd iperf3 sockperf packetsender when
# missing (apt-get; needs root; sockperf is there for manual cross-checks, e.g. its ping-pong
# mode, and is not in the table). Every client is bounded by 'timeout'. Results: the table on
# stdout and in bench/results/latest.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bin="$here/bin"
results="$here/results"
jar="$root/app/target/socketdesk.jar"
RUNS="${RUNS:-5}"
ECHO_RUNS="${ECHO_RUNS:-10}"
SINK_BYTES="${SINK_BYTES:-1073741824}"
ECHO_BYTES="${ECHO_BYTES:-268435456}"
RTT_COUNT="${RTT_COUNT:-10000}"
HOLD_COUNT="${HOLD_COUNT:-19000}"
CHURN_CYCLES="${CHURN_CYCLES:-50000}"
UDP_SECONDS="${UDP_SECONDS:-3}"
WARMUP="${WARMUP:-3}"
PORT_BASE="${PORT_BASE:-23100}"
TRICKLE_SECONDS="${TRICKLE_SECONDS:-20}"
CAPTURE_BYTES="${CAPTURE_BYTES:-268435456}"
FWD_BYTES="${FWD_BYTES:-268435456}"
SERIAL_BYTES="${SERIAL_BYTES:-33554432}"
ALL_JOBS=(sink echo rtt conns udp startup rules capture forward serial tls ws)
mib() { awk -v b="$1" 'BEGIN { if (b >= 1073741824) printf "%g GiB", b / 1073741824; else printf "%g MiB", b / 1048576 }'; }

log() { printf '%s\n' "bench: $*" >&2; }
die() { log "$*"; exit 1; }

# ---------------------------------------------------------------- set-up
install_tools() {
  local missing=()
  command -v socat >/dev/null || missing+=(socat)
  command -v ncat >/dev/null || missing+=(ncat)
  command -v nc.openbsd >/dev/null || missing+=(netcat-openbsd)
  command -v iperf3 >/dev/null || missing+=(iperf3)
  command -v sockperf >/dev/null || missing+=(sockperf)
  command -v packetsender >/dev/null || missing+=(packetsender)
  command -v gcc >/dev/null || missing+=(gcc)
  command -v taskset >/dev/null || missing+=(util-linux)
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (apt-get)"
    [ "$(id -u)" = 0 ] || die "need root to install ${missing[*]}; run: sudo apt-get install ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build() {
  mkdir -p "$bin" "$results"
  local prog
  for prog in epoll_sink epoll_echo epoll_relay udp_sink tcp_send tcp_echo_bulk tcp_rtt udp_blast churn hold startup trickle; do
    if [ ! -x "$bin/$prog" ] || [ "$here/c/$prog.c" -nt "$bin/$prog" ] || [ "$here/c/common.h" -nt "$bin/$prog" ]; then
      gcc -O2 -Wall -Wno-unused-function -o "$bin/$prog" "$here/c/$prog.c" || die "gcc failed on $prog.c"
    fi
  done
  if [ -n "${SD_CMD:-}" ]; then
    :
  elif [ ! -f "$jar" ] || [ -n "$(find "$root/engine/src" "$root/core/src" "$root/web/src" "$root/app/src" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    log "building the jar (mvn package)"
    (cd "$root" && mvn -B -q -o -DskipTests -Dspotless.check.skip=true package >/dev/null 2>&1) \
      || (cd "$root" && mvn -B -q -DskipTests -Dspotless.check.skip=true package) \
      || die "the jar did not build"
  fi
  "${SD[@]}" --version >/dev/null 2>&1 || die "socketdesk does not run; try ./socketdesk --version"
  if [ -f "$jar" ] && { [ ! -f "$bin/java/NettyFloor.class" ] || [ "$here/java/NettyFloor.java" -nt "$bin/java/NettyFloor.class" ] \
    || [ "$jar" -nt "$bin/java/NettyFloor.class" ]; }; then
    javac -d "$bin/java" -cp "$jar" "$here/java/NettyFloor.java" || die "javac failed on NettyFloor.java"
  fi
  if [ -f "$jar" ] && { [ ! -f "$bin/java/PcapFloor.class" ] || [ "$here/java/PcapFloor.java" -nt "$bin/java/PcapFloor.class" ] \
    || [ "$jar" -nt "$bin/java/PcapFloor.class" ]; }; then
    javac -d "$bin/java" -cp "$jar" "$here/java/PcapFloor.java" || die "javac failed on PcapFloor.java"
  fi
  if [ ! -f "$bin/java/BareServer.class" ] || [ "$here/java/BareServer.java" -nt "$bin/java/BareServer.class" ]; then
    javac -d "$bin/java" "$here/java/BareServer.java" || die "javac failed on BareServer.java"
  fi
}

# ---------------------------------------------------------------- processes and figures
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && wait "$p" 2>/dev/null || true
  done
  PIDS=()
}
trap cleanup EXIT

# The socketdesk command as users run it: the launcher, which adds its class-data-sharing archive
# and SOCKETDESK_JAVA_OPTS, then execs java (so "&" gives the JVM's own PID).
SD=("$root/socketdesk")
if [ -n "${SD_CMD:-}" ]; then read -ra SD <<<"$SD_CMD"; fi

# start NAME CMD...: runs CMD in the background, sets $PID.
start() {
  shift
  "$@" >/dev/null 2>"$results/last-server.err" </dev/null &
  PID=$!
  PIDS+=("$PID")
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# wait_listen PORT: until a socket listens on 127.0.0.1/any PORT (no connection is made).
wait_listen() {
  local port=$1 i
  for i in $(seq 1 400); do
    if ss -Hltn "sport = :$port" 2>/dev/null | grep -q LISTEN; then return 0; fi
    sleep 0.025
  done
  die "nothing listened on port $port within 10 s; see $results/last-server.err"
}

# wait_udp PORT: until a UDP socket is bound to PORT.
wait_udp() {
  local port=$1 i
  for i in $(seq 1 400); do
    if ss -Hlun "sport = :$port" 2>/dev/null | grep -q .; then return 0; fi
    sleep 0.025
  done
  die "no UDP socket on port $port within 10 s; see $results/last-server.err"
}

# stats VALUES...: "median min max" of the numbers.
stats() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
    printf "%.6g %.6g %.6g\n", m, v[1], v[NR] }'
}

ROWS=()
# row JOB TOOL METRIC UNIT "median min max" [REF_MEDIAN] [TARGET]
row() {
  local job=$1 tool=$2 metric=$3 unit=$4 figs=$5 ref=${6:-} target=${7:-}
  local med min max ratio="-"
  tool=${tool//|/\\|}
  read -r med min max <<<"$figs"
  if [ -n "$ref" ] && [ "$ref" != "0" ]; then
    ratio=$(awk -v a="$med" -v b="$ref" 'BEGIN { printf "%.2fx", a / b }')
  fi
  ROWS+=("| $job | $tool | $metric | $med $unit | $min | $max | $ratio | $target |")
  printf '  %-7s %-34s %-22s median %-10s min %-10s max %-10s ratio %s %s\n' \
    "$job" "$tool" "$metric" "$med" "$min" "$max" "$ratio" "$target" >&2
}

field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i+1); exit } }'; }

rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
fds() { ls "/proc/$1/fd" | wc -l; }

# ---------------------------------------------------------------- 1. sink
# tcp_sink_runs N PORT: N measured runs (after one warm-up) against a server already listening.
sink_runs_persistent() {
  local n=$1 port=$2 i out=()
  for i in $(seq 1 "$WARMUP"); do timeout 300 "$bin/tcp_send" 127.0.0.1 "$port" "$SINK_BYTES" >/dev/null; done
  for i in $(seq 1 "$n"); do
    out+=("$(timeout 300 "$bin/tcp_send" 127.0.0.1 "$port" "$SINK_BYTES" | field MBps)")
  done
  stats "${out[@]}"
}

# sink_runs_oneshot N PORT CMD...: a fresh single-connection server per run.
sink_runs_oneshot() {
  local n=$1 port=$2 i out=()
  shift 2
  for i in $(seq 0 "$n"); do
    start srv "$@"
    wait_listen "$port"
    local r
    r=$(timeout 300 "$bin/tcp_send" 127.0.0.1 "$port" "$SINK_BYTES" | field MBps)
    stop "$PID"
    [ "$i" -gt 0 ] && out+=("$r")
  done
  stats "${out[@]}"
}

job_sink() {
  log "1. sink: $SINK_BYTES bytes per run, $RUNS runs (MB/s, higher is better)"
  local p=$((PORT_BASE + 1)) c sd_figs nc_figs socat_figs
  start c "$bin/epoll_sink" "$p"; wait_listen "$p"
  c=$(sink_runs_persistent "$RUNS" "$p"); stop "$PID"
  start sd "${SD[@]}" tcp-server --port "$p" --quiet; wait_listen "$p"
  sd_figs=$(sink_runs_persistent "$RUNS" "$p"); stop "$PID"
  nc_figs=$(sink_runs_oneshot "$RUNS" "$p" nc.openbsd -d -l 127.0.0.1 "$p")
  socat_figs=$(sink_runs_oneshot "$RUNS" "$p" socat -u "TCP-LISTEN:$p,bind=127.0.0.1,reuseaddr" OPEN:/dev/null)
  local ref=${c%% *}
  row sink "C epoll sink (reference)" "$(mib "$SINK_BYTES") in" "MB/s" "$c"
  row sink "socketdesk tcp-server --quiet" "$(mib "$SINK_BYTES") in" "MB/s" "$sd_figs" "$ref" ">= 0.90x"
  row sink "nc -l" "$(mib "$SINK_BYTES") in" "MB/s" "$nc_figs" "$ref"
  row sink "socat" "$(mib "$SINK_BYTES") in" "MB/s" "$socat_figs" "$ref"
  row sink "socketdesk vs socat" "$(mib "$SINK_BYTES") in" "MB/s" "$sd_figs" "${socat_figs%% *}" ">= 2.5x"
}

# ---------------------------------------------------------------- 2. echo bulk
echo_runs() {
  local n=$1 port=$2 i out=()
  for i in $(seq 1 "$WARMUP"); do timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$port" "$ECHO_BYTES" >/dev/null; done
  for i in $(seq 1 "$n"); do
    out+=("$(timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$port" "$ECHO_BYTES" | field MBps)")
  done
  stats "${out[@]}"
}

job_echo() {
  log "2. echo bulk: $ECHO_BYTES bytes through the echo per run, $ECHO_RUNS runs (MB/s)"
  local p=$((PORT_BASE + 2)) c sd_figs socat_figs i out=()
  # Both servers are up at once and the runs alternate between them, so that each pair sees the
  # same machine: run in two blocks minutes apart, the two spreads were this VM's load changing
  # between the blocks, not the servers (the C echo's own runs spread 2x the same way).
  local q=$((PORT_BASE + 12)) cpid spid cs=() ss=() pairs=()
  start c "$bin/epoll_echo" "$p"; wait_listen "$p"; cpid=$PID
  start sd "${SD[@]}" tcp-server --port "$q" --quiet --echo; wait_listen "$q"; spid=$PID
  for i in $(seq 1 "$WARMUP"); do
    timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$p" "$ECHO_BYTES" >/dev/null
    timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$q" "$ECHO_BYTES" >/dev/null
  done
  for i in $(seq 1 "$ECHO_RUNS"); do
    local rc rs
    rc=$(timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$p" "$ECHO_BYTES" | field MBps)
    rs=$(timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$q" "$ECHO_BYTES" | field MBps)
    cs+=("$rc"); ss+=("$rs"); pairs+=("$(awk -v a="$rs" -v b="$rc" 'BEGIN { printf "%.2f", a / b }')")
  done
  stop "$cpid"; stop "$spid"
  c=$(stats "${cs[@]}"); sd_figs=$(stats "${ss[@]}")
  log "echo: SocketDesk / C per alternating pair: ${pairs[*]}"
  for i in $(seq 0 "$ECHO_RUNS"); do
    start socat socat "TCP-LISTEN:$p,bind=127.0.0.1,reuseaddr" PIPE; wait_listen "$p"
    local r
    r=$(timeout 300 "$bin/tcp_echo_bulk" 127.0.0.1 "$p" "$ECHO_BYTES" | field MBps)
    stop "$PID"
    [ "$i" -gt 0 ] && out+=("$r")
  done
  socat_figs=$(stats "${out[@]}")
  local ref=${c%% *}
  start sim "${SD[@]}" simulate tcp-echo-server --bind 127.0.0.1 --port "$p"; wait_listen "$p"
  local bare
  bare=$(echo_runs "$ECHO_RUNS" "$p"); stop "$PID"
  row echo "C epoll echo (reference)" "$(mib "$ECHO_BYTES") echoed" "MB/s" "$c"
  row echo "socketdesk tcp-server --echo" "$(mib "$ECHO_BYTES") echoed" "MB/s" "$sd_figs" "$ref" ">= 0.90x"
  row echo "socat PIPE" "$(mib "$ECHO_BYTES") echoed" "MB/s" "$socat_figs" "$ref"
  row echo "simulate tcp-echo-server (context)" "$(mib "$ECHO_BYTES") echoed" "MB/s" "$bare" "$ref"
}

# ---------------------------------------------------------------- 3. echo RTT
# rtt_once PORT PIN: one run of RTT_COUNT round trips; prints "p50 p99".
rtt_once() {
  local pre=() line
  [ "$2" = pinned ] && pre=(taskset -c 0)
  line=$(timeout 300 "${pre[@]}" "$bin/tcp_rtt" 127.0.0.1 "$1" "$RTT_COUNT" 64)
  echo "$(field p50_us <<<"$line") $(field p99_us <<<"$line")"
}

job_rtt() {
  log "3. echo RTT: $RTT_COUNT sequential 64-byte round trips per run, $ECHO_RUNS runs (µs, lower is better)"
  local p=$((PORT_BASE + 3)) q=$((PORT_BASE + 13)) pin i cpid spid r
  for pin in pinned unpinned; do
    local pre=() c50=() c99=() s50=() s99=()
    [ "$pin" = pinned ] && pre=(taskset -c 0)
    # Both servers run at once (an idle one costs nothing) and the runs alternate between them,
    # so that both see the same machine: this VM's load changes from one minute to the next.
    start c "${pre[@]}" "$bin/epoll_echo" "$p"; wait_listen "$p"; cpid=$PID
    start sd "${pre[@]}" "${SD[@]}" tcp-server --port "$q" --quiet --echo; wait_listen "$q"; spid=$PID
    # JIT warm-up, pinned like the runs: with one CPU the compiler threads share it with the
    # event loop, and tiered compilation needs about this many round trips to settle.
    for i in 1 2 3 4 5; do
      timeout 300 "${pre[@]}" "$bin/tcp_rtt" 127.0.0.1 "$q" $((RTT_COUNT * WARMUP)) 64 >/dev/null
    done
    timeout 300 "${pre[@]}" "$bin/tcp_rtt" 127.0.0.1 "$p" $((RTT_COUNT * WARMUP)) 64 >/dev/null
    for i in $(seq 1 "$ECHO_RUNS"); do
      r=$(rtt_once "$p" "$pin"); c50+=("${r% *}"); c99+=("${r#* }")
      r=$(rtt_once "$q" "$pin"); s50+=("${r% *}"); s99+=("${r#* }")
    done
    stop "$cpid"; stop "$spid"
    local c50s c99s
    c50s=$(stats "${c50[@]}"); c99s=$(stats "${c99[@]}")
    row rtt "C epoll echo, $pin (reference)" "p50" "µs" "$c50s"
    row rtt "socketdesk --echo, $pin" "p50" "µs" "$(stats "${s50[@]}")" "${c50s%% *}" "<= 1.3x"
    row rtt "C epoll echo, $pin (reference)" "p99" "µs" "$c99s"
    row rtt "socketdesk --echo, $pin" "p99" "µs" "$(stats "${s99[@]}")" "${c99s%% *}" "<= 1.5x"
  done
}

# ---------------------------------------------------------------- 4. connections, memory, churn
# warm_accept PORT: holds and releases 2,000 connections, so that the server's accept path is
# compiled (JIT) and its buffers are sized before anything is measured.
warm_accept() {
  local port=$1 hpid i
  "$bin/hold" 127.0.0.1 "$port" 2000 >"$results/hold-warm.out" 2>&1 &
  hpid=$!
  PIDS+=("$hpid")
  for i in $(seq 1 300); do
    grep -q held "$results/hold-warm.out" && break
    sleep 0.1
  done
  stop "$hpid"
  sleep 2
}

# hold_count PORT COUNT OUT: opens COUNT idle clients in the background (pid in HOLD_PID) and
# waits until they are all connected.
hold_count() {
  local port=$1 count=$2 out=$3 i
  "$bin/hold" 127.0.0.1 "$port" "$count" >"$out" 2>&1 &
  HOLD_PID=$!
  PIDS+=("$HOLD_PID")
  for i in $(seq 1 600); do
    grep -q held "$out" && break
    sleep 0.1
  done
  sleep 2
}

# live_heap_kib PID: the live Java heap in KiB, from the class histogram (which runs a full GC).
live_heap_kib() { jcmd "$1" GC.class_histogram | awk '/^Total/ { printf "%d\n", $3 / 1024 }'; }

# hold_growth PORT SERVER_PID COUNT MEASURE: how much MEASURE (rss_kib or live_heap_kib, in KiB)
# of the server grows while COUNT idle clients are held, after warm_accept; MiB per 10k.
hold_growth() {
  local port=$1 spid=$2 count=$3 measure=$4 before after held
  warm_accept "$port"
  before=$("$measure" "$spid")
  hold_count "$port" "$count" "$results/hold.out"
  after=$("$measure" "$spid")
  held=$(field held <"$results/hold.out")
  stop "$HOLD_PID"
  awk -v a="$after" -v b="$before" -v h="$held" 'BEGIN { printf "%.2f\n", (a - b) / 1024 * 10000 / (h > 0 ? h : 1) }'
}

job_conns() {
  log "4. connections held, memory per 10k idle connections, churn"
  local p=$((PORT_BASE + 4)) i c_mem=() sd_mem=() sd_heap=() n_mem=() n_heap=()
  local netty=(java -Dio.netty.leakDetection.level=disabled -cp "$jar:$bin/java" NettyFloor "$p")
  for i in $(seq 1 "$RUNS"); do
    start c "$bin/epoll_sink" "$p"; wait_listen "$p"
    c_mem+=("$(hold_growth "$p" "$PID" 10000 rss_kib)"); stop "$PID"
    start netty "${netty[@]}"; wait_listen "$p"
    n_mem+=("$(hold_growth "$p" "$PID" 10000 rss_kib)"); stop "$PID"
    if command -v jcmd >/dev/null; then
      start netty "${netty[@]}"; wait_listen "$p"
      n_heap+=("$(hold_growth "$p" "$PID" 10000 live_heap_kib)"); stop "$PID"
    fi
    start sd "${SD[@]}" tcp-server --port "$p" --quiet; wait_listen "$p"
    sd_mem+=("$(hold_growth "$p" "$PID" 10000 rss_kib)"); stop "$PID"
    if command -v jcmd >/dev/null; then
      start sd "${SD[@]}" tcp-server --port "$p" --quiet; wait_listen "$p"
      sd_heap+=("$(hold_growth "$p" "$PID" 10000 live_heap_kib)"); stop "$PID"
    fi
  done
  # The live heap's ratio is to the bare Netty server: what SocketDesk adds to the Netty it is
  # built on. RSS growth gets no such ratio: it depends on which heap pages the new objects land
  # in (pages touched before the measurement do not count again), more than on the objects.
  local n_heaps
  row conns "C epoll server (reference)" "RSS growth /10k idle" "MiB" "$(stats "${c_mem[@]}")"
  row conns "bare Netty epoll server (floor)" "RSS growth /10k idle" "MiB" "$(stats "${n_mem[@]}")"
  row conns "socketdesk tcp-server" "RSS growth /10k idle" "MiB" "$(stats "${sd_mem[@]}")" "" "<= 10 MiB"
  if [ "${#sd_heap[@]}" -gt 0 ]; then
    n_heaps=$(stats "${n_heap[@]}")
    row conns "bare Netty epoll server (floor)" "live heap growth /10k idle" "MiB" "$n_heaps"
    row conns "socketdesk tcp-server" "live heap growth /10k idle" "MiB" "$(stats "${sd_heap[@]}")" \
      "${n_heaps%% *}"
  fi

  # Held at once: the simulator (another process) against one server, up to the fd limit; the
  # server's open fds minus those it had before are the connections it holds.
  start sd "${SD[@]}" tcp-server --port "$p" --quiet; wait_listen "$p"
  local spid=$PID base limit want held=0 best=0 rss_base
  sleep 1
  base=$(fds "$spid")
  rss_base=$(rss_kib "$spid")
  limit=$(ulimit -n)
  want=$((HOLD_COUNT < limit - 200 ? HOLD_COUNT : limit - 200))
  # --ramp keeps the burst within the server's accept backlog (tcp-server's default is 4096): a
  # connection dropped from a full accept queue looks established to an idle client forever.
  "${SD[@]}" simulate echo-client "127.0.0.1:$p" --count "$want" --greeting '' --duration 120s --ramp 2000 \
    >"$results/simulate-hold.out" 2>&1 &
  local simpid=$!
  PIDS+=("$simpid")
  for i in $(seq 1 240); do
    held=$(($(fds "$spid") - base))
    [ "$held" -gt "$best" ] && best=$held
    [ "$best" -ge "$want" ] && break
    kill -0 "$simpid" 2>/dev/null || break
    sleep 0.5
  done
  local rss_held
  rss_held=$(rss_kib "$spid")
  stop "$simpid"
  stop "$spid"
  row conns "socketdesk tcp-server + simulator" "idle connections held at once" "conns" "$best $best $best" "$want" "all of $want"
  # The same growth from a fresh server, without warm-up: it includes compiling the accept path
  # and the heap regions the collector adds while the connections arrive.
  local at_scale
  at_scale=$(awk -v a="$rss_held" -v b="$rss_base" -v h="$best" \
    'BEGIN { printf "%.2f", (a - b) / 1024 * 10000 / (h > 0 ? h : 1) }')
  row conns "socketdesk tcp-server, $best held" "RSS growth /10k, fresh server" "MiB" "$at_scale $at_scale $at_scale"
  log "  server RSS: $((rss_base / 1024)) MiB listening, $((rss_held / 1024)) MiB with $best connections"

  # Churn: connect/send/half-close cycles; the server's fd count before and after.
  start sd "${SD[@]}" tcp-server --port "$p" --quiet; wait_listen "$p"
  spid=$PID
  timeout 300 "$bin/churn" 127.0.0.1 "$p" 100 >/dev/null
  sleep 0.5
  local fd_before fd_after rss_before rss_after line heap_before="" heap_after=""
  # jcmd first: attaching opens a socket in the server that stays, and must not count as a leak.
  command -v jcmd >/dev/null && heap_before=$(live_heap_kib "$spid")
  fd_before=$(fds "$spid"); rss_before=$(rss_kib "$spid")
  line=$(timeout 300 "$bin/churn" 127.0.0.1 "$p" "$CHURN_CYCLES")
  sleep 1
  fd_after=$(fds "$spid"); rss_after=$(rss_kib "$spid")
  command -v jcmd >/dev/null && heap_after=$(live_heap_kib "$spid")
  stop "$spid"
  local per_s
  per_s=$(field per_second <<<"$line")
  row conns "socketdesk churn $CHURN_CYCLES cycles" "cycles/s (failed $(field failed <<<"$line"))" "/s" "$per_s $per_s $per_s"
  row conns "socketdesk churn: fds before -> after" "open fds" "fds" "$fd_after $fd_before $fd_after" "$fd_before" "1.00x (no leak)"
  [ -n "$heap_before" ] &&
    row conns "socketdesk churn: live heap before -> after" "KiB after a full GC" "KiB" "$heap_after $heap_before $heap_after" "$heap_before" "no growth"
  log "  churn RSS before $rss_before KiB, after $rss_after KiB (the young generation growing, see the live heap row)"
}

# ---------------------------------------------------------------- 5. UDP
# udp_drops PORT: the kernel's drop count of the UDP socket bound to PORT (IPv4 and IPv6 tables).
udp_drops() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v p=":$hex" '$2 ~ p"$" { d += $NF } END { print d + 0 }' /proc/net/udp /proc/net/udp6
}

# udp_rx_runs N PORT: datagrams/s taken by the receiver: sent minus the socket's drops.
udp_rx_runs() {
  local n=$1 port=$2 i out=() line sent secs d0 d1
  for i in $(seq 1 "$WARMUP"); do "$bin/udp_blast" 127.0.0.1 "$port" "$UDP_SECONDS" 64 >/dev/null; done
  for i in $(seq 1 "$n"); do
    d0=$(udp_drops "$port")
    line=$("$bin/udp_blast" 127.0.0.1 "$port" "$UDP_SECONDS" 64)
    sleep 0.3
    d1=$(udp_drops "$port")
    sent=$(field sent <<<"$line"); secs=$(field seconds <<<"$line")
    out+=("$(awk -v s="$sent" -v d="$((d1 - d0))" -v t="$secs" 'BEGIN { printf "%.0f", (s - d) / t }')")
  done
  stats "${out[@]}"
}

job_udp() {
  log "5. UDP: 64-byte datagrams, $UDP_SECONDS s per run, $RUNS runs (datagrams/s)"
  local p=$((PORT_BASE + 5)) c sd_figs i out=() sim=() ps=()
  start c "$bin/udp_sink" "$p"; wait_udp "$p"
  c=$(udp_rx_runs "$RUNS" "$p"); stop "$PID"
  start sd "${SD[@]}" udp --port "$p" --quiet; wait_udp "$p"
  sd_figs=$(udp_rx_runs "$RUNS" "$p"); stop "$PID"
  for i in $(seq 1 "$RUNS"); do
    start iperf iperf3 -s -1 -p "$p"; wait_listen "$p"
    iperf3 -u -c 127.0.0.1 -p "$p" -l 64 -b 0 -t "$UDP_SECONDS" -J >"$results/iperf3.json" 2>/dev/null || true
    stop "$PID"
    out+=("$(awk -F'[:,]' '/"packets"/ { p = $2 } /"lost_packets"/ { l = $2 } /"seconds"/ { s = $2 } END { if (s > 0) printf "%.0f", (p - l) / s; else print 0 }' "$results/iperf3.json")")
  done
  local ref=${c%% *}
  row udp "C recvfrom loop (reference)" "received" "dgram/s" "$c"
  row udp "socketdesk udp --quiet" "received" "dgram/s" "$sd_figs" "$ref"
  row udp "iperf3 -u -l 64 (context)" "received" "dgram/s" "$(stats "${out[@]}")" "$ref"

  start c "$bin/udp_sink" "$p"; wait_udp "$p"
  for i in $(seq 1 "$RUNS"); do
    # The mean of the per-second send rates from the third second on (after the JIT warm-up).
    sim+=("$("${SD[@]}" simulate udp-client "127.0.0.1:$p" --interval 0 --json \
      --duration "$((UDP_SECONDS + 2))s" 2>&1 >/dev/null | awk '
        $1 + 0 >= 3 { for (i = 1; i < NF; i++) if ($i == "out") { v = $(i + 1); m = 1;
          if (v ~ /k$/) m = 1e3; if (v ~ /M$/) m = 1e6; sub(/[kM]$/, "", v); s += v * m; n++; break } }
        END { printf "%.0f", n ? s / n : 0 }')")
    local t0 t1
    t0=$(date +%s%N)
    QT_QPA_PLATFORM=offscreen timeout 30 packetsender -q -u --num 100000 --usdelay 0 127.0.0.1 "$p" "48 65 6C 6C 6F" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    ps+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", 100000 / ((b - a) / 1e9) }')")
  done
  stop "$PID"
  row udp "socketdesk simulate udp-client" "sent (1 device)" "dgram/s" "$(stats "${sim[@]}")"
  row udp "packetsender --num 100000 (context)" "sent" "dgram/s" "$(stats "${ps[@]}")" "$(stats "${sim[@]}" | cut -d' ' -f1)"
}

# ---------------------------------------------------------------- 6. start-up
# release_folder: the release's layout (the jar and its sh launcher) in bench/out/release, with the
# class-data archive its first run trains in the background (waited for, at most 60 s).
release_folder() {
  local rel="$here/out/release" i
  mkdir -p "$rel"
  if [ ! -f "$rel/socketdesk.jar" ] || [ "$jar" -nt "$rel/socketdesk.jar" ]; then
    rm -rf "$rel/.cds"
    cp "$jar" "$rel/socketdesk.jar"
  fi
  cp "$root/app/src/release/socketdesk" "$rel/socketdesk"
  chmod 755 "$rel/socketdesk"
  "$rel/socketdesk" --version >/dev/null 2>&1 || die "the release launcher does not run"
  for i in $(seq 1 600); do
    ls "$rel"/.cds/*.jsa >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo "$rel"
}

job_startup() {
  log "6. start-up: process start to listening; one-shot round trip (ms, lower is better)"
  local p=$((PORT_BASE + 6)) e=$((PORT_BASE + 7)) i sd_l=() nc_l=() bare_l=() rel_l=() sd_rt=() nc_rt=() ps_rt=() t0 t1 rel=""
  [ -z "${SD_CMD:-}" ] && rel=$(release_folder)
  for i in $(seq 1 "$RUNS"); do
    bare_l+=("$("$bin/startup" "$p" 20 java -cp "$bin/java" BareServer "$p" | field ms)")
    sd_l+=("$("$bin/startup" "$p" 20 "${SD[@]}" tcp-server --port "$p" --quiet | field ms)")
    if [ -n "$rel" ]; then
      rel_l+=("$("$bin/startup" "$p" 20 "$rel/socketdesk" tcp-server --port "$p" --quiet | field ms)")
    fi
    nc_l+=("$("$bin/startup" "$p" 20 nc.openbsd -d -l 127.0.0.1 "$p" | field ms)")
  done
  local bare_med
  bare_med=$(stats "${bare_l[@]}" | cut -d' ' -f1)
  row startup "nc -l (context)" "start to listening" "ms" "$(stats "${nc_l[@]}")"
  row startup "bare Java ServerSocket (reference)" "start to listening" "ms" "$(stats "${bare_l[@]}")"
  row startup "socketdesk tcp-server" "start to listening" "ms" "$(stats "${sd_l[@]}")" \
    "$bare_med" "<= 3x"
  if [ -n "$rel" ]; then
    row startup "release launcher: socketdesk tcp-server" "start to listening" "ms" \
      "$(stats "${rel_l[@]}")" "$bare_med" "<= 3x"
  fi
  start c "$bin/epoll_echo" "$e"; wait_listen "$e"
  for i in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N); printf hi | "${SD[@]}" tcp-client "127.0.0.1:$e" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    sd_rt+=("$(( (t1 - t0) / 1000000 ))")
    t0=$(date +%s%N); printf hi | nc.openbsd -N 127.0.0.1 "$e" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    nc_rt+=("$(( (t1 - t0) / 1000000 ))")
    t0=$(date +%s%N); QT_QPA_PLATFORM=offscreen packetsender -q -t -a -w 1000 127.0.0.1 "$e" hi >/dev/null 2>&1 || true; t1=$(date +%s%N)
    ps_rt+=("$(( (t1 - t0) / 1000000 ))")
  done
  stop "$PID"
  local ref
  ref=$(stats "${nc_rt[@]}" | cut -d' ' -f1)
  row startup "printf hi | nc -N (reference)" "one-shot round trip" "ms" "$(stats "${nc_rt[@]}")"
  row startup "printf hi | socketdesk tcp-client" "one-shot round trip" "ms" "$(stats "${sd_rt[@]}")" "$ref"
  row startup "packetsender -w 1000 (context)" "one-shot round trip" "ms" "$(stats "${ps_rt[@]}")" "$ref"
}

# ---------------------------------------------------------------- 7. reply rules
# cpu_seconds PID: user + system CPU time of the process so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($14 + $15) / hz }' "/proc/$1/stat"; }

# trickle_cpu PORT ARGS...: starts socketdesk ARGS, warms it up with 3 s of device traffic, then
# prints the CPU seconds it spends on TRICKLE_SECONDS of the same traffic (4 devices, a line each
# every 10 ms: about 3.5 KB/s each).
trickle_cpu() {
  local port=$1 before after
  shift
  start sd "${SD[@]}" "$@"; wait_listen "$port"
  timeout 30 "$bin/trickle" 127.0.0.1 "$port" 4 10 3 >/dev/null
  before=$(cpu_seconds "$PID")
  timeout $((TRICKLE_SECONDS + 30)) "$bin/trickle" 127.0.0.1 "$port" 4 10 "$TRICKLE_SECONDS" >/dev/null
  after=$(cpu_seconds "$PID")
  stop "$PID"
  awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f\n", a - b }'
}

job_rules() {
  log "7. reply rules: CPU seconds of tcp-server --echo for ${TRICKLE_SECONDS} s of 4 devices, with and without a BEGIN.*END rule, $RUNS runs"
  local p=$((PORT_BASE + 7)) i plain=() rules=()
  for i in $(seq 1 "$RUNS"); do
    plain+=("$(trickle_cpu "$p" tcp-server --port "$p" --quiet --echo)")
    rules+=("$(trickle_cpu "$p" tcp-server --port "$p" --quiet --echo --reply 'BEGIN.*END=>OK\n')")
  done
  local ref
  ref=$(stats "${plain[@]}" | cut -d' ' -f1)
  row rules "tcp-server --echo (reference)" "CPU, ${TRICKLE_SECONDS} s of 4 devices" "s" "$(stats "${plain[@]}")"
  row rules "tcp-server --echo --reply 'BEGIN.*END=>OK'" "CPU, ${TRICKLE_SECONDS} s of 4 devices" "s" "$(stats "${rules[@]}")" "$ref" "<= 2.0x"
}

# ---------------------------------------------------------------- 8. capture
job_capture() {
  log "8. capture: sink and echo of $(mib "$CAPTURE_BYTES") with --capture and without, $RUNS runs (MB/s of payload)"
  local p=$((PORT_BASE + 8)) off on eoff eon cap noff non
  cap=$(mktemp -d)
  local saved=$SINK_BYTES
  SINK_BYTES=$CAPTURE_BYTES
  start sd "${SD[@]}" tcp-server --port "$p" --quiet; wait_listen "$p"
  off=$(sink_runs_persistent "$RUNS" "$p"); stop "$PID"
  start sd "${SD[@]}" tcp-server --port "$p" --quiet --capture "$cap/sink.pcap" --capture-max 1GB --capture-files 2; wait_listen "$p"
  on=$(sink_runs_persistent "$RUNS" "$p"); stop "$PID"
  # The library's floor in the same run: a bare Netty sink, then the same with Netty's
  # PcapWriteHandler writing to a plain buffered file stream (bench/java/PcapFloor.java).
  local floor=(java -Dio.netty.leakDetection.level=disabled -cp "$jar:$bin/java" PcapFloor "$p")
  start netty "${floor[@]}"; wait_listen "$p"
  noff=$(sink_runs_persistent "$RUNS" "$p"); stop "$PID"
  start netty "${floor[@]}" "$cap/floor.pcap"; wait_listen "$p"
  non=$(sink_runs_persistent "$RUNS" "$p"); stop "$PID"
  rm -f "$cap/floor.pcap"
  SINK_BYTES=$saved
  local saved_echo=$ECHO_BYTES
  ECHO_BYTES=$CAPTURE_BYTES
  start sd "${SD[@]}" tcp-server --port "$p" --quiet --echo; wait_listen "$p"
  eoff=$(echo_runs "$RUNS" "$p"); stop "$PID"
  start sd "${SD[@]}" tcp-server --port "$p" --quiet --echo --capture "$cap/echo.pcap" --capture-max 1GB --capture-files 2; wait_listen "$p"
  eon=$(echo_runs "$RUNS" "$p"); stop "$PID"
  ECHO_BYTES=$saved_echo
  # The disk's own floor in the same run: dd writes as many bytes as one capture server received
  # (warm-up and measured runs), in one go to the same folder, as page-cache writes without fsync
  # like the capture's. Past the kernel's dirty-page limit a writer runs at the disk's own speed.
  local disk=() i
  for i in $(seq 1 "$RUNS"); do
    disk+=("$(dd if=/dev/zero of="$cap/floor" bs=256k count=$(((WARMUP + RUNS) * CAPTURE_BYTES / 262144)) 2>&1 \
      | awk '/copied/ { for (i = 1; i <= NF; i++) if ($i == "s,") { print $(i-1) } }' \
      | awk -v b="$(((WARMUP + RUNS) * CAPTURE_BYTES))" '{ printf "%.1f\n", b / $1 / 1e6 }')")
    rm -f "$cap/floor"
  done
  rm -rf "$cap"
  row capture "tcp-server --quiet (reference)" "$(mib "$CAPTURE_BYTES") in" "MB/s" "$off"
  row capture "tcp-server --quiet --capture" "$(mib "$CAPTURE_BYTES") in, captured" "MB/s" "$on" "${off%% *}" ">= 0.5x"
  row capture "dd to the capture folder (disk floor)" "$(mib $(((WARMUP + RUNS) * CAPTURE_BYTES))) written" "MB/s" "$(stats "${disk[@]}")"
  row capture "tcp-server --quiet --capture vs disk" "$(mib "$CAPTURE_BYTES") in, captured" "MB/s" "$on" "$(stats "${disk[@]}" | cut -d' ' -f1)"
  row capture "bare Netty sink (library floor, reference)" "$(mib "$CAPTURE_BYTES") in" "MB/s" "$noff"
  row capture "bare Netty sink + PcapWriteHandler" "$(mib "$CAPTURE_BYTES") in, captured" "MB/s" "$non" "${noff%% *}"
  row capture "tcp-server --quiet --capture vs the floor" "$(mib "$CAPTURE_BYTES") in, captured" "MB/s" "$on" "${non%% *}"
  row capture "tcp-server --echo (reference)" "$(mib "$CAPTURE_BYTES") echoed" "MB/s" "$eoff"
  row capture "tcp-server --echo --capture" "$(mib "$CAPTURE_BYTES") echoed, captured" "MB/s" "$eon" "${eoff%% *}" ">= 0.5x"
}

# ---------------------------------------------------------------- forward
# Relaying each connection to the C epoll echo: bulk throughput against socat's relay, and the
# round trip against the C echo reached directly and through the least a relay can do (the C
# epoll relay, bench/c/epoll_relay.c: the floor of what a relay adds on this machine), runs
# alternating between the three.
job_forward() {
  log "forward: $FWD_BYTES bytes through a relay to the C echo per run, $RUNS runs (MB/s); RTT $RTT_COUNT x 64 B (µs)"
  local e=$((PORT_BASE + 30)) p=$((PORT_BASE + 31)) q=$((PORT_BASE + 32)) c=$((PORT_BASE + 34)) i sd_figs socat_figs
  start c "$bin/epoll_echo" "$e"; wait_listen "$e"; local epid=$PID
  start sd "${SD[@]}" forward --bind 127.0.0.1 --port "$p" --quiet "127.0.0.1:$e"; wait_listen "$p"; local spid=$PID
  start socat socat "TCP-LISTEN:$q,bind=127.0.0.1,reuseaddr,fork" "TCP:127.0.0.1:$e"; wait_listen "$q"; local qpid=$PID
  local saved=$ECHO_BYTES
  ECHO_BYTES=$FWD_BYTES
  sd_figs=$(echo_runs "$RUNS" "$p")
  socat_figs=$(echo_runs "$RUNS" "$q")
  ECHO_BYTES=$saved
  row forward "socat TCP-LISTEN,fork TCP: (reference)" "$(mib "$FWD_BYTES") relayed+echoed" "MB/s" "$socat_figs"
  row forward "socketdesk forward --quiet" "$(mib "$FWD_BYTES") relayed+echoed" "MB/s" "$sd_figs" "${socat_figs%% *}" ">= 2x"
  stop "$qpid"
  start relay "$bin/epoll_relay" "$c" "$e"; wait_listen "$c"; local cpid=$PID
  local direct=() fwd=() added=() floor=() floor_added=() r d f g
  for i in 1 2 3 4 5; do
    timeout 300 "$bin/tcp_rtt" 127.0.0.1 "$p" $((RTT_COUNT * WARMUP)) 64 >/dev/null
  done
  for i in $(seq 1 "$ECHO_RUNS"); do
    d=$(rtt_once "$e" unpinned); d=${d% *}; direct+=("$d")
    f=$(rtt_once "$p" unpinned); f=${f% *}; fwd+=("$f")
    g=$(rtt_once "$c" unpinned); g=${g% *}; floor+=("$g")
    added+=("$(awk -v a="$f" -v b="$d" 'BEGIN { printf "%.2f", a - b }')")
    floor_added+=("$(awk -v a="$g" -v b="$d" 'BEGIN { printf "%.2f", a - b }')")
  done
  stop "$spid"; stop "$cpid"; stop "$epid"
  local ds fas
  ds=$(stats "${direct[@]}"); fas=$(stats "${floor_added[@]}")
  row forward "C epoll echo direct (reference)" "RTT p50" "µs" "$ds"
  row forward "client -> C epoll relay -> C echo" "RTT p50" "µs" "$(stats "${floor[@]}")" "${ds%% *}"
  row forward "client -> forward -> C echo" "RTT p50" "µs" "$(stats "${fwd[@]}")" "${ds%% *}"
  row forward "RTT added by the C relay (floor)" "p50 of relay - direct" "µs" "$fas" "${ds%% *}"
  row forward "RTT added by forward" "p50 of forward - direct" "µs" "$(stats "${added[@]}")" "${ds%% *}" "<= 1.5x"
  row forward "RTT added: forward vs the C relay" "p50 of forward - direct" "µs" "$(stats "${added[@]}")" "${fas%% *}"
}

# ---------------------------------------------------------------- serial
# Receiving from a serial port: SERIAL_BYTES written into pty B of a socat pair arrive on pty A,
# relayed to a TCP client by SocketDesk's forward to serial:A, or by socat itself relaying the same
# pty A (the ser2net role). One direction: an echo through a socat pty pair can deadlock socat.
serial_runs() {
  local n=$1 port=$2 far=$3 i out=()
  shift 3
  for i in $(seq 0 "$n"); do
    start srv "$@"; wait_listen "$port"
    local r
    r=$(timeout 300 /usr/bin/python3 "$here/serial_rx.py" 127.0.0.1 "$port" "$far" "$SERIAL_BYTES" | field MBps)
    stop "$PID"
    [ "$i" -gt 0 ] && out+=("$r")
  done
  stats "${out[@]}"
}

job_serial() {
  log "serial: $SERIAL_BYTES bytes from a pty pair per run, $RUNS runs (MB/s)"
  local p=$((PORT_BASE + 33)) dir i sd_figs socat_figs
  dir=$(mktemp -d)
  start pair socat "pty,raw,echo=0,link=$dir/A" "pty,raw,echo=0,link=$dir/B"; local pair=$PID
  for i in $(seq 1 400); do [ -e "$dir/B" ] && break; sleep 0.025; done
  sd_figs=$(serial_runs "$RUNS" "$p" "$dir/B" "${SD[@]}" forward --bind 127.0.0.1 --port "$p" --quiet "serial:$dir/A?baud=3000000")
  socat_figs=$(serial_runs "$RUNS" "$p" "$dir/B" socat "TCP-LISTEN:$p,bind=127.0.0.1,reuseaddr" "$dir/A,raw,echo=0")
  stop "$pair"; rm -rf "$dir"
  row serial "socat TCP-LISTEN to pty A (reference)" "$(mib "$SERIAL_BYTES") from pty" "MB/s" "$socat_figs"
  row serial "socketdesk forward serial:A" "$(mib "$SERIAL_BYTES") from pty" "MB/s" "$sd_figs" "${socat_figs%% *}"
}

# ---------------------------------------------------------------- 9, 10. TLS and WebSocket
# shellcheck source=tls_ws.sh
. "$here/tls_ws.sh"

# ---------------------------------------------------------------- main
jobs=("$@")
((${#jobs[@]})) || jobs=("${ALL_JOBS[@]}")
for j in "${jobs[@]}"; do
  [[ " ${ALL_JOBS[*]} " == *" $j "* ]] || die "unknown job '$j'; use any of: ${ALL_JOBS[*]}"
done
install_tools
build
# The jar is current now: the launcher can skip its look at the sources' times (a dev convenience
# that the release launcher does not have).
export SOCKETDESK_NO_BUILD=1
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t_start=$(date +%s)
for j in "${jobs[@]}"; do
  "job_$j"
  cleanup
done
machine="$(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr), $(java -version 2>&1 | head -1), load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "SocketDesk benchmarks, $started, $(($(date +%s) - t_start)) s"
  echo
  echo "Machine: $machine"
  echo
  echo "Runs: $RUNS (echo and RTT: $ECHO_RUNS). Median, min and max; ratio = median / the reference's median."
  echo
  echo "| job | tool | metric | median | min | max | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
} | tee "$results/latest.md"
