#!/bin/bash
# bench-import.sh [GAZETTE_BINARY]: what `gazette import-wxr` costs.  Not
# part of `make test`; `make build-release` first (build/release/gazette
# unless given).
#
# Imports the WordPress 6.1 export of 1,000 posts
# (../shared/corpora/wordpress-6.1-export-1000) into a fresh database,
# then again into the same database (every row updated), then 10,000
# posts: the same export's items repeated ten times with new post ids,
# slugs, links and guids, written to a temporary file.  Each run is
# measured with /usr/bin/time -v: wall-clock time, CPU time (user and
# system: what the import itself costs, whatever else the machine runs)
# and peak resident memory (maximum resident set size).  It fails when an import fails or
# the database does not hold the posts afterwards.  BENCH_KEEP=1 keeps
# the temporary folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../.." && pwd -P)
me=bench-import
bin=${1:-$src/build/release/gazette}
corpus=${GAZETTE_CORPORA:-$src/../shared/corpora}/wordpress-6.1-export-1000/export-1000.wxr
python=/usr/bin/python3
[ -x "$python" ] || python=python3

die() {
	echo "$me: $*" >&2
	exit 1
}
[ -x "$bin" ] || die "no binary at $bin (make build-release)"
[ -r "$corpus" ] || die "no corpus at $corpus"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
command -v sqlite3 >/dev/null || die "sqlite3 is missing"

tmp=$(mktemp -d)
cleanup() {
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "$me: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT

# The 10,000-post file: the header, the items ten times over (each copy's
# ids, slugs, links and guids made new), the footer.
"$python" - "$corpus" "$tmp/export-10000.wxr" <<'PY'
import re, sys
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
first = text.index("<item>")
last = text.rindex("</item>") + len("</item>")
head, body, tail = text[:first], text[first:last], text[last:]
items = re.findall(r"<item>.*?</item>", body, re.S)
with open(out, "w", encoding="utf-8") as f:
    f.write(head)
    for k in range(10):
        for it in items:
            if k:
                it = re.sub(r"<wp:post_id>(\d+)</wp:post_id>",
                            lambda m: "<wp:post_id>%d</wp:post_id>" %
                            (int(m.group(1)) + k * 100000), it)
                it = re.sub(r"(<wp:post_name><!\[CDATA\[)([^\]]*)",
                            lambda m: m.group(1) + m.group(2) + "-copy%d" % k,
                            it)
                it = re.sub(r"(<link>[^<]*?)/?(</link>)",
                            lambda m: m.group(1) + "-copy%d/" % k + m.group(2),
                            it)
                it = re.sub(r"(<guid[^>]*>[^<]*)(</guid>)",
                            lambda m: m.group(1) + "&amp;copy=%d" % k +
                            m.group(2), it)
            f.write(it + "\n")
    f.write(tail)
PY

# measure LABEL DB FILE: one import, timed.
measure() {
	local label=$1 db=$2 file=$3 log=$tmp/time.log
	/usr/bin/time -v "$bin" import-wxr --db "$db" "$file" \
		>"$tmp/summary.txt" 2>"$log" || {
		cat "$log" >&2
		die "$label: the import failed"
	}
	local wall rss user sys
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
	user=$(sed -n 's/.*User time (seconds): //p' "$log")
	sys=$(sed -n 's/.*System time (seconds): //p' "$log")
	printf '| %s | %s | %s + %s | %s |\n' "$label" "$wall" "$user" "$sys" \
		"$rss"
}

"$bin" init --db "$tmp/1k.db" 2>/dev/null
"$bin" init --db "$tmp/10k.db" 2>/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "| import | wall clock (m:ss) | CPU user + system (s) | peak memory (kB) |"
echo "|---|---|---|---|"
measure "1,000 posts, fresh database" "$tmp/1k.db" "$corpus"
measure "1,000 posts again (all updated)" "$tmp/1k.db" "$corpus"
measure "10,000 posts, fresh database" "$tmp/10k.db" "$tmp/export-10000.wxr"
n1=$(sqlite3 "$tmp/1k.db" "SELECT count(*) FROM articles")
n10=$(sqlite3 "$tmp/10k.db" "SELECT count(*) FROM articles")
[ "$n1" = 1000 ] || die "1k: $n1 articles, not 1000"
[ "$n10" = 10000 ] || die "10k: $n10 articles, not 10000"
echo "$me: ok ($n1 and $n10 articles)"
