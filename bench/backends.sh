#!/usr/bin/env bash
# bench/backends.sh — SQLite and PostgreSQL side by side in one run (issue
# 13): the same seedfeed binary on the same corpus, once with state.path (an
# SQLite file) and once with state.url (PostgreSQL), alternating, so that
# both see the same machine:
#   (a) cold start: `seedfeed serve` on an empty state until /healthz counts
#       every article (scan, normalize, store, render: the feeds are served;
#       bench/coldstart, as in bench/scan.sh), with the daemon's CPU time,
#       PostgreSQL's CPU time over the same span (when this script started
#       the cluster), and when the history (index and archive pages) is out;
#       ROUNDS rounds, the order swapped each round;
#   (b) the no-change rescan: what the daemon does on a cron tick when
#       nothing changed (the writer check, then the scan), on the states the
#       cold starts left, alternating the two and find (bench/rescan with
#       both configs); also the first scan of a process, which loads every
#       file's state from the database;
#   (c) a replica's snapshot rebuild after one change at 100,000 articles
#       (internal/daemon BenchmarkReplicaRebuild, SQLite then PostgreSQL, in
#       each of REPLICA_COUNT runs of the test binary).
# Then the medians, and the PostgreSQL / SQLite ratio of each round (or
# repetition) with its median and spread.
#
#   bench/backends.sh                          # (a), (b) and (c)
#   REPLICA_COUNT=0 bench/backends.sh          # (a) and (b) only
#   POSTGRES_URL=postgres://… bench/backends.sh  # an existing database
#
# How long, from the runs kept in bench/results (2 cores, load 5-10): the
# cold starts of (a) 3-4 minutes, (a') 6-7 more with BUILD=1, (c) about 8
# (d664d45's go test took 500 s); (b) and the builds are not timed there.
#
# Environment: N (articles for (a) and (b), 10000; they must fill more
# than the 8 archive pages rendered with the feeds, or (a) waits out
# coldstart's 30-minute timeout for the history's log line: N=300 hangs so,
# N=3000 does not), ROUNDS (5), RESCAN_RUNS (10), REPLICA_COUNT (3; 0 skips
# (c)), REPLICA_BENCHTIME (3x), BUILD=1 also times `seedfeed build -out`
# on each (ROUNDS rounds), POSTGRES_URL (a database where this script may
# create the schema seedfeed_bench_cold, dropped on exit, and where
# BenchmarkReplicaRebuild in (c) creates schemas bench_<hex>, each dropped
# when it ends; default: a throwaway cluster from
# scripts/pg-test-cluster.sh, stopped on exit), PG_DIR (that cluster's
# folder, for PostgreSQL's CPU time, when POSTGRES_URL is given), OUT
# (folder for raw results; default a new folder under /tmp, kept), KEEP=1
# keeps the corpus. Every process started here is stopped on exit; the
# daemon and PostgreSQL listen on 127.0.0.1 only.
set -euo pipefail

N=${N:-10000}
ROUNDS=${ROUNDS:-5}
RESCAN_RUNS=${RESCAN_RUNS:-10}
REPLICA_COUNT=${REPLICA_COUNT:-3}
REPLICA_BENCHTIME=${REPLICA_BENCHTIME:-3x}
BUILD=${BUILD:-0}
. "$(dirname "$0")/lib.sh"
bench_setup backends

need curl findutils:find postgresql-client:psql

PG_URL=${POSTGRES_URL:-}
PG_STARTED=
backends_cleanup() {
	bench_cleanup
	if [[ -n $PG_STARTED ]]; then
		"$REPO/scripts/pg-test-cluster.sh" stop "$PG_STARTED" || true
	elif [[ -n $PG_URL && -n ${SCHEMA:-} ]]; then
		# A database of the caller's: leave nothing of the cold starts in it.
		PGOPTIONS='-c client_min_messages=warning' psql "$PG_URL" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null || true
	fi
}
trap backends_cleanup EXIT

if [[ -z $PG_URL ]]; then
	# Debian keeps initdb out of PATH, under /usr/lib/postgresql/<version>/bin.
	compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need postgresql:initdb
	echo "== starting a throwaway PostgreSQL (scripts/pg-test-cluster.sh)"
	eval "$("$REPO/scripts/pg-test-cluster.sh" start)"
	PG_URL=$SEEDFEED_TEST_POSTGRES_URL
	PG_DIR=$SEEDFEED_TEST_POSTGRES_DIR
	PG_STARTED=$PG_DIR
fi
PG_PID=
if [[ -n ${PG_DIR:-} && -r $PG_DIR/data/postmaster.pid ]]; then
	PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
fi
SCHEMA=seedfeed_bench_cold
# with_search_path URL SCHEMA: the URL with the pgx run-time parameter
# that selects SCHEMA (psql does not take it; the store does).
with_search_path() { if [[ $1 == *\?* ]]; then echo "$1&search_path=$2"; else echo "$1?search_path=$2"; fi; }

echo "== building"
(cd "$REPO" && go build -o "$WORK/seedfeed" ./cmd/seedfeed &&
	go build -o "$WORK/corpusgen" ./internal/corpus/corpusgen &&
	go build -o "$WORK/rescan" ./bench/rescan &&
	go build -o "$WORK/coldstart" ./bench/coldstart)
echo "machine: $(nproc) cores; $(go version | cut -d' ' -f3); PostgreSQL $(psql "$PG_URL" -tAc 'SHOW server_version')" \
	"(fsync $(psql "$PG_URL" -tAc 'SHOW fsync'), synchronous_commit $(psql "$PG_URL" -tAc 'SHOW synchronous_commit'));" \
	"seedfeed ${BENCH_REV:-$(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo "(not a git checkout)")}"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

D=$WORK/corpus
mkdir -p "$D"
echo
echo "== N=$N: generating the corpus"
"$WORK/corpusgen" -n "$N" -out "$D/seeds"
PORT=$(free_port)
# config KIND STATE: the daemon's configuration on the corpus; both kinds
# have the same base URL, so they render the same bytes.
config() { daemon_config "$D/$1.yaml" "$PORT" "$2" 1s; }
config sqlite '  path: "state.db"'
config postgres "  url: \"$(with_search_path "$PG_URL" "$SCHEMA")\""

# fresh KIND: an empty state.
fresh() {
	if [[ $1 == sqlite ]]; then
		rm -f "$D/state.db" "$D/state.db-wal" "$D/state.db-shm"
	else
		PGOPTIONS='-c client_min_messages=warning' psql "$PG_URL" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" -c "CREATE SCHEMA $SCHEMA" >/dev/null
	fi
	rm -rf "$D/out"
}

# cold ROUND KIND: one daemon cold start on an empty state; appends a row
# to $OUT/cold.tsv and prints it.
cold() {
	local round=$1 kind=$2 extra=() line ms rss cpu scpu hist scan render
	fresh "$kind"
	[[ $kind == postgres && -n $PG_PID ]] && extra=(-server-pid "$PG_PID")
	line=$("$WORK/coldstart" -healthz "http://127.0.0.1:$PORT/healthz" -n "$N" -stderr "$D/cold-$kind.log" \
		"${extra[@]}" -then-log 'msg="published the history"' -- "$WORK/seedfeed" serve -v -config "$D/$kind.yaml") ||
		{ cat "$D/cold-$kind.log" >&2; return 1; }
	if ((${#extra[@]})); then
		read -r ms rss cpu scpu hist <<<"$line"
	else
		read -r ms rss cpu hist <<<"$line"
		scpu=0
	fi
	scan=$(grep -m1 'msg=scan full=true' "$D/cold-$kind.log" | grep -o 'took=[^ ]*' | sed 's/^took=//' | duration_ms)
	render=$(grep -m1 'msg=published ' "$D/cold-$kind.log" | grep -o 'took=[^ ]*' | sed 's/^took=//' | duration_ms)
	echo -e "$round\t$kind\t$ms\t$cpu\t$scpu\t$hist\t$scan\t$render\t$rss" >>"$OUT/cold.tsv"
	printf '  round %d %-8s: feeds served after %6d ms (scan %s ms, render %s ms), history out after %6d ms;' \
		"$round" "$kind" "$ms" "$scan" "$render" "$hist"
	printf ' CPU: seedfeed %d ms, PostgreSQL %s ms; peak RSS %s MB\n' "$cpu" "$scpu" "$rss"
}

# build ROUND KIND: one `seedfeed build -out` on an empty state.
build() {
	local round=$1 kind=$2 t0 t1
	fresh "$kind"
	t0=$(date +%s%N)
	"$WORK/seedfeed" build -config "$D/$kind.yaml" -out "$D/out" >"$D/build-$kind.log" 2>&1 || { cat "$D/build-$kind.log" >&2; return 1; }
	t1=$(date +%s%N)
	echo -e "$round\t$kind\t$(((t1 - t0) / 1000000))" >>"$OUT/build.tsv"
	printf '  round %d %-8s: build -out took %6d ms\n' "$round" "$kind" "$(((t1 - t0) / 1000000))"
}

# order ROUND: the two kinds, SQLite first in odd rounds.
order() { if (($1 % 2)); then echo sqlite postgres; else echo postgres sqlite; fi; }

# summarize FILE COLUMN LABEL: median (min-max) of COLUMN for each kind,
# and the median (min-max) of the rounds' PostgreSQL / SQLite ratios.
summarize() {
	local kind ratios line
	local -A stats
	for kind in sqlite postgres; do
		stats[$kind]=$(awk -F'\t' -v col="$2" -v kind="$kind" '$2 == kind {print $col + 0}' "$1" | median_min_max)
	done
	# shellcheck disable=SC2086 # "median min max", split on purpose
	line=$(printf '%-40s SQLite %9.1f (%.1f-%.1f)   PostgreSQL %9.1f (%.1f-%.1f)' "$3" ${stats[sqlite]} ${stats[postgres]})
	ratios=$(awk -F'\t' -v col="$2" '{v[$2, $1] = $col; rounds[$1] = 1}
		END {for (r in rounds) if (v["sqlite", r] > 0) print v["postgres", r] / v["sqlite", r]}' "$1")
	if [[ -n $ratios ]]; then
		# shellcheck disable=SC2046
		line+=$(printf '   PostgreSQL/SQLite %.2fx (rounds %.2f-%.2f)' $(median_min_max <<<"$ratios"))
	fi
	echo "$line"
}

# median_min_max: "median min max" of the numbers on stdin.
median_min_max() {
	local sorted
	sorted=$(sort -g)
	echo "$(median <<<"$sorted") $(head -1 <<<"$sorted") $(tail -1 <<<"$sorted")"
}

echo
echo "== (a) cold start, $ROUNDS rounds alternating: seedfeed serve on an empty state until /healthz counts $N articles"
: >"$OUT/cold.tsv"
for ((r = 1; r <= ROUNDS; r++)); do
	echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
	for kind in $(order "$r"); do
		cold "$r" "$kind" | tee -a "$OUT/cold.txt"
	done
done

if [[ $BUILD == 1 ]]; then
	echo
	echo "== (a') seedfeed build -out on an empty state, $ROUNDS rounds alternating"
	: >"$OUT/build.tsv"
	for ((r = 1; r <= ROUNDS; r++)); do
		for kind in $(order "$r"); do
			build "$r" "$kind" | tee -a "$OUT/build.txt"
		done
	done
	# The rescan needs each state in step with the folder: build left it so.
fi

echo
echo "== (b) no-change rescan at $N: a cron tick (writer check + scan), $RESCAN_RUNS runs alternating SQLite, PostgreSQL and find"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$WORK/rescan" -config "$D/sqlite.yaml" -config "$D/postgres.yaml" -runs "$RESCAN_RUNS" | tee "$OUT/rescan.txt" | grep -v '^RESCAN'

if ((REPLICA_COUNT > 0)); then
	echo
	echo "== (c) replica rebuild after one change at 100,000 articles: BenchmarkReplicaRebuild, $REPLICA_COUNT runs of -benchtime $REPLICA_BENCHTIME"
	# One go test per repetition: within one, SQLite runs, then PostgreSQL
	# (-count would repeat each backend before the other).
	(cd "$REPO" && go test -c -o "$WORK/daemon.test" ./internal/daemon)
	: >"$OUT/replica.txt"
	for ((r = 1; r <= REPLICA_COUNT; r++)); do
		echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
		(cd "$REPO/internal/daemon" && SEEDFEED_TEST_POSTGRES_URL=$PG_URL "$WORK/daemon.test" -test.run '^$' \
			-test.bench 'BenchmarkReplicaRebuild$' -test.benchtime "$REPLICA_BENCHTIME") | tee -a "$OUT/replica.txt" | grep '^Benchmark'
	done
	# One row per repetition and backend: repetition, kind, ms, feeds ms, history ms.
	awk '/^BenchmarkReplicaRebuild\// {
		split($1, a, "/"); k = a[2]; n[k]++
		for (i = 3; i < NF; i++) {
			if ($(i + 1) == "ns/op") ms = $i / 1e6
			if ($(i + 1) == "feeds-ms/op") f = $i
			if ($(i + 1) == "history-ms/op") h = $i
		}
		printf "%d\t%s\t%.1f\t%s\t%s\n", n[k], k, ms, f, h
	}' "$OUT/replica.txt" >"$OUT/replica.tsv"
fi

echo
echo "== summary: medians (min-max) in ms; ratios taken within each round"
summarize "$OUT/cold.tsv" 3 "(a) cold start, feeds served"
summarize "$OUT/cold.tsv" 7 "    of which the scan (daemon's log)"
summarize "$OUT/cold.tsv" 6 "    history out (index, archive pages)"
summarize "$OUT/cold.tsv" 4 "    seedfeed's CPU until feeds served"
if [[ -n $PG_PID ]]; then
	summarize "$OUT/cold.tsv" 5 "    PostgreSQL's CPU over the same span"
	awk -F'\t' '{print $1 "\t" $2 "\t" $4 + $5}' "$OUT/cold.tsv" >"$OUT/cold-cpu.tsv"
	summarize "$OUT/cold-cpu.tsv" 3 "    both CPUs together"
fi
[[ $BUILD == 1 ]] && summarize "$OUT/build.tsv" 3 "(a') seedfeed build -out"
awk '/^RESCAN config=/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
	printf "(b) %-8s first scan %s ms (%s-%s), rescan %s ms (%s-%s), find %s ms, rescan/find %sx\n",
		v["config"], v["first_ms"], v["first_min"], v["first_max"], v["rescan_ms"], v["rescan_min"], v["rescan_max"], v["find_ms"], v["ratio"]}
	/^RESCANVS/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
	printf "(b) PostgreSQL/SQLite: first scan %sx (rounds %s-%s), rescan %sx (rounds %s-%s)\n",
		v["first_ratio"], v["first_ratio_min"], v["first_ratio_max"], v["rescan_ratio"], v["rescan_ratio_min"], v["rescan_ratio_max"]}' "$OUT/rescan.txt"
if ((REPLICA_COUNT > 0)); then
	summarize "$OUT/replica.tsv" 3 "(c) replica rebuild at 100,000, whole"
	summarize "$OUT/replica.tsv" 4 "    step 1: feeds and front page"
	summarize "$OUT/replica.tsv" 5 "    step 2: history (index, archive)"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw results in $OUT"
