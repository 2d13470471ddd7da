#!/usr/bin/env bash
# bench/serve.sh — serving benchmark of issue 4: seedfeed against nginx
# (gzip_static, the same feed bytes as files) and against Go's ceiling
# (bench/goceiling: the same bytes and headers from memory), with wrk, in
# alternating rounds, for three request kinds: plain, Accept-Encoding: gzip,
# and conditional (If-None-Match, 304). Then a CPU profile of seedfeed under
# the same load (perf), to show what in our code costs what.
#
#   bench/serve.sh                      # defaults below, about 5 minutes
#   ROUNDS=3 DURATION=10 TIMEOUTS_CEILING=1 SENDFILE_CEILING=1 bench/serve.sh
#
# Environment: N (articles, 1000), ROUNDS (5), DURATION (seconds per wrk run,
# 6), THREADS (2), CONNS (64), PROFILE (seconds of perf per kind, 5; 0 skips),
# OUT (folder for raw results; default a new folder under /tmp, kept),
# TIMEOUTS_CEILING=1 adds a server: the Go ceiling with seedfeed's
# http.Server settings (timeouts), to tell their cost from the handler's;
# SENDFILE_CEILING=1 adds the Go ceiling sending each body from its file
# with sendfile(2), as nginx does, to tell what copying from memory costs.
# Every server listens on 127.0.0.1 only; every process started here is
# stopped on exit.
set -euo pipefail

N=${N:-1000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-6}
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
PROFILE=${PROFILE:-5}
. "$(dirname "$0")/lib.sh"
bench_setup serve

need nginx wrk curl
if ((PROFILE > 0)) && ! command -v perf >/dev/null; then
	need linux-perf || PROFILE=0
fi

# wait_http URL: until it answers 200, at most 60 s.
wait_http() {
	local i
	for ((i = 0; i < 600; i++)); do
		[[ $(curl -s -o /dev/null -w '%{http_code}' "$1" || true) == 200 ]] && return 0
		sleep 0.1
	done
	echo "no 200 from $1 within 60 s" >&2
	return 1
}

echo "machine: $(nproc) cores; $(go version | cut -d' ' -f3); $(nginx -v 2>&1 | cut -d' ' -f3); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2);" \
	"seedfeed ${BENCH_REV:-$(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo "(not a git checkout)")}"
echo "== building"
(cd "$REPO" && go build -o "$WORK/seedfeed" ./cmd/seedfeed &&
	go build -o "$WORK/goceiling" ./bench/goceiling &&
	go build -o "$WORK/corpusgen" ./internal/corpus/corpusgen)
"$WORK/corpusgen" -n "$N" -out "$WORK/seeds"

SF_PORT=$(free_port)
cat >"$WORK/config.yaml" <<EOF
site:
  base_url: "http://127.0.0.1:$SF_PORT"
seeds:
  dir: "seeds"
  schedule: "@every 1h"
  watch: false
  settle: "0s"
server:
  listen: "127.0.0.1:$SF_PORT"
state:
  path: "state.db"
EOF
"$WORK/seedfeed" serve -config "$WORK/config.yaml" 2>"$OUT/seedfeed.log" &
SF_PID=$!
PIDS+=("$SF_PID")
SF=http://127.0.0.1:$SF_PORT/feed.xml
wait_http "$SF"
# The first snapshot may come from an empty database before the first scan
# publishes: wait until the feed carries every article it will carry.
for ((i = 0; i < 600; i++)); do
	curl -s "http://127.0.0.1:$SF_PORT/healthz" | grep -q "\"articles\":$N" && break
	sleep 0.1
done

# The same bytes and headers seedfeed serves, for nginx and the ceiling.
mkdir -p "$WORK/www" "$WORK/nginx/logs" "$WORK/nginx/tmp" "$WORK/capture"
C=$WORK/capture
curl -s -D "$C/plain.hdr" -o "$C/feed.xml" "$SF"
curl -s -D "$C/gzip.hdr" -o "$C/feed.xml.gz" -H 'Accept-Encoding: gzip' "$SF"
SF_ETAG=$(grep -i '^etag:' "$C/gzip.hdr" | cut -d' ' -f2- | tr -d '\r')
curl -s -D "$C/304.hdr" -o /dev/null -H 'Accept-Encoding: gzip' -H "If-None-Match: $SF_ETAG" "$SF"
grep -q '^HTTP/1.1 304' "$C/304.hdr" || { echo "seedfeed did not answer 304 to its own ETag" >&2; exit 1; }
gzip -dc "$C/feed.xml.gz" | cmp -s - "$C/feed.xml" || { echo "gzip body does not decompress to the plain body" >&2; exit 1; }
cp "$C/feed.xml" "$C/feed.xml.gz" "$WORK/www/"
cp "$C"/*.hdr "$OUT/"

# nginx: the settings of ../shared/bench/nginx.conf (its gzip_static
# server), on a free port, as a foreground master the trap can stop.
NG_PORT=$(free_port)
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid logs/nginx.pid;
error_log logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    etag on;
    open_file_cache max=64;
    open_file_cache_valid 1s;
    types { application/atom+xml xml; }
    default_type application/octet-stream;
    charset utf-8;
    charset_types application/atom+xml;
    gzip_types application/atom+xml;
    gzip_vary on;
    client_body_temp_path tmp; proxy_temp_path tmp; fastcgi_temp_path tmp;
    uwsgi_temp_path tmp; scgi_temp_path tmp;
    server {
        listen 127.0.0.1:$NG_PORT;
        root $WORK/www;
        gzip_static on;
    }
}
EOF
# nginx's workers run as nobody: they must be able to read the feed.
chmod 755 "$WORK" "$WORK/www"
chmod 644 "$WORK/www/"*
nginx -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log" -g 'daemon off;' &
PIDS+=("$!")
NG=http://127.0.0.1:$NG_PORT/feed.xml
wait_http "$NG"

GC_PORT=$(free_port)
"$WORK/goceiling" -addr "127.0.0.1:$GC_PORT" -dir "$C" >/dev/null &
PIDS+=("$!")
GC=http://127.0.0.1:$GC_PORT/feed.xml
wait_http "$GC"

SERVERS=(seedfeed nginx goceiling)
declare -A URL=([seedfeed]=$SF [nginx]=$NG [goceiling]=$GC)
# extra_ceiling NAME FLAG: another goceiling, started with FLAG.
extra_ceiling() {
	local port
	port=$(free_port)
	"$WORK/goceiling" "$2" -addr "127.0.0.1:$port" -dir "$C" >/dev/null &
	PIDS+=("$!")
	URL[$1]=http://127.0.0.1:$port/feed.xml
	wait_http "${URL[$1]}"
	SERVERS+=("$1")
}
[[ ${TIMEOUTS_CEILING:-} == 1 ]] && extra_ceiling ceiling+to -timeouts
[[ ${SENDFILE_CEILING:-} == 1 ]] && extra_ceiling ceiling+sf -sendfile
NS=${#SERVERS[@]}
declare -A ETAG
for s in "${SERVERS[@]}"; do
	ETAG[$s]=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "${URL[$s]}" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')
done

# kind_args SERVER KIND: wrk's header flags for one request kind.
kind_args() {
	case $2 in
	plain) ;;
	gzip) printf '%s\n' -H 'Accept-Encoding: gzip' ;;
	304) printf '%s\n' -H 'Accept-Encoding: gzip' -H "If-None-Match: ${ETAG[$1]}" ;;
	esac
}

# Every server must answer every kind as expected with the same body
# bytes before anything is timed.
echo "== checking responses"
for s in "${SERVERS[@]}"; do
	for k in plain gzip 304; do
		mapfile -t hdr < <(kind_args "$s" "$k")
		got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "${hdr[@]}" "${URL[$s]}")
		case $k in
		plain) want="200 $(stat -c %s "$C/feed.xml")" ;;
		gzip) want="200 $(stat -c %s "$C/feed.xml.gz")" ;;
		304) want="304 0" ;;
		esac
		printf '  %-9s %-5s %s\n' "$s" "$k" "$got"
		[[ $got == "$want" ]] || { echo "$s $k: got '$got', want '$want'" >&2; exit 1; }
	done
done

cat >"$WORK/report.lua" <<'EOF'
-- One line per run: requests/s, latency percentiles in microseconds,
-- socket errors and non-2xx/3xx answers.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %.1f %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
EOF

# run_wrk SERVER KIND SECONDS: prints "rps p50 p99 requests errors badstatus".
run_wrk() {
	local hdr
	mapfile -t hdr < <(kind_args "$1" "$2")
	wrk -t"$THREADS" -c"$CONNS" -d"$3s" -s "$WORK/report.lua" "${hdr[@]}" "${URL[$1]}" |
		awk '/^WRK /{print $2, $3, $4, $5, $6, $7}'
}

echo "== warm-up (2 s each)"
for s in "${SERVERS[@]}"; do
	run_wrk "$s" gzip 2 >/dev/null
done

RAW=$OUT/wrk.tsv
echo -e "round\tkind\tserver\trps\tp50_us\tp99_us\trequests\terrors\tbad_status" >"$RAW"
echo "== $ROUNDS rounds x 3 kinds x $NS servers, ${DURATION}s each, $THREADS threads, $CONNS connections"
for ((r = 1; r <= ROUNDS; r++)); do
	for k in plain gzip 304; do
		# Rotate the order each round so that no server always runs first.
		for ((j = 0; j < NS; j++)); do
			s=${SERVERS[$(((j + r) % NS))]}
			read -r rps p50 p99 reqs errs bad < <(run_wrk "$s" "$k" "$DURATION")
			printf '  round %d %-5s %-9s %10.0f req/s  p50 %6d us  p99 %6d us\n' "$r" "$k" "$s" "$rps" "$p50" "$p99"
			echo -e "$r\t$k\t$s\t$rps\t$p50\t$p99\t$reqs\t$errs\t$bad" >>"$RAW"
		done
	done
done

spread() { sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.0f-%.0f", lo, hi}'; }
col() { awk -F'\t' -v k="$1" -v s="$2" -v c="$3" 'NR > 1 && $2 == k && $3 == s {print $c}' "$RAW"; }

echo
echo "== results (median of $ROUNDS runs; req/s spread is min-max)"
printf '%-5s %-9s %10s %13s %8s %8s %6s\n' kind server req/s spread p50_us p99_us errors
declare -A RPS P99
for k in plain gzip 304; do
	for s in "${SERVERS[@]}"; do
		RPS[$k,$s]=$(col "$k" "$s" 4 | median)
		P99[$k,$s]=$(col "$k" "$s" 6 | median)
		errs=$(col "$k" "$s" 8 | awk '{t += $1} END {print t + 0}')
		bad=$(col "$k" "$s" 9 | awk '{t += $1} END {print t + 0}')
		printf '%-5s %-9s %10.0f %13s %8.0f %8.0f %6d\n' "$k" "$s" "${RPS[$k,$s]}" "$(col "$k" "$s" 4 | spread)" \
			"$(col "$k" "$s" 5 | median)" "${P99[$k,$s]}" $((errs + bad))
	done
done

echo
echo "== ratios (medians) and targets"
printf '%-5s %14s %8s %18s %8s %16s %8s\n' kind seedfeed/nginx target p99_sf/p99_nginx target seedfeed/ceiling target
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {ok = (op == ">=") ? v >= t : v <= t; print ok ? "met" : "MISSED"}'; }
for k in plain gzip 304; do
	want=0.9
	[[ $k == 304 ]] && want=0.7
	rn=$(ratio "${RPS[$k,seedfeed]}" "${RPS[$k,nginx]}")
	rp=$(ratio "${P99[$k,seedfeed]}" "${P99[$k,nginx]}")
	rc=$(ratio "${RPS[$k,seedfeed]}" "${RPS[$k,goceiling]}")
	printf '%-5s %14s %8s %18s %8s %16s %8s\n' "$k" "$rn" ">=$want $(verdict "$rn" "$want" ">=")" \
		"$rp" "<=2 $(verdict "$rp" 2 "<=")" "$rc" ">=0.95 $(verdict "$rc" 0.95 ">=")"
done
echo "feed: $N articles, $(stat -c %s "$C/feed.xml") bytes plain, $(stat -c %s "$C/feed.xml.gz") gzip; raw runs in $RAW"

if ((PROFILE > 0)); then
	echo
	echo "== CPU profile of seedfeed under load (perf, ${PROFILE}s per kind)"
	perf record -q -F 999 -g -o "$OUT/perf.data" -p "$SF_PID" -- sleep $((3 * PROFILE + 1)) 2>/dev/null &
	PERF=$!
	PIDS+=("$PERF")
	sleep 0.5
	for k in plain gzip 304; do
		run_wrk seedfeed "$k" "$PROFILE" >/dev/null
	done
	wait "$PERF" || true
	perf report -i "$OUT/perf.data" --stdio --no-children --sort symbol -g none --percent-limit 0.7 2>/dev/null |
		grep -v '^#' | grep -v '^$' >"$OUT/perf-self.txt" || true
	perf report -i "$OUT/perf.data" --stdio --children --sort symbol -g none 2>/dev/null |
		grep -v '^#' | grep -v '^$' >"$OUT/perf-children.txt" || true
	echo "-- self time, top symbols (all of seedfeed's process):"
	head -25 "$OUT/perf-self.txt"
	perf report -i "$OUT/perf.data" --stdio --no-children --sort symbol -g none 2>/dev/null |
		grep -v '^#' | grep -v '^$' >"$OUT/perf-self-all.txt" || true
	echo "-- self time by origin:"
	awk '{p = $1; sub("%", "", p)}
		/\[k\]/ {k += p; next}
		/seedfeed\// {o += p; next}
		/prometheus/ {m += p; next}
		/net\/http\.|net\.|internal\/poll|syscall\.|bufio\.|textproto|internal\/runtime\/syscall/ {h += p; next}
		/runtime\.|aeshash|memeqbody|memmove|memclr|gcBgMark|indexbyte/ {r += p; next}
		{x += p}
		END {printf "  kernel %.1f%%, Go runtime %.1f%%, net, net/http, syscall %.1f%%, seedfeed/internal %.1f%%, prometheus %.1f%%, other %.1f%%\n", k, r, h, o, m, x}' "$OUT/perf-self-all.txt"
	echo "-- seedfeed's own code, time including callees (children, self):"
	grep -E 'seedfeed/|prometheus|main\.' "$OUT/perf-children.txt" | head -25 || true
	echo "full reports: $OUT/perf-self.txt, $OUT/perf-children.txt"
fi
