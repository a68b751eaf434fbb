/*
 * auth_db.c: queries for accounts, sessions, throttling, the audit log and
 * the site's secret.  Each write is its own short BEGIN IMMEDIATE
 * transaction: none of these belongs to a bigger change.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../util/log.h"
#include "auth_db.h"
#include "db_internal.h"

static const char sql_by_name[] =
    "SELECT id, name, display_name, role, password_hash, disabled, email "
    "FROM users WHERE name = ?";
static const char sql_set_password[] =
    "UPDATE users SET password_hash = ? WHERE id = ?";
static const char sql_session_create[] =
    "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, "
    "expires_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_session_lookup[] =
    "SELECT u.id, u.name, u.display_name, u.role, u.password_hash, "
    "u.disabled, u.email, s.last_seen_at, "
    "coalesce(u.admin_edition_id, 0) FROM sessions s "
    "JOIN users u ON u.id = s.user_id "
    "WHERE s.id_hash = ?1 AND s.expires_at > ?2 "
    "AND s.last_seen_at > ?2 - ?3 AND u.disabled = 0";
static const char sql_session_touch[] =
    "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?";
static const char sql_session_delete[] =
    "DELETE FROM sessions WHERE id_hash = ?";
static const char sql_purge_sessions[] =
    "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?1 - ?2";
static const char sql_purge_throttle[] =
    "DELETE FROM throttle WHERE window_start <= ?1 - ?2";
static const char sql_reset_purge[] =
    "DELETE FROM password_resets WHERE expires_at <= ?";
static const char sql_throttle_get[] =
    "SELECT window_start, failures FROM throttle WHERE key = ?";
static const char sql_throttle_fail[] =
    "INSERT INTO throttle (key, window_start, failures) VALUES (?1, ?2, 1) "
    "ON CONFLICT (key) DO UPDATE SET "
    "failures = CASE WHEN window_start > ?2 - ?3 THEN failures + 1 ELSE 1 "
    "END, window_start = CASE WHEN window_start > ?2 - ?3 THEN "
    "window_start ELSE ?2 END";
static const char sql_throttle_clear[] = "DELETE FROM throttle WHERE key = ?";
static const char sql_audit[] =
    "INSERT INTO audit_log (at, user_id, user_name, action, detail, address) "
    "VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_secret_get[] =
    "SELECT value FROM settings WHERE key = 'secret'";
static const char sql_secret_set[] =
    "INSERT OR IGNORE INTO settings (key, value) VALUES ('secret', ?)";

static void
read_staff(struct arena *a, sqlite3_stmt *st, struct staff *out)
{
	out->id = sqlite3_column_int64(st, 0);
	out->name = db_col_text(a, st, 1);
	out->display_name = db_col_text(a, st, 2);
	out->role = db_col_text(a, st, 3);
	out->password_hash = db_col_text(a, st, 4);
	out->disabled = sqlite3_column_int(st, 5) != 0;
	out->email = db_col_text(a, st, 6);
}

/* Reads an account by name; see auth_db.h. */
int
staff_db_by_name(struct db *db, struct arena *a, const char *name,
                 struct staff *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_name);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name, -1);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		read_staff(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Runs one prepared write as a transaction of its own: 0 or -1. */
static int
write_one(struct db *db, sqlite3_stmt *st)
{
	return db_write_one(db, st) < 0 ? -1 : 0;
}

/* Replaces a password hash; see auth_db.h. */
int
staff_db_set_password(struct db *db, long long id, const char *hash)
{
	sqlite3_stmt *st = db_stmt(db, sql_set_password);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, hash, -1);
	sqlite3_bind_int64(st, 2, id);
	return write_one(db, st);
}

/* Creates a session; see auth_db.h. */
int
session_db_create(struct db *db, const unsigned char *hash, long long user_id,
                  long long now, long long expires_at, const char *address,
                  const char *user_agent)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_create);

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, expires_at);
	db_bind_text(st, 6, address ? address : "", -1);
	/* A user agent is only shown to its owner; keep it short. */
	db_bind_text(st, 7, user_agent ? user_agent : "",
	             user_agent && strlen(user_agent) > 200 ? 200 : -1);
	return write_one(db, st);
}

/* Finds a live session; see auth_db.h. */
int
session_db_lookup(struct db *db, struct arena *a, const unsigned char *hash,
                  long long now, long long idle_s, struct staff *out,
                  long long *last_seen)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_lookup);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, idle_s);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		read_staff(a, st, out);
		*last_seen = sqlite3_column_int64(st, 7);
		out->admin_edition_id = sqlite3_column_int64(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Records activity; see auth_db.h. */
int
session_db_touch(struct db *db, const unsigned char *hash, long long now)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_touch);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_blob(st, 2, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	return write_one(db, st);
}

/* Deletes a session; see auth_db.h. */
int
session_db_delete(struct db *db, const unsigned char *hash)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_delete);

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	return write_one(db, st);
}

/* Purges expired rows; see auth_db.h. */
int
auth_db_purge(struct db *db, long long now, long long idle_s,
              long long window_s)
{
	sqlite3_stmt *st;
	int n = 0;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_purge_sessions)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, idle_s);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	n += sqlite3_changes(db->handle);
	if ((st = db_stmt(db, sql_purge_throttle)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, window_s);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	n += sqlite3_changes(db->handle);
	if ((st = db_stmt(db, sql_reset_purge)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, now);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	n += sqlite3_changes(db->handle);
	return db_commit(db) < 0 ? -1 : n;
fail:
	db_rollback(db);
	return -1;
}

/* Reads a throttle window; see auth_db.h. */
int
throttle_db_get(struct db *db, const char *key, long long now,
                long long window_s, long long *retry_after)
{
	sqlite3_stmt *st = db_stmt(db, sql_throttle_get);
	int rc, failures = 0;

	*retry_after = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key, -1);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		long long start = sqlite3_column_int64(st, 0);

		if (start > now - window_s) {
			failures = sqlite3_column_int(st, 1);
			*retry_after = start + window_s - now;
		}
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : failures;
}

/* Counts a failure; see auth_db.h. */
int
throttle_db_fail(struct db *db, const char *key, long long now,
                 long long window_s)
{
	sqlite3_stmt *st = db_stmt(db, sql_throttle_fail);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key, -1);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, window_s);
	return write_one(db, st);
}

/* Forgets failures; see auth_db.h. */
int
throttle_db_clear(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, sql_throttle_clear);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key, -1);
	return write_one(db, st);
}

/* Adds an audit entry; see auth_db.h. */
int
audit_db_add(struct db *db, long long now, long long user_id,
             const char *user_name, const char *action, const char *detail,
             const char *address)
{
	sqlite3_stmt *st = db_stmt(db, sql_audit);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if (user_id > 0)
		sqlite3_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, user_name ? user_name : "", -1);
	db_bind_text(st, 4, action, -1);
	db_bind_text(st, 5, detail ? detail : "", -1);
	db_bind_text(st, 6, address ? address : "", -1);
	return write_one(db, st);
}

/* Decodes the hex secret; returns 0 when it is 32 bytes of hex. */
static int
secret_decode(const char *hex, unsigned char out[32])
{
	size_t len = 0;

	return hex != NULL && strlen(hex) == 64 &&
	               sodium_hex2bin(out, 32, hex, 64, NULL, &len, NULL) ==
	                   0 &&
	               len == 32
	           ? 0
	           : -1;
}

/* Reads or creates the secret; see auth_db.h. */
int
auth_db_secret(struct db *db, unsigned char out[32])
{
	sqlite3_stmt *st;
	unsigned char fresh[32];
	char hex[65];
	int rc;

	if (sodium_init() < 0)
		return -1;
	for (int attempt = 0; attempt < 2; attempt++) {
		if ((st = db_stmt(db, sql_secret_get)) == NULL)
			return -1;
		rc = db_step(db, st);
		if (rc == SQLITE_ROW &&
		    secret_decode((const char *)sqlite3_column_text(st, 0),
		                  out) == 0) {
			sqlite3_reset(st);
			return 0;
		}
		sqlite3_reset(st);
		if (rc < 0 || attempt > 0)
			break;
		/* First use: another process may race us; INSERT OR IGNORE
		 * keeps whichever came first and both read it back. */
		randombytes_buf(fresh, sizeof(fresh));
		sodium_bin2hex(hex, sizeof(hex), fresh, sizeof(fresh));
		sodium_memzero(fresh, sizeof(fresh));
		if ((st = db_stmt(db, sql_secret_set)) == NULL)
			return -1;
		db_bind_text(st, 1, hex, 64);
		sodium_memzero(hex, sizeof(hex));
		if (write_one(db, st) < 0)
			return -1;
	}
	log_error("the site's secret is unreadable");
	return -1;
}

static const char sql_staff_list[] =
    "SELECT u.id, u.name, u.display_name, u.role, '', u.disabled, u.email, "
    "(SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND "
    "s.expires_at > ?1), u.created_at, EXISTS (SELECT 1 FROM two_factor t "
    "WHERE t.user_id = u.id AND t.enabled = 1), u.slug FROM users u "
    "ORDER BY u.name";
static const char sql_staff_get[] =
    "SELECT id, name, display_name, role, password_hash, disabled, email "
    "FROM users WHERE id = ?";
static const char sql_staff_update[] =
    "UPDATE users SET role = coalesce(?2, role), disabled = CASE WHEN ?3 "
    "< 0 THEN disabled ELSE ?3 END WHERE id = ?1";
static const char sql_sessions_end_all[] =
    "DELETE FROM sessions WHERE user_id = ?1 AND (?2 IS NULL OR id_hash "
    "!= ?2)";
static const char sql_session_list[] =
    "SELECT hex(id_hash), created_at, last_seen_at, address, user_agent, "
    "id_hash = ?3 FROM sessions WHERE user_id = ?1 AND expires_at > ?2 "
    "ORDER BY last_seen_at DESC";
static const char sql_session_end[] =
    "DELETE FROM sessions WHERE user_id = ? AND hex(id_hash) = ?";
static const char sql_audit_list[] =
    "SELECT at, user_name, action, detail, address FROM audit_log "
    "ORDER BY id DESC LIMIT ? OFFSET ?";

/* Lists accounts; see auth_db.h. */
int
staff_db_list(struct db *db, struct arena *a, long long now,
              struct staff_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_staff_list);
	size_t n = 0, cap = 16;
	int rc;

	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	*rows = arena_calloc(a, cap, sizeof(**rows));
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		*rows = arena_grow(a, *rows, n, &cap, sizeof(**rows));
		read_staff(a, st, &(*rows)[n].s);
		(*rows)[n].sessions = sqlite3_column_int64(st, 7);
		(*rows)[n].created_at = sqlite3_column_int64(st, 8);
		(*rows)[n].two_factor = sqlite3_column_int(st, 9) != 0;
		(*rows)[n].slug = db_col_text(a, st, 10);
		n++;
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads an account by id; see auth_db.h. */
int
staff_db_get(struct db *db, struct arena *a, long long id, struct staff *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_staff_get);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		read_staff(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Ends an account's sessions but keep's, inside the open transaction. */
static int
end_sessions(struct db *db, long long id, const unsigned char *keep)
{
	sqlite3_stmt *st = db_stmt(db, sql_sessions_end_all);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (keep != NULL)
		sqlite3_bind_blob(st, 2, keep, AUTH_HASH_BYTES,
		                  SQLITE_TRANSIENT);
	return db_exec_stmt(db, st);
}

/* Changes role or disabled flag; see auth_db.h. */
int
staff_db_update(struct db *db, long long id, const char *role, int disabled)
{
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_staff_update)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (role != NULL)
		db_bind_text(st, 2, role, -1);
	sqlite3_bind_int(st, 3, disabled);
	if (db_exec_stmt(db, st) < 0 || end_sessions(db, id, NULL) < 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

/* Sets a password and ends sessions; see auth_db.h. */
int
staff_db_reset_password(struct db *db, long long id, const char *hash,
                        const unsigned char *keep)
{
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_set_password)) == NULL)
		goto fail;
	db_bind_text(st, 1, hash, -1);
	sqlite3_bind_int64(st, 2, id);
	if (db_exec_stmt(db, st) < 0 || end_sessions(db, id, keep) < 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

/* Lists sessions; see auth_db.h. */
int
session_db_list(struct db *db, struct arena *a, long long user_id,
                long long now, const unsigned char *current,
                struct session_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_list);
	size_t n = 0, cap = 32;
	int rc;

	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_blob(st, 3, current, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	*rows = arena_calloc(a, cap, sizeof(**rows));
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < cap) {
		struct session_row *r = &(*rows)[n++];

		r->id = db_col_text(a, st, 0);
		r->created_at = sqlite3_column_int64(st, 1);
		r->last_seen_at = sqlite3_column_int64(st, 2);
		r->address = db_col_text(a, st, 3);
		r->user_agent = db_col_text(a, st, 4);
		r->current = sqlite3_column_int(st, 5) != 0;
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Ends one session; see auth_db.h. */
int
session_db_end(struct db *db, long long user_id, const char *hex_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_end);
	int changes;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, hex_id, -1);
	changes = db_write_one(db, st);
	return changes < 0 ? -1 : changes > 0 ? 0 : 1;
}

/* Lists audit entries; see auth_db.h. */
int
audit_db_list(struct db *db, struct arena *a, long long offset, size_t limit,
              struct audit_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_audit_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)limit);
	sqlite3_bind_int64(st, 2, offset);
	*rows = arena_calloc(a, limit ? limit : 1, sizeof(**rows));
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct audit_row *r = &(*rows)[n++];

		r->at = sqlite3_column_int64(st, 0);
		r->user_name = db_col_text(a, st, 1);
		r->action = db_col_text(a, st, 2);
		r->detail = db_col_text(a, st, 3);
		r->address = db_col_text(a, st, 4);
	}
	sqlite3_reset(st);
	*count = n;
	return n < limit && rc != SQLITE_DONE ? -1 : 0;
}

static const char sql_set_email[] = "UPDATE users SET email = ? WHERE id = ?";
static const char sql_set_admin_edition[] =
    "UPDATE users SET admin_edition_id = nullif(?, 0) WHERE id = ?";
static const char sql_slug_taken[] =
    "SELECT 1 FROM users WHERE slug = ?1 AND id != ?2";
static const char sql_set_slug[] = "UPDATE users SET slug = ?1 WHERE id = ?2";
static const char sql_reset_match[] =
    "SELECT id, name, display_name, role, '', disabled, email FROM users "
    "WHERE (name = ?1 OR lower(email) = lower(?1)) AND disabled = 0 AND "
    "email != '' ORDER BY id LIMIT 8";
static const char sql_reset_file[] =
    "INSERT OR REPLACE INTO password_resets (user_id, requested_at, "
    "expires_at, mail_pending, token_hash) VALUES (?, ?, ?, 1, NULL)";
static const char sql_reset_any[] =
    "SELECT EXISTS (SELECT 1 FROM password_resets WHERE mail_pending = 1)";
static const char sql_reset_drop_unsendable[] =
    "DELETE FROM password_resets WHERE mail_pending = 1 AND (expires_at <= "
    "?1 OR user_id IN (SELECT id FROM users WHERE disabled = 1 OR email = "
    "''))";
static const char sql_reset_next[] =
    "SELECT r.user_id, u.name, u.email FROM password_resets r JOIN users u "
    "ON u.id = r.user_id WHERE r.mail_pending = 1 ORDER BY r.requested_at "
    "LIMIT 1";
static const char sql_reset_claim[] =
    "UPDATE password_resets SET mail_pending = 0, token_hash = ? WHERE "
    "user_id = ?";
static const char sql_reset_lookup[] =
    "SELECT user_id FROM password_resets WHERE token_hash = ? AND "
    "mail_pending = 0 AND expires_at > ?";
static const char sql_reset_consume[] =
    "DELETE FROM password_resets WHERE token_hash = ? AND user_id = ? AND "
    "mail_pending = 0 AND expires_at > ?";

/* Sets an account's email; see auth_db.h. */
int
staff_db_set_email(struct db *db, long long id, const char *email)
{
	sqlite3_stmt *st = db_stmt(db, sql_set_email);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email, -1);
	sqlite3_bind_int64(st, 2, id);
	return write_one(db, st);
}

/* Sets an account's admin language; see auth_db.h. */
int
staff_db_set_admin_edition(struct db *db, long long id, long long edition_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_set_admin_edition);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	sqlite3_bind_int64(st, 2, id);
	return write_one(db, st);
}

/* Gives an account another author address; see auth_db.h. */
int
staff_db_set_slug(struct db *db, long long id, const char *slug)
{
	sqlite3_stmt *st;
	int rc;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_slug_taken)) == NULL)
		goto fail;
	db_bind_text(st, 1, slug, -1);
	sqlite3_bind_int64(st, 2, id);
	rc = db_step(db, st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		db_rollback(db);
		return 1;
	}
	if (rc < 0 || (st = db_stmt(db, sql_set_slug)) == NULL)
		goto fail;
	db_bind_text(st, 1, slug, -1);
	sqlite3_bind_int64(st, 2, id);
	if (db_exec_stmt(db, st) < 0 || db_commit(db) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

/* Finds the accounts a reset request names; see auth_db.h. */
int
reset_db_match(struct db *db, struct arena *a, const char *who,
               struct staff **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_reset_match);
	size_t n = 0, cap = 8;
	int rc;

	*count = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, who, -1);
	*rows = arena_calloc(a, cap, sizeof(**rows));
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < cap)
		read_staff(a, st, &(*rows)[n++]);
	sqlite3_reset(st);
	*count = n;
	return rc < 0 ? -1 : 0;
}

/* Files a reset request; see auth_db.h. */
int
reset_db_file(struct db *db, long long user_id, long long now,
              long long expires_at)
{
	sqlite3_stmt *st = db_stmt(db, sql_reset_file);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, expires_at);
	return write_one(db, st);
}

/* Claims the next reset mail to send; see auth_db.h. */
int
reset_db_claim(struct db *db, struct arena *a, long long now,
               const unsigned char hash[AUTH_HASH_BYTES],
               struct reset_mail *out)
{
	sqlite3_stmt *st;
	int rc, error = 0;

	memset(out, 0, sizeof(*out));
	/* A read first: the write lock only when a mail is pending. */
	rc = (int)db_one_int(db, db_stmt(db, sql_reset_any), &error);
	if (error)
		return -1;
	if (rc == 0)
		return 1;
	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_reset_drop_unsendable)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, now);
	if (db_exec_stmt(db, st) < 0 ||
	    (st = db_stmt(db, sql_reset_next)) == NULL)
		goto fail;
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		out->user_id = sqlite3_column_int64(st, 0);
		out->name = db_col_text(a, st, 1);
		out->email = db_col_text(a, st, 2);
	}
	sqlite3_reset(st);
	if (rc < 0)
		goto fail;
	if (rc == SQLITE_DONE)
		return db_commit(db) < 0 ? -1 : 1;
	if ((st = db_stmt(db, sql_reset_claim)) == NULL)
		goto fail;
	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, out->user_id);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	return db_commit(db) < 0 ? -1 : 0;
fail:
	db_rollback(db);
	return -1;
}

/* Looks a reset token up; see auth_db.h. */
int
reset_db_lookup(struct db *db, const unsigned char hash[AUTH_HASH_BYTES],
                long long now, long long *user_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_reset_lookup);
	int rc;

	*user_id = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		*user_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Uses a reset token; see auth_db.h. */
int
reset_db_use(struct db *db, const unsigned char hash[AUTH_HASH_BYTES],
             long long user_id, long long now, const char *password_hash)
{
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_reset_consume)) == NULL)
		goto fail;
	sqlite3_bind_blob(st, 1, hash, AUTH_HASH_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, now);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	if (sqlite3_changes(db->handle) != 1) {
		db_rollback(db);
		return 1;
	}
	if ((st = db_stmt(db, sql_set_password)) == NULL)
		goto fail;
	db_bind_text(st, 1, password_hash, -1);
	sqlite3_bind_int64(st, 2, user_id);
	if (db_exec_stmt(db, st) < 0 || end_sessions(db, user_id, NULL) < 0)
		goto fail;
	return db_commit(db) < 0 ? -1 : 0;
fail:
	db_rollback(db);
	return -1;
}
