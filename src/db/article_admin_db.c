/*
 * article_admin_db.c: the admin's queries on articles (see
 * article_admin_db.h).  A save does its slow work (Markdown) before its
 * transaction and holds the write lock only for the checks and writes.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/slug.h"
#include "article_admin_db.h"
#include "translation_db.h"
#include "db_internal.h"

#define MAX_TAGS 20

static const char sql_is_html[] =
    "SELECT body_format = 'html' FROM articles WHERE id = ?1";
static const char sql_list[] =
    "SELECT a.id, a.title, a.state, e.code, coalesce(c.name, ''), "
    "coalesce(u.display_name, ''), coalesce(w.display_name, ''), "
    "a.updated_at, coalesce(a.published_at, 0) FROM articles a "
    "JOIN editions e ON e.id = a.edition_id "
    "LEFT JOIN categories c ON c.id = a.category_id "
    "LEFT JOIN users u ON u.id = a.author_id "
    "LEFT JOIN users w ON w.id = a.updated_by "
    "WHERE (?1 IS NULL AND a.state != 'trash' OR a.state = ?1) "
    "AND (?2 = 0 OR a.category_id = ?2) AND (?3 = 0 OR a.author_id = ?3) "
    "AND (?4 = 0 OR a.edition_id = ?4) "
    "AND (?5 IS NULL OR instr(lower(a.title), lower(?5)) > 0) "
    "ORDER BY a.updated_at DESC, a.id DESC LIMIT ?6 OFFSET ?7";
static const char sql_get[] =
    "SELECT a.id, a.edition_id, a.title, a.slug, a.excerpt, a.body_md, "
    "a.state, coalesce(a.category_id, 0), "
    "coalesce((SELECT group_concat(g.name, ', ') FROM article_tags t "
    "JOIN tags g ON g.id = t.tag_id WHERE t.article_id = a.id), ''), "
    "coalesce(m.path, ''), coalesce(a.published_at, 0), "
    "coalesce(a.author_id, 0), a.version, a.body_format = 'html' "
    "FROM articles a "
    "LEFT JOIN media m ON m.id = a.featured_media_id WHERE a.id = ?";
static const char sql_version[] =
    "SELECT version, slug, edition_id FROM articles WHERE id = ?";
static const char sql_slug_owner[] =
    "SELECT id FROM articles WHERE edition_id = ? AND slug = ? AND id != ?";
static const char sql_category_ok[] =
    "SELECT 1 FROM categories WHERE id = ? AND edition_id = ?";
static const char sql_media_by_path[] = "SELECT id FROM media WHERE path = ?";
static const char sql_insert[] =
    "INSERT INTO articles (edition_id, slug, title, excerpt, state, "
    "author_id, category_id, featured_media_id, published_at, created_at, "
    "updated_at, updated_by, body_md, body_html, version, trashed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?6, ?11, ?12, "
    "1, CASE WHEN ?5 = 'trash' THEN ?10 END)";
static const char sql_update[] =
    "UPDATE articles SET edition_id = ?1, slug = ?2, title = ?3, "
    "excerpt = ?4, state = ?5, category_id = ?7, featured_media_id = ?8, "
    "published_at = ?9, updated_at = ?10, updated_by = ?6, body_md = ?11, "
    "body_html = ?12, version = version + 1, "
    "trashed_at = CASE WHEN ?5 = 'trash' THEN coalesce(trashed_at, ?10) END "
    "WHERE id = ?13";
static const char sql_tags_clear[] =
    "DELETE FROM article_tags WHERE article_id = ?";
static const char sql_tag_find[] =
    "SELECT id FROM tags WHERE edition_id = ? AND slug = ?";
static const char sql_tag_add[] =
    "INSERT INTO tags (edition_id, slug, name) VALUES (?, ?, ?)";
static const char sql_tag_link[] =
    "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)";
static const char sql_revision[] =
    "INSERT INTO revisions (article_id, user_id, title, excerpt, body_md, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_old_slug_add[] =
    "INSERT INTO old_slugs (edition_id, slug, article_id) VALUES (?, ?, ?) "
    "ON CONFLICT (edition_id, slug) DO UPDATE SET article_id = "
    "excluded.article_id";
static const char sql_old_slug_drop[] =
    "DELETE FROM old_slugs WHERE edition_id = ? AND slug = ?";
static const char sql_old_slug_find[] =
    "SELECT a.slug FROM old_slugs o JOIN articles a ON a.id = o.article_id "
    "WHERE o.edition_id = ? AND o.slug = ? AND a.state = 'published'";
static const struct edit_sql edit_sql = {sql_version, sql_slug_owner,
                                         sql_old_slug_add, sql_old_slug_drop,
                                         sql_old_slug_find};
/* The switches (comments open, sticky) are read and written by
 * statements of their own, so that the editor's other statements need not
 * name them. */
static const char sql_switches_get[] =
    "SELECT comments_open, sticky FROM articles WHERE id = ?";
static const char sql_switches_set[] =
    "UPDATE articles SET comments_open = ?2, sticky = ?3 WHERE id = ?1";
static const char sql_categories[] =
    "SELECT id, slug, name, description, edition_id FROM categories "
    "ORDER BY edition_id, position, name";

/* Lists articles; see article_admin_db.h. */
int
article_admin_list(struct db *db, struct arena *a,
                   const struct article_filter *f, struct article_row **rows,
                   size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t n = 0;
	int rc;

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	*rows = arena_calloc(a, f->limit ? f->limit : 1, sizeof(**rows));
	db_bind_text_opt(st, 1, f->state);
	sqlite3_bind_int64(st, 2, f->category_id);
	sqlite3_bind_int64(st, 3, f->author_id);
	sqlite3_bind_int64(st, 4, f->edition_id);
	db_bind_text_opt(st, 5, f->q);
	sqlite3_bind_int64(st, 6, (long long)f->limit);
	sqlite3_bind_int64(st, 7, f->offset);
	while (n < f->limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct article_row *r = &(*rows)[n++];

		r->id = sqlite3_column_int64(st, 0);
		r->title = db_col_text(a, st, 1);
		r->state = db_col_text(a, st, 2);
		r->edition_code = db_col_text(a, st, 3);
		r->category_name = db_col_text(a, st, 4);
		r->author_name = db_col_text(a, st, 5);
		r->editor_name = db_col_text(a, st, 6);
		r->updated_at = sqlite3_column_int64(st, 7);
		r->published_at = sqlite3_column_int64(st, 8);
	}
	sqlite3_reset(st);
	if (n < f->limit && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}

/* Reads an article for editing; see article_admin_db.h. */
int
article_admin_get(struct db *db, struct arena *a, long long id,
                  struct article_edit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->edition_id = sqlite3_column_int64(st, 1);
		out->title = db_col_text(a, st, 2);
		out->slug = db_col_text(a, st, 3);
		out->excerpt = db_col_text(a, st, 4);
		out->body_md = db_col_text(a, st, 5);
		out->state = db_col_text(a, st, 6);
		out->category_id = sqlite3_column_int64(st, 7);
		out->tags = db_col_text(a, st, 8);
		out->featured = db_col_text(a, st, 9);
		out->published_at = sqlite3_column_int64(st, 10);
		out->author_id = sqlite3_column_int64(st, 11);
		out->version = sqlite3_column_int64(st, 12);
		out->body_html = sqlite3_column_int(st, 13) != 0;
		out->translation_of = -1;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		sqlite3_stmt *q = db_stmt(db, sql_switches_get);

		if (q == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		rc = db_step(db, q);
		if (rc == SQLITE_ROW) {
			out->comments_open = sqlite3_column_int(q, 0) != 0;
			out->sticky = sqlite3_column_int(q, 1) != 0;
		}
		sqlite3_reset(q);
	}
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Links the comma-separated tag names to the article, making new tags. */
static int
save_tags(struct db *db, long long article_id, long long edition_id,
          const char *names)
{
	struct arena a;
	const char *p = names ? names : "";
	int error = 0, count = 0;
	sqlite3_stmt *st;

	if ((st = db_stmt(db, sql_tags_clear)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	if (db_exec_stmt(db, st) < 0)
		return -1;
	arena_init(&a);
	while (*p != '\0' && count < MAX_TAGS && !error) {
		size_t len = strcspn(p, ",");
		const char *start = p, *end = p + len;
		char *name, *slug;
		long long tag;

		p = *end == ',' ? end + 1 : end;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end == start || end - start > 100)
			continue;
		name = arena_strndup(&a, start, (size_t)(end - start));
		if ((slug = slug_make(&a, name, strlen(name))) == NULL)
			continue;
		if ((st = db_stmt(db, sql_tag_find)) == NULL)
			break;
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, slug, -1);
		tag = db_one_int(db, st, &error);
		if (tag == 0 && !error) {
			if ((st = db_stmt(db, sql_tag_add)) == NULL)
				break;
			sqlite3_bind_int64(st, 1, edition_id);
			db_bind_text(st, 2, slug, -1);
			db_bind_text(st, 3, name, -1);
			if (db_exec_stmt(db, st) < 0)
				break;
			tag = sqlite3_last_insert_rowid(db->handle);
		}
		if ((st = db_stmt(db, sql_tag_link)) == NULL)
			break;
		sqlite3_bind_int64(st, 1, article_id);
		sqlite3_bind_int64(st, 2, tag);
		if (db_exec_stmt(db, st) < 0)
			error = 1;
		count++;
	}
	arena_free(&a);
	return error || st == NULL ? -1 : 0;
}

/* Binds the fields shared by insert and update (see the SQL). */
static void
bind_article(sqlite3_stmt *st, const struct article_edit *in, long long user,
             long long category, long long media, long long now,
             const struct trusted_html *html)
{
	sqlite3_bind_int64(st, 1, in->edition_id);
	db_bind_text(st, 2, in->slug, -1);
	db_bind_text(st, 3, in->title, -1);
	db_bind_text(st, 4, in->excerpt ? in->excerpt : "", -1);
	db_bind_text(st, 5, in->state, -1);
	sqlite3_bind_int64(st, 6, user);
	if (category > 0)
		sqlite3_bind_int64(st, 7, category);
	if (media > 0)
		sqlite3_bind_int64(st, 8, media);
	if (in->published_at > 0)
		sqlite3_bind_int64(st, 9, in->published_at);
	sqlite3_bind_int64(st, 10, now);
	db_bind_text(st, 11, in->body_md, -1);
	db_bind_text(st, 12, html->html, (int)html->len);
}

/* What a save hands to its work inside the transaction. */
struct article_save {
	const struct article_edit *in;
	long long user;
	long long now;
	long long *id;
};

/* The checks and writes of a save, inside its transaction. */
static enum save_result
save_locked(struct db *db, void *ctx, const struct trusted_html *html)
{
	const struct article_save *s = ctx;
	const struct article_edit *in = s->in;
	struct edit_prior prior;
	sqlite3_stmt *st;
	long long media = 0;
	int error = 0;
	enum save_result res;

	*s->id = in->id;
	res = edit_db_check(db, &edit_sql, in->id, in->version, in->edition_id,
	                    in->slug, &prior);
	if (res != SAVE_OK)
		return res;
	res = SAVE_FAILED;
	if (in->category_id > 0) {
		if ((st = db_stmt(db, sql_category_ok)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, in->category_id);
		sqlite3_bind_int64(st, 2, in->edition_id);
		if (db_one_int(db, st, &error) == 0) {
			res = error ? SAVE_FAILED : SAVE_BAD_CATEGORY;
			goto out;
		}
	}
	if (in->featured != NULL && in->featured[0] != '\0') {
		if ((st = db_stmt(db, sql_media_by_path)) == NULL)
			goto out;
		db_bind_text(st, 1, in->featured, -1);
		if ((media = db_one_int(db, st, &error)) == 0) {
			res = error ? SAVE_FAILED : SAVE_BAD_IMAGE;
			goto out;
		}
	}
	if ((st = db_stmt(db, in->id > 0 ? sql_update : sql_insert)) == NULL)
		goto out;
	bind_article(st, in, s->user, in->category_id, media, s->now, html);
	if (in->id > 0)
		sqlite3_bind_int64(st, 13, in->id);
	if (db_exec_stmt(db, st) < 0)
		goto out;
	if (in->id == 0)
		*s->id = sqlite3_last_insert_rowid(db->handle);
	if (save_tags(db, *s->id, in->edition_id, in->tags) < 0 ||
	    (st = db_stmt(db, sql_switches_set)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, *s->id);
	sqlite3_bind_int(st, 2, in->comments_open ? 1 : 0);
	sqlite3_bind_int(st, 3, in->sticky ? 1 : 0);
	if (db_exec_stmt(db, st) < 0)
		goto out;
	if (in->translation_of >= 0 &&
	    (res = translation_db_link_locked(db, TRANSLATION_ARTICLE, *s->id,
	                                      in->edition_id,
	                                      in->translation_of)) != SAVE_OK)
		goto out;
	res = SAVE_FAILED;
	if ((st = db_stmt(db, sql_revision)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, *s->id);
	sqlite3_bind_int64(st, 2, s->user);
	db_bind_text(st, 3, in->title, -1);
	db_bind_text(st, 4, in->excerpt ? in->excerpt : "", -1);
	db_bind_text(st, 5, in->body_md, -1);
	sqlite3_bind_int64(st, 6, s->now);
	if (db_exec_stmt(db, st) < 0 ||
	    edit_db_old_slugs(db, &edit_sql, *s->id, in->edition_id, in->slug,
	                      &prior) < 0)
		goto out;
	res = SAVE_OK;
out:
	free(prior.slug);
	return res;
}

/* Saves an article; see article_admin_db.h. */
enum save_result
article_admin_save(struct db *db, const struct article_edit *in,
                   long long user_id, long long now, long long *id_out)
{
	struct article_save s = {in, user_id, now, id_out};
	enum save_result res;
	/* An imported body is HTML: it stays HTML, sanitised again. */
	int html = in->id > 0 ? edit_db_flag(db, sql_is_html, in->id) : 0;

	*id_out = 0;
	if (html < 0)
		return SAVE_FAILED;
	res = edit_db_save_source(db, in->body_md, html == 1, save_locked, &s);
	if (res != SAVE_OK)
		*id_out = 0;
	return res;
}

/* Lists categories; see article_admin_db.h. */
int
category_admin_list(struct db *db, struct arena *a, struct term **out,
                    long long **edition_ids, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_categories);
	size_t n = 0, cap = 64;
	int rc;

	*count = 0;
	if (st == NULL)
		return -1;
	*out = arena_calloc(a, cap, sizeof(**out));
	*edition_ids = arena_calloc(a, cap, sizeof(**edition_ids));
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < cap) {
		(*out)[n].id = sqlite3_column_int64(st, 0);
		(*out)[n].slug = db_col_text(a, st, 1);
		(*out)[n].name = db_col_text(a, st, 2);
		(*out)[n].description = db_col_text(a, st, 3);
		(*edition_ids)[n] = sqlite3_column_int64(st, 4);
		n++;
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Follows an old slug; see article_admin_db.h. */
int
article_db_old_slug(struct db *db, struct arena *a, long long edition_id,
                    const char *old_slug, const char **slug)
{
	return edit_db_old_slug_find(db, &edit_sql, a, edition_id, old_slug,
	                             slug);
}
