/*
 * article_admin_db.h: articles as the admin area reads and writes them:
 * the filtered list, one article's editable fields, and the save that
 * keeps a revision, refuses a stale version and remembers old slugs.
 */
#ifndef GAZETTE_ARTICLE_ADMIN_DB_H
#define GAZETTE_ARTICLE_ADMIN_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "content_db.h"
#include "db.h"
#include "edit_db.h"

struct article_row {
	long long id;
	const char *title;
	const char *state;
	const char *edition_code;
	const char *category_name; /* "" when none */
	const char *author_name;   /* "" when none */
	const char *editor_name;   /* who saved last; "" when unknown */
	long long updated_at;
	long long published_at; /* 0 when none */
};

struct article_filter {
	const char *state;     /* NULL: any but trash */
	long long category_id; /* 0: any */
	long long author_id;   /* 0: any (authors see only their own) */
	long long edition_id;  /* 0: any */
	const char *q;         /* NULL or words in the title */
	long long offset;
	size_t limit;
};

/* Lists articles for the admin, newest change first.  0 or -1. */
int article_admin_list(struct db *db, struct arena *a,
                       const struct article_filter *f,
                       struct article_row **rows, size_t *count);

/* An article's editable fields. */
struct article_edit {
	long long id; /* 0 for a new article */
	long long edition_id;
	const char *title;
	const char *slug;
	const char *excerpt;
	const char *body_md;
	const char *state;
	long long category_id; /* 0 for none */
	const char *tags;      /* names, comma-separated */
	const char *featured;  /* an uploads path, "" for none */
	long long published_at;
	long long author_id;
	long long version;  /* the version the edit started from */
	bool comments_open; /* readers may comment (comments.c) */
	bool sticky; /* first on the edition's home page (content_db.c) */
	bool body_html;     /* body_md is imported HTML (018_import.sql) */
	/* Its translations (translation_db.h): -1 keeps the link as it is
	 * (article_admin_get sets it), 0 takes the article out of its
	 * group, else an article of another edition whose group it joins. */
	long long translation_of;
};

/* Reads an article for editing.  0 found, 1 none, -1. */
int article_admin_get(struct db *db, struct arena *a, long long id,
                      struct article_edit *out);

/*
 * Saves an article (creates it when in->id is 0) as user_id at now: the
 * Markdown is rendered first, then one BEGIN IMMEDIATE transaction checks
 * the version, the slug, the category and the image, writes the article
 * with its tags (new names become tags), keeps a revision and remembers
 * the old slug.  Sets *id_out.  Anything but SAVE_OK changes nothing.
 */
enum save_result article_admin_save(struct db *db,
                                    const struct article_edit *in,
                                    long long user_id, long long now,
                                    long long *id_out);

/* Lists every category (all editions) for choosing.  0 or -1. */
int category_admin_list(struct db *db, struct arena *a, struct term **out,
                        long long **edition_ids, size_t *count);

/*
 * Finds the current slug of the article that used old_slug in the
 * edition.  0 found (*slug set), 1 none, -1.
 */
int article_db_old_slug(struct db *db, struct arena *a, long long edition_id,
                        const char *old_slug, const char **slug);

#endif
