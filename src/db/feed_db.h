/*
 * feed_db.h: what the feeds and the sitemaps read: the latest published
 * articles of an edition (all, a category's, a tag's) with what a feed
 * entry shows, and the addresses of an edition's published content by
 * kind, with their last change, in pages of a given size.
 * Functions return 0 or -1 (error, logged); results are in the caller's
 * arena.
 */
#ifndef GAZETTE_FEED_DB_H
#define GAZETTE_FEED_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../render/trusted.h"
#include "../util/arena.h"
#include "content_db.h"
#include "db.h"

/* One article as a feed shows it. */
struct feed_entry {
	long long id;
	const char *slug;
	const char *title;
	const char *excerpt;
	struct trusted_html body; /* empty unless asked for */
	long long published_at;
	long long updated_at;
	const char *author_name;   /* "" when unknown */
	const char *category_slug; /* "" when uncategorised */
	const char *category_name;
	const char *image_path; /* featured image below uploads/, or "" */
	const char *image_mime;
	struct term *tags; /* by name */
	size_t tags_count;
};

/*
 * Reads the latest published articles of an edition (newest first, at
 * most limit), restricted by kind to the category term_id (with its
 * subcategories, as the archive shows them), the tag term_id or the
 * author (account) term_id, with
 * their bodies when with_body.  Sets *out and *count.
 */
int feed_db_entries(struct db *db, struct arena *a, long long edition_id,
                    enum listing_kind kind, long long term_id, size_t limit,
                    bool with_body, struct feed_entry **out, size_t *count);

/* The kinds of content a child sitemap lists. */
enum sitemap_kind {
	SITEMAP_ARTICLES,
	SITEMAP_PAGES, /* the edition's home and its static pages */
	SITEMAP_CATEGORIES,
	SITEMAP_TAGS,
	SITEMAP_MEDIA,        /* the media sections and their posts */
	SITEMAP_PUBLICATIONS, /* the publications' lists and items */
	SITEMAP_AUTHORS,      /* authors' archives: those who published here */
	SITEMAP__MAX
};

/* Their names in sitemap addresses ("articles"), by kind. */
extern const char *const sitemap_kind_names[SITEMAP__MAX];

/* One address: a path below the edition's prefix, and its last change
 * (Unix time, 0 when unknown). */
struct sitemap_url {
	const char *path;
	long long lastmod;
};

/*
 * Counts the addresses of kind in an edition from offset on (at most
 * limit; limit -1 for all) and their newest change: *count and
 * *lastmod.  Only published content, and categories and tags that hold a
 * published article.
 */
int sitemap_db_stats(struct db *db, long long edition_id,
                     enum sitemap_kind kind, long long offset, long long limit,
                     long long *count, long long *lastmod);

/* Reads those addresses, in a fixed order (the same as the counts'). */
int sitemap_db_urls(struct db *db, struct arena *a, long long edition_id,
                    enum sitemap_kind kind, long long offset, long long limit,
                    struct sitemap_url **out, size_t *count);

#endif
