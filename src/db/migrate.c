/*
 * migrate.c: applies the numbered SQL files of sql/ (compiled into the
 * binary, see embedded.h) above the database's PRAGMA user_version.  Each
 * migration and its user_version bump commit together, so a crash leaves
 * the database at one level or the next, never between.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../embedded.h"
#include "../util/log.h"
#include "db_internal.h"
#include "i18n_db.h"

/* Returns the number of compiled-in migrations. */
int
db_schema_level(void)
{
	return (int)embedded_sql_count;
}

/* Returns whether the open transaction leaves any foreign key broken. */
static int
foreign_keys_broken(struct db *db)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->handle, "PRAGMA foreign_key_check", -1, &st,
	                       NULL) != SQLITE_OK)
		return 1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc != SQLITE_DONE;
}

/* Applies one migration and its user_version in the open transaction. */
static int
apply(struct db *db, const struct embedded_file *m, int level)
{
	char pragma[64], *msg = NULL;

	snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", level);
	if (sqlite3_exec(db->handle, m->data, NULL, NULL, &msg) != SQLITE_OK ||
	    sqlite3_exec(db->handle, pragma, NULL, NULL, &msg) != SQLITE_OK) {
		log_error("migration %s failed: %s", m->name, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	if (foreign_keys_broken(db)) {
		log_error("migration %s failed: it breaks foreign keys",
		          m->name);
		return -1;
	}
	return 0;
}

/*
 * Applies pending migrations, then brings the editions' interface strings
 * up to date with the compiled-in translation files (i18n_db.h), which
 * may have changed with the program even when the schema did not; see
 * db.h.  Foreign keys are switched off
 * meanwhile (SQLite ignores the switch inside a transaction), so that a
 * migration may rebuild a table as SQLite's documentation describes
 * without cascading deletes; each migration is checked with
 * foreign_key_check before it commits.
 */
int
db_migrate(struct db *db, int *from, int *to)
{
	int level = db_user_version(db), target = db_schema_level(), i, rc = 0;

	if (from)
		*from = level;
	if (to)
		*to = level;
	if (level < 0)
		return -1;
	if (level > target) {
		log_error("database schema level %d is newer than this "
		          "program's %d",
		          level, target);
		return -1;
	}
	if (level == target)
		return i18n_db_sync(db);
	if (sqlite3_exec(db->handle, "PRAGMA foreign_keys=OFF", NULL, NULL,
	                 NULL) != SQLITE_OK)
		return -1;
	for (i = level; i < target && rc == 0; i++) {
		if (db_begin(db) < 0) {
			rc = -1;
		} else if (apply(db, &embedded_sql[i], i + 1) < 0) {
			db_rollback(db);
			rc = -1;
		} else if (db_commit(db) < 0) {
			rc = -1;
		} else {
			log_info("applied migration %s", embedded_sql[i].name);
			if (to)
				*to = i + 1;
		}
	}
	if (sqlite3_exec(db->handle, "PRAGMA foreign_keys=ON", NULL, NULL,
	                 NULL) != SQLITE_OK)
		rc = -1;
	return rc == 0 ? i18n_db_sync(db) : rc;
}
