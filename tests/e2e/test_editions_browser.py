"""test_editions_browser.py: the four editions in a real browser (Debian's
chromium, headless, through playwright-core), issue 7's browser test.

A fresh starter site gets the Arabic, Farsi and Albanian editions enabled
(through the database, as an admin's switch would), each with a main
menu and one article in its language, the site's time zone Asia/Tehran,
and, where an edition has no interface string of its own yet, the
English one (real translations win: nothing is overwritten).  Then the
home page and that article of each of the four editions:
  - through browser.mjs at 1440 and 360 px: no horizontal scroll, no
    serious or critical axe-core violation, no console error or failed
    request, the menu reachable at 360 px; screenshots in
    $GAZETTE_BUILD/screenshots/editions/checks/;
  - through editions_flow.mjs at 1440 and 360 px: <html lang dir> right,
    the layout mirrored in rtl (sidebar left of main at 1440 px, right
    in ltr; the site name and titles at the start edge; the sidebar below
    main at 360 px), the titles drawn with fonts that have their script;
    screenshots in $GAZETTE_BUILD/screenshots/editions/;
  - the HTML validator (vnu) on each page as served;
  - the Farsi article's date in the Solar Hijri calendar with Persian
    digits (2025-03-20 21:00 UTC is 1 Farvardin 1404 in Tehran).
Finally gazette's log must be clean.

`make test` installs chromium, fonts-noto-core, node and the npm packages
(scripts/install-deps.sh test), so a missing one is a failure; set
GAZETTE_SKIP_BROWSER=1 to skip this test instead."""

import glob
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

CHECKS = os.path.join(harness.SOURCE, "tests", "e2e", "browser.mjs")
FLOW = os.path.join(harness.SOURCE, "tests", "e2e", "editions_flow.mjs")
TIMEOUT = 300
NOWRUZ_1404 = 1742504400  # 2025-03-20 21:00 UTC, 00:30 on the 21st in Tehran

# code, direction, (menu labels), slug, title, excerpt, body paragraphs
EDITIONS = [
    ("ar", "rtl", ("الرئيسية", "تقارير"), "families-demand-answers",
     "عائلات المفقودين تطالب بإجابات بعد عشر سنوات من الانتظار",
     "تقرير جديد يوثق شهادات أكثر من مئتي عائلة.",
     ["قالت الجمعية في تقريرها السنوي إن العائلات ما زالت تنتظر معرفة "
      "مصير أبنائها، وإن الرسائل التي أرسلتها إلى السلطات بقيت بلا رد.",
      "وطالبت اللجنة بفتح تحقيق مستقل ونشر قوائم المحتجزين كاملة، "
      "وبالسماح للمحامين بزيارة مراكز الاحتجاز دون قيود."]),
    ("fa", "rtl", ("خانه", "گزارش‌ها"), "annual-report-1403",
     "گزارش سالانه: وضعیت خانواده‌ها در سال ۱۴۰۳",
     "خانواده‌ها همچنان در انتظار پاسخ هستند.",
     ["این گزارش بر پایهٔ گفت‌وگو با ۲۳۰ خانواده تهیه شده است و نشان "
      "می‌دهد که بیشتر آنان هنوز از سرنوشت عزیزانشان خبری ندارند.",
      "نویسندگان گزارش از مسئولان خواسته‌اند فهرست کامل بازداشت‌شدگان را "
      "منتشر کنند و به وکلا اجازهٔ ملاقات بدهند."]),
    ("sq", "ltr", ("Kryefaqja", "Raporte"), "familjet-kerkojne-pergjigje",
     "Familjet e të zhdukurve kërkojnë përgjigje pas dhjetë vitesh",
     "Një raport i ri mbledh dëshmitë e më shumë se dyqind familjeve.",
     ["Shoqata tha në raportin e saj vjetor se familjet ende presin të "
      "mësojnë fatin e më të dashurve të tyre, dhe se letrat e dërguara "
      "autoriteteve mbetën pa përgjigje.",
      "Komiteti kërkoi një hetim të pavarur dhe publikimin e listave të "
      "plota të të ndaluarve."]),
]

PERSIAN_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                  "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]


def setup(db):
    """Enables the editions and gives each a menu and an article."""
    con = sqlite3.connect(db, timeout=10, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE editions SET enabled = 1 WHERE code IN "
                    "('ar', 'fa', 'sq')")
        con.execute("UPDATE settings SET value = 'Asia/Tehran' WHERE key = "
                    "'timezone'")
        fa = con.execute("SELECT id FROM editions WHERE code = 'fa'")
        fa = fa.fetchone()[0]
        for i, name in enumerate(PERSIAN_MONTHS):
            con.execute("INSERT OR IGNORE INTO edition_strings (edition_id, "
                        "key, value) VALUES (?, ?, ?)",
                        (fa, "solar_month_%d" % (i + 1), name))
        # Until translations land: the English string where an edition
        # has none.
        con.execute("INSERT OR IGNORE INTO edition_strings (edition_id, "
                    "key, value) SELECT e.id, s.key, s.value FROM editions "
                    "e, edition_strings s WHERE s.edition_id = 1 AND "
                    "e.id != 1")
        author = con.execute("SELECT id FROM users ORDER BY id LIMIT 1")
        author = author.fetchone()[0]
        now = int(time.time())
        for code, _, labels, slug, title, excerpt, body in EDITIONS:
            eid = con.execute("SELECT id FROM editions WHERE code = ?",
                              (code,)).fetchone()[0]
            when = NOWRUZ_1404 if code == "fa" else now - 86400
            html = "".join("<p>%s</p>\n" % p for p in body)
            con.execute("INSERT INTO articles (edition_id, slug, title, "
                        "excerpt, body_md, body_html, state, author_id, "
                        "published_at, created_at, updated_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)",
                        (eid, slug, title, excerpt, "\n\n".join(body), html,
                         author, when, when, when))
            con.execute("INSERT OR IGNORE INTO menus (edition_id, name) "
                        "VALUES (?, 'main')", (eid,))
            menu = con.execute("SELECT id FROM menus WHERE edition_id = ? "
                               "AND name = 'main'", (eid,)).fetchone()[0]
            if con.execute("SELECT count(*) FROM menu_items WHERE "
                           "menu_id = ?", (menu,)).fetchone()[0] == 0:
                con.executemany(
                    "INSERT INTO menu_items (menu_id, label, url, "
                    "position) VALUES (?, ?, ?, ?)",
                    [(menu, labels[0], "/%s/" % code, 0),
                     (menu, labels[1], "/%s/articles/%s" % (code, slug), 1)])
        con.execute("COMMIT")
    finally:
        con.close()


def run(node, script, args, what):
    start = time.monotonic()
    try:
        p = subprocess.run([node, script] + args, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT, cwd=harness.SOURCE)
    except subprocess.TimeoutExpired as e:
        sys.stdout.write((e.output or b"").decode("utf-8", "replace"))
        raise harness.Failure("%s still running after %ds" % (what, TIMEOUT))
    sys.stdout.write(p.stdout.decode("utf-8", "replace"))
    sys.stdout.flush()
    harness.log("editions: %s exited %d after %.1fs" %
                (what, p.returncode, time.monotonic() - start))
    return p.returncode


def main():
    node = harness.browser_node()
    build = os.environ.get("GAZETTE_BUILD") or os.path.dirname(
        harness.find_binary())
    out_dir = os.path.join(build, "screenshots", "editions")
    checks_dir = os.path.join(out_dir, "checks")
    os.makedirs(checks_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "*.png")) + glob.glob(
            os.path.join(checks_dir, "*.png")):
        os.unlink(old)

    with harness.Site() as site:
        setup(site.db)
        home = site.get("/").text()
        first = home.split('href="/articles/', 1)
        check(len(first) == 2, "the home page links no article")
        en_article = "/articles/" + first[1].split('"', 1)[0]
        targets = [("en", "ltr", "/"), ("en", "ltr", en_article)]
        for code, direction, _, slug, *_ in EDITIONS:
            targets += [(code, direction, "/%s/" % code),
                        (code, direction, "/%s/articles/%s" % (code, slug))]

        # Served as expected, valid HTML, the Farsi date in Solar Hijri.
        pages = []
        with tempfile.TemporaryDirectory() as tmp:
            for i, (code, direction, path) in enumerate(targets):
                r = site.get(path)
                check(r.status == 200, "%s answered %d" % (path, r.status))
                text = r.text()
                want = '<html lang="%s" dir="%s">' % (code, direction)
                check(want in text, "%s: no %s" % (path, want))
                name = os.path.join(tmp, "page-%d.html" % i)
                with open(name, "w", encoding="utf-8") as f:
                    f.write(text)
                pages.append(name)
            errors = harness.vnu(pages)
            check(not errors, "vnu:\n" + "\n".join(errors))
        fa = site.get("/fa/articles/annual-report-1403").text()
        check(">۱ فروردین ۱۴۰۴</time>" in fa,
              "the Farsi article's date is not 1 Farvardin 1404")

        paths = [p for _, _, p in targets]
        rc_checks = run(node, CHECKS, [site.base, checks_dir] + paths,
                        "browser.mjs")
        rc_flow = run(node, FLOW, [site.base, out_dir] +
                      ["%s:%s:%s" % t for t in targets], "editions_flow.mjs")
        check(rc_checks == 0, "browser.mjs failed (exit %d): see above and "
              "%s" % (rc_checks, checks_dir))
        check(rc_flow == 0, "editions_flow.mjs failed (exit %d): see above "
              "and %s" % (rc_flow, out_dir))
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
