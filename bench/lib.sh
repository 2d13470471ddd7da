# bench/lib.sh — what the benchmark scripts share; sourced, not run.
#
# bench_setup NAME sets REPO (the checkout), OUT (raw results: $OUT if set,
# else a new folder under /tmp, kept), WORK (scratch, removed on exit
# unless KEEP=1) and PIDS (processes to stop on exit), and installs the
# exit traps.

bench_setup() {
	REPO=$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)
	OUT=${OUT:-$(mktemp -d "/tmp/seedfeed-$1.XXXXXX")}
	mkdir -p "$OUT"
	WORK=$(mktemp -d "/tmp/seedfeed-$1-work.XXXXXX")
	PIDS=()
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
}

bench_cleanup() {
	local p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${PIDS[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	if [[ ${KEEP:-} == 1 ]]; then
		echo "kept $WORK"
	else
		rm -rf "$WORK"
	fi
}

# need PKG[:COMMAND]...: installs the Debian packages whose command (the
# package's name unless given) is missing.
need() {
	local missing=() tool
	for tool in "$@"; do
		command -v "${tool#*:}" >/dev/null || missing+=("${tool%%:*}")
	done
	if ((${#missing[@]})); then
		echo "installing ${missing[*]}" >&2
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# free_port prints a loopback port nothing listens on (bash's /dev/tcp
# connect fails there).
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
}

# median of the numbers on stdin.
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# daemon_config FILE PORT STATE [SETTLE]: writes FILE, the daemon's
# configuration for the corpus in FILE's folder/seeds, listening on
# 127.0.0.1:PORT (also the base URL, so configs that differ only in STATE
# render the same bytes), with STATE the lines under state: and SETTLE as
# seeds.settle (the daemon's default without it). No watching, hourly scans.
daemon_config() {
	{
		cat <<EOF2
site:
  base_url: "http://127.0.0.1:$2"
seeds:
  dir: "seeds"
  schedule: "@every 1h"
  watch: false
EOF2
		if [[ -n ${4:-} ]]; then echo "  settle: \"$4\""; fi
		cat <<EOF2
state:
$3
server:
  listen: "127.0.0.1:$2"
EOF2
	} >"$1"
}

# duration_ms: a Go duration on stdin (as slog prints it) in milliseconds.
duration_ms() {
	awk '{v = $1; u = v; sub(/^[0-9.]+/, "", u); sub(/[a-zµ]+$/, "", v)
		f = (u == "s") ? 1000 : (u == "ms") ? 1 : (u == "µs" || u == "us") ? 0.001 : (u == "ns") ? 0.000001 : -1
		if (f < 0) {print "?"; exit}
		printf "%.1f\n", v * f}'
}
