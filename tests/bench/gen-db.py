#!/usr/bin/python3
"""gen-db.py DB: fills a database made by `gazette init --db DB` (schema
only, no --starter) with benchmark content, in one transaction:

  - 3 authors (users rows that cannot log in: password_hash '!', disabled)
  - 8 categories in edition 1, one of them nested under another
  - 30 tags, 1-3 per article
  - 40 media rows (images; no files behind them), the featured image of
    every other article
  - 10,000 published articles over ten years, with titles of 40-90
    characters, excerpts of about 200, and bodies of 3-8 KB in both
    body_md and body_html (the HTML is generated alongside the Markdown,
    not rendered by cmark: it is benchmark data)
  - when the schema has comments: 8 approved comments (--comments N) on
    the article after the benchmark's, threaded up to six levels deep,
    some with an address

The output depends only on the seed (--seed, default 8), never on the
clock.  On success it prints, one per line, the paths the benchmark asks
for:

  home=/
  article=/articles/SLUG        (an article in the middle of the archive)
  commented=/articles/SLUG      (the next one, with the comments; only
                                when the schema has comments)
  category=/category/SLUG/page/5 (the parent of the nested category)

Python 3 standard library only (Debian's /usr/bin/python3).  The search
index's triggers need gazette's tokenizer: it is loaded from
libgazette_fts.so beside $GAZETTE_BINARY (else build/release/).
"""

import argparse
import ctypes
import ctypes.util
import html
import os
import random
import re
import sqlite3
import sys

EDITION = 1
ARTICLES = 10000
COMMENTS = 8  # on the benchmark's commented article (--comments)
# 2015-07-01 .. 2025-07-01 UTC: ten years, all in the past.
START = 1435708800
END = 1751328000

AUTHORS = [
    ("leila.haddad", "Leila Haddad"),
    ("tomas.berg", "Tomas Berg"),
    ("newsroom", "Newsroom"),
]

# (slug, name, description, parent slug, weight)
CATEGORIES = [
    ("news", "News", "Reporting from the field and the desk.", None, 30),
    ("field-reports", "Field Reports",
     "Accounts gathered by our correspondents.", "news", 12),
    ("analysis", "Analysis", "Background and context on the week's events.",
     None, 14),
    ("interviews", "Interviews", "Conversations with families and witnesses.",
     None, 10),
    ("open-letters", "Open Letters",
     "Letters to officials, published with their authors' consent.", None, 6),
    ("campaigns", "Campaigns", "What we ask for, and how to help.", None, 10),
    ("culture", "Culture", "Books, films and music from exile.", None, 8),
    ("publications", "Publications", "Newsletters, briefs and books.", None,
     10),
]

TAGS = [
    "Families", "Human rights", "Interviews", "Newsletter", "Refugees",
    "Detention", "Elections", "Courts", "Women", "Children", "Health",
    "Education", "Border", "Asylum", "Press freedom", "Protests", "Camps",
    "Diaspora", "United Nations", "Testimony", "Petitions", "Sanctions",
    "Labour", "Housing", "Memory", "Archives", "Music", "Books", "Film",
    "Opinion",
]

SUBJECTS = [
    "Families", "Former members", "Lawyers", "Mothers", "Volunteers",
    "Students", "Witnesses", "Doctors", "Teachers", "Journalists",
    "Camp residents", "Parliamentarians", "Rights groups", "Survivors",
    "Relatives", "Local officials", "Human rights defenders", "Aid workers",
]
VERBS = [
    "call for", "wait for", "speak out about", "demand answers on",
    "gather evidence of", "write to the UN about", "march for",
    "recount", "document", "testify about", "campaign against",
    "remember", "ask questions about", "challenge the silence over",
]
OBJECTS = [
    "the missing", "a decade of silence", "the closed border",
    "the transfer of detainees", "their children's release",
    "conditions in the camp", "the court ruling", "forced disappearances",
    "the right to visit", "the stalled inquiry", "letters never delivered",
    "the new asylum rules", "the fate of their relatives",
    "an independent investigation", "access to lawyers",
]
PLACES = [
    "in Tirana", "in Geneva", "in Paris", "at the crossing",
    "in Brussels", "outside the embassy", "in Berlin", "in Durres",
    "in Cologne", "before parliament", "in London", "in Stockholm",
    "after twenty years", "this winter", "ahead of the hearing", "",
]
WORDS = (
    "the a of to and in for on with by at from that this their our who "
    "families mother father son daughter brother sister letter phone call "
    "visit camp border court hearing lawyer report witness evidence month "
    "year decade silence question answer news message hope fear wait long "
    "years officials committee rights freedom release record account city "
    "village road house door window gate morning evening winter summer "
    "said told asked wrote waited heard saw returned left arrived spoke "
    "remember believe know want need ask write speak listen "
    "again still never always often only together alone quietly slowly "
    "first last new old small large young older independent public "
    "international local"
).split()


def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:80].rstrip("-")


def make_title(rng):
    while True:
        t = "%s %s %s %s" % (rng.choice(SUBJECTS), rng.choice(VERBS),
                             rng.choice(OBJECTS), rng.choice(PLACES))
        t = t.strip()
        if rng.random() < 0.3:
            t = '%s: "%s"' % (t, sentence(rng, 3, 6).rstrip("."))
        if 40 <= len(t) <= 90:
            return t


def sentence(rng, lo=8, hi=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def make_excerpt(rng):
    s = ""
    while len(s) < 180:
        s = (s + " " + sentence(rng)).strip()
    if len(s) > 220:
        s = s[:217].rsplit(" ", 1)[0] + "..."
    return s


def make_body(rng):
    """Returns (markdown, html) for one article of 3-8 KB of HTML."""
    target = rng.randint(3000, 7500)
    md, out = [], []
    size = 0
    placed_list = False
    while size < target:
        r = rng.random()
        if out and r < 0.15:
            h = sentence(rng, 2, 6).rstrip(".")
            md.append("## " + h)
            out.append("<h2>%s</h2>" % html.escape(h, quote=False))
        elif out and (r < 0.25 and not placed_list or
                      not placed_list and size > target / 2):
            items = [sentence(rng, 3, 9) for _ in range(rng.randint(3, 5))]
            md.append("\n".join("- " + i for i in items))
            out.append("<ul>\n%s\n</ul>" % "\n".join(
                "<li>%s</li>" % html.escape(i, quote=False) for i in items))
            placed_list = True
        else:
            p = paragraph(rng)
            md.append(p)
            out.append("<p>%s</p>" % html.escape(p, quote=False))
        size += len(out[-1]) + 1
    return "\n\n".join(md) + "\n", "\n".join(out) + "\n"


def check_columns(db, table, columns):
    """Fails clearly when the schema has a required column this script
    does not fill, or lacks one it does."""
    info = db.execute("SELECT name, \"notnull\", dflt_value, pk "
                      "FROM pragma_table_info(?)", (table,)).fetchall()
    names = {row[0] for row in info}
    missing = [c for c in columns if c not in names]
    if missing:
        sys.exit("gen-db: table %s has no column %s" % (table,
                                                        ", ".join(missing)))
    for name, notnull, default, pk in info:
        if notnull and default is None and not pk and name not in columns:
            sys.exit("gen-db: table %s gained required column %s; "
                     "teach tests/bench/gen-db.py to fill it" % (table, name))


def insert(db, table, columns, rows):
    check_columns(db, table, columns)
    db.executemany("INSERT INTO %s (%s) VALUES (%s)" % (
        table, ", ".join(columns), ", ".join("?" * len(columns))), rows)


def generate(db, rng, comments):
    if db.execute("SELECT count(*) FROM articles").fetchone()[0]:
        sys.exit("gen-db: the database already has articles "
                 "(make it with `gazette init` without --starter)")
    if not db.execute("SELECT 1 FROM editions WHERE id = ?",
                      (EDITION,)).fetchone():
        sys.exit("gen-db: no edition %d: not a gazette database?" % EDITION)

    insert(db, "users", ["id", "name", "display_name", "role",
                         "password_hash", "disabled", "created_at"],
           [(i + 1, name, display, "author", "!", 1, START - 86400)
            for i, (name, display) in enumerate(AUTHORS)])

    cat_ids = {slug: i + 1 for i, (slug, *_rest) in enumerate(CATEGORIES)}
    insert(db, "categories", ["id", "edition_id", "parent_id", "slug",
                              "name", "description", "position"],
           [(cat_ids[slug], EDITION, cat_ids[parent] if parent else None,
             slug, name, desc, i)
            for i, (slug, name, desc, parent, _w) in enumerate(CATEGORIES)])

    insert(db, "tags", ["id", "edition_id", "slug", "name"],
           [(i + 1, EDITION, slugify(name), name)
            for i, name in enumerate(TAGS)])

    media = []
    for i in range(1, 41):
        w, h = rng.choice([(1600, 900), (1200, 800), (1024, 768),
                           (800, 1000)])
        media.append((i, "bench/%04d.jpg" % i, "image/jpeg", w, h,
                      rng.randint(80000, 400000),
                      "Photograph %d: %s" % (i, sentence(rng, 4, 8)),
                      sentence(rng, 6, 12), rng.randint(1, len(AUTHORS)),
                      START + i * 3600))
    insert(db, "media", ["id", "path", "mime", "width", "height", "bytes",
                         "alt", "caption", "uploaded_by", "created_at"],
           media)

    times = sorted(rng.randint(START, END) for _ in range(ARTICLES))
    weights = [c[4] for c in CATEGORIES]
    articles, article_tags, slugs = [], [], set()
    for i, published in enumerate(times, start=1):
        title = make_title(rng)
        slug = slugify(title)
        if slug in slugs:
            slug = "%s-%d" % (slug, i)
        slugs.add(slug)
        md, body = make_body(rng)
        category = rng.choices(range(1, len(CATEGORIES) + 1), weights)[0]
        updated = published + (rng.randint(0, 86400 * 30)
                               if rng.random() < 0.2 else 0)
        articles.append((i, EDITION, slug, title, make_excerpt(rng), md, body,
                         "published", rng.randint(1, len(AUTHORS)), category,
                         published, published - rng.randint(600, 86400),
                         updated, rng.randint(1, 40) if i % 2 == 0 else None))
        for tag in rng.sample(range(1, len(TAGS) + 1), rng.randint(1, 3)):
            article_tags.append((i, tag))
    insert(db, "articles", ["id", "edition_id", "slug", "title", "excerpt",
                            "body_md", "body_html", "state", "author_id",
                            "category_id", "published_at", "created_at",
                            "updated_at", "featured_media_id"], articles)
    insert(db, "article_tags", ["article_id", "tag_id"], article_tags)
    commented = articles[ARTICLES // 2 + 1]
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                      "AND name = 'comments'").fetchone():
        return articles[ARTICLES // 2][2], None
    insert(db, "comments", ["id", "article_id", "parent_id", "author_name",
                            "author_email", "body", "state", "created_at",
                            "updated_at"],
           make_comments(rng, commented[0], commented[10], comments))
    return articles[ARTICLES // 2][2], commented[2]


def make_comments(rng, article_id, published, count):
    """count approved comments on the benchmark's article, a reply in
    every other one, the last four a chain (the page shows three levels);
    one address in a few of them."""
    rows = []
    for i in range(1, count + 1):
        parent = i - 1 if i > 1 and (i % 2 == 0 or i > count - 4) else None
        text = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        if i % 3 == 0:
            text += " See https://example.org/report/%d for more." % i
        when = published + i * 3600
        rows.append((i, article_id, parent, "Reader %d" % i,
                     "reader%d@example.org" % i, text, "approved", when,
                     when))
    return rows


def load_search_tokenizer():
    """Registers gazette's FTS5 tokenizer on every connection opened from
    now on (see tests/e2e/harness.py), when the module exists."""
    binary = os.environ.get("GAZETTE_BINARY") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "build",
        "release", "gazette")
    path = os.path.join(os.path.dirname(binary), "libgazette_fts.so")
    name = ctypes.util.find_library("sqlite3")
    if os.path.isfile(path) and name is not None:
        module = ctypes.CDLL(path)
        ctypes.CDLL(name).sqlite3_auto_extension(
            ctypes.cast(module.gazette_fts_init, ctypes.c_void_p))


def main():
    load_search_tokenizer()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--comments", type=int, default=COMMENTS)
    args = ap.parse_args()
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("BEGIN IMMEDIATE")
    try:
        article, commented = generate(db, random.Random(args.seed),
                                      args.comments)
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            sys.exit("gen-db: foreign key problems: %r" % problems[:5])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.close()
    print("home=/")
    print("article=/articles/%s" % article)
    if commented:
        print("commented=/articles/%s" % commented)
    print("category=/category/%s/page/5" % CATEGORIES[0][0])


if __name__ == "__main__":
    main()
