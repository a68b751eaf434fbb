"""test_media_browser.py: the media library in a real browser (Debian's
chromium, headless, driven by tests/e2e/media_flow.mjs through
playwright-core): an image uploaded from the article editor with its text
kept, the article published with it and its public <picture> loaded, the
library's grid, list and item page, and another image picked in the
editor; then a reader pages through an album's lightbox by its links and
by the arrow keys (www/js/gallery.js); axe-core on each admin page and on
the album and a photo's page, screenshots in
$GAZETTE_BUILD/screenshots/media-*.png (see the script's header).  The
article's page and the home page, as sent while they showed the new image
in a <picture> with srcset, must pass vnu.

The site is set up as test_admin_browser.py does (an editor made with
`gazette user add`, base_url the address the browser uses,
form_min_seconds 0); GAZETTE_SKIP_BROWSER=1 skips it."""

import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import test_admin_browser as admin_browser  # noqa: E402
from harness import check  # noqa: E402

SCRIPT = os.path.join(harness.SOURCE, "tests", "e2e", "media_flow.mjs")
FLOW_TIMEOUT = 180
EDITOR = ("media.editor", "editor", "Mia Media")


def main():
    node = admin_browser.tools()
    build = os.environ.get("GAZETTE_BUILD") or os.path.dirname(
        harness.find_binary())
    out_dir = os.path.join(build, "screenshots")
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "media-*.*")):
        os.unlink(old)

    with harness.Site() as site:
        admin_browser.add_user(site, *EDITOR)
        admin_browser.set_settings(site.db, {"base_url": site.base + "/",
                                             "form_min_seconds": "0"})
        p = subprocess.run([node, SCRIPT, site.base, out_dir, EDITOR[0],
                            admin_browser.PASSWORD],
                           stdin=subprocess.DEVNULL, capture_output=True,
                           cwd=harness.SOURCE, timeout=FLOW_TIMEOUT)
        sys.stdout.write((p.stdout + p.stderr).decode("utf-8", "replace"))
        check(p.returncode == 0, "media browser flow failed (exit %d): see "
              "the report above and the screenshots in %s" % (
                  p.returncode, out_dir))
        # The public pages with the new image's <picture> and srcset.
        pages = [os.path.join(out_dir, "media-%s.html" % name)
                 for name in ("article", "home")]
        for page in pages:
            with open(page, encoding="utf-8") as f:
                check("<picture><source type=\"image/webp\" srcset=" in
                      f.read(), "%s has no <picture>" % page)
        errors = harness.vnu(pages)
        check(not errors, "vnu:\n" + "\n".join(errors))
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
