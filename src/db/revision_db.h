/*
 * revision_db.h: the revisions of an article or a page as the admin area
 * reads them: the list, newest first, and one revision's text.  Revisions
 * are written by article_admin_save and page_admin_save, one for every
 * save, holding the title, excerpt (articles only) and body that save
 * made current; restoring one is such a save too.
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
	bool is_current;      /* title, excerpt and body are the current ones */
};

/* Whose revisions: an article's, or a page's (page_revisions). */
struct revision_of {
	bool page;
	long long id;
};

/*
 * Lists the revisions of of, newest first, from offset, at most limit,
 * into *rows (in a).  0 or -1.
 */
int revision_db_list(struct db *db, struct arena *a, struct revision_of of,
                     long long offset, size_t limit, struct revision_row **rows,
                     size_t *count);

/* Returns how many revisions of has, or -1. */
long long revision_db_count(struct db *db, struct revision_of of);

/* One revision's text. */
struct revision {
	long long id;
	long long created_at;
	const char *user_name; /* "" when the account is gone */
	const char *title;
	const char *excerpt; /* "" for a page's */
	const char *body_md;
};

/*
 * Reads revision id of of into out (strings in a).  0 found, 1 none (also
 * when the revision belongs to another article or page), -1.
 */
int revision_db_get(struct db *db, struct arena *a, struct revision_of of,
                    long long id, struct revision *out);

#endif
