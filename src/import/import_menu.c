/*
 * import_menu.c: WordPress menus (see import_internal.h).  Menu items
 * are kept as the second pass meets them and written at its end, when
 * every page and term they may point to is in: the WordPress menu with
 * most items (or --menu SLUG) goes into the edition's main menu, which
 * has two levels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/import_db.h"
#include "../handlers/handlers.h"
#include "import_internal.h"

/* Keeps a nav_menu_item for the end. */
void
import_menu_item(struct importer *im, const struct wxr_item *it)
{
	struct menu_entry *m;
	const char *menu = NULL, *v;

	for (size_t i = 0; i < it->terms_count; i++)
		if (strcmp(it->terms[i].domain, "nav_menu") == 0)
			menu = it->terms[i].slug;
	if (menu == NULL || it->post_id <= 0) {
		import_skip(im, "menu items outside a menu", it->title);
		return;
	}
	im->menu_entries =
	    arena_grow(&im->keep, im->menu_entries, im->menu_count,
	               &im->menu_cap, sizeof(*im->menu_entries));
	m = &im->menu_entries[im->menu_count++];
	memset(m, 0, sizeof(*m));
	m->menu = arena_strdup(&im->keep, menu);
	m->wp_id = it->post_id;
	m->order = it->menu_order;
	v = import_meta(it, "_menu_item_menu_item_parent");
	m->parent_wp_id = v ? strtoll(v, NULL, 10) : 0;
	v = import_meta(it, "_menu_item_type");
	m->type = arena_strdup(&im->keep, v ? v : "");
	v = import_meta(it, "_menu_item_object");
	m->object = arena_strdup(&im->keep, v ? v : "");
	v = import_meta(it, "_menu_item_object_id");
	m->object_id = v ? strtoll(v, NULL, 10) : 0;
	v = import_meta(it, "_menu_item_url");
	m->url = arena_strdup(&im->keep, v ? v : "");
	m->title = import_title(&im->keep, it->title);
	{
		long long *n = import_smap_get(&im->menus, menu);

		import_smap_put(&im->keep, &im->menus, menu, n ? *n + 1 : 1);
	}
}

/* The menu to import: the one named, else the one with most items. */
static const char *
chosen_menu(struct importer *im)
{
	const char *best = NULL;
	long long most = 0;

	if (im->o->menu != NULL)
		return import_smap_get(&im->menus, im->o->menu) ? im->o->menu
		                                                : NULL;
	for (size_t i = 0; i < im->menus.cap; i++)
		if (im->menus.keys[i] != NULL &&
		    (im->menus.vals[i] > most ||
		     (im->menus.vals[i] == most &&
		      strcmp(im->menus.keys[i], best) < 0))) {
			best = im->menus.keys[i];
			most = im->menus.vals[i];
		}
	return best;
}

/* Where menu entry m points: sets *label and *url; 0, or 1 to skip. */
static int
menu_target(struct importer *im, const struct menu_entry *m, const char **label,
            const char **url)
{
	struct arena *a = &im->item;
	const char *kind = NULL, *path;
	long long id = 0, *known;
	bool published;
	int rc;

	*label = m->title;
	if (strcmp(m->type, "custom") == 0) {
		const char *p = import_old_path(a, m->url);

		if (strncmp(m->url, im->source, strlen(im->source)) == 0 &&
		    (p == NULL || strcmp(p, "/") == 0)) {
			*url = "/";
		} else if (frame_menu_url_ok(m->url)) {
			*url = m->url;
		} else {
			import_skip(im, "menu links without an address",
			            m->title);
			return 1;
		}
		if ((*label)[0] == '\0') {
			import_skip(im, "menu links without a label", m->url);
			return 1;
		}
		return 0;
	}
	if (strcmp(m->object, "page") == 0 || strcmp(m->object, "post") == 0) {
		kind = m->object[1] == 'a' ? IMPORT_PAGE : IMPORT_ARTICLE;
		rc = import_db_map_find(im->db, im->source, kind,
		                        arena_printf(a, "%lld", m->object_id),
		                        &id);
		if (rc < 0)
			return import_fail(im, "cannot read the import map");
	} else if (strcmp(m->object, "category") == 0 ||
	           strcmp(m->object, "post_tag") == 0) {
		kind = m->object[0] == 'c' ? IMPORT_CATEGORY : IMPORT_TAG;
		known = import_smap_get(m->object[0] == 'c' ? &im->cat_by_term
		                                            : &im->tag_by_term,
		                        arena_printf(a, "%lld", m->object_id));
		id = known ? *known : 0;
	}
	if (kind == NULL || id == 0) {
		import_skip(im, "menu items to what was not imported",
		            m->title);
		return 1;
	}
	rc = import_db_target(im->db, a, kind, id, (*label)[0] ? &path : label,
	                      &path, &published);
	if (rc < 0)
		return import_fail(im, "cannot read a menu item's target");
	if (rc == 1 || !published) {
		import_skip(im, "menu items to what is not public", m->title);
		return 1;
	}
	if ((*label)[0] == '\0') {
		rc = import_db_target(im->db, a, kind, id, label, &path,
		                      &published);
		if (rc != 0)
			return import_fail(im,
			                   "cannot read a menu item's target");
	}
	*url = arena_concat(a, im->prefix, path, NULL);
	return 0;
}

/* The index of the entry of menu with wp id, or -1. */
static long long
menu_find(struct importer *im, const char *menu, long long wp_id)
{
	for (size_t i = 0; i < im->menu_count; i++)
		if (im->menu_entries[i].wp_id == wp_id &&
		    strcmp(im->menu_entries[i].menu, menu) == 0)
			return (long long)i;
	return -1;
}

/*
 * Imports the chosen menu into the edition's main menu: entries whose
 * parent is in the menu hang under their top-level ancestor (the site's
 * menu has two levels).
 */
int
import_write_menu(struct importer *im)
{
	const char *menu = chosen_menu(im);
	long long menu_id, *ours;
	size_t i;

	for (i = 0; i < im->menu_count; i++)
		if (menu == NULL || strcmp(im->menu_entries[i].menu, menu) != 0)
			import_skip(im,
			            "menu items of other menus (see --menu)",
			            im->menu_entries[i].menu);
	if (menu == NULL)
		return 0;
	if (import_db_menu(im->db, im->edition_id, &menu_id) < 0)
		return import_fail(im, "cannot write the menu");
	ours = arena_calloc(&im->keep, im->menu_count + 1, sizeof(*ours));
	/* Top-level entries first, so children find their parent. */
	for (int level = 0; level < 2; level++)
		for (i = 0; i < im->menu_count; i++) {
			const struct menu_entry *m = &im->menu_entries[i];
			long long top = (long long)i, parent = 0, mapped = 0;
			const char *label = NULL, *url = NULL, *key;
			int depth = 0, rc;

			if (strcmp(m->menu, menu) != 0)
				continue;
			while (im->menu_entries[top].parent_wp_id > 0 &&
			       depth++ < 64) {
				long long up = menu_find(
				    im, menu,
				    im->menu_entries[top].parent_wp_id);

				if (up < 0)
					break;
				top = up;
			}
			if ((top == (long long)i) != (level == 0))
				continue;
			/* Under a top item that was skipped (a "#" link
			 * that only opened a submenu), an item moves up. */
			if (level == 1)
				parent = ours[top];
			rc = menu_target(im, m, &label, &url);
			if (rc < 0)
				return -1;
			if (rc == 1)
				continue;
			key =
			    arena_printf(&im->item, "%s:%lld", menu, m->wp_id);
			rc = import_db_map_find(im->db, im->source,
			                        IMPORT_MENU_ITEM, key, &mapped);
			if (rc < 0)
				return import_fail(
				    im, "cannot read the import map");
			rc = import_db_menu_item(
			    im->db, rc == 0 ? mapped : 0, menu_id, parent,
			    import_title(&im->item, label), url,
			    m->order < 9999 ? m->order : 9999, &ours[i]);
			if (rc < 0 || import_db_map_set(im->db, im->source,
			                                IMPORT_MENU_ITEM, key,
			                                ours[i], "", "") < 0)
				return import_fail(im, "cannot write the menu");
			import_counted(&im->sum->menu_items, rc);
		}
	return 0;
}
