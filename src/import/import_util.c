/*
 * import_util.c: the importer's small helpers (see import_internal.h): a
 * string map, the summary's counters, slugs, dates, titles and old
 * addresses as WordPress writes them, and the redirect each becomes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "../db/import_db.h"
#include "../http/request.h"
#include "../util/buf.h"
#include "../util/calendar.h"
#include "../util/slug.h"
#include "import_internal.h"

/* djb2 over a string: the string map's hash. */
static unsigned long
hash_str(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* Finds key; returns its slot's value pointer or NULL. */
long long *
import_smap_get(struct import_smap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = hash_str(key) & (m->cap - 1); m->keys[i] != NULL;
	     i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0)
			return &m->vals[i];
	return NULL;
}

/* Sets key (copied into a) to v. */
void
import_smap_put(struct arena *a, struct import_smap *m, const char *key,
                long long v)
{
	long long *slot;
	size_t i;

	if ((slot = import_smap_get(m, key)) != NULL) {
		*slot = v;
		return;
	}
	if ((m->count + 1) * 2 > m->cap) {
		struct import_smap n = {0};

		n.cap = m->cap ? m->cap * 2 : 64;
		n.keys = arena_calloc(a, n.cap, sizeof(*n.keys));
		n.vals = arena_calloc(a, n.cap, sizeof(*n.vals));
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL)
				import_smap_put(a, &n, m->keys[i], m->vals[i]);
		*m = n;
	}
	for (i = hash_str(key) & (m->cap - 1); m->keys[i] != NULL;
	     i = (i + 1) & (m->cap - 1))
		;
	m->keys[i] = arena_strdup(a, key);
	m->vals[i] = v;
	m->count++;
}

/* Copies a possibly long string into a fixed buffer, cut safely. */
void
import_copy_cut(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Counts one skipped thing under reason, keeping a first example. */
void
import_skip(struct importer *im, const char *reason, const char *example)
{
	struct import_summary *s = im->sum;
	size_t i;

	for (i = 0; i < s->skips_count; i++)
		if (strcmp(s->skips[i].reason, reason) == 0)
			break;
	if (i == s->skips_count) {
		if (i == IMPORT_REASONS_MAX)
			i--; /* the last slot gathers the rest */
		else
			s->skips_count++;
		import_copy_cut(s->skips[i].reason, sizeof(s->skips[i].reason),
		                reason);
		import_copy_cut(s->skips[i].example,
		                sizeof(s->skips[i].example),
		                example ? example : "");
	}
	s->skips[i].count++;
}

/* Marks the run failed (the database or a file); returns -1. */
int
import_fail(struct importer *im, const char *what)
{
	if (!im->failed)
		import_copy_cut(im->failure, sizeof(im->failure), what);
	im->failed = true;
	return -1;
}

/* Counts a row put: rc 1 inserted, 0 updated. */
void
import_counted(struct import_count *c, int rc)
{
	if (rc == 1)
		c->imported++;
	else if (rc == 0)
		c->updated++;
}

/* Percent-decodes s (WordPress writes slugs of other scripts encoded);
 * s itself when it does not decode to clean UTF-8. */
const char *
import_decoded(struct arena *a, const char *s)
{
	char *out;
	size_t len;

	if (strchr(s, '%') == NULL)
		return s;
	if (http_percent_decode(a, s, strlen(s), false, &out, &len) != 0 ||
	    strlen(out) != len || !utf8_valid(out, len))
		return s;
	return out;
}

/* A slug of ours for a WordPress slug (decoded) or, failing that, text. */
const char *
import_slug(struct arena *a, const char *wp_slug, const char *text)
{
	const char *s = import_decoded(a, wp_slug);

	if (s[0] != '\0' && slug_valid(s, strlen(s)))
		return s;
	if (s[0] != '\0' && (s = slug_make(a, s, strlen(s)))[0] != '\0')
		return s;
	return slug_make(a, text, strlen(text));
}

/*
 * "YYYY-MM-DD HH:MM:SS" (the time may be cut short) as UTC seconds; 0,
 * meaning no date, when empty, WordPress's "0000-00-00 00:00:00" for a
 * date never set, or not a date and time of the calendar (30 February,
 * 25:00: cal_wall_time_valid, the admin editor's check too), so that the
 * caller falls back to the next date it has rather than to one timegm
 * would make up.
 */
long long
import_date(const char *s)
{
	struct cal_date g;
	int h = 0, mi = 0, sec = 0;
	long long days;

	if (sscanf(s, "%d-%d-%d %d:%d:%d", &g.year, &g.month, &g.day, &h, &mi,
	           &sec) < 3 ||
	    !cal_wall_time_valid(&g, h, mi, sec) ||
	    cal_days_from_gregorian(&g, &days) < 0)
		return 0;
	return days * 86400 + h * 3600 + mi * 60 + sec;
}

/* An RSS pubDate ("Fri, 27 Nov 2026 17:02:58 +0000") as UTC seconds. */
static long long
parse_rfc822(const char *s)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%a, %d %b %Y %H:%M:%S %z", &tm);
	if (end == NULL ||
	    !cal_wall_time_valid(&(struct cal_date){tm.tm_year + 1900,
	                                            tm.tm_mon + 1, tm.tm_mday},
	                         tm.tm_hour, tm.tm_min, tm.tm_sec))
		return 0;
	return (long long)timegm(&tm) - tm.tm_gmtoff;
}

/* The item's time in UTC: GMT date, else its local date, else pubDate. */
long long
import_item_time(const struct wxr_item *it)
{
	long long t = import_date(it->post_date_gmt);

	if (t == 0)
		t = import_date(it->post_date);
	if (t == 0)
		t = parse_rfc822(it->pub_date);
	return t;
}

/* The text of an HTML fragment; see import.h. */
static void
text_walk(struct buf *b, xmlNode *n)
{
	static const char *const blocks[] = {
	    "p",  "div", "br", "li",    "h1",         "h2",  "h3", "h4",
	    "h5", "h6",  "tr", "table", "blockquote", "pre", "ul", "ol"};

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			buf_puts(b, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE) {
			if (strcmp((const char *)n->name, "script") == 0 ||
			    strcmp((const char *)n->name, "style") == 0)
				continue;
			text_walk(b, n->children);
			for (size_t i = 0; i < sizeof(blocks) / sizeof(*blocks);
			     i++)
				if (strcmp((const char *)n->name, blocks[i]) ==
				    0) {
					buf_putc(b, '\n');
					break;
				}
		}
	}
}

/* The text of an HTML fragment; see import.h. */
const char *
import_html_text(struct arena *a, const char *html, size_t len,
                 bool single_line)
{
	struct buf b, out;
	htmlDocPtr doc;
	const char *p;
	char *res;
	int newlines = 0;
	bool space = false;

	if (memchr(html, '<', len) == NULL && memchr(html, '&', len) == NULL &&
	    memchr(html, '\n', len) == NULL)
		return arena_strndup(a, html, len);
	buf_init(&b);
	doc = htmlReadMemory(html, (int)(len > 0x7fffffff ? 0x7fffffff : len),
	                     NULL, "UTF-8",
	                     HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                         HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
	if (doc != NULL) {
		text_walk(&b, xmlDocGetRootElement(doc) ? doc->children : NULL);
		xmlFreeDoc(doc);
	}
	buf_init(&out);
	for (p = b.data ? b.data : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\n' || c == '\r') {
			newlines++;
			continue;
		}
		if (c == ' ' || c == '\t' ||
		    (c == 0xc2 && (unsigned char)p[1] == 0xa0 && single_line)) {
			if (c == 0xc2)
				p++;
			space = true;
			continue;
		}
		if (c < 0x20)
			continue;
		if (out.len > 0) {
			if (newlines > 0 && !single_line)
				buf_puts(&out, newlines > 1 ? "\n\n" : "\n");
			else if (newlines > 0 || space)
				buf_putc(&out, ' ');
		}
		newlines = 0;
		space = false;
		buf_putc(&out, (char)c);
	}
	res = arena_strndup(a, out.data ? out.data : "", out.len);
	buf_free(&b);
	buf_free(&out);
	return res;
}

/* The item's title as plain text, "" when it has none. */
const char *
import_title(struct arena *a, const char *title)
{
	return import_html_text(a, title, strlen(title), true);
}

/*
 * The path of an old address, percent-decoded, without trailing slashes
 * ("/" stays), keeping only WordPress's query forms ("/?p=12"); NULL when
 * it has none worth keeping.
 */
const char *
import_old_path(struct arena *a, const char *url)
{
	const char *p = strstr(url, "://"), *q;
	char *path;
	size_t len;

	if (p != NULL) {
		p = strchr(p + 3, '/');
		if (p == NULL)
			return NULL;
	} else if (url[0] == '/') {
		p = url;
	} else {
		return NULL;
	}
	if ((q = strchr(p, '#')) != NULL)
		p = arena_strndup(a, p, (size_t)(q - p));
	q = strchr(p, '?');
	if (http_percent_decode(a, p, q ? (size_t)(q - p) : strlen(p), false,
	                        &path, &len) != 0 ||
	    strlen(path) != len || !utf8_valid(path, len))
		return NULL;
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	if (q != NULL) {
		static const char *const forms[] = {
		    "p=", "page_id=", "attachment_id=", "cat="};

		/* "/blog/?p=12" (a site in a folder) names a post by its
		 * query, which only "/" is looked up with: not kept. */
		if (strcmp(path, "/") != 0)
			return NULL;
		for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
			size_t n = strlen(forms[i]);
			size_t d = strspn(q + 1 + n, "0123456789");

			if (strncmp(q + 1, forms[i], n) == 0 && d > 0 &&
			    q[1 + n + d] == '\0')
				return arena_concat(a, "/", q, NULL);
		}
		return NULL;
	}
	if (strcmp(path, "/") == 0)
		return NULL; /* the home page is the home page */
	return path;
}

/* Adds the redirect of an old address (NULL: nothing) unless it is the
 * target's own address. */
int
import_redirect(struct importer *im, const char *path, const char *kind,
                long long id, const char *url, const char *own)
{
	if (path == NULL || path[0] != '/' || strlen(path) > 2000)
		return 0;
	if (own != NULL && strcmp(path, own) == 0)
		return 0;
	if (import_db_redirect(im->db, path, kind, id, url, im->o->now) < 0)
		return import_fail(im, "cannot write a redirect");
	im->sum->redirects++;
	return 0;
}

/* The postmeta value of key, or NULL. */
const char *
import_meta(const struct wxr_item *it, const char *key)
{
	for (size_t i = 0; i < it->meta_count; i++)
		if (strcmp(it->meta[i].key, key) == 0)
			return it->meta[i].value;
	return NULL;
}

/* The item's key in the import map: its id, else its guid or link. */
const char *
import_item_key(struct arena *a, const struct wxr_item *it)
{
	if (it->post_id > 0)
		return arena_printf(a, "%lld", it->post_id);
	if (it->guid[0] != '\0')
		return it->guid;
	if (it->link[0] != '\0')
		return it->link;
	return NULL;
}
