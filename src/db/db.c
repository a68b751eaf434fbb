/*
 * db.c: opening connections, the statement cache, transactions and the
 * checks behind `gazette check`.  Queries for features live in their own
 * *_db.c files; migrations in migrate.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/log.h"
#include "db_internal.h"
#include "sql_functions.h"

#define DB_BUSY_TIMEOUT_MS 5000

static int
exec_simple(struct db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->handle, sql, NULL, NULL, &msg) != SQLITE_OK) {
		log_error("sql: %s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Opens a connection with the given flags; the pragmas are the caller's. */
static struct db *
open_flags(const char *path, int flags)
{
	struct db *db = xcalloc(1, sizeof(*db));
	int rc;

	rc = sqlite3_open_v2(path, &db->handle, flags | SQLITE_OPEN_NOMUTEX,
	                     NULL);
	if (rc != SQLITE_OK) {
		log_error("cannot open database %s: %s", path,
		          db->handle ? sqlite3_errmsg(db->handle)
		                     : sqlite3_errstr(rc));
		db_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->handle, 1);
	sqlite3_busy_timeout(db->handle, DB_BUSY_TIMEOUT_MS);
	/* Before anything reads or writes: the schema's triggers and the
	 * search's queries need the tokenizer and slug(). */
	rc = sql_functions_register(db->handle);
	if (rc != SQLITE_OK) {
		log_error("cannot register Gazette's SQL functions: %s",
		          sqlite3_errstr(rc));
		db_close(db);
		return NULL;
	}
	return db;
}

/* Opens the database; see db.h. */
int
db_open(const char *path, struct db **out)
{
	struct db *db =
	    open_flags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

	*out = NULL;
	if (db == NULL)
		return -1;
	if (exec_simple(db, "PRAGMA journal_mode=WAL") < 0 ||
	    exec_simple(db, "PRAGMA synchronous=FULL") < 0 ||
	    exec_simple(db, "PRAGMA foreign_keys=ON") < 0 ||
	    /* ON because SQLite 3.40's FTS5 does not mark itself
	     * innocuous, and with OFF the triggers of sql/014_search.sql
	     * may not write to the search index ("unsafe use of virtual
	     * table").  The guard is for programs that open database files
	     * from strangers; Gazette opens only its own, and registers no
	     * SQL function a schema could misuse. */
	    exec_simple(db, "PRAGMA trusted_schema=ON") < 0) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Opens read-only; see db.h. */
int
db_open_readonly(const char *path, struct db **out)
{
	*out = open_flags(path, SQLITE_OPEN_READONLY);
	return *out ? 0 : -1;
}

/* Reads user_version; see db.h. */
int
db_user_version(struct db *db)
{
	static const char sql[] = "PRAGMA user_version";
	sqlite3_stmt *st = db_stmt(db, sql);
	int v = -1;

	if (st != NULL && db_step(db, st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return v;
}

/* Closes the connection; see db.h. */
void
db_close(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_STMT_CACHE; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->handle);
	free(db);
}

/* Returns the cached statement for the literal sql; see db_internal.h. */
sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	size_t h = ((size_t)(uintptr_t)sql >> 3) % DB_STMT_CACHE, i;

	for (i = 0; i < DB_STMT_CACHE; i++) {
		size_t k = (h + i) % DB_STMT_CACHE;

		if (db->stmt_sql[k] == sql) {
			sqlite3_reset(db->stmt[k]);
			sqlite3_clear_bindings(db->stmt[k]);
			return db->stmt[k];
		}
		if (db->stmt_sql[k] == NULL) {
			if (sqlite3_prepare_v3(
			        db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
			        &db->stmt[k], NULL) != SQLITE_OK) {
				log_error("sql prepare: %s: %s",
				          sqlite3_errmsg(db->handle), sql);
				db->stmt[k] = NULL;
				return NULL;
			}
			db->stmt_sql[k] = sql;
			return db->stmt[k];
		}
	}
	log_error("sql: statement cache full");
	return NULL;
}

/* Steps a statement; see db_internal.h. */
int
db_step(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	log_error("sql step: %s: %s", sqlite3_errmsg(db->handle),
	          sqlite3_sql(st));
	sqlite3_reset(st);
	return -1;
}

/* Runs a statement to completion; see db_internal.h. */
int
db_exec_stmt(struct db *db, sqlite3_stmt *st)
{
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs one write in its own transaction; see db_internal.h. */
int
db_write_one(struct db *db, sqlite3_stmt *st)
{
	int changes;

	if (st == NULL)
		return -1;
	if (db_begin(db) < 0) {
		sqlite3_reset(st);
		return -1;
	}
	if (db_exec_stmt(db, st) < 0) {
		db_rollback(db);
		return -1;
	}
	changes = sqlite3_changes(db->handle);
	return db_commit(db) < 0 ? -1 : changes;
}

/* Runs a statement for each id in one transaction; see db_internal.h. */
int
db_each_id(struct db *db, const char *sql, const long long *ids, size_t n,
           const char *state, long long now)
{
	int changed = 0;

	if (db_begin(db) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = db_stmt(db, sql);

		if (st == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, ids[i]);
		if (state != NULL) {
			db_bind_text(st, 2, state, -1);
			sqlite3_bind_int64(st, 3, now);
		}
		if (db_exec_stmt(db, st) < 0)
			goto fail;
		changed += sqlite3_changes(db->handle);
	}
	return db_commit(db) < 0 ? -1 : changed;
fail:
	db_rollback(db);
	return -1;
}

/* Counts rows by state; see db_internal.h. */
int
db_state_counts(struct db *db, const char *sql, const char *const *states,
                size_t n, long long *counts)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	memset(counts, 0, n * sizeof(*counts));
	if (st == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		const char *state = (const char *)sqlite3_column_text(st, 0);

		for (size_t i = 0; state != NULL && i < n; i++)
			if (strcmp(state, states[i]) == 0)
				counts[i] = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads one integer; see db_internal.h. */
long long
db_one_int(struct db *db, sqlite3_stmt *st, int *error)
{
	long long v = 0;
	int rc;

	if (st == NULL) {
		*error = 1;
		return 0;
	}
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc < 0)
		*error = 1;
	sqlite3_reset(st);
	return v;
}

/* Copies a text column into the arena; see db_internal.h. */
char *
db_col_text(struct arena *a, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	int n = sqlite3_column_bytes(st, col);

	if (s == NULL)
		return arena_strdup(a, "");
	return arena_strndup(a, (const char *)s, (size_t)n);
}

/* Binds text; see db_internal.h. */
int
db_bind_text(sqlite3_stmt *st, int idx, const char *s, int len)
{
	return sqlite3_bind_text(st, idx, s, len, SQLITE_TRANSIENT);
}

/* Binds optional text; see db_internal.h. */
int
db_bind_text_opt(sqlite3_stmt *st, int idx, const char *s)
{
	if (s == NULL || *s == '\0')
		return sqlite3_bind_null(st, idx);
	return db_bind_text(st, idx, s, -1);
}

/* Binds an optional reference; see db_internal.h. */
int
db_bind_id(sqlite3_stmt *st, int idx, long long id)
{
	if (id > 0)
		return sqlite3_bind_int64(st, idx, id);
	return sqlite3_bind_null(st, idx);
}

/* Starts a write transaction; see db.h. */
int
db_begin(struct db *db)
{
	return exec_simple(db, "BEGIN IMMEDIATE");
}

/* Starts a read transaction; see db.h. */
int
db_read_begin(struct db *db)
{
	static const char sql[] = "BEGIN DEFERRED";

	/* Prepared once: every GET runs it. */
	return db_exec_stmt(db, db_stmt(db, sql));
}

/* Ends a read transaction, if one is open. */
void
db_read_end(struct db *db)
{
	static const char sql[] = "COMMIT";

	if (!sqlite3_get_autocommit(db->handle))
		db_exec_stmt(db, db_stmt(db, sql));
}

/* Commits; see db.h. */
int
db_commit(struct db *db)
{
	if (exec_simple(db, "COMMIT") < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* Rolls back the open transaction, if any. */
void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->handle))
		exec_simple(db, "ROLLBACK");
}

/* Returns PRAGMA data_version; see db.h. */
int64_t
db_data_version(struct db *db)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3_stmt *st = db_stmt(db, sql);
	int64_t v = 0;

	if (st != NULL && db_step(db, st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return v;
}

/* Runs the integrity and foreign-key checks; see db.h. */
int
db_check(struct db *db, void *out)
{
	static const char integrity[] = "PRAGMA integrity_check";
	static const char fk[] = "PRAGMA foreign_key_check";
	FILE *f = out;
	sqlite3_stmt *st;
	int problems = 0, rc;

	if ((st = db_stmt(db, integrity)) == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(st, 0);

		if (msg != NULL && strcmp(msg, "ok") != 0) {
			fprintf(f, "integrity: %s\n", msg);
			problems++;
		}
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	if ((st = db_stmt(db, fk)) == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		fprintf(f, "foreign key: %s row %lld refers to missing %s\n",
		        (const char *)sqlite3_column_text(st, 0),
		        (long long)sqlite3_column_int64(st, 1),
		        (const char *)sqlite3_column_text(st, 2));
		problems++;
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : problems;
}
