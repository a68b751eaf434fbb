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

/* Returns the number of compiled-in migrations. */
int
db_schema_level(void)
{
	return (int)embedded_sql_count;
}

/* Applies pending migrations; see db.h. */
int
db_migrate(struct db *db, int *from, int *to)
{
	int level = db_user_version(db), target = db_schema_level(), i;
	char pragma[64], *msg = NULL;

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
	for (i = level; i < target; i++) {
		const struct embedded_file *m = &embedded_sql[i];

		if (db_begin(db) < 0)
			return -1;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d",
		         i + 1);
		if (sqlite3_exec(db->handle, m->data, NULL, NULL, &msg) !=
		        SQLITE_OK ||
		    sqlite3_exec(db->handle, pragma, NULL, NULL, &msg) !=
		        SQLITE_OK) {
			log_error("migration %s failed: %s", m->name,
			          msg ? msg : "?");
			sqlite3_free(msg);
			db_rollback(db);
			return -1;
		}
		if (db_commit(db) < 0)
			return -1;
		log_info("applied migration %s", m->name);
		if (to)
			*to = i + 1;
	}
	return 0;
}
