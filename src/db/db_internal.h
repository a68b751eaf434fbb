/*
 * db_internal.h: what the files of src/db/ share and nobody else sees: the
 * raw connection, the statement cache and the step/column helpers that log
 * every failure with its SQL.
 */
#ifndef GAZETTE_DB_INTERNAL_H
#define GAZETTE_DB_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

/* Room for every statement of the program, with room to spare (about
 * 300 in src/db; a statement is prepared on its first use, so a
 * connection holds only those it ran): a full cache fails the statement
 * that does not fit, and a hash table this sparse finds one at once. */
#define DB_STMT_CACHE 1024

struct db {
	sqlite3 *handle;
	/* Prepared statements cached by the address of their SQL literal. */
	const char *stmt_sql[DB_STMT_CACHE];
	sqlite3_stmt *stmt[DB_STMT_CACHE];
};

/*
 * Returns the cached prepared statement for sql (a string literal: its
 * address is the cache key), reset and with bindings cleared, or NULL
 * after logging the error.
 */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Steps st; returns SQLITE_ROW, SQLITE_DONE, or -1 after logging. */
int db_step(struct db *db, sqlite3_stmt *st);

/* Runs a statement to completion; returns 0 or -1 (logged; also when st
 * is NULL, as db_stmt returns on failure). */
int db_exec_stmt(struct db *db, sqlite3_stmt *st);

/*
 * Runs one prepared write (st, which may be NULL after a failed db_stmt)
 * as a BEGIN IMMEDIATE transaction of its own.  Returns the number of rows
 * it changed, or -1 (rolled back, logged).
 */
int db_write_one(struct db *db, sqlite3_stmt *st);

/*
 * Runs sql for each of ids[0..n) in one BEGIN IMMEDIATE transaction (the
 * queues' bulk actions), binding the id as ?1 and, when state is not
 * NULL, state as ?2 and now as ?3.  Returns the number of rows changed,
 * or -1 after rolling back.
 */
int db_each_id(struct db *db, const char *sql, const long long *ids, size_t n,
               const char *state, long long now);

/*
 * Runs sql, a "SELECT state, count(*) … GROUP BY state", and writes the
 * count of each of states[0..n) into counts[0..n) (0 for a state with no
 * row; rows of other states are left out).  Returns 0 or -1.
 */
int db_state_counts(struct db *db, const char *sql, const char *const *states,
                    size_t n, long long *counts);

/*
 * Steps st (which may be NULL after a failed db_stmt) for at most one row
 * and resets it.  Returns the first column as an integer, 0 when there is
 * no row; sets *error to 1 when the step (or the prepare) failed.
 */
long long db_one_int(struct db *db, sqlite3_stmt *st, int *error);

/* Column text copied into the arena ("" for NULL). */
char *db_col_text(struct arena *a, sqlite3_stmt *st, int col);

/* Binding shorthands: text by length (-1 for NUL-terminated). */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s, int len);

/* Binds s, or NULL when s is NULL or empty (an optional value). */
int db_bind_text_opt(sqlite3_stmt *st, int idx, const char *s);

/* Binds id, or NULL when it is not above 0 (an optional reference). */
int db_bind_id(sqlite3_stmt *st, int idx, long long id);

#endif
