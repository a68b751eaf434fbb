/*
 * import_db.h: the writes of `gazette import-wxr` (src/import/import.c).
 * Every function here runs inside the one transaction the importer opens
 * with db_begin() and ends with db_commit() or db_rollback(): none opens
 * its own.  The import map (sql/018_import.sql) says what each WordPress
 * object became, so that a second run updates rows instead of adding
 * them.  Functions return 0 or a small positive answer as documented, or
 * -1 after logging.
 */
#ifndef GAZETTE_IMPORT_DB_H
#define GAZETTE_IMPORT_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

/* The kinds of the import map and of redirects' targets. */
#define IMPORT_USER "user"
#define IMPORT_CATEGORY "category"
#define IMPORT_TAG "tag"
#define IMPORT_ARTICLE "article"
#define IMPORT_PAGE "page"
#define IMPORT_MEDIA "media"
#define IMPORT_COMMENT "comment"
#define IMPORT_MENU_ITEM "menu_item"

/*
 * Finds the edition with code; sets *id and *prefix (in a).  0 found, 1
 * none, -1.
 */
int import_db_edition(struct db *db, struct arena *a, const char *code,
                      long long *id, const char **prefix);

/*
 * Looks up what (source, kind, key) became.  Returns 0 with *local_id set
 * when the map names a row that still exists (0 when the map row has no
 * local row, as a missing attachment), 1 when there is no map row or its
 * row was deleted since, -1.
 */
int import_db_map_find(struct db *db, const char *source, const char *kind,
                       const char *key, long long *local_id);

/* Records what (source, kind, key) became (local_id 0: none yet). */
int import_db_map_set(struct db *db, const char *source, const char *kind,
                      const char *key, long long local_id, const char *url,
                      const char *note);

/*
 * Finds the account named name (any case) or adds it disabled, with no
 * password (see 018), as an author.  Sets *id.  Returns 1 when added, 0
 * when it existed, -1.
 */
int import_db_user(struct db *db, const char *name, const char *display_name,
                   const char *email, long long now, long long *id);

/* Sets *slug (in a) to the account's address slug (/author/SLUG), ""
 * when it has none.  Returns 0 or -1. */
int import_db_user_slug(struct db *db, struct arena *a, long long id,
                        const char **slug);

/*
 * Puts a category (table "categories") or a tag ("tags") of the edition:
 * updates row id when it is not 0, else takes the edition's term with the
 * same slug, else inserts one.  Sets *out.  Returns 1 when inserted, 0
 * otherwise, -1.  A tag's description may be NULL (a tag met only in an
 * item): a new tag gets "", a known one keeps its own.
 */
int import_db_category(struct db *db, long long edition_id, long long id,
                       const char *slug, const char *name,
                       const char *description, long long *out);
int import_db_tag(struct db *db, long long edition_id, long long id,
                  const char *slug, const char *name, const char *description,
                  long long *out);
/* Sets a category's parent (0: none). */
int import_db_category_parent(struct db *db, long long id, long long parent_id);

/* An article or a page as the importer writes it. */
struct import_post {
	long long id; /* the row to update; 0 to insert */
	long long edition_id;
	const char *slug;
	const char *title;
	const char *excerpt;   /* articles only */
	const char *body_html; /* sanitised; stored as body_md too */
	const char *state;
	long long author_id;    /* 0: none (articles only) */
	long long category_id;  /* 0: none (articles only) */
	long long featured_id;  /* 0: none (articles only) */
	long long published_at; /* 0: none */
	long long created_at;
	long long now;
	bool sticky; /* articles only */
	bool comments_open;
};

/*
 * Whether slug is free for an article (or page) of the edition other
 * than self (0: any).  1 free, 0 taken, -1.
 */
int import_db_article_slug_free(struct db *db, long long edition_id,
                                const char *slug, long long self);
int import_db_page_slug_free(struct db *db, long long edition_id,
                             const char *slug, long long self);

/*
 * Writes an article (or a page) with body_format 'html'.  Sets *out.
 * Returns 1 when inserted, 0 when updated, -1.
 */
int import_db_article(struct db *db, const struct import_post *p,
                      long long *out);
int import_db_page(struct db *db, const struct import_post *p, long long *out);
/* Replaces an article's tags with tags[0..n). */
int import_db_article_tags(struct db *db, long long article_id,
                           const long long *tags, size_t n);

/* A comment as the importer writes it. */
struct import_comment {
	long long id;         /* the row to update; 0 to insert */
	long long article_id; /* what it is under: one of the two, */
	long long page_id;    /* the other 0 */
	const char *author;
	const char *email;
	const char *url;
	const char *body; /* plain text */
	const char *state;
	long long created_at;
	long long now;
};

/* Writes a comment (its parent is set apart).  Sets *out.  1 inserted,
 * 0 updated, -1. */
int import_db_comment(struct db *db, const struct import_comment *c,
                      long long *out);
/* Sets a comment's parent (0: none). */
int import_db_comment_parent(struct db *db, long long id, long long parent);

/* Updates an imported media item's title, alt text and caption. */
int import_db_media_update(struct db *db, long long id, const char *title,
                           const char *alt, const char *caption);
/* The path (below the uploads folder) of media item id; 0, 1 none, -1. */
int import_db_media_path(struct db *db, struct arena *a, long long id,
                         const char **path);

/*
 * Adds or replaces the redirect of path (percent-decoded, no trailing
 * slash) to a row of kind (IMPORT_ARTICLE, IMPORT_PAGE, IMPORT_CATEGORY,
 * IMPORT_TAG, IMPORT_MEDIA) or, with kind "url", to url.
 */
int import_db_redirect(struct db *db, const char *path, const char *kind,
                       long long target_id, const char *url, long long now);

/* The id of the edition's main menu, made when missing.  0 or -1. */
int import_db_menu(struct db *db, long long edition_id, long long *menu_id);
/*
 * Writes a menu item (updates id when it is an item of menu_id, else
 * inserts).  Sets *out.  1 inserted, 0 updated, -1.
 */
int import_db_menu_item(struct db *db, long long id, long long menu_id,
                        long long parent_id, const char *label, const char *url,
                        long long position, long long *out);

/*
 * The label and public path (without the edition prefix) of a row of
 * kind IMPORT_ARTICLE, IMPORT_PAGE, IMPORT_CATEGORY or IMPORT_TAG, in a.
 * 0 found (*published says whether readers see it), 1 none, -1.
 */
int import_db_target(struct db *db, struct arena *a, const char *kind,
                     long long id, const char **label, const char **path,
                     bool *published);

#endif
