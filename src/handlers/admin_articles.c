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
	if (f->state != NULL && !admin_state_known(f->state))
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

	tv_set(a, ctx, "states",
	       admin_state_options(req, admin_states, ADMIN_STATES, f->state,
	                           true, NULL));
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

/* What the editor shows below the form, besides the library's tools. */
enum editor_extra {
	EXTRA_NONE,
	EXTRA_PREVIEW, /* the body rendered */
	EXTRA_CHOOSER, /* the library's images to pick the featured one */
};

/* Tells whether the user may pin an article to the top of the home page
 * (sticky): those who may publish, as the home page is theirs to order. */
static bool
may_pin(const struct req *req)
{
	return admin_may_set_state(req->user, "published");
}

/* Renders the editor for ed, with an optional message and extra. */
static int
editor_page(struct app *app, struct req *req, struct resp *resp, int status,
            const struct article_edit *ed, const char *message,
            const char *other_body, enum editor_extra extra, const char *notice)
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
	    .body_label = ed->body_html
	                      ? edition_string(req->edition, "body_html_source")
	                      : NULL,
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
	tv_set_bool(a, ctx, "sticky", ed->sticky);
	tv_set_bool(a, ctx, "may_pin", may_pin(req));
	tv_set_str(a, ctx, "publish_at", admin_local_time(a, ed->published_at));
	if (admin_revisions_link(app, req, ctx,
	                         (struct revision_of){false, ed->id}) < 0)
		return 500;
	tv_set(a, ctx, "states",
	       admin_state_options(req, admin_states, ADMIN_STATES, ed->state,
	                           false, req->user));
	opts = tv_list(a);
	admin_option(a, opts, "", edition_string(req->edition, "no_category"),
	             ed->category_id == 0);
	for (i = 0; i < ncats; i++)
		admin_option(a, opts, arena_printf(a, "%lld", cats[i].id),
		             cats[i].name, cats[i].id == ed->category_id);
	tv_set(a, ctx, "categories", opts);
	tv_set(a, ctx, "editions",
	       admin_edition_options(app, a, ed->edition_id));
	tv_set_str(a, ctx, "translation_label",
	           edition_string(req->edition, "translation_of"));
	if (translation_editor(app, req, ctx, TRANSLATION_ARTICLE, ed->id,
	                       req_form(req, "translation_of")) < 0)
		return 500;
	/* The featured image, an upload in place and images for the body
	 * (admin/editor_media, after the form: see admin_media.c). */
	tv_set_bool(a, ctx, "media_tools", true);
	tv_set_str(a, ctx, "upload_action",
	           arena_printf(a, "/admin/media/upload?article=%lld", ed->id));
	if (admin_media_editor(app, req, ctx, ed->featured,
	                       extra == EXTRA_CHOOSER) < 0)
		return 500;
	return admin_editor_render(
	    app, resp, status, "admin/article_edit", a, ctx,
	    extra == EXTRA_PREVIEW ? ed->body_md : NULL, ed->body_html);
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
	ed.edition_id = admin_default_edition(app)->id;
	ed.body_md = "";
	ed.comments_open = true;
	return editor_page(app, req, resp, 200, &ed, NULL, NULL, EXTRA_NONE,
	                   NULL);
}

/* Reads article id into ed when the user may edit it: 0, 403, 404, 500. */
static int
load_article(struct app *app, struct req *req, long long id,
             struct article_edit *ed)
{
	int rc = article_admin_get(app->db, req->arena, id, ed);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	return admin_may_edit(req->user, ed->author_id, ed->state) ? 0 : 403;
}

/* Reads the article {id} the user may edit; see handlers.h. */
int
admin_article_load(struct app *app, struct req *req, struct article_edit *ed)
{
	return load_article(app, req, req->param_int, ed);
}

/* Reads the article the query names; see handlers.h. */
int
admin_article_from_query(struct app *app, struct req *req,
                         struct article_edit *ed)
{
	const char *v = req_query(req, "article");
	char *end;
	long long id;

	memset(ed, 0, sizeof(*ed));
	if (v == NULL || v[0] == '\0')
		return 400;
	id = strtoll(v, &end, 10);
	if (*end != '\0' || id < 0)
		return 400;
	if (id > 0)
		return load_article(app, req, id, ed);
	ed->state = "draft";
	ed->edition_id = admin_default_edition(app)->id;
	ed->author_id = req->user->id;
	ed->body_md = "";
	return 0;
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
	return editor_page(app, req, resp, 200, &ed, NULL, NULL, EXTRA_NONE,
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
	case SAVE_BAD_TRANSLATION:
		return edition_string(e, "error_translation");
	case SAVE_TRANSLATION_TAKEN:
		return edition_string(e, "error_translation_taken");
	default:
		return NULL;
	}
}

/* Reads the editor's text fields into ed (over what ed held). */
static void
read_fields(struct req *req, struct article_edit *ed)
{
	const char *v;

	ed->title = req_form(req, "title");
	ed->excerpt = req_form(req, "excerpt");
	ed->body_md = req_form(req, "body");
	ed->tags = req_form(req, "tags");
	ed->featured = req_form(req, "featured");
	ed->state = req_form(req, "state"); /* shown again if invalid */
	if (ed->body_md == NULL)
		ed->body_md = "";
	if (ed->featured != NULL && strncmp(ed->featured, "/uploads/", 9) == 0)
		ed->featured += 9;
	if ((v = req_form(req, "version")) != NULL)
		ed->version = strtoll(v, NULL, 10);
	admin_form_comments(req, &ed->comments_open);
	if (may_pin(req) && req_form(req, "sticky_field") != NULL)
		ed->sticky = req_form(req, "sticky") != NULL;
}

/*
 * Reads every field of the editor into ed without checking them, for a
 * form shown again as it was sent (the chooser, an upload in place).
 */
static void
read_fields_unchecked(struct req *req, struct article_edit *ed)
{
	long long id, t;

	read_fields(req, ed);
	if (req_form(req, "slug") != NULL)
		ed->slug = req_form(req, "slug");
	if ((id = admin_form_id(req, "category")) >= 0)
		ed->category_id = id;
	if ((id = admin_form_id(req, "edition")) > 0)
		ed->edition_id = id;
	if ((t = admin_parse_local_time(req_form(req, "publish_at"))) >= 0)
		ed->published_at = t;
}

/* Shows the editor again as posted; see handlers.h. */
int
admin_article_form_again(struct app *app, struct req *req, struct resp *resp,
                         int status, struct article_edit *ed,
                         const char *featured, const char *message,
                         const char *notice)
{
	read_fields_unchecked(req, ed);
	if (featured != NULL)
		ed->featured = featured;
	return editor_page(app, req, resp, status, ed, message, NULL,
	                   EXTRA_NONE, notice);
}

/*
 * Reads the editor's fields into ed (over what ed held) and checks them.
 * Returns NULL when they are valid, else the message to show.
 */
static const char *
read_form(struct app *app, struct req *req, struct article_edit *ed)
{
	const struct edition *e = req->edition;
	long long id;

	read_fields(req, ed);
	if ((id = admin_form_id(req, "category")) < 0)
		return edition_string(e, "error_category");
	ed->category_id = id;
	if ((id = admin_form_id(req, "edition")) < 0 ||
	    (id > 0 && admin_edition_by_id(app, id) == NULL))
		return edition_string(e, "error_edition");
	if (id > 0)
		ed->edition_id = id;
	if (ed->title == NULL || ed->title[0] == '\0')
		return edition_string(e, "error_title_required");
	if (strlen(ed->title) > TITLE_MAX ||
	    (ed->excerpt && strlen(ed->excerpt) > EXCERPT_MAX) ||
	    (ed->tags && strlen(ed->tags) > TAGS_MAX))
		return edition_string(e, "error_item_text");
	if (strlen(ed->body_md) > MARKDOWN_MAX_BYTES)
		return edition_string(e, "error_body");
	if (!admin_form_slug(req, ed->title, &ed->slug))
		return edition_string(e, "error_slug");
	id = translation_field(app, req, TRANSLATION_ARTICLE,
	                       req_form(req, "translation_of"));
	if (id == -1)
		return edition_string(e, "error_translation");
	if (id != -2)
		ed->translation_of = id;
	return admin_form_schedule(req, &ed->state, &ed->published_at);
}

/* Saves the posted editor over ed; shared by create and update. */
static int
save(struct app *app, struct req *req, struct resp *resp,
     struct article_edit *ed)
{
	const char *old_state = ed->state; /* NULL for a new article */
	const char *action = req_form(req, "action");
	const char *message;
	enum save_result r;
	long long id;

	/* Opening the library's images keeps the text as it is, unchecked. */
	if (action != NULL && strcmp(action, "choose_image") == 0) {
		read_fields_unchecked(req, ed);
		return editor_page(app, req, resp, 200, ed, NULL, NULL,
		                   EXTRA_CHOOSER, NULL);
	}
	message = read_form(app, req, ed);
	if (message != NULL)
		return editor_page(app, req, resp, 400, ed, message, NULL,
		                   EXTRA_NONE, NULL);
	if (action != NULL && strcmp(action, "preview") == 0)
		return editor_page(app, req, resp, 200, ed, NULL, NULL,
		                   EXTRA_PREVIEW, NULL);
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
		                   current.body_md, EXTRA_NONE, NULL);
	}
	if (r != SAVE_OK)
		return editor_page(app, req, resp, 400, ed,
		                   admin_article_save_message(req->edition, r),
		                   NULL, EXTRA_NONE, NULL);
	admin_audit_state(app, req, "article", old_state, ed->state, ed->title);
	return admin_saved(req, resp, "/admin/articles", id);
}

/*
 * POST /admin/articles/new: creates an article.  Fields: title, slug,
 * excerpt, body, category, tags, featured (an uploads path), edition,
 * state, publish_at, comments_field and comments_open (the "Comments
 * open" box: open unless the form has the first without the second),
 * translation_of (an article of another edition, by id or address, to
 * link as a translation; empty: none; absent: unchanged),
 * action (save, preview, or choose_image: the editor again, unchecked and
 * unsaved, with the library's images to pick the featured one, filtered
 * by image_q), csrf.  Statuses: 303 (saved), 200 (preview, chooser), 400
 * (invalid: the form again with a message), 500.  Roles: admin, editor,
 * author.
 */
int
admin_article_create(struct app *app, struct req *req, struct resp *resp)
{
	struct article_edit ed;

	memset(&ed, 0, sizeof(ed));
	ed.edition_id = admin_default_edition(app)->id;
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
