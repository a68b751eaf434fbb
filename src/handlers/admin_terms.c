/*
 * admin_terms.c: the categories and tags pages (Posts → Categories and
 * Posts → Tags in WordPress), for admins and editors (the router enforces
 * the roles and every POST's CSRF token).  One page per kind and edition
 * (an edition filter above it): the list, with name, slug (linked to the
 * public archive), for categories the parent, the description, and the
 * number of published articles using each (WordPress's Count: drafts,
 * scheduled, private and trashed articles are not counted; the delete
 * button's hint counts them all, as deleting touches them all); below it
 * the form to add one, or, at /admin/categories/ID, to change it (name,
 * slug, description, for categories parent), with a button that deletes
 * it.  The description is shown at the head of the term's archive and is
 * its meta description and feed subtitle (tags have one as in WordPress:
 * migration 029).
 *
 * Categories nest (listed as a tree); a parent must be a category of the
 * same edition that is neither the category itself nor one below it.  A
 * slug is made from the name when left empty (slug.h's rule) and must be
 * free among the kind's slugs of the edition.  Any bad field answers 400
 * with the form as sent and a message, and nothing is saved.  A changed
 * slug leaves the old archive address and its feeds answering 301
 * with the new ones (the redirects table, see term_db.h).  Deleting a
 * category leaves its articles without a category (shown as such; the
 * schema has no default category to move them to) and moves its
 * subcategories up to its parent; deleting a tag takes it off its
 * articles.  Every change is audited ("category added", "category
 * changed", "category deleted", the same for tags).  The public site
 * shows it at the next request: every commit moves PRAGMA data_version,
 * and a worker then rebuilds what it keeps (pages, article summaries
 * with their category, the frame), so archives, feeds, sitemaps and the
 * static export read the tables afresh.
 */
#include <string.h>
#include <time.h>

#include "../db/auth_db.h"
#include "../db/term_db.h"
#include "../util/text.h"
#include "handlers.h"

#define TERM_NAME_MAX 200
#define TERM_DESCRIPTION_MAX 2000
/* Tags listed per page; categories are listed whole (a tree). */
#define TAGS_PAGE 100
#define CATEGORIES_MAX 10000
/* Deeper categories are listed at the top level (and can be moved). */
#define TREE_MAX_DEPTH 32

/* What differs between the two pages. */
struct term_page {
	const char *base;    /* "/admin/categories" */
	const char *public;  /* "/category/" */
	const char *heading; /* string keys */
	const char *add;
	const char *edit;
	const char *audit; /* "category" */
};

static const struct term_page pages[] = {
    [TERM_CATEGORY] = {"/admin/categories", "/category/", "term_categories",
                       "term_category_new", "term_category_edit", "category"},
    [TERM_TAG] = {"/admin/tags", "/tag/", "tags", "term_tag_new",
                  "term_tag_edit", "tag"},
};

/* The form, as shown or as sent. */
struct term_form {
	long long id; /* 0: adding */
	const char *name;
	const char *slug; /* as sent: "" makes it from the name */
	const char *description;
	long long parent_id;
	long long articles; /* of a saved term, for the delete hint */
};

/* The list in tree order: rows[order[i]] is depth[i] deep. */
struct tree {
	size_t *order;
	int *depth;
	size_t count;
};

/* Places the children of parent (rows are by name), each followed by its
 * own, depth deep. */
static void
place(const struct term_row *rows, size_t n, long long parent, int depth,
      struct tree *t, bool *placed)
{
	for (size_t i = 0; i < n; i++) {
		if (placed[i] || rows[i].parent_id != parent)
			continue;
		placed[i] = true;
		t->order[t->count] = i;
		t->depth[t->count++] = depth;
		if (depth < TREE_MAX_DEPTH)
			place(rows, n, rows[i].id, depth + 1, t, placed);
	}
}

/* Orders rows as a tree: top categories and their descendants, then any
 * left over (a parent missing, or too deep) with theirs. */
static void
tree_of(struct arena *a, const struct term_row *rows, size_t n, struct tree *t)
{
	bool *placed = arena_calloc(a, n + 1, sizeof(*placed));

	t->order = arena_calloc(a, n + 1, sizeof(*t->order));
	t->depth = arena_calloc(a, n + 1, sizeof(*t->depth));
	t->count = 0;
	place(rows, n, 0, 0, t, placed);
	for (size_t i = 0; i < n; i++) {
		if (placed[i])
			continue;
		placed[i] = true;
		t->order[t->count] = i;
		t->depth[t->count++] = 0;
		place(rows, n, rows[i].id, 1, t, placed);
	}
}

/* Returns the row of id among rows, or NULL. */
static const struct term_row *
row_by_id(const struct term_row *rows, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == id)
			return &rows[i];
	return NULL;
}

/* Whether category id is r or above it (at most n steps up). */
static bool
is_at_or_above(const struct term_row *rows, size_t n, const struct term_row *r,
               long long id)
{
	for (size_t steps = 0; r != NULL && steps <= n; steps++) {
		if (r->id == id)
			return true;
		r = r->parent_id ? row_by_id(rows, n, r->parent_id) : NULL;
	}
	return false;
}

/* A tree label: one dash a level, then the name. */
static const char *
indented(struct arena *a, const char *name, int depth)
{
	const char *s = "";

	for (int i = 0; i < depth; i++)
		s = arena_concat(a, s, "\xe2\x80\x94 ", NULL);
	return arena_concat(a, s, name, NULL);
}

/* The parent choices of category f->id (0: a new one): none, then every
 * category of the edition but it and those below it, as a tree. */
static struct tval *
parent_options(struct req *req, const struct term_row *rows, size_t n,
               const struct tree *t, const struct term_form *f)
{
	struct arena *a = req->arena;
	struct tval *opts = tv_list(a);

	admin_option(a, opts, "",
	             edition_string(req->edition, "term_no_parent"),
	             f->parent_id == 0);
	for (size_t i = 0; i < t->count; i++) {
		const struct term_row *r = &rows[t->order[i]];

		if (f->id != 0 && is_at_or_above(rows, n, r, f->id))
			continue;
		admin_option(a, opts, arena_printf(a, "%lld", r->id),
		             indented(a, r->name, t->depth[i]),
		             r->id == f->parent_id);
	}
	return opts;
}

/* Sets the list of terms (and, for tags, the pager) in ctx. */
static int
list_terms(struct app *app, struct req *req, struct tval *ctx,
           enum term_kind kind, const struct edition *e, long long page,
           const struct term_form *f)
{
	struct arena *a = req->arena;
	const struct term_page *p = &pages[kind];
	const char *prefix = frame_edition_prefix(a, e);
	bool cat = kind == TERM_CATEGORY;
	size_t limit = cat ? CATEGORIES_MAX : TAGS_PAGE + 1, n;
	struct term_row *rows;
	struct tval *list = tv_list(a);
	struct tree t;

	if (term_db_list(app->db, a, kind, e->id,
	                 cat ? 0 : (page - 1) * TAGS_PAGE, limit, &rows,
	                 &n) < 0)
		return -1;
	if (cat) {
		tree_of(a, rows, n, &t);
		tv_set(a, ctx, "f_parents",
		       parent_options(req, rows, n, &t, f));
	} else {
		admin_list_pager(
		    req, ctx,
		    arena_printf(a, "%s?edition=%lld", p->base, e->id), page,
		    n > TAGS_PAGE);
		if (n > TAGS_PAGE)
			n = TAGS_PAGE;
		t.order = arena_calloc(a, n + 1, sizeof(*t.order));
		t.depth = arena_calloc(a, n + 1, sizeof(*t.depth));
		for (t.count = 0; t.count < n; t.count++)
			t.order[t.count] = t.count;
	}
	for (size_t i = 0; i < t.count; i++) {
		const struct term_row *r = &rows[t.order[i]];
		const struct term_row *parent =
		    r->parent_id ? row_by_id(rows, n, r->parent_id) : NULL;
		struct tval *m = tv_map(a);

		tv_set_int(a, m, "id", r->id);
		tv_set_str(a, m, "name", indented(a, r->name, t.depth[i]));
		tv_set_str(a, m, "slug", r->slug);
		tv_set_str(a, m, "url",
		           arena_concat(a, prefix, p->public, r->slug, NULL));
		tv_set_str(a, m, "parent", parent ? parent->name : "");
		tv_set_str(a, m, "description", r->description);
		tv_set_int(a, m, "articles", r->published);
		if (cat)
			tv_set_str(a, m, "articles_url",
			           arena_printf(a,
			                        "/admin/articles?category=%lld"
			                        "&edition=%lld",
			                        r->id, e->id));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "terms", list);
	tv_set_bool(a, ctx, "empty", t.count == 0);
	return 0;
}

/*
 * Renders the page of kind for edition e: the list (tags: page page) and
 * the form f, to add (f->id 0) or change a term, with message (a string
 * key) when not NULL.
 */
static int
terms_page(struct app *app, struct req *req, struct resp *resp, int status,
           enum term_kind kind, const struct edition *e, long long page,
           const struct term_form *f, const char *message)
{
	struct arena *a = req->arena;
	const struct term_page *p = &pages[kind];
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, p->heading));

	if (ctx == NULL)
		return 500;
	tv_set_str(a, ctx, "heading", edition_string(req->edition, p->heading));
	tv_set_str(a, ctx, "base", p->base);
	tv_set_bool(a, ctx, "is_category", kind == TERM_CATEGORY);
	tv_set(a, ctx, "editions", admin_edition_options(app, a, e->id));
	tv_set_int(a, ctx, "edition_id", e->id);
	tv_set_str(a, ctx, "edition_name", e->name);
	tv_set_str(a, ctx, "edition_lang", e->lang);
	tv_set_str(a, ctx, "edition_dir", e->dir);
	if (list_terms(app, req, ctx, kind, e, page, f) < 0)
		return 500;
	tv_set_str(a, ctx, "form_heading",
	           edition_string(req->edition, f->id ? p->edit : p->add));
	tv_set_str(a, ctx, "action",
	           f->id ? arena_printf(a, "%s/%lld", p->base, f->id)
	                 : p->base);
	if (f->id != 0) {
		tv_set_str(a, ctx, "delete_action",
		           arena_printf(a, "%s/%lld/delete", p->base, f->id));
		tv_set_int(a, ctx, "f_articles", f->articles);
	}
	tv_set_str(a, ctx, "f_name", f->name);
	tv_set_str(a, ctx, "f_slug", f->slug);
	tv_set_str(a, ctx, "f_description", f->description);
	if (message != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message));
	if (admin_saved_notice(req) != NULL)
		tv_set_str(a, ctx, "notice", admin_saved_notice(req));
	else if (req_query(req, "deleted") != NULL)
		tv_set_str(a, ctx, "notice",
		           edition_string(req->edition, "term_deleted"));
	return app_render(app, resp, status, "admin/terms", ctx);
}

/*
 * The list of kind with the form to add one: query edition (an edition's
 * id; the admin's own edition when absent) and, for tags, page.
 */
static int
terms_list(struct app *app, struct req *req, struct resp *resp,
           enum term_kind kind)
{
	long long id = admin_query_id(req, "edition"), page;
	const struct edition *e =
	    id == 0 ? admin_default_edition(app) : admin_edition_by_id(app, id);
	struct term_form f = {.name = "", .slug = "", .description = ""};

	if (e == NULL || !admin_query_page(req, &page))
		return 400;
	return terms_page(app, req, resp, 200, kind, e, page, &f, NULL);
}

/* Reads the saved term id of kind into *row and its edition into *e.
 * Returns 0, or the status to answer (404, 500). */
static int
load(struct app *app, struct req *req, enum term_kind kind, long long id,
     struct term_row *row, const struct edition **e)
{
	int rc = term_db_get(app->db, req->arena, kind, id, row);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	*e = admin_edition_by_id(app, row->edition_id);
	return *e == NULL ? 404 : 0;
}

/* The form of a saved term. */
static void
form_of(const struct term_row *r, struct term_form *f)
{
	*f = (struct term_form){
	    .id = r->id,
	    .name = r->name,
	    .slug = r->slug,
	    .description = r->description,
	    .parent_id = r->parent_id,
	    .articles = r->articles,
	};
}

/* The form to change the term of the path's id, below its edition's
 * list. */
static int
term_edit(struct app *app, struct req *req, struct resp *resp,
          enum term_kind kind)
{
	const struct edition *e;
	struct term_row row;
	struct term_form f;
	int rc = load(app, req, kind, req->param_int, &row, &e);

	if (rc != 0)
		return rc;
	form_of(&row, &f);
	return terms_page(app, req, resp, 200, kind, e, 1, &f, NULL);
}

/*
 * Reads and checks the form over f (its id and articles set); sets
 * *slug to the slug to save and f->description to the description to
 * save.  Returns NULL when valid, else the message key.
 */
static const char *
read_form(struct req *req, enum term_kind kind, struct term_form *f,
          const char **slug)
{
	const char *v;

	v = req_form(req, "name");
	f->name = text_trim(req->arena, v);
	v = req_form(req, "slug");
	f->slug = v ? v : "";
	v = req_form(req, "description");
	f->description = v ? v : "";
	f->parent_id = kind == TERM_CATEGORY ? admin_form_id(req, "parent") : 0;
	if (text_blank(f->name) || text_chars(f->name) > TERM_NAME_MAX ||
	    text_has_control(f->name))
		return "error_term_name";
	if (!admin_form_slug(req, f->name, slug))
		return "error_term_slug";
	if (text_chars(f->description) > TERM_DESCRIPTION_MAX)
		return "error_term_description";
	if (f->parent_id < 0 || (f->id != 0 && f->parent_id == f->id))
		return "error_term_parent";
	return NULL;
}

/* Audits a change of kind: what ("added" …) and the term's edition and
 * slug. */
static void
audit(struct app *app, struct req *req, enum term_kind kind, const char *what,
      const struct edition *e, const char *detail)
{
	audit_db_add(
	    app->db, (long long)time(NULL), req->user->id, req->user->name,
	    arena_concat(req->arena, pages[kind].audit, " ", what, NULL),
	    arena_concat(req->arena, e->code, ": ", detail, NULL),
	    req->remote_addr);
}

/*
 * Saves the form over f (a new term of edition e, or the saved term
 * old); shared by adding and changing.
 */
static int
save(struct app *app, struct req *req, struct resp *resp, enum term_kind kind,
     const struct edition *e, struct term_form *f, const struct term_row *old)
{
	const char *slug = NULL, *message = read_form(req, kind, f, &slug);
	struct term_edit in;
	long long id;

	if (message == NULL) {
		in = (struct term_edit){
		    .id = f->id,
		    .edition_id = e->id,
		    .parent_id = f->parent_id,
		    .slug = slug,
		    .name = f->name,
		    .description = text_clean(req->arena, f->description, true,
		                              TERM_DESCRIPTION_MAX),
		    .prefix = frame_edition_prefix(req->arena, e),
		};
		switch (term_db_save(app->db, kind, &in, (long long)time(NULL),
		                     &id)) {
		case TERM_OK:
			audit(app, req, kind, old ? "changed" : "added", e,
			      old && strcmp(old->slug, slug) != 0
			          ? arena_concat(req->arena, old->slug,
			                         " \xe2\x86\x92 ", slug, NULL)
			          : slug);
			return admin_saved(req, resp, pages[kind].base, id);
		case TERM_SLUG_TAKEN:
			message = "error_term_slug_taken";
			break;
		case TERM_BAD_PARENT:
			message = "error_term_parent";
			break;
		case TERM_GONE:
			return 404;
		case TERM_FAILED:
			return 500;
		}
	}
	return terms_page(app, req, resp, 400, kind, e, 1, f, message);
}

/* Adds a term of kind to the edition of the form's edition field. */
static int
term_create(struct app *app, struct req *req, struct resp *resp,
            enum term_kind kind)
{
	long long id = admin_form_id(req, "edition");
	const struct edition *e = id > 0 ? admin_edition_by_id(app, id) : NULL;
	struct term_form f = {0};

	if (e == NULL)
		return 400;
	return save(app, req, resp, kind, e, &f, NULL);
}

/* Changes the term of the path's id. */
static int
term_save(struct app *app, struct req *req, struct resp *resp,
          enum term_kind kind)
{
	const struct edition *e;
	struct term_row row;
	struct term_form f;
	int rc = load(app, req, kind, req->param_int, &row, &e);

	if (rc != 0)
		return rc;
	form_of(&row, &f);
	return save(app, req, resp, kind, e, &f, &row);
}

/* Deletes the term of the path's id, then shows its edition's list. */
static int
term_delete(struct app *app, struct req *req, struct resp *resp,
            enum term_kind kind)
{
	const struct edition *e;
	struct term_row row;
	int rc = load(app, req, kind, req->param_int, &row, &e);

	if (rc != 0)
		return rc;
	switch (term_db_delete(app->db, kind, row.id)) {
	case TERM_OK:
		break;
	case TERM_GONE:
		return 404;
	default:
		return 500;
	}
	audit(app, req, kind, "deleted", e,
	      arena_printf(req->arena, "%s (%lld articles)", row.slug,
	                   row.articles));
	return resp_redirect(resp, 303,
	                     arena_printf(req->arena,
	                                  "%s?edition=%lld&deleted=1",
	                                  pages[kind].base, e->id)) < 0
	           ? 500
	           : 303;
}

/*
 * GET /admin/categories: the categories of an edition as a tree (query:
 * edition, an edition's id; the admin's edition when absent) and the form
 * to add one.  Statuses: 200, 400 (unknown edition), 500.  Roles: admin,
 * editor.
 */
int
admin_categories(struct app *app, struct req *req, struct resp *resp)
{
	return terms_list(app, req, resp, TERM_CATEGORY);
}

/*
 * GET /admin/categories/{id}: the form to change a category, below its
 * edition's list.  Statuses: 200, 404, 500.  Roles: admin, editor.
 */
int
admin_category_edit(struct app *app, struct req *req, struct resp *resp)
{
	return term_edit(app, req, resp, TERM_CATEGORY);
}

/*
 * POST /admin/categories: adds a category.  Fields: edition (an id),
 * name (1 to 200 bytes, one line), slug (empty: made from the name),
 * parent (empty, or a category of the edition), description (at most
 * 2000 bytes), csrf.  Statuses: 303 (to its form), 400 (a bad field, a
 * slug taken, a parent of another edition: the page again with the form
 * as sent and a message; unknown edition), 500.  Roles: admin, editor.
 * Audited as "category added".
 */
int
admin_category_create(struct app *app, struct req *req, struct resp *resp)
{
	return term_create(app, req, resp, TERM_CATEGORY);
}

/*
 * POST /admin/categories/{id}: changes a category; fields as for adding
 * but edition (a category keeps its edition); the parent may not be the
 * category or one below it.  A changed slug's old address and feeds
 * answer 301 with the new ones.  Statuses: 303, 400, 404, 500.  Roles:
 * admin, editor.  Audited as "category changed".
 */
int
admin_category_save(struct app *app, struct req *req, struct resp *resp)
{
	return term_save(app, req, resp, TERM_CATEGORY);
}

/*
 * POST /admin/categories/{id}/delete: deletes a category (field: csrf);
 * its articles are left without a category, its subcategories move up to
 * its parent.  Statuses: 303 (to the edition's list), 404, 500.  Roles:
 * admin, editor.  Audited as "category deleted".
 */
int
admin_category_delete(struct app *app, struct req *req, struct resp *resp)
{
	return term_delete(app, req, resp, TERM_CATEGORY);
}

/*
 * GET /admin/tags: the tags of an edition by name, TAGS_PAGE a page
 * (query: edition, an id; page), and the form to add one.  Statuses:
 * 200, 400 (unknown edition or page), 500.  Roles: admin, editor.
 */
int
admin_tags(struct app *app, struct req *req, struct resp *resp)
{
	return terms_list(app, req, resp, TERM_TAG);
}

/*
 * GET /admin/tags/{id}: the form to change a tag, below its edition's
 * list.  Statuses: 200, 404, 500.  Roles: admin, editor.
 */
int
admin_tag_edit(struct app *app, struct req *req, struct resp *resp)
{
	return term_edit(app, req, resp, TERM_TAG);
}

/*
 * POST /admin/tags: adds a tag.  Fields: edition (an id), name, slug
 * (empty: made from the name), description (at most 2000 bytes), csrf.
 * Statuses: 303, 400 (a bad field or a slug taken: the form again; unknown
 * edition), 500.  Roles: admin, editor.  Audited as "tag added".
 */
int
admin_tag_create(struct app *app, struct req *req, struct resp *resp)
{
	return term_create(app, req, resp, TERM_TAG);
}

/*
 * POST /admin/tags/{id}: renames a tag, changes its slug (the old
 * address and feeds answer 301) or its description.  Fields: name, slug,
 * description, csrf.
 * Statuses: 303, 400, 404, 500.  Roles: admin, editor.  Audited as "tag
 * changed".
 */
int
admin_tag_save(struct app *app, struct req *req, struct resp *resp)
{
	return term_save(app, req, resp, TERM_TAG);
}

/*
 * POST /admin/tags/{id}/delete: deletes a tag, taking it off its
 * articles (field: csrf).  Statuses: 303, 404, 500.  Roles: admin,
 * editor.  Audited as "tag deleted".
 */
int
admin_tag_delete(struct app *app, struct req *req, struct resp *resp)
{
	return term_delete(app, req, resp, TERM_TAG);
}
