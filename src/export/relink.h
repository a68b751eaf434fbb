/*
 * relink.h: the link rewriter of export-static.  It reads a rendered page
 * and writes it again with every link into the site (href, src, srcset,
 * action, poster) made relative to the page's own file and pointing at a
 * file (".../index.html" for a page), so the copy works from file://, a
 * static host or a mirror; it replaces each form that needs the server
 * with a notice.  It also says where a URL path is written on disk.
 * Pure functions over bytes: no I/O, no database (export.c does that).
 */
#ifndef GAZETTE_RELINK_H
#define GAZETTE_RELINK_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

/* Longest URL path relink resolves or maps to a file (bytes, encoded). */
#define RELINK_PATH_MAX 2048

/* What relink_html needs to know about the page it rewrites. */
struct relink_page {
	/* The base URL's "scheme://host[:port]" in lower case, or "": an
	 * absolute link there is a link into the site. */
	const char *origin;
	/* The page's URL path as requested ("/articles/x"): relative links
	 * written in it are resolved against it. */
	const char *path;
	/* The page's file under the output folder, decoded
	 * ("articles/x/index.html"): links are made relative to it. */
	const char *file;
	/* HTML put where each form that sends to the site was (its action
	 * is empty or inside the site): already escaped. */
	const char *notice_html;
	/*
	 * Called for each link into the site with its path (encoded as
	 * written, dot segments removed, without query or fragment, never
	 * empty).  Writes the file it should point at (decoded, relative to
	 * the output folder) into file_out and returns 0, or returns -1 to
	 * leave the link as it was written.
	 */
	int (*target)(void *ctx, const char *path, struct buf *file_out);
	void *ctx;
};

/*
 * Appends html (len bytes) to out with its links rewritten and its forms
 * replaced, as described above.  A link whose rel says "canonical" keeps
 * its absolute address (search engines want it so); script and style
 * contents, comments and meta content are copied unchanged.  Returns the
 * number of forms replaced.
 */
size_t relink_html(const struct relink_page *p, const char *html, size_t len,
                   struct buf *out);

/*
 * Calls target (as relink_html would, file_out then ignored) for every
 * address into the site that an XML document (a feed, a sitemap) names in
 * a <loc> element (a sitemap), a <link> element (RSS) or an href attribute
 * (Atom), without changing it: feeds and sitemaps keep absolute URLs, as
 * their formats require.  So a feed's links are the articles it lists.
 */
void relink_xml_links(const struct relink_page *p, const char *xml, size_t len);

/*
 * Resolves the URL u (len bytes, attribute entities already decoded) as
 * written on the page at page_path.  When it leads into the site, writes
 * its path (encoded, dot segments removed, at least "/") into path, sets
 * *fragment to the '#' that starts its fragment in u (or NULL) and
 * returns true; returns false for other sites, other schemes (mailto:,
 * data:), a bare fragment, and paths longer than RELINK_PATH_MAX.
 */
bool relink_resolve(const char *origin, const char *page_path, const char *u,
                    size_t len, struct buf *path, const char **fragment);

/*
 * Writes the file a page's URL path is saved as, decoded and relative to
 * the output folder: "index.html" for "/", "a/b/index.html" for "/a/b" or
 * "/a/b/", and the path itself for names ending in .xml, .atom, .rss,
 * .txt or .json ("feed.atom").  When as_file is true the path is always
 * taken as a file's ("uploads/2026/01/x.jpg").  Returns 0, or -1 when the
 * path cannot be a file under the folder: not starting with '/', an
 * encoded '/' or NUL, control characters, a bad %-escape, "." or ".."
 * segments, empty segments, a segment over 255 bytes or a dot file.
 */
int relink_file_for_path(const char *path, size_t len, bool as_file,
                         struct buf *file);

/*
 * Appends to out the relative URL (percent-encoded) that leads from the
 * file from to the file to, both relative to the output folder and
 * decoded: "../../index.html" from "articles/x/index.html" to
 * "index.html".
 */
void relink_relative(const char *from, const char *to, struct buf *out);

#endif
