#!/usr/bin/env bash
# How late a deadline fires: `callactions fire --timeout N` and `curl --max-time N` against a
# server that never answers, one that drips its body a byte every 300 ms and one that drips its
# headers so, for each N given (seconds, default 1 15 30 60). The runs overlap (they only wait), started 0.3 s apart; each is timed
# with a monotonic clock around its process. Needs the benchmark kit's sink (../shared/bench/sink):
#   sink --hang 47081 --drip 47082 &
#   benches/deadline.sh [N ...]
# Prints one Markdown row per length and server: the wall time of each and its overshoot.
set -euo pipefail
CA=${CA:-target/release/callactions}
HANG=${HANG:-47081}
DRIP=${DRIP:-47082}
lengths=("${@:-1 15 30 60}")
read -r -a lengths <<<"${lengths[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/deadline.yaml" <<YAML
actions:
  - name: hang
    event: call_start
    url: http://127.0.0.1:$HANG/
  - name: drip-body
    event: call_start
    url: http://127.0.0.1:$DRIP/
  - name: drip-head
    event: call_start
    url: http://127.0.0.1:$DRIP/drip-head
YAML

# Runs a command, then writes its wall time in seconds (monotonic clock) to a file.
timed() {
  local out=$1
  shift
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "scale=4; ($end - $start) / 1000000000" | bc >"$out"
}

for n in "${lengths[@]}"; do
  for server in hang drip-body drip-head; do
    url=http://127.0.0.1:$HANG/
    [ "$server" = drip-body ] && url=http://127.0.0.1:$DRIP/
    [ "$server" = drip-head ] && url=http://127.0.0.1:$DRIP/drip-head
    # Staggered, so no two processes start (or end) at the same moment on a small machine.
    timed "$work/ca-$server-$n" "$CA" fire "$work/deadline.yaml" --action "$server" --timeout "${n}s" &
    sleep 0.3
    timed "$work/curl-$server-$n" curl -sS --max-time "$n" "$url" &
    sleep 0.3
  done
done
wait

echo "| deadline | server | callactions | overshoot | curl --max-time | overshoot |"
echo "|---|---|---|---|---|---|"
for n in "${lengths[@]}"; do
  for server in hang drip-body drip-head; do
    ca=$(cat "$work/ca-$server-$n")
    curl=$(cat "$work/curl-$server-$n")
    printf '| %s s | %s | %.3f s | %+.0f ms | %.3f s | %+.0f ms |\n' "$n" "$server" "$ca" \
      "$(echo "($ca - $n) * 1000" | bc)" "$curl" "$(echo "($curl - $n) * 1000" | bc)"
  done
done
