#!/bin/bash
# bench.sh [GAZETTE_BINARY]: how fast Gazette renders pages next to the two
# ceilings of its architecture, measured in the same run on this machine.
# Not part of `make test`.
#
# The binary defaults to build/release/gazette (make build-release); a
# debug or sanitizer build measures the wrong thing.  In a temporary folder
# it makes a database of 10,000 articles (gazette init + gen-db.py), starts
# one nginx with three servers on 127.0.0.1:
#
#   gazette    conf/nginx.conf.in as scripts/gen-nginx-conf.sh writes it,
#              passing to `gazette serve --workers N`
#   static     the same pages saved as files, served by nginx itself
#   responder  the same pages from responder.c (N libfcgi workers), behind
#              a copy of gazette's own `location /` block
#
# and asks each for three pages: /, one article and /category/news/page/5.
# The saved copies are checked byte for byte (cmp) against what gazette
# answered.  Every run is `wrk -t2 -c16 -d10s --latency` (with a longer
# --timeout, see below) after a 1 s warm-up, one at a time.  Any answer
# other than 200 with the page's full length (wrk's "Non-2xx or 3xx" count,
# socket errors, and nginx's access log are all checked) fails the script
# with exit 1.  Otherwise it prints the table and
# whether the target holds: gazette >= 0.6x the responder on / and on the
# article (MET or NOT MET; exit 0 either way).
#
# Environment: BENCH_SECONDS (default 10) and BENCH_WARMUP (default 1)
# shorten the runs for a smoke test; BENCH_WORKERS (default nproc) sets the
# worker count of both FastCGI servers; BENCH_KEEP=1 keeps the folder.
# wrk runs with --timeout BENCH_TIMEOUT (default 30 s) instead of its 2 s:
# wrk leaves a timed-out request out of the latencies, so a slow page
# would be measured as failing rather than slow.  A timeout still fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../.." && pwd -P)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-1}
timeout=${BENCH_TIMEOUT:-30}
workers=${BENCH_WORKERS:-$(nproc)}
target_ratio=0.6

die() {
	echo "bench: $*" >&2
	exit 1
}

bin=${1:-$src/build/release/gazette}
if [ ! -x "$bin" ]; then
	echo "bench: no gazette binary at $bin" >&2
	echo "bench: build one with: make build-release (or pass its path)" >&2
	exit 2
fi
bin=$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin")
if ! command -v wrk >/dev/null; then
	echo "bench: wrk not found; install it with: apt-get install -y wrk" >&2
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

# --- processes and cleanup ----------------------------------------------

tmp=
gazette_pid=
responder_pid=
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
		echo "bench: pid $pid still running after $sig; killing it" >&2
		# Its children first (by parent pid), so none is left behind.
		kill -KILL $(pgrep -P "$pid") "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	stop "$gazette_pid" TERM 15
	stop "$responder_pid" TERM 5
	stop "$nginx_pid" QUIT 10
	if [ -n "$tmp" ] && [ -d "$tmp" ]; then
		if [ "${BENCH_KEEP:-}" = 1 ]; then
			echo "bench: kept $tmp" >&2
		else
			rm -rf "$tmp"
		fi
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tmp=$(mktemp -d /tmp/gz-bench.XXXXXX)
chmod 755 "$tmp" # nginx's workers must reach the sockets

# --- database ---------------------------------------------------------------

echo "bench: $bin, $workers workers, $(nproc) cores, wrk -t2 -c16 -d${seconds}s" >&2
# Everything shares the same cores: other busy processes skew the numbers.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$bin" init --db "$tmp/gazette.db" >"$tmp/init.log" 2>&1 ||
	{ cat "$tmp/init.log" >&2; die "gazette init failed"; }
"$python" "$here/gen-db.py" "$tmp/gazette.db" >"$tmp/paths" ||
	die "gen-db.py failed"
home=$(sed -n 's/^home=//p' "$tmp/paths")
article=$(sed -n 's/^article=//p' "$tmp/paths")
category=$(sed -n 's/^category=//p' "$tmp/paths")
[ -n "$home" ] && [ -n "$article" ] && [ -n "$category" ] ||
	die "gen-db.py printed no paths"
pages=("$home" "$article" "$category")
labels=("/" "article" "category p5")

# --- nginx --------------------------------------------------------------

# Appends the static and responder servers to the generated configuration.
# The responder's location is gazette's own `location / { … }` block with
# the socket swapped, so both FastCGI servers get identical treatment.
add_servers() {
	"$python" - "$1" "$2" "$3" "$tmp/gazette.sock" "$tmp/responder.sock" \
		"$tmp/static" <<'EOF'
import re, sys
conf, static_port, resp_port, gz_sock, resp_sock, root = sys.argv[1:]
text = open(conf).read()
m = re.search(r"\n(\t\tlocation / \{\n.*?\n\t\t\}\n)", text, re.S)
if not m or "fastcgi_pass unix:%s;" % gz_sock not in m.group(1):
    sys.exit("bench: no `location / { fastcgi_pass ... }` block in %s; "
             "update tests/bench/bench.sh" % conf)
fcgi = m.group(1).replace(gz_sock, resp_sock)
headers = "".join(
    '\t\tadd_header %s "%s" always;\n' % h for h in [
        ("Content-Security-Policy", "default-src 'none'; img-src 'self'; "
         "style-src 'self'; base-uri 'none'; form-action 'none'; "
         "frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY")])
servers = """
	# bench.sh: the same pages as files (static) and from responder.c.
	server {
		listen 127.0.0.1:%s;
		server_name localhost;
		root %s;
		charset utf-8;
%s		location = / {
			try_files /index.html =404;
		}
		location / {
			try_files $uri/index.html =404;
		}
	}

	server {
		listen 127.0.0.1:%s;
		server_name localhost;
		absolute_redirect off;

%s	}
""" % (static_port, root, headers, resp_port, fcgi)
end = text.rstrip().rfind("}")
text = text[:end] + servers.lstrip("\n") + "}\n"
# The access log (the same one line per request for all three servers)
# also says whether each answer went out whole: check_log reads it.
text, n = re.subn(r"\n(\taccess_log (\S+));",
                  "\n\tlog_format bench '$status $body_bytes_sent "
                  "$request_completion \"$request\"';\n\\1 bench;", text,
                  count=1)
if n != 1:
    sys.exit("bench: no http-level access_log in %s; "
             "update tests/bench/bench.sh" % conf)
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

prefix=$tmp/nginx
mkdir -p "$tmp/uploads" "$tmp/static"
for attempt in 1 2 3; do
	read -r port_g port_s port_r < <(free_ports)
	sh "$src/scripts/gen-nginx-conf.sh" "$prefix/nginx.conf" "$prefix" \
		"127.0.0.1:$port_g" "$src/www" "$tmp/uploads" "$tmp/gazette.sock" ||
		die "gen-nginx-conf.sh failed"
	add_servers "$prefix/nginx.conf" "$port_s" "$port_r" || exit 1
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
st=http://127.0.0.1:$port_s
rs=http://127.0.0.1:$port_r

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

"$bin" serve --db "$tmp/gazette.db" --socket "$tmp/gazette.sock" \
	--workers "$workers" </dev/null >"$tmp/gazette.log" 2>&1 &
gazette_pid=$!
wait_ok "$gz/" "$gazette_pid" ||
	{ tail -20 "$tmp/gazette.log" >&2; die "gazette serve does not answer 200 on /"; }

# --- pages: saved from gazette, served as files and by the responder -------

# Prints "STATUS CONTENT-TYPE" of GET $1, saving the body in $2.
fetch() {
	curl -sS -o "$2" -w '%{http_code} %{content_type}' "$1"
}

files=()
types=()
for p in "${pages[@]}"; do
	if [ "$p" = / ]; then
		f=$tmp/static/index.html
	else
		f=$tmp/static$p/index.html
	fi
	mkdir -p "$(dirname "$f")"
	got=$(fetch "$gz$p" "$f") || die "cannot fetch $p from gazette"
	[ "${got%% *}" = 200 ] || die "gazette answered $got for $p"
	# The page must not change between requests, or a copy means nothing.
	fetch "$gz$p" "$tmp/again" >/dev/null
	cmp -s "$f" "$tmp/again" || die "gazette's $p differs between two requests"
	files+=("$f")
	types+=("${got#* }")
done

responder_args=()
for i in "${!pages[@]}"; do
	responder_args+=("${pages[$i]}" "${files[$i]}")
done
cc -std=c11 -O2 -Wall -Wextra -o "$tmp/responder" "$here/responder.c" -lfcgi ||
	die "cannot build responder.c (libfcgi-dev installed?)"
"$tmp/responder" "$tmp/responder.sock" "$workers" "${responder_args[@]}" \
	</dev/null >"$tmp/responder.log" 2>&1 &
responder_pid=$!
wait_ok "$rs/" "$responder_pid" ||
	{ cat "$tmp/responder.log" >&2; die "the responder does not answer 200 on /"; }

for i in "${!pages[@]}"; do
	for base in "$st" "$rs"; do
		got=$(fetch "$base${pages[$i]}" "$tmp/check") ||
			die "cannot fetch $base${pages[$i]}"
		[ "$got" = "200 ${types[$i]}" ] ||
			die "$base${pages[$i]} answered '$got', gazette '200 ${types[$i]}'"
		cmp "${files[$i]}" "$tmp/check" >&2 ||
			die "$base${pages[$i]} is not byte-identical to gazette's page"
	done
done
echo "bench: pages saved and checked: ${pages[*]}" >&2

# --- runs ---------------------------------------------------------------

# Converts a wrk duration (523.00us, 1.23ms, 1.02s, 1.00m) to milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		f = u == "us" ? 0.001 : u == "ms" ? 1 : u == "s" ? 1000 : u == "m" ? 60000 : -1
		if (f < 0) exit 1
		printf "%.2f", n * f }'
}

# Checks nginx's access log since it was last emptied: every request was
# answered 200 with exactly $1 body bytes.  When its time is up wrk closes
# its connections; nginx logs the answers it was still waiting for or
# sending then as 499 or as an incomplete 200 (no "OK" for
# $request_completion).  No client saw those, so up to one per connection
# (16) is allowed.  Prints the number of complete 200 answers.
check_log() {
	awk -v want="$1" '
		$1 == 200 && $2 == want && $3 == "OK" { ok++; next }
		($1 == 499 || $1 == 200) && $3 != "OK" && ++cut <= 16 { next }
		{ bad++; if (bad <= 5) print "bench: unexpected: " $0 > "/dev/stderr" }
		END { print ok + 0; exit bad > 0 }' "$prefix/access.log"
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
		echo "bench: FAIL: errors or non-2xx answers from $url" >&2
		exit 1
	fi
	p50=$(to_ms "$p50") && p99=$(to_ms "$p99") ||
		{ echo "$out" >&2; die "cannot read wrk's latencies"; }
}

declare -A R P50 P99
targets=(static responder gazette)
for i in "${!pages[@]}"; do
	bytes=$(stat -c %s "${files[$i]}")
	for t in "${targets[@]}"; do
		case $t in
		static) url=$st${pages[$i]} ;;
		responder) url=$rs${pages[$i]} ;;
		gazette) url=$gz${pages[$i]} ;;
		esac
		if [ "$warmup" -gt 0 ]; then
			run_wrk "$url" "$warmup"
		fi
		: >"$prefix/access.log"
		run_wrk "$url" "$seconds"
		n=$(check_log "$bytes") || {
			echo "bench: FAIL: $url: answers other than 200 with $bytes bytes" >&2
			exit 1
		}
		R[$i.$t]=$rps
		P50[$i.$t]=$p50
		P99[$i.$t]=$p99
		printf 'bench: %-11s %-9s %10s req/s  p50 %7s ms  p99 %7s ms  (%s answers of 200)\n' \
			"${labels[$i]}" "$t" "$rps" "$p50" "$p99" "$n" >&2
	done
done

# Any gazette worker that died during the runs is a failure too.
if grep -i "died" "$tmp/gazette.log" >&2; then
	die "gazette workers died during the runs (see above)"
fi

# --- report -------------------------------------------------------------

echo
echo "Gazette benchmark: $(nproc) cores, $workers workers each, wrk -t2 -c16 -d${seconds}s, 10,000 articles"
printf '%-12s %7s %11s %11s %11s %9s %9s %15s\n' page bytes "static r/s" \
	"resp. r/s" "gazette r/s" gz/resp resp/stat "gz p50/p99 ms"
met=1
for i in "${!pages[@]}"; do
	ratio_gr=$(awk -v a="${R[$i.gazette]}" -v b="${R[$i.responder]}" 'BEGIN { printf "%.3f", a / b }')
	ratio_rs=$(awk -v a="${R[$i.responder]}" -v b="${R[$i.static]}" 'BEGIN { printf "%.3f", a / b }')
	printf '%-12s %7s %11.0f %11.0f %11.0f %8sx %8sx %15s\n' "${labels[$i]}" \
		"$(stat -c %s "${files[$i]}")" "${R[$i.static]}" "${R[$i.responder]}" \
		"${R[$i.gazette]}" "$ratio_gr" "$ratio_rs" \
		"${P50[$i.gazette]}/${P99[$i.gazette]}"
	# The target covers the home page and the article.
	if [ "$i" -lt 2 ] && awk -v r="${R[$i.gazette]}" -v c="${R[$i.responder]}" \
		-v t="$target_ratio" 'BEGIN { exit !(r < t * c) }'; then
		met=0
	fi
done
echo "pages: ${pages[*]}"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (anything else busy on these cores skews all three columns)"
if [ "$met" = 1 ]; then
	echo "target (gazette >= ${target_ratio}x responder on / and the article): MET"
else
	echo "target (gazette >= ${target_ratio}x responder on / and the article): NOT MET"
fi
