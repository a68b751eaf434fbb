#!/bin/sh
# run.sh TARGET SEED_DIR SECONDS: runs one libFuzzer target for a bounded
# time, seeded from the golden corpus (read-only: new inputs go to a scratch
# folder that is removed afterwards).  A crash leaves its input in the build
# folder and fails the test.
set -eu
target=$1 seeds=$2 seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -- "$work"
[ -d "$seeds" ] && set -- "$@" "$seeds"
exec "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="./$(basename "$target")-" "$@"
