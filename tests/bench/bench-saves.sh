#!/bin/bash
# bench-saves.sh [GAZETTE_BINARY]: what saving an article costs, through
# nginx, and what it does to readers.  Not part of `make test`.
#
# The same set-up as bench.sh (lib.sh): a temporary folder, a database of
# 10,000 articles, `gazette serve --workers N` behind nginx on 127.0.0.1
# (conf/nginx.conf.in as scripts/gen-nginx-conf.sh writes it), from the
# release build (build/release/gazette unless given).  It adds an editor
# account (bencheditor), sets form_min_seconds to 0 and base_url to
# nginx's address, and saves the article bench.sh measures through the
# admin editor with saves.py: sign in, then for each save GET the editor
# page (csrf, version, every field) and POST it back with the body
# changed and an Origin header; the POST must answer 303.
#
#   1. saves alone: BENCH_SAVES (default 200) saves one after another;
#      p50 and p99 of the POST's latency (sending it to reading the
#      answer, 303 included; the GET is not counted).
#   2. readers: `wrk -t2 -c16 -d10s --latency` on / (after a 1 s warm-up)
#      twice: alone, then while another saves.py saves once a second
#      (signed in before; saves start at 0, 1, ... 9 s of the run).
#      req/s, p50 and p99 of both, their ratio, how many saves were made
#      during the second run and their POST latency.
#
# It fails (exit 1) when any save answers other than 303, when a save
# made during the run is missing from the public article afterwards, when
# wrk sees an error or a non-2xx answer, when nginx's access log has any
# answer other than 200 for / (wrk's cut-off at the end aside, as in
# bench.sh) or 200/303 for the admin requests, and when a gazette worker
# died or logged an error.  Otherwise it prints the table (exit 0).
#
# BENCH_RELOADS=1 (root, with perf) also counts the reloads: how often a
# worker re-read what it keeps (site_db_load) in each part, with a uprobe
# on the binary that is removed on exit.  A worker reloads at its first
# request after any commit of another connection, and after its own POST.
#
# Environment as bench.sh (BENCH_SECONDS, BENCH_WARMUP, BENCH_WORKERS,
# BENCH_TIMEOUT, BENCH_KEEP), plus BENCH_SAVES (200), BENCH_SAVE_EVERY
# (seconds between background saves, 1) and BENCH_DEADLINE (seconds the
# sequential saves may take in all, 300).  wrk's --timeout and each
# request of saves.py use BENCH_TIMEOUT.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../.." && pwd -P)
me=bench-saves
# shellcheck source=lib.sh
. "$here/lib.sh"

saves=${BENCH_SAVES:-200}
every=${BENCH_SAVE_EVERY:-1}
deadline=${BENCH_DEADLINE:-300}
reloads=${BENCH_RELOADS:-0}
editor_name=bencheditor

saver_pid=
perf_pid=
probe=

# The background saver, perf and the uprobe are ours to end too.
bench_cleanup_extra() {
	stop "$saver_pid" TERM 10
	stop "$perf_pid" INT 5
	if [ -n "$probe" ]; then
		perf probe -q -d "$probe" >/dev/null 2>&1 ||
			echo "$me: could not remove the uprobe $probe (perf probe -d $probe)" >&2
	fi
}

case $saves$deadline in
*[!0-9]*) die "BENCH_SAVES and BENCH_DEADLINE are whole numbers" ;;
esac
[ "$saves" -ge 1 ] || die "BENCH_SAVES must be at least 1"
awk -v e="$every" 'BEGIN { exit !(e + 0 > 0 && e ~ /^[0-9.]+$/) }' ||
	die "BENCH_SAVE_EVERY is a number of seconds above 0"

bench_setup "$@"

if [ "$reloads" = 1 ]; then
	[ "$(id -u)" = 0 ] && command -v perf >/dev/null ||
		die "BENCH_RELOADS=1 needs root and perf"
	nm "$bin" 2>/dev/null | grep ' [Tt] site_db_load$' >/dev/null ||
		die "no site_db_load symbol in $bin (stripped?) for BENCH_RELOADS=1"
	# Event names take letters only here; the pid keeps runs apart.
	probe=gzbench:siteload_$(tr 0-9 a-j <<<"$$")
	perf probe -q -x "$bin" -a "$probe=site_db_load" >/dev/null 2>"$tmp/probe.log" ||
		{ probe=; cat "$tmp/probe.log" >&2; die "perf probe failed"; }
fi

# Counting reloads: reloads_begin before a part, reloads_end after it sets
# n_reloads (or "-" without BENCH_RELOADS=1).
reloads_begin() {
	[ -n "$probe" ] || return 0
	perf stat -a -e "$probe" -x, -o "$tmp/perf.out" </dev/null 2>/dev/null &
	perf_pid=$!
	sleep 0.3 # perf attaches
}
reloads_end() {
	n_reloads=-
	[ -n "$probe" ] || return 0
	stop "$perf_pid" INT 5
	perf_pid=
	n_reloads=$(awk -F, -v e="$probe" '$3 == e { print $1 }' "$tmp/perf.out")
	[ -n "$n_reloads" ] || { cat "$tmp/perf.out" >&2; die "perf counted nothing"; }
}

# --- database, nginx, gazette -----------------------------------------------

echo "$me: $bin, $workers workers, $(nproc) cores, $saves saves, wrk -t2 -c16 -d${seconds}s" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
make_db
"$python" -c 'import secrets; print(secrets.token_urlsafe(18))' >"$tmp/password"
chmod 600 "$tmp/password"
"$bin" user add --db "$tmp/gazette.db" --name "$editor_name" --role editor \
	<"$tmp/password" >"$tmp/user.log" 2>&1 ||
	{ cat "$tmp/user.log" >&2; die "gazette user add failed"; }
start_nginx

# Settings, before serve reads them.  The article is the one bench.sh asks
# for (gen-db.py names it by its address).
article_id=$("$python" - "$tmp/gazette.db" "${article#/articles/}" "$gz" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
with db:
    for k, v in (("form_min_seconds", "0"), ("base_url", sys.argv[3])):
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (k, v))
row = db.execute("SELECT id FROM articles WHERE slug = ?",
                 (sys.argv[2],)).fetchone()
if not row:
    sys.exit("bench-saves: no article with slug %s" % sys.argv[2])
print(row[0])
EOF
) || die "cannot set up the settings"

start_gazette

# --- checks ---------------------------------------------------------------

# Checks nginx's access log since it was last emptied.  Readers' / must be
# 200 and complete (up to 16 cut off by wrk at the end, as in bench.sh);
# the editor's requests 200 (GET) or 303 (POST).  Prints "READERS ADMIN
# SIZES": complete answers to /, admin requests, and the distinct sizes
# of /.
check_log() {
	awk -v id="$article_id" '
		{ req = $0; sub(/^[^"]*"/, "", req); sub(/"$/, "", req) }
		req == "GET / HTTP/1.1" {
			if ($1 == 200 && $3 == "OK") { ok++; if (!($2 in size)) { size[$2]; sizes++ } ; next }
			if (($1 == 499 || $1 == 200) && ++cut <= 16) next
		}
		req ~ "^GET /admin/(login|articles/" id "(\\?saved=1)?) " && $1 == 200 && $3 == "OK" { admin++; next }
		req ~ "^POST /admin/(login|articles/" id ") " && $1 == 303 && $3 == "OK" { admin++; next }
		{ bad++; if (bad <= 5) print "bench-saves: unexpected: " $0 > "/dev/stderr" }
		END { print ok + 0, admin + 0, sizes + 0; exit bad > 0 }' "$prefix/access.log"
}

# Reads saves.py's key=value output in $1 into S[key].
declare -A S
read_saves() {
	local k v
	S=()
	while IFS="=" read -r k v; do
		S[$k]=$v
	done <"$1"
	[ -n "${S[saves]:-}" ] || die "saves.py printed nothing"
}

# --- 1. saves alone -----------------------------------------------------------

: >"$prefix/access.log"
reloads_begin
t0=$(date +%s.%N)
"$python" "$here/saves.py" "$gz" "$article_id" --name "$editor_name" \
	--count "$saves" --tag seq --log "$tmp/saves-seq.log" \
	--timeout "$timeout" --deadline "$deadline" \
	<"$tmp/password" >"$tmp/saves-seq.out" || {
	cat "$tmp/saves-seq.out" >&2
	die "FAIL: the sequential saves stopped"
}
t1=$(date +%s.%N)
reloads_end
reloads_seq=$n_reloads
read_saves "$tmp/saves-seq.out"
seq_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
echo "$me: sequential: ${S[saves]} saves (${S[statuses]}) in $seq_wall s, POST p50 ${S[post_p50]} ms p99 ${S[post_p99]} ms max ${S[post_max]} ms, editor GET p50 ${S[get_p50]} ms, reloads $reloads_seq" >&2
[ "${S[ok]}" = "$saves" ] ||
	die "FAIL: ${S[failed]} of ${S[saves]} sequential saves did not answer 303 to the editor (statuses ${S[statuses]})"
seq_p50=${S[post_p50]} seq_p99=${S[post_p99]} seq_max=${S[post_max]}
seq_get=${S[get_p50]}
got=$(check_log) ||
	die "FAIL: unexpected answers in nginx's log during the sequential saves"
read -r _ seq_admin _ <<<"$got"

# --- 2. readers alone, then with a save every $every s ---------------------

if [ "$warmup" -gt 0 ]; then
	run_wrk "$gz/" "$warmup"
fi
: >"$prefix/access.log"
reloads_begin
run_wrk "$gz/" "$seconds"
reloads_end
reloads_alone=$n_reloads
rps_a=$rps p50_a=$p50 p99_a=$p99
got=$(check_log) || die "FAIL: $gz/: answers other than 200 (readers alone)"
read -r n_a _ sizes_a <<<"$got"
printf '%s: / alone      %10s req/s  p50 %7s ms  p99 %7s ms  (%s answers of 200, reloads %s)\n' \
	"$me" "$rps_a" "$p50_a" "$p99_a" "$n_a" "$reloads_alone" >&2

rm -f "$tmp/saver.ready"
"$python" "$here/saves.py" "$gz" "$article_id" --name "$editor_name" \
	--every "$every" --for "$seconds" --tag bg --ready "$tmp/saver.ready" \
	--log "$tmp/saves-bg.log" --timeout "$timeout" \
	--deadline $((seconds + warmup + 120)) \
	<"$tmp/password" >"$tmp/saves-bg.out" &
saver_pid=$!
for ((i = 0; i < 600; i++)); do
	[ -s "$tmp/saver.ready" ] && break
	kill -0 "$saver_pid" 2>/dev/null || break
	sleep 0.1
done
[ -s "$tmp/saver.ready" ] || die "FAIL: the background saver did not sign in"
if [ "$warmup" -gt 0 ]; then
	run_wrk "$gz/" "$warmup"
fi
: >"$prefix/access.log"
reloads_begin
kill -USR1 "$saver_pid"
run_wrk "$gz/" "$seconds"
kill -TERM "$saver_pid" 2>/dev/null || true
saver_rc=0
wait "$saver_pid" || saver_rc=$?
saver_pid=
reloads_end
reloads_bg=$n_reloads
rps_b=$rps p50_b=$p50 p99_b=$p99
read_saves "$tmp/saves-bg.out"
[ "$saver_rc" = 0 ] || die "FAIL: the background saver stopped (exit $saver_rc)"
[ "${S[saves]}" -ge 1 ] && [ "${S[ok]}" = "${S[saves]}" ] ||
	die "FAIL: ${S[failed]} of ${S[saves]} background saves did not answer 303 to the editor (statuses ${S[statuses]})"
got=$(check_log) ||
	die "FAIL: unexpected answers in nginx's log (readers with saves)"
read -r n_b bg_admin sizes_b <<<"$got"
# Saves start every $every s while the run lasts; a slow one delays the next.
planned=$(awk -v s="$seconds" -v e="$every" 'BEGIN { n = int(s / e); if (n * e < s) n++; print n }')
[ "${S[saves]}" -ge "$planned" ] ||
	echo "$me: only ${S[saves]} of $planned planned saves were made during the run (slow saves?)" >&2
printf '%s: / with saves %10s req/s  p50 %7s ms  p99 %7s ms  (%s answers of 200, reloads %s)\n' \
	"$me" "$rps_b" "$p50_b" "$p99_b" "$n_b" "$reloads_bg" >&2
echo "$me: background: ${S[saves]} saves (${S[statuses]}), POST p50 ${S[post_p50]} ms p99 ${S[post_p99]} ms max ${S[post_max]} ms, editor GET p50 ${S[get_p50]} ms" >&2

# The last save is what readers get now.
curl -sS -o "$tmp/article.html" "$gz$article" || die "cannot fetch $article"
grep -q "Bench save ${S[tag]}\." "$tmp/article.html" ||
	die "FAIL: $article does not show the last save (Bench save ${S[tag]})"

if grep -iE "died|error" "$tmp/gazette.log" >&2; then
	die "gazette logged errors or lost workers during the runs (see above)"
fi

# --- report -----------------------------------------------------------------

ratio=$(awk -v a="$rps_b" -v b="$rps_a" 'BEGIN { printf "%.3f", a / b }')
wal=$(stat -c %s "$tmp/gazette.db-wal" 2>/dev/null || echo 0)
echo
echo "Gazette saves benchmark: $(nproc) cores, $workers workers, 10,000 articles, article $article_id ($article)"
echo
echo "1. $saves saves one after another (GET editor + POST, one keep-alive connection; POST timed)"
printf '%-26s %9s %9s %9s %14s %8s\n' "" "p50 ms" "p99 ms" "max ms" "editor GET p50" reloads
printf '%-26s %9s %9s %9s %14s %8s\n' "POST /admin/articles/$article_id" \
	"$seq_p50" "$seq_p99" "$seq_max" "$seq_get" "$reloads_seq"
echo "   all $saves answered 303 ($seq_admin admin requests in nginx's log, $seq_wall s in all)"
echo
echo "2. readers on / (wrk -t2 -c16 -d${seconds}s --latency), alone and while saving every ${every} s"
printf '%-14s %10s %9s %9s %7s %8s %14s\n' "" "req/s" "p50 ms" "p99 ms" saves reloads "save p50/p99"
printf '%-14s %10.0f %9s %9s %7s %8s %14s\n' "alone" "$rps_a" "$p50_a" "$p99_a" - \
	"$reloads_alone" -
printf '%-14s %10.0f %9s %9s %7s %8s %14s\n' "with saves" "$rps_b" "$p50_b" "$p99_b" \
	"${S[ok]}/${S[saves]}" "$reloads_bg" "${S[post_p50]}/${S[post_p99]}"
echo "   $planned saves planned (one every $every s); ${S[saves]} made"
echo "   with saves / alone: ${ratio}x; every save answered 303 ($bg_admin admin requests in nginx's log); sizes of / seen: $sizes_a alone, $sizes_b with saves"
echo "   WAL at the end: $wal bytes"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (anything else busy on these cores skews the figures)"
