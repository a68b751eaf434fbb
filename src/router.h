/*
 * router.h: the route table and the checks run before any handler.
 */
#ifndef GAZETTE_ROUTER_H
#define GAZETTE_ROUTER_H

#include <stddef.h>

#include "app.h"
#include "auth/session.h"

enum route_flag {
	R_PUBLIC = 1 << 0,  /* a public page: cacheable, ETag/Last-Modified */
	R_EDITION = 1 << 1, /* also served under each edition's prefix */
};

struct route {
	enum http_method method; /* GET routes also answer HEAD */
	const char *pattern;     /* "/category/{slug}/page/{n}" */
	handler_fn handler;
	unsigned flags;
};

extern const struct route router_table[];
extern const size_t router_table_count;

/*
 * Matches path against pattern.  Parameters: {n} a page number (1 to
 * 1,000,000, no leading zero), {id} a positive 64-bit integer, {rev} a
 * second one (a revision of the article {id}), {slug} a slug
 * (slug_valid()), {year} four digits 1000-9999, {month} two digits
 * 01-12, {day} two digits 01-31; each at most once, and {n} and {id} not
 * together.  A
 * parameter takes its whole path segment, less any fixed text that
 * follows it in the pattern's segment ("{n}.xml").  On a
 * match fills req->param_* and returns 1; else 0.  Returns -1 when the
 * pattern itself is malformed.
 */
int router_match(const char *pattern, const char *path, struct req *req);

/*
 * Routes req (already parsed): strips the edition prefix into
 * req->edition, redirects non-canonical paths, checks the method and the
 * route's flags, and calls the handler.  Returns what the handler returns,
 * or 301 (redirect set), 404 or 405 (Allow set).
 */
int router_dispatch(struct app *app, struct req *req, struct resp *resp);

/*
 * Returns whether seg may not be the slug of a page (/{slug}): it is the
 * fixed first segment of a route in the table ("admin", "articles", "tag",
 * "_partials", …), one that DESIGN.md gives to a feature still to come
 * ("search", "media", "feed.atom", "uploads", …), or an edition's prefix
 * or code ("ar").  seg is empty for the home page ("/"), which is reserved
 * too.  "contact" is not: /contact shows the page of that slug above its
 * form.
 */
bool router_segment_reserved(const struct site *site, const char *seg);

#endif
