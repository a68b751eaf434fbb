/*
 * import_db.c: the importer's statements (see import_db.h).  Nothing here
 * begins or ends a transaction: the importer holds one over the whole run.
 */
#include <string.h>

#include "db_internal.h"
#include "import_db.h"

static const char sql_edition[] =
    "SELECT id, prefix FROM editions WHERE code = ?1";
static const char sql_map_find[] =
    "SELECT coalesce(local_id, 0) FROM import_map "
    "WHERE source = ?1 AND kind = ?2 AND wp_key = ?3";
static const char sql_map_set[] =
    "INSERT INTO import_map (source, kind, wp_key, local_id, url, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (source, kind, wp_key) "
    "DO UPDATE SET local_id = excluded.local_id, url = excluded.url, "
    "note = excluded.note";
/* Whether a mapped row still exists, one statement per table. */
static const char sql_exists_user[] = "SELECT 1 FROM users WHERE id = ?1";
static const char sql_exists_category[] =
    "SELECT 1 FROM categories WHERE id = ?1";
static const char sql_exists_tag[] = "SELECT 1 FROM tags WHERE id = ?1";
static const char sql_exists_article[] = "SELECT 1 FROM articles WHERE id = ?1";
static const char sql_exists_page[] = "SELECT 1 FROM pages WHERE id = ?1";
static const char sql_exists_media[] = "SELECT 1 FROM media WHERE id = ?1";
static const char sql_exists_comment[] = "SELECT 1 FROM comments WHERE id = ?1";
static const char sql_exists_menu_item[] =
    "SELECT 1 FROM menu_items WHERE id = ?1";

static const char sql_user_find[] = "SELECT id FROM users WHERE name = ?1";
static const char sql_user_slug[] =
    "SELECT coalesce(slug, '') FROM users WHERE id = ?1";
static const char sql_user_add[] =
    "INSERT INTO users (name, display_name, email, role, password_hash, "
    "disabled, created_at) VALUES (?1, ?2, ?3, 'author', '', 1, ?4)";

static const char sql_category_find[] =
    "SELECT id FROM categories WHERE edition_id = ?1 AND slug = ?2";
static const char sql_category_add[] =
    "INSERT INTO categories (edition_id, slug, name, description) "
    "VALUES (?1, ?2, ?3, ?4)";
static const char sql_category_update[] =
    "UPDATE categories SET name = ?2, description = ?3 WHERE id = ?1";
static const char sql_category_parent[] =
    "UPDATE categories SET parent_id = ?2 WHERE id = ?1";
static const char sql_tag_find[] =
    "SELECT id FROM tags WHERE edition_id = ?1 AND slug = ?2";
/* A tag met only in an item has no description (?3, ?4 NULL): a new one
 * gets "", a known one keeps its own. */
static const char sql_tag_add[] =
    "INSERT INTO tags (edition_id, slug, name, description) "
    "VALUES (?1, ?2, ?3, coalesce(?4, ''))";
static const char sql_tag_update[] =
    "UPDATE tags SET name = ?2, description = coalesce(?3, description) "
    "WHERE id = ?1";

static const char sql_article_slug[] =
    "SELECT 1 FROM articles WHERE edition_id = ?1 AND slug = ?2 AND id != ?3";
static const char sql_page_slug[] =
    "SELECT 1 FROM pages WHERE edition_id = ?1 AND slug = ?2 AND id != ?3";
static const char sql_article_add[] =
    "INSERT INTO articles (edition_id, slug, title, excerpt, state, "
    "author_id, category_id, featured_media_id, published_at, created_at, "
    "updated_at, body_md, body_html, body_format, sticky, comments_open, "
    "trashed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?12, 'html', ?13, ?14, CASE WHEN ?5 = 'trash' THEN ?11 END)";
static const char sql_article_update[] =
    "UPDATE articles SET edition_id = ?1, slug = ?2, title = ?3, "
    "excerpt = ?4, state = ?5, author_id = ?6, category_id = ?7, "
    "featured_media_id = ?8, published_at = ?9, created_at = ?10, "
    "updated_at = ?11, body_md = ?12, body_html = ?12, "
    "body_format = 'html', sticky = ?13, comments_open = ?14, "
    "version = version + 1, trashed_at = CASE WHEN ?5 = 'trash' "
    "THEN coalesce(trashed_at, ?11) END WHERE id = ?15";
static const char sql_page_add[] =
    "INSERT INTO pages (edition_id, slug, title, state, created_at, "
    "updated_at, body_md, body_html, body_format, trashed_at, "
    "comments_open) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'html', "
    "CASE WHEN ?4 = 'trash' THEN ?6 END, ?9)";
static const char sql_page_update[] =
    "UPDATE pages SET edition_id = ?1, slug = ?2, title = ?3, state = ?4, "
    "created_at = ?5, updated_at = ?6, body_md = ?7, body_html = ?7, "
    "body_format = 'html', version = version + 1, trashed_at = CASE WHEN "
    "?4 = 'trash' THEN coalesce(trashed_at, ?6) END, comments_open = ?9 "
    "WHERE id = ?8";
static const char sql_tags_clear[] =
    "DELETE FROM article_tags WHERE article_id = ?1";
static const char sql_tag_link[] =
    "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?1, ?2)";

static const char sql_comment_add[] =
    "INSERT INTO comments (article_id, page_id, author_name, author_email, "
    "author_url, body, state, created_at, updated_at) "
    "VALUES (?1, ?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char sql_comment_update[] =
    "UPDATE comments SET article_id = ?1, page_id = ?10, author_name = ?2, "
    "author_email = ?3, author_url = ?4, body = ?5, state = ?6, "
    "created_at = ?7, updated_at = ?8 WHERE id = ?9";
static const char sql_comment_parent[] =
    "UPDATE comments SET parent_id = ?2 WHERE id = ?1";

static const char sql_media_update[] =
    "UPDATE media SET title = ?2, alt = ?3, caption = ?4 WHERE id = ?1";
static const char sql_media_path[] = "SELECT path FROM media WHERE id = ?1";

static const char sql_redirect[] =
    "INSERT INTO redirects (path, kind, target_id, url, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (path) DO UPDATE SET "
    "kind = excluded.kind, target_id = excluded.target_id, "
    "url = excluded.url";

static const char sql_menu_find[] =
    "SELECT id FROM menus WHERE edition_id = ?1 AND name = 'main'";
static const char sql_menu_add[] =
    "INSERT INTO menus (edition_id, name) VALUES (?1, 'main')";
static const char sql_menu_item_add[] =
    "INSERT INTO menu_items (menu_id, parent_id, label, url, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_menu_item_update[] =
    "UPDATE menu_items SET parent_id = ?2, label = ?3, url = ?4, "
    "position = ?5 WHERE id = ?6 AND menu_id = ?1";

static const char sql_target_article[] =
    "SELECT title, '/articles/' || slug, state = 'published' FROM articles "
    "WHERE id = ?1";
static const char sql_target_page[] =
    "SELECT title, '/' || slug, state = 'published' FROM pages WHERE id = ?1";
static const char sql_target_category[] =
    "SELECT name, '/category/' || slug, 1 FROM categories WHERE id = ?1";
static const char sql_target_tag[] =
    "SELECT name, '/tag/' || slug, 1 FROM tags WHERE id = ?1";

/* Runs st for at most one row; returns its first column (0 when none),
 * sets *found; -1 on error. */
static int
one_id(struct db *db, sqlite3_stmt *st, long long *out, bool *found)
{
	int err = 0;

	*out = 0;
	*found = false;
	if (st == NULL)
		return -1;
	switch (db_step(db, st)) {
	case SQLITE_ROW:
		*out = sqlite3_column_int64(st, 0);
		*found = true;
		break;
	case SQLITE_DONE:
		break;
	default:
		err = 1;
	}
	sqlite3_reset(st);
	return err ? -1 : 0;
}

/* Runs st, then returns the new row's id in *out; 0 or -1. */
static int
insert(struct db *db, sqlite3_stmt *st, long long *out)
{
	if (db_exec_stmt(db, st) < 0)
		return -1;
	*out = sqlite3_last_insert_rowid(db->handle);
	return 0;
}

/*
 * Runs st, an update of row id (bound at id_idx) when id is above 0, else
 * an insert, bound but for that; sets *out to the row's id.  Returns 1
 * inserted, 0 updated, -1.
 */
static int
write_row(struct db *db, sqlite3_stmt *st, int id_idx, long long id,
          long long *out)
{
	if (id <= 0)
		return insert(db, st, out) < 0 ? -1 : 1;
	sqlite3_bind_int64(st, id_idx, id);
	*out = id;
	return db_exec_stmt(db, st) < 0 ? -1 : 0;
}

/* Finds an edition by code; see import_db.h. */
int
import_db_edition(struct db *db, struct arena *a, const char *code,
                  long long *id, const char **prefix)
{
	sqlite3_stmt *st = db_stmt(db, sql_edition);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, code, -1);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*prefix = db_col_text(a, st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* The statement telling whether a row of kind exists, or NULL. */
static const char *
exists_sql(const char *kind)
{
	static const struct {
		const char *kind, *sql;
	} t[] = {
	    {IMPORT_USER, sql_exists_user},
	    {IMPORT_CATEGORY, sql_exists_category},
	    {IMPORT_TAG, sql_exists_tag},
	    {IMPORT_ARTICLE, sql_exists_article},
	    {IMPORT_PAGE, sql_exists_page},
	    {IMPORT_MEDIA, sql_exists_media},
	    {IMPORT_COMMENT, sql_exists_comment},
	    {IMPORT_MENU_ITEM, sql_exists_menu_item},
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(t[i].kind, kind) == 0)
			return t[i].sql;
	return NULL;
}

/* Looks up the map; see import_db.h. */
int
import_db_map_find(struct db *db, const char *source, const char *kind,
                   const char *key, long long *local_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_map_find);
	const char *check = exists_sql(kind);
	bool found;
	long long id;

	*local_id = 0;
	if (st == NULL || check == NULL)
		return -1;
	db_bind_text(st, 1, source, -1);
	db_bind_text(st, 2, kind, -1);
	db_bind_text(st, 3, key, -1);
	if (one_id(db, st, &id, &found) < 0)
		return -1;
	if (!found)
		return 1;
	if (id == 0)
		return 0;
	if ((st = db_stmt(db, check)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (one_id(db, st, local_id, &found) < 0)
		return -1;
	*local_id = found ? id : 0;
	return found ? 0 : 1;
}

/* Records a map row; see import_db.h. */
int
import_db_map_set(struct db *db, const char *source, const char *kind,
                  const char *key, long long local_id, const char *url,
                  const char *note)
{
	sqlite3_stmt *st = db_stmt(db, sql_map_set);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, source, -1);
	db_bind_text(st, 2, kind, -1);
	db_bind_text(st, 3, key, -1);
	db_bind_id(st, 4, local_id);
	db_bind_text(st, 5, url ? url : "", -1);
	db_bind_text(st, 6, note ? note : "", -1);
	return db_exec_stmt(db, st);
}

/* Finds or adds an imported account; see import_db.h. */
int
import_db_user(struct db *db, const char *name, const char *display_name,
               const char *email, long long now, long long *id)
{
	sqlite3_stmt *st = db_stmt(db, sql_user_find);
	bool found;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name, -1);
	if (one_id(db, st, id, &found) < 0)
		return -1;
	if (found)
		return 0;
	if ((st = db_stmt(db, sql_user_add)) == NULL)
		return -1;
	db_bind_text(st, 1, name, -1);
	db_bind_text(st, 2, display_name, -1);
	db_bind_text(st, 3, email, -1);
	sqlite3_bind_int64(st, 4, now);
	return insert(db, st, id) < 0 ? -1 : 1;
}

/* Reads the one text column sql gives for row id into *out (in a).
 * Returns 0 found, 1 none (*out untouched), -1. */
static int
text_by_id(struct db *db, struct arena *a, const char *sql, long long id,
           const char **out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		*out = db_col_text(a, st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Reads an account's slug; see import_db.h. */
int
import_db_user_slug(struct db *db, struct arena *a, long long id,
                    const char **slug)
{
	*slug = "";
	return text_by_id(db, a, sql_user_slug, id, slug) < 0 ? -1 : 0;
}

/*
 * Puts a term with the statements of its table (find by slug, add with
 * ?1 edition ?2 slug ?3 name ?4 description, update ?1 id ?2 name ?3
 * description).  A NULL description is left unbound (NULL).
 */
static int
put_term(struct db *db, const char *find, const char *add, const char *update,
         long long edition_id, long long id, const char *slug, const char *name,
         const char *description, long long *out)
{
	sqlite3_stmt *st;
	bool found = id > 0;

	if (!found) {
		if ((st = db_stmt(db, find)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, slug, -1);
		if (one_id(db, st, &id, &found) < 0)
			return -1;
	}
	if (found) {
		if ((st = db_stmt(db, update)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, name, -1);
		if (description != NULL)
			db_bind_text(st, 3, description, -1);
		*out = id;
		return db_exec_stmt(db, st) < 0 ? -1 : 0;
	}
	if ((st = db_stmt(db, add)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, slug, -1);
	db_bind_text(st, 3, name, -1);
	if (description != NULL)
		db_bind_text(st, 4, description, -1);
	return insert(db, st, out) < 0 ? -1 : 1;
}

/* Puts a category; see import_db.h. */
int
import_db_category(struct db *db, long long edition_id, long long id,
                   const char *slug, const char *name, const char *description,
                   long long *out)
{
	return put_term(db, sql_category_find, sql_category_add,
	                sql_category_update, edition_id, id, slug, name,
	                description ? description : "", out);
}

/* Puts a tag; see import_db.h. */
int
import_db_tag(struct db *db, long long edition_id, long long id,
              const char *slug, const char *name, const char *description,
              long long *out)
{
	return put_term(db, sql_tag_find, sql_tag_add, sql_tag_update,
	                edition_id, id, slug, name, description, out);
}

/* Sets a category's parent; see import_db.h. */
int
import_db_category_parent(struct db *db, long long id, long long parent_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_category_parent);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_id(st, 2, parent_id);
	return db_exec_stmt(db, st);
}

/* Whether a slug is free with the statement sql; 1, 0 or -1. */
static int
slug_free(struct db *db, const char *sql, long long edition_id,
          const char *slug, long long self)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	long long v;
	bool found;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, slug, -1);
	sqlite3_bind_int64(st, 3, self);
	if (one_id(db, st, &v, &found) < 0)
		return -1;
	return found ? 0 : 1;
}

/* Whether an article slug is free; see import_db.h. */
int
import_db_article_slug_free(struct db *db, long long edition_id,
                            const char *slug, long long self)
{
	return slug_free(db, sql_article_slug, edition_id, slug, self);
}

/* Whether a page slug is free; see import_db.h. */
int
import_db_page_slug_free(struct db *db, long long edition_id, const char *slug,
                         long long self)
{
	return slug_free(db, sql_page_slug, edition_id, slug, self);
}

/* Writes an article; see import_db.h. */
int
import_db_article(struct db *db, const struct import_post *p, long long *out)
{
	sqlite3_stmt *st =
	    db_stmt(db, p->id > 0 ? sql_article_update : sql_article_add);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->edition_id);
	db_bind_text(st, 2, p->slug, -1);
	db_bind_text(st, 3, p->title, -1);
	db_bind_text(st, 4, p->excerpt, -1);
	db_bind_text(st, 5, p->state, -1);
	db_bind_id(st, 6, p->author_id);
	db_bind_id(st, 7, p->category_id);
	db_bind_id(st, 8, p->featured_id);
	db_bind_id(st, 9, p->published_at);
	sqlite3_bind_int64(st, 10, p->created_at);
	sqlite3_bind_int64(st, 11, p->now);
	db_bind_text(st, 12, p->body_html, -1);
	sqlite3_bind_int(st, 13, p->sticky ? 1 : 0);
	sqlite3_bind_int(st, 14, p->comments_open ? 1 : 0);
	return write_row(db, st, 15, p->id, out);
}

/* Writes a page; see import_db.h. */
int
import_db_page(struct db *db, const struct import_post *p, long long *out)
{
	sqlite3_stmt *st =
	    db_stmt(db, p->id > 0 ? sql_page_update : sql_page_add);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->edition_id);
	db_bind_text(st, 2, p->slug, -1);
	db_bind_text(st, 3, p->title, -1);
	db_bind_text(st, 4, p->state, -1);
	sqlite3_bind_int64(st, 5, p->created_at);
	sqlite3_bind_int64(st, 6, p->now);
	db_bind_text(st, 7, p->body_html, -1);
	sqlite3_bind_int(st, 9, p->comments_open ? 1 : 0);
	return write_row(db, st, 8, p->id, out);
}

/* Replaces an article's tags; see import_db.h. */
int
import_db_article_tags(struct db *db, long long article_id,
                       const long long *tags, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, sql_tags_clear);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	if (db_exec_stmt(db, st) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if ((st = db_stmt(db, sql_tag_link)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, article_id);
		sqlite3_bind_int64(st, 2, tags[i]);
		if (db_exec_stmt(db, st) < 0)
			return -1;
	}
	return 0;
}

/* Writes a comment; see import_db.h. */
int
import_db_comment(struct db *db, const struct import_comment *c, long long *out)
{
	sqlite3_stmt *st =
	    db_stmt(db, c->id > 0 ? sql_comment_update : sql_comment_add);

	if (st == NULL)
		return -1;
	db_bind_id(st, 1, c->article_id);
	db_bind_id(st, 10, c->page_id);
	db_bind_text(st, 2, c->author, -1);
	db_bind_text(st, 3, c->email, -1);
	db_bind_text(st, 4, c->url, -1);
	db_bind_text(st, 5, c->body, -1);
	db_bind_text(st, 6, c->state, -1);
	sqlite3_bind_int64(st, 7, c->created_at);
	sqlite3_bind_int64(st, 8, c->now);
	return write_row(db, st, 9, c->id, out);
}

/* Sets a comment's parent; see import_db.h. */
int
import_db_comment_parent(struct db *db, long long id, long long parent)
{
	sqlite3_stmt *st = db_stmt(db, sql_comment_parent);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_id(st, 2, parent != id ? parent : 0);
	return db_exec_stmt(db, st);
}

/* Updates an imported media item; see import_db.h. */
int
import_db_media_update(struct db *db, long long id, const char *title,
                       const char *alt, const char *caption)
{
	sqlite3_stmt *st = db_stmt(db, sql_media_update);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, title, -1);
	db_bind_text(st, 3, alt, -1);
	db_bind_text(st, 4, caption, -1);
	return db_exec_stmt(db, st);
}

/* Reads a media item's path; see import_db.h. */
int
import_db_media_path(struct db *db, struct arena *a, long long id,
                     const char **path)
{
	return text_by_id(db, a, sql_media_path, id, path);
}

/* Adds a redirect; see import_db.h. */
int
import_db_redirect(struct db *db, const char *path, const char *kind,
                   long long target_id, const char *url, long long now)
{
	sqlite3_stmt *st = db_stmt(db, sql_redirect);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, path, -1);
	db_bind_text(st, 2, kind, -1);
	db_bind_id(st, 3, strcmp(kind, "url") == 0 ? 0 : target_id);
	db_bind_text(st, 4, url ? url : "", -1);
	sqlite3_bind_int64(st, 5, now);
	return db_exec_stmt(db, st);
}

/* Finds or makes the main menu; see import_db.h. */
int
import_db_menu(struct db *db, long long edition_id, long long *menu_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_menu_find);
	bool found;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	if (one_id(db, st, menu_id, &found) < 0)
		return -1;
	if (found)
		return 0;
	if ((st = db_stmt(db, sql_menu_add)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	return insert(db, st, menu_id);
}

/* Writes a menu item; see import_db.h. */
int
import_db_menu_item(struct db *db, long long id, long long menu_id,
                    long long parent_id, const char *label, const char *url,
                    long long position, long long *out)
{
	sqlite3_stmt *st;

	if (id > 0) {
		if ((st = db_stmt(db, sql_menu_item_update)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, menu_id);
		db_bind_id(st, 2, parent_id);
		db_bind_text(st, 3, label, -1);
		db_bind_text(st, 4, url, -1);
		sqlite3_bind_int64(st, 5, position);
		sqlite3_bind_int64(st, 6, id);
		if (db_exec_stmt(db, st) < 0)
			return -1;
		if (sqlite3_changes(db->handle) > 0) {
			*out = id;
			return 0;
		}
	}
	if ((st = db_stmt(db, sql_menu_item_add)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, menu_id);
	db_bind_id(st, 2, parent_id);
	db_bind_text(st, 3, label, -1);
	db_bind_text(st, 4, url, -1);
	sqlite3_bind_int64(st, 5, position);
	return insert(db, st, out) < 0 ? -1 : 1;
}

/* Reads a target's label and path; see import_db.h. */
int
import_db_target(struct db *db, struct arena *a, const char *kind, long long id,
                 const char **label, const char **path, bool *published)
{
	const char *sql = strcmp(kind, IMPORT_ARTICLE) == 0 ? sql_target_article
	                  : strcmp(kind, IMPORT_PAGE) == 0  ? sql_target_page
	                  : strcmp(kind, IMPORT_CATEGORY) == 0
	                      ? sql_target_category
	                  : strcmp(kind, IMPORT_TAG) == 0 ? sql_target_tag
	                                                  : NULL;
	sqlite3_stmt *st;
	int rc;

	if (sql == NULL || (st = db_stmt(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		*label = db_col_text(a, st, 0);
		*path = db_col_text(a, st, 1);
		*published = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}
