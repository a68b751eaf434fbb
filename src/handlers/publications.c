/*
 * publications.c: the public publications: books (each at its slug) and
 * the numbered issues of the newsletter and of the Pars Brief (each at its
 * number), as lists newest first (issues by number, books by date) with
 * Newer/Older pages, and a page each: cover, title, author and year or
 * number and date, the PDF to download or the outside link, the
 * description, an issue's table of contents (headings with excerpts, each
 * linking its article when one is named and published), share links.
 */
#include <string.h>

#include "../db/publication_db.h"
#include "handlers.h"

/* Publications on a page of a list. */
#define PUBLICATIONS_PER_PAGE 12

/* Covers of a list loaded at once. */
#define LIST_EAGER 2

static const struct frame_section kinds[] = {
    {"book", "/publications/books", "books"},
    {"newsletter", "/publications/newsletter", "newsletter"},
    {"brief", "/publications/pars-brief", "pars_brief"},
};

/* Returns the kind whose address the route matched, or NULL. */
static const struct frame_section *
kind_of(const struct req *req)
{
	return frame_section_of(req, kinds, sizeof(kinds) / sizeof(kinds[0]));
}

/* Returns a file's size as people read it ("12 KB", "1.4 MB"), in a. */
static const char *
file_size(struct arena *a, long long bytes)
{
	if (bytes < 1024)
		return arena_printf(a, "%lld B", bytes);
	if (bytes < 1024 * 1024)
		return arena_printf(a, "%lld KB", (bytes + 512) / 1024);
	return arena_printf(a, "%lld.%lld MB", bytes / (1024 * 1024),
	                    bytes % (1024 * 1024) * 10 / (1024 * 1024));
}

/* Describes a publication for a list or its page, at its address url. */
static struct tval *
pub_tval(struct app *app, struct req *req, const struct publication *p,
         const char *url)
{
	struct arena *a = req->arena;
	struct tval *m = tv_map(a);

	tv_set_str(a, m, "title", p->title);
	tv_set_str(a, m, "url", url);
	tv_set_int(a, m, "number", p->number);
	tv_set_str(a, m, "book_author", p->book_author);
	tv_set_int(a, m, "year", p->year);
	tv_set_str(a, m, "date", frame_date(app, req, p->published_at));
	tv_set_str(a, m, "datetime", frame_iso_date(a, p->published_at));
	tv_set_str(a, m, "pdf_url",
	           p->pdf_path[0]
	               ? arena_concat(a, "/uploads/", p->pdf_path, NULL)
	               : "");
	tv_set_str(a, m, "pdf_size", file_size(a, p->pdf_bytes));
	tv_set_str(a, m, "link", p->link);
	if (p->cover.path[0] != '\0')
		tv_set(a, m, "image", frame_media_image(app, a, &p->cover));
	return m;
}

/* Returns a publication's address below base (its list). */
static const char *
pub_url(struct arena *a, const char *base, const struct publication *p)
{
	return p->number > 0 ? arena_printf(a, "%s/%lld", base, p->number)
	                     : arena_concat(a, base, "/", p->slug, NULL);
}

/*
 * GET /publications/{books,newsletter,pars-brief} and …/page/{n}: the
 * published publications of the kind, 12 a page, newest first (issues by
 * number, books by date), each with its cover, number or author and
 * year, date and PDF link.
 * Statuses: 200, 301 (/page/1), 404 (past the end), 500.
 */
int
publication_list_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	const struct frame_section *k = kind_of(req);
	long long n = req->param_int_set ? req->param_int : 1;
	struct publication *pubs;
	size_t count, i;
	struct tval *ctx, *list;
	const char *base;

	if (k == NULL)
		return 404;
	base = arena_concat(a, frame_prefix(req), k->path, NULL);
	if (req->param_int_set && n == 1)
		return resp_redirect(resp, 301, base) < 0 ? 500 : 301;
	if (publication_db_list(app->db, a, req->edition->id, k->name,
	                        (n - 1) * PUBLICATIONS_PER_PAGE,
	                        PUBLICATIONS_PER_PAGE + 1, &pubs, &count) < 0)
		return 500;
	if (count == 0 && n > 1)
		return 404;
	ctx = frame_context(app, req, resp,
	                    edition_string(req->edition, k->label));
	if (ctx == NULL)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count && i < PUBLICATIONS_PER_PAGE; i++) {
		struct tval *m =
		    pub_tval(app, req, &pubs[i], pub_url(a, base, &pubs[i]));

		tv_set_bool(a, m, "eager", i < LIST_EAGER);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "items", list);
	tv_set_bool(a, ctx, "has_items", count > 0);
	tv_set_str(a, ctx, "heading", edition_string(req->edition, k->label));
	/* Each cover sits beside its publication's linked title. */
	tv_set_bool(a, ctx, "decorative", true);
	frame_pager(req, ctx, base, n, count > PUBLICATIONS_PER_PAGE);
	return app_render(app, resp, 200, "publications", ctx);
}

/* Renders the page of publication p of kind k (read with rc). */
static int
pub_page(struct app *app, struct req *req, struct resp *resp,
         const struct frame_section *k, const struct publication *p, int rc)
{
	struct arena *a = req->arena;
	const char *base, *url;
	struct toc_entry *toc;
	size_t count, i;
	struct tval *ctx, *m, *list;

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	if (publication_db_toc(app->db, a, p->id, &toc, &count) < 0)
		return 500;
	if ((ctx = frame_context(app, req, resp, p->title)) == NULL)
		return 500;
	base = arena_concat(a, frame_prefix(req), k->path, NULL);
	url = pub_url(a, base, p);
	m = pub_tval(app, req, p, url);
	tv_set_str(a, m, "list_url", base);
	tv_set_str(a, m, "list_name", edition_string(req->edition, k->label));
	tv_set(a, m, "description", tv_html(a, p->description));
	tv_set_bool(a, m, "eager", true);
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		struct tval *t = tv_map(a);

		tv_set_str(a, t, "heading", toc[i].heading);
		tv_set_str(a, t, "excerpt", toc[i].excerpt);
		tv_set_str(a, t, "url",
		           toc[i].article_slug[0]
		               ? arena_concat(a, frame_prefix(req),
		                              "/articles/", toc[i].article_slug,
		                              NULL)
		               : "");
		tv_push(a, list, t);
	}
	tv_set(a, m, "toc", list);
	tv_set_bool(a, m, "has_toc", count > 0);
	tv_set(a, m, "share",
	       frame_share(app, a, url, p->title, p->cover.path));
	tv_set(a, ctx, "pub", m);
	if (p->updated_at > resp->last_modified)
		resp->last_modified = p->updated_at;
	return app_render(app, resp, 200, "publication", ctx);
}

/*
 * GET /publications/books/{slug}: a published book: cover, title,
 * author, year, the PDF or the outside link, description, share links.
 * Statuses: 200, 404 (no published book with that slug), 500.
 */
int
publication_book_show(struct app *app, struct req *req, struct resp *resp)
{
	struct publication p;
	int rc = publication_db_book(app->db, req->arena, req->edition->id,
	                             req->param_slug, &p);

	return pub_page(app, req, resp, &kinds[0], &p, rc);
}

/*
 * GET /publications/newsletter/{n} and /publications/pars-brief/{n}: the
 * published issue number n: cover, title, number, date, the PDF (or
 * outside link), description, table of contents, share links.
 * Statuses: 200, 404 (no published issue with that number), 500.
 */
int
publication_issue_show(struct app *app, struct req *req, struct resp *resp)
{
	const struct frame_section *k = kind_of(req);
	struct publication p;
	int rc;

	if (k == NULL || req->param_int <= 0)
		return 404;
	rc = publication_db_issue(app->db, req->arena, req->edition->id,
	                          k->name, req->param_int, &p);
	return pub_page(app, req, resp, k, &p, rc);
}
