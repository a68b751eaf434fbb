/*
 * edition_db.c: the writes of the editions page (see edition_db.h).
 */
#include "db_internal.h"
#include "edition_db.h"
#include "i18n_db.h"

static const char sql_code_taken[] =
    "SELECT count(*) FROM editions WHERE code = ? AND id != ?";
/* A prefix may not be another edition's prefix or code, nor hide a page
 * of the default edition (/SLUG). */
static const char sql_prefix_taken[] =
    "SELECT (SELECT count(*) FROM editions WHERE (prefix = ?1 OR code = ?1) "
    "AND id != ?2) + (SELECT count(*) FROM pages p JOIN editions e "
    "ON e.id = p.edition_id WHERE e.prefix = '' AND p.slug = ?1)";
static const char sql_insert[] =
    "INSERT INTO editions (code, prefix, name, lang, dir, site_name, "
    "tagline, date_style, digits, enabled, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char sql_update[] =
    "UPDATE editions SET code = ?1, prefix = ?2, name = ?3, lang = ?4, "
    "dir = ?5, site_name = ?6, tagline = ?7, date_style = ?8, digits = ?9, "
    "enabled = ?10, position = ?11 WHERE id = ?12";
static const char sql_menu[] =
    "INSERT INTO menus (edition_id, name) VALUES (?, 'main')";
static const char sql_menu_editions[] =
    "INSERT INTO menu_items (menu_id, label, url, position) "
    "VALUES (?1, coalesce((SELECT s.value FROM edition_strings s "
    "JOIN editions e ON e.id = s.edition_id WHERE e.prefix = '' "
    "AND s.key = 'editions'), 'Editions'), '#editions', 100)";

/* Returns the count a check statement gives, or -1. */
static long long
check(struct db *db, const char *sql, const char *text, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int error = 0;
	long long n;

	if (st != NULL) {
		db_bind_text(st, 1, text, -1);
		sqlite3_bind_int64(st, 2, id);
	}
	n = db_one_int(db, st, &error);
	return error ? -1 : n;
}

/* The checks and writes, inside the transaction. */
static enum edition_save_result
save_locked(struct db *db, const struct edition_edit *in, long long *id_out)
{
	sqlite3_stmt *st;
	long long n;

	if ((n = check(db, sql_code_taken, in->code, in->id)) != 0)
		return n < 0 ? EDITION_FAILED : EDITION_CODE_TAKEN;
	if (in->prefix[0] != '\0' &&
	    (n = check(db, sql_prefix_taken, in->prefix, in->id)) != 0)
		return n < 0 ? EDITION_FAILED : EDITION_PREFIX_TAKEN;
	if ((st = db_stmt(db, in->id ? sql_update : sql_insert)) == NULL)
		return EDITION_FAILED;
	db_bind_text(st, 1, in->code, -1);
	db_bind_text(st, 2, in->prefix, -1);
	db_bind_text(st, 3, in->name, -1);
	db_bind_text(st, 4, in->lang, -1);
	db_bind_text(st, 5, in->dir, -1);
	db_bind_text(st, 6, in->site_name, -1);
	db_bind_text(st, 7, in->tagline, -1);
	db_bind_text(st, 8, in->date_style, -1);
	db_bind_text(st, 9, in->digits, -1);
	sqlite3_bind_int(st, 10, in->enabled ? 1 : 0);
	sqlite3_bind_int64(st, 11, in->position);
	if (in->id)
		sqlite3_bind_int64(st, 12, in->id);
	if (db_exec_stmt(db, st) < 0)
		return EDITION_FAILED;
	if (in->id) {
		*id_out = in->id;
		return sqlite3_changes(db->handle) == 1 ? EDITION_SAVE_OK
		                                        : EDITION_GONE;
	}
	*id_out = sqlite3_last_insert_rowid(db->handle);
	if ((st = db_stmt(db, sql_menu)) != NULL)
		sqlite3_bind_int64(st, 1, *id_out);
	if (db_exec_stmt(db, st) < 0)
		return EDITION_FAILED;
	if ((st = db_stmt(db, sql_menu_editions)) != NULL)
		sqlite3_bind_int64(st, 1,
		                   sqlite3_last_insert_rowid(db->handle));
	if (db_exec_stmt(db, st) < 0 || i18n_db_sync_locked(db) < 0)
		return EDITION_FAILED;
	return EDITION_SAVE_OK;
}

/* Adds or changes an edition; see edition_db.h. */
enum edition_save_result
edition_db_save(struct db *db, const struct edition_edit *in, long long *id_out)
{
	enum edition_save_result res;

	*id_out = 0;
	if (db_begin(db) < 0)
		return EDITION_FAILED;
	res = save_locked(db, in, id_out);
	if (res != EDITION_SAVE_OK) {
		db_rollback(db);
		*id_out = 0;
		return res;
	}
	return db_commit(db) < 0 ? EDITION_FAILED : EDITION_SAVE_OK;
}

static const char sql_strings[] =
    "SELECT s.key, coalesce(r.value, ''), s.value, "
    "s.shipped IS NOT NULL AND s.value IS NOT s.shipped "
    "FROM edition_strings s LEFT JOIN edition_strings r "
    "ON r.key = s.key AND r.edition_id = "
    "(SELECT id FROM editions WHERE prefix = '') "
    "WHERE s.edition_id = ?1 AND (?2 IS NULL OR instr(lower(s.key), "
    "lower(?2)) OR instr(lower(r.value), lower(?2)) "
    "OR instr(lower(s.value), lower(?2))) ORDER BY s.key LIMIT ?3";
/* An empty value: what the files last gave, if they gave anything. */
static const char sql_string_set[] =
    "UPDATE edition_strings SET value = CASE WHEN ?3 = '' "
    "THEN coalesce(shipped, value) ELSE ?3 END "
    "WHERE edition_id = ?1 AND key = ?2";

/* Lists an edition's strings; see edition_db.h. */
int
edition_db_strings(struct db *db, struct arena *a, long long edition_id,
                   const char *q, size_t limit,
                   struct edition_string_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_strings);
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text_opt(st, 2, q);
	sqlite3_bind_int64(st, 3, (long long)limit);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		*rows = arena_grow(a, *rows, n, &cap, sizeof(**rows));
		(*rows)[n].key = db_col_text(a, st, 0);
		(*rows)[n].english = db_col_text(a, st, 1);
		(*rows)[n].value = db_col_text(a, st, 2);
		(*rows)[n].edited = sqlite3_column_int(st, 3) != 0;
		n++;
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Saves an edition's strings; see edition_db.h. */
int
edition_db_strings_save(struct db *db, long long edition_id,
                        const char *const *keys, const char *const *values,
                        size_t count)
{
	int rc = -1;

	if (db_begin(db) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		sqlite3_stmt *st = db_stmt(db, sql_string_set);

		if (st == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, keys[i], -1);
		db_bind_text(st, 3, values[i], -1);
		if (db_exec_stmt(db, st) < 0)
			goto out;
		if (sqlite3_changes(db->handle) != 1) {
			rc = 1;
			goto out;
		}
	}
	return db_commit(db);
out:
	db_rollback(db);
	return rc;
}
