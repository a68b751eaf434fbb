/*
 * queue_db.c: the moderators' queues' readers and bulk writers, shared by
 * comment_db.c and message_db.c (see queue_db.h).  A bulk change is one
 * BEGIN IMMEDIATE transaction (db_each_id); reads are single statements.
 */
#include <string.h>

#include "queue_db.h"

/* Returns the index of a state; see queue_db.h. */
int
queue_db_state_parse(const struct queue_db *q, const char *s)
{
	for (size_t i = 0; s != NULL && i < q->states_count; i++)
		if (strcmp(s, q->states[i]) == 0)
			return (int)i;
	return -1;
}

/* Reads rows into an array; see queue_db.h. */
int
queue_db_read_rows(struct db *db, struct arena *a, sqlite3_stmt *st,
                   size_t limit, size_t row_size, queue_db_read_fn *read,
                   void **rows, size_t *count)
{
	size_t n = 0, cap = limit < 64 ? limit : 64;
	unsigned char *items = arena_calloc(a, cap ? cap : 1, row_size);
	int rc = SQLITE_DONE;

	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		items = arena_grow(a, items, n, &cap, row_size);
		read(a, st, items + n * row_size);
		n++;
	}
	sqlite3_reset(st);
	*rows = items;
	*count = n;
	return n < limit && rc != SQLITE_DONE ? -1 : 0;
}

/* Reads one row; see queue_db.h. */
int
queue_db_get(struct db *db, const struct queue_db *q, struct arena *a,
             long long id, void *out)
{
	sqlite3_stmt *st = db_stmt(db, q->sql_get);
	int rc;

	memset(out, 0, q->row_size);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		q->read(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Counts rows by state; see queue_db.h. */
int
queue_db_counts(struct db *db, const struct queue_db *q, long long *counts)
{
	return db_state_counts(db, q->sql_counts, q->states, q->states_count,
	                       counts);
}

/* Lists a page of a queue; see queue_db.h. */
int
queue_db_list(struct db *db, const struct queue_db *q, struct arena *a,
              const char *state, const char *text, long long offset,
              size_t limit, void **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, q->sql_list);

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	if (state != NULL)
		db_bind_text(st, 1, state, -1);
	if (text != NULL)
		db_bind_text(st, 2, text, -1);
	sqlite3_bind_int64(st, 3, (long long)limit);
	sqlite3_bind_int64(st, 4, offset);
	return queue_db_read_rows(db, a, st, limit, q->row_size, q->read, rows,
	                          count);
}

/* Sets the state of several rows; see queue_db.h. */
int
queue_db_set_state(struct db *db, const struct queue_db *q,
                   const long long *ids, size_t n, const char *state,
                   long long now)
{
	if (queue_db_state_parse(q, state) < 0)
		return -1;
	return db_each_id(db, q->sql_set_state, ids, n, state, now);
}

/* Deletes several rows; see queue_db.h. */
int
queue_db_delete(struct db *db, const struct queue_db *q, const long long *ids,
                size_t n)
{
	return db_each_id(db, q->sql_delete, ids, n, NULL, 0);
}
