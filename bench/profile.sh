#!/usr/bin/env bash
# bench/profile.sh — where seedfeed's cold start spends its time: a perf CPU
# profile (with call graphs) of one daemon cold start (`seedfeed serve` on an
# empty database until /healthz counts every article) and/or of one
# `seedfeed build`, on a generated corpus, printed as self time by origin
# and our own functions with their callees. The serving profile under load
# is in bench/serve.sh.
#
#   bench/profile.sh                   # N=10000, daemon and build
#   bench/profile.sh 100000 daemon     # the daemon alone at 100,000
#
# Environment: OUT (folder for perf data and full reports; default a new
# folder under /tmp, kept). The daemon listens on 127.0.0.1 only; every
# process started here is stopped on exit.
set -euo pipefail

N=${1:-10000}
shift || true
WHAT=("$@")
((${#WHAT[@]})) || WHAT=(daemon build)
. "$(dirname "$0")/lib.sh"
bench_setup profile

need linux-perf:perf curl

# report NAME: self time by origin, then our functions with their callees.
report() {
	local data=$OUT/$1.perf
	perf report -i "$data" --stdio --no-children --sort symbol -g none 2>/dev/null | grep -v '^#' | grep -v '^$' >"$OUT/$1-self.txt" || true
	perf report -i "$data" --stdio --children --sort symbol -g none 2>/dev/null | grep -v '^#' | grep -v '^$' >"$OUT/$1-children.txt" || true
	awk '{p = $1; sub("%", "", p)}
		/\[k\]/ {k += p; next}
		/modernc\.org\/sqlite/ {q += p; next}
		/compress\/flate|compress\/gzip|hash\/crc32/ {z += p; next}
		/seedfeed\// {o += p; next}
		/runtime\.|aeshash|memeqbody|memmove|memclr|gcBgMark|indexbyte/ {r += p; next}
		{x += p}
		END {printf "self time: kernel %.1f%%, sqlite %.1f%%, gzip %.1f%%, seedfeed/internal %.1f%%, Go runtime (GC, allocation, maps) %.1f%%, other %.1f%%\n", k, q, z, o, r, x}' "$OUT/$1-self.txt"
	echo "top symbols by self time:"
	awk 'NR <= 12 {printf "  %7s  %s\n", $1, $3}' "$OUT/$1-self.txt"
	echo "our code and its heaviest dependencies, with callees (children%, self%):"
	grep -E '\] (seedfeed/internal/(article|ingest|store|daemon|server|feed|pages)|modernc.org/sqlite\.\(\*conn\)\.step|modernc.org/sqlite\.\(\*tx\)\.Commit|compress/gzip\.\(\*Writer\)\.(Write|Close)|os\.(CreateTemp|MkdirAll|Rename)|runtime\.gcBgMarkWorker$)' "$OUT/$1-children.txt" |
		grep -Ev 'func[0-9]|\.each$|Daemon\)\.scanLoop|Serve\.|\.Each$' | awk 'NR <= 30 {printf "  %7s %7s  %s\n", $1, $2, $4}'
	echo "full reports: $OUT/$1-self.txt, $OUT/$1-children.txt"
}

echo "== building; corpus of $N articles"
(cd "$REPO" && go build -o "$WORK/seedfeed" ./cmd/seedfeed && go build -o "$WORK/corpusgen" ./internal/corpus/corpusgen)
"$WORK/corpusgen" -n "$N" -out "$WORK/seeds"
PORT=$(free_port)
daemon_config "$WORK/config.yaml" "$PORT" '  path: "state.db"'

for what in "${WHAT[@]}"; do
	rm -rf "$WORK/state.db" "$WORK/state.db-wal" "$WORK/state.db-shm" "$WORK/out"
	case $what in
	daemon)
		echo
		echo "== daemon cold start, N=$N"
		start=$(date +%s%N)
		perf record -q -F 499 -g -o "$OUT/daemon-cold.perf" -- "$WORK/seedfeed" serve -v -config "$WORK/config.yaml" 2>"$OUT/daemon-cold.log" &
		PIDS+=("$!")
		perfpid=$!
		until curl -s "http://127.0.0.1:$PORT/healthz" | grep -q "\"articles\":$N,"; do
			kill -0 "$perfpid" 2>/dev/null || { cat "$OUT/daemon-cold.log" >&2; exit 1; }
			sleep 0.05
		done
		echo "first full feed after $((($(date +%s%N) - start) / 1000000)) ms (under perf);" \
			"$(grep -m1 'msg=scan full=true' "$OUT/daemon-cold.log" | grep -o 'took=[^ ]*' | sed 's/^took=/scan /')," \
			"$(grep 'msg=published' "$OUT/daemon-cold.log" | tail -1 | grep -o 'took=[^ ]*' | sed 's/^took=/render /')"
		# perf passes the signal on to seedfeed, which stops gracefully.
		kill -INT "$perfpid"
		wait "$perfpid" 2>/dev/null || true
		report daemon-cold
		;;
	build)
		echo
		echo "== seedfeed build, N=$N"
		perf record -q -F 499 -g -o "$OUT/build.perf" -- "$WORK/seedfeed" build -config "$WORK/config.yaml" -out "$WORK/out" 2>&1 | tail -1
		report build
		;;
	*)
		echo "unknown profile $what (daemon or build)" >&2
		exit 2
		;;
	esac
done
