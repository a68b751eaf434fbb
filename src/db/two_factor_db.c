/*
 * two_factor_db.c: queries on TOTP secrets, used time steps and recovery
 * codes (see two_factor_db.h).  The secret is bound and read as a BLOB of
 * exactly TWO_FACTOR_SECRET_BYTES; anything else in the column is treated
 * as an error, never padded or cut.
 */
#include <string.h>

#include "db_internal.h"
#include "two_factor_db.h"

static const char sql_get[] =
    "SELECT secret, enabled, last_step, (SELECT count(*) FROM "
    "recovery_codes r WHERE r.user_id = t.user_id) FROM two_factor t "
    "WHERE user_id = ?";
static const char sql_enabled[] =
    "SELECT count(*) FROM two_factor WHERE user_id = ? AND enabled = 1";
static const char sql_setup[] =
    "INSERT INTO two_factor (user_id, secret, enabled, last_step, "
    "created_at) VALUES (?1, ?2, 0, 0, ?3) ON CONFLICT (user_id) DO "
    "UPDATE SET secret = excluded.secret, created_at = excluded.created_at "
    "WHERE enabled = 0";
static const char sql_enable[] =
    "UPDATE two_factor SET enabled = 1, last_step = ?2 "
    "WHERE user_id = ?1 AND enabled = 0";
static const char sql_use_step[] =
    "UPDATE two_factor SET last_step = ?2 "
    "WHERE user_id = ?1 AND enabled = 1 AND last_step < ?2";
static const char sql_use_recovery[] =
    "DELETE FROM recovery_codes WHERE user_id = ?1 AND code_hash = ?2 AND "
    "EXISTS (SELECT 1 FROM two_factor WHERE user_id = ?1 AND enabled = 1)";
static const char sql_recovery_clear[] =
    "DELETE FROM recovery_codes WHERE user_id = ?";
static const char sql_recovery_add[] =
    "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
static const char sql_delete[] = "DELETE FROM two_factor WHERE user_id = ?";

/* Reads the state; see two_factor_db.h. */
int
two_factor_db_get(struct db *db, long long user_id, struct two_factor *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		const void *secret = sqlite3_column_blob(st, 0);

		if (secret == NULL ||
		    sqlite3_column_bytes(st, 0) != TWO_FACTOR_SECRET_BYTES) {
			sqlite3_reset(st);
			return -1;
		}
		memcpy(out->secret, secret, TWO_FACTOR_SECRET_BYTES);
		out->enabled = sqlite3_column_int(st, 1) != 0;
		out->last_step = sqlite3_column_int64(st, 2);
		out->recovery_left = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Says whether it is on; see two_factor_db.h. */
int
two_factor_db_enabled(struct db *db, long long user_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_enabled);
	int rc, on = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		on = sqlite3_column_int(st, 0) > 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? on : -1;
}

/* Runs one write of its own; 0 when it changed a row, 1 when none, -1. */
static int
write_one(struct db *db, sqlite3_stmt *st)
{
	int changes = db_write_one(db, st);

	return changes < 0 ? -1 : changes > 0 ? 0 : 1;
}

/* Starts a setup; see two_factor_db.h. */
int
two_factor_db_setup(struct db *db, long long user_id,
                    const unsigned char secret[TWO_FACTOR_SECRET_BYTES],
                    long long now)
{
	sqlite3_stmt *st = db_stmt(db, sql_setup);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_blob(st, 2, secret, TWO_FACTOR_SECRET_BYTES,
	                  SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, now);
	return write_one(db, st);
}

/* Replaces the recovery codes inside the open transaction: 0 or -1. */
static int
replace_recovery(struct db *db, long long user_id,
                 const unsigned char (*hashes)[TWO_FACTOR_HASH_BYTES], size_t n)
{
	sqlite3_stmt *st = db_stmt(db, sql_recovery_clear);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	if (db_exec_stmt(db, st) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if ((st = db_stmt(db, sql_recovery_add)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, user_id);
		sqlite3_bind_blob(st, 2, hashes[i], TWO_FACTOR_HASH_BYTES,
		                  SQLITE_TRANSIENT);
		if (db_exec_stmt(db, st) < 0)
			return -1;
	}
	return 0;
}

/*
 * Runs first (a statement bound by the caller) and, when it changed a
 * row, replaces the recovery codes, all in one transaction.  Returns 0, 1
 * when first changed nothing (nothing done), -1.
 */
static int
with_recovery(struct db *db, sqlite3_stmt *first, long long user_id,
              const unsigned char (*hashes)[TWO_FACTOR_HASH_BYTES], size_t n)
{
	if (db_begin(db) < 0) {
		sqlite3_reset(first);
		return -1;
	}
	if (db_exec_stmt(db, first) < 0)
		goto fail;
	if (sqlite3_changes(db->handle) == 0) {
		db_rollback(db);
		return 1;
	}
	if (replace_recovery(db, user_id, hashes, n) < 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

/* Turns a setup on; see two_factor_db.h. */
int
two_factor_db_enable(struct db *db, long long user_id, long long step,
                     const unsigned char (*hashes)[TWO_FACTOR_HASH_BYTES],
                     size_t n)
{
	sqlite3_stmt *st = db_stmt(db, sql_enable);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, step);
	return with_recovery(db, st, user_id, hashes, n);
}

/* Replaces recovery codes; see two_factor_db.h.  The first statement
 * changes no value, but the row it matches (counted by sqlite3_changes)
 * tells whether two-factor login is on, inside the same transaction. */
int
two_factor_db_set_recovery(struct db *db, long long user_id,
                           const unsigned char (*hashes)[TWO_FACTOR_HASH_BYTES],
                           size_t n)
{
	static const char sql_touch[] = "UPDATE two_factor SET enabled = 1 "
	                                "WHERE user_id = ? AND enabled = 1";
	sqlite3_stmt *st = db_stmt(db, sql_touch);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	return with_recovery(db, st, user_id, hashes, n);
}

/* Spends a time step; see two_factor_db.h. */
int
two_factor_db_use_step(struct db *db, long long user_id, long long step)
{
	sqlite3_stmt *st = db_stmt(db, sql_use_step);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, step);
	return write_one(db, st);
}

/* Spends a recovery code; see two_factor_db.h. */
int
two_factor_db_use_recovery(struct db *db, long long user_id,
                           const unsigned char hash[TWO_FACTOR_HASH_BYTES])
{
	sqlite3_stmt *st = db_stmt(db, sql_use_recovery);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_blob(st, 2, hash, TWO_FACTOR_HASH_BYTES, SQLITE_TRANSIENT);
	return write_one(db, st);
}

/* Turns it off; see two_factor_db.h.  Recovery codes go with it. */
int
two_factor_db_delete(struct db *db, long long user_id)
{
	sqlite3_stmt *st;
	int changes;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_recovery_clear)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, user_id);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	if ((st = db_stmt(db, sql_delete)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, user_id);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	changes = sqlite3_changes(db->handle);
	if (db_commit(db) < 0)
		return -1;
	return changes > 0 ? 0 : 1;
fail:
	db_rollback(db);
	return -1;
}
