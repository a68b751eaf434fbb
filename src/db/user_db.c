/*
 * user_db.c: queries on staff accounts.  The admin area's sessions and
 * login throttling will keep their own files.
 */
#include <string.h>
#include <time.h>

#include "db_internal.h"
#include "user_db.h"

static const char sql_user_exists[] = "SELECT 1 FROM users WHERE name = ?";
static const char sql_user_add[] =
    "INSERT INTO users (name, display_name, role, password_hash, "
    "created_at, email) VALUES (?, ?, ?, ?, ?, ?)";

const char *const user_roles[USER_ROLES_COUNT] = {"admin", "editor", "author",
                                                  "moderator"};

/* Checks a role name; see user_db.h. */
int
user_role_valid(const char *role)
{
	for (size_t i = 0; i < USER_ROLES_COUNT; i++)
		if (strcmp(role, user_roles[i]) == 0)
			return 1;
	return 0;
}

/* Looks for a role in a list; see user_db.h. */
bool
user_role_listed(const char *list, const char *role)
{
	size_t n = strlen(role);

	while (*list) {
		size_t len = strcspn(list, ",");

		if (len == n && strncmp(list, role, n) == 0)
			return true;
		list += len;
		if (*list == ',')
			list++;
	}
	return false;
}

/* Adds an account; see user_db.h. */
long long
user_db_add(struct db *db, const char *name, const char *display_name,
            const char *role, const char *password_hash)
{
	return user_db_add_email(db, name, display_name, role, password_hash,
	                         "");
}

/* Adds an account with an email; see user_db.h. */
long long
user_db_add_email(struct db *db, const char *name, const char *display_name,
                  const char *role, const char *password_hash,
                  const char *email)
{
	sqlite3_stmt *st;
	long long id;
	int rc;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_user_exists)) == NULL)
		goto fail;
	db_bind_text(st, 1, name, -1);
	rc = db_step(db, st);
	sqlite3_reset(st);
	if (rc < 0)
		goto fail;
	if (rc == SQLITE_ROW) {
		db_rollback(db);
		return 0;
	}
	if ((st = db_stmt(db, sql_user_add)) == NULL)
		goto fail;
	db_bind_text(st, 1, name, -1);
	db_bind_text(st, 2, display_name, -1);
	db_bind_text(st, 3, role, -1);
	db_bind_text(st, 4, password_hash, -1);
	sqlite3_bind_int64(st, 5, (long long)time(NULL));
	db_bind_text(st, 6, email, -1);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	id = sqlite3_last_insert_rowid(db->handle);
	if (db_commit(db) < 0)
		return -1;
	return id;
fail:
	db_rollback(db);
	return -1;
}
