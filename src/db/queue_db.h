/*
 * queue_db.h: what the moderators' queues (comment_db.c, message_db.c)
 * share in src/db/ and nobody else sees: a queue's table described once
 * (its states, its five statements and how to read a row), and the
 * readers and bulk writers that serve every queue from that description.
 * The typed functions the handlers call stay in each queue's own file.
 */
#ifndef GAZETTE_QUEUE_DB_H
#define GAZETTE_QUEUE_DB_H

#include <stddef.h>

#include "db_internal.h"

/* Reads the current row of st into row (a struct of the queue's), with
 * its text copied into a. */
typedef void queue_db_read_fn(struct arena *a, sqlite3_stmt *st, void *row);

/*
 * A queue's table.  The statements are literals (db_stmt's cache keys)
 * and bind:
 *   sql_get        ?1 the id: one row, the columns read reads;
 *   sql_list       ?1 a state or NULL (all), ?2 the search text or NULL
 *                  (any), ?3 the limit, ?4 the offset: the same columns;
 *   sql_counts     nothing: "SELECT state, count(*) … GROUP BY state";
 *   sql_set_state  ?1 the id, ?2 the state, ?3 the time of the change;
 *   sql_delete     ?1 the id.
 */
struct queue_db {
	const char *const *states; /* the states' names as stored */
	size_t states_count;
	const char *sql_get;
	const char *sql_list;
	const char *sql_counts;
	const char *sql_set_state;
	const char *sql_delete;
	size_t row_size; /* sizeof the struct read fills */
	queue_db_read_fn *read;
};

/* Returns the index in q->states of the state named s, or -1 (also for
 * NULL). */
int queue_db_state_parse(const struct queue_db *q, const char *s);

/*
 * Steps st (bound) for at most limit rows, each read by read into a new
 * element of row_size bytes of an array in a.  Sets *rows (never NULL
 * after a step) and *count.  Returns 0 or -1.
 */
int queue_db_read_rows(struct db *db, struct arena *a, sqlite3_stmt *st,
                       size_t limit, size_t row_size, queue_db_read_fn *read,
                       void **rows, size_t *count);

/* Reads the row of id into out (zeroed first).  0 found, 1 none, -1. */
int queue_db_get(struct db *db, const struct queue_db *q, struct arena *a,
                 long long id, void *out);

/* Counts the rows in each state into counts[0..q->states_count).  0 or
 * -1. */
int queue_db_counts(struct db *db, const struct queue_db *q, long long *counts);

/*
 * Lists a page of the queue through q->sql_list: state (all when NULL),
 * the search text (any when NULL), at most limit rows from offset.  Sets
 * *rows (in a) and *count.  0 or -1.
 */
int queue_db_list(struct db *db, const struct queue_db *q, struct arena *a,
                  const char *state, const char *text, long long offset,
                  size_t limit, void **rows, size_t *count);

/*
 * Sets the state named state (one of q->states) of the rows ids[0..n)
 * that exist, at now, in one transaction.  Returns how many changed, or
 * -1 (nothing changed; also for an unknown state).
 */
int queue_db_set_state(struct db *db, const struct queue_db *q,
                       const long long *ids, size_t n, const char *state,
                       long long now);

/* Deletes the rows ids[0..n) in one transaction.  Returns how many were
 * deleted, or -1 (none). */
int queue_db_delete(struct db *db, const struct queue_db *q,
                    const long long *ids, size_t n);

#endif
