/*
 * revision_db.h: an article's revisions as the admin area reads them: the
 * list, newest first, and one revision's text.  Revisions are written by
 * article_admin_save (article_admin_db.h), one for every save, holding
 * the title, excerpt and body that save made current; restoring one is
 * such a save too.
 */
#ifndef GAZETTE_REVISION_DB_H
#define GAZETTE_REVISION_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

/* A revision as the list shows it. */
struct revision_row {
	long long id;
	long long created_at;
	const char *user_name; /* "" when the account is gone */
	const char *title;
	long long body_chars; /* the body's length in characters */
	bool is_current;      /* title, excerpt and body are the article's */
};

/*
 * Lists the revisions of article_id, newest first, from offset, at most
 * limit, into *rows (in a).  0 or -1.
 */
int revision_db_list(struct db *db, struct arena *a, long long article_id,
                     long long offset, size_t limit, struct revision_row **rows,
                     size_t *count);

/* Returns how many revisions article_id has, or -1. */
long long revision_db_count(struct db *db, long long article_id);

/* One revision's text. */
struct revision {
	long long id;
	long long created_at;
	const char *user_name; /* "" when the account is gone */
	const char *title;
	const char *excerpt;
	const char *body_md;
};

/*
 * Reads revision id of article_id into out (strings in a).  0 found, 1
 * none (also when the revision belongs to another article), -1.
 */
int revision_db_get(struct db *db, struct arena *a, long long article_id,
                    long long id, struct revision *out);

#endif
