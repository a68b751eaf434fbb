/*
 * admin_frame.c: the context every admin page starts from: the public
 * frame (language, direction, strings) plus the signed-in staff member,
 * their CSRF token and what their role may open; and the pieces the
 * editors of articles, pages and the menu share (select options, the slug
 * field, the preview, the answer to a save, the audit of a state change).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/session.h"
#include "../render/markdown.h"
#include "../util/slug.h"
#include "handlers.h"

/* Tells whether u edits all content; see handlers.h. */
bool
admin_is_editor(const struct staff *u)
{
	return strcmp(u->role, "admin") == 0 || strcmp(u->role, "editor") == 0;
}

/* Builds an admin page's context; see handlers.h. */
struct tval *
admin_frame(struct app *app, struct req *req, struct resp *resp,
            const char *title)
{
	struct arena *a = req->arena;
	struct tval *ctx = frame_context(app, req, resp, title), *u;
	const char *role;

	if (ctx == NULL || req->user == NULL)
		return ctx;
	role = req->user->role;
	u = tv_map(a);
	tv_set_str(a, u, "name", req->user->display_name);
	tv_set_str(a, u, "role", role);
	tv_set_bool(a, u, "is_admin", strcmp(role, "admin") == 0);
	tv_set_bool(a, u, "writes", strcmp(role, "moderator") != 0);
	tv_set_bool(a, u, "edits", admin_is_editor(req->user));
	tv_set(a, ctx, "user", u);
	tv_set_str(a, ctx, "csrf", session_csrf(app, req));
	return ctx;
}

/* Builds an editor's context; see handlers.h. */
struct tval *
admin_editor_frame(struct app *app, struct req *req, struct resp *resp,
                   const struct admin_editor *ed)
{
	struct arena *a = req->arena;
	struct tval *ctx = admin_frame(app, req, resp, ed->heading);

	if (ctx == NULL)
		return NULL;
	tv_set_str(a, ctx, "action", ed->action);
	tv_set_str(a, ctx, "heading", ed->heading);
	tv_set_int(a, ctx, "version", ed->version);
	tv_set_str(a, ctx, "title", ed->title ? ed->title : "");
	tv_set_str(a, ctx, "slug", ed->slug ? ed->slug : "");
	tv_set_str(a, ctx, "body", ed->body ? ed->body : "");
	if (ed->message != NULL)
		tv_set_str(a, ctx, "message", ed->message);
	if (ed->notice != NULL)
		tv_set_str(a, ctx, "notice", ed->notice);
	/* A refused save: the saved text, and how the user's differs. */
	if (ed->other_body != NULL) {
		tv_set_bool(a, ctx, "conflict", true);
		tv_set_str(a, ctx, "other_body", ed->other_body);
		tv_set(a, ctx, "conflict_diff",
		       admin_diff(
		           req, ed->other_body, ed->body ? ed->body : "",
		           edition_string(req->edition, "diff_only_saved"),
		           edition_string(req->edition, "diff_only_yours")));
	}
	return ctx;
}

/* Returns the saved notice; see handlers.h. */
const char *
admin_saved_notice(const struct req *req)
{
	return req_query(req, "saved") != NULL
	           ? edition_string(req->edition, "saved")
	           : NULL;
}

/* Appends a <select> option; see handlers.h. */
void
admin_option(struct arena *a, struct tval *list, const char *value,
             const char *label, bool selected)
{
	struct tval *o = tv_map(a);

	tv_set_str(a, o, "value", value);
	tv_set_str(a, o, "label", label);
	tv_set_bool(a, o, "selected", selected);
	tv_push(a, list, o);
}

/* Lists the editions as options; see handlers.h. */
struct tval *
admin_edition_options(struct app *app, struct arena *a, long long selected_id)
{
	struct tval *opts = tv_list(a);

	for (size_t i = 0; i < app->site.editions_count; i++) {
		const struct edition *e = &app->site.editions[i];

		admin_option(a, opts, arena_printf(a, "%lld", e->id), e->name,
		             e->id == selected_id);
	}
	return opts;
}

/* Finds an edition by id; see handlers.h. */
const struct edition *
admin_edition_by_id(const struct app *app, long long id)
{
	for (size_t i = 0; i < app->site.editions_count; i++)
		if (app->site.editions[i].id == id)
			return &app->site.editions[i];
	return NULL;
}

/* Reads the page number of a list; see handlers.h. */
bool
admin_query_page(const struct req *req, long long *n)
{
	const char *page = req_query(req, "page");
	char *end;

	*n = 1;
	if (page == NULL)
		return true;
	*n = strtoll(page, &end, 10);
	return *n >= 1 && *end == '\0' && end != page && *n <= 100000;
}

/* Parses an id field; see handlers.h. */
long long
admin_form_id(const struct req *req, const char *name)
{
	const char *s = req_form(req, name);
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return 0;
	v = strtoll(s, &end, 10);
	return (*end != '\0' || v < 0) ? -1 : v;
}

/* Reads the slug field; see handlers.h. */
bool
admin_form_slug(struct req *req, const char *title, const char **slug)
{
	const char *v = req_form(req, "slug");

	if (v == NULL || v[0] == '\0')
		v = slug_make(req->arena, title, strlen(title));
	*slug = v;
	return v != NULL && slug_valid(v, strlen(v));
}

/* Renders an editor with its preview; see handlers.h. */
int
admin_editor_render(struct app *app, struct resp *resp, int status,
                    const char *name, struct arena *a, struct tval *ctx,
                    const char *preview_md)
{
	struct trusted_html preview;
	bool previewed = false;
	int rc;

	/* The preview is cmark's output as it is, freed after the render. */
	if (preview_md != NULL &&
	    markdown_render(preview_md, strlen(preview_md), &preview) == 0) {
		tv_set(a, ctx, "preview", tv_html(a, preview));
		previewed = true;
	}
	rc = app_render(app, resp, status, name, ctx);
	if (previewed)
		free((char *)preview.html);
	return rc;
}

/* Answers a save; see handlers.h. */
int
admin_saved(struct req *req, struct resp *resp, const char *base, long long id)
{
	return resp_redirect(
	           resp, 303,
	           arena_printf(req->arena, "%s/%lld?saved=1", base, id)) < 0
	           ? 500
	           : 303;
}

/* Audits what readers notice; see handlers.h. */
void
admin_audit_state(struct app *app, struct req *req, const char *kind,
                  const char *from, const char *to, const char *title)
{
	const char *what = NULL;
	bool was_out = from != NULL && strcmp(from, "published") == 0;

	if (strcmp(to, "published") == 0 && !was_out)
		what = "published";
	else if (strcmp(to, "scheduled") == 0 && !was_out)
		what = "scheduled";
	else if (strcmp(to, "trash") == 0)
		what = "trashed";
	else if (was_out && strcmp(to, "published") != 0)
		what = "unpublished";
	if (what != NULL)
		audit_db_add(app->db, (long long)time(NULL), req->user->id,
		             req->user->name,
		             arena_concat(req->arena, kind, " ", what, NULL),
		             title, req->remote_addr);
}
