/*
 * admin_publications.c: the list and the editor of publications (books,
 * newsletter issues, Pars Briefs).  Roles and states are the articles'
 * (see admin_sections.c): admins and editors everything, authors their
 * own drafts and pending items, moderators nothing.
 *
 * The editor is the article editor's (title, slug, a Markdown
 * description with a preview, the conflict view) with a publication's own
 * fields: kind, issue number (newsletters and briefs) or author and year
 * (books), cover, the PDF from the library or an outside link, and for
 * issues a table of contents that needs no script, as the menu editor's:
 * a row per entry (heading, excerpt, the article it names, position, a
 * delete box) and empty rows for new ones, saved with the publication in
 * one transaction under its version.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/publication_db.h"
#include "../render/markdown.h"
#include "../util/slug.h"
#include "../util/text.h"
#include "admin_item.h"

#define LIST_PER_PAGE 20
#define TITLE_MAX 300
#define AUTHOR_MAX 200
#define LINK_MAX 500
#define TOC_MAX 12     /* entries a table of contents' form can carry */
#define TOC_NEW_ROWS 3 /* empty rows offered for new entries */
#define HEADING_MAX 300
#define EXCERPT_MAX 1000
#define ISSUE_MAX 1000000
#define MEDIA_OPTIONS 100 /* library items offered in each <select> */

/*
 * The publication's fields (csrf, version, title, slug, body, kind,
 * number, book_author, year, edition, state, publish_at, cover, pdf,
 * link, toc, action) and five per entry (heading, excerpt, article,
 * position, delete): the fullest form must pass the request parser's
 * field limit.
 */
_Static_assert(17 + 5 * (TOC_MAX + TOC_NEW_ROWS) <= HTTP_MAX_FIELDS,
               "the contents form would outgrow HTTP_MAX_FIELDS");

static const char *const kinds[] = {"book", "newsletter", "brief"};
#define KINDS_COUNT (sizeof(kinds) / sizeof(kinds[0]))

/* Where each kind lives on the public site. */
static const char *const kind_paths[] = {"/publications/books",
                                         "/publications/newsletter",
                                         "/publications/pars-brief"};

/* The columns of a contents row, in the form's field names. */
static const char *const toc_cols[] = {"heading", "excerpt", "article",
                                       "position"};

/* A contents row of the form as shown: saved, or as sent. */
struct toc_row {
	const char *key;
	const char *heading;
	const char *excerpt;
	const char *article;
	const char *position;
	bool remove;
	const char *error; /* a message key, or NULL */
};

struct toc_rows {
	struct toc_row *rows;
	size_t count;
};

/* The editor's form (admin_item.h): the publication, and its contents
 * rows as the form sent them (rows NULL: the saved contents). */
struct pub_form {
	struct publication_edit ed;
	struct toc_rows sent;
};

/* Returns the index of kind s in kinds, or -1. */
static int
kind_index(const char *s)
{
	for (size_t i = 0; i < KINDS_COUNT; i++)
		if (s != NULL && strcmp(s, kinds[i]) == 0)
			return (int)i;
	return -1;
}

/* A publication's public address in its edition. */
static const char *
pub_path(struct arena *a, const char *prefix, const char *kind,
         long long number, const char *slug)
{
	int k = kind_index(kind);
	const char *base = arena_concat(a, prefix[0] ? "/" : "", prefix,
	                                kind_paths[k < 0 ? 0 : k], NULL);

	return number > 0 ? arena_printf(a, "%s/%lld", base, number)
	                  : arena_concat(a, base, "/", slug, NULL);
}

/* The interface string naming a kind ("kind_book" …). */
static const char *
kind_name(struct req *req, const char *kind)
{
	return edition_string(
	    req->edition,
	    arena_concat(req->arena, "kind_", kind ? kind : "book", NULL));
}

/*
 * GET /admin/publications: publications of every edition, newest change
 * first, filtered by kind, state and edition (query: kind, state,
 * edition, page); authors
 * see their own.  Statuses: 200, 400 (bad filter), 500.  Roles: admin,
 * editor, author.
 */
int
admin_publications_list(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct publication_filter f;
	struct publication_row *rows;
	size_t count, i;
	struct tval *ctx, *list, *opts;
	const char *page = req_query(req, "page");
	long long n = 1;

	memset(&f, 0, sizeof(f));
	f.state = req_query(req, "state");
	f.kind = req_query(req, "kind");
	if (f.state != NULL && f.state[0] == '\0')
		f.state = NULL;
	if (f.kind != NULL && f.kind[0] == '\0')
		f.kind = NULL;
	if ((f.state != NULL && !admin_state_known(f.state)) ||
	    (f.kind != NULL && kind_index(f.kind) < 0) ||
	    (page != NULL && (n = admin_number(page, 6)) < 1))
		return 400;
	if ((f.edition_id = admin_query_id(req, "edition")) < 0 ||
	    (f.edition_id > 0 &&
	     admin_edition_by_id(app, f.edition_id) == NULL))
		return 400;
	f.author_id = admin_is_editor(req->user) ? 0 : req->user->id;
	f.offset = (n - 1) * LIST_PER_PAGE;
	f.limit = LIST_PER_PAGE + 1;
	if (publication_admin_list(app->db, a, &f, &rows, &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "publications"));
	if (ctx == NULL)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count && i < LIST_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "title", rows[i].title);
		tv_set_str(a, m, "kind", kind_name(req, rows[i].kind));
		tv_set_int(a, m, "number", rows[i].number);
		tv_set_str(a, m, "state",
		           edition_string(
		               req->edition,
		               arena_concat(a, "state_", rows[i].state, NULL)));
		tv_set_str(a, m, "edition", rows[i].edition_code);
		tv_set_str(a, m, "author", rows[i].author_name);
		tv_set_str(a, m, "editor", rows[i].editor_name);
		tv_set_str(a, m, "updated",
		           frame_date(app, req, rows[i].updated_at));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "publications", list);
	tv_set(a, ctx, "states",
	       admin_state_options(req, admin_states, ADMIN_STATES, f.state,
	                           true, NULL));
	opts = tv_list(a);
	admin_option(a, opts, "", edition_string(req->edition, "all"),
	             f.kind == NULL);
	for (i = 0; i < KINDS_COUNT; i++)
		admin_option(a, opts, kinds[i], kind_name(req, kinds[i]),
		             f.kind && strcmp(f.kind, kinds[i]) == 0);
	tv_set(a, ctx, "kinds", opts);
	tv_set(a, ctx, "editions",
	       admin_edition_filter(app, req, f.edition_id));
	admin_list_pager(
	    req, ctx,
	    arena_printf(a, "/admin/publications?kind=%s&state=%s&edition=%s",
	                 f.kind ? f.kind : "", f.state ? f.state : "",
	                 f.edition_id ? arena_printf(a, "%lld", f.edition_id)
	                              : ""),
	    n, count > LIST_PER_PAGE);
	return app_render(app, resp, 200, "admin/publications", ctx);
}

/* The contents rows of the saved publication ed, then empty rows. */
static struct toc_rows
saved_rows(struct arena *a, const struct publication_edit *ed)
{
	size_t fresh = ed->toc_count < TOC_MAX ? TOC_MAX - ed->toc_count : 0, i;
	struct toc_rows r;

	if (fresh > TOC_NEW_ROWS)
		fresh = TOC_NEW_ROWS;
	r.rows = arena_calloc(a, ed->toc_count + fresh + 1, sizeof(*r.rows));
	r.count = 0;
	for (i = 0; i < ed->toc_count; i++) {
		struct toc_row *t = &r.rows[r.count++];

		t->key = arena_printf(a, "%zu", i + 1);
		t->heading = ed->toc[i].heading;
		t->excerpt = ed->toc[i].excerpt;
		t->article = ed->toc[i].article_slug;
		t->position = arena_printf(a, "%zu", i + 1);
	}
	for (i = 0; i < fresh; i++) {
		struct toc_row *t = &r.rows[r.count++];

		t->key = arena_printf(a, "new%zu", i + 1);
		t->heading = t->excerpt = t->article = t->position = "";
	}
	return r;
}

/* Adds the contents rows to ctx ("rows", "toc_full"). */
static void
toc_context(struct req *req, struct tval *ctx, const struct toc_rows *rows)
{
	struct arena *a = req->arena;
	struct tval *list = tv_list(a);
	size_t fresh = 0;

	for (size_t i = 0; i < rows->count; i++) {
		const struct toc_row *r = &rows->rows[i];
		struct tval *m = tv_map(a);
		bool is_new = strncmp(r->key, "new", 3) == 0;

		fresh += is_new;
		tv_set_str(a, m, "key", r->key);
		tv_set_str(a, m, "heading", r->heading);
		tv_set_str(a, m, "excerpt", r->excerpt);
		tv_set_str(a, m, "article", r->article);
		tv_set_str(a, m, "position", r->position);
		tv_set_bool(a, m, "fresh", is_new);
		tv_set_bool(a, m, "remove", r->remove);
		if (r->error != NULL)
			tv_set_str(a, m, "row_error",
			           edition_string(req->edition, r->error));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "rows", list);
	tv_set_bool(a, ctx, "toc_full", fresh == 0);
}

/* Renders the editor for the publication form (a struct pub_form) with
 * an optional message, the saved text after a conflict, a preview, a
 * notice, and its contents rows (those sent, else the saved contents'). */
static int
editor_page(struct app *app, struct req *req, struct resp *resp, int status,
            const void *form, const char *message, const char *other_body,
            bool preview, const char *notice)
{
	const struct pub_form *pf = form;
	const struct publication_edit *ed = &pf->ed;
	struct arena *a = req->arena;
	const struct edition *e = admin_edition_by_id(app, ed->edition_id);
	struct admin_editor f = {
	    .action = ed->id
	                  ? arena_printf(a, "/admin/publications/%lld", ed->id)
	                  : "/admin/publications/new",
	    .heading = edition_string(req->edition, ed->id ? "edit_publication"
	                                                   : "new_publication"),
	    .version = ed->version,
	    .title = ed->title,
	    .slug = ed->slug,
	    .body = ed->description_md,
	    .body_label = edition_string(req->edition, "description_md"),
	    .message = message,
	    .notice = notice,
	    .other_body = other_body,
	};
	struct toc_rows rows = pf->sent.rows ? pf->sent : saved_rows(a, ed);
	struct media_option *covers, *pdfs;
	size_t n_covers, n_pdfs, i;
	struct tval *ctx, *opts;
	bool issue = ed->kind != NULL && strcmp(ed->kind, "book") != 0;

	if (edit_db_media_options(app->db, a, "image/*", &ed->cover_id, 1,
	                          MEDIA_OPTIONS, &covers, &n_covers) < 0 ||
	    edit_db_media_options(app->db, a, "application/pdf", &ed->pdf_id, 1,
	                          MEDIA_OPTIONS, &pdfs, &n_pdfs) < 0)
		return 500;
	if ((ctx = admin_editor_frame(app, req, resp, &f)) == NULL)
		return 500;
	if (notice != NULL && e != NULL && ed->state != NULL &&
	    strcmp(ed->state, "published") == 0)
		tv_set_str(
		    a, ctx, "view_url",
		    pub_path(a, e->prefix, ed->kind, ed->number, ed->slug));
	tv_set_str(a, ctx, "publish_at", admin_local_time(a, ed->published_at));
	tv_set(a, ctx, "states",
	       admin_state_options(req, admin_states, ADMIN_STATES, ed->state,
	                           false, req->user));
	opts = tv_list(a);
	for (i = 0; i < KINDS_COUNT; i++)
		admin_option(a, opts, kinds[i], kind_name(req, kinds[i]),
		             ed->kind && strcmp(ed->kind, kinds[i]) == 0);
	tv_set(a, ctx, "kinds", opts);
	tv_set(a, ctx, "editions",
	       admin_edition_options(app, a, ed->edition_id));
	tv_set(a, ctx, "covers",
	       admin_media_options(req, covers, n_covers, ed->cover_id));
	tv_set(a, ctx, "pdfs",
	       admin_media_options(req, pdfs, n_pdfs, ed->pdf_id));
	/* Numbers and years as typed when the form is shown again. */
	tv_set_str(a, ctx, "number",
	           req_form(req, "number") ? req_form(req, "number")
	           : ed->number > 0        ? arena_printf(a, "%lld", ed->number)
	                                   : "");
	tv_set_str(a, ctx, "year",
	           req_form(req, "year") ? req_form(req, "year")
	           : ed->year > 0        ? arena_printf(a, "%lld", ed->year)
	                                 : "");
	tv_set_str(a, ctx, "book_author",
	           ed->book_author ? ed->book_author : "");
	tv_set_str(a, ctx, "link", ed->link ? ed->link : "");
	tv_set_bool(a, ctx, "issue", issue);
	if (issue)
		toc_context(req, ctx, &rows);
	return admin_editor_render(app, resp, status, "admin/publication_edit",
	                           a, ctx, preview ? ed->description_md : NULL,
	                           false);
}

/*
 * GET /admin/publications/new: an empty editor (query: kind, the new
 * publication's: book by default).  Statuses: 200, 400 (unknown kind),
 * 500.  Roles: admin, editor, author.
 */
int
admin_publication_new(struct app *app, struct req *req, struct resp *resp)
{
	struct pub_form f = {0};
	const char *kind = req_query(req, "kind");

	if (kind != NULL && kind_index(kind) < 0)
		return 400;
	f.ed.kind = kind ? kind : "book";
	f.ed.state = "draft";
	f.ed.edition_id = admin_default_edition(app)->id;
	f.ed.description_md = "";
	return editor_page(app, req, resp, 200, &f, NULL, NULL, false, NULL);
}

/* Reads the publication {id} the user may edit into ed.  Returns 0, or
 * the status: 403, 404, 500. */
static int
load(struct app *app, struct req *req, struct publication_edit *ed)
{
	int rc = publication_admin_get(app->db, req->arena, req->param_int, ed);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	return admin_may_edit(req->user, ed->author_id, ed->state) ? 0 : 403;
}

/*
 * GET /admin/publications/{id}: the editor for one publication (query:
 * saved, after a save).  Statuses: 200, 403 (an author's publication out
 * of their hands), 404, 500.  Roles: admin, editor, author.
 */
int
admin_publication_edit(struct app *app, struct req *req, struct resp *resp)
{
	struct pub_form f = {0};
	int rc = load(app, req, &f.ed);

	if (rc != 0)
		return rc;
	return editor_page(app, req, resp, 200, &f, NULL, NULL, false,
	                   admin_saved_notice(req));
}

/*
 * Returns the slug an entry's article field names: the field itself, or
 * what follows "/articles/" in an address; NULL when that is not a slug.
 */
static const char *
article_slug(const char *field)
{
	const char *p = strstr(field, "/articles/");
	const char *s = p ? p + 10 : field;

	return slug_valid(s, strlen(s)) ? s : NULL;
}

/*
 * Reads the contents rows of the form into *sent (as sent, with errors)
 * and, when all are valid, into ed->toc in position order.  Returns 1
 * when they are valid, 0 when a row is not (its error set), -1 when the
 * form is not this editor's.
 */
static int
read_toc(struct req *req, struct publication_edit *ed, struct toc_rows *sent)
{
	struct arena *a = req->arena;
	size_t max = TOC_MAX + TOC_NEW_ROWS, i, n, kept = 0;
	struct admin_row *rows = arena_calloc(a, max, sizeof(*rows));
	long long count = admin_form_rows(req, toc_cols, 4, rows, max);
	long long *pos;
	size_t *order;
	bool *keep, ok = true;
	const char **slugs;

	if (count < 0)
		return -1;
	n = (size_t)count;
	sent->rows = arena_calloc(a, n + 1, sizeof(*sent->rows));
	sent->count = n;
	pos = arena_calloc(a, n + 1, sizeof(*pos));
	keep = arena_calloc(a, n + 1, sizeof(*keep));
	order = arena_calloc(a, n + 1, sizeof(*order));
	slugs = arena_calloc(a, n + 1, sizeof(*slugs));
	for (i = 0; i < n; i++) {
		struct toc_row *r = &sent->rows[i];

		r->key = rows[i].key;
		r->heading = rows[i].cols[0];
		r->excerpt = rows[i].cols[1];
		r->article = rows[i].cols[2];
		r->position = rows[i].cols[3];
		r->remove = rows[i].remove;
		pos[i] = r->position[0] ? admin_number(r->position, 4) : -1;
		slugs[i] = r->article[0] ? article_slug(r->article) : "";
		if (r->remove || (r->heading[strspn(r->heading, " ")] == '\0' &&
		                  r->excerpt[strspn(r->excerpt, " ")] == '\0' &&
		                  r->article[0] == '\0'))
			continue;
		if (r->heading[strspn(r->heading, " ")] == '\0' ||
		    text_chars(r->heading) > HEADING_MAX)
			r->error = "error_row_heading";
		else if (text_chars(r->excerpt) > EXCERPT_MAX)
			r->error = "error_row_text";
		else if (slugs[i] == NULL)
			r->error = "error_article";
		else if (r->position[0] != '\0' && pos[i] < 0)
			r->error = "error_row_position";
		else if (++kept > TOC_MAX)
			r->error = "rows_full";
		keep[i] = r->error == NULL;
		ok = ok && r->error == NULL;
	}
	if (!ok)
		return 0;
	n = admin_rows_order(a, pos, keep, n, order);
	ed->toc = arena_calloc(a, n + 1, sizeof(*ed->toc));
	for (i = 0; i < n; i++)
		ed->toc[i] = (struct toc_input){sent->rows[order[i]].heading,
		                                sent->rows[order[i]].excerpt,
		                                slugs[order[i]]};
	ed->toc_count = n;
	ed->toc_set = true;
	return 1;
}

/*
 * Reads the number and year fields: an issue needs a number from 1 to
 * ISSUE_MAX, a book has none; a year is empty or 1 to 9999.  Returns
 * NULL or the message to show.
 */
static const char *
read_numbers(struct req *req, struct publication_edit *ed)
{
	const char *number = req_form(req, "number");
	const char *year = req_form(req, "year");
	bool book = strcmp(ed->kind, "book") == 0;

	ed->number = 0;
	if (number != NULL && number[0] != '\0') {
		ed->number = admin_number(number, 7);
		if (book || ed->number < 1 || ed->number > ISSUE_MAX)
			return edition_string(req->edition, "error_number");
	} else if (!book) {
		return edition_string(req->edition, "error_number");
	}
	ed->year = 0;
	if (year != NULL && year[0] != '\0' &&
	    ((ed->year = admin_number(year, 4)) < 1))
		return edition_string(req->edition, "error_year");
	return NULL;
}

/*
 * Reads the editor's fields into the publication form (a struct pub_form;
 * over what its publication held) and checks them; the contents rows,
 * when the form has them, into its sent rows.  Returns NULL when the
 * fields are valid, "" when the form is not this editor's, else the
 * message to show.
 */
static const char *
read_form(struct app *app, struct req *req, void *form)
{
	struct pub_form *pf = form;
	struct publication_edit *ed = &pf->ed;
	const struct edition *e = req->edition;
	const char *v;
	long long id;
	int toc = 1;
	bool rows_bad = false;

	ed->title = req_form(req, "title");
	ed->description_md = req_form(req, "body");
	ed->kind = req_form(req, "kind");
	ed->state = req_form(req, "state"); /* shown again if invalid */
	ed->book_author = req_form(req, "book_author");
	ed->link = req_form(req, "link");
	if (ed->description_md == NULL)
		ed->description_md = "";
	if (ed->book_author == NULL)
		ed->book_author = "";
	if (ed->link == NULL)
		ed->link = "";
	if ((v = req_form(req, "version")) != NULL)
		ed->version = strtoll(v, NULL, 10);
	if ((id = admin_form_id(req, "edition")) > 0)
		ed->edition_id = id;
	ed->cover_id = admin_form_id(req, "cover");
	ed->pdf_id = admin_form_id(req, "pdf");
	if (req_form(req, "toc") != NULL &&
	    (toc = read_toc(req, ed, &pf->sent)) == 0)
		rows_bad = true;
	if (toc < 0)
		return "";
	if (kind_index(ed->kind) < 0)
		return edition_string(e, "error_kind");
	if (id < 0 || admin_edition_by_id(app, ed->edition_id) == NULL)
		return edition_string(e, "error_edition");
	if (ed->title == NULL || ed->title[0] == '\0' ||
	    strlen(ed->title) > TITLE_MAX)
		return edition_string(e, "error_title_required");
	if (strlen(ed->description_md) > MARKDOWN_MAX_BYTES)
		return edition_string(e, "error_body");
	if (strlen(ed->book_author) > AUTHOR_MAX)
		return edition_string(e, "error_item_text");
	if (!admin_form_slug(req, ed->title, &ed->slug))
		return edition_string(e, "error_slug");
	if ((v = read_numbers(req, ed)) != NULL)
		return v;
	if (ed->cover_id < 0 || ed->pdf_id < 0)
		return edition_string(e, "error_media");
	if (ed->link[0] != '\0' &&
	    (strlen(ed->link) > LINK_MAX || ed->link[0] == '/' ||
	     !frame_menu_url_ok(ed->link) || ed->pdf_id > 0))
		return edition_string(e, "error_link");
	if (rows_bad)
		return edition_string(e, "error_rows");
	return admin_form_schedule(req, &ed->state, &ed->published_at);
}

/* Saves the publication form's publication (admin_item.h). */
static enum save_result
save(struct app *app, struct req *req, const void *form, long long *id)
{
	const struct pub_form *pf = form;

	return publication_admin_save(app->db, &pf->ed, req->user->id,
	                              (long long)time(NULL), id);
}

/* After a conflict: the saved publication's version and description. */
static const char *
reload(struct app *app, struct req *req, void *form)
{
	struct pub_form *pf = form;
	struct publication_edit current;

	if (publication_admin_get(app->db, req->arena, pf->ed.id, &current) !=
	    0)
		return NULL;
	pf->ed.version = current.version;
	return current.description_md;
}

/* The publication editor's save flow (admin_item_save). */
static const struct admin_item_editor pub_editor = {
    .base = "/admin/publications",
    .noun = "publication",
    .read = read_form,
    .page = editor_page,
    .save = save,
    .reload = reload,
};

/*
 * POST /admin/publications/new: creates a publication.  Fields: title,
 * slug, body (the description, Markdown), kind (book, newsletter,
 * brief), number (issues: 1 to 1000000; books: empty), book_author, year,
 * edition, state, publish_at, cover, pdf (library ids), link (an outside
 * http(s) address, not with a PDF), toc (present with the contents rows)
 * and per row KEY (1, 2, … or new1 …) heading-KEY, excerpt-KEY,
 * article-KEY (an article's slug or address, or empty), position-KEY,
 * delete-KEY; action (save or preview), csrf.  Statuses: 303 (saved), 200
 * (preview), 400 (invalid, a number or slug taken: the form again with a
 * message; not this editor's form), 500.  Roles: admin, editor, author.
 */
int
admin_publication_create(struct app *app, struct req *req, struct resp *resp)
{
	struct pub_form f = {0};

	f.ed.edition_id = admin_default_edition(app)->id;
	f.ed.author_id = req->user->id;
	return admin_item_save(app, req, resp, &pub_editor, &f, &f.ed.title,
	                       &f.ed.state);
}

/*
 * POST /admin/publications/{id}: saves a publication; fields as for
 * creating, plus version (the one the editor opened).  Statuses: 303,
 * 200 (preview), 400, 403 (not the author's to edit), 404, 409 (someone
 * saved in between: the form again with both texts, nothing changed),
 * 500.  Roles: admin, editor, author.
 */
int
admin_publication_save(struct app *app, struct req *req, struct resp *resp)
{
	struct pub_form f = {0};
	int rc = load(app, req, &f.ed);

	return rc != 0 ? rc
	               : admin_item_save(app, req, resp, &pub_editor, &f,
	                                 &f.ed.title, &f.ed.state);
}
