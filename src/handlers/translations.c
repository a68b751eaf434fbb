/*
 * translations.c: what the public pages and the editors show of an
 * item's translations (src/db/translation_db.c keeps the groups).  A
 * public article or page whose group has published members in other
 * enabled editions shows "Read in: عربي · Shqip" and carries, in the
 * head, a <link rel="alternate" hreflang> for every member (itself too,
 * as search engines ask) and an x-default naming the default edition's,
 * all absolute from the base URL.  The editors show the group and take
 * the item to link to as its id or its public address.
 */
#include <stdlib.h>
#include <string.h>

#include "../db/translation_db.h"
#include "handlers.h"

/* An item's public path in edition e. */
static const char *
item_path(struct arena *a, enum translation_kind kind, const struct edition *e,
          const char *slug)
{
	return arena_concat(a, frame_edition_prefix(a, e),
	                    kind == TRANSLATION_ARTICLE ? "/articles/" : "/",
	                    slug, NULL);
}

/* Adds the translations' links to a public page; see handlers.h. */
int
translation_links(struct app *app, struct req *req, struct tval *ctx,
                  enum translation_kind kind, long long id)
{
	struct arena *a = req->arena;
	struct translation *rows;
	struct tval *alternates, *read_in;
	const char *base = NULL;
	size_t count, shown = 0;

	if (translation_db_group(app->db, a, kind, id, true, &rows, &count) < 0)
		return -1;
	alternates = tv_list(a);
	read_in = tv_list(a);
	for (size_t i = 0; i < count; i++) {
		const struct edition *e =
		    admin_edition_by_id(app, rows[i].edition_id);
		struct tval *m;
		const char *path;

		if (e == NULL || !e->enabled)
			continue;
		if (base == NULL)
			base = frame_base_url(app, a);
		path = item_path(a, kind, e, rows[i].slug);
		m = tv_map(a);
		tv_set_str(a, m, "hreflang", e->lang);
		tv_set_str(a, m, "href", arena_concat(a, base, path, NULL));
		tv_push(a, alternates, m);
		if (e->prefix[0] == '\0') {
			m = tv_map(a);
			tv_set_str(a, m, "hreflang", "x-default");
			tv_set_str(a, m, "href",
			           arena_concat(a, base, path, NULL));
			tv_push(a, alternates, m);
		}
		if (rows[i].id == id)
			continue;
		m = tv_map(a);
		tv_set_bool(a, m, "sep", shown > 0);
		tv_set_str(a, m, "name", e->name);
		tv_set_str(a, m, "lang", e->lang);
		tv_set_str(a, m, "dir", e->dir);
		tv_set_str(a, m, "url", path);
		tv_set_str(a, m, "title", rows[i].title);
		tv_push(a, read_in, m);
		shown++;
	}
	/* Alone in its group (the others unpublished or disabled): nothing. */
	if (shown == 0)
		return 0;
	tv_set(a, ctx, "alternates", alternates);
	tv_set(a, ctx, "read_in", read_in);
	tv_set_bool(a, ctx, "has_read_in", true);
	return 0;
}

/*
 * Reads a site address ("/ar/articles/slug", with or without the base
 * URL) into the edition and slug of the item it names; false when it
 * names none of kind.
 */
static bool
parse_address(struct app *app, struct req *req, enum translation_kind kind,
              const char *s, const struct edition **e, const char **slug)
{
	const char *base = frame_base_url(app, req->arena), *p, *rest;
	size_t n = strlen(base);

	if (n > 0 && strncmp(s, base, n) == 0 && s[n] == '/')
		s += n;
	if (s[0] != '/')
		return false;
	*e = site_edition_by_prefix(&app->site, "", 0);
	rest = s;
	p = strchr(s + 1, '/');
	if (p != NULL) {
		const struct edition *pe = site_edition_by_prefix(
		    &app->site, s + 1, (size_t)(p - s - 1));

		if (pe != NULL) {
			*e = pe;
			rest = p;
		}
	}
	if (kind == TRANSLATION_ARTICLE) {
		if (strncmp(rest, "/articles/", 10) != 0)
			return false;
		rest += 10;
	} else {
		rest += 1;
	}
	*slug = rest;
	return *e != NULL && rest[0] != '\0' && strchr(rest, '/') == NULL;
}

/* Reads the editors' translation field; see handlers.h. */
long long
translation_field(struct app *app, struct req *req, enum translation_kind kind,
                  const char *field)
{
	const struct edition *e;
	const char *slug;
	char *end;
	long long id;

	if (field == NULL)
		return -2;
	while (*field == ' ')
		field++;
	if (field[0] == '\0')
		return 0;
	if (field[0] >= '1' && field[0] <= '9') {
		id = strtoll(field, &end, 10);
		return *end == '\0' && id > 0 ? id : -1;
	}
	if (!parse_address(app, req, kind, field, &e, &slug))
		return -1;
	id = translation_db_find(app->db, kind, e->id, slug);
	return id > 0 ? id : -1;
}

/* Shows an item's group in its editor; see handlers.h. */
int
translation_editor(struct app *app, struct req *req, struct tval *ctx,
                   enum translation_kind kind, long long id, const char *field)
{
	struct arena *a = req->arena;
	struct translation *rows;
	struct tval *list = tv_list(a);
	const char *first = NULL;
	size_t count = 0;

	if (id > 0 && translation_db_group(app->db, a, kind, id, false, &rows,
	                                   &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct edition *e =
		    admin_edition_by_id(app, rows[i].edition_id);
		struct tval *m;

		if (rows[i].id == id || e == NULL)
			continue;
		m = tv_map(a);
		tv_set_str(a, m, "edition", e->name);
		tv_set_str(a, m, "lang", e->lang);
		tv_set_str(a, m, "title", rows[i].title);
		tv_set_str(a, m, "state", rows[i].state);
		tv_set_str(a, m, "url",
		           arena_printf(a,
		                        kind == TRANSLATION_ARTICLE
		                            ? "/admin/articles/%lld"
		                            : "/admin/pages/%lld",
		                        rows[i].id));
		tv_push(a, list, m);
		if (first == NULL)
			first = arena_printf(a, "%lld", rows[i].id);
	}
	tv_set(a, ctx, "translations", list);
	tv_set_bool(a, ctx, "has_translations", tv_list_len(list) > 0);
	tv_set_str(a, ctx, "translation_of",
	           field != NULL   ? field
	           : first != NULL ? first
	                           : "");
	return 0;
}
