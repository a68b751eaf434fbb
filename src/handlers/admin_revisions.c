/*
 * admin_revisions.c: the revisions of an article or a page: the list, one
 * revision compared with the current text, and restoring it; and the
 * comparison itself (admin_diff), which the editors also show when a save
 * is refused because someone else saved first.  Who may see and restore
 * an article's revisions is who may edit the article (admin_article_load,
 * in admin_articles.c); a page's, admins and editors (the router).  A
 * restore is an ordinary save of the revision's title, excerpt (articles
 * only) and body over the article or page as it is (slug, state,
 * category, tags, image, edition stay): it checks the version the page
 * was shown with, renders the Markdown, keeps a revision of its own and
 * is audited.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/auth_db.h"
#include "../db/page_admin_db.h"
#include "../db/revision_db.h"
#include "../util/diff.h"
#include "handlers.h"

#define REVISIONS_PER_PAGE 50
#define DIFF_CONTEXT_LINES 3 /* unchanged lines shown around a change */
#define DIFF_SHOW_ROWS 2000  /* lines shown at most; the rest is counted */

/* Whether line i of d is within DIFF_CONTEXT_LINES of a change. */
static bool
near_change(const struct diff *d, size_t i)
{
	size_t from = i > DIFF_CONTEXT_LINES ? i - DIFF_CONTEXT_LINES : 0;

	for (size_t j = from; j < d->count && j <= i + DIFF_CONTEXT_LINES; j++)
		if (d->lines[j].op != DIFF_SAME)
			return true;
	return false;
}

/* Adds a row of the diff table: one line, or a count of lines left out
 * (skip: unchanged ones; more: past DIFF_SHOW_ROWS). */
static void
push_row(struct arena *a, struct tval *rows, const struct diff_line *l,
         size_t skip, size_t more)
{
	struct tval *m = tv_map(a);

	tv_set_bool(a, m, "same", l != NULL && l->op == DIFF_SAME);
	tv_set_bool(a, m, "removed", l != NULL && l->op == DIFF_REMOVED);
	tv_set_bool(a, m, "added", l != NULL && l->op == DIFF_ADDED);
	tv_set_int(a, m, "skip", (long long)skip);
	tv_set_int(a, m, "more", (long long)more);
	if (l != NULL) {
		size_t len = l->len;

		/* The newline ends the row; a carriage return before it
		 * would show as nothing anyway. */
		if (len > 0 && l->text[len - 1] == '\n')
			len--;
		if (len > 0 && l->text[len - 1] == '\r')
			len--;
		tv_set(a, m, "text", tv_strn(a, l->text, len));
	}
	tv_push(a, rows, m);
}

/* Builds the comparison of two texts; see handlers.h. */
struct tval *
admin_diff(struct req *req, const char *from, const char *to,
           const char *from_label, const char *to_label)
{
	struct arena *a = req->arena;
	struct tval *m = tv_map(a), *rows = tv_list(a);
	struct diff d;
	size_t i = 0, j, shown = 0;

	tv_set_str(a, m, "from_label", from_label);
	tv_set_str(a, m, "to_label", to_label);
	tv_set(a, m, "rows", rows);
	if (diff_lines(a, from, strlen(from), to, strlen(to), &d) < 0) {
		tv_set_bool(a, m, "too_large", true);
		return m;
	}
	tv_set_bool(a, m, "too_large", false);
	tv_set_bool(a, m, "same", d.removed + d.added == 0);
	tv_set_bool(a, m, "replaced", d.replaced);
	tv_set_int(a, m, "removed", (long long)d.removed);
	tv_set_int(a, m, "added", (long long)d.added);
	if (d.removed + d.added == 0)
		return m;
	while (i < d.count) {
		if (!near_change(&d, i)) {
			for (j = i; j < d.count && !near_change(&d, j); j++)
				;
			push_row(a, rows, NULL, j - i, 0);
			i = j;
		} else if (shown == DIFF_SHOW_ROWS) {
			push_row(a, rows, NULL, 0, d.count - i);
			break;
		} else {
			push_row(a, rows, &d.lines[i++], 0, 0);
			shown++;
		}
	}
	return m;
}

/* A revision's time: the edition's date and the site's hours. */
static const char *
revision_when(struct app *app, struct req *req, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char hm[16] = "";

	if (localtime_r(&tt, &tm) != NULL)
		strftime(hm, sizeof(hm), "%H:%M", &tm);
	return arena_concat(req->arena, frame_date(app, req, t), " ", hm, NULL);
}

/* Sets the editor's link to the revisions; see handlers.h. */
int
admin_revisions_link(struct app *app, struct req *req, struct tval *ctx,
                     struct revision_of of)
{
	long long n;

	if (of.id <= 0)
		return 0;
	if ((n = revision_db_count(app->db, of)) < 0)
		return -1;
	tv_set_str(req->arena, ctx, "revisions_url",
	           arena_printf(req->arena, "/admin/%s/%lld/revisions",
	                        of.page ? "pages" : "articles", of.id));
	tv_set_int(req->arena, ctx, "revisions_count", n);
	return 0;
}

/* An article or a page whose revisions are shown, as its editor reads
 * it. */
struct revised {
	struct revision_of of;
	struct article_edit article;           /* when !of.page */
	struct page_edit page;                 /* when of.page */
	const char *title, *excerpt, *body_md; /* excerpt "" for a page */
	long long version;
	const char *base; /* its editor's address */
};

/*
 * Reads the article or page {id} (page: which) that the user may edit
 * into r.  Returns 0, or the status to answer: 403 (an author's article
 * out of their hands, or another's), 404, 500.
 */
static int
load_revised(struct app *app, struct req *req, bool page, struct revised *r)
{
	int rc;

	memset(r, 0, sizeof(*r));
	r->of.page = page;
	if (page) {
		rc = page_admin_get(app->db, req->arena, req->param_int,
		                    &r->page);
		if (rc != 0)
			return rc > 0 ? 404 : 500;
		r->of.id = r->page.id;
		r->title = r->page.title;
		r->excerpt = "";
		r->body_md = r->page.body_md;
		r->version = r->page.version;
	} else {
		if ((rc = admin_article_load(app, req, &r->article)) != 0)
			return rc;
		r->of.id = r->article.id;
		r->title = r->article.title;
		r->excerpt = r->article.excerpt;
		r->body_md = r->article.body_md;
		r->version = r->article.version;
	}
	r->base = arena_printf(req->arena, "/admin/%s/%lld",
	                       page ? "pages" : "articles", r->of.id);
	return 0;
}

/* Saves revision rev's text over r as the user (a new revision).  Sets
 * *id.  Returns what the save returned. */
static enum save_result
save_revision(struct app *app, struct req *req, struct revised *r,
              const struct revision *rev, long long *id)
{
	long long now = (long long)time(NULL);

	if (r->of.page) {
		r->page.title = rev->title;
		r->page.body_md = rev->body_md;
		return page_admin_save(app->db, &r->page, req->user->id, now,
		                       id);
	}
	r->article.title = rev->title;
	r->article.excerpt = rev->excerpt;
	r->article.body_md = rev->body_md;
	return article_admin_save(app->db, &r->article, req->user->id, now, id);
}

/* The revisions list of an article or a page: see
 * admin_revisions_list. */
static int
revisions_list(struct app *app, struct req *req, struct resp *resp, bool page)
{
	struct arena *a = req->arena;
	struct revised r;
	struct revision_row *rows;
	size_t count, i;
	struct tval *ctx, *list;
	const char *pg = req_query(req, "page");
	char *end;
	long long n = 1;
	int rc = load_revised(app, req, page, &r);

	if (rc != 0)
		return rc;
	if (pg != NULL &&
	    ((n = strtoll(pg, &end, 10)) < 1 || *end || n > 100000))
		return 400;
	if (revision_db_list(app->db, a, r.of, (n - 1) * REVISIONS_PER_PAGE,
	                     REVISIONS_PER_PAGE + 1, &rows, &count) < 0 ||
	    (ctx = admin_frame(app, req, resp,
	                       edition_string(req->edition, "revisions"))) ==
	        NULL)
		return 500;
	tv_set_str(a, ctx, "title", r.title);
	tv_set_str(a, ctx, "edit_url", r.base);
	if (req_query(req, "restored") != NULL)
		tv_set_str(a, ctx, "notice",
		           edition_string(req->edition, "restored"));
	list = tv_list(a);
	for (i = 0; i < count && i < REVISIONS_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		tv_set_str(
		    a, m, "url",
		    arena_printf(a, "%s/revisions/%lld", r.base, rows[i].id));
		tv_set_str(a, m, "when",
		           revision_when(app, req, rows[i].created_at));
		tv_set_str(a, m, "who", rows[i].user_name);
		tv_set_str(a, m, "title", rows[i].title);
		tv_set_int(a, m, "chars", rows[i].body_chars);
		tv_set_bool(a, m, "current", rows[i].is_current);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "revisions", list);
	if (n > 1)
		tv_set_str(
		    a, ctx, "newer_url",
		    arena_printf(a, "%s/revisions?page=%lld", r.base, n - 1));
	if (count > REVISIONS_PER_PAGE)
		tv_set_str(
		    a, ctx, "older_url",
		    arena_printf(a, "%s/revisions?page=%lld", r.base, n + 1));
	return app_render(app, resp, 200, "admin/revisions", ctx);
}

/*
 * GET /admin/articles/{id}/revisions: the article's revisions, newest
 * first: when, who, title, length, and which one is the current text, each
 * linking to its comparison (query: page; restored after a restore).
 * Statuses: 200, 400 (bad page), 403 (an author's article out of their
 * hands, or another's), 404, 500.  Roles: admin, editor; authors for
 * their own drafts and pending articles.
 */
int
admin_revisions_list(struct app *app, struct req *req, struct resp *resp)
{
	return revisions_list(app, req, resp, false);
}

/*
 * GET /admin/pages/{id}/revisions: a page's revisions, as an article's.
 * Statuses: 200, 400 (bad page), 404, 500.  Roles: admin, editor.
 */
int
admin_page_revisions_list(struct app *app, struct req *req, struct resp *resp)
{
	return revisions_list(app, req, resp, true);
}

/*
 * Renders revision rev of r compared with r's text, with the restore form
 * carrying r's version, and message when given.
 */
static int
revision_page(struct app *app, struct req *req, struct resp *resp, int status,
              const struct revised *r, const struct revision *rev,
              const char *message)
{
	struct arena *a = req->arena;
	const struct edition *e = req->edition;
	const char *from = edition_string(e, "diff_only_revision");
	const char *to = edition_string(e, "diff_only_current");
	struct tval *ctx =
	    admin_frame(app, req, resp, edition_string(e, "revision"));

	if (ctx == NULL)
		return 500;
	tv_set_str(a, ctx, "edit_url", r->base);
	tv_set_str(a, ctx, "list_url",
	           arena_concat(a, r->base, "/revisions", NULL));
	tv_set_str(a, ctx, "action",
	           arena_printf(a, "%s/revisions/%lld", r->base, rev->id));
	tv_set_int(a, ctx, "version", r->version);
	tv_set_str(a, ctx, "when", revision_when(app, req, rev->created_at));
	tv_set_str(a, ctx, "who", rev->user_name);
	tv_set_bool(a, ctx, "is_current",
	            strcmp(rev->title, r->title) == 0 &&
	                strcmp(rev->excerpt, r->excerpt) == 0 &&
	                strcmp(rev->body_md, r->body_md) == 0);
	if (message != NULL)
		tv_set_str(a, ctx, "message", message);
	tv_set(a, ctx, "title_diff",
	       admin_diff(req, rev->title, r->title, from, to));
	if (!r->of.page)
		tv_set(a, ctx, "excerpt_diff",
		       admin_diff(req, rev->excerpt, r->excerpt, from, to));
	tv_set(a, ctx, "body_diff",
	       admin_diff(req, rev->body_md, r->body_md, from, to));
	return app_render(app, resp, status, "admin/revision", ctx);
}

/*
 * Reads the article or page {id} the user may edit into r and its
 * revision {rev} into rev.  Returns 0, or the status to answer: 403, 404
 * (no such article or page, or no such revision of it), 500.
 */
static int
load_revision(struct app *app, struct req *req, bool page, struct revised *r,
              struct revision *rev)
{
	int rc = load_revised(app, req, page, r);

	if (rc != 0)
		return rc;
	rc = revision_db_get(app->db, req->arena, r->of, req->param_rev, rev);
	return rc == 0 ? 0 : rc > 0 ? 404 : 500;
}

/* One revision compared with the current text: see
 * admin_revision_show. */
static int
revision_show(struct app *app, struct req *req, struct resp *resp, bool page)
{
	struct revised r;
	struct revision rev;
	int rc = load_revision(app, req, page, &r, &rev);

	return rc != 0 ? rc
	               : revision_page(app, req, resp, 200, &r, &rev, NULL);
}

/*
 * GET /admin/articles/{id}/revisions/{rev}: revision {rev} compared with
 * the article's current title, excerpt and body (line by line, each line
 * marked as only in the revision or only in the current text), and a
 * button to restore it.  Statuses: 200, 403, 404 (also a revision of
 * another article), 500.  Roles: as for the list.
 */
int
admin_revision_show(struct app *app, struct req *req, struct resp *resp)
{
	return revision_show(app, req, resp, false);
}

/*
 * GET /admin/pages/{id}/revisions/{rev}: a page's revision compared with
 * its title and body, as an article's.  Statuses: 200, 404 (also a
 * revision of another page), 500.  Roles: admin, editor.
 */
int
admin_page_revision_show(struct app *app, struct req *req, struct resp *resp)
{
	return revision_show(app, req, resp, true);
}

/* Restores a revision: see admin_revision_restore. */
static int
revision_restore(struct app *app, struct req *req, struct resp *resp, bool page)
{
	struct revised r;
	struct revision rev;
	const char *v = req_form(req, "version");
	enum save_result res;
	long long version = 0, id;
	char *end;
	int rc = load_revision(app, req, page, &r, &rev);

	if (rc != 0)
		return rc;
	if (v != NULL)
		version = strtoll(v, &end, 10);
	if (v == NULL || *end != '\0' || version < 1)
		return revision_page(
		    app, req, resp, 400, &r, &rev,
		    edition_string(req->edition, "error_restore_form"));
	if (version != r.version)
		return revision_page(
		    app, req, resp, 409, &r, &rev,
		    edition_string(req->edition, "error_restore_conflict"));
	res = save_revision(app, req, &r, &rev, &id);
	if (res == SAVE_FAILED)
		return 500;
	if (res != SAVE_OK) {
		/* Compare with what is there now, which another save may
		 * have changed since the check above. */
		if ((rc = load_revised(app, req, page, &r)) != 0)
			return rc;
		return revision_page(
		    app, req, resp, res == SAVE_CONFLICT ? 409 : 400, &r, &rev,
		    res == SAVE_CONFLICT
		        ? edition_string(req->edition, "error_restore_conflict")
		        : admin_article_save_message(req->edition, res));
	}
	audit_db_add(
	    app->db, (long long)time(NULL), req->user->id, req->user->name,
	    page ? "page restored" : "article restored",
	    arena_printf(req->arena, "%s (revision %lld)", rev.title, rev.id),
	    req->remote_addr);
	return resp_redirect(resp, 303,
	                     arena_printf(req->arena,
	                                  "/admin/%s/%lld/revisions?restored=1",
	                                  page ? "pages" : "articles", id)) < 0
	           ? 500
	           : 303;
}

/*
 * POST /admin/articles/{id}/revisions/{rev}: makes the revision's title,
 * excerpt and body the article's, as a new save (a new revision, the
 * version bumped, the Markdown rendered again), and audits it.  Fields:
 * csrf, version (the article's version when the page was shown).
 * Statuses: 303 (to the list), 400 (no version, or the save refused: the
 * page again with a message), 403, 404, 409 (someone saved since the page
 * was shown: nothing restored, the page again comparing with the new
 * text), 500.  Roles: as for the list.
 */
int
admin_revision_restore(struct app *app, struct req *req, struct resp *resp)
{
	return revision_restore(app, req, resp, false);
}

/*
 * POST /admin/pages/{id}/revisions/{rev}: makes the revision's title and
 * body the page's, as an article's restore (the same fields and
 * statuses, but no 403).  Roles: admin, editor.
 */
int
admin_page_revision_restore(struct app *app, struct req *req, struct resp *resp)
{
	return revision_restore(app, req, resp, true);
}
