/*
 * admin_pages.c: the pages list and the page editor.  Pages (About,
 * Contact, …) are site content: admins and editors write them, authors
 * and moderators do not (the router enforces the roles and the CSRF
 * token).  The editor is the article editor's, less what only articles
 * have: title, slug, Markdown body with a preview, edition and state
 * (draft, published, trash), and whether readers may comment (closed
 * for a new page, as in WordPress).  A page lives at /{slug} of its edition, so
 * its slug may not be the first segment of one of the site's own
 * addresses (router_segment_reserved).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/page_admin_db.h"
#include "../render/markdown.h"
#include "../router.h"
#include "handlers.h"

#define PAGES_LIST_MAX 500
#define TITLE_MAX 300

static const char *const states[] = {"draft", "published", "trash"};
#define STATES_COUNT (sizeof(states) / sizeof(states[0]))

static bool
state_known(const char *s)
{
	for (size_t i = 0; i < STATES_COUNT; i++)
		if (s != NULL && strcmp(s, states[i]) == 0)
			return true;
	return false;
}

/* The state options, "all" first when with_all, selecting state. */
static struct tval *
state_options(struct req *req, const char *state, bool with_all)
{
	return admin_state_options(req, states, STATES_COUNT, state, with_all,
	                           NULL);
}

/* A page's public address, in its edition. */
static const char *
page_path(struct arena *a, const char *prefix, const char *slug)
{
	return arena_concat(a, prefix[0] ? "/" : "", prefix, "/", slug, NULL);
}

/*
 * GET /admin/pages: pages of every edition, newest change first, with
 * their address, edition, state and last edit (query: state, the trash
 * only when asked for; edition, an id).  Statuses: 200, 400 (unknown state),
 * 500.  Roles: admin, editor.
 */
int
admin_pages_list(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	const char *state = req_query(req, "state");
	long long edition = admin_query_id(req, "edition");
	struct page_row *rows;
	size_t count, i;
	struct tval *ctx, *list;

	if (state != NULL && state[0] == '\0')
		state = NULL;
	if ((state != NULL && !state_known(state)) || edition < 0 ||
	    (edition > 0 && admin_edition_by_id(app, edition) == NULL))
		return 400;
	if (page_admin_list(app->db, a, state, edition, PAGES_LIST_MAX, &rows,
	                    &count) < 0)
		return 500;
	ctx =
	    admin_frame(app, req, resp, edition_string(req->edition, "pages"));
	if (ctx == NULL)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		struct tval *m = tv_map(a);
		const char *path =
		    page_path(a, rows[i].edition_prefix, rows[i].slug);

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "title", rows[i].title);
		tv_set_str(a, m, "path", path);
		tv_set_str(a, m, "public_url",
		           strcmp(rows[i].state, "published") == 0 ? path : "");
		tv_set_str(a, m, "edition", rows[i].edition_code);
		tv_set_str(a, m, "state",
		           edition_string(
		               req->edition,
		               arena_concat(a, "state_", rows[i].state, NULL)));
		tv_set_str(a, m, "editor", rows[i].editor_name);
		tv_set_str(a, m, "updated",
		           frame_date(app, req, rows[i].updated_at));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "pages", list);
	tv_set(a, ctx, "states", state_options(req, state, true));
	tv_set(a, ctx, "editions", admin_edition_filter(app, req, edition));
	return app_render(app, resp, 200, "admin/pages", ctx);
}

/* Renders the editor for ed, with an optional message and preview. */
static int
editor_page(struct app *app, struct req *req, struct resp *resp, int status,
            const struct page_edit *ed, const char *message,
            const char *other_body, bool preview, const char *notice)
{
	struct arena *a = req->arena;
	const struct edition *e = admin_edition_by_id(app, ed->edition_id);
	struct admin_editor f = {
	    .action = ed->id ? arena_printf(a, "/admin/pages/%lld", ed->id)
	                     : "/admin/pages/new",
	    .heading =
	        edition_string(req->edition, ed->id ? "edit_page" : "new_page"),
	    .version = ed->version,
	    .title = ed->title,
	    .slug = ed->slug,
	    .body = ed->body_md,
	    .body_label = ed->body_html
	                      ? edition_string(req->edition, "body_html_source")
	                      : NULL,
	    .message = message,
	    .notice = notice,
	    .other_body = other_body,
	};
	struct tval *ctx = admin_editor_frame(app, req, resp, &f);

	if (ctx == NULL)
		return 500;
	if (notice != NULL && e != NULL && ed->state != NULL &&
	    strcmp(ed->state, "published") == 0)
		tv_set_str(a, ctx, "view_url",
		           page_path(a, e->prefix, ed->slug));
	tv_set(a, ctx, "states", state_options(req, ed->state, false));
	tv_set_bool(a, ctx, "comments_open", ed->comments_open);
	if (admin_revisions_link(app, req, ctx,
	                         (struct revision_of){true, ed->id}) < 0)
		return 500;
	tv_set(a, ctx, "editions",
	       admin_edition_options(app, a, ed->edition_id));
	tv_set_str(a, ctx, "translation_label",
	           edition_string(req->edition, "translation_of_page"));
	if (translation_editor(app, req, ctx, TRANSLATION_PAGE, ed->id,
	                       req_form(req, "translation_of")) < 0)
		return 500;
	return admin_editor_render(app, resp, status, "admin/page_edit", a, ctx,
	                           preview ? ed->body_md : NULL, ed->body_html);
}

/*
 * GET /admin/pages/new: an empty editor, in the default edition.
 * Statuses: 200, 500.  Roles: admin, editor.
 */
int
admin_page_new(struct app *app, struct req *req, struct resp *resp)
{
	struct page_edit ed;

	memset(&ed, 0, sizeof(ed));
	ed.state = "draft";
	ed.edition_id = admin_default_edition(app)->id;
	ed.body_md = "";
	return editor_page(app, req, resp, 200, &ed, NULL, NULL, false, NULL);
}

/* Reads the page {id} into ed.  Returns 0, or the status: 404, 500. */
static int
load(struct app *app, struct req *req, struct page_edit *ed)
{
	int rc = page_admin_get(app->db, req->arena, req->param_int, ed);

	return rc == 0 ? 0 : rc > 0 ? 404 : 500;
}

/*
 * GET /admin/pages/{id}: the editor for one page (query: saved, after a
 * save).  Statuses: 200, 404, 500.  Roles: admin, editor.
 */
int
admin_page_edit(struct app *app, struct req *req, struct resp *resp)
{
	struct page_edit ed;
	int rc = load(app, req, &ed);

	if (rc != 0)
		return rc;
	return editor_page(app, req, resp, 200, &ed, NULL, NULL, false,
	                   admin_saved_notice(req));
}

/*
 * Reads the editor's fields into ed (over what ed held) and checks them;
 * the slug is checked against the reserved segments only when it is new
 * or changed, so a page that already has one (the starter's /contact,
 * from before the contact form) keeps it.  Returns NULL when they are
 * valid, else the message to show.
 */
static const char *
read_form(struct app *app, struct req *req, struct page_edit *ed)
{
	const struct edition *e = req->edition;
	const char *old_slug = ed->slug, *v;
	long long old_edition = ed->edition_id, id;

	ed->title = req_form(req, "title");
	ed->body_md = req_form(req, "body");
	ed->state = req_form(req, "state");
	if (ed->body_md == NULL)
		ed->body_md = "";
	if ((v = req_form(req, "version")) != NULL)
		ed->version = strtoll(v, NULL, 10);
	admin_form_comments(req, &ed->comments_open);
	if ((id = admin_form_id(req, "edition")) > 0)
		ed->edition_id = id;
	if (id < 0 || admin_edition_by_id(app, ed->edition_id) == NULL)
		return edition_string(e, "error_edition");
	if (ed->title == NULL || ed->title[0] == '\0')
		return edition_string(e, "error_title_required");
	if (strlen(ed->title) > TITLE_MAX)
		return edition_string(e, "error_item_text");
	if (strlen(ed->body_md) > MARKDOWN_MAX_BYTES)
		return edition_string(e, "error_body");
	if (!admin_form_slug(req, ed->title, &ed->slug))
		return edition_string(e, "error_slug");
	if ((old_slug == NULL || strcmp(old_slug, ed->slug) != 0 ||
	     old_edition != ed->edition_id) &&
	    router_segment_reserved(&app->site, ed->slug))
		return edition_string(e, "error_slug_reserved");
	if (!state_known(ed->state))
		return edition_string(e, "error_page_state");
	id = translation_field(app, req, TRANSLATION_PAGE,
	                       req_form(req, "translation_of"));
	if (id == -1)
		return edition_string(e, "error_translation_page");
	if (id != -2)
		ed->translation_of = id;
	return NULL;
}

/* Saves the posted editor over ed; shared by create and update. */
static int
save(struct app *app, struct req *req, struct resp *resp, struct page_edit *ed)
{
	const char *old_state = ed->state; /* NULL for a new page */
	const char *message = read_form(app, req, ed);
	const char *action = req_form(req, "action");
	struct page_edit current;
	enum save_result r;
	long long id;

	if (message != NULL)
		return editor_page(app, req, resp, 400, ed, message, NULL,
		                   false, NULL);
	if (action != NULL && strcmp(action, "preview") == 0)
		return editor_page(app, req, resp, 200, ed, NULL, NULL, true,
		                   NULL);
	r = page_admin_save(app->db, ed, req->user->id, (long long)time(NULL),
	                    &id);
	switch (r) {
	case SAVE_OK:
		admin_audit_state(app, req, "page", old_state, ed->state,
		                  ed->title);
		return admin_saved(req, resp, "/admin/pages", id);
	case SAVE_CONFLICT:
		if (page_admin_get(app->db, req->arena, ed->id, &current) != 0)
			return 500;
		ed->version = current.version;
		return editor_page(
		    app, req, resp, 409, ed,
		    edition_string(req->edition, "error_page_conflict"),
		    current.body_md, false, NULL);
	case SAVE_SLUG_TAKEN:
		message = "error_page_slug_taken";
		break;
	case SAVE_BAD_BODY:
		message = "error_body";
		break;
	case SAVE_BAD_TRANSLATION:
		message = "error_translation_page";
		break;
	case SAVE_TRANSLATION_TAKEN:
		message = "error_translation_taken";
		break;
	default:
		return 500;
	}
	return editor_page(app, req, resp, 400, ed,
	                   edition_string(req->edition, message), NULL, false,
	                   NULL);
}

/*
 * POST /admin/pages/new: creates a page.  Fields: title, slug, body,
 * edition, state, comments_field and comments_open (the "Comments open"
 * box: closed unless both are sent), translation_of (a page of another edition,
 * by id or address, to link as a translation; empty: none; absent: unchanged),
 * action (save or preview), csrf.  Statuses: 303 (saved),
 * 200 (preview), 400 (invalid, a slug taken or reserved: the form again
 * with a message), 500.  Roles: admin, editor.
 */
int
admin_page_create(struct app *app, struct req *req, struct resp *resp)
{
	struct page_edit ed;

	memset(&ed, 0, sizeof(ed));
	ed.edition_id = admin_default_edition(app)->id;
	return save(app, req, resp, &ed);
}

/*
 * POST /admin/pages/{id}: saves a page; fields as for creating, plus
 * version (the one the editor opened).  Statuses: 303, 200 (preview),
 * 400, 404, 409 (someone saved in between: the form again with both
 * texts, nothing changed), 500.  Roles: admin, editor.
 */
int
admin_page_save(struct app *app, struct req *req, struct resp *resp)
{
	struct page_edit ed;
	int rc = load(app, req, &ed);

	return rc != 0 ? rc : save(app, req, resp, &ed);
}
