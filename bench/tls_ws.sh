# The TLS and WebSocket jobs of run.sh (sourced by it; uses its helpers start, stop, stats, row).
#
#   tls: echo bulk through tcp-server --echo --tls against socat OPENSSL-LISTEN ... PIPE, against
#        the floor of the JDK's TLS (bench/java/NettyTlsEcho.java: a bare Netty echo with the JDK
#        provider SocketDesk uses) and against SocketDesk's plain echo, every server with the same
#        cipher (TLS_SUITE); full handshakes per second against openssl s_server.
#   ws:  64-byte messages per second and 1 MiB messages in MB/s through ws-server --echo against a
#        bare Netty WebSocket echo server (bench/java/NettyWsEcho.java), with the same client
#        (bench/java/WsLoad.java) on one connection.
# Servers that stay up are measured in alternation, run for run, so that both see the same load.
TLS_BYTES="${TLS_BYTES:-268435456}"
HANDSHAKE_SECONDS="${HANDSHAKE_SECONDS:-5}"
WS_SMALL_COUNT="${WS_SMALL_COUNT:-500000}"
WS_BIG_COUNT="${WS_BIG_COUNT:-512}"
WS_WINDOW="${WS_WINDOW:-64}"
TLS_SUITE="${TLS_SUITE:-TLS_AES_128_GCM_SHA256}"

# The C TLS client and the Java WebSocket programs; run.sh's build() has made the jar.
build_tls_ws() {
  if [ ! -x "$bin/tls_echo_bulk" ] || [ "$here/c/tls_echo_bulk.c" -nt "$bin/tls_echo_bulk" ]; then
    gcc -O2 -Wall -Wno-unused-function -o "$bin/tls_echo_bulk" "$here/c/tls_echo_bulk.c" -lssl -lcrypto \
      || die "gcc failed on tls_echo_bulk.c (needs libssl-dev)"
  fi
  local j
  for j in NettyWsEcho WsLoad NettyTlsEcho; do
    if [ ! -f "$bin/java/$j.class" ] || [ "$here/java/$j.java" -nt "$bin/java/$j.class" ] || [ "$jar" -nt "$bin/java/$j.class" ]; then
      javac -d "$bin/java" -cp "$jar" "$here/java/$j.java" || die "javac failed on $j.java"
    fi
  done
  if [ ! -f "$bin/tls.crt" ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$bin/tls.key" \
      -out "$bin/tls.crt" -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 -days 3650 2>/dev/null \
      || die "openssl could not make the benchmark certificate"
  fi
}

# tls_once PORT: MB/s of one TLS echo run with the job's cipher.
tls_once() { timeout 300 "$bin/tls_echo_bulk" 127.0.0.1 "$1" "$TLS_BYTES" "$TLS_SUITE" | field MBps; }

# handshakes PORT: full TLS handshakes per second, openssl s_time (one after another, no reuse).
handshakes() {
  local t0 t1 n
  t0=$(date +%s.%N)
  n=$(timeout 120 openssl s_time -connect "127.0.0.1:$1" -new -time "$HANDSHAKE_SECONDS" 2>/dev/null \
    | awk '/connections in .* real seconds/ { print $1; exit }')
  t1=$(date +%s.%N)
  awk -v n="${n:-0}" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", n / (b - a) }'
}

job_tls() {
  build_tls_ws
  log "9. TLS: $TLS_BYTES bytes through a TLS echo per run ($TLS_SUITE), $RUNS runs (MB/s); handshakes/s"
  local p=$((PORT_BASE + 9)) f=$((PORT_BASE + 19)) q=$((PORT_BASE + 29)) sd_pid floor_pid plain i
  local sd=() floor=() soc=() cert=(--cert "$bin/tls.crt" --key "$bin/tls.key")
  start sd "${SD[@]}" tcp-server --port "$p" --quiet --echo --tls "${cert[@]}"; wait_listen "$p"; sd_pid=$PID
  start floor java -Dio.netty.leakDetection.level=disabled -cp "$jar:$bin/java" NettyTlsEcho "$f" \
    "$bin/tls.crt" "$bin/tls.key"; wait_listen "$f"; floor_pid=$PID
  for i in $(seq 1 "$WARMUP"); do tls_once "$p" >/dev/null; tls_once "$f" >/dev/null; done
  for i in $(seq 0 "$RUNS"); do
    start socat socat "OPENSSL-LISTEN:$q,bind=127.0.0.1,reuseaddr,cert=$bin/tls.crt,key=$bin/tls.key,verify=0" PIPE
    wait_listen "$q"
    local r
    r=$(tls_once "$q")
    stop "$PID"
    [ "$i" -gt 0 ] || continue
    soc+=("$r")
    sd+=("$(tls_once "$p")")
    floor+=("$(tls_once "$f")")
  done
  stop "$sd_pid"; stop "$floor_pid"
  local socs floors sds
  socs=$(stats "${soc[@]}"); floors=$(stats "${floor[@]}"); sds=$(stats "${sd[@]}")
  local saved=$ECHO_BYTES
  ECHO_BYTES=$TLS_BYTES
  start sd "${SD[@]}" tcp-server --port "$p" --quiet --echo; wait_listen "$p"
  plain=$(echo_runs "$RUNS" "$p"); stop "$PID"
  ECHO_BYTES=$saved
  local m="$(mib "$TLS_BYTES") echoed"
  row tls "socat OPENSSL-LISTEN PIPE (reference)" "$m" "MB/s" "$socs"
  row tls "bare Netty + JDK TLS echo (floor)" "$m" "MB/s" "$floors" "${socs%% *}"
  row tls "socketdesk tcp-server --echo --tls" "$m" "MB/s" "$sds" "${socs%% *}" ">= 2x"
  row tls "socketdesk TLS vs the JDK floor" "$m" "MB/s" "$sds" "${floors%% *}"
  row tls "socketdesk tcp-server --echo (plain)" "$m" "MB/s" "$plain"
  row tls "socketdesk TLS vs plain echo" "$m" "MB/s" "$sds" "${plain%% *}"

  local hs_ref=() hs_sd=()
  start ref openssl s_server -accept "$p" -cert "$bin/tls.crt" -key "$bin/tls.key" -quiet; wait_listen "$p"
  handshakes "$p" >/dev/null
  for i in $(seq 1 "$RUNS"); do hs_ref+=("$(handshakes "$p")"); done
  stop "$PID"
  start sd "${SD[@]}" tcp-server --port "$p" --quiet --tls "${cert[@]}"; wait_listen "$p"
  for i in $(seq 1 "$WARMUP"); do handshakes "$p" >/dev/null; done
  for i in $(seq 1 "$RUNS"); do hs_sd+=("$(handshakes "$p")"); done
  stop "$PID"
  local hs_refs
  hs_refs=$(stats "${hs_ref[@]}")
  row tls "openssl s_server (reference)" "full handshakes, s_time" "/s" "$hs_refs"
  row tls "socketdesk tcp-server --tls" "full handshakes, s_time" "/s" "$(stats "${hs_sd[@]}")" "${hs_refs%% *}"
}

# ws_once URL COUNT SIZE WINDOW KEY: one WsLoad run, its KEY figure (msgps or MBps).
ws_once() {
  timeout 300 java -Dio.netty.leakDetection.level=disabled -cp "$jar:$bin/java" WsLoad "$1" "$2" "$3" "$4" | field "$5"
}

job_ws() {
  build_tls_ws
  log "10. WebSocket echo: $WS_SMALL_COUNT 64-byte messages (msgs/s), $WS_BIG_COUNT 1 MiB messages (MB/s), $RUNS runs"
  local p=$((PORT_BASE + 10)) url n_small n_big s_small s_big
  local q=$((PORT_BASE + 20)) npid spid i ns=() nb=() ss=() sb=()
  url="ws://127.0.0.1:$p/ws"
  local sdurl="ws://127.0.0.1:$q/ws"
  start netty java -Dio.netty.leakDetection.level=disabled -cp "$jar:$bin/java" NettyWsEcho "$p" /ws; wait_listen "$p"; npid=$PID
  start sd "${SD[@]}" ws-server --port "$q" --path /ws --quiet --echo; wait_listen "$q"; spid=$PID
  for i in $(seq 1 "$WARMUP"); do
    ws_once "$url" "$WS_SMALL_COUNT" 64 "$WS_WINDOW" msgps >/dev/null
    ws_once "$sdurl" "$WS_SMALL_COUNT" 64 "$WS_WINDOW" msgps >/dev/null
  done
  for i in $(seq 1 "$RUNS"); do
    ns+=("$(ws_once "$url" "$WS_SMALL_COUNT" 64 "$WS_WINDOW" msgps)")
    ss+=("$(ws_once "$sdurl" "$WS_SMALL_COUNT" 64 "$WS_WINDOW" msgps)")
  done
  ws_once "$url" "$WS_BIG_COUNT" 1048576 4 MBps >/dev/null
  ws_once "$sdurl" "$WS_BIG_COUNT" 1048576 4 MBps >/dev/null
  for i in $(seq 1 "$RUNS"); do
    nb+=("$(ws_once "$url" "$WS_BIG_COUNT" 1048576 4 MBps)")
    sb+=("$(ws_once "$sdurl" "$WS_BIG_COUNT" 1048576 4 MBps)")
  done
  stop "$npid"; stop "$spid"
  n_small=$(stats "${ns[@]}"); n_big=$(stats "${nb[@]}"); s_small=$(stats "${ss[@]}"); s_big=$(stats "${sb[@]}")
  row ws "bare Netty WebSocket echo (reference)" "64 B messages echoed" "msg/s" "$n_small"
  row ws "socketdesk ws-server --echo" "64 B messages echoed" "msg/s" "$s_small" "${n_small%% *}" ">= 0.9x"
  row ws "bare Netty WebSocket echo (reference)" "1 MiB messages echoed" "MB/s" "$n_big"
  row ws "socketdesk ws-server --echo" "1 MiB messages echoed" "MB/s" "$s_big" "${n_big%% *}"
}
