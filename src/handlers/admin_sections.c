/*
 * admin_sections.c: the list and the editor of media posts (cartoons,
 * NewsPics, photo albums, videos).  Roles and states are the articles':
 * admins and editors edit every post and put it in any state; authors
 * write their own, keep them as drafts or submit them for review, and
 * cannot publish, schedule or edit what is already out; moderators do not
 * see posts.  The router enforces the roles and the CSRF token; the rules
 * on states and ownership are checked here, before anything is written.
 *
 * The editor is the article editor's (title, slug, a Markdown caption
 * with a preview, the conflict view) with the post's own fields: section,
 * image, video (a library file or a YouTube/Vimeo address, kept as
 * provider and id), and for albums a table of photos that needs no script,
 * as the menu editor's: a row per photo (a <select> of the library's
 * images, caption, position, a delete box) and empty rows for new ones,
 * saved with the post in one transaction under its version.  A bad row
 * answers 400 with the form as sent and a message on that row.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/section_db.h"
#include "../render/markdown.h"
#include "../util/video.h"
#include "admin_item.h"

#define LIST_PER_PAGE 20
#define TITLE_MAX 300
#define ALBUM_MAX 16     /* photos an album's form can carry */
#define ALBUM_NEW_ROWS 3 /* empty rows offered for new photos */
#define PHOTO_CAPTION_MAX 500
#define MEDIA_OPTIONS 100 /* library items offered in each <select> */

/*
 * The post's fields (csrf, version, title, slug, body, section, edition,
 * state, publish_at, image, video, video_url, album, action) and four per
 * photo row (photo, caption, position, delete): the fullest form must
 * pass the request parser's field limit.
 */
_Static_assert(14 + 4 * (ALBUM_MAX + ALBUM_NEW_ROWS) <= HTTP_MAX_FIELDS,
               "the album form would outgrow HTTP_MAX_FIELDS");

static const char *const sections[] = {"cartoons", "newspics", "photos",
                                       "videos"};
#define SECTIONS_COUNT (sizeof(sections) / sizeof(sections[0]))

/* The columns of an album row, in the form's field names. */
static const char *const album_cols[] = {"photo", "caption", "position"};

/* A photo row of the form as shown: saved, or as sent with its error. */
struct photo_row {
	const char *key;
	long long media_id;
	const char *caption;
	const char *position;
	bool remove;
	const char *error; /* a message key, or NULL */
};

/* The album rows of a form shown again, or NULL for the saved album. */
struct photo_rows {
	struct photo_row *rows;
	size_t count;
};

/* The editor's form (admin_item.h): the post, and its album rows as the
 * form sent them (rows NULL: the saved album). */
struct post_form {
	struct media_post_edit ed;
	struct photo_rows sent;
};

static bool
section_known(const char *s)
{
	for (size_t i = 0; i < SECTIONS_COUNT; i++)
		if (s != NULL && strcmp(s, sections[i]) == 0)
			return true;
	return false;
}

/* A post's public address in its edition. */
static const char *
post_path(struct arena *a, const char *prefix, const char *section,
          const char *slug)
{
	return arena_concat(a, prefix[0] ? "/" : "", prefix, "/media/", section,
	                    "/", slug, NULL);
}

/* The interface string naming a section. */
static const char *
section_name(const struct edition *e, const char *section)
{
	return edition_string(e, section ? section : "cartoons");
}

/*
 * GET /admin/media-posts: posts of every edition, newest change first,
 * filtered by section, state and edition (query: section, state,
 * edition, page); authors
 * see their own.  Statuses: 200, 400 (bad filter), 500.  Roles: admin,
 * editor, author.
 */
int
admin_media_posts_list(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct media_post_filter f;
	struct media_post_row *rows;
	size_t count, i;
	struct tval *ctx, *list, *opts;
	const char *page = req_query(req, "page");
	long long n = 1;

	memset(&f, 0, sizeof(f));
	f.state = req_query(req, "state");
	f.section = req_query(req, "section");
	if (f.state != NULL && f.state[0] == '\0')
		f.state = NULL;
	if (f.section != NULL && f.section[0] == '\0')
		f.section = NULL;
	if ((f.state != NULL && !admin_state_known(f.state)) ||
	    (f.section != NULL && !section_known(f.section)) ||
	    (page != NULL && (n = admin_number(page, 6)) < 1))
		return 400;
	if ((f.edition_id = admin_query_id(req, "edition")) < 0 ||
	    (f.edition_id > 0 &&
	     admin_edition_by_id(app, f.edition_id) == NULL))
		return 400;
	f.author_id = admin_is_editor(req->user) ? 0 : req->user->id;
	f.offset = (n - 1) * LIST_PER_PAGE;
	f.limit = LIST_PER_PAGE + 1;
	if (media_post_admin_list(app->db, a, &f, &rows, &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "media_posts"));
	if (ctx == NULL)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count && i < LIST_PER_PAGE; i++) {
		struct tval *m = tv_map(a);
		const char *path = post_path(a, rows[i].edition_prefix,
		                             rows[i].section, rows[i].slug);

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "title", rows[i].title);
		tv_set_str(a, m, "section",
		           section_name(req->edition, rows[i].section));
		tv_set_str(a, m, "state",
		           edition_string(
		               req->edition,
		               arena_concat(a, "state_", rows[i].state, NULL)));
		tv_set_str(a, m, "public_url",
		           strcmp(rows[i].state, "published") == 0 ? path : "");
		tv_set_str(a, m, "edition", rows[i].edition_code);
		tv_set_str(a, m, "author", rows[i].author_name);
		tv_set_str(a, m, "editor", rows[i].editor_name);
		tv_set_str(a, m, "updated",
		           frame_date(app, req, rows[i].updated_at));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "posts", list);
	tv_set(a, ctx, "states",
	       admin_state_options(req, admin_states, ADMIN_STATES, f.state,
	                           true, NULL));
	opts = tv_list(a);
	admin_option(a, opts, "", edition_string(req->edition, "all"),
	             f.section == NULL);
	for (i = 0; i < SECTIONS_COUNT; i++)
		admin_option(a, opts, sections[i],
		             section_name(req->edition, sections[i]),
		             f.section && strcmp(f.section, sections[i]) == 0);
	tv_set(a, ctx, "sections", opts);
	tv_set(a, ctx, "editions",
	       admin_edition_filter(app, req, f.edition_id));
	admin_list_pager(
	    req, ctx,
	    arena_printf(a,
	                 "/admin/media-posts?section=%s&state=%s"
	                 "&edition=%s",
	                 f.section ? f.section : "", f.state ? f.state : "",
	                 f.edition_id ? arena_printf(a, "%lld", f.edition_id)
	                              : ""),
	    n, count > LIST_PER_PAGE);
	return app_render(app, resp, 200, "admin/media_posts", ctx);
}

/* The album rows of the saved post ed, then empty rows for new photos. */
static struct photo_rows
saved_rows(struct arena *a, const struct media_post_edit *ed)
{
	size_t fresh = ed->album_count < ALBUM_MAX ? ALBUM_MAX - ed->album_count
	                                           : 0,
	       i;
	struct photo_rows r;

	if (fresh > ALBUM_NEW_ROWS)
		fresh = ALBUM_NEW_ROWS;
	r.rows = arena_calloc(a, ed->album_count + fresh + 1, sizeof(*r.rows));
	r.count = 0;
	for (i = 0; i < ed->album_count; i++) {
		struct photo_row *p = &r.rows[r.count++];

		p->key = arena_printf(a, "%zu", i + 1);
		p->media_id = ed->album[i].media_id;
		p->caption = ed->album[i].caption;
		p->position = arena_printf(a, "%zu", i + 1);
	}
	for (i = 0; i < fresh; i++) {
		struct photo_row *p = &r.rows[r.count++];

		p->key = arena_printf(a, "new%zu", i + 1);
		p->caption = p->position = "";
	}
	return r;
}

/* Adds the album's rows to ctx ("rows", "album_full"), each with its
 * <select> of the library's images. */
static void
album_context(struct req *req, struct tval *ctx, const struct photo_rows *rows,
              const struct media_option *images, size_t n_images)
{
	struct arena *a = req->arena;
	struct tval *list = tv_list(a);
	size_t fresh = 0;

	for (size_t i = 0; i < rows->count; i++) {
		const struct photo_row *r = &rows->rows[i];
		struct tval *m = tv_map(a);
		bool is_new = strncmp(r->key, "new", 3) == 0;

		fresh += is_new;
		tv_set_str(a, m, "key", r->key);
		tv_set(a, m, "photos",
		       admin_media_options(req, images, n_images, r->media_id));
		tv_set_str(a, m, "caption", r->caption);
		tv_set_str(a, m, "position", r->position);
		tv_set_bool(a, m, "fresh", is_new);
		tv_set_bool(a, m, "remove", r->remove);
		if (r->error != NULL)
			tv_set_str(a, m, "row_error",
			           edition_string(req->edition, r->error));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "rows", list);
	tv_set_bool(a, ctx, "album_full", fresh == 0);
}

/* Renders the editor for the post form (a struct post_form) with an
 * optional message, the saved text after a conflict, a preview, a notice,
 * and its album rows (those sent, else the saved album's). */
static int
editor_page(struct app *app, struct req *req, struct resp *resp, int status,
            const void *form, const char *message, const char *other_body,
            bool preview, const char *notice)
{
	const struct post_form *pf = form;
	const struct media_post_edit *ed = &pf->ed;
	struct arena *a = req->arena;
	const struct edition *e = admin_edition_by_id(app, ed->edition_id);
	struct admin_editor f = {
	    .action = ed->id
	                  ? arena_printf(a, "/admin/media-posts/%lld", ed->id)
	                  : "/admin/media-posts/new",
	    .heading = edition_string(req->edition, ed->id ? "edit_media_post"
	                                                   : "new_media_post"),
	    .version = ed->version,
	    .title = ed->title,
	    .slug = ed->slug,
	    .body = ed->caption_md,
	    .body_label = edition_string(req->edition, "caption_md"),
	    .message = message,
	    .notice = notice,
	    .other_body = other_body,
	};
	struct photo_rows rows = pf->sent.rows ? pf->sent : saved_rows(a, ed);
	struct media_option *images, *videos;
	size_t n_images, n_videos, i;
	long long *chosen = arena_calloc(a, rows.count + 1, sizeof(*chosen));
	struct tval *ctx, *opts;
	const char *url;
	bool album = ed->section != NULL && strcmp(ed->section, "photos") == 0;

	chosen[0] = ed->image_id;
	for (i = 0; i < rows.count; i++)
		chosen[i + 1] = rows.rows[i].media_id;
	if (edit_db_media_options(app->db, a, "image/*", chosen, rows.count + 1,
	                          MEDIA_OPTIONS, &images, &n_images) < 0 ||
	    edit_db_media_options(app->db, a, "video/*", &ed->video_id, 1,
	                          MEDIA_OPTIONS, &videos, &n_videos) < 0)
		return 500;
	if ((ctx = admin_editor_frame(app, req, resp, &f)) == NULL)
		return 500;
	if (notice != NULL && e != NULL && ed->state != NULL &&
	    strcmp(ed->state, "published") == 0)
		tv_set_str(a, ctx, "view_url",
		           post_path(a, e->prefix, ed->section, ed->slug));
	tv_set_str(a, ctx, "publish_at", admin_local_time(a, ed->published_at));
	tv_set(a, ctx, "states",
	       admin_state_options(req, admin_states, ADMIN_STATES, ed->state,
	                           false, req->user));
	opts = tv_list(a);
	for (i = 0; i < SECTIONS_COUNT; i++)
		admin_option(a, opts, sections[i],
		             section_name(req->edition, sections[i]),
		             ed->section &&
		                 strcmp(ed->section, sections[i]) == 0);
	tv_set(a, ctx, "sections", opts);
	tv_set(a, ctx, "editions",
	       admin_edition_options(app, a, ed->edition_id));
	tv_set(a, ctx, "images",
	       admin_media_options(req, images, n_images, ed->image_id));
	tv_set(a, ctx, "videos",
	       admin_media_options(req, videos, n_videos, ed->video_id));
	/* What was typed, when the form is shown again; else the saved
	 * video's address. */
	if ((url = req_form(req, "video_url")) == NULL)
		url = video_watch_url(
		    a, video_provider_from_name(ed->video_provider),
		    ed->video_ref ? ed->video_ref : "");
	tv_set_str(a, ctx, "video_url", url);
	tv_set_bool(a, ctx, "album", album);
	if (album)
		album_context(req, ctx, &rows, images, n_images);
	return admin_editor_render(app, resp, status, "admin/media_post_edit",
	                           a, ctx, preview ? ed->caption_md : NULL,
	                           false);
}

/*
 * GET /admin/media-posts/new: an empty editor (query: section, the new
 * post's: cartoons by default).  Statuses: 200, 400 (unknown section),
 * 500.  Roles: admin, editor, author.
 */
int
admin_media_post_new(struct app *app, struct req *req, struct resp *resp)
{
	struct post_form f = {0};
	const char *section = req_query(req, "section");

	if (section != NULL && !section_known(section))
		return 400;
	f.ed.section = section ? section : "cartoons";
	f.ed.state = "draft";
	f.ed.edition_id = admin_default_edition(app)->id;
	f.ed.caption_md = "";
	return editor_page(app, req, resp, 200, &f, NULL, NULL, false, NULL);
}

/* Reads the post {id} the user may edit into ed.  Returns 0, or the
 * status: 403, 404, 500. */
static int
load(struct app *app, struct req *req, struct media_post_edit *ed)
{
	int rc = media_post_admin_get(app->db, req->arena, req->param_int, ed);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	return admin_may_edit(req->user, ed->author_id, ed->state) ? 0 : 403;
}

/*
 * GET /admin/media-posts/{id}: the editor for one post (query: saved,
 * after a save).  Statuses: 200, 403 (an author's post out of their
 * hands), 404, 500.  Roles: admin, editor, author.
 */
int
admin_media_post_edit(struct app *app, struct req *req, struct resp *resp)
{
	struct post_form f = {0};
	int rc = load(app, req, &f.ed);

	if (rc != 0)
		return rc;
	return editor_page(app, req, resp, 200, &f, NULL, NULL, false,
	                   admin_saved_notice(req));
}

/*
 * Reads the album rows of the form into *sent (as sent, with errors) and,
 * when all are valid, into ed->album in position order.  Returns 1 when
 * they are valid, 0 when a row is not (its error set), -1 when the form
 * is not this editor's.
 */
static int
read_album(struct req *req, struct media_post_edit *ed, struct photo_rows *sent)
{
	struct arena *a = req->arena;
	size_t max = ALBUM_MAX + ALBUM_NEW_ROWS, i, n, kept = 0;
	struct admin_row *rows = arena_calloc(a, max, sizeof(*rows));
	long long count = admin_form_rows(req, album_cols, 3, rows, max);
	long long *pos;
	size_t *order;
	bool *keep, ok = true;

	if (count < 0)
		return -1;
	n = (size_t)count;
	sent->rows = arena_calloc(a, n + 1, sizeof(*sent->rows));
	sent->count = n;
	pos = arena_calloc(a, n + 1, sizeof(*pos));
	keep = arena_calloc(a, n + 1, sizeof(*keep));
	order = arena_calloc(a, n + 1, sizeof(*order));
	for (i = 0; i < n; i++) {
		struct photo_row *r = &sent->rows[i];
		const char *photo = rows[i].cols[0];

		r->key = rows[i].key;
		r->caption = rows[i].cols[1];
		r->position = rows[i].cols[2];
		r->remove = rows[i].remove;
		r->media_id = photo[0] ? admin_number(photo, 18) : 0;
		pos[i] = r->position[0] ? admin_number(r->position, 4) : -1;
		if (r->remove || (photo[0] == '\0' &&
		                  r->caption[strspn(r->caption, " ")] == '\0'))
			continue;
		if (r->media_id <= 0)
			r->error = "error_row_photo";
		else if (strlen(r->caption) > PHOTO_CAPTION_MAX)
			r->error = "error_row_text";
		else if (r->position[0] != '\0' && pos[i] < 0)
			r->error = "error_row_position";
		else if (++kept > ALBUM_MAX)
			r->error = "rows_full";
		keep[i] = r->error == NULL;
		ok = ok && r->error == NULL;
	}
	if (!ok)
		return 0;
	n = admin_rows_order(a, pos, keep, n, order);
	ed->album = arena_calloc(a, n + 1, sizeof(*ed->album));
	for (i = 0; i < n; i++)
		ed->album[i] =
		    (struct album_entry){sent->rows[order[i]].media_id,
		                         sent->rows[order[i]].caption};
	ed->album_count = n;
	ed->album_set = true;
	return 1;
}

/*
 * Reads the editor's fields into the post form (a struct post_form; over
 * what its post held) and checks them; the album's rows, when the form
 * has them, into its sent rows.  What readers will see (a scheduled or
 * published post) must be complete: an image for cartoons and NewsPics,
 * a video for videos, a photo for albums.  Returns NULL when the fields
 * are valid, "" when the form is not this editor's, else the message to
 * show.
 */
static const char *
read_form(struct app *app, struct req *req, void *form)
{
	struct post_form *pf = form;
	struct media_post_edit *ed = &pf->ed;
	const struct edition *e = req->edition;
	const char *url = req_form(req, "video_url"), *v;
	char ref[VIDEO_ID_MAX + 1] = "";
	enum video_provider vp = VIDEO_NONE;
	long long id;
	bool out, rows_bad = false;
	int album = 1;

	ed->title = req_form(req, "title");
	ed->caption_md = req_form(req, "body");
	ed->section = req_form(req, "section");
	ed->state = req_form(req, "state"); /* shown again if invalid */
	if (ed->caption_md == NULL)
		ed->caption_md = "";
	if ((v = req_form(req, "version")) != NULL)
		ed->version = strtoll(v, NULL, 10);
	if ((id = admin_form_id(req, "edition")) > 0)
		ed->edition_id = id;
	ed->image_id = admin_form_id(req, "image");
	ed->video_id = admin_form_id(req, "video");
	if (url != NULL && url[0] != '\0')
		vp = video_url_parse(url, ref);
	ed->video_provider = video_provider_name(vp);
	ed->video_ref = arena_strdup(req->arena, ref);
	if (req_form(req, "album") != NULL &&
	    (album = read_album(req, ed, &pf->sent)) == 0)
		rows_bad = true;
	if (album < 0)
		return "";
	if (!section_known(ed->section))
		return edition_string(e, "error_section");
	if (id < 0 || admin_edition_by_id(app, ed->edition_id) == NULL)
		return edition_string(e, "error_edition");
	if (ed->title == NULL || ed->title[0] == '\0' ||
	    strlen(ed->title) > TITLE_MAX)
		return edition_string(e, "error_title_required");
	if (strlen(ed->caption_md) > MARKDOWN_MAX_BYTES)
		return edition_string(e, "error_body");
	if (!admin_form_slug(req, ed->title, &ed->slug))
		return edition_string(e, "error_slug");
	if (ed->image_id < 0 || ed->video_id < 0)
		return edition_string(e, "error_media");
	if (url != NULL && url[0] != '\0' && vp == VIDEO_NONE)
		return edition_string(e, "error_video_url");
	if (ed->video_id > 0 && vp != VIDEO_NONE)
		return edition_string(e, "error_video_required");
	if (rows_bad)
		return edition_string(e, "error_rows");
	if ((v = admin_form_schedule(req, &ed->state, &ed->published_at)))
		return v;
	out = strcmp(ed->state, "scheduled") == 0 ||
	      strcmp(ed->state, "published") == 0;
	if (out && ed->image_id == 0 &&
	    (strcmp(ed->section, "cartoons") == 0 ||
	     strcmp(ed->section, "newspics") == 0))
		return edition_string(e, "error_image_required");
	if (out && strcmp(ed->section, "videos") == 0 && ed->video_id == 0 &&
	    vp == VIDEO_NONE)
		return edition_string(e, "error_video_required");
	if (out && strcmp(ed->section, "photos") == 0 && ed->album_count == 0)
		return edition_string(e, "error_album_empty");
	return NULL;
}

/* Saves the post form's post (admin_item.h). */
static enum save_result
save(struct app *app, struct req *req, const void *form, long long *id)
{
	const struct post_form *pf = form;

	return media_post_admin_save(app->db, &pf->ed, req->user->id,
	                             (long long)time(NULL), id);
}

/* After a conflict: the saved post's version and caption. */
static const char *
reload(struct app *app, struct req *req, void *form)
{
	struct post_form *pf = form;
	struct media_post_edit current;

	if (media_post_admin_get(app->db, req->arena, pf->ed.id, &current) != 0)
		return NULL;
	pf->ed.version = current.version;
	return current.caption_md;
}

/* The post editor's save flow (admin_item_save). */
static const struct admin_item_editor post_editor = {
    .base = "/admin/media-posts",
    .noun = "media post",
    .read = read_form,
    .page = editor_page,
    .save = save,
    .reload = reload,
};

/*
 * POST /admin/media-posts/new: creates a post.  Fields: title, slug,
 * body (the caption, Markdown), section, edition, state, publish_at,
 * image, video (library ids), video_url, album (present with the photo
 * rows) and per row KEY (1, 2, … or new1 …) photo-KEY (a library id),
 * caption-KEY, position-KEY (0 to 9999; empty: last), delete-KEY; action
 * (save or preview), csrf.  Statuses: 303 (saved), 200 (preview), 400
 * (invalid: the form again with a message; not this editor's form),
 * 500.  Roles: admin, editor, author.
 */
int
admin_media_post_create(struct app *app, struct req *req, struct resp *resp)
{
	struct post_form f = {0};

	f.ed.edition_id = admin_default_edition(app)->id;
	f.ed.author_id = req->user->id;
	return admin_item_save(app, req, resp, &post_editor, &f, &f.ed.title,
	                       &f.ed.state);
}

/*
 * POST /admin/media-posts/{id}: saves a post; fields as for creating,
 * plus version (the one the editor opened).  Statuses: 303, 200
 * (preview), 400, 403 (not the author's to edit), 404, 409 (someone
 * saved in between: the form again with both texts, nothing changed),
 * 500.  Roles: admin, editor, author.
 */
int
admin_media_post_save(struct app *app, struct req *req, struct resp *resp)
{
	struct post_form f = {0};
	int rc = load(app, req, &f.ed);

	return rc != 0 ? rc
	               : admin_item_save(app, req, resp, &post_editor, &f,
	                                 &f.ed.title, &f.ed.state);
}
