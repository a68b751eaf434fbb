/*
 * content_db.c: the queries behind the public pages (listings, articles,
 * pages, categories, tags), article creation with its Markdown rendering,
 * scheduled publishing (of articles, media posts and publications), the
 * site's last change and the starter content.  Every statement is a
 * literal with bound parameters, cached per connection by db_stmt().
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../embedded.h"
#include "../util/log.h"
#include "content_db.h"
#include "db_internal.h"
#include "media_db.h"

#define SUMMARY_COLUMNS                                                        \
	"a.id, a.slug, a.title, a.excerpt, a.published_at, "                   \
	"coalesce(c.slug, ''), coalesce(c.name, ''), a.comment_count, "        \
	"coalesce(m.path, ''), coalesce(m.width, 0), coalesce(m.height, 0), "  \
	"coalesce(m.alt, ''), coalesce(m.caption, ''), coalesce(m.id, 0), "    \
	"coalesce(m.mime, ''), coalesce(u.display_name, ''), "                 \
	"coalesce(u.slug, '') "
#define SUMMARY_JOINS                                                          \
	"FROM articles a LEFT JOIN categories c ON c.id = a.category_id "      \
	"LEFT JOIN media m ON m.id = a.featured_media_id "                     \
	"LEFT JOIN users u ON u.id = a.author_id "

/* Listings read ids only (from the indexes alone, for the home page);
 * summaries come by id, mostly from the worker's cache (handlers/frame.c). */
/* The home page: the sticky articles first, then the others, each newest
 * first (two statements, so that both read the index in its order). */
static const char sql_list_sticky[] =
    "SELECT a.id FROM articles a "
    "WHERE a.edition_id = ?1 AND a.state = 'published' AND a.sticky = 1 "
    "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4";
static const char sql_list_all[] =
    "SELECT a.id FROM articles a "
    "WHERE a.edition_id = ?1 AND a.state = 'published' AND a.sticky = 0 "
    "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4";
static const char sql_count_sticky[] =
    "SELECT count(*) FROM articles WHERE edition_id = ?1 AND "
    "state = 'published' AND sticky = 1";
static const char sql_list_category[] =
    "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION "
    "SELECT k.id FROM categories k JOIN sub ON k.parent_id = sub.id) "
    "SELECT a.id FROM articles a "
    "WHERE a.edition_id = ?1 AND a.state = 'published' "
    "AND a.category_id IN sub "
    "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4";
static const char sql_list_tag[] =
    "SELECT a.id FROM articles a "
    "JOIN article_tags t ON t.article_id = a.id AND t.tag_id = ?2 "
    "WHERE a.edition_id = ?1 AND a.state = 'published' "
    "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4";
/* An author's articles, from the index on (author, edition, state, time). */
static const char sql_list_author[] =
    "SELECT a.id FROM articles a "
    "WHERE a.author_id = ?2 AND a.edition_id = ?1 AND a.state = 'published' "
    "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4";
/* A period's articles: a range of the listing index. */
static const char sql_list_period[] =
    "SELECT a.id FROM articles a "
    "WHERE a.edition_id = ?1 AND a.state = 'published' "
    "AND a.published_at >= ?2 AND a.published_at < ?5 "
    "ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4";
/* An author as the public site names them: only one who has a published
 * article in the edition (a staff member who has none has no archive,
 * so the site lists no accounts that write nothing). */
static const char sql_author[] =
    "SELECT u.id, u.slug, u.display_name, '' FROM users u "
    "WHERE u.slug = ?2 AND EXISTS (SELECT 1 FROM articles a "
    "WHERE a.author_id = u.id AND a.edition_id = ?1 "
    "AND a.state = 'published')";
static const char sql_summary[] = "SELECT " SUMMARY_COLUMNS SUMMARY_JOINS
                                  "WHERE a.id = ?1 AND a.state = 'published'";
/* What only an article's own page shows: its body, author and the ids of
 * its older and newer neighbours (from the listing index alone), and what
 * its comments need (its publication time, the comments switch).  The
 * rest is its summary (sql_summary), which listings share. */
static const char sql_article[] =
    "SELECT a.id, a.title, a.body_html, a.updated_at, "
    "coalesce(u.display_name, ''), coalesce(u.slug, ''), "
    "(SELECT o.id FROM articles o WHERE o.edition_id = a.edition_id "
    "AND o.state = 'published' AND (o.published_at, o.id) < "
    "(a.published_at, a.id) ORDER BY o.published_at DESC, o.id DESC "
    "LIMIT 1), "
    "(SELECT n.id FROM articles n WHERE n.edition_id = a.edition_id "
    "AND n.state = 'published' AND (n.published_at, n.id) > "
    "(a.published_at, a.id) ORDER BY n.published_at ASC, n.id ASC "
    "LIMIT 1), a.published_at, a.comments_open "
    "FROM articles a LEFT JOIN users u ON u.id = a.author_id "
    "WHERE a.edition_id = ?1 AND a.slug = ?2 AND a.state = 'published'";
static const char sql_article_tags[] =
    "SELECT g.id, g.slug, g.name FROM article_tags t "
    "JOIN tags g ON g.id = t.tag_id WHERE t.article_id = ?";
static const char sql_page[] =
    "SELECT id, slug, title, body_html, updated_at, comments_open FROM pages "
    "WHERE edition_id = ? AND slug = ? AND state = 'published'";
static const char sql_category[] =
    "SELECT id, slug, name, description FROM categories "
    "WHERE edition_id = ? AND slug = ?";
static const char sql_tag[] = "SELECT id, slug, name, description FROM tags "
                              "WHERE edition_id = ? AND slug = ?";
static const char sql_stats[] =
    "SELECT max(coalesce((SELECT max(published_at) FROM articles "
    "WHERE edition_id = ?1 AND state = 'published'), 0), "
    "coalesce((SELECT max(updated_at) FROM articles "
    "WHERE edition_id = ?1 AND state = 'published'), 0), "
    "coalesce((SELECT max(updated_at) FROM pages "
    "WHERE edition_id = ?1 AND state = 'published'), 0), "
    "coalesce((SELECT max(updated_at) FROM media_posts "
    "WHERE edition_id = ?1 AND state = 'published'), 0), "
    "coalesce((SELECT max(updated_at) FROM publications "
    "WHERE edition_id = ?1 AND state = 'published'), 0)), "
    "(SELECT min(published_at) FROM articles "
    "WHERE edition_id = ?1 AND state = 'published')";
/* What is scheduled and due, found through the partial indexes on
 * scheduled items: the timer asks every second, and writes only when
 * something is due. */
static const char sql_due[] =
    "SELECT EXISTS (SELECT 1 FROM articles WHERE state = 'scheduled' "
    "AND published_at <= ?1) OR EXISTS (SELECT 1 FROM media_posts "
    "WHERE state = 'scheduled' AND published_at <= ?1) OR EXISTS "
    "(SELECT 1 FROM publications WHERE state = 'scheduled' "
    "AND published_at <= ?1)";
static const char sql_publish_due[] =
    "UPDATE articles SET state = 'published', updated_at = ?1 "
    "WHERE state = 'scheduled' AND published_at <= ?1";
static const char sql_publish_due_posts[] =
    "UPDATE media_posts SET state = 'published', updated_at = ?1 "
    "WHERE state = 'scheduled' AND published_at <= ?1";
static const char sql_publish_due_publications[] =
    "UPDATE publications SET state = 'published', updated_at = ?1 "
    "WHERE state = 'scheduled' AND published_at <= ?1";
static const char sql_category_id[] =
    "SELECT id FROM categories WHERE edition_id = ? AND slug = ?";
static const char sql_tag_id[] =
    "SELECT id FROM tags WHERE edition_id = ? AND slug = ?";
static const char sql_insert[] =
    "INSERT INTO articles (edition_id, slug, title, excerpt, body_md, "
    "body_html, state, author_id, category_id, published_at, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_insert_tag[] =
    "INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)";
static const char sql_has_content[] =
    "SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM pages)";
static const char sql_unrendered_articles[] =
    "SELECT id, body_md FROM articles WHERE body_html = '' AND body_md != ''";
static const char sql_render_article[] =
    "UPDATE articles SET body_html = ? WHERE id = ?";
static const char sql_unrendered_pages[] =
    "SELECT id, body_md FROM pages WHERE body_html = '' AND body_md != ''";
static const char sql_render_page[] =
    "UPDATE pages SET body_html = ? WHERE id = ?";
static const char sql_unrendered_posts[] =
    "SELECT id, caption_md FROM media_posts WHERE caption_html = '' "
    "AND caption_md != ''";
static const char sql_render_post[] =
    "UPDATE media_posts SET caption_html = ? WHERE id = ?";
static const char sql_unrendered_publications[] =
    "SELECT id, description_md FROM publications WHERE "
    "description_html = '' AND description_md != ''";
static const char sql_render_publication[] =
    "UPDATE publications SET description_html = ? WHERE id = ?";

/* Fills a summary from the SUMMARY_COLUMNS of the current row. */
static void
read_summary(struct arena *a, sqlite3_stmt *st, struct article_summary *s)
{
	s->id = sqlite3_column_int64(st, 0);
	s->slug = db_col_text(a, st, 1);
	s->title = db_col_text(a, st, 2);
	s->excerpt = db_col_text(a, st, 3);
	s->published_at = sqlite3_column_int64(st, 4);
	s->category_slug = db_col_text(a, st, 5);
	s->category_name = db_col_text(a, st, 6);
	s->comment_count = sqlite3_column_int64(st, 7);
	s->image.path = db_col_text(a, st, 8);
	s->image.width = sqlite3_column_int64(st, 9);
	s->image.height = sqlite3_column_int64(st, 10);
	s->image.alt = db_col_text(a, st, 11);
	s->image.caption = db_col_text(a, st, 12);
	s->image.id = sqlite3_column_int64(st, 13);
	s->image.mime = db_col_text(a, st, 14);
	s->author_name = db_col_text(a, st, 15);
	s->author_slug = db_col_text(a, st, 16);
}

/*
 * Prepares sql, binds (edition_id, slug) to its two parameters and steps
 * once.  Returns SQLITE_ROW (with *st on the row), SQLITE_DONE, or -1.
 * The caller resets *st when it is not NULL.
 */
static int
step_by_slug(struct db *db, const char *sql, long long edition_id,
             const char *slug, sqlite3_stmt **st)
{
	if ((*st = db_stmt(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(*st, 1, edition_id);
	db_bind_text(*st, 2, slug, -1);
	return db_step(db, *st);
}

/*
 * Steps st (its parameters bound, ?3 the limit) into up to limit ids in
 * *ids (in a), *count; resets st.  Returns 0 or -1.
 */
static int
list_ids(struct db *db, struct arena *a, sqlite3_stmt *st, size_t limit,
         long long **ids, size_t *count)
{
	size_t n = 0;
	int rc = SQLITE_DONE;

	*ids = arena_calloc(a, limit ? limit : 1, sizeof(**ids));
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW)
		(*ids)[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (n < limit && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}

/* Runs one listing statement sql (?1 edition_id, ?2 term_id when not 0,
 * ?3 limit, ?4 offset) into *ids and *count.  Returns 0 or -1. */
static int
list_page(struct db *db, struct arena *a, const char *sql, long long edition_id,
          long long term_id, long long offset, size_t limit, long long **ids,
          size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	*ids = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	if (term_id != 0)
		sqlite3_bind_int64(st, 2, term_id);
	sqlite3_bind_int64(st, 3, (long long)limit);
	sqlite3_bind_int64(st, 4, offset);
	return list_ids(db, a, st, limit, ids, count);
}

/*
 * The home page's ids: the sticky articles first (WordPress's "stick to
 * the front page"), then the others, as one list that pages go through,
 * so that no article shows twice.
 */
static int
list_home(struct db *db, struct arena *a, long long edition_id,
          long long offset, size_t limit, long long **ids, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_count_sticky);
	long long sticky, *rest;
	size_t n_rest;
	int error = 0;

	if (st != NULL)
		sqlite3_bind_int64(st, 1, edition_id);
	sticky = db_one_int(db, st, &error);
	if (error)
		return -1;
	if (offset >= sticky)
		return list_page(db, a, sql_list_all, edition_id, 0,
		                 offset - sticky, limit, ids, count);
	if (list_page(db, a, sql_list_sticky, edition_id, 0, offset, limit, ids,
	              count) < 0)
		return -1;
	if (*count == limit)
		return 0;
	if (list_page(db, a, sql_list_all, edition_id, 0, 0, limit - *count,
	              &rest, &n_rest) < 0)
		return -1;
	/* list_ids made room for limit ids. */
	memcpy(*ids + *count, rest, n_rest * sizeof(**ids));
	*count += n_rest;
	return 0;
}

/* Lists article ids; see content_db.h. */
int
article_db_list(struct db *db, struct arena *a, long long edition_id,
                enum listing_kind kind, long long term_id, long long offset,
                size_t limit, long long **ids, size_t *count)
{
	const char *sql = kind == LISTING_CATEGORY ? sql_list_category
	                  : kind == LISTING_TAG    ? sql_list_tag
	                                           : sql_list_author;

	if (kind == LISTING_ALL)
		return list_home(db, a, edition_id, offset, limit, ids, count);
	return list_page(db, a, sql, edition_id, term_id, offset, limit, ids,
	                 count);
}

/* Lists a period's article ids; see content_db.h. */
int
article_db_list_period(struct db *db, struct arena *a, long long edition_id,
                       long long from, long long to, long long offset,
                       size_t limit, long long **ids, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list_period);

	*ids = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, (long long)limit);
	sqlite3_bind_int64(st, 4, offset);
	sqlite3_bind_int64(st, 5, to);
	return list_ids(db, a, st, limit, ids, count);
}

/* Reads a published article's summary by id; see content_db.h. */
int
article_db_summary(struct db *db, struct arena *a, long long id,
                   struct article_summary *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_summary);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		read_summary(a, st, out);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : -1;
	/* Summaries are kept per worker (handlers/frame.c): this second
	 * query runs once per article and reload, not per request. */
	if (out->image.id > 0) {
		struct media_file *sizes;

		if (media_db_sizes(db, a, out->image.id, &sizes,
		                   &out->image.sizes_count) < 0)
			return -1;
		out->image.sizes = sizes;
	}
	return 0;
}

static int
term_by_name(const void *a, const void *b)
{
	return strcmp(((const struct term *)a)->name,
	              ((const struct term *)b)->name);
}

/* Reads an article; see content_db.h. */
int
article_db_get(struct db *db, struct arena *a, long long edition_id,
               const char *slug, struct article *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = step_by_slug(db, sql_article, edition_id, slug, &st);
	if (rc != SQLITE_ROW) {
		if (st != NULL)
			sqlite3_reset(st);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	out->id = sqlite3_column_int64(st, 0);
	out->title = db_col_text(a, st, 1);
	/* The stored body was rendered by markdown.c or sanitize.c on save. */
	out->body.html = db_col_text(a, st, 2);
	out->body.len = strlen(out->body.html);
	out->updated_at = sqlite3_column_int64(st, 3);
	out->author_name = db_col_text(a, st, 4);
	out->author_slug = db_col_text(a, st, 5);
	out->prev_id = sqlite3_column_int64(st, 6);
	out->next_id = sqlite3_column_int64(st, 7);
	out->published_at = sqlite3_column_int64(st, 8);
	out->comments_open = sqlite3_column_int(st, 9) != 0;
	sqlite3_reset(st);
	return article_db_tags(db, a, out->id, &out->tags, &out->tags_count);
}

/* Reads an article's tags; see content_db.h. */
int
article_db_tags(struct db *db, struct arena *a, long long article_id,
                struct term **tags, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_article_tags);
	size_t cap = 8, n = 0;
	struct term *list = arena_calloc(a, cap, sizeof(*list));
	int rc;

	*tags = list;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct term *t;

		list = arena_grow(a, list, n, &cap, sizeof(*list));
		t = &list[n++];
		t->id = sqlite3_column_int64(st, 0);
		t->slug = db_col_text(a, st, 1);
		t->name = db_col_text(a, st, 2);
		t->description = "";
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* By name, sorted here: a few rows need no SQLite sorter. */
	qsort(list, n, sizeof(*list), term_by_name);
	*tags = list;
	*count = n;
	return 0;
}

/* Reads a page; see content_db.h. */
int
page_db_get(struct db *db, struct arena *a, long long edition_id,
            const char *slug, struct page *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = step_by_slug(db, sql_page, edition_id, slug, &st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->slug = db_col_text(a, st, 1);
		out->title = db_col_text(a, st, 2);
		/* Stored rendering, made by markdown.c on save. */
		out->body.html = db_col_text(a, st, 3);
		out->body.len = strlen(out->body.html);
		out->updated_at = sqlite3_column_int64(st, 4);
		out->comments_open = sqlite3_column_int(st, 5) != 0;
	}
	if (st != NULL)
		sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static int
term_get(struct db *db, struct arena *a, const char *sql, long long edition_id,
         const char *slug, struct term *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = step_by_slug(db, sql, edition_id, slug, &st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->slug = db_col_text(a, st, 1);
		out->name = db_col_text(a, st, 2);
		out->description = db_col_text(a, st, 3);
	}
	if (st != NULL)
		sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Reads a category; see content_db.h. */
int
category_db_get(struct db *db, struct arena *a, long long edition_id,
                const char *slug, struct term *out)
{
	return term_get(db, a, sql_category, edition_id, slug, out);
}

/* Reads a tag; see content_db.h. */
int
tag_db_get(struct db *db, struct arena *a, long long edition_id,
           const char *slug, struct term *out)
{
	return term_get(db, a, sql_tag, edition_id, slug, out);
}

/* Reads an author by slug (as a term: no description); see content_db.h. */
int
author_db_get(struct db *db, struct arena *a, long long edition_id,
              const char *slug, struct term *out)
{
	return term_get(db, a, sql_author, edition_id, slug, out);
}

/* Reads content times; see content_db.h. */
int
content_db_stats(struct db *db, long long edition_id, long long *changed_at,
                 int *first_year)
{
	sqlite3_stmt *st = db_stmt(db, sql_stats);
	int rc;

	*changed_at = 0;
	*first_year = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		*changed_at = sqlite3_column_int64(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
			time_t first = (time_t)sqlite3_column_int64(st, 1);
			struct tm tm;

			if (gmtime_r(&first, &tm) != NULL)
				*first_year = tm.tm_year + 1900;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static const char sql_state_counts[] =
    "SELECT state, count(*) FROM articles GROUP BY state";

/* Counts articles by state; see content_db.h. */
int
content_db_state_counts(struct db *db, long long counts[ARTICLE_STATES])
{
	static const char *const names[ARTICLE_STATES] = {
	    [STATE_DRAFT] = "draft",         [STATE_PENDING] = "pending",
	    [STATE_SCHEDULED] = "scheduled", [STATE_PUBLISHED] = "published",
	    [STATE_PRIVATE] = "private",     [STATE_TRASH] = "trash"};

	return db_state_counts(db, sql_state_counts, names, ARTICLE_STATES,
	                       counts);
}

/* Publishes what is due; see content_db.h. */
int
content_db_publish_due(struct db *db, long long now)
{
	static const char *const updates[] = {sql_publish_due,
	                                      sql_publish_due_posts,
	                                      sql_publish_due_publications};
	sqlite3_stmt *st = db_stmt(db, sql_due);
	int error = 0, changes = 0;

	if (st != NULL)
		sqlite3_bind_int64(st, 1, now);
	if (db_one_int(db, st, &error) == 0)
		return error ? -1 : 0;
	if (db_begin(db) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(updates) / sizeof(updates[0]); i++) {
		if ((st = db_stmt(db, updates[i])) != NULL)
			sqlite3_bind_int64(st, 1, now);
		if (db_exec_stmt(db, st) < 0) {
			db_rollback(db);
			return -1;
		}
		changes += sqlite3_changes(db->handle);
	}
	return db_commit(db) < 0 ? -1 : changes;
}

/* Looks up a term id by slug: returns the id, 0 if absent, -1 on error. */
static long long
term_id(struct db *db, const char *sql, long long edition_id, const char *slug)
{
	sqlite3_stmt *st;
	long long id = 0;
	int rc = step_by_slug(db, sql, edition_id, slug, &st);

	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return rc < 0 ? -1 : id;
}

/* Inserts an article; see content_db.h. */
long long
article_db_insert(struct db *db, const struct article_input *in)
{
	struct trusted_html html;
	sqlite3_stmt *st;
	long long id = -1, category = 0, now = (long long)time(NULL);
	size_t i;

	if (in->category_slug != NULL &&
	    (category = term_id(db, sql_category_id, in->edition_id,
	                        in->category_slug)) <= 0)
		return -1;
	if (media_db_render(db, in->body_md, strlen(in->body_md), &html) < 0)
		return -1;
	if ((st = db_stmt(db, sql_insert)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, in->edition_id);
	db_bind_text(st, 2, in->slug, -1);
	db_bind_text(st, 3, in->title, -1);
	db_bind_text(st, 4, in->excerpt ? in->excerpt : "", -1);
	db_bind_text(st, 5, in->body_md, -1);
	db_bind_text(st, 6, html.html, (int)html.len);
	db_bind_text(st, 7, in->state, -1);
	if (in->author_id > 0)
		sqlite3_bind_int64(st, 8, in->author_id);
	if (category > 0)
		sqlite3_bind_int64(st, 9, category);
	if (in->published_at > 0)
		sqlite3_bind_int64(st, 10, in->published_at);
	sqlite3_bind_int64(st, 11, now);
	sqlite3_bind_int64(st, 12, now);
	if (db_exec_stmt(db, st) < 0)
		goto out;
	id = sqlite3_last_insert_rowid(db->handle);
	for (i = 0; i < in->tags_count; i++) {
		long long tag =
		    term_id(db, sql_tag_id, in->edition_id, in->tag_slugs[i]);

		if (tag <= 0 || (st = db_stmt(db, sql_insert_tag)) == NULL) {
			id = -1;
			goto out;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, tag);
		if (db_exec_stmt(db, st) < 0) {
			id = -1;
			goto out;
		}
	}
out:
	free((char *)html.html);
	return id;
}

/* Renders every stored body that has Markdown but no HTML yet. */
static int
render_missing(struct db *db, const char *select_sql, const char *update_sql)
{
	sqlite3_stmt *st = db_stmt(db, select_sql), *up;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct trusted_html html;
		const char *md = (const char *)sqlite3_column_text(st, 1);
		long long id = sqlite3_column_int64(st, 0);

		if (media_db_render(db, md, (size_t)sqlite3_column_bytes(st, 1),
		                    &html) < 0) {
			log_error("starter content: row %lld does not render",
			          id);
			rc = -1;
			break;
		}
		up = db_stmt(db, update_sql);
		if (up == NULL) {
			free((char *)html.html);
			rc = -1;
			break;
		}
		db_bind_text(up, 1, html.html, (int)html.len);
		sqlite3_bind_int64(up, 2, id);
		rc = db_exec_stmt(db, up);
		free((char *)html.html);
		if (rc < 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Loads the starter content; see content_db.h. */
int
content_db_load_starter(struct db *db)
{
	sqlite3_stmt *st;
	char *msg = NULL;
	int has = 1;
	size_t i;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_has_content)) == NULL)
		goto fail;
	if (db_step(db, st) == SQLITE_ROW)
		has = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (has) {
		db_rollback(db);
		return 0;
	}
	for (i = 0; i < embedded_starter_count; i++) {
		if (sqlite3_exec(db->handle, embedded_starter[i].data, NULL,
		                 NULL, &msg) != SQLITE_OK) {
			log_error("starter content %s: %s",
			          embedded_starter[i].name, msg ? msg : "?");
			sqlite3_free(msg);
			goto fail;
		}
	}
	if (render_missing(db, sql_unrendered_articles, sql_render_article) <
	        0 ||
	    render_missing(db, sql_unrendered_pages, sql_render_page) < 0 ||
	    render_missing(db, sql_unrendered_posts, sql_render_post) < 0 ||
	    render_missing(db, sql_unrendered_publications,
	                   sql_render_publication) < 0)
		goto fail;
	return db_commit(db) < 0 ? -1 : 1;
fail:
	db_rollback(db);
	return -1;
}
