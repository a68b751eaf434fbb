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
# and asks each for three pages: /, one article and /category/news/page/5,
# and where the binary has comments a fourth, an article with 8 comments
# (both articles carry the comment form).
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
#
# The set-up it shares with bench-saves.sh (checks, cleanup, database,
# nginx, gazette, wrk) is in lib.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../.." && pwd -P)
me=bench
# shellcheck source=lib.sh
. "$here/lib.sh"

target_ratio=0.6
responder_pid=

# The responder is ours to stop too (lib.sh stops gazette and nginx).
bench_cleanup_extra() {
	stop "$responder_pid" TERM 5
}

bench_setup "$@"

# --- database ---------------------------------------------------------------

echo "bench: $bin, $workers workers, $(nproc) cores, wrk -t2 -c16 -d${seconds}s" >&2
# Everything shares the same cores: other busy processes skew the numbers.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
make_db
pages=("$home" "$article" "$category")
labels=("/" "article" "category p5")
# The same kind of article with 8 comments under it (a thread), where the
# binary has comments; the target does not cover it.
if [ -n "$commented" ]; then
	pages+=("$commented")
	labels+=("8 comments")
fi

# --- nginx --------------------------------------------------------------

# Appends the static and responder servers (on $port_s and $port_r) to the
# generated configuration $1; start_nginx (lib.sh) calls it.
# The responder's location is gazette's own `location / { … }` block with
# the socket swapped, so both FastCGI servers get identical treatment.
add_servers() {
	"$python" - "$1" "$port_s" "$port_r" "$tmp/gazette.sock" "$tmp/responder.sock" \
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
open(conf, "w").write(text)
EOF
}

start_nginx add_servers
st=http://127.0.0.1:$port_s
rs=http://127.0.0.1:$port_r

# --- gazette ------------------------------------------------------------

start_gazette

# --- pages: saved from gazette, served as files and by the responder -------

# Prints "STATUS CONTENT-TYPE" of GET $1, saving the body in $2.
fetch() {
	curl -sS -o "$2" -w '%{http_code} %{content_type}' "$1"
}

# Prints file $1 with the value of every form_token field emptied.
untoken() {
	sed 's/name="form_token" value="[^"]*"/name="form_token" value=""/g' "$1"
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
	# The page must not change between requests, or a copy means nothing;
	# only the signed token of a comment form (issued at each rendering,
	# of constant length) may.
	fetch "$gz$p" "$tmp/again" >/dev/null
	cmp -s <(untoken "$f") <(untoken "$tmp/again") ||
		die "gazette's $p differs between two requests"
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
