/*
 * message_db.h: the contact form's messages: filing one, the moderators'
 * queue (counts per state, a filtered page of the list, one message, state
 * changes and deletions of several in one transaction), the keys of the
 * daily address hashes, and what the timer does with them (retention,
 * old keys, notices owed).  Bodies are plain text, stored as typed.
 */
#ifndef GAZETTE_MESSAGE_DB_H
#define GAZETTE_MESSAGE_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

enum message_state {
	MESSAGE_NEW,
	MESSAGE_READ,
	MESSAGE_ANSWERED,
	MESSAGE_SPAM,
	MESSAGE_ARCHIVED,
	MESSAGE_STATES__MAX
};

/* The states' names as stored: "new", "read", … by enum message_state. */
extern const char *const message_states[MESSAGE_STATES__MAX];

/* Returns the state named s, or -1. */
int message_state_parse(const char *s);

#define MESSAGE_IP_HASH_BYTES 16
#define MESSAGE_KEY_BYTES 32

/* A message as the form files it. */
struct message_new {
	long long edition_id;
	const char *name;
	const char *email;
	const char *subject;
	const char *body;
	enum message_state state;     /* MESSAGE_NEW, or MESSAGE_SPAM */
	const char *spam_reason;      /* "" unless the form filed it as spam */
	const unsigned char *ip_hash; /* MESSAGE_IP_HASH_BYTES, or NULL */
	bool notify;                  /* the timer owes a notice */
	long long now;
};

/* Files a message in its own transaction.  Returns its id, or -1. */
long long message_db_add(struct db *db, const struct message_new *m);

/* A message as the queue shows it.  In a list, body is the first
 * MESSAGE_SNIPPET_CHARS characters only. */
struct message {
	long long id;
	const char *edition_code;
	const char *name;
	const char *email;
	const char *subject;
	const char *body;
	const char *state;
	const char *spam_reason;
	long long created_at;
	long long updated_at;
};
#define MESSAGE_SNIPPET_CHARS 120

/* Reads one message.  0 found, 1 none, -1. */
int message_db_get(struct db *db, struct arena *a, long long id,
                   struct message *out);

/* Counts the messages in each state into counts.  0 or -1. */
int message_db_counts(struct db *db, long long counts[MESSAGE_STATES__MAX]);

/*
 * Lists messages newest first: those in state (all when NULL) whose name,
 * email, subject or body holds q (any when NULL; letters compared without
 * case, ASCII only; % and _ are ordinary characters), at most limit from
 * offset.  Sets *rows (in a) and *count.  0 or -1.
 */
int message_db_list(struct db *db, struct arena *a, const char *state,
                    const char *q, long long offset, size_t limit,
                    struct message **rows, size_t *count);

/*
 * Sets the state of the messages ids[0..n) that exist, at now, in one
 * transaction.  Returns how many changed, or -1 (nothing changed).
 */
int message_db_set_state(struct db *db, const long long *ids, size_t n,
                         enum message_state state, long long now);

/* Deletes the messages ids[0..n) in one transaction.  Returns how many
 * were deleted, or -1 (none). */
int message_db_delete(struct db *db, const long long *ids, size_t n);

/* Marks message id read if it is new (opening it).  Returns 1 when it
 * was new, 0 when not, -1. */
int message_db_opened(struct db *db, long long id, long long now);

/*
 * Reads the key of the address hashes of day (Unix time / 86400),
 * making it from random bytes when the day has none yet (the first
 * message of the day; two workers racing keep the first).  0 or -1.
 */
int message_db_address_key(struct db *db, long long day,
                           unsigned char key[MESSAGE_KEY_BYTES]);

/*
 * The timer's work, each in its own transaction: deletes messages
 * received before `before` and the address keys of days before `day`.
 * Returns the number of messages deleted, or -1.
 */
int message_db_purge(struct db *db, long long before, long long day);

/* Clears every owed notice and returns how many there were, or -1. */
int message_db_notices_claim(struct db *db);

#endif
