/*
 * auth_db.h: what logging in needs from the store: staff accounts by name
 * or session, sessions, login throttling, the audit log and the site's
 * secret.  Security records (throttle counters, audit entries) are written
 * in transactions of their own, so they stay whatever becomes of the
 * request.
 */
#ifndef GAZETTE_AUTH_DB_H
#define GAZETTE_AUTH_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

#define AUTH_HASH_BYTES 32

struct staff {
	long long id;
	const char *name;
	const char *display_name;
	const char *role; /* admin, editor, author, moderator */
	const char *password_hash;
	bool disabled;
	const char *email; /* "" for none */
	/* The edition whose strings its admin pages use (0: the default
	 * edition); only session_db_lookup reads it. */
	long long admin_edition_id;
};

/* Reads an account by name (case-insensitive).  0 found, 1 none, -1. */
int staff_db_by_name(struct db *db, struct arena *a, const char *name,
                     struct staff *out);

/* Replaces an account's password hash (rehash on login).  0 or -1. */
int staff_db_set_password(struct db *db, long long id, const char *hash);

/*
 * Creates a session row for the token whose hash is given, expiring
 * absolutely at expires_at.  0 or -1.
 */
int session_db_create(struct db *db, const unsigned char *hash,
                      long long user_id, long long now, long long expires_at,
                      const char *address, const char *user_agent);

/*
 * Finds the live session with this hash: not past its absolute expiry, not
 * idle for more than idle_s, and its account not disabled.  Fills *out and
 * sets *last_seen.  0 found, 1 none, -1.
 */
int session_db_lookup(struct db *db, struct arena *a, const unsigned char *hash,
                      long long now, long long idle_s, struct staff *out,
                      long long *last_seen);

/* Records activity on a session.  0 or -1. */
int session_db_touch(struct db *db, const unsigned char *hash, long long now);

/* Deletes a session (logout).  0 or -1. */
int session_db_delete(struct db *db, const unsigned char *hash);

/* Deletes expired sessions, throttle windows and password reset links
 * (the timer).  Returns the number of rows deleted, or -1. */
int auth_db_purge(struct db *db, long long now, long long idle_s,
                  long long window_s);

/*
 * Returns the failures counted for key in the window that began within
 * window_s of now (0 when none), and sets *retry_after to the seconds left
 * in that window.  -1 on error.
 */
int throttle_db_get(struct db *db, const char *key, long long now,
                    long long window_s, long long *retry_after);

/* Counts one more failure for key (starting a new window when the old one
 * is over).  0 or -1. */
int throttle_db_fail(struct db *db, const char *key, long long now,
                     long long window_s);

/* Forgets key's failures.  0 or -1. */
int throttle_db_clear(struct db *db, const char *key);

/* Adds an audit entry.  user_id may be 0.  0 or -1. */
int audit_db_add(struct db *db, long long now, long long user_id,
                 const char *user_name, const char *action, const char *detail,
                 const char *address);

/*
 * Reads the site's secret (32 bytes, the key of form and CSRF tokens),
 * creating it with random bytes the first time.  0 or -1.
 */
int auth_db_secret(struct db *db, unsigned char out[32]);

/* A row of the users page. */
struct staff_row {
	struct staff s;
	long long sessions; /* live sessions */
	long long created_at;
	bool two_factor;  /* two-factor login on */
	const char *slug; /* the author's address, /author/SLUG */
};

/* Lists every account, by name.  0 or -1. */
int staff_db_list(struct db *db, struct arena *a, long long now,
                  struct staff_row **rows, size_t *count);

/* Reads an account by id.  0 found, 1 none, -1. */
int staff_db_get(struct db *db, struct arena *a, long long id,
                 struct staff *out);

/*
 * Changes an account's role or disabled flag and ends its sessions (a new
 * session id after a role change), in one transaction.  role NULL keeps
 * the role; disabled < 0 keeps the flag.  0 or -1.
 */
int staff_db_update(struct db *db, long long id, const char *role,
                    int disabled);

/*
 * Sets an account's password hash and ends its sessions but the one whose
 * hash is keep (NULL: all), in one transaction.  0 or -1.
 */
int staff_db_reset_password(struct db *db, long long id, const char *hash,
                            const unsigned char *keep);

/* A session as its owner sees it. */
struct session_row {
	const char *id; /* hex of the stored hash: names it in forms */
	long long created_at;
	long long last_seen_at;
	const char *address;
	const char *user_agent;
	bool current;
};

/* Lists a user's live sessions, newest first; marks the current one. */
int session_db_list(struct db *db, struct arena *a, long long user_id,
                    long long now, const unsigned char *current,
                    struct session_row **rows, size_t *count);

/* Ends one of the user's sessions, named by its hex id.  0 ended, 1 no
 * such session of this user, -1. */
int session_db_end(struct db *db, long long user_id, const char *hex_id);

/* An audit entry as the audit page shows it. */
struct audit_row {
	long long at;
	const char *user_name;
	const char *action;
	const char *detail;
	const char *address;
};

/* Lists audit entries, newest first.  0 or -1. */
int audit_db_list(struct db *db, struct arena *a, long long offset,
                  size_t limit, struct audit_row **rows, size_t *count);

/* Sets an account's email ('' for none; the caller checked it with
 * text_email_valid).  0 or -1. */
int staff_db_set_email(struct db *db, long long id, const char *email);

/* Sets the edition whose strings an account's admin pages use (the
 * caller has checked it is one of the site's; 0 for the default edition,
 * stored as NULL).  0 or -1. */
int staff_db_set_admin_edition(struct db *db, long long id,
                               long long edition_id);

/*
 * Gives an account another author address, /author/SLUG (the caller has
 * checked slug with slug_valid); sql/027_author_slugs.sql's trigger makes
 * the old address and its feeds lead to the new one.  0, 1 when another
 * account has it, -1.
 */
int staff_db_set_slug(struct db *db, long long id, const char *slug);

/*
 * Password reset ("Lost your password?", sql/025_password_reset.sql).
 * reset_db_match finds the enabled accounts with an email whose name is
 * who (case-insensitive) or whose email is who (case-insensitive): at
 * most 8, in *rows (in a's memory), password_hash left empty.  0 or -1.
 */
int reset_db_match(struct db *db, struct arena *a, const char *who,
                   struct staff **rows, size_t *count);

/*
 * Files a reset request for an account, replacing any earlier one (whose
 * link stops working at once): its mail is pending for the timer, its link
 * good until expires_at.  0 or -1.
 */
int reset_db_file(struct db *db, long long user_id, long long now,
                  long long expires_at);

/* A reset mail the timer is to send. */
struct reset_mail {
	long long user_id;
	const char *name;
	const char *email;
};

/*
 * The timer's side, in one transaction: drops pending requests that can
 * no longer be sent (expired at now, the account disabled or without an
 * email), then claims the oldest pending one, storing hash (of the token
 * the caller made and will mail) as its token.  Returns 0 with *out filled
 * (in a's memory), 1 when none is pending, -1.
 */
int reset_db_claim(struct db *db, struct arena *a, long long now,
                   const unsigned char hash[AUTH_HASH_BYTES],
                   struct reset_mail *out);

/* Finds the account whose reset token has hash and has not expired at
 * now.  0 found (*user_id), 1 none, -1. */
int reset_db_lookup(struct db *db, const unsigned char hash[AUTH_HASH_BYTES],
                    long long now, long long *user_id);

/*
 * Uses a reset token, in one transaction: deletes it (it must still be
 * user_id's and unexpired at now), sets the account's password hash and
 * ends all its sessions.  Two-factor login is left as it is.  Returns 0,
 * 1 when the token no longer works (nothing changed), -1.
 */
int reset_db_use(struct db *db, const unsigned char hash[AUTH_HASH_BYTES],
                 long long user_id, long long now, const char *password_hash);

#endif
