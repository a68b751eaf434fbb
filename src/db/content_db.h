/*
 * content_db.h: articles, pages, categories and tags as the public site
 * reads them, plus the few writes that the command line, the starter
 * content and the timer make.  Results are copied into the caller's arena.
 * Functions return 0 (found), 1 (not found) or -1 (error, logged).
 */
#ifndef GAZETTE_CONTENT_DB_H
#define GAZETTE_CONTENT_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../media/media.h"
#include "../render/trusted.h"
#include "../util/arena.h"
#include "db.h"

struct term {
	long long id;
	const char *slug;
	const char *name;
	const char *description;
};

/* A media item as a page shows it. */
struct media_ref {
	long long id;     /* 0 for none */
	const char *path; /* below the uploads folder */
	const char *mime;
	long long width;
	long long height;
	const char *alt;
	const char *caption;
	const struct media_file *sizes; /* for srcset; widths ascending */
	size_t sizes_count;
};

struct article_summary {
	long long id;
	const char *slug;
	const char *title;
	const char *excerpt;
	long long published_at;
	const char *category_slug; /* "" when uncategorised */
	const char *category_name;
	long long comment_count;
	struct media_ref image;  /* featured image; path "" when none */
	const char *author_name; /* the display name; "" when none */
	const char *author_slug; /* of /author/SLUG; "" when none */
};

/* What an article's own page adds to its summary. */
struct article {
	long long id;
	const char *title;
	const char *author_name; /* "" when unknown */
	const char *author_slug; /* "" when unknown */
	struct trusted_html body;
	struct term *tags;
	size_t tags_count;
	long long updated_at;
	long long prev_id; /* the older neighbour, or 0 */
	long long next_id; /* the newer neighbour, or 0 */
	long long published_at;
	bool comments_open; /* the editor's switch (comments.c) */
};

struct page {
	long long id;
	const char *slug;
	const char *title;
	struct trusted_html body;
	long long updated_at;
	bool comments_open; /* the editor's switch (comments.c) */
};

enum listing_kind {
	LISTING_ALL,
	LISTING_CATEGORY, /* the category and its descendants */
	LISTING_TAG,
	LISTING_AUTHOR, /* term_id: the author's account */
};

/*
 * Lists the ids of published articles of an edition, newest first: up to
 * limit from offset, restricted by kind to category or tag id term_id.
 * Sets *ids (in a) and *count.  Returns 0 or -1.
 */
int article_db_list(struct db *db, struct arena *a, long long edition_id,
                    enum listing_kind kind, long long term_id, long long offset,
                    size_t limit, long long **ids, size_t *count);

/*
 * Lists the ids of published articles of an edition published in
 * [from, to) (Unix times), newest first, as article_db_list.
 */
int article_db_list_period(struct db *db, struct arena *a, long long edition_id,
                           long long from, long long to, long long offset,
                           size_t limit, long long **ids, size_t *count);

/*
 * Reads the author whose slug (users.slug) this is into out (id, slug,
 * name: the display name only, description ""), when they have a
 * published article in the edition; 1 when not.
 */
int author_db_get(struct db *db, struct arena *a, long long edition_id,
                  const char *slug, struct term *out);

/* Reads the summary of the published article with this id, with the
 * sizes of its featured image. */
int article_db_summary(struct db *db, struct arena *a, long long id,
                       struct article_summary *out);

/* Reads the published article with this slug: body, author, tags and the
 * ids of its neighbours (its summary comes from article_db_summary). */
int article_db_get(struct db *db, struct arena *a, long long edition_id,
                   const char *slug, struct article *out);

/* Reads an article's tags, sorted by name: *tags (in a) and *count. */
int article_db_tags(struct db *db, struct arena *a, long long article_id,
                    struct term **tags, size_t *count);

/* Reads a published page. */
int page_db_get(struct db *db, struct arena *a, long long edition_id,
                const char *slug, struct page *out);

/* Reads a category or tag by slug. */
int category_db_get(struct db *db, struct arena *a, long long edition_id,
                    const char *slug, struct term *out);
int tag_db_get(struct db *db, struct arena *a, long long edition_id,
               const char *slug, struct term *out);

/*
 * Returns the time of the newest change to published content of the
 * edition (articles, pages, media posts, publications: for Last-Modified)
 * in *changed_at and the year of the oldest published article in
 * *first_year (0 when none).  Returns 0 or -1.
 */
int content_db_stats(struct db *db, long long edition_id, long long *changed_at,
                     int *first_year);

/*
 * Publishes every scheduled article, media post and publication whose time
 * has come (published_at <= now), in one write transaction that is only
 * begun when a read finds something due.  Returns the number published,
 * or -1.
 */
int content_db_publish_due(struct db *db, long long now);

enum article_state {
	STATE_DRAFT,
	STATE_PENDING,
	STATE_SCHEDULED,
	STATE_PUBLISHED,
	STATE_PRIVATE,
	STATE_TRASH,
	ARTICLE_STATES
};

/* Counts the articles of every edition in each state.  0 or -1. */
int content_db_state_counts(struct db *db, long long counts[ARTICLE_STATES]);

/* What a caller supplies to create an article (Markdown source). */
struct article_input {
	long long edition_id;
	const char *slug;
	const char *title;
	const char *excerpt;
	const char *body_md;
	const char *state;
	const char *category_slug; /* may be NULL */
	const char *const *tag_slugs;
	size_t tags_count;
	long long published_at; /* 0 for none */
	long long author_id;    /* 0 for none */
};

/*
 * Inserts an article inside the caller's transaction, rendering its
 * Markdown; the category and tags must exist in the edition.  Returns the
 * new id (> 0), or -1 (bad reference, duplicate slug, body too large).
 */
long long article_db_insert(struct db *db, const struct article_input *in);

/*
 * Loads the starter content (the SQL files of demo/, compiled in) when the
 * database has no articles and no pages, in one transaction, rendering
 * every body, caption and description with Markdown.  Returns 1 when it
 * loaded, 0 when content existed, -1.
 */
int content_db_load_starter(struct db *db);

#endif
