/*
 * edit_db.h: what saving an article, a page, a media post and a
 * publication share.  Handlers see
 * the answer of a save (enum save_result).  The files of src/db/ that save
 * (article_admin_db.c, page_admin_db.c, section_db.c, publication_db.c)
 * share the steps: the Markdown
 * rendered before the write lock, one BEGIN IMMEDIATE transaction, the
 * version check that refuses a stale save, the check that no other row of
 * the edition has the slug, and the old slugs that keep a changed address
 * working.  Each table names its own statements in a struct edit_sql.
 */
#ifndef GAZETTE_EDIT_DB_H
#define GAZETTE_EDIT_DB_H

#include <stdbool.h>

#include "../render/trusted.h"
#include "../util/arena.h"
#include "db.h"

enum save_result {
	SAVE_OK,
	SAVE_CONFLICT, /* another save came first: the version is stale */
	SAVE_SLUG_TAKEN,
	SAVE_BAD_CATEGORY,
	SAVE_BAD_IMAGE,
	SAVE_BAD_BODY,  /* too long for Markdown, or not UTF-8 */
	SAVE_FAILED,    /* the database failed (logged) */
	SAVE_BAD_MEDIA, /* a chosen library item is gone or of a wrong type */
	SAVE_NUMBER_TAKEN,    /* another issue of the edition has the number */
	SAVE_BAD_ARTICLE,     /* a named article is not one of the edition's */
	SAVE_BAD_TRANSLATION, /* the named translation is not of another
	                         edition, or is gone */
	SAVE_TRANSLATION_TAKEN, /* its group has an item of this edition */
};

/* A table's statements for the shared steps (SQL literals; parameters as
 * the comments say). */
struct edit_sql {
	const char *version;       /* ?1 id: version, slug, edition_id */
	const char *slug_owner;    /* ?1 edition, ?2 slug, ?3 id: another id */
	const char *old_slug_add;  /* ?1 edition, ?2 old slug, ?3 id */
	const char *old_slug_drop; /* ?1 edition, ?2 slug */
	const char *old_slug_find; /* ?1 edition, ?2 old slug: the slug now */
};

/* What a row was before the save; slug is NULL for a new row. */
struct edit_prior {
	char *slug; /* xstrdup'd: the caller frees it */
	long long edition_id;
};

/*
 * The work of one save inside its transaction, given the rendered body.
 * Returns SAVE_OK to commit, anything else to roll back.
 */
typedef enum save_result (*edit_locked_fn)(struct db *db, void *ctx,
                                           const struct trusted_html *html);

/*
 * Renders body_md (before taking the write lock: cmark is the slow part),
 * then runs locked(db, ctx, html) in one BEGIN IMMEDIATE transaction,
 * committed only when it returns SAVE_OK.  Returns what locked returned,
 * or SAVE_BAD_BODY, or SAVE_FAILED.
 */
enum save_result edit_db_save(struct db *db, const char *body_md,
                              edit_locked_fn locked, void *ctx);
/*
 * Runs sql, a one-column query with ?1 the row's id, and returns 1 when
 * its value is true, 0 when false or there is no row, -1 on error.
 */
int edit_db_flag(struct db *db, const char *sql, long long id);
/*
 * Runs a save as edit_db_save does, for a body that is Markdown or, when
 * html_source (an imported WordPress body, body_format 'html'), HTML,
 * which goes through the allowlist sanitiser (render/sanitize.h) instead
 * of cmark.
 */
enum save_result edit_db_save_source(struct db *db, const char *body,
                                     bool html_source, edit_locked_fn locked,
                                     void *ctx);

struct sqlite3_stmt;

/*
 * The steps of saving an item that keeps no old slugs (a media post, a
 * publication), for edit_db_save_item: the table's statements and the
 * item's own checks and writes.  Each function gets the item (its
 * struct media_post_edit …) as in.
 */
struct edit_item_steps {
	const struct edit_sql *sql; /* version and slug_owner */
	const char *insert;         /* writes a new item */
	const char *update;         /* writes an item over its row */
	/* The item's own checks, after the version and the slug's: SAVE_OK
	 * or what refuses the save. */
	enum save_result (*check)(struct db *db, const void *in);
	/* Binds the item's fields, its rendered body, the user and the time
	 * to insert, or to update (with the item's id). */
	void (*bind)(struct sqlite3_stmt *st, const void *in,
	             const struct trusted_html *html, long long user_id,
	             long long now);
	/* After the item is written as id: the rows saved with it (an
	 * album, a table of contents).  SAVE_OK or what refuses the save. */
	enum save_result (*after)(struct db *db, long long id, const void *in);
};

/* The item a save writes (in) and what every save checks of it. */
struct edit_item {
	long long id; /* 0 for a new item */
	long long version;
	long long edition_id;
	const char *slug;
	const char *body_md;
	const void *in;
};

/*
 * Saves item (creates it when item->id is 0) as user_id at now, as
 * edit_db_save does: its Markdown rendered first, then in one BEGIN
 * IMMEDIATE transaction its version and slug checked (edit_db_check),
 * s->check, the item written with s->insert or s->update bound by
 * s->bind, and s->after.  Sets *id_out (0 unless saved).  Returns SAVE_OK,
 * SAVE_CONFLICT, SAVE_SLUG_TAKEN, what a step of s refused with,
 * SAVE_BAD_BODY or SAVE_FAILED; anything but SAVE_OK changes nothing.
 */
enum save_result edit_db_save_item(struct db *db,
                                   const struct edit_item_steps *s,
                                   const struct edit_item *item,
                                   long long user_id, long long now,
                                   long long *id_out);

/*
 * Inside the save's transaction: checks that row id (0 for a new one) is
 * still at version and that no other row of edition_id has slug, and
 * fills *prior.  Returns SAVE_OK, SAVE_CONFLICT, SAVE_SLUG_TAKEN or
 * SAVE_FAILED; on anything but SAVE_OK *prior owns nothing.
 */
enum save_result edit_db_check(struct db *db, const struct edit_sql *q,
                               long long id, long long version,
                               long long edition_id, const char *slug,
                               struct edit_prior *prior);

/*
 * After the row is written: slug is no longer an old slug of the edition,
 * and the row's previous slug (when the save changed it) now leads to id.
 * Returns 0 or -1.
 */
int edit_db_old_slugs(struct db *db, const struct edit_sql *q, long long id,
                      long long edition_id, const char *slug,
                      const struct edit_prior *prior);

/*
 * Finds the current slug of the row that used old_slug in the edition
 * (q->old_slug_find decides which rows count).  Returns 0 (*slug set, in
 * a), 1 when there is none, or -1.
 */
int edit_db_old_slug_find(struct db *db, const struct edit_sql *q,
                          struct arena *a, long long edition_id,
                          const char *old_slug, const char **slug);

/*
 * Inside a save's transaction: returns SAVE_OK when id is 0 (nothing
 * chosen) or names a library item whose type matches mime_glob (a GLOB
 * pattern on the type: every image type, every video type,
 * "application/pdf"), SAVE_BAD_MEDIA when it does not, or SAVE_FAILED.
 */
enum save_result edit_db_media_ok(struct db *db, long long id,
                                  const char *mime_glob);

/* The tables of items with a trash (state 'trash', trashed_at). */
enum edit_table {
	EDIT_ARTICLES,
	EDIT_PAGES,
	EDIT_MEDIA_POSTS,
	EDIT_PUBLICATIONS,
	EDIT_TABLES__MAX
};

/*
 * Deletes the items of table that have been in the trash for max_age_s
 * (with what the schema deletes with them: a page's revisions …).
 * Returns the number deleted, or -1.
 */
int edit_db_purge_trash(struct db *db, enum edit_table table, long long now,
                        long long max_age_s);

/* A library item as an editor's <select> offers it. */
struct media_option {
	long long id;
	const char *path; /* below the uploads folder */
	const char *alt;
};

/*
 * Lists library items whose type matches mime_glob for an editor's
 * <select>: the newest, at most limit, then those of the ids in selected
 * (count n_selected, 0 entries ignored) that match but were not among
 * them, so that what an item already has is always offered.  Sets *out
 * (in a) and *count.  Returns 0 or -1.
 */
int edit_db_media_options(struct db *db, struct arena *a, const char *mime_glob,
                          const long long *selected, size_t n_selected,
                          size_t limit, struct media_option **out,
                          size_t *count);

#endif
