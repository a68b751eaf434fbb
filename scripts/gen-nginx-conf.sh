#!/bin/sh
# gen-nginx-conf.sh OUT_FILE PREFIX LISTEN ROOT UPLOADS SOCKET: writes
# OUT_FILE from conf/nginx.conf.in.  PREFIX is a folder nginx may write (pid,
# logs, temporary files); it is created with its temp folders.  LISTEN is an
# nginx listen address (127.0.0.1:8080).  ROOT is the www/ folder, UPLOADS
# the uploads folder, SOCKET gazette's FastCGI socket.  Relative paths are
# made absolute.  The `user` line names the current user and group when run
# as root and is left out otherwise (nginx only switches users as root).
# GAZETTE_NGINX_SSI=1 turns on SSI for pages (see the "ssi" setting).
#
# Values are pasted into nginx syntax unquoted, so only plain path
# characters are accepted: no space, quote, ';', '{', '$', '@', '&', '\',
# '|' (the sed delimiter) or newline.
set -eu

usage() {
	echo "usage: $0 OUT_FILE PREFIX LISTEN ROOT UPLOADS SOCKET" >&2
	exit 2
}
[ $# -eq 6 ] || usage

here=$(cd "$(dirname "$0")" && pwd -P)
template="$here/../conf/nginx.conf.in"
out=$1
listen=$3

die() {
	echo "gen-nginx-conf: $*" >&2
	exit 1
}

# Prints $1 as an absolute path after checking its characters.
abspath() {
	case $1 in
	"") die "empty path" ;;
	*[!A-Za-z0-9._/:,+=~-]*) die "refusing path with unsafe characters: $1" ;;
	esac
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$(pwd -P)" "$1" ;;
	esac
}

prefix=$(abspath "$2")
root=$(abspath "$4")
uploads=$(abspath "$5")
socket=$(abspath "$6")
# abspath may have added the working directory: check it too.
for v in "$prefix" "$root" "$uploads" "$socket"; do
	case $v in *[!A-Za-z0-9._/:,+=~-]*) die "refusing unsafe path: $v" ;; esac
done
case $listen in
"" | *[!]A-Za-z0-9.:[-]*) die "refusing listen address: $listen" ;;
esac
# A unix socket path must fit in sun_path (108 bytes with the NUL).
[ ${#socket} -lt 108 ] || die "socket path too long (${#socket} bytes): $socket"
[ -f "$template" ] || die "template not found: $template"

mkdir -p "$prefix"
for d in client_body fastcgi proxy uwsgi scgi; do
	mkdir -p "$prefix/tmp/$d"
done

if [ "$(id -u)" -eq 0 ]; then
	user=$(id -un)
	group=$(id -gn)
	case $user$group in
	"" | *[!A-Za-z0-9._-]*) die "unusual user or group name: $user $group" ;;
	esac
	userline="s|@USER@|$user|g; s|@GROUP@|$group|g"
else
	userline='/^[[:space:]]*user @USER@ @GROUP@;/d'
fi

# SSI for pages that include fragments (the "ssi" setting); off unless
# asked for, since nginx then sends pages chunked with weak ETags.
ssi=""
[ "${GAZETTE_NGINX_SSI:-0}" = 1 ] && ssi="ssi on; ssi_last_modified on;"

tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
sed -e "$userline" \
	-e "s|@PREFIX@|$prefix|g" \
	-e "s|@LISTEN@|$listen|g" \
	-e "s|@ROOT@|$root|g" \
	-e "s|@UPLOADS@|$uploads|g" \
	-e "s|@SOCKET@|$socket|g" \
	-e "s|@SSI@|$ssi|g" \
	"$template" >"$tmp"
if grep -n '@[A-Z]*@' "$tmp" >&2; then
	die "placeholders left unfilled in $out"
fi
mv "$tmp" "$out"
trap - EXIT
