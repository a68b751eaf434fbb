/*
 * two_factor_db.h: what two-factor login keeps (sql/006_two_factor.sql):
 * each account's TOTP secret (raw bytes: it must be read back to check a
 * code), whether a correct code has turned it on, the last time step
 * accepted, and the hashes of its recovery codes.  Every write is one
 * BEGIN IMMEDIATE transaction; the ones that spend something (a time
 * step, a recovery code) are a single conditional statement, so two
 * requests racing with the same code cannot both win.
 */
#ifndef GAZETTE_TWO_FACTOR_DB_H
#define GAZETTE_TWO_FACTOR_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"

#define TWO_FACTOR_SECRET_BYTES 20
#define TWO_FACTOR_HASH_BYTES 32

struct two_factor {
	unsigned char secret[TWO_FACTOR_SECRET_BYTES]; /* wipe after use */
	bool enabled;
	long long last_step;     /* of the last code accepted */
	long long recovery_left; /* unused recovery codes */
};

/* Reads an account's two-factor state.  0 found, 1 none (never set up),
 * -1. */
int two_factor_db_get(struct db *db, long long user_id, struct two_factor *out);

/* Returns 1 when the account has two-factor login on, 0 when not, -1. */
int two_factor_db_enabled(struct db *db, long long user_id);

/*
 * Starts (or starts again) a setup with a new secret, not yet on.
 * Returns 0, 1 when two-factor login is already on (nothing changed), -1.
 */
int two_factor_db_setup(struct db *db, long long user_id,
                        const unsigned char secret[TWO_FACTOR_SECRET_BYTES],
                        long long now);

/*
 * Turns a confirmed setup on: records step (that of the code that
 * confirmed it) as used and replaces the recovery codes with hashes[0..n),
 * in one transaction.  Returns 0, 1 when there is no setup waiting (never
 * started, or already on), -1.
 */
int two_factor_db_enable(struct db *db, long long user_id, long long step,
                         const unsigned char (*hashes)[TWO_FACTOR_HASH_BYTES],
                         size_t n);

/*
 * Spends time step step: succeeds only when two-factor login is on and
 * step is after the last one accepted.  Returns 0, 1 when refused (the
 * code, or a later one, was used already), -1.
 */
int two_factor_db_use_step(struct db *db, long long user_id, long long step);

/*
 * Spends the recovery code whose hash is given: deletes it when the
 * account has two-factor login on and the code is one of its own.
 * Returns 0, 1 when there is no such code, -1.
 */
int two_factor_db_use_recovery(struct db *db, long long user_id,
                               const unsigned char hash[TWO_FACTOR_HASH_BYTES]);

/*
 * Replaces the recovery codes of an account with two-factor login on.
 * Returns 0, 1 when it is not on, -1.
 */
int
two_factor_db_set_recovery(struct db *db, long long user_id,
                           const unsigned char (*hashes)[TWO_FACTOR_HASH_BYTES],
                           size_t n);

/* Turns two-factor login off: the secret and recovery codes are deleted.
 * Returns 0, 1 when there was nothing to delete, -1. */
int two_factor_db_delete(struct db *db, long long user_id);

#endif
