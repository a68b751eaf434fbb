/*
 * feed_db.c: the queries behind the feeds (the latest published articles
 * with body, author, category, image and tags) and the sitemaps (each
 * kind of published content as addresses with their last change, read
 * in pages).  Every statement is a literal with bound parameters.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "feed_db.h"

#define FEED_COLUMNS                                                           \
	"SELECT a.id, a.slug, a.title, a.excerpt, "                            \
	"CASE WHEN ?4 THEN a.body_html ELSE '' END, a.published_at, "          \
	"a.updated_at, coalesce(u.display_name, ''), coalesce(c.slug, ''), "   \
	"coalesce(c.name, ''), coalesce(m.path, ''), coalesce(m.mime, '') "    \
	"FROM articles a LEFT JOIN users u ON u.id = a.author_id "             \
	"LEFT JOIN categories c ON c.id = a.category_id "                      \
	"LEFT JOIN media m ON m.id = a.featured_media_id "                     \
	"WHERE a.edition_id = ?1 AND a.state = 'published' "
#define FEED_ORDER "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3"

static const char sql_feed_all[] = FEED_COLUMNS "AND ?2 = ?2 " FEED_ORDER;
static const char sql_feed_category[] =
    "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION "
    "SELECT k.id FROM categories k JOIN sub ON k.parent_id = "
    "sub.id) " FEED_COLUMNS "AND a.category_id IN sub " FEED_ORDER;
static const char sql_feed_author[] =
    FEED_COLUMNS "AND a.author_id = ?2 " FEED_ORDER;
static const char sql_feed_tag[] =
    FEED_COLUMNS "AND a.id IN (SELECT article_id FROM article_tags "
                 "WHERE tag_id = ?2) " FEED_ORDER;

/*
 * Each kind of a sitemap as rows (p: the path below the edition's prefix,
 * m: its last change, o: the order) of the edition ?1.  The statements
 * below read them a page at a time (?2 rows from ?3).
 */
#define SM_ARTICLES                                                            \
	"SELECT '/articles/' || slug AS p, updated_at AS m, id AS o "          \
	"FROM articles WHERE edition_id = ?1 AND state = 'published'"
#define SM_PAGES                                                               \
	"SELECT '/' AS p, (SELECT max(updated_at) FROM articles "              \
	"WHERE edition_id = ?1 AND state = 'published') AS m, 0 AS o "         \
	"UNION ALL SELECT '/' || slug, updated_at, id FROM pages "             \
	"WHERE edition_id = ?1 AND state = 'published'"
#define SM_CATEGORIES                                                          \
	"SELECT '/category/' || c.slug AS p, max(a.updated_at) AS m, "         \
	"c.id AS o FROM categories c JOIN articles a ON a.category_id = c.id " \
	"AND a.state = 'published' WHERE c.edition_id = ?1 GROUP BY c.id"
#define SM_TAGS                                                                \
	"SELECT '/tag/' || g.slug AS p, max(a.updated_at) AS m, g.id AS o "    \
	"FROM tags g JOIN article_tags t ON t.tag_id = g.id "                  \
	"JOIN articles a ON a.id = t.article_id AND a.state = 'published' "    \
	"WHERE g.edition_id = ?1 GROUP BY g.id"
#define SM_MEDIA                                                               \
	"SELECT '/media/' || section AS p, max(updated_at) AS m, 0 AS o "      \
	"FROM media_posts WHERE edition_id = ?1 AND state = 'published' "      \
	"GROUP BY section UNION ALL "                                          \
	"SELECT '/media/' || section || '/' || slug, updated_at, id "          \
	"FROM media_posts WHERE edition_id = ?1 AND state = 'published'"
#define SM_PUB_LIST                                                            \
	"'/publications/' || CASE kind WHEN 'book' THEN 'books' "              \
	"WHEN 'newsletter' THEN 'newsletter' ELSE 'pars-brief' END"
#define SM_PUBLICATIONS                                                        \
	"SELECT " SM_PUB_LIST " AS p, max(updated_at) AS m, 0 AS o "           \
	"FROM publications WHERE edition_id = ?1 AND state = 'published' "     \
	"GROUP BY kind UNION ALL "                                             \
	"SELECT " SM_PUB_LIST " || '/' || CASE kind WHEN 'book' THEN slug "    \
	"ELSE number END, updated_at, id FROM publications "                   \
	"WHERE edition_id = ?1 AND state = 'published'"
#define SM_AUTHORS                                                             \
	"SELECT '/author/' || u.slug AS p, max(a.updated_at) AS m, u.id AS o " \
	"FROM users u JOIN articles a ON a.author_id = u.id "                  \
	"AND a.edition_id = ?1 AND a.state = 'published' GROUP BY u.id"
#define SM_PAGE(kind)                                                          \
	"SELECT p, coalesce(m, 0) AS m FROM (" kind ") "                       \
	"ORDER BY o, p LIMIT ?2 OFFSET ?3"
#define SM_STATS(kind)                                                         \
	"SELECT count(*), coalesce(max(m), 0) FROM (" SM_PAGE(kind) ")"
/* The same over all of a kind's rows (the index unsplit): no order, so no
 * sort of every article's address. */
#define SM_TOTALS(kind) "SELECT count(*), coalesce(max(m), 0) FROM (" kind ")"

const char *const sitemap_kind_names[SITEMAP__MAX] = {
    [SITEMAP_ARTICLES] = "articles",
    [SITEMAP_PAGES] = "pages",
    [SITEMAP_CATEGORIES] = "categories",
    [SITEMAP_TAGS] = "tags",
    [SITEMAP_MEDIA] = "media",
    [SITEMAP_PUBLICATIONS] = "publications",
    [SITEMAP_AUTHORS] = "authors",
};

static const char *const sql_sitemap_urls[SITEMAP__MAX] = {
    [SITEMAP_ARTICLES] = SM_PAGE(SM_ARTICLES),
    [SITEMAP_PAGES] = SM_PAGE(SM_PAGES),
    [SITEMAP_CATEGORIES] = SM_PAGE(SM_CATEGORIES),
    [SITEMAP_TAGS] = SM_PAGE(SM_TAGS),
    [SITEMAP_MEDIA] = SM_PAGE(SM_MEDIA),
    [SITEMAP_PUBLICATIONS] = SM_PAGE(SM_PUBLICATIONS),
    [SITEMAP_AUTHORS] = SM_PAGE(SM_AUTHORS),
};

static const char *const sql_sitemap_stats[SITEMAP__MAX] = {
    [SITEMAP_ARTICLES] = SM_STATS(SM_ARTICLES),
    [SITEMAP_PAGES] = SM_STATS(SM_PAGES),
    [SITEMAP_CATEGORIES] = SM_STATS(SM_CATEGORIES),
    [SITEMAP_TAGS] = SM_STATS(SM_TAGS),
    [SITEMAP_MEDIA] = SM_STATS(SM_MEDIA),
    [SITEMAP_PUBLICATIONS] = SM_STATS(SM_PUBLICATIONS),
    [SITEMAP_AUTHORS] = SM_STATS(SM_AUTHORS),
};

static const char *const sql_sitemap_totals[SITEMAP__MAX] = {
    [SITEMAP_ARTICLES] = SM_TOTALS(SM_ARTICLES),
    [SITEMAP_PAGES] = SM_TOTALS(SM_PAGES),
    [SITEMAP_CATEGORIES] = SM_TOTALS(SM_CATEGORIES),
    [SITEMAP_TAGS] = SM_TOTALS(SM_TAGS),
    [SITEMAP_MEDIA] = SM_TOTALS(SM_MEDIA),
    [SITEMAP_PUBLICATIONS] = SM_TOTALS(SM_PUBLICATIONS),
    [SITEMAP_AUTHORS] = SM_TOTALS(SM_AUTHORS),
};

/* Reads a feed's entries; see feed_db.h. */
int
feed_db_entries(struct db *db, struct arena *a, long long edition_id,
                enum listing_kind kind, long long term_id, size_t limit,
                bool with_body, struct feed_entry **out, size_t *count)
{
	const char *sql = kind == LISTING_CATEGORY ? sql_feed_category
	                  : kind == LISTING_TAG    ? sql_feed_tag
	                  : kind == LISTING_AUTHOR ? sql_feed_author
	                                           : sql_feed_all;
	sqlite3_stmt *st = db_stmt(db, sql);
	size_t n = 0, i;
	int rc = SQLITE_DONE;

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	*out = arena_calloc(a, limit ? limit : 1, sizeof(**out));
	sqlite3_bind_int64(st, 1, edition_id);
	sqlite3_bind_int64(st, 2, term_id);
	sqlite3_bind_int64(st, 3, (long long)limit);
	sqlite3_bind_int(st, 4, with_body ? 1 : 0);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct feed_entry *e = &(*out)[n++];

		e->id = sqlite3_column_int64(st, 0);
		e->slug = db_col_text(a, st, 1);
		e->title = db_col_text(a, st, 2);
		e->excerpt = db_col_text(a, st, 3);
		/* The stored body was rendered by markdown.c or sanitize.c
		 * on save. */
		e->body.html = db_col_text(a, st, 4);
		e->body.len = strlen(e->body.html);
		e->published_at = sqlite3_column_int64(st, 5);
		e->updated_at = sqlite3_column_int64(st, 6);
		e->author_name = db_col_text(a, st, 7);
		e->category_slug = db_col_text(a, st, 8);
		e->category_name = db_col_text(a, st, 9);
		e->image_path = db_col_text(a, st, 10);
		e->image_mime = db_col_text(a, st, 11);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	for (i = 0; i < n; i++)
		if (article_db_tags(db, a, (*out)[i].id, &(*out)[i].tags,
		                    &(*out)[i].tags_count) < 0)
			return -1;
	*count = n;
	return 0;
}

/* Counts a sitemap's addresses; see feed_db.h. */
int
sitemap_db_stats(struct db *db, long long edition_id, enum sitemap_kind kind,
                 long long offset, long long limit, long long *count,
                 long long *lastmod)
{
	bool all = offset == 0 && limit < 0;
	sqlite3_stmt *st = db_stmt(db, all ? sql_sitemap_totals[kind]
	                                   : sql_sitemap_stats[kind]);
	int rc;

	*count = 0;
	*lastmod = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	if (!all) {
		sqlite3_bind_int64(st, 2, limit);
		sqlite3_bind_int64(st, 3, offset);
	}
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		*lastmod = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Reads a sitemap's addresses; see feed_db.h. */
int
sitemap_db_urls(struct db *db, struct arena *a, long long edition_id,
                enum sitemap_kind kind, long long offset, long long limit,
                struct sitemap_url **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_sitemap_urls[kind]);
	size_t n = 0, cap = 64;
	int rc;

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	*out = arena_calloc(a, cap, sizeof(**out));
	sqlite3_bind_int64(st, 1, edition_id);
	sqlite3_bind_int64(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, n, &cap, sizeof(**out));
		(*out)[n].path = db_col_text(a, st, 0);
		(*out)[n].lastmod = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}
