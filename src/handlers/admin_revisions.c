/*
 * admin_revisions.c: an article's revisions: the list, one revision
 * compared with the current text, and restoring it; and the comparison
 * itself (admin_diff), which the editor also shows when a save is refused
 * because someone else saved first.  Who may see and restore revisions is
 * who may edit the article (admin_article_load, in admin_articles.c).  A
 * restore is an ordinary save of the revision's title, excerpt and body
 * over the article as it is (slug, state, category, tags and image stay):
 * it checks the version the page was shown with, renders the Markdown,
 * keeps a revision of its own and is audited.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/auth_db.h"
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
	struct arena *a = req->arena;
	struct article_edit ed;
	struct revision_row *rows;
	size_t count, i;
	struct tval *ctx, *list;
	const char *page = req_query(req, "page"), *base;
	char *end;
	long long n = 1;
	int rc = admin_article_load(app, req, &ed);

	if (rc != 0)
		return rc;
	if (page != NULL &&
	    ((n = strtoll(page, &end, 10)) < 1 || *end || n > 100000))
		return 400;
	if (revision_db_list(app->db, a, ed.id, (n - 1) * REVISIONS_PER_PAGE,
	                     REVISIONS_PER_PAGE + 1, &rows, &count) < 0 ||
	    (ctx = admin_frame(app, req, resp,
	                       edition_string(req->edition, "revisions"))) ==
	        NULL)
		return 500;
	base = arena_printf(a, "/admin/articles/%lld", ed.id);
	tv_set_str(a, ctx, "title", ed.title);
	tv_set_str(a, ctx, "edit_url", base);
	if (req_query(req, "restored") != NULL)
		tv_set_str(a, ctx, "notice",
		           edition_string(req->edition, "restored"));
	list = tv_list(a);
	for (i = 0; i < count && i < REVISIONS_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		tv_set_str(
		    a, m, "url",
		    arena_printf(a, "%s/revisions/%lld", base, rows[i].id));
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
		    arena_printf(a, "%s/revisions?page=%lld", base, n - 1));
	if (count > REVISIONS_PER_PAGE)
		tv_set_str(
		    a, ctx, "older_url",
		    arena_printf(a, "%s/revisions?page=%lld", base, n + 1));
	return app_render(app, resp, 200, "admin/revisions", ctx);
}

/*
 * Renders revision rev of the article ed compared with ed's text, with the
 * restore form carrying ed's version, and message when given.
 */
static int
revision_page(struct app *app, struct req *req, struct resp *resp, int status,
              const struct article_edit *ed, const struct revision *rev,
              const char *message)
{
	struct arena *a = req->arena;
	const struct edition *e = req->edition;
	const char *from = edition_string(e, "diff_only_revision");
	const char *to = edition_string(e, "diff_only_current");
	struct tval *ctx =
	    admin_frame(app, req, resp, edition_string(e, "revision"));
	const char *base = arena_printf(a, "/admin/articles/%lld", ed->id);

	if (ctx == NULL)
		return 500;
	tv_set_str(a, ctx, "edit_url", base);
	tv_set_str(a, ctx, "list_url",
	           arena_concat(a, base, "/revisions", NULL));
	tv_set_str(a, ctx, "action",
	           arena_printf(a, "%s/revisions/%lld", base, rev->id));
	tv_set_int(a, ctx, "version", ed->version);
	tv_set_str(a, ctx, "when", revision_when(app, req, rev->created_at));
	tv_set_str(a, ctx, "who", rev->user_name);
	tv_set_bool(a, ctx, "is_current",
	            strcmp(rev->title, ed->title) == 0 &&
	                strcmp(rev->excerpt, ed->excerpt) == 0 &&
	                strcmp(rev->body_md, ed->body_md) == 0);
	if (message != NULL)
		tv_set_str(a, ctx, "message", message);
	tv_set(a, ctx, "title_diff",
	       admin_diff(req, rev->title, ed->title, from, to));
	tv_set(a, ctx, "excerpt_diff",
	       admin_diff(req, rev->excerpt, ed->excerpt, from, to));
	tv_set(a, ctx, "body_diff",
	       admin_diff(req, rev->body_md, ed->body_md, from, to));
	return app_render(app, resp, status, "admin/revision", ctx);
}

/*
 * Reads the article {id} the user may edit into ed and its revision {rev}
 * into rev.  Returns 0, or the status to answer: 403, 404 (no such
 * article, or no such revision of it), 500.
 */
static int
load_revision(struct app *app, struct req *req, struct article_edit *ed,
              struct revision *rev)
{
	int rc = admin_article_load(app, req, ed);

	if (rc != 0)
		return rc;
	rc = revision_db_get(app->db, req->arena, ed->id, req->param_rev, rev);
	return rc == 0 ? 0 : rc > 0 ? 404 : 500;
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
	struct article_edit ed;
	struct revision rev;
	int rc = load_revision(app, req, &ed, &rev);

	return rc != 0 ? rc
	               : revision_page(app, req, resp, 200, &ed, &rev, NULL);
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
	struct article_edit ed;
	struct revision rev;
	const char *v = req_form(req, "version");
	enum save_result r;
	long long version = 0, id;
	char *end;
	int rc = load_revision(app, req, &ed, &rev);

	if (rc != 0)
		return rc;
	if (v != NULL)
		version = strtoll(v, &end, 10);
	if (v == NULL || *end != '\0' || version < 1)
		return revision_page(
		    app, req, resp, 400, &ed, &rev,
		    edition_string(req->edition, "error_restore_form"));
	if (version != ed.version)
		return revision_page(
		    app, req, resp, 409, &ed, &rev,
		    edition_string(req->edition, "error_restore_conflict"));
	ed.title = rev.title;
	ed.excerpt = rev.excerpt;
	ed.body_md = rev.body_md;
	r = article_admin_save(app->db, &ed, req->user->id,
	                       (long long)time(NULL), &id);
	if (r == SAVE_FAILED)
		return 500;
	if (r != SAVE_OK) {
		/* Compare with what is there now, which another save may
		 * have changed since the check above. */
		if ((rc = admin_article_load(app, req, &ed)) != 0)
			return rc;
		return revision_page(
		    app, req, resp, r == SAVE_CONFLICT ? 409 : 400, &ed, &rev,
		    r == SAVE_CONFLICT
		        ? edition_string(req->edition, "error_restore_conflict")
		        : admin_article_save_message(req->edition, r));
	}
	audit_db_add(
	    app->db, (long long)time(NULL), req->user->id, req->user->name,
	    "article restored",
	    arena_printf(req->arena, "%s (revision %lld)", rev.title, rev.id),
	    req->remote_addr);
	return resp_redirect(resp, 303,
	                     arena_printf(req->arena,
	                                  "/admin/articles/%lld/revisions"
	                                  "?restored=1",
	                                  id)) < 0
	           ? 500
	           : 303;
}
