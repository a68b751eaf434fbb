/*
 * menu_db.c: reading and saving an edition's main menu (see menu_db.h).
 * The public site and the menu editor read the same rows through
 * menu_db_list; only the editor writes them.
 */
#include <string.h>

#include "db_internal.h"
#include "menu_db.h"

static const char sql_list[] =
    "SELECT i.id, coalesce(i.parent_id, 0), i.label, i.url, i.position "
    "FROM menu_items i JOIN menus m ON m.id = i.menu_id "
    "WHERE m.edition_id = ? AND m.name = 'main' "
    "ORDER BY i.parent_id IS NOT NULL, i.position, i.id";
static const char sql_menu_add[] =
    "INSERT INTO menus (edition_id, name) VALUES (?, 'main') "
    "ON CONFLICT (edition_id, name) DO NOTHING";
static const char sql_menu_id[] =
    "SELECT id FROM menus WHERE edition_id = ? AND name = 'main'";
static const char sql_item_in_menu[] =
    "SELECT count(*) FROM menu_items WHERE id = ? AND menu_id = ?";
static const char sql_update[] =
    "UPDATE menu_items SET parent_id = nullif(?1, 0), label = ?2, url = ?3, "
    "position = ?4 WHERE id = ?5 AND menu_id = ?6";
static const char sql_insert[] =
    "INSERT INTO menu_items (menu_id, parent_id, label, url, position) "
    "VALUES (?6, nullif(?1, 0), ?2, ?3, ?4)";
static const char sql_promote[] =
    "UPDATE menu_items SET parent_id = NULL WHERE parent_id = ?";
static const char sql_delete[] =
    "DELETE FROM menu_items WHERE id = ? AND menu_id = ?";
/* Items whose parent is itself a sub-item: the menu has two levels. */
static const char sql_misnested[] =
    "SELECT count(*) FROM menu_items c JOIN menu_items p ON p.id = c.parent_id "
    "WHERE c.menu_id = ? AND p.parent_id IS NOT NULL";

/* Reads the menu's rows; see menu_db.h. */
int
menu_db_list(struct db *db, struct arena *a, long long edition_id,
             struct menu_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t n = 0, cap = 32;
	struct menu_row *r = arena_calloc(a, cap, sizeof(*r));
	int rc;

	*rows = r;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (n == cap) {
			struct menu_row *bigger =
			    arena_calloc(a, 2 * cap, sizeof(*bigger));

			memcpy(bigger, r, n * sizeof(*r));
			r = bigger;
			cap *= 2;
		}
		r[n].id = sqlite3_column_int64(st, 0);
		r[n].parent_id = sqlite3_column_int64(st, 1);
		r[n].label = db_col_text(a, st, 2);
		r[n].url = db_col_text(a, st, 3);
		r[n].position = sqlite3_column_int64(st, 4);
		n++;
	}
	sqlite3_reset(st);
	*rows = r;
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Returns 1 when id is an item of menu, 0 when not, -1 on error. */
static int
item_in_menu(struct db *db, long long menu, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql_item_in_menu);
	int error = 0;
	long long n;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, menu);
	}
	n = db_one_int(db, st, &error);
	return error ? -1 : n > 0;
}

/* Writes the rows inside the transaction. */
static enum menu_save_result
save_locked(struct db *db, long long edition_id, const struct menu_change *rows,
            size_t count)
{
	sqlite3_stmt *st;
	long long menu;
	int error = 0, n;
	size_t i;

	if ((st = db_stmt(db, sql_menu_add)) != NULL)
		sqlite3_bind_int64(st, 1, edition_id);
	if (db_exec_stmt(db, st) < 0)
		return MENU_SAVE_FAILED;
	if ((st = db_stmt(db, sql_menu_id)) != NULL)
		sqlite3_bind_int64(st, 1, edition_id);
	if ((menu = db_one_int(db, st, &error)) <= 0 || error)
		return MENU_SAVE_FAILED;
	/* Every item and parent named must be this menu's: the editor's
	 * page may be older than someone else's save. */
	for (i = 0; i < count; i++) {
		if (rows[i].id > 0 &&
		    (n = item_in_menu(db, menu, rows[i].id)) != 1)
			return n < 0 ? MENU_SAVE_FAILED : MENU_SAVE_CONFLICT;
		if (rows[i].parent_id > 0 &&
		    (n = item_in_menu(db, menu, rows[i].parent_id)) != 1)
			return n < 0 ? MENU_SAVE_FAILED : MENU_SAVE_CONFLICT;
	}
	/* Updates and inserts first: a row may name a parent that is
	 * removed below, and then moves up with the parent's other
	 * sub-items. */
	for (i = 0; i < count; i++) {
		const struct menu_change *c = &rows[i];

		if (c->remove)
			continue;
		if ((st = db_stmt(db, c->id > 0 ? sql_update : sql_insert)) !=
		    NULL) {
			sqlite3_bind_int64(st, 1, c->parent_id);
			db_bind_text(st, 2, c->label, -1);
			db_bind_text(st, 3, c->url, -1);
			sqlite3_bind_int64(st, 4, c->position);
			sqlite3_bind_int64(st, 5, c->id);
			sqlite3_bind_int64(st, 6, menu);
		}
		if (db_exec_stmt(db, st) < 0)
			return MENU_SAVE_FAILED;
	}
	for (i = 0; i < count; i++) {
		if (!rows[i].remove)
			continue;
		if ((st = db_stmt(db, sql_promote)) != NULL)
			sqlite3_bind_int64(st, 1, rows[i].id);
		if (db_exec_stmt(db, st) < 0)
			return MENU_SAVE_FAILED;
		if ((st = db_stmt(db, sql_delete)) != NULL) {
			sqlite3_bind_int64(st, 1, rows[i].id);
			sqlite3_bind_int64(st, 2, menu);
		}
		if (db_exec_stmt(db, st) < 0)
			return MENU_SAVE_FAILED;
	}
	if ((st = db_stmt(db, sql_misnested)) != NULL)
		sqlite3_bind_int64(st, 1, menu);
	n = (int)db_one_int(db, st, &error);
	if (error)
		return MENU_SAVE_FAILED;
	return n == 0 ? MENU_SAVE_OK : MENU_SAVE_CONFLICT;
}

/* Saves the menu editor's rows; see menu_db.h. */
enum menu_save_result
menu_db_save(struct db *db, long long edition_id,
             const struct menu_change *rows, size_t count)
{
	enum menu_save_result res;

	if (db_begin(db) < 0)
		return MENU_SAVE_FAILED;
	res = save_locked(db, edition_id, rows, count);
	if (res != MENU_SAVE_OK) {
		db_rollback(db);
		return res;
	}
	return db_commit(db) < 0 ? MENU_SAVE_FAILED : MENU_SAVE_OK;
}
