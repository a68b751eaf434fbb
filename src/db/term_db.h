/*
 * term_db.h: the categories and tags of an edition as the admin pages
 * /admin/categories and /admin/tags see them: listed with the number of
 * published articles using each (and of all of them, for the delete hint),
 * added, changed (a changed slug leaves its old archive and feed addresses in
 * the redirects table, so they answer 301 with the new ones) and deleted (a
 * category's articles are left without a category, its subcategories move up to
 * its parent; a tag is taken off its articles).  Each write is one BEGIN
 * IMMEDIATE transaction that checks what it needs (slug free in the edition,
 * parent of the same edition and not the category itself or below it) and
 * changes nothing unless all holds.
 */
#ifndef GAZETTE_TERM_DB_H
#define GAZETTE_TERM_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

enum term_kind { TERM_CATEGORY, TERM_TAG };

/* A category or tag as listed. */
struct term_row {
	long long id;
	long long edition_id;
	long long parent_id; /* categories: 0 for a top category */
	const char *slug;
	const char *name;
	const char *description;
	/* Articles using it: published ones (the count WordPress shows in
	 * its lists of categories and tags), and those in any state. */
	long long published;
	long long articles;
};

/*
 * Lists the terms of kind of an edition by name (categories: every one;
 * tags: limit from offset).  Sets *rows (in a) and *count.  Returns 0 or
 * -1.
 */
int term_db_list(struct db *db, struct arena *a, enum term_kind kind,
                 long long edition_id, long long offset, size_t limit,
                 struct term_row **rows, size_t *count);

/* Reads one term of kind by id into *out (in a).  Returns 0, 1 when there
 * is none, or -1. */
int term_db_get(struct db *db, struct arena *a, enum term_kind kind,
                long long id, struct term_row *out);

/* A term to add (id 0) or change, its fields already checked by the
 * handler (slug valid, name and description within their limits). */
struct term_edit {
	long long id;
	long long edition_id; /* for a new term; a term keeps its edition */
	long long parent_id;  /* categories: 0 for a top category */
	const char *slug;
	const char *name;
	const char *description;
	const char *prefix; /* the edition's path prefix: "" or "/ar" */
};

enum term_result {
	TERM_OK,
	TERM_SLUG_TAKEN, /* another term of the kind in the edition has it */
	TERM_BAD_PARENT, /* not a category of the edition, or the category
	                    itself or one below it */
	TERM_GONE,       /* no term of that id (any more) */
	TERM_FAILED,     /* the database failed (logged) */
};

/*
 * Adds or changes a term in one transaction; a changed slug's old
 * addresses (PREFIX/category/OLD, its /feed.atom and /feed.rss, or the
 * tag's) are kept as redirects to the term.  Sets *id_out.  Anything but
 * TERM_OK changes nothing.
 */
enum term_result term_db_save(struct db *db, enum term_kind kind,
                              const struct term_edit *in, long long now,
                              long long *id_out);

/*
 * Deletes a term in one transaction, with the redirects that lead to it:
 * a category's subcategories move to its parent and its articles are
 * left without a category (the schema's ON DELETE SET NULL); a tag is
 * taken off its articles (ON DELETE CASCADE of article_tags).  Returns
 * TERM_OK, TERM_GONE or TERM_FAILED.
 */
enum term_result term_db_delete(struct db *db, enum term_kind kind,
                                long long id);

#endif
