/*
 * user_db.h: staff accounts.
 */
#ifndef GAZETTE_USER_DB_H
#define GAZETTE_USER_DB_H

#include "db.h"

/* Returns whether role is one of admin, editor, author, moderator. */
int user_role_valid(const char *role);

/*
 * Creates an account in its own transaction.  password_hash is an encoded
 * argon2id hash.  Returns the new id, 0 when the name is taken, or -1.
 */
long long user_db_add(struct db *db, const char *name, const char *display_name,
                      const char *role, const char *password_hash);

#endif
