/*
 * message_db.c: queries on the contact form's messages and the keys of
 * the daily address hashes (see message_db.h).  Every write is one short
 * BEGIN IMMEDIATE transaction, the bulk changes of the queue included.
 * The queue's readers and bulk changes are queue_db.c's, shared with the
 * comments' queue: this file names the statements and reads a row.
 */
#include <sodium.h>
#include <string.h>

#include "message_db.h"
#include "queue_db.h"

const char *const message_states[MESSAGE_STATES__MAX] = {
    [MESSAGE_NEW] = "new",           [MESSAGE_READ] = "read",
    [MESSAGE_ANSWERED] = "answered", [MESSAGE_SPAM] = "spam",
    [MESSAGE_ARCHIVED] = "archived",
};

static const char sql_add[] =
    "INSERT INTO messages (edition_id, name, email, subject, body, state, "
    "spam_reason, ip_hash, notify, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
static const char sql_get[] =
    "SELECT m.id, e.code, m.name, m.email, m.subject, m.body, m.state, "
    "m.spam_reason, m.created_at, m.updated_at FROM messages m "
    "JOIN editions e ON e.id = m.edition_id WHERE m.id = ?";
/* instr over lower() matches q as a literal piece of text: no pattern
 * characters to escape, as in the articles list.  The snippet's length is
 * MESSAGE_SNIPPET_CHARS. */
static const char sql_list[] =
    "SELECT m.id, e.code, m.name, m.email, m.subject, "
    "substr(m.body, 1, 120), m.state, m.spam_reason, m.created_at, "
    "m.updated_at FROM messages m "
    "JOIN editions e ON e.id = m.edition_id "
    "WHERE (?1 IS NULL OR m.state = ?1) AND (?2 IS NULL OR "
    "instr(lower(m.name), lower(?2)) > 0 OR "
    "instr(lower(m.email), lower(?2)) > 0 OR "
    "instr(lower(m.subject), lower(?2)) > 0 OR "
    "instr(lower(m.body), lower(?2)) > 0) "
    "ORDER BY m.created_at DESC, m.id DESC LIMIT ?3 OFFSET ?4";
static const char sql_counts[] =
    "SELECT state, count(*) FROM messages GROUP BY state";
static const char sql_set_state[] =
    "UPDATE messages SET state = ?2, updated_at = ?3 WHERE id = ?1 "
    "AND state != ?2";
static const char sql_delete[] = "DELETE FROM messages WHERE id = ?";
static const char sql_opened[] =
    "UPDATE messages SET state = 'read', updated_at = ?2 "
    "WHERE id = ?1 AND state = 'new'";
static const char sql_key_get[] = "SELECT key FROM address_keys WHERE day = ?";
static const char sql_key_add[] =
    "INSERT OR IGNORE INTO address_keys (day, key) VALUES (?, ?)";
static const char sql_purge_messages[] =
    "DELETE FROM messages WHERE created_at < ?";
static const char sql_purge_keys[] = "DELETE FROM address_keys WHERE day < ?";
static const char sql_owed[] = "SELECT count(*) FROM messages WHERE notify = 1";
static const char sql_claim[] =
    "UPDATE messages SET notify = 0 WHERE notify = 1";

static void read_message(struct arena *a, sqlite3_stmt *st, void *row);

/* The moderators' queue of messages, served by queue_db.c. */
static const struct queue_db queue = {
    .states = message_states,
    .states_count = MESSAGE_STATES__MAX,
    .sql_get = sql_get,
    .sql_list = sql_list,
    .sql_counts = sql_counts,
    .sql_set_state = sql_set_state,
    .sql_delete = sql_delete,
    .row_size = sizeof(struct message),
    .read = read_message,
};

/* Returns the state named s; see message_db.h. */
int
message_state_parse(const char *s)
{
	return queue_db_state_parse(&queue, s);
}

/* Files a message; see message_db.h. */
long long
message_db_add(struct db *db, const struct message_new *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_add);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, m->edition_id);
	db_bind_text(st, 2, m->name, -1);
	db_bind_text(st, 3, m->email, -1);
	db_bind_text(st, 4, m->subject, -1);
	db_bind_text(st, 5, m->body, -1);
	db_bind_text(st, 6, message_states[m->state], -1);
	db_bind_text(st, 7, m->spam_reason ? m->spam_reason : "", -1);
	if (m->ip_hash != NULL)
		sqlite3_bind_blob(st, 8, m->ip_hash, MESSAGE_IP_HASH_BYTES,
		                  SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 9, m->notify ? 1 : 0);
	sqlite3_bind_int64(st, 10, m->now);
	/* The rowid of the insert outlives its commit on this connection. */
	if (db_write_one(db, st) < 0)
		return -1;
	return sqlite3_last_insert_rowid(db->handle);
}

/* Reads the columns of sql_get and sql_list into row, a struct
 * message. */
static void
read_message(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct message *out = row;

	out->id = sqlite3_column_int64(st, 0);
	out->edition_code = db_col_text(a, st, 1);
	out->name = db_col_text(a, st, 2);
	out->email = db_col_text(a, st, 3);
	out->subject = db_col_text(a, st, 4);
	out->body = db_col_text(a, st, 5);
	out->state = db_col_text(a, st, 6);
	out->spam_reason = db_col_text(a, st, 7);
	out->created_at = sqlite3_column_int64(st, 8);
	out->updated_at = sqlite3_column_int64(st, 9);
}

/* Reads one message; see message_db.h. */
int
message_db_get(struct db *db, struct arena *a, long long id,
               struct message *out)
{
	return queue_db_get(db, &queue, a, id, out);
}

/* Counts messages by state; see message_db.h. */
int
message_db_counts(struct db *db, long long counts[MESSAGE_STATES__MAX])
{
	return queue_db_counts(db, &queue, counts);
}

/* Lists messages; see message_db.h. */
int
message_db_list(struct db *db, struct arena *a, const char *state,
                const char *q, long long offset, size_t limit,
                struct message **rows, size_t *count)
{
	void *items;
	int rc = queue_db_list(db, &queue, a, state, q, offset, limit, &items,
	                       count);

	*rows = items;
	return rc;
}

/* Sets the state of several messages; see message_db.h. */
int
message_db_set_state(struct db *db, const long long *ids, size_t n,
                     const char *state, long long now)
{
	return queue_db_set_state(db, &queue, ids, n, state, now);
}

/* Deletes several messages; see message_db.h. */
int
message_db_delete(struct db *db, const long long *ids, size_t n)
{
	return queue_db_delete(db, &queue, ids, n);
}

/* Marks an opened message read; see message_db.h. */
int
message_db_opened(struct db *db, long long id, long long now)
{
	sqlite3_stmt *st = db_stmt(db, sql_opened);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return db_write_one(db, st);
}

/* Reads or makes the key of a day; see message_db.h. */
int
message_db_address_key(struct db *db, long long day,
                       unsigned char key[MESSAGE_KEY_BYTES])
{
	unsigned char fresh[MESSAGE_KEY_BYTES];

	if (sodium_init() < 0)
		return -1;
	for (int attempt = 0; attempt < 2; attempt++) {
		sqlite3_stmt *st = db_stmt(db, sql_key_get);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, day);
		rc = db_step(db, st);
		if (rc == SQLITE_ROW &&
		    sqlite3_column_bytes(st, 0) == MESSAGE_KEY_BYTES) {
			memcpy(key, sqlite3_column_blob(st, 0),
			       MESSAGE_KEY_BYTES);
			sqlite3_reset(st);
			return 0;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE || attempt > 0)
			break;
		/* The day's first message: another worker may race us;
		 * INSERT OR IGNORE keeps whichever came first. */
		randombytes_buf(fresh, sizeof(fresh));
		st = db_stmt(db, sql_key_add);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, day);
		sqlite3_bind_blob(st, 2, fresh, sizeof(fresh),
		                  SQLITE_TRANSIENT);
		sodium_memzero(fresh, sizeof(fresh));
		if (db_write_one(db, st) < 0)
			return -1;
	}
	return -1;
}

/* Deletes old messages and keys; see message_db.h. */
int
message_db_purge(struct db *db, long long before, long long day)
{
	sqlite3_stmt *st = db_stmt(db, sql_purge_messages);
	int n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, before);
	if ((n = db_write_one(db, st)) < 0)
		return -1;
	if ((st = db_stmt(db, sql_purge_keys)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, day);
	return db_write_one(db, st) < 0 ? -1 : n;
}

/* Clears owed notices; see message_db.h. */
int
message_db_notices_claim(struct db *db)
{
	int error = 0;

	/* The timer asks every second: a read first, so that a quiet site
	 * takes no write lock for it. */
	if (db_one_int(db, db_stmt(db, sql_owed), &error) == 0)
		return error ? -1 : 0;
	return db_write_one(db, db_stmt(db, sql_claim));
}
