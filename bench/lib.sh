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
