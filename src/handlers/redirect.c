/*
 * redirect.c: old WordPress addresses (the importer's redirects table)
 * answered with 301 to where their content is now.  The router calls it
 * only when no route matched, for a path ending in '/', and for "/" with
 * one of WordPress's query forms, so the routes of the site always win;
 * a page that is not there (/{slug}: "/feed", "/about-us") asks it too.
 * WordPress's search and feed queries need no import: "/?s=words" leads
 * to /search?q=words and "/?feed=rss2" (or rss, atom) to the feed.
 */
#include <string.h>

#include "../db/redirect_db.h"
#include "../render/html.h"
#include "../util/buf.h"
#include "handlers.h"

/* WordPress's query forms of an address, in the order tried. */
static const char *const query_forms[] = {"p", "page_id", "attachment_id",
                                          "cat"};

/* Whether s is 1 to 19 digits. */
static bool
all_digits(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n < 20 && s[n] == '\0';
}

/*
 * Writes into a the key a path is kept under: without its trailing
 * slashes ("/" stays), or "/?p=12" for "/" with a query form.  NULL when
 * the request has nothing to look up.
 */
static const char *
lookup_key(struct req *req)
{
	size_t len = strlen(req->path);

	if (strcmp(req->path, "/") == 0) {
		for (size_t i = 0;
		     i < sizeof(query_forms) / sizeof(query_forms[0]); i++) {
			const char *v = req_query(req, query_forms[i]);

			if (v != NULL && all_digits(v))
				return arena_concat(req->arena, "/?",
				                    query_forms[i], "=", v,
				                    NULL);
		}
		return NULL;
	}
	while (len > 1 && req->path[len - 1] == '/')
		len--;
	return arena_strndup(req->arena, req->path, len);
}

/*
 * The same path without WordPress's size suffix ("x-300x200.jpg" is a
 * size of "x.jpg"), or NULL when it has none.
 */
static const char *
without_size(struct arena *a, const char *path)
{
	const char *dot = strrchr(path, '.'), *p, *dash;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return NULL;
	p = dot;
	while (p > path && p[-1] >= '0' && p[-1] <= '9')
		p--;
	if (p == dot || p == path || p[-1] != 'x')
		return NULL;
	dash = --p;
	while (dash > path && dash[-1] >= '0' && dash[-1] <= '9')
		dash--;
	if (dash == p || dash == path || dash[-1] != '-')
		return NULL;
	return arena_concat(
	    a, arena_strndup(a, path, (size_t)(dash - 1 - path)), dot, NULL);
}

/* Returns location for the Location header (slugs may be Greek or
 * Arabic); see handlers.h. */
const char *
redirect_ascii_location(struct arena *a, const char *location)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;
	char *out, *o;

	for (const char *p = location; *p; p++)
		n += ((unsigned char)*p > 0x20 && (unsigned char)*p < 0x7f) ? 1
		                                                            : 3;
	out = o = arena_alloc(a, n + 1);
	for (const unsigned char *p = (const unsigned char *)location; *p;
	     p++) {
		if (*p > 0x20 && *p < 0x7f) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

/*
 * Returns where WordPress's search or feed query on "/" leads ("/?s=x",
 * "/?feed=rss2"), in a, or NULL when the request is neither.
 */
static const char *
query_location(struct req *req)
{
	const char *s = req_query(req, "s"), *feed = req_query(req, "feed");
	struct buf b;
	char *out;

	if (strcmp(req->path, "/") != 0)
		return NULL;
	if (feed != NULL &&
	    (strcmp(feed, "rss2") == 0 || strcmp(feed, "rss") == 0 ||
	     strcmp(feed, "atom") == 0))
		return feed[0] == 'a' ? "/feed.atom" : "/feed.rss";
	if (s == NULL)
		return NULL;
	buf_init(&b);
	buf_puts(&b, "/search?q=");
	html_url_component(&b, s, strlen(s));
	out = arena_strndup(req->arena, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Answers an old address; see handlers.h. */
int
redirect_old_link(struct app *app, struct req *req, struct resp *resp)
{
	const char *key, *location = NULL;
	int rc;

	if (req->method != HTTP_GET && req->method != HTTP_HEAD)
		return 404;
	if ((location = query_location(req)) != NULL)
		return resp_redirect(resp, 301, location) < 0 ? 500 : 301;
	if ((key = lookup_key(req)) == NULL)
		return 404;
	rc = redirect_db_find(app->db, req->arena, key, &location);
	if (rc == 1 && strncmp(key, "/wp-content/uploads/", 20) == 0 &&
	    (key = without_size(req->arena, key)) != NULL)
		rc = redirect_db_find(app->db, req->arena, key, &location);
	if (rc < 0)
		return 500;
	if (rc == 1)
		return 404;
	return resp_redirect(resp, 301,
	                     redirect_ascii_location(req->arena, location)) < 0
	           ? 500
	           : 301;
}
