/*
 * admin_menu.c: the main menu's editor.  One form, no script needed: a
 * table with a row per item (label, address, parent, position, a delete
 * box) and a few empty rows for new items, all saved by one POST in one
 * transaction.  Every row is checked first; any bad row answers 400 with
 * the form as it was sent and a message on that row, and nothing is
 * saved.  The public theme shows one level of dropdown under a top item,
 * so a parent must be a top item.  Admins and editors only (the router
 * enforces the roles and the CSRF token); each save is audited as "menu
 * changed", and every worker shows the new menu at its next request (the
 * commit moves PRAGMA data_version; the saving worker marks itself stale).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/auth_db.h"
#include "../db/menu_db.h"
#include "../util/text.h"
#include "handlers.h"

#define MENU_MAX_ITEMS 19
#define MENU_NEW_ROWS 3
#define MENU_LABEL_MAX 200
#define MENU_URL_MAX 500
#define MENU_POSITION_MAX 9999

/*
 * A row sends label, url, parent and position, and one more field when its
 * delete box is ticked; csrf and edition come once.  The fullest form must
 * pass the request parser's field limit, or the save would be refused
 * before it reaches this file.
 */
_Static_assert(2 + 5 * MENU_MAX_ITEMS <= HTTP_MAX_FIELDS,
               "the menu form would outgrow HTTP_MAX_FIELDS");

/* One row of the editor, as shown or as sent. */
struct row {
	const char *key;      /* the item's id, or "new1" … for a new row */
	long long id;         /* 0 for a new row */
	const char *label;    /* as sent */
	const char *url;      /* as sent */
	const char *parent;   /* as sent: "" or an item's id */
	const char *position; /* as sent: "" or a number */
	bool remove;
	const char *error; /* a message key, or NULL */
	/* Filled by the checks. */
	long long parent_id;
	long long pos; /* -1: after the last sibling */
	bool blank;    /* a new row left empty: ignored */
};

/* Returns whether s is empty or only spaces. */
static bool
is_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* The edition named by code (the default edition when code is NULL or
 * empty, whatever the admin language), enabled or not; NULL when there is
 * none. */
static const struct edition *
edition_by_code(const struct app *app, const char *code)
{
	if (code == NULL || code[0] == '\0')
		return admin_default_edition(app);
	for (size_t i = 0; i < app->site.editions_count; i++)
		if (strcmp(app->site.editions[i].code, code) == 0)
			return &app->site.editions[i];
	return NULL;
}

/* Whether r is a top item of the form (its parent field is empty). */
static bool
is_top(const struct row *r)
{
	return r->id > 0 &&
	       (r->parent[0] == '\0' || strcmp(r->parent, "0") == 0);
}

/* The parent options of row k: the top level, then every other top item. */
static struct tval *
parent_options(struct req *req, const struct row *rows, size_t count, size_t k)
{
	struct arena *a = req->arena;
	struct tval *opts = tv_list(a);

	admin_option(
	    a, opts, "", edition_string(req->edition, "menu_top_level"),
	    rows[k].parent[0] == '\0' || strcmp(rows[k].parent, "0") == 0);
	for (size_t i = 0; i < count; i++)
		if (i != k && is_top(&rows[i]))
			admin_option(a, opts, rows[i].key, rows[i].label,
			             strcmp(rows[k].parent, rows[i].key) == 0);
	return opts;
}

/* Renders the editor for edition e with rows. */
static int
menu_page(struct app *app, struct req *req, struct resp *resp, int status,
          const struct edition *e, const struct row *rows, size_t count,
          const char *message, bool full)
{
	struct arena *a = req->arena;
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "menu_editor"));
	struct tval *list, *opts;
	size_t i;

	if (ctx == NULL)
		return 500;
	tv_set_str(a, ctx, "edition", e->code);
	tv_set_str(a, ctx, "edition_name", e->name);
	opts = tv_list(a);
	for (i = 0; i < app->site.editions_count; i++)
		admin_option(a, opts, app->site.editions[i].code,
		             app->site.editions[i].name,
		             &app->site.editions[i] == e);
	tv_set(a, ctx, "editions", opts);
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		const struct row *r = &rows[i];
		struct tval *m = tv_map(a);

		tv_set_str(a, m, "key", r->key);
		tv_set_str(a, m, "label", r->label);
		tv_set_str(a, m, "url", r->url);
		tv_set_str(a, m, "position", r->position);
		tv_set_bool(a, m, "fresh", r->id == 0);
		tv_set_bool(a, m, "sub",
		            r->parent[0] != '\0' &&
		                strcmp(r->parent, "0") != 0);
		tv_set_bool(a, m, "remove", r->remove);
		if (r->error != NULL)
			tv_set_str(a, m, "row_error",
			           edition_string(req->edition, r->error));
		tv_set(a, m, "parents", parent_options(req, rows, count, i));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "rows", list);
	tv_set_bool(a, ctx, "full", full);
	if (message != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message));
	if (admin_saved_notice(req) != NULL)
		tv_set_str(a, ctx, "notice", admin_saved_notice(req));
	return app_render(app, resp, status, "admin/menu", ctx);
}

/*
 * Renders the saved menu of e: each top item followed by its sub-items,
 * then any item nested deeper (so that it can be moved), then empty rows
 * for new items while the menu has room.
 */
static int
saved_menu_page(struct app *app, struct req *req, struct resp *resp, int status,
                const struct edition *e, const char *message)
{
	struct arena *a = req->arena;
	struct menu_row *items;
	struct row *rows;
	size_t count, n = 0, tops, i, k, fresh;
	bool *placed;

	if (menu_db_list(app->db, a, e->id, &items, &count) < 0)
		return 500;
	fresh = count < MENU_MAX_ITEMS ? MENU_MAX_ITEMS - count : 0;
	if (fresh > MENU_NEW_ROWS)
		fresh = MENU_NEW_ROWS;
	rows = arena_calloc(a, count + fresh + 1, sizeof(*rows));
	placed = arena_calloc(a, count + 1, sizeof(*placed));
	for (tops = 0; tops < count && items[tops].parent_id == 0; tops++)
		;
	/* Tops with their sub-items, then whatever is left. */
	for (k = 0; k <= tops; k++) {
		for (i = 0; i < count; i++) {
			const struct menu_row *it = &items[i];
			struct row *r;

			if (placed[i] || (k < tops && i != k &&
			                  it->parent_id != items[k].id))
				continue;
			placed[i] = true;
			r = &rows[n++];
			r->id = it->id;
			r->key = arena_printf(a, "%lld", it->id);
			r->label = it->label;
			r->url = it->url;
			r->parent = it->parent_id
			                ? arena_printf(a, "%lld", it->parent_id)
			                : "";
			r->position = arena_printf(a, "%lld", it->position);
		}
	}
	for (i = 0; i < fresh; i++) {
		struct row *r = &rows[n++];

		r->key = arena_printf(a, "new%zu", i + 1);
		r->label = r->url = r->parent = r->position = "";
	}
	return menu_page(app, req, resp, status, e, rows, n, message,
	                 fresh == 0);
}

/*
 * GET /admin/menu: the main menu's editor (query: edition, a code; the
 * admin's edition by default; saved, after a save).  Statuses: 200, 400
 * (unknown edition), 500.  Roles: admin, editor.
 */
int
admin_menu(struct app *app, struct req *req, struct resp *resp)
{
	const struct edition *e =
	    edition_by_code(app, req_query(req, "edition"));

	if (e == NULL)
		return 400;
	return saved_menu_page(app, req, resp, 200, e, NULL);
}

/*
 * Reads the rows of the posted form, in the order sent, from the fields
 * named label-KEY (KEY an item's id or "new" and a number).  Returns the
 * number of rows, or -1 when the form is not this editor's (a malformed or
 * repeated key, too many rows).
 */
static long long
read_rows(struct req *req, struct row *rows, size_t max)
{
	static const char *const cols[] = {"label", "url", "parent",
	                                   "position"};
	struct admin_row *sent = arena_calloc(req->arena, max, sizeof(*sent));
	long long n = admin_form_rows(req, cols, 4, sent, max);

	for (long long i = 0; i < n; i++) {
		memset(&rows[i], 0, sizeof(rows[i]));
		rows[i].key = sent[i].key;
		rows[i].id = sent[i].id;
		rows[i].label = sent[i].cols[0];
		rows[i].url = sent[i].cols[1];
		rows[i].parent = sent[i].cols[2];
		rows[i].position = sent[i].cols[3];
		rows[i].remove = sent[i].remove;
	}
	return n;
}

/* Returns the row of item id among rows, or NULL. */
static const struct row *
row_of(const struct row *rows, size_t count, long long id)
{
	for (size_t i = 0; i < count; i++)
		if (rows[i].id == id)
			return &rows[i];
	return NULL;
}

/*
 * Checks every row, setting its error; fills parent_id and pos.  Returns
 * whether all are valid.
 */
static bool
check_rows(struct row *rows, size_t count)
{
	bool ok = true;
	size_t kept = 0;

	for (size_t i = 0; i < count; i++) {
		struct row *r = &rows[i];
		const struct row *p;

		r->blank = r->id == 0 && is_blank(r->label) && is_blank(r->url);
		if (r->remove || r->blank)
			continue;
		kept++;
		r->parent_id = 0;
		if (r->parent[0] != '\0' && strcmp(r->parent, "0") != 0)
			r->parent_id = admin_number(r->parent, 18);
		r->pos =
		    r->position[0] == '\0' ? -1 : admin_number(r->position, 4);
		if (is_blank(r->label) || text_chars(r->label) > MENU_LABEL_MAX)
			r->error = "error_menu_label";
		else if (strlen(r->url) > MENU_URL_MAX ||
		         (!frame_menu_url_ok(r->url) &&
		          strcmp(r->url, FRAME_MENU_EDITIONS) != 0))
			r->error = "error_menu_url";
		else if (r->position[0] != '\0' && r->pos < 0)
			r->error = "error_menu_position";
		else if (r->parent_id != 0 &&
		         (r->parent_id < 0 || r->parent_id == r->id ||
		          (p = row_of(rows, count, r->parent_id)) == NULL ||
		          (!p->remove && !is_top(p))))
			r->error = "error_menu_parent";
		else if (kept > MENU_MAX_ITEMS)
			r->error = "menu_full";
		ok = ok && r->error == NULL;
	}
	return ok;
}

/* Gives rows without a position the one after their last sibling. */
static void
fill_positions(struct row *rows, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		long long last = -1;

		if (rows[i].pos >= 0 || rows[i].remove || rows[i].blank)
			continue;
		for (size_t j = 0; j < count; j++)
			if (j != i && !rows[j].remove && !rows[j].blank &&
			    rows[j].parent_id == rows[i].parent_id &&
			    rows[j].pos > last)
				last = rows[j].pos;
		rows[i].pos = last < MENU_POSITION_MAX ? last + 1 : last;
	}
}

/*
 * POST /admin/menu: saves the whole menu of an edition.  Fields: edition
 * (a code), csrf, and per row KEY (an item's id, or new1 … for new
 * items): label-KEY, url-KEY (a site path or an http(s) address),
 * parent-KEY (empty, or a top item's id), position-KEY (0 to 9999; empty
 * puts a new row last), delete-KEY (a ticked box deletes the item; its
 * sub-items move up to the top level).  A new row left empty is ignored.
 * Statuses: 303 (saved), 400 (a bad row: the form as sent, with
 * messages; nothing saved), 409 (someone changed the menu meanwhile: the
 * current menu again, nothing saved), 500.  Roles: admin, editor.
 */
int
admin_menu_save(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	const struct edition *e =
	    edition_by_code(app, req_form(req, "edition"));
	size_t max = MENU_MAX_ITEMS + MENU_NEW_ROWS, n, i, k = 0;
	struct row *rows = arena_calloc(a, max, sizeof(*rows));
	struct menu_change *changes;
	long long count;

	if (e == NULL || (count = read_rows(req, rows, max)) < 0)
		return 400;
	n = (size_t)count;
	if (!check_rows(rows, n))
		return menu_page(app, req, resp, 400, e, rows, n, "error_menu",
		                 false);
	fill_positions(rows, n);
	changes = arena_calloc(a, n + 1, sizeof(*changes));
	for (i = 0; i < n; i++) {
		if (rows[i].blank)
			continue;
		changes[k++] = (struct menu_change){
		    rows[i].id,  rows[i].parent_id, rows[i].label,
		    rows[i].url, rows[i].pos,       rows[i].remove};
	}
	switch (menu_db_save(app->db, e->id, changes, k)) {
	case MENU_SAVE_OK:
		break;
	case MENU_SAVE_CONFLICT:
		return saved_menu_page(app, req, resp, 409, e,
		                       "error_menu_conflict");
	default:
		return 500;
	}
	audit_db_add(app->db, (long long)time(NULL), req->user->id,
	             req->user->name, "menu changed", e->code,
	             req->remote_addr);
	return resp_redirect(resp, 303,
	                     arena_concat(a, "/admin/menu?edition=", e->code,
	                                  "&saved=1", NULL)) < 0
	           ? 500
	           : 303;
}
