#!/bin/sh
# install-deps.sh run|test: installs the Debian packages (and, for test, the
# npm packages) that Gazette needs and that this machine lacks.  It says
# what it installs; it installs nothing when all is present.
set -eu
cd "$(dirname "$0")/.."

run_pkgs="cmake make pkg-config gcc libc6-dev libfcgi-dev libsqlite3-dev
libcmark-dev libargon2-dev libutf8proc-dev libsodium-dev libxxhash-dev
liboath-dev libqrencode-dev libjansson-dev libmagic-dev libvips-dev
libwebp-dev libxml2-dev nginx tzdata"
test_pkgs="clang libclang-rt-14-dev curl python3 default-jre-headless npm
chromium fonts-noto-core python3-feedparser libxml2-utils"

want=$run_pkgs
[ "${1:-run}" = test ] && want="$run_pkgs $test_pkgs"

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
# A machine with a JRE or npm from elsewhere needs no Debian copy.
case " $missing " in *" default-jre-headless "*)
	command -v java >/dev/null && missing=$(echo "$missing" | sed 's/ default-jre-headless//') ;;
esac
case " $missing " in *" npm "*)
	command -v npm >/dev/null && missing=$(echo "$missing" | sed 's/ npm//') ;;
esac

if [ -n "$missing" ]; then
	echo "install-deps: installing Debian packages:$missing"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $missing
fi

# tests/package-lock.json pins the npm test tools: vnu-jar (HTML checker),
# playwright-core (drives Debian's chromium: never `playwright install`,
# which downloads a browser), axe-core (accessibility rules) and sitemap
# (for its schema/sitemap.xsd, which xmllint checks the sitemaps against).
if [ "${1:-run}" = test ] &&
	{ [ ! -f tests/node_modules/vnu-jar/build/dist/vnu.jar ] ||
	[ ! -f tests/node_modules/playwright-core/package.json ] ||
	[ ! -f tests/node_modules/axe-core/axe.min.js ] ||
	[ ! -f tests/node_modules/sitemap/schema/sitemap.xsd ]; }; then
	echo "install-deps: installing npm packages in tests/" \
		"(vnu-jar, playwright-core, axe-core, sitemap)"
	(cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
exit 0
