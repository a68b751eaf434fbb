#!/bin/bash
# bench-export.sh [GAZETTE_BINARY]: how long `gazette export-static` takes
# and how much memory it needs, on the benchmark's 10,000 articles and on
# a copy cut down to 1,000.  Not part of `make test`.
#
# The binary defaults to build/release/gazette (make build-release); a
# debug or sanitizer build measures the wrong thing.  In a temporary
# folder it makes the database (gazette init + gen-db.py, as bench.sh
# does), a small file for each of its media rows (so uploads are linked,
# not reported missing), and for each size measures with /usr/bin/time -v:
#
#   full        an export into an empty folder
#   again       a second export with nothing changed (writes 0 files)
#   one edit    an export after one article's title changed (sqlite3)
#
# and prints wall time, peak memory (maximum resident set size) and the
# files written.  The issue's bar: Hugo 0.111 builds the same 10,000
# posts in 14.6 s using 1.2 GB and needs 18.7 s after one post changes;
# export-static must be faster, under 200 MB, and a re-export after one
# edit under a second.  Exit 0 when the run completed (the verdict is
# printed, MET or NOT MET), 1 when a step failed.
#
# Environment: BENCH_KEEP=1 keeps the folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../.." && pwd -P)
bin=${1:-$src/build/release/gazette}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

die() {
	echo "bench-export: $*" >&2
	exit 1
}

[ -x "$bin" ] || {
	echo "bench-export: no gazette binary at $bin" >&2
	echo "bench-export: build one with: make build-release (or pass its path)" >&2
	exit 2
}
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install -y sqlite3)"
fts=$(dirname "$bin")/libgazette_fts
[ -f "$fts.so" ] || die "no $fts.so (make build-release builds it)"
# The sqlite3 shell with the search index's tokenizer, which the
# articles' triggers need.
sq() {
	sqlite3 -cmd ".load $fts gazette_fts_init" "$@"
}

tmp=$(mktemp -d)
cleanup() {
	if [ "${BENCH_KEEP:-}" = 1 ]; then
		echo "bench-export: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT

echo "bench-export: $bin, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$bin" init --db "$tmp/10000.db" >"$tmp/init.log" 2>&1 ||
	{ cat "$tmp/init.log" >&2; die "gazette init failed"; }
"$python" "$here/gen-db.py" "$tmp/10000.db" >"$tmp/paths" || die "gen-db.py failed"
article=$(sed -n 's/^article=//p' "$tmp/paths")
[ -n "$article" ] || die "gen-db.py printed no article"
slug=${article#/articles/}

# A file behind every media row: the exporter links them (hard links).
mkdir -p "$tmp/uploads"
sq "$tmp/10000.db" "SELECT path FROM media" | while read -r p; do
	mkdir -p "$tmp/uploads/$(dirname "$p")"
	head -c 2048 /dev/zero >"$tmp/uploads/$p"
done

# The 1,000-article copy: the newest 1,000 articles and what hangs on
# them (foreign keys on, so comments and tags go with their articles).
cp "$tmp/10000.db" "$tmp/1000.db"
sq "$tmp/1000.db" "PRAGMA foreign_keys=ON;
	DELETE FROM articles WHERE id NOT IN
		(SELECT id FROM articles ORDER BY published_at DESC LIMIT 1000)
		AND slug <> '$slug';
	VACUUM;" || die "could not cut the database down to 1,000 articles"
"$bin" check --db "$tmp/1000.db" >/dev/null || die "the 1,000-article copy fails gazette check"

# run NAME DB OUT: one export under /usr/bin/time -v; appends a row.
rows=()
run() {
	local name=$1 db=$2 out=$3 log=$tmp/time.log wall rss written
	/usr/bin/time -v "$bin" export-static --db "$db" --out "$out" \
		--uploads "$tmp/uploads" --www "$src/www" >"$tmp/out.log" 2>"$log" ||
		{ cat "$tmp/out.log" "$log" >&2; die "export-static failed ($name)"; }
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
	cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
	written=$(sed -n 's/.* in \([0-9.]*\) s: \([0-9]*\) written.*/\2/p' "$tmp/out.log")
	seconds=$("$python" -c "import sys
p = sys.argv[1].split(':')
print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(p))))" "$wall")
	rows+=("$(printf '| %s | %s | %.2f s | %s s | %d MB | %s |' \
		"$(basename "$db" .db)" "$name" "$seconds" "$cpu" $((rss / 1024)) \
		"$written")")
	last_seconds=$seconds
	last_cpu=$cpu
	last_rss=$rss
	sed -n '1,4p' "$tmp/out.log" | sed 's/^/    /' >&2
}

edit() {
	sq "$1" "UPDATE articles SET title = title || ' (edited)',
		updated_at = CAST(strftime('%s', 'now') AS INTEGER)
		WHERE slug = '$slug'" || die "could not edit $slug"
}

for size in 1000 10000; do
	db=$tmp/$size.db
	out=$tmp/out-$size
	echo "bench-export: $size articles" >&2
	run "full" "$db" "$out"
	full_s=$last_seconds full_cpu=$last_cpu full_rss=$last_rss
	run "again, nothing changed" "$db" "$out"
	edit "$db"
	run "after one edit" "$db" "$out"
	edit_s=$last_seconds edit_cpu=$last_cpu edit_rss=$last_rss
	pages=$(find "$out" -name index.html | wc -l)
	echo "bench-export: $size articles: $pages pages" >&2
done

echo
echo "| articles | export | wall | CPU (user + system) | peak memory | files written |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
# The bar is for 10,000 (the last size run), on wall time; CPU time is
# judged beside it because the cores are often shared (with a load of 15
# on 2 cores the wall time is ten times the CPU time).
verdict() { awk -v s="$1" -v bar="$2" 'BEGIN { print (s < bar ? "met" : "NOT MET") }'; }
echo "10,000 articles, against the issue's bar:"
echo "  full export: $full_s s wall ($(verdict "$full_s" 14.6)), $full_cpu s CPU ($(verdict "$full_cpu" 14.6)); Hugo 14.6 s"
echo "  after one edit: $edit_s s wall ($(verdict "$edit_s" 1.0)), $edit_cpu s CPU ($(verdict "$edit_cpu" 1.0)); bar 1 s, Hugo 18.7 s"
echo "  peak memory: $((full_rss / 1024)) MB full, $((edit_rss / 1024)) MB after the edit (bar 200 MB; Hugo 1.2 GB): $(verdict $((full_rss > edit_rss ? full_rss / 1024 : edit_rss / 1024)) 200)"
