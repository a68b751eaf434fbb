/*
 * page_admin_db.c: the admin's queries on pages (see page_admin_db.h).
 * A save runs through edit_db_save: Markdown first, then one short write
 * transaction for the checks and writes.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "page_admin_db.h"
#include "translation_db.h"

static const char sql_is_html[] =
    "SELECT body_format = 'html' FROM pages WHERE id = ?1";
static const char sql_list[] =
    "SELECT p.id, p.title, p.slug, p.state, e.code, e.prefix, "
    "coalesce(w.display_name, ''), p.updated_at FROM pages p "
    "JOIN editions e ON e.id = p.edition_id "
    "LEFT JOIN users w ON w.id = p.updated_by "
    "WHERE (?1 IS NULL AND p.state != 'trash' OR p.state = ?1) "
    "AND (?3 = 0 OR p.edition_id = ?3) "
    "ORDER BY p.updated_at DESC, p.id DESC LIMIT ?2";
static const char sql_get[] =
    "SELECT id, edition_id, title, slug, body_md, state, version, "
    "body_format = 'html', comments_open FROM pages WHERE id = ?";
static const char sql_version[] =
    "SELECT version, slug, edition_id FROM pages WHERE id = ?";
static const char sql_slug_owner[] =
    "SELECT id FROM pages WHERE edition_id = ? AND slug = ? AND id != ?";
static const char sql_insert[] =
    "INSERT INTO pages (edition_id, slug, title, body_md, body_html, state, "
    "created_at, updated_at, updated_by, version, trashed_at, "
    "comments_open) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, 1, "
    "CASE WHEN ?6 = 'trash' THEN ?7 END, ?10)";
static const char sql_update[] =
    "UPDATE pages SET edition_id = ?1, slug = ?2, title = ?3, body_md = ?4, "
    "body_html = ?5, state = ?6, updated_at = ?7, updated_by = ?8, "
    "version = version + 1, comments_open = ?10, "
    "trashed_at = CASE WHEN ?6 = 'trash' THEN coalesce(trashed_at, ?7) END "
    "WHERE id = ?9";
static const char sql_revision[] =
    "INSERT INTO page_revisions (page_id, user_id, title, body_md, "
    "created_at) VALUES (?, ?, ?, ?, ?)";
static const char sql_old_slug_add[] =
    "INSERT INTO page_old_slugs (edition_id, slug, page_id) VALUES (?, ?, ?) "
    "ON CONFLICT (edition_id, slug) DO UPDATE SET page_id = "
    "excluded.page_id";
static const char sql_old_slug_drop[] =
    "DELETE FROM page_old_slugs WHERE edition_id = ? AND slug = ?";
/* A page moved to another edition leaves no redirect behind. */
static const char sql_old_slug_find[] =
    "SELECT p.slug FROM page_old_slugs o JOIN pages p ON p.id = o.page_id "
    "WHERE o.edition_id = ?1 AND o.slug = ?2 AND p.edition_id = ?1 "
    "AND p.state = 'published'";
static const struct edit_sql edit_sql = {sql_version, sql_slug_owner,
                                         sql_old_slug_add, sql_old_slug_drop,
                                         sql_old_slug_find};

/* Lists pages; see page_admin_db.h. */
int
page_admin_list(struct db *db, struct arena *a, const char *state,
                long long edition_id, size_t limit, struct page_row **rows,
                size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = arena_calloc(a, limit ? limit : 1, sizeof(**rows));
	*count = 0;
	if (st == NULL)
		return -1;
	if (state != NULL)
		db_bind_text(st, 1, state, -1);
	sqlite3_bind_int64(st, 2, (long long)limit);
	sqlite3_bind_int64(st, 3, edition_id);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct page_row *r = &(*rows)[n++];

		r->id = sqlite3_column_int64(st, 0);
		r->title = db_col_text(a, st, 1);
		r->slug = db_col_text(a, st, 2);
		r->state = db_col_text(a, st, 3);
		r->edition_code = db_col_text(a, st, 4);
		r->edition_prefix = db_col_text(a, st, 5);
		r->editor_name = db_col_text(a, st, 6);
		r->updated_at = sqlite3_column_int64(st, 7);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}

/* Reads a page for editing; see page_admin_db.h. */
int
page_admin_get(struct db *db, struct arena *a, long long id,
               struct page_edit *out)
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
		out->body_md = db_col_text(a, st, 4);
		out->state = db_col_text(a, st, 5);
		out->version = sqlite3_column_int64(st, 6);
		out->body_html = sqlite3_column_int(st, 7) != 0;
		out->comments_open = sqlite3_column_int(st, 8) != 0;
		out->translation_of = -1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* What a save hands to its work inside the transaction. */
struct page_save {
	const struct page_edit *in;
	long long user;
	long long now;
	long long *id;
};

/* The checks and writes of a save, inside its transaction. */
static enum save_result
save_locked(struct db *db, void *ctx, const struct trusted_html *html)
{
	const struct page_save *s = ctx;
	const struct page_edit *in = s->in;
	struct edit_prior prior;
	sqlite3_stmt *st;
	enum save_result res;

	*s->id = in->id;
	res = edit_db_check(db, &edit_sql, in->id, in->version, in->edition_id,
	                    in->slug, &prior);
	if (res != SAVE_OK)
		return res;
	res = SAVE_FAILED;
	if ((st = db_stmt(db, in->id > 0 ? sql_update : sql_insert)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, in->edition_id);
	db_bind_text(st, 2, in->slug, -1);
	db_bind_text(st, 3, in->title, -1);
	db_bind_text(st, 4, in->body_md, -1);
	db_bind_text(st, 5, html->html, (int)html->len);
	db_bind_text(st, 6, in->state, -1);
	sqlite3_bind_int64(st, 7, s->now);
	sqlite3_bind_int64(st, 8, s->user);
	if (in->id > 0)
		sqlite3_bind_int64(st, 9, in->id);
	sqlite3_bind_int(st, 10, in->comments_open ? 1 : 0);
	if (db_exec_stmt(db, st) < 0)
		goto out;
	if (in->id == 0)
		*s->id = sqlite3_last_insert_rowid(db->handle);
	if (in->translation_of >= 0 &&
	    (res = translation_db_link_locked(db, TRANSLATION_PAGE, *s->id,
	                                      in->edition_id,
	                                      in->translation_of)) != SAVE_OK)
		goto out;
	res = SAVE_FAILED;
	if ((st = db_stmt(db, sql_revision)) != NULL) {
		sqlite3_bind_int64(st, 1, *s->id);
		sqlite3_bind_int64(st, 2, s->user);
		db_bind_text(st, 3, in->title, -1);
		db_bind_text(st, 4, in->body_md, -1);
		sqlite3_bind_int64(st, 5, s->now);
	}
	if (db_exec_stmt(db, st) < 0 ||
	    edit_db_old_slugs(db, &edit_sql, *s->id, in->edition_id, in->slug,
	                      &prior) < 0)
		goto out;
	res = SAVE_OK;
out:
	free(prior.slug);
	return res;
}

/* Saves a page; see page_admin_db.h. */
enum save_result
page_admin_save(struct db *db, const struct page_edit *in, long long user_id,
                long long now, long long *id_out)
{
	struct page_save s = {in, user_id, now, id_out};
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

/* Follows an old slug; see page_admin_db.h. */
int
page_db_old_slug(struct db *db, struct arena *a, long long edition_id,
                 const char *old_slug, const char **slug)
{
	return edit_db_old_slug_find(db, &edit_sql, a, edition_id, old_slug,
	                             slug);
}
