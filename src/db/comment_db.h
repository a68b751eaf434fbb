/*
 * comment_db.h: readers' comments under articles and pages: filing one
 * (with the rule that approves a returning commenter), an article's or a
 * page's approved comments for its page, the moderators' queue (counts per
 * state, a filtered page of the list, one comment, state changes and deletions
 * of several in one transaction) and the timer's purge.  Bodies are plain text,
 * stored as typed.  The count of approved comments on articles
 * (articles.comment_count) is kept by the triggers of sql/013_comments.sql
 * in the transaction of every change.
 */
#ifndef GAZETTE_COMMENT_DB_H
#define GAZETTE_COMMENT_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

enum comment_state {
	COMMENT_PENDING,
	COMMENT_APPROVED,
	COMMENT_SPAM,
	COMMENT_TRASH,
	COMMENT_STATES__MAX
};

/* The states' names as stored: "pending", "approved", "spam", "trash". */
extern const char *const comment_states[COMMENT_STATES__MAX];

/* Returns the state named s, or -1. */
int comment_state_parse(const char *s);

#define COMMENT_IP_HASH_BYTES 16

/* What comments hang under: an article or a page (sql/020). */
struct comment_on {
	bool page; /* a page's id, else an article's */
	long long id;
};

/* A comment as the form files it. */
struct comment_new {
	struct comment_on on;
	long long parent_id; /* 0: on the article or page itself */
	const char *name;
	const char *email;
	const char *body;
	enum comment_state state; /* COMMENT_PENDING, or COMMENT_SPAM */
	const char *reason;       /* why it is not approved ("links") */
	/* Approve it instead when the same name and email address (in any
	 * case) already have an approved comment. */
	bool approve_known;
	const unsigned char *ip_hash; /* COMMENT_IP_HASH_BYTES, or NULL */
	long long now;
};

/* comment_db_add's answer when the parent is not an approved comment
 * under the same article or page (trashed meanwhile, or never there). */
#define COMMENT_NO_PARENT (-2)

/*
 * Files a comment in one transaction: checks the parent (when
 * parent_id is not 0), applies the approval rule (approve_known) and
 * inserts it; the trigger counts it when it is approved.  Sets *state to
 * the state it was filed in.  Returns its id, COMMENT_NO_PARENT (nothing
 * filed) or -1.
 */
long long comment_db_add(struct db *db, const struct comment_new *c,
                         enum comment_state *state);

/* A comment as pages and the queue show it.  In a list of the queue,
 * body is the first COMMENT_SNIPPET_CHARS characters only. */
struct comment {
	long long id;
	struct comment_on on;
	long long parent_id; /* 0 when none */
	const char *name;
	const char *email;
	const char *url;
	const char *body;
	const char *state;
	const char *reason;
	long long created_at;
	long long updated_at;
	/* The queue's only, of the article or page it is under: */
	const char *on_title;
	const char *on_slug;
	const char *on_state;       /* "published" when the public sees it */
	const char *edition_prefix; /* "" or "ar" */
	const char *parent_name;    /* "" when none */
};
#define COMMENT_SNIPPET_CHARS 160

/*
 * Reads the approved comments under an article or a page, oldest first
 * (ties by id), without the queue's fields.  Sets *rows (in a) and
 * *count.  0 or -1.
 */
int comment_db_thread(struct db *db, struct arena *a, struct comment_on on,
                      struct comment **rows, size_t *count);

/* Reads one comment with the queue's fields.  0 found, 1 none, -1. */
int comment_db_get(struct db *db, struct arena *a, long long id,
                   struct comment *out);

/* Counts the comments in each state into counts.  0 or -1. */
int comment_db_counts(struct db *db, long long counts[COMMENT_STATES__MAX]);

/*
 * Lists comments newest first: those in state (all when NULL) whose
 * author's name or email, text or the title of its article or page holds q (any
 * when NULL; ASCII letters compared without case; % and _ are ordinary
 * characters), at most limit from offset, with the queue's fields.  Sets *rows
 * (in a) and *count.  0 or -1.
 */
int comment_db_list(struct db *db, struct arena *a, const char *state,
                    const char *q, long long offset, size_t limit,
                    struct comment **rows, size_t *count);

/*
 * Sets the state named state (one of comment_states) of the comments
 * ids[0..n) that exist, at now, in one transaction (the counts on their
 * articles follow).  Returns how many changed, or -1 (nothing changed;
 * also for an unknown state).
 */
int comment_db_set_state(struct db *db, const long long *ids, size_t n,
                         const char *state, long long now);

/* Deletes the comments ids[0..n) in one transaction (their replies stay,
 * answering nothing).  Returns how many were deleted, or -1 (none). */
int comment_db_delete(struct db *db, const long long *ids, size_t n);

/* The timer's work: deletes comments that have been spam or in the trash
 * since before `before`.  Returns how many, or -1. */
int comment_db_purge(struct db *db, long long before);

#endif
