# shellcheck shell=bash disable=SC2154
# lib.sh: the set-up that bench.sh and bench-saves.sh share.  Sourced, not
# run: the script sets `here` (this folder), `src` (the checkout) and `me`
# (the name its messages start with) first, under `set -euo pipefail`.
#
# bench_setup [GAZETTE_BINARY] checks the binary and the tools, reads the
# BENCH_* environment (seconds, warmup, timeout, workers), installs the
# cleanup trap and makes the temporary folder $tmp.  Then make_db,
# start_nginx and start_gazette bring up the pieces; run_wrk measures.
# Every process started here is stopped by pid when the script exits; a
# script that starts more defines bench_cleanup_extra to stop them (it runs
# first).

python=/usr/bin/python3
[ -x "$python" ] || python=python3

seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-1}
timeout=${BENCH_TIMEOUT:-30}
workers=${BENCH_WORKERS:-$(nproc)}

die() {
	echo "$me: $*" >&2
	exit 1
}

# --- processes and cleanup ----------------------------------------------

tmp=
gazette_pid=
nginx_pid=

# Sends signal $2 to pid $1 and waits up to $3 seconds for it to end,
# then kills it and its children.  Only ever our own processes, by pid.
stop() {
	local pid=$1 sig=$2 secs=$3 i
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
	kill "-$sig" "$pid" 2>/dev/null || true
	for ((i = 0; i < secs * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "$me: pid $pid still running after $sig; killing it" >&2
		# Its children first (by parent pid), so none is left behind.
		kill -KILL $(pgrep -P "$pid") "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if declare -F bench_cleanup_extra >/dev/null; then
		bench_cleanup_extra || true
	fi
	stop "$gazette_pid" TERM 15
	stop "$nginx_pid" QUIT 10
	if [ -n "$tmp" ] && [ -d "$tmp" ]; then
		if [ "${BENCH_KEEP:-}" = 1 ]; then
			echo "$me: kept $tmp" >&2
		else
			rm -rf "$tmp"
		fi
	fi
	exit "$rc"
}

bench_setup() {
	bin=${1:-$src/build/release/gazette}
	if [ ! -x "$bin" ]; then
		echo "$me: no gazette binary at $bin" >&2
		echo "$me: build one with: make build-release (or pass its path)" >&2
		exit 2
	fi
	bin=$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin")
	if ! command -v wrk >/dev/null; then
		echo "$me: wrk not found; install it with: apt-get install -y wrk" >&2
		exit 2
	fi
	nginx=$(command -v nginx || echo /usr/sbin/nginx)
	[ -x "$nginx" ] || die "nginx not found (apt-get install -y nginx)"
	command -v curl >/dev/null || die "curl not found (apt-get install -y curl)"
	case $seconds$warmup$workers$timeout in
	*[!0-9]*) die "BENCH_SECONDS, BENCH_WARMUP, BENCH_WORKERS and BENCH_TIMEOUT are whole numbers" ;;
	esac
	[ "$seconds" -ge 1 ] && [ "$workers" -ge 1 ] ||
		die "BENCH_SECONDS and BENCH_WORKERS must be at least 1"

	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM

	tmp=$(mktemp -d /tmp/gz-bench.XXXXXX)
	chmod 755 "$tmp" # nginx's workers must reach the sockets
}

# --- database ---------------------------------------------------------------

# Makes $tmp/gazette.db with 10,000 articles (gazette init + gen-db.py) and
# sets home, article, category and commented (an article with comments;
# empty for a binary without them) to the paths gen-db.py names.
make_db() {
	"$bin" init --db "$tmp/gazette.db" >"$tmp/init.log" 2>&1 ||
		{ cat "$tmp/init.log" >&2; die "gazette init failed"; }
	GAZETTE_BINARY=$bin "$python" "$here/gen-db.py" "$tmp/gazette.db" \
		>"$tmp/paths" ||
		die "gen-db.py failed"
	home=$(sed -n 's/^home=//p' "$tmp/paths")
	article=$(sed -n 's/^article=//p' "$tmp/paths")
	commented=$(sed -n 's/^commented=//p' "$tmp/paths")
	category=$(sed -n 's/^category=//p' "$tmp/paths")
	[ -n "$home" ] && [ -n "$article" ] && [ -n "$category" ] ||
		die "gen-db.py printed no paths"
}

# --- nginx --------------------------------------------------------------

# Adds the `bench` log format to the http-level access log of the
# configuration $1: one line per request, "STATUS BYTES COMPLETION
# "REQUEST"", which says whether each answer went out whole.
bench_log_format() {
	"$python" - "$1" "$me" <<'EOF'
import re, sys
conf, me = sys.argv[1:]
text = open(conf).read()
text, n = re.subn(r"\n(\taccess_log (\S+));",
                  "\n\tlog_format bench '$status $body_bytes_sent "
                  "$request_completion \"$request\"';\n\\1 bench;", text,
                  count=1)
if n != 1:
    sys.exit("%s: no http-level access_log in %s; "
             "update tests/bench/lib.sh" % (me, conf))
open(conf, "w").write(text)
EOF
}

free_ports() {
	"$python" -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))'
}

# Starts nginx on 127.0.0.1 with conf/nginx.conf.in as
# scripts/gen-nginx-conf.sh writes it, passing to $tmp/gazette.sock, plus
# the bench log format.  $1, when given, is a command run with the
# configuration's path to change it first; it may use $port_s and $port_r,
# two more free ports.  Sets prefix, port_g, port_s, port_r, nginx_pid
# and gz (gazette's base URL).
start_nginx() {
	local hook=${1:-} attempt i
	prefix=$tmp/nginx
	mkdir -p "$tmp/uploads" "$tmp/static"
	for attempt in 1 2 3; do
		# shellcheck disable=SC2034 # port_s, port_r: for the hook
		read -r port_g port_s port_r < <(free_ports)
		sh "$src/scripts/gen-nginx-conf.sh" "$prefix/nginx.conf" "$prefix" \
			"127.0.0.1:$port_g" "$src/www" "$tmp/uploads" "$tmp/gazette.sock" ||
			die "gen-nginx-conf.sh failed"
		if [ -n "$hook" ]; then
			"$hook" "$prefix/nginx.conf" || exit 1
		fi
		bench_log_format "$prefix/nginx.conf" || exit 1
		rm -f "$prefix/nginx.pid"
		"$nginx" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" \
			-g 'daemon off;' </dev/null >/dev/null 2>"$prefix/stderr.log" &
		nginx_pid=$!
		for ((i = 0; i < 100; i++)); do
			kill -0 "$nginx_pid" 2>/dev/null || break
			[ "$(cat "$prefix/nginx.pid" 2>/dev/null)" = "$nginx_pid" ] && break
			sleep 0.1
		done
		if kill -0 "$nginx_pid" 2>/dev/null; then
			break
		fi
		wait "$nginx_pid" 2>/dev/null || true
		nginx_pid=
		if ! grep -q "Address already in use" "$prefix"/*.log || [ "$attempt" = 3 ]; then
			cat "$prefix"/*.log >&2
			die "nginx did not start"
		fi
	done
	[ "$(cat "$prefix/nginx.pid" 2>/dev/null)" = "$nginx_pid" ] ||
		die "nginx did not write its pid file"
	gz=http://127.0.0.1:$port_g
}

# Waits until $1 answers 200, or fails after 60 s; $2 is the pid that serves it.
wait_ok() {
	local i code
	for ((i = 0; i < 600; i++)); do
		kill -0 "$2" 2>/dev/null || return 1
		code=$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)
		[ "$code" = 200 ] && return 0
		sleep 0.1
	done
	return 1
}

# --- gazette ------------------------------------------------------------

# Starts `gazette serve --workers $workers` on $tmp/gazette.sock, with any
# further serve options given as arguments, and waits until / answers 200
# through nginx.
start_gazette() {
	"$bin" serve --db "$tmp/gazette.db" --socket "$tmp/gazette.sock" \
		--workers "$workers" "$@" </dev/null >"$tmp/gazette.log" 2>&1 &
	gazette_pid=$!
	wait_ok "$gz/" "$gazette_pid" ||
		{ tail -20 "$tmp/gazette.log" >&2; die "gazette serve does not answer 200 on /"; }
}

# --- runs ---------------------------------------------------------------

# Converts a wrk duration (523.00us, 1.23ms, 1.02s, 1.00m) to milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		f = u == "us" ? 0.001 : u == "ms" ? 1 : u == "s" ? 1000 : u == "m" ? 60000 : -1
		if (f < 0) exit 1
		printf "%.2f", n * f }'
}

# Runs wrk against $1 for $2 seconds; sets rps, p50, p99 and out.  Fails on
# any error or non-2xx answer.
run_wrk() {
	local url=$1 secs=$2 non2xx sockerr
	out=$(wrk -t2 -c16 -d"${secs}s" --latency --timeout "${timeout}s" "$url" 2>&1) ||
		{ echo "$out" >&2; die "wrk failed on $url"; }
	non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' <<<"$out")
	sockerr=$(grep -E 'Socket errors' <<<"$out" || true)
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
	p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
	if [ -n "$non2xx" ] || [ -n "$sockerr" ] || [ -z "$rps" ] ||
		[ -z "$p50" ] || [ -z "$p99" ]; then
		echo "$out" >&2
		echo "$me: FAIL: errors or non-2xx answers from $url" >&2
		exit 1
	fi
	p50=$(to_ms "$p50") && p99=$(to_ms "$p99") ||
		{ echo "$out" >&2; die "cannot read wrk's latencies"; }
}
