#!/usr/bin/env bash
# bench/accesslog_ir.sh — instructions per request with and without the
# access log (issue 14), counted with cachegrind, because wall-clock
# benchmarks on this shared machine swing by more than the 5% at stake.
# Each benchmark runs twice, with N1 and N2 iterations; the difference of
# the instruction counts over N2-N1 is the cost of one request, free of
# the set-up. Three sums per request:
#   server  - self instructions of seedfeed/internal/server (the code the
#             access log changed), without the benchmark's client
#   user    - every function but the Go runtime's (whose idle spinning
#             under valgrind's serialized threads is noise) and the client
#   all     - everything, runtime included (noisy; for reference)
# The kernel's share (89% of the CPU under wrk, docs/performance.md) is
# not counted.
#
#   BASE_DIR=/path/to/checkout-of-d136a01 bench/accesslog_ir.sh   # about 10 minutes
#
# Environment: BASE_DIR (a checkout of the commit before the access log;
# default: exported from BASE, d136a01), N1 (300), N2 (1300).
set -euo pipefail
N1=${N1:-300}
N2=${N2:-1300}
BASE=${BASE:-d136a01}
. "$(dirname "$0")/lib.sh"
bench_setup accesslog-ir
need valgrind

if [[ -z ${BASE_DIR:-} ]]; then
	BASE_DIR=$WORK/base-src
	mkdir -p "$BASE_DIR"
	(cd "$REPO" && git archive "$BASE") | tar -x -C "$BASE_DIR"
fi
(cd "$BASE_DIR" && go test -c -o "$WORK/base.test" ./internal/server)
(cd "$REPO" && go test -c -o "$WORK/new.test" ./internal/server)

# sums OUTFILE: "server user all" instruction totals of a cachegrind file.
sums() {
	awk '/^fn=/ {fn = substr($0, 4); next}
		/^[0-9]/ {
			n = $2; all += n
			if (fn ~ /readRawResponse|Benchmark/) next
			if (fn !~ /^runtime\./) user += n
			if (fn ~ /^seedfeed\/internal\/server\./) server += n
		}
		END {printf "%d %d %d\n", server, user, all}' "$1"
}
# per_op BINARY BENCH: "server user all" per request.
per_op() {
	local a b
	# Go's runtime reads the clock with RDTSCP, which valgrind does not
	# know; GODEBUG turns it off.
	(cd "$REPO/internal/server" && GODEBUG=cpu.rdtscp=off valgrind --tool=cachegrind --cache-sim=no \
		--cachegrind-out-file="$WORK/a.out" "$1" -test.run '^$' -test.bench "$2" -test.benchtime "${N1}x" >/dev/null 2>&1)
	(cd "$REPO/internal/server" && GODEBUG=cpu.rdtscp=off valgrind --tool=cachegrind --cache-sim=no \
		--cachegrind-out-file="$WORK/b.out" "$1" -test.run '^$' -test.bench "$2" -test.benchtime "${N2}x" >/dev/null 2>&1)
	read -r -a a < <(sums "$WORK/a.out")
	read -r -a b < <(sums "$WORK/b.out")
	local d=$((N2 - N1))
	echo "$(((b[0] - a[0]) / d)) $(((b[1] - a[1]) / d)) $(((b[2] - a[2]) / d))"
}

echo "seedfeed $(cd "$REPO" && git describe --always --dirty 2>/dev/null) against $BASE_DIR; N1=$N1 N2=$N2"
printf '%-44s %-5s %8s %8s %9s\n' benchmark build server user all
while read -r bench bin; do
	printf '%-44s %-5s %8d %8d %9d\n' "$bench" "$bin" $(per_op "$WORK/$bin.test" "$bench")
done <<'LIST'
BenchmarkServeFeedHTTP/front/plain base
BenchmarkServeFeedHTTP/front/plain new
BenchmarkServeFeedHTTP/front/gzip base
BenchmarkServeFeedHTTP/front/gzip new
BenchmarkServeFeedHTTP/front/304 base
BenchmarkServeFeedHTTP/front/304 new
BenchmarkServeFeed$/plain base
BenchmarkServeFeed$/plain new
BenchmarkServeFeed$/gzip base
BenchmarkServeFeed$/gzip new
BenchmarkAccessLog/front/off/gzip new
BenchmarkAccessLog/front/on/gzip new
BenchmarkAccessLog/http/off/gzip new
BenchmarkAccessLog/http/on/gzip new
LIST
