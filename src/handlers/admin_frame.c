/*
 * admin_frame.c: the context every admin page starts from: the public
 * frame (language, direction, strings) plus the signed-in staff member,
 * their CSRF token and what their role may open; and the pieces the
 * editors of articles, pages, media posts, publications and the menu
 * share (states and who may set them, the publish time, select options,
 * library items, the slug field, rows of a table editor, the preview, the
 * answer to a save, the audit of a state change).
 */
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/session.h"
#include "../render/markdown.h"
#include "../render/sanitize.h"
#include "../util/calendar.h"
#include "../util/slug.h"
#include "handlers.h"

/* The states of articles, media posts and publications, in order. */
const char *const admin_states[ADMIN_STATES] = {
    "draft", "pending", "scheduled", "published", "private", "trash"};

/* Tells whether u edits all content; see handlers.h. */
bool
admin_is_editor(const struct staff *u)
{
	return strcmp(u->role, "admin") == 0 || strcmp(u->role, "editor") == 0;
}

/* Tells whether s is one of admin_states; see handlers.h. */
bool
admin_state_known(const char *s)
{
	for (size_t i = 0; i < ADMIN_STATES; i++)
		if (s != NULL && strcmp(s, admin_states[i]) == 0)
			return true;
	return false;
}

/* Tells whether u may put an item in state; see handlers.h. */
bool
admin_may_set_state(const struct staff *u, const char *state)
{
	return admin_is_editor(u) || strcmp(state, "draft") == 0 ||
	       strcmp(state, "pending") == 0;
}

/* Tells whether u may open an item in its editor; see handlers.h. */
bool
admin_may_edit(const struct staff *u, long long author_id, const char *state)
{
	if (admin_is_editor(u))
		return true;
	return author_id == u->id &&
	       (strcmp(state, "draft") == 0 || strcmp(state, "pending") == 0);
}

/* Lists states as options; see handlers.h. */
struct tval *
admin_state_options(struct req *req, const char *const *states, size_t count,
                    const char *selected, bool with_all, const struct staff *u)
{
	struct arena *a = req->arena;
	struct tval *opts = tv_list(a);

	if (with_all)
		admin_option(a, opts, "", edition_string(req->edition, "all"),
		             selected == NULL);
	for (size_t i = 0; i < count; i++)
		if (u == NULL || admin_may_set_state(u, states[i]))
			admin_option(
			    a, opts, states[i],
			    edition_string(
			        req->edition,
			        arena_concat(a, "state_", states[i], NULL)),
			    selected != NULL &&
			        strcmp(selected, states[i]) == 0);
	return opts;
}

/*
 * Parses "YYYY-MM-DDTHH:MM" in the site's time zone (the worker's TZ) to
 * Unix time; -1 when malformed or not a date and time of the calendar
 * (cal_wall_time_valid, the importer's check too: February 30, which
 * mktime would make March 2, or 24:00).  A time a clock change skips is
 * moved on by the change, as mktime does.
 */
long long
admin_parse_local_time(const char *s)
{
	struct tm tm;
	struct cal_date g;
	int h, mi;
	time_t t;
	char extra;

	if (s == NULL ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d%c", &g.year, &g.month, &g.day, &h,
	           &mi, &extra) != 5 ||
	    !cal_wall_time_valid(&g, h, mi, 0))
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = g.year - 1900;
	tm.tm_mon = g.month - 1;
	tm.tm_mday = g.day;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return t == (time_t)-1 ? -1 : (long long)t;
}

/* Formats a time for a datetime-local field; see handlers.h. */
const char *
admin_local_time(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[32];

	if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		return "";
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M", &tm);
	return arena_strdup(a, s);
}

/* Reads the state and the publish time; see handlers.h. */
const char *
admin_form_schedule(struct req *req, const char **state,
                    long long *published_at)
{
	const struct edition *e = req->edition;
	long long now = (long long)time(NULL);

	*state = req_form(req, "state");
	if (!admin_state_known(*state) ||
	    !admin_may_set_state(req->user, *state))
		return edition_string(e, "error_state");
	if (strcmp(*state, "scheduled") == 0) {
		long long t =
		    admin_parse_local_time(req_form(req, "publish_at"));

		if (t < 0)
			return edition_string(e, "error_publish_at");
		*published_at = t;
		/* A time already past publishes now, as a reader expects. */
		if (t <= now)
			*state = "published";
	} else if (strcmp(*state, "published") == 0 && *published_at <= 0) {
		*published_at = now;
	}
	return NULL;
}

/* Tells whether u reviews readers' messages and comments; see handlers.h. */
bool
admin_moderates(const struct staff *u)
{
	return admin_is_editor(u) || strcmp(u->role, "moderator") == 0;
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
	tv_set_bool(a, u, "moderates", admin_moderates(req->user));
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
	if (ed->body_label != NULL)
		tv_set_str(a, ctx, "body_label", ed->body_label);
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
	return site_edition_by_id(&app->site, id);
}

/* Returns the site's default edition; see handlers.h. */
const struct edition *
admin_default_edition(const struct app *app)
{
	return site_edition_by_prefix(&app->site, "", 0);
}

/* Returns a list's edition filter; see handlers.h. */
struct tval *
admin_edition_filter(struct app *app, struct req *req, long long selected)
{
	struct arena *a = req->arena;
	struct tval *opts = tv_list(a);

	admin_option(a, opts, "", edition_string(req->edition, "all"),
	             selected == 0);
	for (size_t i = 0; i < app->site.editions_count; i++) {
		const struct edition *e = &app->site.editions[i];

		admin_option(a, opts, arena_printf(a, "%lld", e->id), e->name,
		             e->id == selected);
	}
	return opts;
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

/* Parses an id's text: 0 when NULL or empty, -1 when not a number. */
static long long
parse_id_text(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return 0;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	return (*end != '\0' || errno != 0) ? -1 : v;
}

/* Parses an id field; see handlers.h. */
long long
admin_form_id(const struct req *req, const char *name)
{
	return parse_id_text(req_form(req, name));
}

/* Parses an id in the query; see handlers.h. */
long long
admin_query_id(const struct req *req, const char *name)
{
	return parse_id_text(req_query(req, name));
}

/* Parses a whole number of at most digits digits; see handlers.h. */
long long
admin_number(const char *s, size_t digits)
{
	size_t n = strspn(s, "0123456789");

	if (n == 0 || n > digits || s[n] != '\0')
		return -1;
	return strtoll(s, NULL, 10);
}

/* Reads the rows of a table editor; see handlers.h. */
long long
admin_form_rows(struct req *req, const char *const *cols, size_t ncols,
                struct admin_row *rows, size_t max)
{
	struct arena *a = req->arena;
	size_t n = 0, first_len = strlen(cols[0]);

	for (size_t f = 0; f < req->form_count; f++) {
		const char *key = req->form[f].key, *k;
		struct admin_row *r;

		if (strncmp(key, cols[0], first_len) != 0 ||
		    key[first_len] != '-')
			continue;
		k = key + first_len + 1;
		if (n == max)
			return -1;
		r = &rows[n];
		memset(r, 0, sizeof(*r));
		if (strncmp(k, "new", 3) == 0) {
			if (admin_number(k + 3, 2) < 0)
				return -1;
		} else if ((r->id = admin_number(k, 18)) <= 0) {
			return -1;
		}
		for (size_t i = 0; i < n; i++)
			if (strcmp(rows[i].key, k) == 0)
				return -1;
		r->key = k;
		r->cols = arena_calloc(a, ncols, sizeof(*r->cols));
		r->cols[0] = req->form[f].val;
		for (size_t c = 1; c < ncols; c++) {
			const char *v = req_form(
			    req, arena_concat(a, cols[c], "-", k, NULL));

			r->cols[c] = v ? v : "";
		}
		r->remove = r->id > 0 &&
		            req_form(req, arena_concat(a, "delete-", k, NULL));
		n++;
	}
	return (long long)n;
}

/* Orders the kept rows of a table editor; see handlers.h. */
size_t
admin_rows_order(struct arena *a, const long long *positions, const bool *keep,
                 size_t count, size_t *order)
{
	long long last = -1, *pos = arena_calloc(a, count + 1, sizeof(*pos));
	size_t n = 0, i, j;

	for (i = 0; i < count; i++)
		if (keep[i] && positions[i] > last)
			last = positions[i];
	/* Rows without a position go after the last one, as sent. */
	for (i = 0; i < count; i++)
		pos[i] = positions[i] >= 0 ? positions[i] : ++last;
	/* A stable insertion sort: forms hold a few dozen rows. */
	for (i = 0; i < count; i++) {
		if (!keep[i])
			continue;
		for (j = n; j > 0 && pos[order[j - 1]] > pos[i]; j--)
			order[j] = order[j - 1];
		order[j] = i;
		n++;
	}
	return n;
}

/* An option shows this many bytes of an item's alt text at most. */
#define OPTION_TEXT_MAX 60

/* Returns s cut to OPTION_TEXT_MAX bytes at a character's start, with an
 * ellipsis when cut. */
static const char *
short_text(struct arena *a, const char *s)
{
	size_t n = strlen(s);

	if (n <= OPTION_TEXT_MAX)
		return s;
	n = OPTION_TEXT_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return arena_concat(a, arena_strndup(a, s, n), "\xe2\x80\xa6", NULL);
}

/* Lists library items as options; see handlers.h. */
struct tval *
admin_media_options(struct req *req, const struct media_option *opts,
                    size_t count, long long selected)
{
	struct arena *a = req->arena;
	struct tval *list = tv_list(a);

	admin_option(a, list, "", edition_string(req->edition, "no_media"),
	             selected == 0);
	for (size_t i = 0; i < count; i++) {
		const char *label = opts[i].path;

		if (opts[i].alt[0] != '\0')
			label = arena_concat(a, label, " \xe2\x80\x93 ",
			                     short_text(a, opts[i].alt), NULL);
		admin_option(a, list, arena_printf(a, "%lld", opts[i].id),
		             label, opts[i].id == selected);
	}
	return list;
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

/* Reads the "Comments open" box; see handlers.h. */
void
admin_form_comments(const struct req *req, bool *open)
{
	if (req_form(req, "comments_field") != NULL)
		*open = req_form(req, "comments_open") != NULL;
}

/* Renders an editor with its preview; see handlers.h. */
int
admin_editor_render(struct app *app, struct resp *resp, int status,
                    const char *name, struct arena *a, struct tval *ctx,
                    const char *preview, bool html_source)
{
	struct trusted_html html;
	bool previewed = false;
	int rc;

	/* The preview is cmark's or the sanitiser's output as it is, freed
	 * after the render. */
	if (preview != NULL &&
	    (html_source
	         ? sanitize_html(preview, strlen(preview), NULL, &html)
	         : markdown_render(preview, strlen(preview), &html)) == 0) {
		tv_set(a, ctx, "preview", tv_html(a, html));
		previewed = true;
	}
	rc = app_render(app, resp, status, name, ctx);
	if (previewed)
		free((char *)html.html);
	return rc;
}

/* The message for a refused save of an item; see handlers.h. */
const char *
admin_item_save_message(const struct edition *e, enum save_result r)
{
	switch (r) {
	case SAVE_CONFLICT:
		return edition_string(e, "error_item_conflict");
	case SAVE_SLUG_TAKEN:
		return edition_string(e, "error_item_slug_taken");
	case SAVE_NUMBER_TAKEN:
		return edition_string(e, "error_number_taken");
	case SAVE_BAD_MEDIA:
		return edition_string(e, "error_media");
	case SAVE_BAD_ARTICLE:
		return edition_string(e, "error_article");
	case SAVE_BAD_BODY:
		return edition_string(e, "error_body");
	default:
		return NULL;
	}
}

/* Sets an admin list's page links; see handlers.h. */
void
admin_list_pager(struct req *req, struct tval *ctx, const char *base,
                 long long n, bool more)
{
	const char *sep = strchr(base, '?') ? "&" : "?";

	if (n > 1)
		tv_set_str(req->arena, ctx, "newer_url",
		           arena_printf(req->arena, "%s%spage=%lld", base, sep,
		                        n - 1));
	if (more)
		tv_set_str(req->arena, ctx, "older_url",
		           arena_printf(req->arena, "%s%spage=%lld", base, sep,
		                        n + 1));
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
