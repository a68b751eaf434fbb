#!/bin/sh
# lint.sh: project rules the compiler cannot check (STYLE.md 3.11), run by
# CTest from the repository root.  Prints file:line: rule for each breach
# and exits 1 if there is any.
#
#   - sqlite3_ only under src/db/, FCGX_ only under src/http/;
#   - no atoi, sprintf, vsprintf, strcpy, strcat, gets or rand calls in
#     src/ or tests/ (snprintf and vsnprintf are fine);
#   - struct trusted_html built only in src/render/markdown.c,
#     src/render/sanitize.c and src/db/ (tests may build it too);
#   - no CMARK_OPT_UNSAFE in src/;
#   - every C file in src/ opens with a comment.
#
# Lines that are comments (starting with /*, * or //) are not checked, so
# a comment may say "never atoi()".
set -u
cd "$(dirname "$0")/.." || exit 1

status=0
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

# C sources under the given folders, without node_modules.
c_files() {
	find "$@" -name node_modules -prune -o \
		-type f \( -name '*.c' -o -name '*.h' \) -print 2>/dev/null |
		LC_ALL=C sort
}

# rule MESSAGE ERE FILE...: reports non-comment lines matching ERE.
rule() {
	msg=$1
	re=$2
	shift 2
	[ $# -gt 0 ] || return 0
	grep -nHE -- "$re" "$@" 2>/dev/null |
		grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/\*|\*|//)' >"$out"
	if [ -s "$out" ]; then
		sed "s|\$|   <- $msg|" "$out"
		status=1
	fi
}

# Files under src/ but outside the folder given.
src_outside() {
	c_files src | grep -v "^src/$1/"
}

# shellcheck disable=SC2046 # file lists are word-split on purpose
rule "sqlite3_ outside src/db/" 'sqlite3_' $(src_outside db)
# shellcheck disable=SC2046
rule "FCGX_ outside src/http/" 'FCGX_' $(src_outside http)
# shellcheck disable=SC2046
rule "banned call (use strtoll, snprintf, buf_*, randombytes)" \
	'(^|[^A-Za-z0-9_])(atoi|sprintf|vsprintf|strcpy|strcat|gets|rand)[[:space:]]*\(' \
	$(c_files src tests)
# shellcheck disable=SC2046
rule "struct trusted_html built outside markdown.c, sanitize.c, src/db/" \
	'\(struct trusted_html\)[[:space:]]*\{|struct trusted_html[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*=[[:space:]]*\{|(\.|->)html[[:space:]]*=([^=]|$)' \
	$(c_files src | grep -vE '^src/(render/markdown\.c|render/sanitize\.c|db/)')
# shellcheck disable=SC2046
rule "CMARK_OPT_UNSAFE in src/" 'CMARK_OPT_UNSAFE' $(c_files src)

for f in $(c_files src); do
	case $(head -c 2 "$f") in
	"/*") ;;
	*)
		echo "$f:1: C file does not open with a comment saying what it holds"
		status=1
		;;
	esac
done

# The statement cache (DB_STMT_CACHE, src/db/db_internal.h) must hold
# every statement of the program with room to spare: at most half full.
cache=$(sed -n 's/^#define DB_STMT_CACHE \([0-9]*\).*/\1/p' src/db/db_internal.h)
# shellcheck disable=SC2046
statements=$(cat $(c_files src/db) | grep -c 'static const char sql_')
if [ "$statements" -gt $((cache / 2)) ]; then
	echo "src/db: $statements statements, more than half of DB_STMT_CACHE ($cache)"
	status=1
fi

[ "$status" -eq 0 ] && echo "lint: ok"
exit "$status"
