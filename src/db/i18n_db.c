/*
 * i18n_db.c: writes the translation files into edition_strings (see
 * i18n_db.h).  The rule that keeps an admin's wording: the upsert changes
 * a row's value only while the value is still what the files last gave it
 * (shipped), and always records what they give now.
 */
#include <stdlib.h>
#include <string.h>

#include "../embedded.h"
#include "../util/i18n.h"
#include "../util/log.h"
#include "db_internal.h"
#include "i18n_db.h"

static const char sql_reference[] =
    "SELECT s.key, s.value FROM edition_strings s "
    "JOIN editions e ON e.id = s.edition_id WHERE e.prefix = '' "
    "ORDER BY s.key";
static const char sql_editions[] =
    "SELECT id, code FROM editions WHERE prefix != '' ORDER BY id";
static const char sql_upsert[] =
    "INSERT INTO edition_strings (edition_id, key, value, shipped) "
    "VALUES (?1, ?2, ?3, ?3) ON CONFLICT (edition_id, key) DO UPDATE SET "
    "value = CASE WHEN value IS shipped THEN excluded.value ELSE value END, "
    "shipped = excluded.shipped WHERE shipped IS NOT excluded.shipped";

/* Reads all rows of a two-column statement (an id or text, then text). */
static int
read_pairs(struct db *db, struct arena *a, const char *sql,
           struct i18n_entry **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	size_t n = 0, cap = 0;
	int rc = -1;

	*out = NULL;
	if (st == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, n, &cap, sizeof(**out));
		(*out)[n].key = db_col_text(a, st, 0);
		(*out)[n].value = db_col_text(a, st, 1);
		n++;
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Parses the compiled-in file of edition code, if there is one: sets
 * *entries and *count (0 without a file).  Returns 0 or -1 (malformed). */
static int
edition_file(struct arena *a, const char *code, struct i18n_entry **entries,
             size_t *count)
{
	size_t bad = 0;

	*entries = NULL;
	*count = 0;
	for (size_t i = 0; i < embedded_i18n_count; i++) {
		if (strcmp(embedded_i18n[i].name, code) != 0)
			continue;
		if (i18n_parse(a, embedded_i18n[i].data, embedded_i18n[i].len,
		               entries, count, &bad) < 0) {
			log_error("i18n/%s.tsv: line %zu is malformed", code,
			          bad);
			return -1;
		}
	}
	return 0;
}

/* Writes one edition's rows: the file's text, else the English one. */
static int
sync_edition(struct db *db, long long edition_id, const char *code,
             const struct i18n_entry *ref, size_t ref_count,
             const struct i18n_entry *file, size_t file_count)
{
	for (size_t i = 0; i < ref_count; i++) {
		const struct i18n_entry *tr =
		    i18n_find(file, file_count, ref[i].key);
		sqlite3_stmt *st = db_stmt(db, sql_upsert);

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, ref[i].key, -1);
		db_bind_text(st, 3, tr ? tr->value : ref[i].value, -1);
		if (db_exec_stmt(db, st) < 0)
			return -1;
	}
	/* A key the reference lacks is a typo or a key since removed. */
	for (size_t i = 0; i < file_count; i++) {
		size_t lo = 0, hi = ref_count;
		bool found = false;

		while (lo < hi && !found) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(ref[mid].key, file[i].key);

			found = c == 0;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (!found)
			log_info("i18n/%s.tsv: %s is not an English key, "
			         "ignored",
			         code, file[i].key);
	}
	return 0;
}

/* Syncs inside the caller's transaction; see i18n_db.h. */
int
i18n_db_sync_locked(struct db *db)
{
	struct arena a;
	struct i18n_entry *ref, *eds, *file;
	size_t ref_count, eds_count, file_count;
	int rc = -1;

	arena_init(&a);
	if (read_pairs(db, &a, sql_reference, &ref, &ref_count) < 0 ||
	    read_pairs(db, &a, sql_editions, &eds, &eds_count) < 0)
		goto out;
	for (size_t i = 0; i < eds_count; i++) {
		long long id = strtoll(eds[i].key, NULL, 10);

		if (edition_file(&a, eds[i].value, &file, &file_count) < 0 ||
		    sync_edition(db, id, eds[i].value, ref, ref_count, file,
		                 file_count) < 0)
			goto out;
	}
	rc = 0;
out:
	arena_free(&a);
	return rc;
}

/* Syncs in a transaction of its own; see i18n_db.h. */
int
i18n_db_sync(struct db *db)
{
	if (db_begin(db) < 0)
		return -1;
	if (i18n_db_sync_locked(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
