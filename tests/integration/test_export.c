/*
 * test_export.c: `export-static` (src/export/) on the starter site.  The
 * export holds the pages, the css and the uploads it links; every link of
 * every page written is relative and leads to a file on disk (a checker
 * of its own, not the rewriter, resolves each href, src, srcset, action
 * and poster as a browser on file:// would); no form that needs the
 * server is left, nor a form token; a second run writes nothing; after
 * one article's title changes only the pages linking to it are rendered,
 * exactly the files that show the title are written again, and the
 * folder is byte for byte what a fresh export makes (so too after a
 * setting changes and after an article moves, which render everything;
 * every table of the schema is known to the fingerprint); an edit in one
 * edition renders again the feeds that list the article (a feed that does
 * not keeps its bytes and inode) and the sitemaps of that edition only,
 * with the sitemap index (the number of pages rendered is checked against
 * the previous manifest's links; the other editions' files keep their
 * inode), in two editions both, and a menu entry, a setting or an
 * edition's string everything; an article moving category changes both
 * categories' feeds, withdrawn and published by the timer every feed
 * listing it, a renamed tag and the feed settings every feed; a closed
 * edition's files go; the date archives (/YYYY, /YYYY/MM, /YYYY/MM/DD and
 * their further pages) are there in every edition and the site's time
 * zone, and each article's edit, move, publication, withdrawal or
 * deletion writes exactly its periods' pages (and the further pages that
 * shift) and removes those left empty; with nginx SSI on, pages still
 * hold Recent Posts; a deleted article's page and folder go (a link to it
 * is reported broken); files the export did not make are never removed;
 * a symbolic link planted in the folder
 * is not followed; and bad input (a missing or foreign database, an
 * output that is a file or a folder we did not make, a damaged manifest,
 * uploads without their folder) is refused with nothing changed.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include "db/content_db.h"
#include "db/export_db.h"
#include "driver.h"
#include "export/export.h"

static char out[512], uploads[512], www[512], scratch[512];
static struct export_summary sum;
static char err[1024];

/* Runs an export of the test database into dir with the uploads and www
 * folders; returns its status. */
static int
export_to(const char *db, const char *dir, const char *up)
{
	struct export_options o = {
	    .db_path = db, .out_dir = dir, .uploads_dir = up, .www_dir = www};

	err[0] = '\0';
	return export_static(&o, &sum, err, sizeof(err));
}

static int
run_export(void)
{
	int rc = export_to(getenv("TEST_DB"), out, uploads);

	if (rc != 0)
		fprintf(stderr, "export-static: %s\n", err);
	return rc;
}

/* Returns the contents of a file under out (malloc'd), or NULL. */
static char *
read_out(const char *rel)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/%s", out, rel);
	return test_read_file(path, NULL);
}

static bool
exists(const char *rel)
{
	char path[1024];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", out, rel);
	return lstat(path, &st) == 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The checker's own state: links checked and problems found. */
static size_t links_checked, links_bad;

/*
 * Checks one URL written in the file at dir/name (dir relative to out):
 * another scheme, "//" or a bare fragment is left alone; anything else
 * must be relative and, without its fragment and with %-escapes decoded,
 * name a regular file on disk.
 */
static void
check_url(const char *dir, const char *name, const char *u, size_t len)
{
	char rel[2048], path[4096];
	size_t n = 0, i = 0, k;

	while (len > 0 && (u[0] == ' ' || u[0] == '\n')) {
		u++;
		len--;
	}
	if (len == 0 || u[0] == '#')
		return;
	for (k = 0; k < len && u[k] != '/' && u[k] != '?' && u[k] != '#'; k++)
		if (u[k] == ':')
			return; /* a scheme: https:, mailto: */
	if (len >= 2 && u[0] == '/' && u[1] == '/')
		return;
	links_checked++;
	if (u[0] == '/') {
		fprintf(stderr, "%s/%s: absolute link %.*s\n", dir, name,
		        (int)len, u);
		links_bad++;
		return;
	}
	for (i = 0;
	     i < len && u[i] != '#' && u[i] != '?' && n + 1 < sizeof(rel);
	     i++) {
		if (u[i] == '%' && i + 2 < len && hexval(u[i + 1]) >= 0 &&
		    hexval(u[i + 2]) >= 0) {
			rel[n++] =
			    (char)(hexval(u[i + 1]) * 16 + hexval(u[i + 2]));
			i += 2;
		} else if (u[i] == '&' && len - i >= 5 &&
		           memcmp(u + i, "&amp;", 5) == 0) {
			rel[n++] = '&';
			i += 4;
		} else {
			rel[n++] = u[i];
		}
	}
	rel[n] = '\0';
	snprintf(path, sizeof(path), "%s/%s%s%s", out, dir, dir[0] ? "/" : "",
	         rel);
	{
		struct stat st;
		char real[4096], root[4096];

		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
		    realpath(path, real) == NULL ||
		    realpath(out, root) == NULL ||
		    strncmp(real, root, strlen(root)) != 0) {
			fprintf(stderr, "%s/%s: broken link %.*s\n", dir, name,
			        (int)len, u);
			links_bad++;
		}
	}
}

/* Checks every URL attribute of one page. */
static void
check_page(const char *dir, const char *name, const char *html)
{
	static const char *const attrs[] = {" href=\"", " src=\"", " action=\"",
	                                    " poster=\"", " srcset=\""};

	CHECK(strstr(html, "form_token") == NULL);
	CHECK(strstr(html, "method=\"post\"") == NULL);
	CHECK(strstr(html, "role=\"search\"") == NULL);
	for (size_t a = 0; a < sizeof(attrs) / sizeof(attrs[0]); a++) {
		const char *p = html;
		size_t alen = strlen(attrs[a]);

		while ((p = strstr(p, attrs[a])) != NULL) {
			const char *v = p + alen, *end = strchr(v, '"');

			if (end == NULL)
				break;
			if (a < 4) {
				check_url(dir, name, v, (size_t)(end - v));
			} else {
				/* srcset: "URL 320w, URL 640w" */
				const char *c = v;

				while (c < end) {
					const char *sp;

					while (c < end &&
					       (*c == ' ' || *c == ','))
						c++;
					sp = c;
					while (sp < end && *sp != ' ' &&
					       *sp != ',')
						sp++;
					if (sp > c)
						check_url(dir, name, c,
						          (size_t)(sp - c));
					while (sp < end && *sp != ',')
						sp++;
					c = sp;
				}
			}
			p = end;
		}
	}
}

/* Walks out/dir, checking every .html file; returns how many. */
static size_t
check_tree(const char *dir)
{
	char path[2048], sub[2048];
	DIR *d;
	struct dirent *de;
	size_t pages = 0;

	snprintf(path, sizeof(path), "%s/%s", out, dir);
	CHECK((d = opendir(path)) != NULL);
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", dir, dir[0] ? "/" : "",
		         de->d_name);
		snprintf(path, sizeof(path), "%s/%s", out, sub);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			pages += check_tree(sub);
		} else if (n > 5 && strcmp(de->d_name + n - 5, ".html") == 0) {
			char *html = test_read_file(path, NULL);

			CHECK(html != NULL);
			if (html != NULL)
				check_page(dir, de->d_name, html);
			free(html);
			pages++;
		}
	}
	closedir(d);
	return pages;
}

/* The first export: files, links, forms, the manifest. */
static void
test_first(void)
{
	char *s;
	size_t pages;

	CHECK(run_export() == 0);
	CHECK(sum.written == sum.files && sum.unchanged == 0 &&
	      sum.removed == 0);
	CHECK(sum.pages > 100);
	CHECK(sum.broken == 0);
	CHECK(sum.uploads > 20 && sum.uploads_missing == 0);
	CHECK(exists(EXPORT_MANIFEST));
	CHECK(exists("index.html"));
	CHECK(exists("about/index.html"));
	CHECK(exists("contact/index.html"));
	CHECK(exists("category/news/index.html"));
	CHECK(exists("articles/homeward-watch-opens-its-doors/index.html"));
	CHECK(exists("media/photos/kitchen-tables/1/index.html"));
	CHECK(exists("publications/newsletter/index.html"));
	CHECK(exists("css/site.css"));
	CHECK(exists("uploads/demo/kitchen-window.jpg"));
	/* Only what pages link: the admin's files stay behind. */
	CHECK(!exists("css/admin.css"));
	CHECK(!exists("js/editor.js"));

	/* Every link of every page leads to a file. */
	links_checked = links_bad = 0;
	pages = check_tree("");
	/* Every page is an HTML file; the other entries are feeds,
	 * sitemaps and robots.txt. */
	CHECK(pages > 0 && pages < sum.pages);
	CHECK(links_checked > 3000);
	CHECK(links_bad == 0);

	/* Forms became the notice, in the edition's words. */
	s = read_out("contact/index.html");
	CHECK(s != NULL && strstr(s, "<form") == NULL &&
	      strstr(s, "<p class=\"static-notice\">This is a static copy") !=
	          NULL);
	free(s);
	s = read_out("articles/homeward-watch-opens-its-doors/index.html");
	CHECK(s != NULL && strstr(s, "static-notice") != NULL &&
	      strstr(s, "href=\"../../css/site.css\"") != NULL &&
	      strstr(s, "href=\"../../index.html\"") != NULL);
	free(s);
	CHECK(sum.forms >= 40);
	s = read_out(EXPORT_MANIFEST);
	CHECK(s != NULL && strncmp(s, "gazette-export 1\n", 17) == 0 &&
	      strstr(s, "\t/\tindex.html\n") != NULL);
	free(s);
}

/* With nginx SSI on, pages hold Recent Posts themselves all the same: a
 * static host expands no include. */
static void
test_ssi(void)
{
	char *s;

	sql("INSERT INTO settings (key, value) VALUES ('ssi', '1') ON "
	    "CONFLICT (key) DO UPDATE SET value = excluded.value");
	CHECK(run_export() == 0);
	CHECK(sum.written == 0);
	s = read_out("about/index.html");
	CHECK(s != NULL && strstr(s, "<!--#") == NULL &&
	      strstr(s, "class=\"recent-posts\"") != NULL);
	free(s);
	sql("DELETE FROM settings WHERE key = 'ssi'");
	CHECK(run_export() == 0);
	CHECK(sum.full && sum.written == 0);
}

/* Nothing changed: nothing written. */
static void
test_again(void)
{
	CHECK(run_export() == 0);
	CHECK(sum.written == 0 && sum.removed == 0);
	CHECK(sum.unchanged == sum.files && sum.files > 150);
}

/* Reads the manifest into a list of "HASH SIZE FILE" lines. */
static char *
manifest(void)
{
	return read_out(EXPORT_MANIFEST);
}

/* Tells whether the line for file differs between two manifests. */
static bool
line_changed(const char *before, const char *after, const char *file)
{
	char needle[1024];
	const char *a, *b;
	size_t la, lb;

	snprintf(needle, sizeof(needle), "\t%s\n", file);
	a = strstr(before, needle);
	b = strstr(after, needle);
	if (a == NULL || b == NULL)
		return true;
	while (a > before && a[-1] != '\n')
		a--;
	while (b > after && b[-1] != '\n')
		b--;
	la = (size_t)(strchr(a, '\n') - a);
	lb = (size_t)(strchr(b, '\n') - b);
	return la != lb || memcmp(a, b, la) != 0;
}

/* Exports the test database into a fresh folder and tells whether it
 * holds the same files with the same bytes as out (the manifest aside). */
static bool
same_as_fresh_export(void)
{
	static int runs;
	char fresh[600], cmd[1400];
	struct export_summary keep = sum;
	int rc;

	snprintf(fresh, sizeof(fresh), "%s/fresh-%d", driver_dir, ++runs);
	CHECK(export_to(getenv("TEST_DB"), fresh, uploads) == 0);
	CHECK(sum.full && sum.written == sum.files);
	snprintf(cmd, sizeof(cmd),
	         "diff -r -q -x " EXPORT_MANIFEST " '%s' '%s' >&2 && "
	         "rm -rf '%s'",
	         out, fresh, fresh);
	rc = system(cmd);
	sum = keep;
	return rc == 0;
}

/* A time after every change the site holds: an article updated then
 * is its edition's last change. */
#define NEWEST                                                                 \
	"(SELECT max(max(published_at), max(updated_at)) + 60 FROM "           \
	"(SELECT published_at, updated_at FROM articles UNION ALL "            \
	"SELECT 0, updated_at FROM pages UNION ALL SELECT 0, updated_at FROM " \
	"media_posts UNION ALL SELECT 0, updated_at FROM publications))"

/* Tells whether a file under out is a feed. */
static bool
is_feed(const char *file)
{
	const char *slash = strrchr(file, '/'),
	           *name = slash ? slash + 1 : file;

	return strcmp(name, "feed.atom") == 0 || strcmp(name, "feed.rss") == 0;
}

/* Tells whether a file under out is a sitemap (which says when each
 * address last changed, not what it shows). */
static bool
is_sitemap(const char *file)
{
	return strncmp(file, "sitemap", 7) == 0 ||
	       strstr(file, "/sitemap") != NULL;
}

/*
 * One edit of an article's title, as a save makes it (its updated_at the
 * newest of the site): only the pages and feeds that link to it are
 * rendered, exactly the files that show the title are written (the
 * sitemaps aside, which carry its time), and the folder is then what a
 * fresh export makes.  A feed that does not list it keeps its bytes: its
 * time is its own newest entry's, not the edition's last change.
 */
static void
test_edit(void)
{
	char *before = manifest(), *after, *line, *next;
	size_t changed = 0, showing = 0, feeds_showing = 0;

	sql("UPDATE articles SET title = 'Opened: the doors of Homeward "
	    "Watch', updated_at = " NEWEST " WHERE slug = "
	    "'homeward-watch-opens-its-doors'");
	CHECK(run_export() == 0);
	CHECK(!sum.full);
	/* The article, the pages and feeds linking it, and each edition's
	 * sitemaps (which carry the edition's last change): under half. */
	CHECK(sum.rendered > 3 && sum.rendered < sum.pages / 2);
	CHECK(sum.written > 0 && sum.written < sum.files / 2);
	CHECK(sum.removed == 0);
	after = manifest();
	CHECK(before != NULL && after != NULL);
	if (before == NULL || after == NULL)
		goto out;
	for (line = strstr(after, "\nfiles\n") + 7; *line; line = next) {
		char *file, *body_text, *copy;
		bool shows, differs;

		next = strchr(line, '\n') + 1;
		if (line[0] == '>')
			continue;
		copy = strndup(line, (size_t)(next - 1 - line));
		file = strrchr(copy, '\t') + 1;
		differs = line_changed(before, after, file);
		body_text = read_out(file);
		shows =
		    body_text != NULL &&
		    strstr(body_text, "Opened: the doors of Homeward") != NULL;
		if (shows != differs && !is_sitemap(file))
			fprintf(stderr, "%s: shows the title %d, changed %d\n",
			        file, shows, differs);
		CHECK(shows == differs || is_sitemap(file));
		changed += differs;
		showing += shows;
		feeds_showing += shows && is_feed(file);
		free(body_text);
		free(copy);
	}
	/* The edition's feeds, its category's (and its parent's), its
	 * author's and its tags' each in Atom and RSS. */
	CHECK(changed == sum.written && showing > 3 && feeds_showing >= 6);
	CHECK(same_as_fresh_export());
out:
	free(before);
	free(after);
}

/* Changes that are not an article's text render everything, and still
 * leave the folder as a fresh export would. */
static void
test_full_again(void)
{
	/* Another setting. */
	sql("UPDATE settings SET value = 'A footer of its own' WHERE key = "
	    "'footer_text'");
	sql("INSERT OR IGNORE INTO settings (key, value) VALUES "
	    "('footer_text', 'A footer of its own')");
	CHECK(run_export() == 0);
	CHECK(sum.full && strstr(sum.why_full, "besides articles") != NULL);
	/* Every HTML page shows the footer; the feeds (a third of the files
	 * since archives name their RSS feeds too) do not. */
	CHECK(sum.written > sum.files / 3);
	{
		char *home = read_out("index.html");
		char *news = read_out("category/news/index.html");

		CHECK(home != NULL && strstr(home, "A footer of its own"));
		CHECK(news != NULL && strstr(news, "A footer of its own"));
		free(home);
		free(news);
	}
	CHECK(same_as_fresh_export());
	/* An article moved in time: listings shift. */
	sql("UPDATE articles SET published_at = published_at - 86400 * 400 "
	    "WHERE slug = 'homeward-watch-opens-its-doors'");
	CHECK(run_export() == 0);
	CHECK(sum.full && strstr(sum.why_full, "moved") != NULL);
	CHECK(same_as_fresh_export());
	/* An article given to another author: the new author's archive
	 * (/author/SLUG) lists it without having linked it before. */
	sql("UPDATE articles SET author_id = (SELECT id FROM users WHERE "
	    "name = 'odile') WHERE slug = 'homeward-watch-opens-its-doors'");
	CHECK(run_export() == 0);
	CHECK(sum.full && strstr(sum.why_full, "author") != NULL);
	{
		char *page = read_out("author/odile-brannock/index.html");

		CHECK(page != NULL &&
		      strstr(page, "articles/homeward-watch-opens-its-doors"));
		free(page);
	}
	CHECK(same_as_fresh_export());
	/* A draft's text: no page shows it, nothing is written. */
	sql("UPDATE articles SET body_html = '<p>x</p>' WHERE state = "
	    "'draft'");
	CHECK(run_export() == 0);
	CHECK(!sum.full && sum.written == 0);
	/* Every table of the schema is known to the fingerprint. */
	{
		struct db *db = NULL;
		unsigned char fp[16];
		char unknown[128] = "";

		CHECK(db_open(getenv("TEST_DB"), &db) == 0);
		CHECK(export_db_fingerprint(db, fp, unknown, sizeof(unknown)) ==
		      0);
		if (unknown[0] != '\0')
			fprintf(stderr,
			        "table %s: public or private? "
			        "(src/db/export_db.c)\n",
			        unknown);
		db_close(db);
	}
}

/* Returns the folder of the edition a file under out belongs to: "ar",
 * "fa" or "sq", or "" for the edition without a prefix. */
static const char *
edition_folder(const char *file)
{
	static const char *const prefixes[] = {"ar", "fa", "sq"};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(file, prefixes[i], 2) == 0 && file[2] == '/')
			return prefixes[i];
	return "";
}

/* Tells whether s is in list (NULL-terminated). */
static bool
listed_in(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/*
 * Counts, from the manifest m of the previous run, the pages a run must
 * render after the articles whose files are in arts changed (both lists
 * NULL-terminated): each of them, every page or feed that links to one
 * (lists it), every sitemap of the editions whose folders are in eds (""
 * for the one without a prefix), and robots.txt and the sitemap index.
 * Read from the manifest's own lines and links, apart from the exporter's
 * planner.
 */
static size_t
expected_renders(const char *m, const char *const *arts, const char *const *eds)
{
	const char *files = strstr(m, "\nfiles\n"), *line, *next;
	char **name = NULL; /* by line: a page's file; NULL for other files */
	size_t n = 0, i = 0, count = 0;

	if (files == NULL)
		return 0;
	for (line = files + 7; *line != '\0'; line = next) {
		const char *nl = strchr(line, '\n');
		char *copy;

		next = nl + 1;
		if (line[0] == '>')
			continue;
		copy = strndup(line, (size_t)(nl - line));
		name = realloc(name, (n + 1) * sizeof(*name));
		name[n++] =
		    copy[0] == 'P' ? strdup(strrchr(copy, '\t') + 1) : NULL;
		free(copy);
	}
	for (line = files + 7; *line != '\0'; line = next) {
		const char *page;
		bool render;
		size_t len;

		next = strchr(line, '\n') + 1;
		if (line[0] == '>' || (page = name[i++]) == NULL)
			continue;
		len = strlen(page);
		render = listed_in(page, arts) ||
		         ((len < 10 || strcmp(page + len - 10, "index.html")) &&
		          !is_feed(page) &&
		          (strcmp(page, "robots.txt") == 0 ||
		           strcmp(page, "sitemap.xml") == 0 ||
		           listed_in(edition_folder(page), eds)));
		/* "> I J K": the lines of the files it links to. */
		for (const char *p = next + 1; next[0] == '>' && *p == ' ';) {
			char *end;
			unsigned long long k = strtoull(p + 1, &end, 10);

			if (k < n && name[k] != NULL &&
			    listed_in(name[k], arts))
				render = true;
			p = end;
		}
		count += render;
	}
	for (i = 0; i < n; i++)
		free(name[i]);
	free(name);
	return count;
}

/* Checks that the last run rendered only what expected_renders says
 * (before: the manifest it started from); returns that count. */
static size_t
check_renders(const char *what, const char *before, const char *const *arts,
              const char *const *eds)
{
	size_t expect = expected_renders(before, arts, eds);

	if (sum.rendered != expect)
		fprintf(stderr, "%s: %zu rendered, %zu expected\n", what,
		        sum.rendered, expect);
	CHECK(!sum.full && sum.rendered == expect && expect > 0);
	return expect;
}

/* Returns the inode and modification time of a file under out as one
 * string, or "" when it is not there. */
static const char *
file_identity(const char *rel)
{
	static char id[4][96];
	static int next;
	char path[1024];
	struct stat st;
	char *s = id[next++ % 4];

	snprintf(path, sizeof(path), "%s/%s", out, rel);
	s[0] = '\0';
	if (stat(path, &st) == 0)
		snprintf(s, sizeof(id[0]), "%llu %lld.%09ld",
		         (unsigned long long)st.st_ino,
		         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	return s;
}

/* Tells whether the file under out holds needle. */
static bool
file_holds(const char *rel, const char *needle)
{
	char *s = read_out(rel);
	bool found = s != NULL && strstr(s, needle) != NULL;

	free(s);
	return found;
}

/*
 * Feeds and sitemaps are rendered again only in the editions whose
 * articles changed (each carries its edition's last change), the sitemap
 * index whenever an article changed (it names every edition's), and
 * everything after a change that is not an article's; after each, the
 * folder is what a fresh export makes.
 */
static void
test_editions(void)
{
	static const char *const en_art[] = {
	    "articles/homeward-watch-opens-its-doors/index.html", NULL};
	static const char *const ar_art[] = {
	    "ar/articles/homeward-watch-opens-its-doors/index.html", NULL};
	static const char *const both_arts[] = {
	    "articles/homeward-watch-opens-its-doors/index.html",
	    "ar/articles/homeward-watch-opens-its-doors/index.html", NULL};
	static const char *const en[] = {"", NULL}, *const ar[] = {"ar", NULL};
	static const char *const en_ar[] = {"", "ar", NULL};
	static const char *const all[] = {"", "ar", "fa", "sq", NULL};
	char *before, *after;
	char ar_feed[96], en_feed[96], en_tag_feed[96];
	size_t expect;

	/* Every edition is open (migration 017): each has its feeds and
	 * sitemaps. */
	CHECK(exists("ar/index.html") && exists("ar/feed.atom") &&
	      exists("ar/feed.rss") && exists("ar/sitemap-articles-1.xml") &&
	      exists("fa/feed.atom") && exists("sq/feed.atom"));

	/* An English article changes, and with it the edition's last
	 * change: every English sitemap carries it, and the feeds that list
	 * the article; no Arabic file does. */
	before = manifest();
	snprintf(ar_feed, sizeof(ar_feed), "%s", file_identity("ar/feed.atom"));
	snprintf(en_feed, sizeof(en_feed), "%s", file_identity("feed.atom"));
	snprintf(en_tag_feed, sizeof(en_tag_feed), "%s",
	         file_identity("tag/letters/feed.atom"));
	sql("UPDATE articles SET title = 'Doors open at Homeward Watch', "
	    "updated_at = " NEWEST " WHERE "
	    "edition_id = 1 AND slug = 'homeward-watch-opens-its-doors'");
	CHECK(run_export() == 0);
	after = manifest();
	CHECK(before != NULL && after != NULL);
	if (before == NULL || after == NULL)
		goto out;
	expect = check_renders("English edit", before, en_art, en);
	/* The Arabic sitemaps would have made a difference. */
	CHECK(expected_renders(before, en_art, all) >= expect + 2 * 3);
	CHECK(strcmp(file_identity("ar/feed.atom"), ar_feed) == 0);
	CHECK(!line_changed(before, after, "ar/feed.atom") &&
	      !line_changed(before, after, "ar/sitemap-pages-1.xml"));
	/* The feeds that list it (its tags') changed; a feed that does not,
	 * even the edition's own (the article is older than its 20), was
	 * neither rendered nor written: its <updated> is its newest entry's.
	 * The sitemap index changed (a lastmod). */
	CHECK(file_holds("tag/reunification/feed.atom",
	                 "Doors open at Homeward") &&
	      line_changed(before, after, "tag/reunification/feed.atom"));
	CHECK(!file_holds("feed.atom", "Doors open at Homeward") &&
	      !line_changed(before, after, "feed.atom") &&
	      !line_changed(before, after, "feed.rss") &&
	      strcmp(file_identity("feed.atom"), en_feed) == 0);
	CHECK(!file_holds("tag/letters/feed.atom", "Doors open at Homeward"));
	CHECK(!line_changed(before, after, "tag/letters/feed.atom") &&
	      strcmp(file_identity("tag/letters/feed.atom"), en_tag_feed) == 0);
	CHECK(line_changed(before, after, "sitemap.xml") &&
	      line_changed(before, after, "sitemap-pages-1.xml"));
	CHECK(same_as_fresh_export());
	free(before);
	free(after);

	/* An Arabic article: the Arabic feeds and sitemaps and the index,
	 * and no English feed. */
	before = manifest();
	snprintf(en_feed, sizeof(en_feed), "%s", file_identity("feed.atom"));
	sql("UPDATE articles SET title = 'مرصد العودة يفتح أبوابه اليوم', "
	    "updated_at = " NEWEST " WHERE "
	    "edition_id = 2 AND slug = 'homeward-watch-opens-its-doors'");
	CHECK(run_export() == 0);
	after = manifest();
	CHECK(before != NULL && after != NULL);
	if (before == NULL || after == NULL)
		goto out;
	expect = check_renders("Arabic edit", before, ar_art, ar);
	CHECK(expected_renders(before, ar_art, all) >= expect + 10);
	CHECK(file_holds("ar/feed.atom", "مرصد العودة يفتح أبوابه اليوم") &&
	      file_holds("ar/feed.rss", "مرصد العودة يفتح أبوابه اليوم"));
	CHECK(line_changed(before, after, "ar/sitemap-pages-1.xml") &&
	      line_changed(before, after, "sitemap.xml"));
	CHECK(strcmp(file_identity("feed.atom"), en_feed) == 0 &&
	      !line_changed(before, after, "feed.rss"));
	CHECK(same_as_fresh_export());
	free(before);
	free(after);

	/* Both at once: both editions' feeds. */
	before = manifest();
	sql("UPDATE articles SET excerpt = excerpt || ' …', updated_at "
	    "= " NEWEST " WHERE slug = "
	    "'homeward-watch-opens-its-doors' AND edition_id IN (1, 2)");
	CHECK(run_export() == 0);
	if (before != NULL)
		check_renders("Both editions", before, both_arts, en_ar);
	CHECK(same_as_fresh_export());
	free(before);

	/* An article taken out of its translations and put back: the
	 * pages of the group link each other (the one put back is linked
	 * by none of them yet), so everything is rendered. */
	sql("UPDATE articles SET translation_group = NULL WHERE id = 107");
	CHECK(run_export() == 0);
	CHECK(sum.full && strstr(sum.why_full, "translations") != NULL);
	CHECK(same_as_fresh_export());
	sql("UPDATE articles SET translation_group = 8 WHERE id = 107");
	CHECK(run_export() == 0);
	CHECK(sum.full && strstr(sum.why_full, "translations") != NULL);
	CHECK(file_holds("articles/homeward-watch-opens-its-doors/index.html",
	                 "sq/articles/vezhguesi-i-kthimit-hap-dyert"));
	CHECK(same_as_fresh_export());

	/* Site-wide changes render everything, an article's edit beside
	 * them too: a menu entry, a setting, an Arabic string. */
	sql("UPDATE menu_items SET label = label || ' ' WHERE id = (SELECT "
	    "min(id) FROM menu_items)");
	CHECK(run_export() == 0);
	CHECK(sum.full && sum.rendered == sum.pages);
	CHECK(same_as_fresh_export());
	sql("INSERT INTO settings (key, value) VALUES ('feed_items', '5') ON "
	    "CONFLICT (key) DO UPDATE SET value = excluded.value");
	sql("UPDATE articles SET title = title || '!' WHERE edition_id = 2 "
	    "AND slug = 'homeward-watch-opens-its-doors'");
	CHECK(run_export() == 0);
	CHECK(sum.full && sum.rendered == sum.pages);
	CHECK(same_as_fresh_export());
	sql("INSERT INTO edition_strings (edition_id, key, value) VALUES (2, "
	    "'static_form_notice', 'نسخة ثابتة') ON CONFLICT DO UPDATE SET "
	    "value = excluded.value");
	CHECK(run_export() == 0);
	CHECK(sum.full && sum.rendered == sum.pages);
	CHECK(file_holds("ar/contact/index.html", "نسخة ثابتة"));
	CHECK(same_as_fresh_export());

	/* An edition closed: its files go; opened again: they are back. */
	sql("DELETE FROM settings WHERE key = 'feed_items'");
	sql("UPDATE editions SET enabled = 0 WHERE code = 'ar'");
	CHECK(run_export() == 0);
	CHECK(sum.full && sum.removed > 20 && !exists("ar"));
	CHECK(same_as_fresh_export());
	sql("UPDATE editions SET enabled = 1 WHERE code = 'ar'");
	CHECK(run_export() == 0);
	CHECK(sum.full && sum.written > 20 && exists("ar/feed.atom"));
	CHECK(same_as_fresh_export());
	return;
out:
	free(before);
	free(after);
}

/* Counts the occurrences of needle in the file under out. */
static int
file_count(const char *rel, const char *needle)
{
	char *s = read_out(rel);
	int n = 0;

	for (const char *p = s; p != NULL && (p = strstr(p, needle)) != NULL;
	     p += strlen(needle))
		n++;
	free(s);
	return n;
}

/*
 * Moves the English article slug to the category the SQL expression
 * category gives (its updated_at moved on, as a save does) and exports:
 * the feed file left no longer links it (link), the feed entered does,
 * and the manifest's lines of both changed.  Returns whether all held.
 */
static bool
move_and_export(const char *slug, const char *category, const char *left,
                const char *entered, const char *link)
{
	char q[512], *before = manifest(), *after = NULL;
	bool ok;

	snprintf(q, sizeof(q),
	         "UPDATE articles SET category_id = %s, updated_at = "
	         "updated_at + 1 WHERE edition_id = 1 AND slug = '%s'",
	         category, slug);
	sql(q);
	ok = run_export() == 0 && (after = manifest()) != NULL &&
	     before != NULL && !file_holds(left, link) &&
	     file_holds(entered, link) && line_changed(before, after, left) &&
	     line_changed(before, after, entered);
	free(after);
	free(before);
	return ok;
}

/*
 * What changes a feed besides its entries' text renders it again: an
 * article moving to another category (both categories' feeds), withdrawn
 * and published again by the timer (every feed listing it), a renamed tag
 * and the feed settings (every feed).  After each, the folder is what a fresh
 * export makes.
 */
static void
test_feed_changes(void)
{
	char slug[128], link[200], from[160], to[160], atom[200], category[32];
	char q[256], *before, *after;
	const char *moved_to;
	struct db *db = NULL;

	/* The newest English article: the first entry of its category's
	 * feed, and of any it moves to. */
	snprintf(slug, sizeof(slug), "%s",
	         query_text("SELECT slug FROM articles WHERE edition_id = 1 "
	                    "AND state = 'published' AND category_id IS NOT "
	                    "NULL ORDER BY published_at DESC, id DESC "
	                    "LIMIT 1"));
	snprintf(link, sizeof(link), "/articles/%s\"", slug);
	snprintf(from, sizeof(from), "category/%s/feed.atom",
	         query_text("SELECT c.slug FROM articles a JOIN categories c "
	                    "ON c.id = a.category_id WHERE a.edition_id = 1 "
	                    "AND a.slug = (SELECT slug FROM articles WHERE "
	                    "edition_id = 1 AND state = 'published' AND "
	                    "category_id IS NOT NULL ORDER BY published_at "
	                    "DESC, id DESC LIMIT 1)"));
	snprintf(category, sizeof(category), "%s",
	         query_text("SELECT category_id FROM articles WHERE "
	                    "edition_id = 1 AND slug = (SELECT slug FROM "
	                    "articles WHERE edition_id = 1 AND state = "
	                    "'published' AND category_id IS NOT NULL ORDER BY "
	                    "published_at DESC, id DESC LIMIT 1)"));
	moved_to = strcmp(from, "category/open-letters/feed.atom") == 0
	               ? "families-voices"
	               : "open-letters";
	snprintf(to, sizeof(to), "category/%s/feed.atom", moved_to);
	CHECK(file_holds(from, link) && !file_holds(to, link));

	/* Moved: both categories' feeds. */
	snprintf(q, sizeof(q),
	         "(SELECT id FROM categories WHERE edition_id = 1 AND slug = "
	         "'%s')",
	         moved_to);
	CHECK(move_and_export(slug, q, from, to, link));
	CHECK(same_as_fresh_export());

	/* Withdrawn (scheduled again, and due): gone from every feed;
	 * published by the timer: back in them. */
	snprintf(q, sizeof(q),
	         "UPDATE articles SET state = 'scheduled' WHERE edition_id = 1 "
	         "AND slug = '%s'",
	         slug);
	sql(q);
	CHECK(run_export() == 0);
	CHECK(!file_holds(to, link) && !file_holds("feed.atom", link) &&
	      !file_holds("feed.rss", slug));
	CHECK(same_as_fresh_export());
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(content_db_publish_due(db, (long long)time(NULL)) >= 1);
	db_close(db);
	CHECK(run_export() == 0);
	CHECK(file_holds(to, link) && file_holds("feed.atom", link) &&
	      file_holds("feed.rss", slug));
	CHECK(same_as_fresh_export());

	/* Moved back, as the later tests want the site. */
	CHECK(move_and_export(slug, category, to, from, link));

	/* A renamed tag: the feeds listing its articles carry the name. */
	CHECK(!file_holds("tag/letters/feed.atom", "label=\"Letters home\""));
	sql("UPDATE tags SET name = 'Letters home' WHERE edition_id = 1 AND "
	    "slug = 'letters'");
	CHECK(run_export() == 0);
	CHECK(sum.full &&
	      file_holds("tag/letters/feed.atom", "label=\"Letters home\""));
	CHECK(same_as_fresh_export());
	sql("UPDATE tags SET name = 'Letters' WHERE edition_id = 1 AND slug = "
	    "'letters'");

	/* The feed settings: every feed carries the bodies, then three
	 * entries. */
	before = manifest();
	snprintf(atom, sizeof(atom), "%s",
	         file_identity("tag/letters/feed.atom"));
	sql("INSERT INTO settings (key, value) VALUES ('feed_full_content', "
	    "'1') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	CHECK(run_export() == 0);
	after = manifest();
	CHECK(before != NULL && after != NULL);
	if (before == NULL || after == NULL)
		goto out;
	CHECK(file_holds("feed.atom", "<content type=\"html\">") &&
	      file_holds(to, "<content type=\"html\">") &&
	      file_holds("tag/letters/feed.atom", "<content type=\"html\">"));
	CHECK(line_changed(before, after, "feed.rss") &&
	      line_changed(before, after, "tag/letters/feed.atom") &&
	      strcmp(file_identity("tag/letters/feed.atom"), atom) != 0);
	CHECK(same_as_fresh_export());
	free(before);
	free(after);
	sql("INSERT INTO settings (key, value) VALUES ('feed_items', '3') ON "
	    "CONFLICT (key) DO UPDATE SET value = excluded.value");
	CHECK(run_export() == 0);
	CHECK(file_count("feed.atom", "<entry>") == 3 &&
	      file_count("feed.rss", "<item>") == 3 &&
	      file_count(to, "<entry>") <= 3 &&
	      file_count("tag/letters/feed.atom", "<entry>") <= 3);
	CHECK(same_as_fresh_export());
	sql("DELETE FROM settings WHERE key IN ('feed_full_content', "
	    "'feed_items')");
	CHECK(run_export() == 0);
	CHECK(file_count("feed.atom", "<entry>") == 20 &&
	      !file_holds("feed.atom", "<content"));
	CHECK(same_as_fresh_export());
	return;
out:
	free(before);
	free(after);
}

/* Adds a file to the uploads' demo folder, which no page links yet;
 * returns its name. */
static const char *
unlinked_upload(void)
{
	static const char name[] = "unlinked-note.txt";
	char path[700];
	FILE *f;

	snprintf(path, sizeof(path), "%s/demo/%s", uploads, name);
	CHECK((f = fopen(path, "w")) != NULL);
	if (f == NULL)
		return NULL;
	fputs("A note that one article links.\n", f);
	fclose(f);
	return name;
}

/* A file that only one article's body links to comes with the link and
 * goes with it, rendering only what changed.  (A page cannot be linked
 * from a body alone: the sitemaps list every published page.) */
static void
test_linked_from_body(void)
{
	const char *name = unlinked_upload();
	char stmt[600], file[300];

	if (name == NULL)
		return;
	snprintf(file, sizeof(file), "uploads/demo/%s", name);
	CHECK(run_export() == 0);
	CHECK(!exists(file));
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET body_html = body_html || '<p><a "
	         "href=\"/uploads/demo/%s\">a file</a></p>' WHERE slug = "
	         "'homeward-watch-opens-its-doors'",
	         name);
	sql(stmt);
	CHECK(run_export() == 0);
	CHECK(!sum.full && sum.rendered < sum.pages / 2);
	CHECK(exists(file));
	CHECK(same_as_fresh_export());
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET body_html = replace(body_html, '<p><a "
	         "href=\"/uploads/demo/%s\">a file</a></p>', '') WHERE slug = "
	         "'homeward-watch-opens-its-doors'",
	         name);
	sql(stmt);
	CHECK(run_export() == 0);
	CHECK(!sum.full && sum.removed == 1);
	CHECK(!exists(file));
	CHECK(same_as_fresh_export());
}

/* A deleted article's page goes, with its folder; files the export did
 * not make stay. */
static void
test_delete(void)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/mine.txt", out);
	CHECK((f = fopen(path, "w")) != NULL);
	if (f)
		fclose(f);
	snprintf(path, sizeof(path), "%s/articles/mine.html", out);
	CHECK((f = fopen(path, "w")) != NULL);
	if (f)
		fclose(f);
	CHECK(exists("articles/welcome-to-the-new-site/index.html"));
	sql("UPDATE articles SET state = 'trash' WHERE slug = "
	    "'welcome-to-the-new-site'");
	CHECK(run_export() == 0);
	CHECK(sum.removed == 1);
	CHECK(!exists("articles/welcome-to-the-new-site/index.html"));
	CHECK(!exists("articles/welcome-to-the-new-site"));
	CHECK(exists("mine.txt"));
	CHECK(exists("articles/mine.html"));
	/* Another article's body links to it: broken on the live site too
	 * (404), and said so. */
	CHECK(sum.broken == 1);
	CHECK(strstr(sum.first_broken,
	             "/articles/welcome-to-the-new-site (404, linked from "
	             "/articles/a-short-tour-of-the-new-site)") != NULL);
	links_checked = links_bad = 0;
	check_tree("");
	CHECK(links_bad == 1);
	/* A file the manifest lists and the folder no longer has is simply
	 * written again. */
	snprintf(path, sizeof(path), "%s/about/index.html", out);
	CHECK(unlink(path) == 0);
	CHECK(run_export() == 0);
	CHECK(sum.written == 1 && exists("about/index.html"));
}

/* Tells whether file (under out) is a date archive's page: an edition's
 * folder or none, then a year. */
static bool
date_file(const char *file)
{
	const char *ed = edition_folder(file);
	const char *p = file + (ed[0] ? strlen(ed) + 1 : 0);
	size_t len = strlen(file);

	for (int k = 0; k < 4; k++)
		if (p[k] < '0' || p[k] > '9')
			return false;
	return p[4] == '/' && len >= 10 &&
	       strcmp(file + len - 10, "index.html") == 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns (static) the date archives' pages that one run wrote or
 * removed, from the manifests before and after it: sorted,
 * space-separated, a removed one with a leading '-'. */
static const char *
date_changes(const char *before, const char *after)
{
	static char list[4096];
	const char *m[2] = {after, before};
	char *names[256];
	size_t n = 0, at = 0;

	list[0] = '\0';
	if (before == NULL || after == NULL)
		return list;
	for (int side = 0; side < 2; side++) {
		const char *line = strstr(m[side], "\nfiles\n"), *next;

		for (line = line ? line + 7 : ""; *line != '\0'; line = next) {
			const char *nl = strchr(line, '\n');
			char *copy, *file, needle[600];

			next = nl + 1;
			if (line[0] != 'P')
				continue;
			copy = strndup(line, (size_t)(nl - line));
			file = strrchr(copy, '\t') + 1;
			snprintf(needle, sizeof(needle), "\t%s\n", file);
			if (date_file(file) && n < 256 &&
			    (side == 0 ? line_changed(before, after, file)
			               : strstr(after, needle) == NULL)) {
				size_t len = strlen(file) + 2;

				names[n] = malloc(len);
				snprintf(names[n++], len, "%s%s",
				         side ? "-" : "", file);
			}
			free(copy);
		}
	}
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		at += (size_t)snprintf(list + at, sizeof(list) - at, "%s%s",
		                       i ? " " : "", names[i]);
		free(names[i]);
		if (at >= sizeof(list))
			break;
	}
	return list;
}

/* Runs an export after stmt and checks that it rendered everything or
 * not (full) and wrote or removed exactly the date archives' pages in
 * expect (as date_changes writes them; NULL: any). */
static void
dates_after(const char *stmt, bool full, const char *expect)
{
	char *before = manifest(), *after;
	const char *got;

	sql(stmt);
	CHECK(run_export() == 0);
	CHECK(sum.full == full && sum.broken == 0);
	after = manifest();
	got = date_changes(before, after);
	if (expect != NULL && strcmp(got, expect) != 0)
		fprintf(stderr,
		        "after %s\n  date archives: %s\n  expected: %s\n", stmt,
		        got, expect);
	CHECK(expect == NULL || strcmp(got, expect) == 0);
	free(before);
	free(after);
}

/*
 * The date archives (/YYYY, /YYYY/MM, /YYYY/MM/DD and their further
 * pages), which no page links, are in the export for every edition, in
 * the site's time zone, relinked; after an article's title or excerpt
 * changes only its periods' pages that list it are rendered with the
 * other pages linking it; after an article is moved, published,
 * withdrawn or deleted exactly its periods' pages (the old and the new,
 * and the further pages that shift) are written, and an archive left
 * empty is removed.
 */
static void
test_date_archives(void)
{
	static const char *const gate[] = {
	    "articles/the-gate-was-always-locked/index.html", NULL};
	static const char *const en[] = {"", NULL};
	char *before, *s;

	CHECK(run_export() == 0);
	CHECK(sum.written == 0 && sum.removed == 0);
	CHECK(exists("2019/index.html") && exists("2019/06/index.html") &&
	      exists("2019/06/17/index.html") && exists("2026/index.html") &&
	      exists("2026/02/16/index.html"));
	CHECK(exists("ar/2026/11/20/index.html") &&
	      exists("fa/2026/11/21/index.html") &&
	      exists("sq/2019/03/04/index.html") &&
	      !exists("sq/2026/11/21/index.html"));
	/* Empty periods and the scheduled article's year have none. */
	CHECK(!exists("2026/01") && !exists("2019/06/18") && !exists("2099"));
	s = read_out("2026/02/16/index.html");
	CHECK(s != NULL &&
	      strstr(s,
	             "href=\"../../../articles/"
	             "petition-independent-access-to-velmora/index.html\"") &&
	      strstr(s, "href=\"../../../articles/"
	                "open-letter-on-independent-access/index.html\"") &&
	      strstr(s, "href=\"../../../css/site.css\""));
	free(s);

	/* A title: the article's three periods' pages are rendered (they
	 * link to it) and written, no other date archive. */
	before = manifest();
	dates_after("UPDATE articles SET title = 'The gate was locked' WHERE "
	            "slug = 'the-gate-was-always-locked'",
	            false,
	            "2020/02/27/index.html 2020/02/index.html 2020/index.html");
	if (before != NULL)
		check_renders("date archives", before, gate, en);
	free(before);
	CHECK(file_holds("2020/02/27/index.html", "The gate was locked"));
	CHECK(same_as_fresh_export());

	/* Moved to another day: the old day and month, left empty, go; the
	 * old year and the new periods change. */
	dates_after("UPDATE articles SET published_at = "
	            "unixepoch('2021-03-08 12:00') WHERE slug = "
	            "'the-gate-was-always-locked'",
	            true,
	            "-2020/02/27/index.html -2020/02/index.html "
	            "2020/index.html 2021/03/08/index.html "
	            "2021/03/index.html 2021/index.html");
	CHECK(!exists("2020/02") && exists("2020/index.html"));

	/* Ten published on one day, an eleventh a draft: 21 June 2021, its
	 * month and its year get a second page. */
	dates_after("INSERT INTO articles (edition_id, slug, title, body_html, "
	            "state, published_at, created_at, updated_at) WITH "
	            "RECURSIVE h(n) AS (SELECT 8 UNION ALL SELECT n + 1 FROM h "
	            "WHERE n < 17) SELECT 1, 'june-21-' || n, 'At ' || n, "
	            "'<p>x</p>', 'published', unixepoch('2021-06-21 08:00') + "
	            "(n - 8) * 3600, 0, 0 FROM h; "
	            "INSERT INTO articles (edition_id, slug, title, body_html, "
	            "state, published_at, created_at, updated_at) VALUES (1, "
	            "'june-21-late', 'Late', '<p>x</p>', 'draft', "
	            "unixepoch('2021-06-21 18:30'), 0, 0)",
	            true,
	            "2021/06/21/index.html 2021/06/21/page/2/index.html "
	            "2021/06/index.html 2021/06/page/2/index.html "
	            "2021/index.html 2021/page/2/index.html");
	s = read_out("2021/06/21/index.html");
	CHECK(s != NULL && strstr(s, "href=\"page/2/index.html\""));
	free(s);
	CHECK(file_holds("2021/06/21/page/2/index.html",
	                 "href=\"../../index.html\""));
	/* An excerpt on a second page: those pages only. */
	dates_after("UPDATE articles SET excerpt = 'The earliest of the day' "
	            "WHERE slug = 'june-21-8'",
	            false,
	            "2021/06/21/page/2/index.html 2021/06/page/2/index.html "
	            "2021/page/2/index.html");
	CHECK(file_holds("2021/page/2/index.html", "The earliest of the day"));
	/* The draft published: every page after it shifts; withdrawn: back. */
	dates_after("UPDATE articles SET state = 'published' WHERE slug = "
	            "'june-21-late'",
	            true,
	            "2021/06/21/index.html 2021/06/21/page/2/index.html "
	            "2021/06/index.html 2021/06/page/2/index.html "
	            "2021/index.html 2021/page/2/index.html");
	CHECK(same_as_fresh_export());
	dates_after("UPDATE articles SET state = 'draft' WHERE slug = "
	            "'june-21-late'",
	            true,
	            "2021/06/21/index.html 2021/06/21/page/2/index.html "
	            "2021/06/index.html 2021/06/page/2/index.html "
	            "2021/index.html 2021/page/2/index.html");
	/* Deleted: the second pages go. */
	dates_after("DELETE FROM articles WHERE slug LIKE 'june-21-%'", true,
	            "-2021/06/21/page/2/index.html -2021/06/page/2/index.html "
	            "-2021/page/2/index.html 2021/06/21/index.html "
	            "2021/06/index.html 2021/index.html");
	dates_after("UPDATE articles SET published_at = "
	            "unixepoch('2020-02-27 10:30') WHERE slug = "
	            "'the-gate-was-always-locked'",
	            true,
	            "2020/02/27/index.html 2020/02/index.html "
	            "2020/index.html 2021/03/08/index.html "
	            "2021/03/index.html 2021/index.html");

	/* The site's time zone: 10:00 UTC on 20 November is midnight on the
	 * 21st at UTC+14. */
	dates_after("UPDATE settings SET value = 'Pacific/Kiritimati' WHERE "
	            "key = 'timezone'",
	            true, NULL);
	CHECK(!exists("2026/11/20") && exists("2026/11/21/index.html") &&
	      file_holds("2026/11/21/index.html",
	                 "seven-years-of-homeward-watch"));
	sql("UPDATE settings SET value = 'UTC' WHERE key = 'timezone'");
	CHECK(run_export() == 0);
	CHECK(exists("2026/11/20/index.html") && !exists("2026/11/21"));

	/* Every link of every page, the date archives' too, leads to a
	 * file. */
	links_checked = links_bad = 0;
	check_tree("");
	CHECK(links_bad == 0);
	CHECK(same_as_fresh_export());
}

/* A symbolic link planted in the folder is never followed. */
static void
test_symlink(void)
{
	char path[1024], cmd[2048];
	DIR *d;
	struct dirent *de;
	int entries = 0;

	snprintf(scratch, sizeof(scratch), "%s/elsewhere", driver_dir);
	CHECK(mkdir(scratch, 0755) == 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s/tag'", out);
	CHECK(system(cmd) == 0);
	snprintf(path, sizeof(path), "%s/tag", out);
	CHECK(symlink(scratch, path) == 0);
	CHECK(run_export() == 1);
	CHECK(strstr(err, "tag/") != NULL);
	CHECK((d = opendir(scratch)) != NULL);
	while (d && (de = readdir(d)) != NULL)
		entries += de->d_name[0] != '.';
	if (d)
		closedir(d);
	CHECK(entries == 0);
	/* The manifest still lists everything: fix the folder and go on. */
	CHECK(unlink(path) == 0);
	CHECK(run_export() == 0);
	CHECK(exists("tag/letters/index.html"));
}

/* Returns the bytes of path (malloc'd) and sets *len. */
static char *
snapshot(const char *path, size_t *len)
{
	char *s = test_read_file(path, len);

	return s ? s : strdup("");
}

/* Bad input: refused (2), nothing made or changed. */
static void
test_bad_input(void)
{
	char db[600], other[600], text[600], fresh[600], cmd[2048];
	char *before, *after;
	size_t blen, alen;
	sqlite3 *h = NULL;
	FILE *f;
	struct stat st;

	snprintf(fresh, sizeof(fresh), "%s/fresh", driver_dir);
	/* A database that is not there is not made. */
	snprintf(db, sizeof(db), "%s/missing.db", driver_dir);
	CHECK(export_to(db, fresh, uploads) == 2);
	CHECK(strstr(err, "cannot read") != NULL);
	CHECK(stat(db, &st) != 0 && stat(fresh, &st) != 0);

	/* Another program's database is not touched (not even put in WAL
	 * mode). */
	snprintf(other, sizeof(other), "%s/other.db", driver_dir);
	CHECK(sqlite3_open(other, &h) == SQLITE_OK);
	CHECK(sqlite3_exec(h, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
	                   NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(h);
	before = snapshot(other, &blen);
	CHECK(export_to(other, fresh, uploads) == 2);
	CHECK(strstr(err, "not a Gazette database") != NULL);
	after = snapshot(other, &alen);
	CHECK(blen == alen && memcmp(before, after, blen) == 0);
	free(before);
	free(after);
	snprintf(cmd, sizeof(cmd), "%s-wal", other);
	CHECK(stat(cmd, &st) != 0 && stat(fresh, &st) != 0);

	/* A text file. */
	snprintf(text, sizeof(text), "%s/notes.txt", driver_dir);
	CHECK((f = fopen(text, "w")) != NULL);
	if (f) {
		fputs("not a database\n", f);
		fclose(f);
	}
	CHECK(export_to(text, fresh, uploads) == 2);
	CHECK(stat(fresh, &st) != 0);

	/* The output is a file. */
	CHECK(export_to(getenv("TEST_DB"), text, uploads) == 2);
	CHECK(strstr(err, "not a folder") != NULL);

	/* A folder with something in it and no manifest. */
	snprintf(cmd, sizeof(cmd),
	         "mkdir -p '%s/theirs' && echo keep > "
	         "'%s/theirs/index.html'",
	         driver_dir, driver_dir);
	CHECK(system(cmd) == 0);
	snprintf(fresh, sizeof(fresh), "%s/theirs", driver_dir);
	CHECK(export_to(getenv("TEST_DB"), fresh, uploads) == 2);
	CHECK(strstr(err, "export-static did not make") != NULL);
	snprintf(cmd, sizeof(cmd), "%s/theirs/index.html", driver_dir);
	before = snapshot(cmd, &blen);
	CHECK(blen == 5 && memcmp(before, "keep\n", 5) == 0);
	free(before);
	snprintf(cmd, sizeof(cmd), "%s/theirs/css", driver_dir);
	CHECK(stat(cmd, &st) != 0);

	/* A damaged manifest: nothing removed on its word. */
	snprintf(cmd, sizeof(cmd), "%s/theirs/" EXPORT_MANIFEST, driver_dir);
	CHECK((f = fopen(cmd, "w")) != NULL);
	if (f) {
		fputs("gazette-export 1\n- 5 ../../etc/passwd\n", f);
		fclose(f);
	}
	CHECK(export_to(getenv("TEST_DB"), fresh, uploads) == 2);
	CHECK(strstr(err, "damaged") != NULL);
	CHECK((f = fopen(cmd, "w")) != NULL);
	if (f) {
		fputs("something else\n", f);
		fclose(f);
	}
	CHECK(export_to(getenv("TEST_DB"), fresh, uploads) == 2);
	snprintf(cmd, sizeof(cmd), "%s/theirs/index.html", driver_dir);
	CHECK(stat(cmd, &st) == 0 && st.st_size == 5);

	/* The starter site has uploads: their folder is required. */
	snprintf(fresh, sizeof(fresh), "%s/fresh", driver_dir);
	CHECK(export_to(getenv("TEST_DB"), fresh, NULL) == 2);
	CHECK(strstr(err, "--uploads") != NULL);
	CHECK(export_to(getenv("TEST_DB"), fresh, text) == 2);
	CHECK(stat(fresh, &st) != 0);
}

int
main(void)
{
	const char *src = getenv("GAZETTE_SOURCE");
	char cmd[2048];

	if (src == NULL)
		src = ".";
	driver_create();
	driver_start();
	snprintf(out, sizeof(out), "%s/site", driver_dir);
	snprintf(uploads, sizeof(uploads), "%s/uploads", driver_dir);
	snprintf(www, sizeof(www), "%s/www", src);
	snprintf(cmd, sizeof(cmd),
	         "mkdir -p '%s' && cp -R '%s/demo/images' "
	         "'%s/demo'",
	         uploads, src, uploads);
	CHECK(system(cmd) == 0);

	test_bad_input();
	test_first();
	test_again();
	test_ssi();
	test_edit();
	test_full_again();
	test_editions();
	test_feed_changes();
	test_linked_from_body();
	test_date_archives();
	test_delete();
	test_symlink();
	driver_stop();
	TEST_DONE();
}
