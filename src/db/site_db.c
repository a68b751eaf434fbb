/*
 * site_db.c: loading settings, editions, interface strings and menus into
 * a struct site.  Everything is copied into the site's own arena, so the
 * loaded site outlives every statement and request.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "db_internal.h"
#include "menu_db.h"
#include "site_db.h"

static const char sql_settings[] =
    "SELECT key, value FROM settings ORDER BY key";
static const char sql_editions[] =
    "SELECT id, code, prefix, name, lang, dir, site_name, tagline, "
    "date_style, digits, enabled, position, calendar FROM editions "
    "ORDER BY position, id";
static const char sql_strings[] = "SELECT key, value FROM edition_strings "
                                  "WHERE edition_id = ? ORDER BY key";
static const char sql_setting_set[] =
    "INSERT INTO settings (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

/* Reads all rows of a two-text-column statement into an array of kv. */
static int
load_kv(struct db *db, struct arena *a, sqlite3_stmt *st, struct kv **out,
        size_t *count)
{
	size_t n = 0, cap = 16;
	struct kv *kv = arena_alloc(a, cap * sizeof(*kv));
	int rc;

	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (n == cap) {
			struct kv *bigger =
			    arena_alloc(a, 2 * cap * sizeof(*kv));

			memcpy(bigger, kv, n * sizeof(*kv));
			kv = bigger;
			cap *= 2;
		}
		kv[n].key = db_col_text(a, st, 0);
		kv[n].val = db_col_text(a, st, 1);
		kv[n].val_len = strlen(kv[n].val);
		n++;
	}
	sqlite3_reset(st);
	*out = kv;
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Builds the two-level menu of an edition from its rows (top items first):
 * each top item with its sub-items; deeper rows are left out.
 */
static int
load_menu(struct db *db, struct arena *a, struct edition *e)
{
	struct menu_row *rows;
	size_t count, tops, i, k;

	if (menu_db_list(db, a, e->id, &rows, &count) < 0)
		return -1;
	for (tops = 0; tops < count && rows[tops].parent_id == 0; tops++)
		;
	e->menu = arena_calloc(a, tops ? tops : 1, sizeof(*e->menu));
	e->menu_count = tops;
	for (k = 0; k < tops; k++) {
		struct menu_item *top = &e->menu[k];
		size_t n = 0;

		top->label = rows[k].label;
		top->url = rows[k].url;
		for (i = tops; i < count; i++)
			n += rows[i].parent_id == rows[k].id;
		if (n == 0)
			continue;
		top->children = arena_calloc(a, n, sizeof(*top->children));
		for (i = tops; i < count; i++)
			if (rows[i].parent_id == rows[k].id)
				top->children[top->children_count++] =
				    (struct menu_item){rows[i].label,
				                       rows[i].url, NULL, 0};
	}
	return 0;
}

/* Loads the site; see site_db.h. */
int
site_db_load(struct db *db, struct site *site)
{
	struct site fresh;
	sqlite3_stmt *st;
	size_t n = 0, cap = 8;
	int rc;

	memset(&fresh, 0, sizeof(fresh));
	arena_init(&fresh.arena);
	if ((st = db_stmt(db, sql_settings)) == NULL ||
	    load_kv(db, &fresh.arena, st, &fresh.settings,
	            &fresh.settings_count) < 0)
		goto fail;
	if ((st = db_stmt(db, sql_editions)) == NULL)
		goto fail;
	fresh.editions =
	    arena_calloc(&fresh.arena, cap, sizeof(struct edition));
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct edition *e;

		if (n == cap) {
			struct edition *bigger = arena_calloc(
			    &fresh.arena, 2 * cap, sizeof(*bigger));

			memcpy(bigger, fresh.editions, n * sizeof(*bigger));
			fresh.editions = bigger;
			cap *= 2;
		}
		e = &fresh.editions[n++];
		e->id = sqlite3_column_int64(st, 0);
		e->code = db_col_text(&fresh.arena, st, 1);
		e->prefix = db_col_text(&fresh.arena, st, 2);
		e->name = db_col_text(&fresh.arena, st, 3);
		e->lang = db_col_text(&fresh.arena, st, 4);
		e->dir = db_col_text(&fresh.arena, st, 5);
		e->site_name = db_col_text(&fresh.arena, st, 6);
		e->tagline = db_col_text(&fresh.arena, st, 7);
		e->date_style = db_col_text(&fresh.arena, st, 8);
		e->digits = db_col_text(&fresh.arena, st, 9);
		e->enabled = sqlite3_column_int(st, 10) != 0;
		e->position = sqlite3_column_int64(st, 11);
		e->calendar = db_col_text(&fresh.arena, st, 12);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE || n == 0)
		goto fail;
	fresh.editions_count = n;
	for (size_t i = 0; i < n; i++) {
		struct edition *e = &fresh.editions[i];

		if ((st = db_stmt(db, sql_strings)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, e->id);
		if (load_kv(db, &fresh.arena, st, &e->strings,
		            &e->strings_count) < 0 ||
		    load_menu(db, &fresh.arena, e) < 0)
			goto fail;
	}
	/* The default edition is the reference every other falls back on. */
	for (size_t i = 0; i < n; i++) {
		const struct edition *def =
		    site_edition_by_prefix(&fresh, "", 0);

		if (def == NULL)
			def = &fresh.editions[0];
		fresh.editions[i].base_strings = def->strings;
		fresh.editions[i].base_strings_count = def->strings_count;
	}
	site_free(site);
	*site = fresh;
	return 0;
fail:
	arena_free(&fresh.arena);
	return -1;
}

/* Frees the site's memory. */
void
site_free(struct site *site)
{
	arena_free(&site->arena);
	memset(site, 0, sizeof(*site));
}

static const struct kv *
kv_find(const struct kv *kv, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(kv[mid].key, key);

		if (c == 0)
			return &kv[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Returns a setting; see site_db.h. */
const char *
site_setting(const struct site *site, const char *key, const char *def)
{
	const struct kv *kv =
	    kv_find(site->settings, site->settings_count, key);

	return kv ? kv->val : def;
}

/* Reads an integer setting; see site_db.h. */
long long
site_setting_int(const struct site *site, const char *key, long long def,
                 long long min, long long max)
{
	const char *s = site_setting(site, key, NULL);
	char *end;
	long long v;

	if (s == NULL)
		return def;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v < min || v > max)
		return def;
	return v;
}

/* Finds an enabled edition by prefix; see site_db.h. */
const struct edition *
site_edition_by_prefix(const struct site *site, const char *prefix, size_t len)
{
	for (size_t i = 0; i < site->editions_count; i++) {
		const struct edition *e = &site->editions[i];

		if (e->enabled && strlen(e->prefix) == len &&
		    memcmp(e->prefix, prefix, len) == 0)
			return e;
	}
	return NULL;
}

/* Finds an edition by id; see site_db.h. */
const struct edition *
site_edition_by_id(const struct site *site, long long id)
{
	for (size_t i = 0; i < site->editions_count; i++)
		if (site->editions[i].id == id)
			return &site->editions[i];
	return NULL;
}

/* Returns an interface string; see site_db.h. */
const char *
edition_string(const struct edition *e, const char *key)
{
	const struct kv *kv = kv_find(e->strings, e->strings_count, key);

	if (kv == NULL)
		kv = kv_find(e->base_strings, e->base_strings_count, key);
	return kv ? kv->val : key;
}

static const char sql_edition_names[] =
    "UPDATE editions SET site_name = ?, tagline = ? WHERE id = ?";

/* Saves settings and an edition's names; see site_db.h. */
int
site_db_save(struct db *db, const char *const *keys, const char *const *values,
             size_t count, long long edition_id, const char *site_name,
             const char *tagline)
{
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		if ((st = db_stmt(db, sql_setting_set)) == NULL)
			goto fail;
		db_bind_text(st, 1, keys[i], -1);
		db_bind_text(st, 2, values[i], -1);
		if (db_exec_stmt(db, st) < 0)
			goto fail;
	}
	if (site_name != NULL) {
		if ((st = db_stmt(db, sql_edition_names)) == NULL)
			goto fail;
		db_bind_text(st, 1, site_name, -1);
		db_bind_text(st, 2, tagline ? tagline : "", -1);
		sqlite3_bind_int64(st, 3, edition_id);
		if (db_exec_stmt(db, st) < 0)
			goto fail;
	}
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

/* Sets one setting; see site_db.h. */
int
site_db_set(struct db *db, const char *key, const char *value)
{
	return site_db_save(db, &key, &value, 1, 0, NULL, NULL);
}
