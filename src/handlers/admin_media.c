/*
 * admin_media.c: the media library in the admin area: the library (a grid
 * or a list, searched and filtered by type and section), the upload form
 * and its handler, an item's page (preview, details, the Markdown that
 * inserts it in a body, its uses; title, alt text, caption, credit and
 * section edited there; deleted there when nothing uses it), and what the
 * article editor shows of the library (admin_media_editor).
 *
 * An upload: upload_receive streams the body to a temporary file (the
 * CSRF token checked before any file byte is kept, the size limit while
 * receiving), sniff_file decides the type by content, image_store
 * re-encodes an image (no metadata, sizes, WebP) or store_file copies a
 * PDF, video or audio file under uploads/YYYY/MM with a random name, every
 * file fsynced; only then one BEGIN IMMEDIATE transaction adds the rows.
 * If that fails, the placed files are removed.  Whatever happens, the
 * temporary file goes (upload_cleanup).  One file per upload: the alt
 * text, caption and credit the form asks for describe one picture.
 *
 * Who may do what (as WordPress does): admins, editors and authors upload
 * and see the whole library (an author may put a colleague's photo in an
 * article); admins and editors change and delete any item, authors only
 * what they uploaded; moderators have no access.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/auth_db.h"
#include "../db/media_db.h"
#include "../media/image.h"
#include "../media/sniff.h"
#include "../media/store.h"
#include "../render/html.h"
#include "../util/log.h"
#include "handlers.h"
#include "upload.h"

#define MIB (1024LL * 1024)
#define LIBRARY_PER_PAGE 40
#define CHOOSER_COUNT 24 /* images the article editor offers */
#define RECENT_COUNT 8   /* images whose Markdown the editor shows */
#define THUMB_WIDTH 160  /* CSS pixels of a thumbnail in the admin */
#define QUERY_MAX 200
#define TITLE_MAX 300
#define NAME_MAX_BYTES 255
#define ALT_MAX 1000
#define CAPTION_MAX 2000
#define CREDIT_MAX 300

/* Returns the upload limit in bytes; see handlers.h. */
long long
admin_media_limit(const struct app *app)
{
	return site_setting_int(&app->site, "upload_max_mb", 20, 1,
	                        HTTP_MAX_UPLOAD_BYTES / MIB) *
	       MIB;
}

/* Whether u may change or delete m: its uploader, an editor or admin. */
static bool
may_change(const struct staff *u, const struct media_item *m)
{
	return admin_is_editor(u) ||
	       (m->uploaded_by != 0 && m->uploaded_by == u->id);
}

/* Whether v is one of the NULL-terminated list. */
static bool
listed(const char *const *list, const char *v)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, v) == 0)
			return true;
	return false;
}

/* Cuts s to at most max bytes, on a UTF-8 character boundary. */
static const char *
utf8_cut(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return s;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

/* Whether s holds something besides spaces. */
static bool
has_text(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return true;
	return false;
}

/* The last segment of path ("x.jpg" of "2026/11/x.jpg"). */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* What the library calls m: its title, or the name it came with. */
static const char *
display_title(const struct media_item *m)
{
	if (m->title[0] != '\0')
		return m->title;
	if (m->original_name[0] != '\0')
		return m->original_name;
	return base_name(m->path);
}

/* A size in bytes as people read it ("34 KB", "1.2 MB"). */
static const char *
human_size(struct arena *a, long long bytes)
{
	if (bytes < 1024)
		return arena_printf(a, "%lld B", bytes);
	if (bytes < MIB)
		return arena_printf(a, "%lld KB", (bytes + 512) / 1024);
	return arena_printf(a, "%.1f MB", (double)bytes / (double)MIB);
}

/*
 * The Markdown line that inserts image m in a body: ![alt](/uploads/…),
 * with the alt text's brackets and backslashes escaped and its line
 * breaks made spaces, so that it stays one image.
 */
static const char *
markdown_line(struct arena *a, const struct media_item *m)
{
	struct buf b;
	const char *p, *out;

	buf_init(&b);
	buf_puts(&b, "![");
	for (p = m->alt; *p != '\0'; p++) {
		if (*p == '\r' || *p == '\n') {
			buf_putc(&b, ' ');
			continue;
		}
		if (*p == '[' || *p == ']' || *p == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *p);
	}
	buf_puts(&b, "](/uploads/");
	buf_puts(&b, m->path);
	buf_putc(&b, ')');
	out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Sets thumb, thumb_width and thumb_height of image m on map. */
static void
set_thumb(struct arena *a, struct tval *map, const struct media_item *m)
{
	if (strcmp(m->kind, "image") != 0)
		return;
	tv_set_str(a, map, "thumb",
	           arena_concat(a, "/uploads/", m->thumb, NULL));
	tv_set_int(a, map, "thumb_width", THUMB_WIDTH);
	tv_set_int(a, map, "thumb_height",
	           m->width > 0
	               ? (m->height * THUMB_WIDTH + m->width / 2) / m->width
	               : THUMB_WIDTH);
}

/* Returns the label of a kind or section ("" for no section). */
static const char *
label(const struct edition *e, struct arena *a, const char *prefix,
      const char *v)
{
	if (v == NULL || v[0] == '\0')
		return "";
	return edition_string(e, arena_concat(a, prefix, v, NULL));
}

/* Describes m for the library and its page. */
static struct tval *
item_tval(struct app *app, struct req *req, const struct media_item *m)
{
	struct arena *a = req->arena;
	struct tval *t = tv_map(a);

	tv_set_int(a, t, "id", m->id);
	tv_set_str(a, t, "url", arena_printf(a, "/admin/media/%lld", m->id));
	tv_set_str(a, t, "file_url",
	           arena_concat(a, "/uploads/", m->path, NULL));
	tv_set_str(a, t, "title", display_title(m));
	tv_set_str(a, t, "alt", m->alt);
	tv_set_str(a, t, "mime", m->mime);
	tv_set_str(a, t, "kind_label",
	           label(req->edition, a, "media_kind_", m->kind));
	tv_set_str(a, t, "section_label",
	           label(req->edition, a, "media_section_", m->section));
	tv_set_str(a, t, "uploader", m->uploader);
	tv_set_str(a, t, "date", frame_date(app, req, m->created_at));
	tv_set_str(a, t, "size", human_size(a, m->bytes));
	tv_set_str(a, t, "original_name", m->original_name);
	if (m->width > 0 && m->height > 0)
		tv_set_str(
		    a, t, "dimensions",
		    arena_printf(a, "%lld \xc3\x97 %lld", m->width, m->height));
	if (strcmp(m->kind, "image") == 0) {
		set_thumb(a, t, m);
		tv_set_bool(a, t, "alt_missing", !has_text(m->alt));
		tv_set_str(a, t, "markdown", markdown_line(a, m));
	}
	return t;
}

/* Appends to a query string being built in b: "&name=value" (or "?…"). */
static void
query_add(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_putc(b, b->len == 0 || !strchr(b->data, '?') ? '?' : '&');
	buf_puts(b, name);
	buf_putc(b, '=');
	html_url_component(b, value, strlen(value));
}

/* The library's address with these filters, view and page. */
static const char *
library_url(struct arena *a, const struct media_filter *f, bool list,
            long long page)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	buf_puts(&b, "/admin/media");
	query_add(&b, "q", f->q);
	query_add(&b, "kind", f->kind);
	query_add(&b, "section", f->section);
	if (list)
		query_add(&b, "view", "list");
	if (page > 1)
		query_add(&b, "page", arena_printf(a, "%lld", page));
	out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

/*
 * Reads the query parameter name: NULL when absent or empty, else its
 * value, which must be one of list (else *ok turns false).
 */
static const char *
query_choice(const struct req *req, const char *name, const char *const *list,
             bool *ok)
{
	const char *v = req_query(req, name);

	if (v == NULL || v[0] == '\0')
		return NULL;
	if (!listed(list, v))
		*ok = false;
	return v;
}

/* Options for a <select> of list with "all"/"none" first. */
static struct tval *
choice_options(struct req *req, const char *first_label,
               const char *const *list, const char *prefix,
               const char *selected)
{
	struct arena *a = req->arena;
	struct tval *opts = tv_list(a);

	admin_option(a, opts, "", first_label,
	             selected == NULL || selected[0] == '\0');
	for (; *list != NULL; list++)
		admin_option(a, opts, *list,
		             label(req->edition, a, prefix, *list),
		             selected != NULL && strcmp(selected, *list) == 0);
	return opts;
}

/*
 * GET /admin/media: the library, newest first, as a grid of thumbnails or
 * (view=list) a table, searched (q: words of the title, alt text or
 * caption) and filtered (kind, section), 40 a page (page).
 * Statuses: 200, 400 (a filter or page that does not exist), 500.
 * Roles: admin, editor, author.
 */
int
admin_media_list(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct media_filter f;
	struct media_item *rows;
	size_t count, i;
	struct tval *ctx, *items;
	const char *view = req_query(req, "view");
	bool ok = true, list = view != NULL && strcmp(view, "list") == 0;
	long long n;

	memset(&f, 0, sizeof(f));
	f.q = req_query(req, "q");
	if (f.q != NULL && (!has_text(f.q) || strlen(f.q) > QUERY_MAX))
		f.q = NULL;
	f.kind = query_choice(req, "kind", media_kinds, &ok);
	f.section = query_choice(req, "section", media_sections, &ok);
	if (!admin_query_page(req, &n))
		ok = false;
	if (!ok)
		return 400;
	f.offset = (n - 1) * LIBRARY_PER_PAGE;
	f.limit = LIBRARY_PER_PAGE + 1;
	if (media_db_list(app->db, a, &f, &rows, &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "media_library"));
	if (ctx == NULL)
		return 500;
	items = tv_list(a);
	for (i = 0; i < count && i < LIBRARY_PER_PAGE; i++)
		tv_push(a, items, item_tval(app, req, &rows[i]));
	tv_set(a, ctx, "items", items);
	tv_set_bool(a, ctx, "has_items", count > 0);
	tv_set_bool(a, ctx, "list_view", list);
	if (f.q != NULL)
		tv_set_str(a, ctx, "q", f.q);
	tv_set(a, ctx, "kinds",
	       choice_options(req, edition_string(req->edition, "all"),
	                      media_kinds, "media_kind_", f.kind));
	tv_set(a, ctx, "sections",
	       choice_options(req, edition_string(req->edition, "all"),
	                      media_sections, "media_section_", f.section));
	tv_set_str(a, ctx, "grid_url", library_url(a, &f, false, n));
	tv_set_str(a, ctx, "list_url", library_url(a, &f, true, n));
	if (n > 1)
		tv_set_str(a, ctx, "newer_url",
		           library_url(a, &f, list, n - 1));
	if (count > LIBRARY_PER_PAGE)
		tv_set_str(a, ctx, "older_url",
		           library_url(a, &f, list, n + 1));
	if (req_query(req, "deleted") != NULL)
		tv_set_str(a, ctx, "notice",
		           edition_string(req->edition, "media_deleted"));
	return app_render(app, resp, 200, "admin/media", ctx);
}

/* What the upload form says about the item, as typed. */
struct upload_fields {
	const char *title;
	const char *alt;
	const char *caption;
	const char *credit;
	const char *section;
};

/*
 * Reads the upload form's fields.  From the article editor they are
 * upload_alt, upload_caption and upload_credit (its own title is the
 * article's), with no title or section.
 */
static void
read_upload_fields(struct req *req, bool editor, struct upload_fields *f)
{
	const char *v;

	memset(f, 0, sizeof(*f));
	f->title = editor ? NULL : req_form(req, "title");
	f->alt = req_form(req, editor ? "upload_alt" : "alt");
	f->caption = req_form(req, editor ? "upload_caption" : "caption");
	f->credit = req_form(req, editor ? "upload_credit" : "credit");
	f->section = editor ? NULL : req_form(req, "section");
	v = f->title;
	f->title = has_text(v) ? v : "";
	f->alt = f->alt != NULL ? f->alt : "";
	f->caption = f->caption != NULL ? f->caption : "";
	f->credit = f->credit != NULL ? f->credit : "";
	f->section = f->section != NULL ? f->section : "";
}

/* Whether the fields fit their limits and the section is known. */
static bool
fields_ok(const char *title, const char *alt, const char *caption,
          const char *credit, const char *section)
{
	return strlen(title) <= TITLE_MAX && strlen(alt) <= ALT_MAX &&
	       strlen(caption) <= CAPTION_MAX && strlen(credit) <= CREDIT_MAX &&
	       (section[0] == '\0' || listed(media_sections, section));
}

/* What became of an upload. */
struct upload_outcome {
	const char *message; /* why it was refused, for the form */
	bool alt_invalid;
	const char *path; /* the stored original */
	long long id;
};

/* The title an item gets from its file's name: the name without its
 * extension ("Harbour at dawn" of "Harbour at dawn.jpg"). */
static const char *
title_from_name(struct arena *a, const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot != NULL && dot > name)
		name = arena_strndup(a, name, (size_t)(dot - name));
	return utf8_cut(a, has_text(name) ? name : "upload", TITLE_MAX);
}

/* Sets out's message to the refusal of file name, for reason. */
static int
refused(struct req *req, struct upload_outcome *out, const char *name,
        const char *reason)
{
	out->message = arena_concat(
	    req->arena, edition_string(req->edition, "error_media_refused"),
	    " ", name, ": ", reason, NULL);
	return 400;
}

/*
 * Places the received file f of the sniffed kind under uploads/YYYY/MM
 * (an image re-encoded with its sizes).  Returns 0 with *files and *count
 * set, 400 (the file refused: out's message says why) or 500.
 */
static int
place_file(struct app *app, struct req *req, const struct upload_file *f,
           enum sniff_kind kind, struct upload_outcome *out,
           struct media_file **files, size_t *count)
{
	char subdir[8];
	const char *reason = NULL;
	enum media_status st;

	store_month_subdir(time(NULL), subdir);
	if (sniff_kind_is_image(kind)) {
		struct image_set set;

		st = image_store(f->tmp_path, kind, app->uploads_dir, subdir,
		                 req->arena, &set, &reason);
		*files = set.files;
		*count = (size_t)set.files_count;
	} else {
		*files = arena_calloc(req->arena, 1, sizeof(**files));
		*count = 1;
		st = store_file(f->tmp_path, kind, app->uploads_dir, subdir,
		                req->arena, *files, &reason);
	}
	if (st == MEDIA_REFUSED)
		return refused(req, out, f->filename, reason);
	return st == MEDIA_OK ? 0 : 500;
}

/*
 * Checks the received upload up and the fields f, places the file and
 * adds its rows.  Returns 0 (out's path and id set), 400 (out's message
 * says why; nothing kept) or 500 (nothing kept).  The temporary file is
 * the caller's to remove.
 */
static int
store_upload(struct app *app, struct req *req, const struct upload *up,
             const struct upload_fields *f, struct upload_outcome *out)
{
	const struct edition *e = req->edition;
	const struct upload_file *file = &up->files[0];
	struct sniff_result sniffed;
	struct media_file *files;
	struct media_new row;
	size_t count, i;
	const char **paths;
	int rc;

	if (up->count != 1) {
		out->message =
		    edition_string(e, up->count == 0 ? "error_media_file"
		                                     : "error_media_one_file");
		return 400;
	}
	if (!fields_ok(f->title, f->alt, f->caption, f->credit, f->section)) {
		out->message = edition_string(e, "error_media_fields");
		return 400;
	}
	if (sniff_file(file->tmp_path, req->arena, &sniffed) != MEDIA_OK)
		return 500;
	if (sniffed.kind == SNIFF_REFUSED)
		return refused(req, out, file->filename, sniffed.reason);
	if (sniff_kind_is_image(sniffed.kind) && !has_text(f->alt)) {
		out->message = edition_string(e, "error_media_alt");
		out->alt_invalid = true;
		return 400;
	}
	/* The slow part, before any lock: decoding, encoding, fsyncs. */
	if ((rc = place_file(app, req, file, sniffed.kind, out, &files,
	                     &count)) != 0)
		return rc;
	memset(&row, 0, sizeof(row));
	row.original_name =
	    utf8_cut(req->arena, file->filename, NAME_MAX_BYTES);
	row.title = f->title[0] != '\0'
	                ? f->title
	                : title_from_name(req->arena, row.original_name);
	row.alt = f->alt;
	row.caption = f->caption;
	row.credit = f->credit;
	row.section = f->section;
	row.uploaded_by = req->user->id;
	row.created_at = (long long)time(NULL);
	if (media_db_insert(app->db, &row, files, count, &out->id) < 0) {
		/* No row names them: they must not stay. */
		paths = arena_calloc(req->arena, count, sizeof(*paths));
		for (i = 0; i < count; i++)
			paths[i] = files[i].path;
		store_remove(app->uploads_dir, paths, count);
		return 500;
	}
	out->path = files[0].path;
	audit_db_add(app->db, row.created_at, req->user->id, req->user->name,
	             "media uploaded", out->path, req->remote_addr);
	return 0;
}

/* Renders the upload form with status, the fields as typed (f may be
 * NULL) and what refused them. */
static int
upload_page(struct app *app, struct req *req, struct resp *resp, int status,
            const struct upload_fields *f, const struct upload_outcome *out)
{
	struct arena *a = req->arena;
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "media_upload_title"));

	if (ctx == NULL)
		return 500;
	tv_set_int(a, ctx, "limit_mb", admin_media_limit(app) / MIB);
	if (f != NULL) {
		tv_set_str(a, ctx, "title", f->title);
		tv_set_str(a, ctx, "alt", f->alt);
		tv_set_str(a, ctx, "caption", f->caption);
		tv_set_str(a, ctx, "credit", f->credit);
	}
	tv_set(a, ctx, "sections",
	       choice_options(req,
	                      edition_string(req->edition, "media_no_section"),
	                      media_sections, "media_section_",
	                      f != NULL ? f->section : NULL));
	if (out != NULL && out->message != NULL)
		tv_set_str(a, ctx, "message", out->message);
	if (out != NULL)
		tv_set_bool(a, ctx, "alt_invalid", out->alt_invalid);
	tv_set_bool(a, ctx, "unconfigured", app->uploads_dir == NULL);
	return app_render(app, resp, status, "admin/media_upload", ctx);
}

/*
 * GET /admin/media/upload: the upload form.  Statuses: 200, 500 (and a
 * form that says so when the server takes no uploads).  Roles: admin,
 * editor, author.
 */
int
admin_media_upload_form(struct app *app, struct req *req, struct resp *resp)
{
	struct upload_outcome out = {0};

	if (app->uploads_dir == NULL)
		out.message =
		    edition_string(req->edition, "error_media_unconfigured");
	return upload_page(app, req, resp, 200, NULL, &out);
}

/* The message for a file over the limit, with the limit. */
static const char *
too_large(struct app *app, struct req *req)
{
	return arena_printf(
	    req->arena, "%s %s %lld.",
	    edition_string(req->edition, "error_media_too_large"),
	    edition_string(req->edition, "media_upload_max"),
	    admin_media_limit(app) / MIB);
}

/*
 * Answers an upload sent from the article editor (query article=ID, 0 for
 * an article not saved yet) for the article ed: the editor again as it
 * was sent, its text kept, with the new image as the featured one (200)
 * or a message (400, 413).  rc is what receiving and storing returned.
 */
static int
editor_answer(struct app *app, struct req *req, struct resp *resp, int rc,
              const struct upload_outcome *out, struct article_edit *ed)
{
	if (rc == 413)
		return admin_article_form_again(app, req, resp, 413, ed, NULL,
		                                too_large(app, req), NULL);
	if (rc != 0)
		return admin_article_form_again(app, req, resp, rc, ed, NULL,
		                                out->message, NULL);
	return admin_article_form_again(
	    app, req, resp, 200, ed, out->path, NULL,
	    edition_string(req->edition, "media_upload_done"));
}

/*
 * POST /admin/media/upload: adds one file to the library.  A multipart
 * form: csrf (before the file), title (the file's name without its
 * extension when empty), alt (needed for images), caption, credit,
 * section, file.  With the query article=ID it comes from the article
 * editor (fields upload_alt, upload_caption, upload_credit, file, beside
 * the editor's own) and answers with the editor.  Statuses: 303 to the
 * item's page (?uploaded=1); 200 (the editor, the image chosen); 400 (no
 * file, two files, a type refused by content, a damaged image, an image
 * without alt text, a field too long: the form again with the reason,
 * nothing kept), 403 (the CSRF token missing, wrong or after the file; the
 * article not the user's to edit), 404 (no such article), 413 (over the
 * upload limit: the form again when its fields came before the file), 415
 * (not multipart), 503 (serve runs without --uploads), 500.  Roles: admin,
 * editor, author.
 */
int
admin_media_upload(struct app *app, struct req *req, struct resp *resp)
{
	struct upload_outcome out = {0};
	struct upload_fields f;
	struct article_edit ed;
	struct upload up;
	bool editor = req_query(req, "article") != NULL;
	int rc, st;

	if (app->uploads_dir == NULL) {
		log_error("upload refused: serve runs without --uploads");
		out.message =
		    edition_string(req->edition, "error_media_unconfigured");
		return upload_page(app, req, resp, 503, NULL, &out);
	}
	rc = upload_receive(app, req, (uint64_t)admin_media_limit(app), &up);
	if (rc != 0) {
		/* Over the limit after a good token: the form again, with
		 * what was typed before the file. */
		if (rc != 413 || req->csrf_pending)
			return rc;
		if (editor)
			return (st = admin_article_from_query(app, req, &ed)) !=
			               0
			           ? st
			           : editor_answer(app, req, resp, rc, &out,
			                           &ed);
		read_upload_fields(req, false, &f);
		out.message = too_large(app, req);
		return upload_page(app, req, resp, 413, &f, &out);
	}
	/* Whose article it is, before anything is stored. */
	if (editor && (st = admin_article_from_query(app, req, &ed)) != 0) {
		upload_cleanup(&up);
		return st;
	}
	read_upload_fields(req, editor, &f);
	rc = store_upload(app, req, &up, &f, &out);
	upload_cleanup(&up);
	if (rc >= 500)
		return rc;
	if (editor)
		return editor_answer(app, req, resp, rc, &out, &ed);
	if (rc != 0)
		return upload_page(app, req, resp, rc, &f, &out);
	return resp_redirect(resp, 303,
	                     arena_printf(req->arena,
	                                  "/admin/media/%lld?uploaded=1",
	                                  out.id)) < 0
	           ? 500
	           : 303;
}

/* Reads item {id}; 0, or the status (404, 500). */
static int
load_item(struct app *app, struct req *req, struct media_item *m)
{
	int rc = media_db_get(app->db, req->arena, req->param_int, m);

	return rc == 0 ? 0 : rc > 0 ? 404 : 500;
}

/* Describes the uses for the item's page. */
static struct tval *
uses_tval(struct req *req, const struct media_use *uses, size_t count)
{
	struct arena *a = req->arena;
	struct tval *list = tv_list(a);

	for (size_t i = 0; i < count; i++) {
		struct tval *u = tv_map(a);
		const char *w = uses[i].what;
		const char *where =
		    strcmp(w, "page") == 0          ? "pages"
		    : strcmp(w, "publication") == 0 ? "publications"
		    : strcmp(w, "media_post") == 0 || strcmp(w, "album") == 0
		        ? "media-posts"
		        : "articles";

		tv_set_str(
		    a, u, "url",
		    arena_printf(a, "/admin/%s/%lld", where, uses[i].id));
		tv_set_str(a, u, "title", uses[i].title);
		tv_set_str(a, u, "what",
		           label(req->edition, a, "media_use_", uses[i].what));
		tv_set_str(a, u, "state",
		           label(req->edition, a, "state_", uses[i].state));
		tv_push(a, list, u);
	}
	return list;
}

/* The item page's form values: e, or the item's when e is NULL. */
static struct tval *
form_tval(struct arena *a, const struct media_item *m,
          const struct media_edit *e)
{
	struct tval *t = tv_map(a);

	tv_set_str(a, t, "title", e ? e->title : m->title);
	tv_set_str(a, t, "alt", e ? e->alt : m->alt);
	tv_set_str(a, t, "caption", e ? e->caption : m->caption);
	tv_set_str(a, t, "credit", e ? e->credit : m->credit);
	return t;
}

/* The image m shows on its page: the narrowest size at least 640 wide
 * in its type, or the original. */
static const struct media_file *
preview_size(const struct media_item *m)
{
	for (size_t i = 0; i < m->sizes_count; i++)
		if (m->sizes[i].width >= 640 &&
		    strcmp(m->sizes[i].mime, m->mime) == 0)
			return &m->sizes[i];
	return NULL;
}

/* Adds the item's own page parts (preview, sizes) to t. */
static void
item_page_parts(struct req *req, struct tval *t, const struct media_item *m)
{
	struct arena *a = req->arena;
	const struct media_file *p = preview_size(m);
	struct tval *sizes = tv_list(a);

	if (strcmp(m->kind, "image") == 0) {
		tv_set_str(
		    a, t, "preview",
		    arena_concat(a, "/uploads/", p ? p->path : m->path, NULL));
		tv_set_int(a, t, "preview_width", p ? p->width : m->width);
		tv_set_int(a, t, "preview_height", p ? p->height : m->height);
	}
	for (size_t i = 0; i < m->sizes_count; i++) {
		struct tval *s = tv_map(a);

		tv_set_str(
		    a, s, "url",
		    arena_concat(a, "/uploads/", m->sizes[i].path, NULL));
		tv_set_int(a, s, "width", m->sizes[i].width);
		tv_set_int(a, s, "height", m->sizes[i].height);
		tv_set_str(a, s, "mime", m->sizes[i].mime);
		tv_set_str(a, s, "size", human_size(a, m->sizes[i].bytes));
		tv_push(a, sizes, s);
	}
	tv_set(a, t, "sizes", sizes);
	tv_set_bool(a, t, "has_sizes", m->sizes_count > 0);
}

/*
 * Renders item m's page with status: e is the form as sent (NULL: the
 * saved values), uses those found (NULL: looked up here), in_use when a
 * delete was refused.
 */
static int
item_page(struct app *app, struct req *req, struct resp *resp, int status,
          const struct media_item *m, const struct media_edit *e,
          const char *message, const struct media_use *uses, size_t count,
          bool in_use)
{
	struct arena *a = req->arena;
	struct media_use *found;
	struct tval *ctx, *t;

	if (uses == NULL) {
		if (media_db_uses(app->db, a, m->id, &found, &count) < 0)
			return 500;
		uses = found;
	}
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "media_edit"));
	if (ctx == NULL)
		return 500;
	t = item_tval(app, req, m);
	item_page_parts(req, t, m);
	tv_set(a, ctx, "item", t);
	tv_set(a, ctx, "form", form_tval(a, m, e));
	tv_set_int(a, ctx, "version", m->version);
	tv_set_str(a, ctx, "action",
	           arena_printf(a, "/admin/media/%lld", m->id));
	tv_set_str(a, ctx, "delete_action",
	           arena_printf(a, "/admin/media/%lld/delete", m->id));
	tv_set(a, ctx, "sections",
	       choice_options(req,
	                      edition_string(req->edition, "media_no_section"),
	                      media_sections, "media_section_",
	                      e ? e->section : m->section));
	tv_set_bool(a, ctx, "may_change", may_change(req->user, m));
	tv_set(a, ctx, "uses", uses_tval(req, uses, count));
	tv_set_bool(a, ctx, "has_uses", count > 0);
	tv_set_bool(a, ctx, "in_use", in_use);
	if (message != NULL)
		tv_set_str(a, ctx, "message", message);
	if (req_query(req, "uploaded") != NULL)
		tv_set_str(a, ctx, "notice",
		           edition_string(req->edition, "media_uploaded"));
	else if (admin_saved_notice(req) != NULL)
		tv_set_str(a, ctx, "notice", admin_saved_notice(req));
	return app_render(app, resp, status, "admin/media_item", ctx);
}

/*
 * GET /admin/media/{id}: an item: preview, details, sizes, the Markdown
 * that inserts it, where it is used, and (for who may change it) the
 * form and the delete button.  Statuses: 200, 404, 500.  Roles: admin,
 * editor, author.
 */
int
admin_media_item(struct app *app, struct req *req, struct resp *resp)
{
	struct media_item m;
	int rc = load_item(app, req, &m);

	if (rc != 0)
		return rc;
	return item_page(app, req, resp, 200, &m, NULL, NULL, NULL, 0, false);
}

/*
 * POST /admin/media/{id}: saves title, alt (needed for images), caption,
 * credit and section; version is the one the form was shown with.
 * Statuses: 303 (saved: the page, ?saved=1), 400 (a field too long, an
 * unknown section, an image without alt text: the form again), 403 (an
 * author's edit of another's item), 404, 409 (changed by someone else
 * since: the page with the current values), 500.  Roles: admin, editor,
 * author (own items).
 */
int
admin_media_save(struct app *app, struct req *req, struct resp *resp)
{
	const struct edition *e = req->edition;
	struct media_item m;
	struct media_edit ed;
	const char *v;
	int rc = load_item(app, req, &m);

	if (rc != 0)
		return rc;
	if (!may_change(req->user, &m))
		return 403;
	memset(&ed, 0, sizeof(ed));
	ed.id = m.id;
	ed.title = (v = req_form(req, "title")) != NULL ? v : "";
	ed.alt = (v = req_form(req, "alt")) != NULL ? v : "";
	ed.caption = (v = req_form(req, "caption")) != NULL ? v : "";
	ed.credit = (v = req_form(req, "credit")) != NULL ? v : "";
	ed.section = (v = req_form(req, "section")) != NULL ? v : "";
	ed.version =
	    (v = req_form(req, "version")) != NULL ? strtoll(v, NULL, 10) : 0;
	if (!fields_ok(ed.title, ed.alt, ed.caption, ed.credit, ed.section))
		return item_page(app, req, resp, 400, &m, &ed,
		                 edition_string(e, "error_media_fields"), NULL,
		                 0, false);
	if (strcmp(m.kind, "image") == 0 && !has_text(ed.alt))
		return item_page(app, req, resp, 400, &m, &ed,
		                 edition_string(e, "error_media_alt"), NULL, 0,
		                 false);
	switch (media_db_update(app->db, &ed)) {
	case MEDIA_SAVE_OK:
		return admin_saved(req, resp, "/admin/media", m.id);
	case MEDIA_SAVE_CONFLICT:
		if ((rc = load_item(app, req, &m)) != 0)
			return rc;
		return item_page(app, req, resp, 409, &m, NULL,
		                 edition_string(e, "error_media_conflict"),
		                 NULL, 0, false);
	case MEDIA_SAVE_MISSING:
		return 404;
	default:
		return 500;
	}
}

/*
 * POST /admin/media/{id}/delete: deletes an item that nothing uses: its
 * rows in one transaction (which checks the uses again), then its files
 * (a crash in between leaves files no row names, never a row without its
 * file).  Field: csrf.  Statuses: 303 (to the library, ?deleted=1), 403
 * (an author's delete of another's item), 404, 409 (in use: the page with
 * the list of uses), 500.  Roles: admin, editor, author (own items).
 */
int
admin_media_delete(struct app *app, struct req *req, struct resp *resp)
{
	struct media_item m;
	struct media_use *uses;
	const char **paths;
	size_t count, i;
	int rc = load_item(app, req, &m);

	if (rc != 0)
		return rc;
	if (!may_change(req->user, &m))
		return 403;
	switch (media_db_delete(app->db, req->arena, m.id, &uses, &count)) {
	case MEDIA_SAVE_OK:
		break;
	case MEDIA_SAVE_IN_USE:
		return item_page(app, req, resp, 409, &m, NULL, NULL, uses,
		                 count, true);
	case MEDIA_SAVE_MISSING:
		return 404;
	default:
		return 500;
	}
	paths = arena_calloc(req->arena, m.sizes_count + 1, sizeof(*paths));
	paths[0] = m.path;
	for (i = 0; i < m.sizes_count; i++)
		paths[i + 1] = m.sizes[i].path;
	if (app->uploads_dir != NULL)
		store_remove(app->uploads_dir, paths, m.sizes_count + 1);
	else
		log_error("media %lld deleted; its files stay: serve runs "
		          "without --uploads",
		          m.id);
	audit_db_add(app->db, (long long)time(NULL), req->user->id,
	             req->user->name, "media deleted", m.path,
	             req->remote_addr);
	return resp_redirect(resp, 303, "/admin/media?deleted=1") < 0 ? 500
	                                                              : 303;
}

/* Describes image m for the editor's lists. */
static struct tval *
editor_image(struct req *req, const struct media_item *m, const char *featured)
{
	struct arena *a = req->arena;
	struct tval *t = tv_map(a);

	tv_set_int(a, t, "id", m->id);
	tv_set_str(a, t, "path", m->path);
	tv_set_str(a, t, "title", display_title(m));
	tv_set_str(a, t, "alt", m->alt);
	tv_set_str(a, t, "url", arena_printf(a, "/admin/media/%lld", m->id));
	tv_set_str(a, t, "markdown", markdown_line(a, m));
	tv_set_bool(a, t, "checked",
	            featured != NULL && strcmp(featured, m->path) == 0);
	set_thumb(a, t, m);
	return t;
}

/* Adds the library's part of the article editor; see handlers.h. */
int
admin_media_editor(struct app *app, struct req *req, struct tval *ctx,
                   const char *featured, bool chooser)
{
	struct arena *a = req->arena;
	struct media_filter f;
	struct media_item *rows, current;
	size_t count, i;
	struct tval *list, *pick;
	bool current_found = false, current_listed = false;
	int rc;

	memset(&f, 0, sizeof(f));
	f.kind = "image";
	f.limit = RECENT_COUNT;
	if (media_db_list(app->db, a, &f, &rows, &count) < 0)
		return -1;
	list = tv_list(a);
	for (i = 0; i < count; i++)
		tv_push(a, list, editor_image(req, &rows[i], NULL));
	tv_set(a, ctx, "recent_images", list);
	tv_set_bool(a, ctx, "has_recent", count > 0);
	if (featured != NULL && featured[0] != '\0') {
		rc = media_db_get_by_path(app->db, a, featured, &current);
		if (rc < 0)
			return -1;
		current_found = rc == 0 && strcmp(current.kind, "image") == 0;
		if (current_found)
			tv_set(a, ctx, "featured_item",
			       editor_image(req, &current, featured));
	}
	if (!chooser)
		return 0;
	f.q = req_form(req, "image_q");
	if (f.q != NULL && (!has_text(f.q) || strlen(f.q) > QUERY_MAX))
		f.q = NULL;
	f.limit = CHOOSER_COUNT;
	if (media_db_list(app->db, a, &f, &rows, &count) < 0)
		return -1;
	pick = tv_map(a);
	list = tv_list(a);
	for (i = 0; i < count; i++)
		if (featured != NULL && strcmp(rows[i].path, featured) == 0)
			current_listed = true;
	/* The current image stays a choice, even when the search hides it:
	 * saving must not drop it unasked. */
	if (current_found && !current_listed)
		tv_push(a, list, editor_image(req, &current, featured));
	for (i = 0; i < count; i++)
		tv_push(a, list, editor_image(req, &rows[i], featured));
	tv_set(a, pick, "images", list);
	if (f.q != NULL)
		tv_set_str(a, pick, "image_q", f.q);
	tv_set(a, ctx, "chooser", pick);
	return 0;
}
