/*
 * page_admin_db.h: static pages (About, Contact, …) as the admin area reads
 * and writes them: the list, one page's editable fields, and the save that
 * keeps a revision, refuses a stale version and remembers old slugs (the
 * steps it shares with articles are in edit_db.h).  The public page itself
 * is read by page_db_get (content_db.h).
 */
#ifndef GAZETTE_PAGE_ADMIN_DB_H
#define GAZETTE_PAGE_ADMIN_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"
#include "edit_db.h"

struct page_row {
	long long id;
	const char *title;
	const char *slug;
	const char *state; /* "draft", "published" or "trash" */
	const char *edition_code;
	const char *edition_prefix; /* "" for the default edition */
	const char *editor_name;    /* who saved last; "" when unknown */
	long long updated_at;
};

/*
 * Lists pages of edition_id (0: every edition), newest change first, at
 * most limit: those in state, or all but the trash when state is NULL.
 * Sets *rows (in a) and *count.  Returns 0 or -1.
 */
int page_admin_list(struct db *db, struct arena *a, const char *state,
                    long long edition_id, size_t limit, struct page_row **rows,
                    size_t *count);

/* A page's editable fields. */
struct page_edit {
	long long id; /* 0 for a new page */
	long long edition_id;
	const char *title;
	const char *slug;
	const char *body_md;
	const char *state;
	long long version;  /* the version the edit started from */
	bool body_html;     /* body_md is imported HTML (018_import.sql) */
	bool comments_open; /* readers may comment (comments.c) */
	/* Its translations (translation_db.h): -1 keeps the link as it is
	 * (page_admin_get sets it), 0 takes the page out of its group, else
	 * a page of another edition whose group it joins. */
	long long translation_of;
};

/* Reads a page for editing.  0 found, 1 none, -1. */
int page_admin_get(struct db *db, struct arena *a, long long id,
                   struct page_edit *out);

/*
 * Saves a page (creates it when in->id is 0) as user_id at now: the
 * Markdown is rendered first, then one BEGIN IMMEDIATE transaction checks
 * the version and the slug, writes the page, keeps a revision and
 * remembers the old slug, and links its translations.  Sets *id_out.
 * Returns SAVE_OK, SAVE_CONFLICT, SAVE_SLUG_TAKEN, SAVE_BAD_BODY,
 * SAVE_BAD_TRANSLATION, SAVE_TRANSLATION_TAKEN or SAVE_FAILED; anything
 * but SAVE_OK changes nothing.
 */
enum save_result page_admin_save(struct db *db, const struct page_edit *in,
                                 long long user_id, long long now,
                                 long long *id_out);

/*
 * Finds the current slug of the published page of the edition that used
 * old_slug.  0 found (*slug set, in a), 1 none, -1.
 */
int page_db_old_slug(struct db *db, struct arena *a, long long edition_id,
                     const char *old_slug, const char **slug);

#endif
