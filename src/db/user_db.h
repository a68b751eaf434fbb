/*
 * user_db.h: staff accounts.
 */
#ifndef GAZETTE_USER_DB_H
#define GAZETTE_USER_DB_H

#include <stdbool.h>

#include "db.h"

#define USER_ROLES_COUNT 4

/* The roles, most powerful first: admin, editor, author, moderator. */
extern const char *const user_roles[USER_ROLES_COUNT];

/* Returns whether role is one of admin, editor, author, moderator. */
int user_role_valid(const char *role);

/* Returns whether list, role names separated by commas ("admin,editor"),
 * names role. */
bool user_role_listed(const char *list, const char *role);

/*
 * Creates an account in its own transaction.  password_hash is an encoded
 * argon2id hash.  Returns the new id, 0 when the name is taken, or -1.
 */
long long user_db_add(struct db *db, const char *name, const char *display_name,
                      const char *role, const char *password_hash);

/* The same with an email ('' for none; the caller checked it with
 * text_email_valid), in the same transaction. */
long long user_db_add_email(struct db *db, const char *name,
                            const char *display_name, const char *role,
                            const char *password_hash, const char *email);

#endif
