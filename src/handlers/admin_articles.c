/*
 * admin_articles.c: the articles list and the editor.  Who may do what:
 * admins and editors edit every article and put it in any state; authors
 * write their own, may keep them as drafts or submit them for review, and
 * cannot publish, schedule or edit what is already out; moderators do not
 * see articles.  The router enforces the roles and the CSRF token; the
 * rules on states and ownership are checked here, before anything is
 * written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/session.h"
#include "../db/article_admin_db.h"
#include "../db/auth_db.h"
#include "../db/revision_db.h"
#include "../render/html.h"
#include "../render/markdown.h"
#include "handlers.h"

#define LIST_PER_PAGE 20
#define TITLE_MAX 300
#define EXCERPT_MAX 2000
#define TAGS_MAX 2000

static const char *const states[] = {"draft",     "pending", "scheduled",
                                     "published", "private", "trash"};

/* Whether u may open this article in the editor at all. */
static bool
may_edit(const struct staff *u, const struct article_edit *a)
{
	if (admin_is_editor(u))
		return true;
	return a->author_id == u->id && (strcmp(a->state, "draft") == 0 ||
	                                 strcmp(a->state, "pending") == 0);
}

/* Whether u may put an article in state. */
static bool
may_set_state(const struct staff *u, const char *state)
{
	return admin_is_editor(u) || strcmp(state, "draft") == 0 ||
	       strcmp(state, "pending") == 0;
}

static bool
state_known(const char *s)
{
	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (s != NULL && strcmp(s, states[i]) == 0)
			return true;
	return false;
}

/*
 * Parses "YYYY-MM-DDTHH:MM" in the site's time zone (the worker's TZ) to
 * Unix time; -1 when malformed.
 */
static long long
parse_local_time(const char *s)
{
	struct tm tm;
	int y, mo, d, h, mi;
	char extra;

	if (s == NULL ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &extra) !=
	        5 ||
	    y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    h < 0 || h > 23 || mi < 0 || mi > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	return (long long)mktime(&tm);
}

static const char *
format_local_time(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[32];

	if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		return "";
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M", &tm);
	return arena_strdup(a, s);
}

/*
 * Reads the list's filters from the query into f (and *q, *page).
 * Returns 0, or 400 for a value that names nothing.
 */
static int
read_filters(struct req *req, struct article_filter *f, long long *page)
{
	const char *p = req_query(req, "page"), *q = req_query(req, "q");
	char *end;

	memset(f, 0, sizeof(*f));
	f->state = req_query(req, "state");
	if (f->state != NULL && f->state[0] == '\0')
		f->state = NULL;
	if (f->state != NULL && !state_known(f->state))
		return 400;
	*page = 1;
	if (p != NULL &&
	    ((*page = strtoll(p, &end, 10)) < 1 || *end || *page > 100000))
		return 400;
	f->q = (q != NULL && q[0] != '\0' && strlen(q) <= 200) ? q : NULL;
	if ((f->category_id = admin_query_id(req, "category")) < 0 ||
	    (f->author_id = admin_query_id(req, "author")) < 0 ||
	    (f->edition_id = admin_query_id(req, "edition")) < 0)
		return 400;
	/* Authors see their own, whatever the query says. */
	if (!admin_is_editor(req->user))
		f->author_id = req->user->id;
	f->offset = (*page - 1) * LIST_PER_PAGE;
	f->limit = LIST_PER_PAGE + 1;
	return 0;
}

/* The list's URL for page n with the filters of f. */
static const char *
list_url(struct arena *a, const struct article_filter *f, long long n)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	buf_printf(&b, "/admin/articles?page=%lld", n);
	if (f->state != NULL)
		buf_printf(&b, "&state=%s", f->state);
	if (f->category_id > 0)
		buf_printf(&b, "&category=%lld", f->category_id);
	if (f->author_id > 0)
		buf_printf(&b, "&author=%lld", f->author_id);
	if (f->edition_id > 0)
		buf_printf(&b, "&edition=%lld", f->edition_id);
	if (f->q != NULL) {
		buf_puts(&b, "&q=");
		html_url_component(&b, f->q, strlen(f->q));
	}
	out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Sets the filter form's choices: states, categories, authors, editions. */
static int
filter_options(struct app *app, struct req *req, struct tval *ctx,
               const struct article_filter *f)
{
	struct arena *a = req->arena;
	const char *all = edition_string(req->edition, "all");
	struct tval *opts = tv_list(a);
	struct term *cats;
	long long *cat_editions;
	struct staff_row *staff;
	size_t n, i;

	admin_option(a, opts, "", all, f->state == NULL);
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		admin_option(
		    a, opts, states[i],
		    edition_string(req->edition,
		                   arena_concat(a, "state_", states[i], NULL)),
		    f->state != NULL && strcmp(f->state, states[i]) == 0);
	tv_set(a, ctx, "states", opts);
	if (category_admin_list(app->db, a, &cats, &cat_editions, &n) < 0)
		return -1;
	opts = tv_list(a);
	admin_option(a, opts, "", all, f->category_id == 0);
	for (i = 0; i < n; i++)
		admin_option(a, opts, arena_printf(a, "%lld", cats[i].id),
		             cats[i].name, cats[i].id == f->category_id);
	tv_set(a, ctx, "categories", opts);
	opts = admin_edition_options(app, a, f->edition_id);
	tv_set(a, ctx, "editions", opts);
	if (!admin_is_editor(req->user))
		return 0;
	if (staff_db_list(app->db, a, (long long)time(NULL), &staff, &n) < 0)
		return -1;
	opts = tv_list(a);
	admin_option(a, opts, "", all, f->author_id == 0);
	for (i = 0; i < n; i++)
		if (strcmp(staff[i].s.role, "moderator") != 0)
			admin_option(a, opts,
			             arena_printf(a, "%lld", staff[i].s.id),
			             staff[i].s.display_name,
			             staff[i].s.id == f->author_id);
	tv_set(a, ctx, "authors", opts);
	tv_set_bool(a, ctx, "show_authors", true);
	return 0;
}

/*
 * GET /admin/articles: articles, newest change first, filtered by state,
 * category, author, edition and words in the title (query: state,
 * category, author, edition (ids), q, page); the pager keeps the filters.
 * Authors see their own.  Statuses: 200, 400 (bad filter), 500.  Roles:
 * admin, editor, author.
 */
int
admin_articles_list(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct article_filter f;
	struct article_row *rows;
	size_t count, i;
	struct tval *ctx, *list;
	long long n;

	if (read_filters(req, &f, &n) != 0)
		return 400;
	if (article_admin_list(app->db, a, &f, &rows, &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "articles"));
	if (ctx == NULL || filter_options(app, req, ctx, &f) < 0)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count && i < LIST_PER_PAGE; i++) {
		struct tval *m = tv_map(a);
		char key[32];

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "title", rows[i].title);
		snprintf(key, sizeof(key), "state_%s", rows[i].state);
		tv_set_str(a, m, "state", edition_string(req->edition, key));
		tv_set_str(a, m, "edition", rows[i].edition_code);
		tv_set_str(a, m, "category", rows[i].category_name);
		tv_set_str(a, m, "author", rows[i].author_name);
		tv_set_str(a, m, "editor", rows[i].editor_name);
		tv_set_str(a, m, "updated",
		           frame_date(app, req, rows[i].updated_at));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "articles", list);
	if (f.q != NULL)
		tv_set_str(a, ctx, "q", f.q);
	if (n > 1)
		tv_set_str(a, ctx, "newer_url", list_url(a, &f, n - 1));
	if (count > LIST_PER_PAGE)
		tv_set_str(a, ctx, "older_url", list_url(a, &f, n + 1));
	return app_render(app, resp, 200, "admin/articles", ctx);
}

/* Renders the editor for ed, with an optional message and preview. */
static int
editor_page(struct app *app, struct req *req, struct resp *resp, int status,
            const struct article_edit *ed, const char *message,
            const char *other_body, bool preview, const char *notice)
{
	struct arena *a = req->arena;
	struct tval *ctx, *opts;
	struct term *cats;
	long long *cat_editions;
	size_t ncats, i;
	struct admin_editor f = {
	    .action = ed->id ? arena_printf(a, "/admin/articles/%lld", ed->id)
	                     : "/admin/articles/new",
	    .heading = edition_string(req->edition,
	                              ed->id ? "edit_article" : "new_article"),
	    .version = ed->version,
	    .title = ed->title,
	    .slug = ed->slug,
	    .body = ed->body_md,
	    .message = message,
	    .notice = notice,
	    .other_body = other_body,
	};

	ctx = admin_editor_frame(app, req, resp, &f);
	if (ctx == NULL ||
	    category_admin_list(app->db, a, &cats, &cat_editions, &ncats) < 0)
		return 500;
	tv_set_str(a, ctx, "excerpt", ed->excerpt ? ed->excerpt : "");
	tv_set_str(a, ctx, "tags", ed->tags ? ed->tags : "");
	tv_set_str(a, ctx, "featured", ed->featured ? ed->featured : "");
	tv_set_bool(a, ctx, "comments_open", ed->comments_open);
	tv_set_str(a, ctx, "publish_at",
	           format_local_time(a, ed->published_at));
	if (ed->id > 0) {
		long long revisions = revision_db_count(app->db, ed->id);

		if (revisions < 0)
			return 500;
		tv_set_str(
		    a, ctx, "revisions_url",
		    arena_printf(a, "/admin/articles/%lld/revisions", ed->id));
		tv_set_int(a, ctx, "revisions_count", revisions);
	}
	opts = tv_list(a);
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (may_set_state(req->user, states[i]))
			admin_option(
			    a, opts, states[i],
			    edition_string(
			        req->edition,
			        arena_concat(a, "state_", states[i], NULL)),
			    ed->state != NULL &&
			        strcmp(ed->state, states[i]) == 0);
	tv_set(a, ctx, "states", opts);
	opts = tv_list(a);
	admin_option(a, opts, "", edition_string(req->edition, "no_category"),
	             ed->category_id == 0);
	for (i = 0; i < ncats; i++)
		admin_option(a, opts, arena_printf(a, "%lld", cats[i].id),
		             cats[i].name, cats[i].id == ed->category_id);
	tv_set(a, ctx, "categories", opts);
	tv_set(a, ctx, "editions",
	       admin_edition_options(app, a, ed->edition_id));
	return admin_editor_render(app, resp, status, "admin/article_edit", a,
	                           ctx, preview ? ed->body_md : NULL);
}

/*
 * GET /admin/articles/new: an empty editor.  Statuses: 200, 500.  Roles:
 * admin, editor, author.
 */
int
admin_article_new(struct app *app, struct req *req, struct resp *resp)
{
	struct article_edit ed;

	memset(&ed, 0, sizeof(ed));
	ed.state = "draft";
	ed.edition_id = req->edition->id;
	ed.body_md = "";
	ed.comments_open = true;
	return editor_page(app, req, resp, 200, &ed, NULL, NULL, false, NULL);
}

/* Reads the article {id} the user may edit; see handlers.h. */
int
admin_article_load(struct app *app, struct req *req, struct article_edit *ed)
{
	int rc = article_admin_get(app->db, req->arena, req->param_int, ed);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	return may_edit(req->user, ed) ? 0 : 403;
}

/*
 * GET /admin/articles/{id}: the editor for one article.  Statuses: 200,
 * 403 (an author's article out of their hands), 404, 500.  Roles: admin,
 * editor, author.
 */
int
admin_article_edit(struct app *app, struct req *req, struct resp *resp)
{
	struct article_edit ed;
	int rc = admin_article_load(app, req, &ed);

	if (rc != 0)
		return rc;
	return editor_page(app, req, resp, 200, &ed, NULL, NULL, false,
	                   admin_saved_notice(req));
}

/* The message for a refused save; see handlers.h. */
const char *
admin_article_save_message(const struct edition *e, enum save_result r)
{
	switch (r) {
	case SAVE_CONFLICT:
		return edition_string(e, "error_conflict");
	case SAVE_SLUG_TAKEN:
		return edition_string(e, "error_slug_taken");
	case SAVE_BAD_CATEGORY:
		return edition_string(e, "error_category");
	case SAVE_BAD_IMAGE:
		return edition_string(e, "error_image");
	case SAVE_BAD_BODY:
		return edition_string(e, "error_body");
	default:
		return NULL;
	}
}

/*
 * Reads the editor's fields into ed (over what ed held) and checks them.
 * Returns NULL when they are valid, else the message to show.
 */
static const char *
read_form(struct app *app, struct req *req, struct article_edit *ed)
{
	const struct edition *e = req->edition;
	const char *v;
	long long id;

	ed->title = req_form(req, "title");
	ed->excerpt = req_form(req, "excerpt");
	ed->body_md = req_form(req, "body");
	ed->tags = req_form(req, "tags");
	ed->featured = req_form(req, "featured");
	ed->state = req_form(req, "state");
	if (ed->body_md == NULL)
		ed->body_md = "";
	if (ed->featured != NULL && strncmp(ed->featured, "/uploads/", 9) == 0)
		ed->featured += 9;
	if ((v = req_form(req, "version")) != NULL)
		ed->version = strtoll(v, NULL, 10);
	/* The box says nothing when unticked: comments_field says the form
	 * had it (a form without it keeps the article's setting). */
	if (req_form(req, "comments_field") != NULL)
		ed->comments_open = req_form(req, "comments_open") != NULL;
	if ((id = admin_form_id(req, "category")) < 0)
		return edition_string(e, "error_category");
	ed->category_id = id;
	if ((id = admin_form_id(req, "edition")) > 0)
		ed->edition_id = id;
	if (ed->title == NULL || ed->title[0] == '\0' ||
	    strlen(ed->title) > TITLE_MAX)
		return edition_string(e, "error_title_required");
	if ((ed->excerpt && strlen(ed->excerpt) > EXCERPT_MAX) ||
	    (ed->tags && strlen(ed->tags) > TAGS_MAX) ||
	    strlen(ed->body_md) > MARKDOWN_MAX_BYTES)
		return edition_string(e, "error_body");
	if (!admin_form_slug(req, ed->title, &ed->slug))
		return edition_string(e, "error_slug");
	if (!state_known(ed->state) || !may_set_state(req->user, ed->state))
		return edition_string(e, "error_state");
	if (strcmp(ed->state, "scheduled") == 0) {
		long long t = parse_local_time(req_form(req, "publish_at"));

		if (t < 0)
			return edition_string(e, "error_publish_at");
		ed->published_at = t;
		/* A time already past publishes now, as a reader expects. */
		if (t <= (long long)time(NULL))
			ed->state = "published";
	} else if (strcmp(ed->state, "published") == 0 &&
	           ed->published_at <= 0) {
		ed->published_at = (long long)time(NULL);
	}
	(void)app;
	return NULL;
}

/* Saves the posted editor over ed; shared by create and update. */
static int
save(struct app *app, struct req *req, struct resp *resp,
     struct article_edit *ed)
{
	const char *old_state = ed->state; /* NULL for a new article */
	const char *message = read_form(app, req, ed);
	const char *action = req_form(req, "action");
	enum save_result r;
	long long id;

	if (message != NULL)
		return editor_page(app, req, resp, 400, ed, message, NULL,
		                   false, NULL);
	if (action != NULL && strcmp(action, "preview") == 0)
		return editor_page(app, req, resp, 200, ed, NULL, NULL, true,
		                   NULL);
	r = article_admin_save(app->db, ed, req->user->id,
	                       (long long)time(NULL), &id);
	if (r == SAVE_FAILED)
		return 500;
	if (r == SAVE_CONFLICT) {
		struct article_edit current;

		if (article_admin_get(app->db, req->arena, ed->id, &current) !=
		    0)
			return 500;
		ed->version = current.version;
		return editor_page(app, req, resp, 409, ed,
		                   admin_article_save_message(req->edition, r),
		                   current.body_md, false, NULL);
	}
	if (r != SAVE_OK)
		return editor_page(app, req, resp, 400, ed,
		                   admin_article_save_message(req->edition, r),
		                   NULL, false, NULL);
	admin_audit_state(app, req, "article", old_state, ed->state, ed->title);
	return admin_saved(req, resp, "/admin/articles", id);
}

/*
 * POST /admin/articles/new: creates an article.  Fields: title, slug,
 * excerpt, body, category, tags, featured, edition, state, publish_at,
 * comments_field and comments_open (the "Comments open" box: open unless
 * the form has the first without the second), action (save or preview),
 * csrf.  Statuses: 303 (saved), 200 (preview),
 * 400 (invalid: the form again with a message), 500.  Roles: admin,
 * editor, author.
 */
int
admin_article_create(struct app *app, struct req *req, struct resp *resp)
{
	struct article_edit ed;

	memset(&ed, 0, sizeof(ed));
	ed.edition_id = req->edition->id;
	ed.author_id = req->user->id;
	ed.comments_open = true;
	return save(app, req, resp, &ed);
}

/*
 * POST /admin/articles/{id}: saves an article; fields as for creating,
 * plus version (the one the editor opened).  Statuses: 303, 200 (preview),
 * 400, 403 (not the author's to edit), 404, 409 (someone saved in
 * between: the form again with both texts), 500.  Roles: admin, editor,
 * author.
 */
int
admin_article_save(struct app *app, struct req *req, struct resp *resp)
{
	struct article_edit ed;
	int rc = admin_article_load(app, req, &ed);

	return rc != 0 ? rc : save(app, req, resp, &ed);
}
