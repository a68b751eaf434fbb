/*
 * search.c: /search?q=, the full-text search of an edition's published
 * articles and pages (the index: sql/021_search_pages.sql; the query:
 * db/search_db.c; the reader's text made into an FTS5 expression:
 * util/search_query.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/search_db.h"
#include "../render/html.h"
#include "../util/buf.h"
#include "../util/search_query.h"
#include "handlers.h"

/* Results a page; fixed, unlike listings' posts_per_page. */
#define SEARCH_PER_PAGE 10

/* The highest page number a link may ask for. */
#define SEARCH_MAX_PAGE 1000

/* Returns text's pieces (matches marked) as a list of {text, mark}. */
static struct tval *
marked_pieces(struct arena *a, const char *text)
{
	struct search_piece *p;
	struct tval *list = tv_list(a);
	size_t n, i;

	search_pieces(a, text, strlen(text), &p, &n);
	for (i = 0; i < n; i++) {
		struct tval *m = tv_map(a);

		tv_set(a, m, "text", tv_strn(a, p[i].text, p[i].len));
		tv_set_bool(a, m, "mark", p[i].mark);
		tv_push(a, list, m);
	}
	return list;
}

/* Returns the URL of page n of the results for q (n == 1: no page). */
static const char *
page_url(struct req *req, const char *q, long long n)
{
	struct buf b;
	char *url;

	buf_init(&b);
	buf_puts(&b, frame_prefix(req));
	buf_puts(&b, "/search?q=");
	html_url_component(&b, q, strlen(q));
	if (n > 1) {
		buf_puts(&b, "&page=");
		buf_put_uint(&b, (unsigned long long)n, 1);
	}
	url = arena_strndup(req->arena, b.data, b.len);
	buf_free(&b);
	return url;
}

/* Parses the page parameter: 1 when absent, 0 when not a page number. */
static long long
page_number(const char *s)
{
	char *end;
	long long n;

	if (s == NULL)
		return 1;
	if (*s < '1' || *s > '9')
		return 0;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > SEARCH_MAX_PAGE)
		return 0;
	return n;
}

/*
 * GET /search?q=TEXT&page=N (every edition, public): the edition's
 * published articles and pages matching every word of q (the last also as
 * a prefix), in one list, 10 a page, best first, each with its title
 * linking to its own address (/articles/SLUG, or the page's /SLUG under
 * the edition's prefix) and a snippet of its body, the matches in <mark>;
 * an article also with its category and date, a page with neither.
 * Without q (or with only punctuation) the page shows the search box and
 * a prompt (or "no results").  Any q is text, never FTS5 syntax.  The
 * answer is an ordinary public page (ETag, no-cache), like every listing.
 * Statuses: 200; 400 (q longer than SEARCH_QUERY_MAX_BYTES, shown with
 * the box and a message; page not a number from 1 to 1000); 404 (a page
 * past the last); 500.
 */
int
search_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	const char *q = req_query(req, "q");
	long long n = page_number(req_query(req, "page"));
	struct search_hit *hits = NULL;
	struct tval *ctx, *list;
	const char *expr, *message = NULL;
	size_t count = 0, i;
	int status = 200;

	if (n == 0)
		return 400;
	if (q == NULL)
		q = "";
	if (strlen(q) > SEARCH_QUERY_MAX_BYTES) {
		status = 400;
		message = "search_too_long";
		expr = NULL;
	} else {
		expr = search_query_build(a, q, strlen(q));
		if (expr == NULL)
			message = q[0] ? "search_none" : "search_prompt";
	}
	if (expr != NULL) {
		if (search_db_find(app->db, a, req->edition->id, expr,
		                   (long long)time(NULL),
		                   (n - 1) * SEARCH_PER_PAGE,
		                   SEARCH_PER_PAGE + 1, &hits, &count) < 0)
			return 500;
		if (count == 0 && n > 1)
			return 404;
		if (count == 0)
			message = "search_none";
	} else if (n > 1) {
		return 404;
	}
	ctx = frame_context(app, req, resp,
	                    edition_string(req->edition, "search_results"));
	if (ctx == NULL)
		return 500;
	tv_set_str(a, ctx, "query", q);
	if (message != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message));
	list = tv_list(a);
	for (i = 0; i < count && i < SEARCH_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		if (hits[i].page) {
			/* No summary: the template shows no category, date
			 * or meta line (false, so that the name is not
			 * looked up in the enclosing context). */
			tv_set_bool(a, m, "summary", false);
			tv_set_str(a, m, "url",
			           arena_concat(a, frame_prefix(req), "/",
			                        hits[i].slug, NULL));
		} else {
			const struct tval *summary =
			    frame_article_summary(app, req, hits[i].id);

			if (summary == NULL)
				return 500;
			tv_set_shared(a, m, "summary", summary);
			tv_set_str(a, m, "url",
			           arena_concat(a, frame_prefix(req),
			                        "/articles/", hits[i].slug,
			                        NULL));
		}
		tv_set(a, m, "title_pieces", marked_pieces(a, hits[i].title));
		tv_set(a, m, "snippet", marked_pieces(a, hits[i].snippet));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "results", list);
	if (n > 1) {
		tv_set_int(a, ctx, "page", n);
		tv_set_str(a, ctx, "newer_url", page_url(req, q, n - 1));
	}
	if (count > SEARCH_PER_PAGE)
		tv_set_str(a, ctx, "older_url", page_url(req, q, n + 1));
	return app_render(app, resp, status, "search", ctx);
}
