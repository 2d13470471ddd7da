#!/usr/bin/env bash
# bench/accesslog.sh — what server.access_log costs (issue 14): wrk against
# three seedfeed daemons on the same 1,000-article corpus, in alternating
# rounds: "base" built from the commit before the access log, "off" (this
# tree, access_log: false, the default) and "on" (this tree, access_log:
# true, its stderr appended to a file that is emptied after every run, as
# a log file on disk would be written). Three request kinds, as
# bench/serve.sh: plain GET, Accept-Encoding: gzip, and a conditional
# gzip request answered 304. All three send a feed reader's User-Agent.
#
#   BASE=d136a01 bench/accesslog.sh          # about 5 minutes
#   BASE_DIR=/path/to/checkout bench/accesslog.sh
#
# Environment: BASE (a commit, exported with git archive; default the
# access log's parent, d136a01) or BASE_DIR (a checkout to build instead),
# N (articles, 1000), ROUNDS (5), DURATION (seconds per wrk run, 5),
# THREADS (2), CONNS (64), OUT (raw results). Everything listens on
# 127.0.0.1 and is stopped on exit.
set -euo pipefail

N=${N:-1000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
BASE=${BASE:-d136a01}
. "$(dirname "$0")/lib.sh"
bench_setup accesslog
need wrk curl

echo "machine: $(nproc) cores; $(go version | cut -d' ' -f3); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2);" \
	"seedfeed $(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo '(not a git checkout)'); base ${BASE_DIR:-$BASE}"
echo "== building"
if [[ -z ${BASE_DIR:-} ]]; then
	BASE_DIR=$WORK/base-src
	mkdir -p "$BASE_DIR"
	(cd "$REPO" && git archive "$BASE") | tar -x -C "$BASE_DIR"
fi
(cd "$BASE_DIR" && go build -o "$WORK/seedfeed-base" ./cmd/seedfeed)
(cd "$REPO" && go build -o "$WORK/seedfeed" ./cmd/seedfeed && go build -o "$WORK/corpusgen" ./internal/corpus/corpusgen)
"$WORK/corpusgen" -n "$N" -out "$WORK/seeds"

SERVERS=(base off on)
declare -A URL LOG
# start NAME BINARY ACCESS_LOG
start() {
	local port dir
	port=$(free_port)
	dir=$WORK/$1
	mkdir -p "$dir"
	cat >"$dir/config.yaml" <<EOF
site:
  base_url: "http://127.0.0.1:$port"
seeds:
  dir: "$WORK/seeds"
  schedule: "@every 1h"
  watch: false
  settle: "0s"
server:
  listen: "127.0.0.1:$port"
EOF
	if [[ $3 == true ]]; then
		echo "  access_log: true" >>"$dir/config.yaml"
	fi
	echo "state: {path: \"$dir/state.db\"}" >>"$dir/config.yaml"
	LOG[$1]=$dir/stderr.log
	"$2" serve -config "$dir/config.yaml" 2>>"${LOG[$1]}" &
	PIDS+=("$!")
	URL[$1]=http://127.0.0.1:$port/feed.xml
	local i
	for ((i = 0; i < 600; i++)); do
		curl -s "http://127.0.0.1:$port/healthz" | grep -q "\"articles\":$N" && return 0
		sleep 0.1
	done
	echo "$1 did not publish $N articles in 60 s" >&2
	exit 1
}
start base "$WORK/seedfeed-base" false
start off "$WORK/seedfeed" false
start on "$WORK/seedfeed" true

UA='User-Agent: Miniflux/2.2.6 (https://miniflux.app)'
declare -A ETAG
for s in "${SERVERS[@]}"; do
	ETAG[$s]=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "${URL[$s]}" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')
done
kind_args() {
	printf '%s\n' -H "$UA"
	case $2 in
	plain) ;;
	gzip) printf '%s\n' -H 'Accept-Encoding: gzip' ;;
	304) printf '%s\n' -H 'Accept-Encoding: gzip' -H "If-None-Match: ${ETAG[$1]}" ;;
	esac
}
# The feeds carry the time they were built, so the gzip sizes may differ
# by a few bytes between the daemons; the status must be the same and the
# size within 1%.
echo "== checking responses (the same status and about the same size from each)"
for k in plain gzip 304; do
	want=
	for s in "${SERVERS[@]}"; do
		mapfile -t hdr < <(kind_args "$s" "$k")
		got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "${hdr[@]}" "${URL[$s]}")
		printf '  %-4s %-5s %s\n' "$s" "$k" "$got"
		if [[ -n $want ]] && ! awk -v a="$got" -v b="$want" 'BEGIN {split(a, x, " "); split(b, y, " ");
			d = x[2] - y[2]; if (d < 0) d = -d; exit !(x[1] == y[1] && d <= y[2] / 100)}'; then
			echo "$s $k: got '$got', want '$want'" >&2
			exit 1
		fi
		want=$got
	done
done
grep -q 'msg=request method=GET path=/feed.xml status=' "${LOG[on]}" || { echo "the 'on' daemon logged no request" >&2; exit 1; }
if grep -q 'msg=request' "${LOG[off]}" "${LOG[base]}"; then
	echo "a daemon without access_log logged a request" >&2
	exit 1
fi
echo "  on logs, e.g.: $(grep -m1 'msg=request' "${LOG[on]}")"

cat >"$WORK/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %.1f %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
EOF
run_wrk() {
	local hdr
	mapfile -t hdr < <(kind_args "$1" "$2")
	wrk -t"$THREADS" -c"$CONNS" -d"$3s" -s "$WORK/report.lua" "${hdr[@]}" "${URL[$1]}" |
		awk '/^WRK /{print $2, $3, $4, $5, $6, $7}'
	: >"${LOG[$1]}" # the log of a run is not kept: 100,000 lines a second add up
}

echo "== warm-up (2 s each)"
for s in "${SERVERS[@]}"; do
	run_wrk "$s" gzip 2 >/dev/null
done
RAW=$OUT/wrk.tsv
echo -e "round\tkind\tserver\trps\tp50_us\tp99_us\trequests\terrors\tbad_status" >"$RAW"
echo "== $ROUNDS rounds x 3 kinds x 3 servers, ${DURATION}s each, $THREADS threads, $CONNS connections"
for ((r = 1; r <= ROUNDS; r++)); do
	for k in plain gzip 304; do
		for ((j = 0; j < 3; j++)); do
			s=${SERVERS[$(((j + r) % 3))]}
			read -r rps p50 p99 reqs errs bad < <(run_wrk "$s" "$k" "$DURATION")
			printf '  round %d %-5s %-4s %10.0f req/s  p50 %6d us  p99 %6d us  errors %d bad %d\n' "$r" "$k" "$s" "$rps" "$p50" "$p99" "$errs" "$bad"
			echo -e "$r\t$k\t$s\t$rps\t$p50\t$p99\t$reqs\t$errs\t$bad" >>"$RAW"
		done
	done
done

col() { awk -F'\t' -v k="$1" -v s="$2" -v c="$3" 'NR > 1 && $2 == k && $3 == s {print $c}' "$RAW"; }
# per-round ratios of server $2 to base, for kind $1
ratios() {
	awk -F'\t' -v k="$1" -v s="$2" 'NR > 1 && $2 == k {v[$1 "," $3] = $4; r[$1] = 1}
		END {for (i in r) if (v[i ",base"] > 0) printf "%.3f\n", v[i "," s] / v[i ",base"]}' "$RAW" | sort -g
}
echo
echo "== results (median of $ROUNDS runs, min-max; ratios to base are per round, median and min-max)"
printf '%-5s %-4s %10s %16s %8s %8s %22s\n' kind server 'req/s' spread 'p50 us' 'p99 us' 'ratio to base'
for k in plain gzip 304; do
	for s in "${SERVERS[@]}"; do
		med=$(col "$k" "$s" 4 | median)
		sp=$(col "$k" "$s" 4 | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.0f-%.0f", lo, hi}')
		p50=$(col "$k" "$s" 5 | median)
		p99=$(col "$k" "$s" 6 | median)
		rat=-
		if [[ $s != base ]]; then
			rat="$(ratios "$k" "$s" | median) ($(ratios "$k" "$s" | head -1)-$(ratios "$k" "$s" | tail -1))"
		fi
		printf '%-5s %-4s %10.0f %16s %8.0f %8.0f %22s\n' "$k" "$s" "$med" "$sp" "$p50" "$p99" "$rat"
	done
done
echo "raw: $RAW"
