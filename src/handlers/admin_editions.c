/*
 * admin_editions.c: the editions page (admins only): every edition in a
 * table, a form to add one and a form to change one: code, URL prefix,
 * name in its own language, language tag, writing direction, date style,
 * digits, site name, tagline, position and whether it is served.  Adding
 * an edition needs no code: it is served under /PREFIX/ at once when
 * enabled, with the English interface (until i18n/CODE.tsv translates
 * it), an empty menu holding the Editions entry, and it appears in every
 * edition's Editions entry.  One invalid field answers 400 with the form
 * as sent and nothing saved; each save is audited ("edition added",
 * "edition changed"); every worker reloads the editions at its next
 * request (the commit moves PRAGMA data_version; the saving worker marks
 * itself stale after any POST).  An edition's interface strings are
 * edited on a page of their own, found by words (the request parser's
 * field limit carries STRINGS_PAGE rows); what an admin writes there is
 * never overwritten by the translation files (i18n_db.h).
 */
#include <string.h>
#include <time.h>

#include "../db/edition_db.h"
#include "../util/text.h"
#include "handlers.h"
#include "../router.h"

#define EDITION_NAME_MAX 100
#define EDITION_TAGLINE_MAX 200
#define EDITION_CODE_MAX 12
#define EDITION_LANG_MAX 35
#define STRING_MAX 1000
/* Rows of the strings page: with csrf and q, within the field limit. */
#define STRINGS_PAGE 90
_Static_assert(STRINGS_PAGE + 2 <= HTTP_MAX_FIELDS,
               "the strings form would outgrow HTTP_MAX_FIELDS");

static const char *const dirs[] = {"ltr", "rtl"};
static const char *const date_styles[] = {"mdy", "dmy", "ymd"};
static const char *const digit_sets[] = {"latn", "arab", "arabext"};

#define COUNT(x) (sizeof(x) / sizeof((x)[0]))

/* Whether s is one of list[0..n). */
static bool
one_of(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; s != NULL && i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* A code or prefix: 2 to 12 of a-z, 0-9 and '-', starting with a
 * letter, not ending with '-'. */
static bool
code_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 2 || n > EDITION_CODE_MAX || s[0] < 'a' || s[0] > 'z' ||
	    s[n - 1] == '-')
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* A BCP 47 language tag, roughly: 2-3 letters, then -subtags of 1-8
 * letters or digits. */
static bool
lang_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0, run = 0;

	if (n < 2 || n > EDITION_LANG_MAX)
		return false;
	while (i < n &&
	       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	if (i < 2 || i > 3)
		return false;
	for (; i < n; i++) {
		if (s[i] == '-') {
			if (i + 1 == n || s[i + 1] == '-')
				return false;
			run = 0;
		} else if (strchr("abcdefghijklmnopqrstuvwxyz"
		                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
		                  s[i]) == NULL ||
		           ++run > 8) {
			return false;
		}
	}
	return true;
}

/* A one-line text of 1..max bytes (0..max when optional). */
static bool
line_ok(const char *s, size_t max, bool optional)
{
	size_t n = s ? strlen(s) : 0;

	if (s == NULL)
		return optional;
	return (optional || !text_blank(s)) && n <= max && !text_has_control(s);
}

/* Options of a <select>: each value, labelled by the string key
 * prefix_value. */
static struct tval *
choices(struct req *req, const char *prefix, const char *const *list, size_t n,
        const char *selected)
{
	struct arena *a = req->arena;
	struct tval *opts = tv_list(a);

	for (size_t i = 0; i < n; i++)
		admin_option(
		    a, opts, list[i],
		    edition_string(req->edition,
		                   arena_concat(a, prefix, list[i], NULL)),
		    selected != NULL && strcmp(list[i], selected) == 0);
	return opts;
}

/* The form's fields as context values. */
static void
form_values(struct req *req, struct tval *ctx, const struct edition_edit *ed,
            bool is_default)
{
	struct arena *a = req->arena;

	tv_set_str(a, ctx, "f_code", ed->code ? ed->code : "");
	tv_set_str(a, ctx, "f_prefix", ed->prefix ? ed->prefix : "");
	tv_set_str(a, ctx, "f_name", ed->name ? ed->name : "");
	tv_set_str(a, ctx, "f_lang", ed->lang ? ed->lang : "");
	tv_set_str(a, ctx, "f_site_name", ed->site_name ? ed->site_name : "");
	tv_set_str(a, ctx, "f_tagline", ed->tagline ? ed->tagline : "");
	tv_set_int(a, ctx, "f_position", ed->position);
	tv_set_bool(a, ctx, "f_enabled", ed->enabled);
	tv_set_bool(a, ctx, "f_is_default", is_default);
	tv_set(a, ctx, "f_dirs",
	       choices(req, "edition_dir_", dirs, COUNT(dirs), ed->dir));
	tv_set(a, ctx, "f_date_styles",
	       choices(req, "date_style_", date_styles, COUNT(date_styles),
	               ed->date_style));
	tv_set(a, ctx, "f_digit_sets",
	       choices(req, "edition_digits_", digit_sets, COUNT(digit_sets),
	               ed->digits));
}

/*
 * Renders the editions page: the list and a form, the one to add (ed->id
 * 0) or to change edition ed->id.
 */
static int
editions_page(struct app *app, struct req *req, struct resp *resp, int status,
              const struct edition_edit *ed, const char *message)
{
	struct arena *a = req->arena;
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "editions"));
	struct tval *list = tv_list(a);
	const struct edition *cur = admin_edition_by_id(app, ed->id);

	if (ctx == NULL)
		return 500;
	for (size_t i = 0; i < app->site.editions_count; i++) {
		const struct edition *e = &app->site.editions[i];
		struct tval *m = tv_map(a);

		tv_set_int(a, m, "id", e->id);
		tv_set_str(a, m, "code", e->code);
		tv_set_str(
		    a, m, "home",
		    arena_concat(a, frame_edition_prefix(a, e), "/", NULL));
		tv_set_str(a, m, "name", e->name);
		tv_set_str(a, m, "lang", e->lang);
		tv_set_str(a, m, "dir", e->dir);
		tv_set_str(a, m, "date_style", e->date_style);
		tv_set_str(a, m, "digits", e->digits);
		tv_set_str(a, m, "site_name", e->site_name);
		tv_set_bool(a, m, "enabled", e->enabled);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "editions", list);
	tv_set_str(a, ctx, "action",
	           ed->id ? arena_printf(a, "/admin/editions/%lld", ed->id)
	                  : "/admin/editions");
	tv_set_str(a, ctx, "form_heading",
	           edition_string(req->edition,
	                          ed->id ? "edition_edit" : "edition_new"));
	form_values(req, ctx, ed, cur != NULL && cur->prefix[0] == '\0');
	if (message != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message));
	if (admin_saved_notice(req) != NULL)
		tv_set_str(a, ctx, "notice", admin_saved_notice(req));
	return app_render(app, resp, status, "admin/editions", ctx);
}

/* Copies a loaded edition's fields into ed. */
static void
edit_of(const struct edition *e, struct edition_edit *ed)
{
	*ed = (struct edition_edit){
	    .id = e->id,
	    .code = e->code,
	    .prefix = e->prefix,
	    .name = e->name,
	    .lang = e->lang,
	    .dir = e->dir,
	    .site_name = e->site_name,
	    .tagline = e->tagline,
	    .date_style = e->date_style,
	    .digits = e->digits,
	    .enabled = e->enabled,
	    .position = e->position,
	};
}

/*
 * GET /admin/editions: the editions and the form to add one.
 * Statuses: 200, 500.  Role: admin.
 */
int
admin_editions(struct app *app, struct req *req, struct resp *resp)
{
	struct edition_edit ed = {
	    .dir = "ltr",
	    .date_style = "dmy",
	    .digits = "latn",
	};

	/* After the last one. */
	for (size_t i = 0; i < app->site.editions_count; i++)
		if (app->site.editions[i].position >= ed.position)
			ed.position = app->site.editions[i].position + 1;
	return editions_page(app, req, resp, 200, &ed, NULL);
}

/*
 * GET /admin/editions/{id}: the form to change an edition, below the
 * list.  Statuses: 200, 404, 500.  Role: admin.
 */
int
admin_edition_edit(struct app *app, struct req *req, struct resp *resp)
{
	const struct edition *e = admin_edition_by_id(app, req->param_int);
	struct edition_edit ed;

	if (e == NULL)
		return 404;
	edit_of(e, &ed);
	return editions_page(app, req, resp, 200, &ed, NULL);
}

/*
 * Reads and checks the form over ed (the edition's current fields, or a
 * new one's).  Returns NULL when valid, else the message key.
 */
static const char *
read_form(struct app *app, struct req *req, struct edition_edit *ed,
          bool is_default, const char *old_prefix)
{
	const char *v;

	ed->code = req_form(req, "code");
	if (!is_default)
		ed->prefix = req_form(req, "prefix");
	ed->name = req_form(req, "name");
	ed->lang = req_form(req, "lang");
	ed->dir = req_form(req, "dir");
	ed->site_name = req_form(req, "site_name");
	ed->tagline = req_form(req, "tagline");
	if (ed->tagline == NULL)
		ed->tagline = "";
	ed->date_style = req_form(req, "date_style");
	ed->digits = req_form(req, "digits");
	ed->enabled = req_form(req, "enabled") != NULL;
	v = req_form(req, "position");
	ed->position = v == NULL || v[0] == '\0' ? 0 : admin_number(v, 4);
	if (!code_ok(ed->code))
		return "error_edition_code";
	if (!is_default &&
	    (!code_ok(ed->prefix) ||
	     ((old_prefix == NULL || strcmp(old_prefix, ed->prefix) != 0) &&
	      router_segment_reserved(&app->site, ed->prefix))))
		return "error_edition_prefix";
	if (!line_ok(ed->name, EDITION_NAME_MAX, false) ||
	    !line_ok(ed->site_name, EDITION_NAME_MAX, false) ||
	    !line_ok(ed->tagline, EDITION_TAGLINE_MAX, true))
		return "error_edition_name";
	if (!lang_ok(ed->lang))
		return "error_edition_lang";
	if (!one_of(ed->dir, dirs, COUNT(dirs)) ||
	    !one_of(ed->date_style, date_styles, COUNT(date_styles)) ||
	    !one_of(ed->digits, digit_sets, COUNT(digit_sets)) ||
	    ed->position < 0)
		return "error_edition_choice";
	if (is_default && !ed->enabled)
		return "error_edition_default";
	return NULL;
}

/* Saves the form over ed; shared by adding and changing. */
static int
save(struct app *app, struct req *req, struct resp *resp,
     struct edition_edit *ed, bool is_default, const char *old_prefix)
{
	const char *message = read_form(app, req, ed, is_default, old_prefix);
	bool added = ed->id == 0;
	long long id;

	if (message == NULL) {
		switch (edition_db_save(app->db, ed, &id)) {
		case EDITION_SAVE_OK:
			audit_db_add(app->db, (long long)time(NULL),
			             req->user->id, req->user->name,
			             added ? "edition added"
			                   : "edition changed",
			             ed->code, req->remote_addr);
			return admin_saved(req, resp, "/admin/editions", id);
		case EDITION_CODE_TAKEN:
			message = "error_edition_code";
			break;
		case EDITION_PREFIX_TAKEN:
			message = "error_edition_prefix";
			break;
		case EDITION_GONE:
			return 404;
		case EDITION_FAILED:
			return 500;
		}
	}
	return editions_page(app, req, resp, 400, ed, message);
}

/*
 * POST /admin/editions: adds an edition.  Fields: code, prefix, name,
 * lang, dir (ltr, rtl), site_name, tagline, date_style (mdy, dmy, ymd),
 * digits (latn, arab, arabext), position, enabled (a checkbox), csrf.
 * Statuses: 303 (to its form), 400 (invalid, or a code or prefix taken
 * or reserved: the page again with the form as sent), 500.  Role: admin.
 */
int
admin_edition_create(struct app *app, struct req *req, struct resp *resp)
{
	struct edition_edit ed;

	memset(&ed, 0, sizeof(ed));
	return save(app, req, resp, &ed, false, NULL);
}

/*
 * POST /admin/editions/{id}: changes an edition; fields as for adding (the
 * default edition keeps its empty prefix and stays enabled).  Statuses:
 * 303, 400, 404, 500.  Role: admin.
 */
int
admin_edition_save(struct app *app, struct req *req, struct resp *resp)
{
	const struct edition *e = admin_edition_by_id(app, req->param_int);
	struct edition_edit ed;

	if (e == NULL)
		return 404;
	edit_of(e, &ed);
	return save(app, req, resp, &ed, e->prefix[0] == '\0', e->prefix);
}

/*
 * Renders the strings page of edition e: the rows, with values (the form
 * as sent, by key) over the saved ones when given.
 */
static int
strings_page(struct app *app, struct req *req, struct resp *resp, int status,
             const struct edition *e, const char *message)
{
	struct arena *a = req->arena;
	const char *q = req_query(req, "q");
	struct edition_string_row *rows;
	struct tval *ctx, *list;
	size_t count;

	if (status != 200)
		q = req_form(req, "q");
	if (q != NULL && (q[0] == '\0' || strlen(q) > 200))
		q = NULL;
	if (edition_db_strings(app->db, a, e->id, q, STRINGS_PAGE + 1, &rows,
	                       &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "edition_strings"));
	if (ctx == NULL)
		return 500;
	list = tv_list(a);
	for (size_t i = 0; i < count && i < STRINGS_PAGE; i++) {
		struct tval *m = tv_map(a);
		const char *sent =
		    status != 200
		        ? req_form(req,
		                   arena_concat(a, "s.", rows[i].key, NULL))
		        : NULL;

		tv_set_str(a, m, "key", rows[i].key);
		tv_set_str(a, m, "english", rows[i].english);
		tv_set_str(a, m, "value", sent ? sent : rows[i].value);
		tv_set_bool(a, m, "edited", rows[i].edited);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "strings", list);
	tv_set_bool(a, ctx, "more", count > STRINGS_PAGE);
	tv_set_str(a, ctx, "q", q ? q : "");
	tv_set_int(a, ctx, "edition_id", e->id);
	tv_set_str(a, ctx, "edition_name", e->name);
	tv_set_str(a, ctx, "edition_lang", e->lang);
	tv_set_str(a, ctx, "edition_dir", e->dir);
	if (message != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message));
	if (admin_saved_notice(req) != NULL)
		tv_set_str(a, ctx, "notice", admin_saved_notice(req));
	return app_render(app, resp, status, "admin/edition_strings", ctx);
}

/*
 * GET /admin/editions/{id}/strings: the edition's interface strings
 * beside the English ones, those whose key or text holds q (query: q), at
 * most STRINGS_PAGE.  Statuses: 200, 404, 500.  Role: admin.
 */
int
admin_edition_strings(struct app *app, struct req *req, struct resp *resp)
{
	const struct edition *e = admin_edition_by_id(app, req->param_int);

	return e == NULL ? 404 : strings_page(app, req, resp, 200, e, NULL);
}

/*
 * POST /admin/editions/{id}/strings: saves the strings sent, all or none.
 * Fields: s.KEY (a value for key KEY: one line of at most STRING_MAX
 * bytes; empty gives the key back to the translation files), q (the
 * words the page was found by), csrf.  Statuses: 303, 400 (a value too
 * long or with control characters, or a key the edition lacks: the page
 * again as sent), 404, 500.  Role: admin.  Audited as "strings changed".
 */
int
admin_edition_strings_save(struct app *app, struct req *req, struct resp *resp)
{
	const struct edition *e = admin_edition_by_id(app, req->param_int);
	const char **keys, **values;
	size_t n = 0;
	int rc;

	if (e == NULL)
		return 404;
	keys = arena_calloc(req->arena, req->form_count + 1, sizeof(*keys));
	values = arena_calloc(req->arena, req->form_count + 1, sizeof(*values));
	for (size_t i = 0; i < req->form_count; i++) {
		const struct kv *f = &req->form[i];

		if (strncmp(f->key, "s.", 2) != 0)
			continue;
		if (strlen(f->val) != f->val_len ||
		    text_chars(f->val) > STRING_MAX || text_has_control(f->val))
			return strings_page(app, req, resp, 400, e,
			                    "error_edition_string");
		keys[n] = f->key + 2;
		values[n++] = f->val;
	}
	rc = edition_db_strings_save(app->db, e->id, keys, values, n);
	if (rc < 0)
		return 500;
	if (rc > 0)
		return strings_page(app, req, resp, 400, e,
		                    "error_edition_string");
	audit_db_add(app->db, (long long)time(NULL), req->user->id,
	             req->user->name, "strings changed", e->code,
	             req->remote_addr);
	return resp_redirect(
	           resp, 303,
	           arena_printf(req->arena,
	                        "/admin/editions/%lld/strings?saved=1",
	                        e->id)) < 0
	           ? 500
	           : 303;
}
