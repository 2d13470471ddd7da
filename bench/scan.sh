#!/usr/bin/env bash
# bench/scan.sh — scanning benchmarks of issue 4, each next to its baseline
# in the same run:
#   (a)  cold start: `seedfeed build` on an empty database (every feed and
#        article page written as files) vs Debian's hugo building a site of
#        the same articles (hyperfine; every run's peak RSS by /usr/bin/time);
#   (a') the daemon's own cold start: `seedfeed serve` on an empty database
#        until /healthz counts every article (scan, normalize, store, render),
#        with the CPU time it used and its own split of scan and render; and
#        once, its fixed cost: the same on a folder of one article;
#   (b)  rescan of the unchanged folder vs `find DIR -printf '%T@ %s\n'`
#        (bench/rescan: the daemon's scanner, alternated with find);
#   (c)  peak RSS of both cold starts (150 MB target at 100,000 articles);
#   (d)  at the largest N, with watch: true, the time from writing one new
#        file to its item in /feed.xml (bench/watchlat), and that no full
#        rescan ran meanwhile.
#
#   bench/scan.sh                    # N = 1,000 and 10,000 (a few minutes)
#   bench/scan.sh 1000 10000 100000  # add 100,000 (about 1 GB of files,
#                                    # much longer)
#
# Environment: SETTLE (the daemon's seeds.settle, 1s), PROBES (new files in
# (d), 5), OUT (folder for raw results; default a new folder under /tmp,
# kept), KEEP=1 keeps the corpora. Every process started here is stopped on
# exit; the daemon listens on 127.0.0.1 only.
set -euo pipefail

SIZES=("$@")
((${#SIZES[@]})) || SIZES=(1000 10000)
SETTLE=${SETTLE:-1s}
PROBES=${PROBES:-5}
. "$(dirname "$0")/lib.sh"
bench_setup scan

need hugo hyperfine curl findutils:find time:/usr/bin/time

# runs_for N: timed runs per command, fewer for big corpora.
runs_for() {
	if (($1 >= 100000)); then echo 1; elif (($1 >= 10000)); then echo 3; else echo 5; fi
}

# hf_stat FILE ROW: "median min max" in seconds of the ROWth command (from
# 1) of a hyperfine CSV export (command,mean,stddev,median,user,system,min,
# max; no command name here has a comma).
hf_stat() {
	awk -F, -v row="$2" 'NR == row + 1 {printf "%.3f %.3f %.3f\n", $4, $7, $8}' "$1"
}

spread() { sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%s-%s", lo, hi}'; }
# max_mb FILE: the largest of the kilobyte figures `/usr/bin/time -f %M` wrote.
max_mb() { grep -E '^[0-9]+$' "$1" | sort -n | tail -1 | awk '{printf "%.1f", $1 / 1024}'; }

# daemon_cold DIR N PORT: starts seedfeed serve on DIR's config (empty
# database) under bench/coldstart, which polls /healthz over one kept-alive
# connection until it counts N articles; appends the wall time in ms to
# DIR/daemon.ms, the peak RSS in MB to DIR/daemon.rss, the CPU time in ms
# to DIR/daemon.cpu and the daemon's render time in ms to DIR/render.ms,
# prints them with its scan time, and stops it.
daemon_cold() {
	local d=$1 n=$2 port=$3 ms rss cpu render
	read -r ms rss cpu < <("$WORK/coldstart" -healthz "http://127.0.0.1:$port/healthz" -n "$n" -stderr "$d/cold.log" \
		-- "$WORK/seedfeed" serve -v -config "$d/config.yaml" || echo fail)
	[[ -n $cpu ]] || { cat "$d/cold.log" >&2; return 1; }
	render=$(grep 'msg=published' "$d/cold.log" | tail -1 | grep -o 'took=[^ ]*' | sed 's/^took=//' | duration_ms)
	echo "$ms" >>"$d/daemon.ms"
	echo "$rss" >>"$d/daemon.rss"
	echo "$cpu" >>"$d/daemon.cpu"
	echo "$render" >>"$d/render.ms"
	echo "  $ms ms to the first full feed, $cpu ms of CPU;" \
		"$(grep -m1 'msg=scan full=true' "$d/cold.log" | grep -o 'took=[^ ]*' | sed 's/^took=/scan /')," \
		"render $render ms, peak RSS $rss MB"
}

# config DIR PORT: the daemon's configuration for the corpus in DIR/seeds.
config() { daemon_config "$1/config.yaml" "$2" '  path: "state.db"' "$SETTLE"; }

echo "== building"
(cd "$REPO" && go build -o "$WORK/seedfeed" ./cmd/seedfeed &&
	go build -o "$WORK/corpusgen" ./internal/corpus/corpusgen &&
	go build -o "$WORK/rescan" ./bench/rescan &&
	go build -o "$WORK/watchlat" ./bench/watchlat &&
	go build -o "$WORK/coldstart" ./bench/coldstart)
echo "machine: $(nproc) cores; $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1-2);" \
	"hyperfine $(hyperfine --version | cut -d' ' -f2); find $(find --version | head -1 | awk '{print $NF}');" \
	"seedfeed ${BENCH_REV:-$(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo "(not a git checkout)")}"

echo
echo "== fixed cost: the daemon's cold start on a folder of one article, 5 runs"
echo "   (process start, a new database, one scan, the render: what every N pays once)"
D=$WORK/one
mkdir -p "$D"
"$WORK/corpusgen" -n 1 -out "$D/seeds"
PORT=$(free_port)
config "$D" "$PORT"
for ((i = 0; i < 5; i++)); do
	rm -f "$D/state.db" "$D/state.db-wal" "$D/state.db-shm"
	daemon_cold "$D" 1 "$PORT"
done
FIXED_MS=$(median <"$D/daemon.ms")
FIXED_RENDER=$(median <"$D/render.ms")
FIXED_CPU=$(median <"$D/daemon.cpu")
echo "fixed cost: median $FIXED_MS ms ($(spread <"$D/daemon.ms")), of which render $FIXED_RENDER ms; CPU $FIXED_CPU ms"
rm -rf "$D"

SUMMARY=$OUT/summary.tsv
echo -e "N\tsf_build_s\tsf_min\tsf_max\thugo_s\thugo_min\thugo_max\tbuild_speedup\tdaemon_ms\tdaemon_spread\tdaemon_speedup\tsf_build_rss_mb\tdaemon_rss_mb\thugo_rss_mb\trescan_ms\trescan_min\trescan_max\tfind_ms\tfind_min\tfind_max\trescan_over_find\tdaemon_cpu_ms\trender_ms\tfixed_ms" >"$SUMMARY"

for N in "${SIZES[@]}"; do
	D=$WORK/$N
	mkdir -p "$D"
	echo
	echo "== N=$N: generating the corpus and its Hugo twin"
	"$WORK/corpusgen" -n "$N" -out "$D/seeds"
	"$WORK/corpusgen" -n "$N" -format hugo -out "$D/site"
	PORT=$(free_port)
	echo "$PORT" >"$D/port"
	config "$D" "$PORT"
	# Each timed run appends its peak RSS to a file: no extra runs needed.
	SF_CMD="/usr/bin/time -a -o $D/sf.time -f %M $WORK/seedfeed build -config $D/config.yaml -out $D/out"
	HUGO_CMD="/usr/bin/time -a -o $D/hugo.time -f %M hugo --quiet --source $D/site --destination $D/site/public --cacheDir $D/hugo-cache"
	SF_PREP="rm -rf $D/state.db $D/state.db-wal $D/state.db-shm $D/out"
	HUGO_PREP="rm -rf $D/site/public $D/site/resources $D/hugo-cache"
	R=$(runs_for "$N")

	echo "-- (a) cold start, $R runs each: seedfeed build (every feed and page as files) vs hugo"
	hyperfine --style basic --runs "$R" --export-csv "$OUT/cold-$N.csv" \
		--prepare "$SF_PREP" -n "seedfeed build" "$SF_CMD" \
		--prepare "$HUGO_PREP" -n hugo "$HUGO_CMD" | grep -Ev '^\s*$'
	read -r sfm sfmin sfmax < <(hf_stat "$OUT/cold-$N.csv" 1)
	read -r hm hmin hmax < <(hf_stat "$OUT/cold-$N.csv" 2)
	pages=$(find "$D/out" -name index.html | wc -l)
	((pages >= N)) || echo "warning: seedfeed wrote $pages HTML pages for $N articles" >&2
	sfrss=$(max_mb "$D/sf.time")
	hrss=$(max_mb "$D/hugo.time")
	bspeed=$(awk -v a="$hm" -v b="$sfm" 'BEGIN {printf "%.2f", a / b}')
	echo "hugo / seedfeed build = ${bspeed}x; peak RSS (max of the runs): seedfeed build $sfrss MB, hugo $hrss MB"

	echo "-- (a') daemon cold start, $R runs: seedfeed serve on an empty database until /healthz counts $N articles"
	: >"$D/daemon.ms"
	: >"$D/daemon.rss"
	: >"$D/daemon.cpu"
	: >"$D/render.ms"
	for ((i = 0; i < R; i++)); do
		eval "$SF_PREP"
		daemon_cold "$D" "$N" "$PORT" | tee -a "$OUT/daemon-cold-$N.txt"
	done
	dm=$(median <"$D/daemon.ms")
	dspread=$(spread <"$D/daemon.ms")
	drss=$(sort -g "$D/daemon.rss" | tail -1)
	dspeed=$(awk -v a="$hm" -v b="$dm" 'BEGIN {printf "%.2f", a * 1000 / b}')
	dcpu=$(median <"$D/daemon.cpu")
	drender=$(median <"$D/render.ms")
	echo "daemon cold start: median $dm ms ($dspread), CPU $dcpu ms ($(awk -v c="$dcpu" -v w="$dm" 'BEGIN {printf "%.2f", c / w}') cores busy)," \
		"render $drender ms, peak RSS $drss MB; hugo / daemon = ${dspeed}x"

	echo "-- (b) rescan of the unchanged folder vs find (database from the last cold start)"
	RUNS=10
	((N >= 100000)) && RUNS=6
	"$WORK/rescan" -config "$D/config.yaml" -runs "$RUNS" | tee "$OUT/rescan-$N.txt" | grep -v '^RESCAN'
	line=$(grep '^RESCAN' "$OUT/rescan-$N.txt")
	val() { tr ' ' '\n' <<<"$line" | awk -F= -v k="$1" '$1 == k {print $2}'; }

	echo -e "$N\t$sfm\t$sfmin\t$sfmax\t$hm\t$hmin\t$hmax\t$bspeed\t$dm\t$dspread\t$dspeed\t$sfrss\t$drss\t$hrss\t$(val rescan_ms)\t$(val rescan_min)\t$(val rescan_max)\t$(val find_ms)\t$(val find_min)\t$(val find_max)\t$(val ratio)\t$dcpu\t$drender\t$FIXED_MS" >>"$SUMMARY"
	LAST=$N
	# Only the largest corpus is kept for (d); the others are freed now.
	if [[ $N != "${SIZES[-1]}" && ${KEEP:-} != 1 ]]; then rm -rf "$D"; fi
done

N=$LAST
D=$WORK/$N
PORT=$(cat "$D/port")
echo
echo "== (d) N=$N: one new file with watch: true, settle $SETTLE, until it is in /feed.xml"
sed -i "s/watch: false/watch: true/" "$D/config.yaml"
"$WORK/seedfeed" serve -v -config "$D/config.yaml" 2>"$OUT/serve-$N.log" &
SF_PID=$!
PIDS+=("$SF_PID")
for ((i = 0; i < 60000; i++)); do
	grep -q 'msg=published' "$OUT/serve-$N.log" && curl -s "http://127.0.0.1:$PORT/healthz" | grep -q "\"articles\":$N," && break
	kill -0 "$SF_PID" 2>/dev/null || { echo "daemon exited" >&2; exit 1; }
	sleep 0.05
done
"$WORK/watchlat" -url "http://127.0.0.1:$PORT/feed.xml" -dir "$D/seeds" -settle "$SETTLE" -log "$OUT/serve-$N.log" -n "$PROBES" |
	tee "$OUT/watch-$N.txt" | grep -v '^WATCH'
watchrss=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$SF_PID/status")
echo "daemon peak RSS through start-up rescan and the new files: $watchrss MB"
echo "snapshot rebuilds after the new files (render, gzip, swap):"
grep 'msg=published' "$OUT/serve-$N.log" | tail -n "$PROBES" | grep -o 'took=[^ ]*' | sed 's/^took=/  /'

echo
echo "== summary (medians; spread min-max; seconds unless marked)"
printf '%7s | %-21s | %-21s | %-7s | %-22s | %-7s | %-17s | %-20s | %-20s | %-6s\n' N "seedfeed build" "hugo" "hugo/sf" "daemon cold ms" "hugo/sf" "RSS MB bld/dmn/hugo" "rescan ms" "find ms" "rescan/find"
tail -n +2 "$SUMMARY" | while IFS=$'\t' read -r n sfm sfmin sfmax hm hmin hmax bsp dm dsp dspeed sfr dr hr rm rmin rmax fm fmin fmax ratio _; do
	printf '%7s | %-21s | %-21s | %-7s | %-22s | %-7s | %-17s | %-20s | %-20s | %-6s\n' "$n" "$sfm ($sfmin-$sfmax)" "$hm ($hmin-$hmax)" \
		"${bsp}x" "$dm ($dsp)" "${dspeed}x" "$sfr/$dr/$hr" "$rm ($rmin-$rmax)" "$fm ($fmin-$fmax)" "$ratio"
done
echo
echo "== targets"
tail -n +2 "$SUMMARY" | while IFS=$'\t' read -r n _ _ _ _ _ _ bsp _ _ dspeed sfr dr _ _ _ _ _ _ _ ratio _; do
	echo "N=$n: >=10x faster than hugo: build ${bsp}x $(awk -v v="$bsp" 'BEGIN {print (v >= 10 ? "met" : "MISSED")}')," \
		"daemon ${dspeed}x $(awk -v v="$dspeed" 'BEGIN {print (v >= 10 ? "met" : "MISSED")}');" \
		"rescan within 2x of find: ${ratio}x $(awk -v v="$ratio" 'BEGIN {print (v <= 2 ? "met" : "MISSED")}')"
	if ((n >= 100000)); then
		echo "N=$n: peak RSS <= 150 MB: build $sfr MB $(awk -v v="$sfr" 'BEGIN {print (v <= 150 ? "met" : "MISSED")}')," \
			"daemon $dr MB $(awk -v v="$dr" 'BEGIN {print (v <= 150 ? "met" : "MISSED")}')"
	fi
done
grep '^WATCH' "$OUT/watch-$N.txt" | sed "s/^WATCH/new file at N=$N:/"

echo
echo "== what 10x hugo leaves for the articles (daemon cold start)"
echo "   budget = hugo / 10; left = budget - fixed cost - what the render takes beyond the fixed cost's, per article"
tail -n +2 "$SUMMARY" | while IFS=$'\t' read -r n _ _ _ hm _ _ _ dm _ _ _ _ _ _ _ _ _ _ _ _ dcpu drender fixed; do
	awk -v n="$n" -v hm="$hm" -v dm="$dm" -v cpu="$dcpu" -v r="$drender" -v f="$fixed" -v fr="$FIXED_RENDER" -v fc="$FIXED_CPU" 'BEGIN {
		budget = hm * 1000 / 10
		r -= fr
		left = budget - f - r
		printf "N=%d: budget %.0f ms; fixed %.0f ms + render %.0f ms more leave %s; the daemon takes %.1f us of wall (beyond the fixed cost and the render) and %.1f us of CPU (beyond the fixed cost) per article\n",
			n, budget, f, r, (left > 0 ? sprintf("%.1f us of wall per article", left * 1000 / n) : "nothing"),
			(dm - f - r) * 1000 / n, (cpu - fc) * 1000 / n
	}'
done
echo "raw results in $OUT"
