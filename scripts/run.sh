#!/bin/bash
# run.sh GAZETTE_BINARY: what `make run` does after building.  Keeps the
# site's state under var/ (var/gazette.db, var/uploads/), creating the
# database with starter content on the first run and migrating it on later
# ones, then runs `gazette serve` and nginx in the foreground on
# http://127.0.0.1:8080/ (GAZETTE_LISTEN overrides the address).
#
# Ctrl-C (INT), TERM or HUP stop both cleanly: TERM to gazette (it drains),
# QUIT to nginx (graceful), then waits for both; exits 0 when both stopped
# cleanly.  When either exits on its own, the other is stopped the same way
# and the script exits 1.
#
# Both run in process groups of their own (set -m), so a Ctrl-C at the
# terminal reaches only this script, which then stops them in order.
set -u

die() {
	echo "run: $*" >&2
	exit 1
}

[ $# -eq 1 ] || die "usage: $0 GAZETTE_BINARY"
cd "$(dirname "$0")/.." || exit 1
bin=$1
case $bin in /*) ;; *) bin="$PWD/$bin" ;; esac
[ -x "$bin" ] || die "no gazette binary at $bin (make build-release)"
command -v nginx >/dev/null || die "nginx is not installed (scripts/install-deps.sh run)"

listen=${GAZETTE_LISTEN:-127.0.0.1:8080}
db=var/gazette.db
sock=var/gazette.sock
ngx=$PWD/var/nginx

mkdir -p var/uploads "$ngx" || exit 1
if [ -e "$db" ]; then
	"$bin" init --db "$db" || die "gazette init (migration) failed"
else
	# The starter content's images first: rows never name missing files.
	mkdir -p var/uploads/demo && cp -p demo/images/* var/uploads/demo/ ||
		die "cannot copy the starter images"
	"$bin" init --db "$db" --starter || die "gazette init failed"
fi

scripts/gen-nginx-conf.sh "$ngx/nginx.conf" "$ngx" "$listen" \
	"$PWD/www" "$PWD/var/uploads" "$PWD/$sock" || exit 1
nginx -t -q -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" ||
	die "nginx rejected $ngx/nginx.conf"

serve_args=(serve --db "$db" --socket "$sock" --uploads var/uploads)

set -m
"$bin" "${serve_args[@]}" &
gazette_pid=$!
gazette_pgid=$gazette_pid
nginx -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" -g 'daemon off;' &
nginx_pid=$!
nginx_pgid=$nginx_pid
set +m

stopping=0
stop() {
	if [ "$stopping" -eq 0 ]; then
		stopping=1
		echo "run: stopping gazette and nginx" >&2
	fi
	[ -n "$gazette_pid" ] && kill -TERM "$gazette_pid" 2>/dev/null
	[ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null
	return 0
}
trap stop INT TERM HUP

echo "run: Gazette on http://$listen/ (logs: gazette on this terminal," \
	"nginx in var/nginx/; Ctrl-C stops)"

status=0
while [ -n "$gazette_pid" ] || [ -n "$nginx_pid" ]; do
	done_pid=""
	rc=0
	# shellcheck disable=SC2086 # the unset pid is the empty word
	wait -n -p done_pid $gazette_pid $nginx_pid || rc=$?
	if [ -z "${done_pid:-}" ]; then
		continue # interrupted by a signal: the trap has run
	fi
	if [ "$done_pid" = "$gazette_pid" ]; then
		name=gazette
		gazette_pid=""
	else
		name=nginx
		nginx_pid=""
	fi
	if [ "$stopping" -eq 0 ]; then
		echo "run: $name exited on its own (status $rc)" >&2
		status=1
		stop
	elif [ "$rc" -ne 0 ]; then
		echo "run: $name exited with status $rc while stopping" >&2
		status=1
	fi
done

# Whatever is left in either process group (workers orphaned when a parent
# was killed) gets the same signal, then KILL after 10 seconds.
for group in "-$gazette_pgid:TERM" "-$nginx_pgid:QUIT"; do
	kill "-${group#*:}" -- "${group%:*}" 2>/dev/null || continue
	echo "run: signalled leftover processes in group ${group%:*}" >&2
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		sleep 1
		kill -0 -- "${group%:*}" 2>/dev/null || continue 2
	done
	kill -KILL -- "${group%:*}" 2>/dev/null
	status=1
done
exit "$status"
