#!/bin/bash
# bench-uploads.sh [GAZETTE_BINARY]: what uploads cost, through nginx.  Not
# part of `make test`.
#
# The set-up of bench.sh (lib.sh), with a fresh database (`gazette init`,
# no articles), upload_max_mb raised to 64 (nginx's ceiling for
# /admin/media/) and form_min_seconds 0, `gazette serve --workers N
# --uploads` (BENCH_WORKERS, default 1, so that one worker takes every
# upload) behind nginx on 127.0.0.1, from the release build
# (build/release/gazette unless given).  An editor account signs in with
# curl (the real login form), then:
#
#   1. one video of BENCH_VIDEO_MB MiB (default 50): an MP4 ftyp box and
#      an mdat box of zeros, which libmagic calls video/mp4; uploaded with
#      curl -F (multipart) through nginx.  Reported: the time of the
#      request, and each worker's peak resident memory (VmHWM of
#      /proc/PID/status) before and after.  The body is streamed to disk,
#      so the worker must not grow by anything near the file's size: the
#      script fails when a worker's VmHWM grew by a quarter of it or more.
#   2. BENCH_PHOTOS (default 10) JPEG photographs of 3000x2000 (made by
#      mkjpeg.c, compiled here against libvips: smooth noise with grain,
#      about 1.5 MB each), uploaded one after another; each is decoded,
#      re-encoded without metadata and resized to every srcset width, in
#      JPEG and WebP (9 files).  Reported: mean and max time per photo
#      (the whole request), and the worker's VmHWM after.
#
# It fails (exit 1) when an upload answers other than 303, when the
# stored files are not where the rows say, when a worker died or logged
# an error, or when the video grew a worker as above.  BENCH_KEEP=1 keeps
# the temporary folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
src=$(cd "$here/../.." && pwd -P)
me=bench-uploads
# shellcheck source=lib.sh
. "$here/lib.sh"
workers=${BENCH_WORKERS:-1} # one worker takes every upload

video_mb=${BENCH_VIDEO_MB:-50}
photos=${BENCH_PHOTOS:-10}
editor_name=benchuploader
case $video_mb$photos in
*[!0-9]*) die "BENCH_VIDEO_MB and BENCH_PHOTOS are whole numbers" ;;
esac
[ "$video_mb" -ge 1 ] && [ "$video_mb" -le 63 ] ||
	die "BENCH_VIDEO_MB must be 1 to 63 (the limit is 64 MiB)"
[ "$photos" -ge 1 ] || die "BENCH_PHOTOS must be at least 1"
command -v pkg-config >/dev/null && pkg-config --exists vips ||
	die "pkg-config and libvips-dev are needed to build mkjpeg.c"

bench_setup "$@"
echo "$me: $bin, $workers workers, $(nproc) cores, a ${video_mb} MiB video, $photos photos" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the files ----------------------------------------------------------

# shellcheck disable=SC2046 # pkg-config's flags are words
cc -O2 -o "$tmp/mkjpeg" "$here/mkjpeg.c" $(pkg-config --cflags --libs vips) ||
	die "cannot compile mkjpeg.c"
"$tmp/mkjpeg" "$tmp/photo" "$photos" 3000 2000 || die "mkjpeg failed"
"$python" - "$tmp/video.mp4" "$video_mb" <<'PY' || die "cannot write the video"
import struct, sys
path, mb = sys.argv[1], int(sys.argv[2])
# As tests/unit/corpus/sniff/make.py's minimal.mp4: an ftyp box (isom),
# then one mdat box holding the rest, zeros.
data = mb * 1024 * 1024 - 28 - 8
with open(path, "wb") as f:
    f.write(struct.pack(">I", 28) + b"ftypisom" + struct.pack(">I", 512) +
            b"isomiso2mp41" + struct.pack(">I", 8 + data) + b"mdat")
    chunk = b"\0" * (1 << 20)
    while data > 0:
        f.write(chunk[:min(data, len(chunk))])
        data -= min(data, len(chunk))
PY
photo_bytes=$(cat "$tmp"/photo*.jpg | wc -c)

# --- database, nginx, gazette -----------------------------------------------

"$bin" init --db "$tmp/gazette.db" >"$tmp/init.log" 2>&1 ||
	{ cat "$tmp/init.log" >&2; die "gazette init failed"; }
"$python" -c 'import secrets; print(secrets.token_urlsafe(18))' >"$tmp/password"
chmod 600 "$tmp/password"
"$bin" user add --db "$tmp/gazette.db" --name "$editor_name" --role editor \
	<"$tmp/password" >"$tmp/user.log" 2>&1 ||
	{ cat "$tmp/user.log" >&2; die "gazette user add failed"; }
start_nginx
"$python" - "$tmp/gazette.db" "$gz" <<'PY' || die "cannot set up the settings"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
with db:
    for k, v in (("form_min_seconds", "0"), ("base_url", sys.argv[2]),
                 ("upload_max_mb", "64")):
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (k, v))
PY
mkdir -p "$tmp/uploads"
start_gazette --uploads "$tmp/uploads"

# --- signing in -----------------------------------------------------------

jar=$tmp/cookies
token=$(curl -sS -c "$jar" "$gz/admin/login" |
	sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')
[ -n "$token" ] || die "no form_token on /admin/login"
code=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
	-H "Origin: $gz" --data-urlencode "form_token=$token" \
	--data-urlencode "name=$editor_name" \
	--data-urlencode "password=$(cat "$tmp/password")" "$gz/admin/login")
[ "$code" = 303 ] || die "signing in answered $code"
csrf=$(curl -sS -b "$jar" "$gz/admin/media/upload" |
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$csrf" ] || die "no csrf token on /admin/media/upload"

# --- measures -----------------------------------------------------------

# The gazette workers' pids.
worker_pids() {
	local p
	for p in $(pgrep -P "$gazette_pid"); do
		[ "$(cat "/proc/$p/comm" 2>/dev/null)" = gazette-worker ] && echo "$p"
	done
	return 0
}

# Prints "PID:KB ..." of every worker's VmHWM.
hwm() {
	local p
	for p in $(worker_pids); do
		printf '%s:%s ' "$p" "$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$p/status")"
	done
}

# Uploads file $1 (alt text $2); sets secs (the request's time).  Fails
# unless it answered 303 to the new item.
upload() {
	local out code
	out=$(curl -sS -o "$tmp/answer.html" -w '%{http_code} %{time_total}' \
		-b "$jar" -H "Origin: $gz" -F "csrf=$csrf" -F "alt=$2" \
		-F "file=@$1" "$gz/admin/media/upload") ||
		die "curl failed on $(basename "$1")"
	read -r code secs <<<"$out"
	[ "$code" = 303 ] || {
		sed -n 's/.*class="[^"]*error[^"]*"[^>]*>\([^<]*\).*/\1/p' "$tmp/answer.html" >&2
		die "FAIL: $(basename "$1") answered $code"
	}
}

# Checks that every path the media rows name is a file under uploads/.
check_stored() {
	local missing
	missing=$("$python" - "$tmp/gazette.db" "$tmp/uploads" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
paths = [r[0] for r in db.execute(
    "SELECT path FROM media UNION SELECT path FROM media_sizes")]
print(" ".join(p for p in paths
               if not os.path.isfile(os.path.join(sys.argv[2], p))))
PY
)
	[ -z "$missing" ] || die "FAIL: rows name missing files: $missing"
}

# 1. The video.
hwm_before=$(hwm)
upload "$tmp/video.mp4" ""
video_secs=$secs
hwm_video=$(hwm)
check_stored
video_rate=$(awk -v mb="$video_mb" -v s="$video_secs" 'BEGIN { printf "%.0f", mb / s }')
grew=$(awk -v a="$hwm_before" -v b="$hwm_video" 'BEGIN {
	n = split(a, x, " "); split(b, y, " "); max = 0
	for (i = 1; i <= n; i++) {
		split(x[i], p, ":"); split(y[i], q, ":")
		if (p[1] == q[1] && q[2] - p[2] > max) max = q[2] - p[2]
	}
	print max }')
echo "$me: video: ${video_secs} s; VmHWM (pid:kB) before $hwm_before, after $hwm_video" >&2
[ "$grew" -lt $((video_mb * 1024 / 4)) ] ||
	die "FAIL: a worker's peak memory grew by $grew kB for a $video_mb MiB upload"

# 2. The photos.
times=()
for ((i = 1; i <= photos; i++)); do
	upload "$tmp/photo$i.jpg" "Bench photo $i"
	times+=("$secs")
done
hwm_photos=$(hwm)
check_stored
read -r photo_mean photo_max <<<"$(printf '%s\n' "${times[@]}" |
	awk '{ s += $1; if ($1 > m) m = $1 } END { printf "%.3f %.3f", s / NR, m }')"
files=$(sqlite3 "$tmp/gazette.db" "SELECT count(*) FROM media_sizes" 2>/dev/null || echo "?")

if grep -iE "died|error" "$tmp/gazette.log" >&2; then
	die "gazette logged errors or lost workers (see above)"
fi

# --- report -----------------------------------------------------------------

kb_of() { awk -v s="$1" 'BEGIN { n = split(s, x, " "); for (i = 1; i <= n; i++) { split(x[i], p, ":"); printf "%s%s", (i > 1 ? " " : ""), p[2] } }'; }
echo
echo "Gazette uploads benchmark: $(nproc) cores, $workers worker(s), through nginx with curl -F"
echo
echo "1. one ${video_mb} MiB video (video/mp4), streamed to disk"
printf '%-28s %s\n' "request time" "${video_secs} s (${video_rate} MiB/s)"
printf '%-28s %s\n' "worker VmHWM before (kB)" "$(kb_of "$hwm_before")"
printf '%-28s %s\n' "worker VmHWM after (kB)" "$(kb_of "$hwm_video")"
printf '%-28s %s\n' "largest growth" "$grew kB ($(awk -v g="$grew" -v mb="$video_mb" 'BEGIN { printf "%.3f", g / (mb * 1024) }')x the file)"
echo
echo "2. $photos JPEG photos of 3000x2000 ($((photo_bytes / photos / 1024)) kB each on average), re-encoded with 4 widths + WebP"
printf '%-28s %s\n' "per photo, mean" "${photo_mean} s"
printf '%-28s %s\n' "per photo, max" "${photo_max} s"
printf '%-28s %s\n' "worker VmHWM after (kB)" "$(kb_of "$hwm_photos")"
printf '%-28s %s\n' "size files in all" "$files"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (anything else busy on these cores skews the figures)"
