/*
 * db.h: the database connection, seen from outside src/db/.  Only files in
 * src/db/ touch SQLite; everyone else calls the typed functions of the
 * feature files (content_db.h, site_db.h, user_db.h).
 */
#ifndef GAZETTE_DB_H
#define GAZETTE_DB_H

#include <stdint.h>

struct db;

/*
 * Opens (creating if needed) the database at path with the connection
 * settings every connection uses: WAL, synchronous=FULL, foreign keys,
 * busy timeout.  Returns 0 and sets *out, or -1 after logging why.
 * Close with db_close().
 */
int db_open(const char *path, struct db **out);

/*
 * Opens an existing database read-only, changing nothing in the file (not
 * even its journal mode).  Returns 0 and sets *out, or -1 after logging.
 */
int db_open_readonly(const char *path, struct db **out);

/* Returns the database's PRAGMA user_version, or -1 on error. */
int db_user_version(struct db *db);

/* Finalises cached statements and closes the connection; NULL is fine. */
void db_close(struct db *db);

/*
 * Starts a write transaction with BEGIN IMMEDIATE, so the write lock is
 * taken now (waiting up to the busy timeout) rather than on first write.
 * Returns 0 or -1.  End with db_commit() or db_rollback().
 */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/*
 * Starts a read transaction (BEGIN DEFERRED), so that the queries of one
 * page see one snapshot and take the WAL's read lock once rather than per
 * statement.  Returns 0 or -1.  End it with db_read_end().
 */
int db_read_begin(struct db *db);
void db_read_end(struct db *db);

/*
 * Returns a number that changes whenever another connection has committed
 * a change since the last call, or 0 on error.  Workers use it to reload
 * cached settings.
 */
int64_t db_data_version(struct db *db);

/*
 * Applies the compiled-in migrations above the database's user_version,
 * each in its own transaction, then the translation files (i18n_db.h).
 * Sets *from and *to (either may be NULL).
 * Returns 0, or -1 when a migration fails or the database is newer than
 * this program.
 */
int db_migrate(struct db *db, int *from, int *to);

/* Returns the number of migrations compiled into this binary. */
int db_schema_level(void);

/*
 * Runs PRAGMA integrity_check and foreign_key_check, printing each problem
 * to out (a FILE *).  Returns the number of problems, or -1 on error.
 */
int db_check(struct db *db, void *out);

#endif
