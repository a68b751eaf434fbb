/*
 * backup_db.h: a consistent, checked copy of a live database
 * (`gazette backup`).
 */
#ifndef GAZETTE_BACKUP_DB_H
#define GAZETTE_BACKUP_DB_H

#include <stddef.h>

struct db;

/*
 * Copies db, as one commit left it, to the new file out (never replacing
 * one), checks the copy's integrity and foreign keys, and fsyncs it and its
 * folder.  Returns 0, or -1 with a one-line reason in err (then out does
 * not exist).  Writers on other connections go on meanwhile.
 */
int db_backup(struct db *db, const char *out, char *err, size_t err_len);

#endif
