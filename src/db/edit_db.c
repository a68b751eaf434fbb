/*
 * edit_db.c: the steps that the saves of articles, pages, media posts and
 * publications share (see edit_db.h), and the library items their editors
 * offer.  The statements are the caller's; this file only runs
 * them in the order every save needs.
 */
#include <stdlib.h>
#include <string.h>

#include "../render/sanitize.h"
#include "../util/alloc.h"
#include "db_internal.h"
#include "edit_db.h"
#include "media_db.h"

/* Runs a save; see edit_db.h. */
enum save_result
edit_db_save(struct db *db, const char *body_md, edit_locked_fn locked,
             void *ctx)
{
	return edit_db_save_source(db, body_md, false, locked, ctx);
}

/* Reads a row's flag; see edit_db.h. */
int
edit_db_flag(struct db *db, const char *sql, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int error = 0;
	long long v;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	v = db_one_int(db, st, &error);
	return error ? -1 : v != 0;
}

/* Sanitises an HTML source with the library's sizes; 0 or -1. */
static int
sanitize_with_media(struct db *db, const char *body, struct trusted_html *out)
{
	struct media_render r = {.db = db};
	struct sanitize_options o = {NULL, media_db_image, &r};
	int rc;

	arena_init(&r.arena);
	rc = sanitize_html(body, strlen(body), &o, out);
	arena_free(&r.arena);
	return rc;
}

/* Runs a save of a Markdown or HTML body; see edit_db.h. */
enum save_result
edit_db_save_source(struct db *db, const char *body, bool html_source,
                    edit_locked_fn locked, void *ctx)
{
	struct trusted_html html;
	enum save_result res;

	/* Slow work first, outside the write lock; images of the media
	 * library get their size and srcset. */
	if ((html_source ? sanitize_with_media(db, body, &html)
	                 : media_db_render(db, body, strlen(body), &html)) < 0)
		return SAVE_BAD_BODY;
	if (db_begin(db) < 0) {
		free((char *)html.html);
		return SAVE_FAILED;
	}
	res = locked(db, ctx, &html);
	free((char *)html.html);
	if (res != SAVE_OK) {
		db_rollback(db);
		return res;
	}
	return db_commit(db) < 0 ? SAVE_FAILED : SAVE_OK;
}

/* Each table's trash, by enum edit_table: the names are these literals,
 * never input. */
static const char *const sql_purge_trash[EDIT_TABLES__MAX] = {
    [EDIT_ARTICLES] =
        "DELETE FROM articles WHERE state = 'trash' AND trashed_at <= ?",
    [EDIT_PAGES] =
        "DELETE FROM pages WHERE state = 'trash' AND trashed_at <= ?",
    [EDIT_MEDIA_POSTS] =
        "DELETE FROM media_posts WHERE state = 'trash' AND trashed_at <= ?",
    [EDIT_PUBLICATIONS] =
        "DELETE FROM publications WHERE state = 'trash' AND trashed_at <= ?",
};

/* Empties a table's trash of old items; see edit_db.h. */
int
edit_db_purge_trash(struct db *db, enum edit_table table, long long now,
                    long long max_age_s)
{
	sqlite3_stmt *st;

	if ((size_t)table >= EDIT_TABLES__MAX)
		return -1;
	if ((st = db_stmt(db, sql_purge_trash[table])) != NULL)
		sqlite3_bind_int64(st, 1, now - max_age_s);
	return db_write_one(db, st);
}

/* Checks the version and the slug; see edit_db.h. */
enum save_result
edit_db_check(struct db *db, const struct edit_sql *q, long long id,
              long long version, long long edition_id, const char *slug,
              struct edit_prior *prior)
{
	sqlite3_stmt *st;
	int error = 0;
	long long other;

	memset(prior, 0, sizeof(*prior));
	if (id > 0) {
		if ((st = db_stmt(db, q->version)) == NULL)
			return SAVE_FAILED;
		sqlite3_bind_int64(st, 1, id);
		if (db_step(db, st) != SQLITE_ROW) {
			sqlite3_reset(st);
			return SAVE_FAILED;
		}
		if (sqlite3_column_int64(st, 0) != version) {
			sqlite3_reset(st);
			return SAVE_CONFLICT;
		}
		prior->slug = xstrdup((const char *)sqlite3_column_text(st, 1));
		prior->edition_id = sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
	}
	if ((st = db_stmt(db, q->slug_owner)) != NULL) {
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, slug, -1);
		sqlite3_bind_int64(st, 3, id);
	}
	other = db_one_int(db, st, &error);
	if (other == 0 && !error)
		return SAVE_OK;
	free(prior->slug);
	prior->slug = NULL;
	return error ? SAVE_FAILED : SAVE_SLUG_TAKEN;
}

/* What a save of an item hands to its work inside the transaction. */
struct item_save {
	const struct edit_item_steps *s;
	const struct edit_item *item;
	long long user;
	long long now;
	long long *id;
};

/* The checks and writes of an item's save, inside its transaction. */
static enum save_result
item_locked(struct db *db, void *ctx, const struct trusted_html *html)
{
	const struct item_save *c = ctx;
	const struct edit_item *it = c->item;
	struct edit_prior prior;
	sqlite3_stmt *st;
	enum save_result res;

	*c->id = it->id;
	res = edit_db_check(db, c->s->sql, it->id, it->version, it->edition_id,
	                    it->slug, &prior);
	free(prior.slug); /* no old slugs to keep */
	if (res != SAVE_OK || (res = c->s->check(db, it->in)) != SAVE_OK)
		return res;
	if ((st = db_stmt(db, it->id > 0 ? c->s->update : c->s->insert)) ==
	    NULL)
		return SAVE_FAILED;
	c->s->bind(st, it->in, html, c->user, c->now);
	if (db_exec_stmt(db, st) < 0)
		return SAVE_FAILED;
	if (it->id == 0)
		*c->id = sqlite3_last_insert_rowid(db->handle);
	return c->s->after(db, *c->id, it->in);
}

/* Saves an item that keeps no old slugs; see edit_db.h. */
enum save_result
edit_db_save_item(struct db *db, const struct edit_item_steps *s,
                  const struct edit_item *item, long long user_id,
                  long long now, long long *id_out)
{
	struct item_save c = {s, item, user_id, now, id_out};
	enum save_result res;

	*id_out = 0;
	res = edit_db_save(db, item->body_md, item_locked, &c);
	if (res != SAVE_OK)
		*id_out = 0;
	return res;
}

/* Keeps the old slugs; see edit_db.h. */
int
edit_db_old_slugs(struct db *db, const struct edit_sql *q, long long id,
                  long long edition_id, const char *slug,
                  const struct edit_prior *prior)
{
	sqlite3_stmt *st;

	/* The new slug is no longer an old one; the old one now leads here. */
	if ((st = db_stmt(db, q->old_slug_drop)) != NULL) {
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, slug, -1);
	}
	if (db_exec_stmt(db, st) < 0)
		return -1;
	if (prior->slug == NULL ||
	    (strcmp(prior->slug, slug) == 0 && prior->edition_id == edition_id))
		return 0;
	if ((st = db_stmt(db, q->old_slug_add)) != NULL) {
		sqlite3_bind_int64(st, 1, prior->edition_id);
		db_bind_text(st, 2, prior->slug, -1);
		sqlite3_bind_int64(st, 3, id);
	}
	return db_exec_stmt(db, st);
}

/* Follows an old slug; see edit_db.h. */
int
edit_db_old_slug_find(struct db *db, const struct edit_sql *q, struct arena *a,
                      long long edition_id, const char *old_slug,
                      const char **slug)
{
	sqlite3_stmt *st = db_stmt(db, q->old_slug_find);
	int rc;

	*slug = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, old_slug, -1);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		*slug = db_col_text(a, st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static const char sql_media_ok[] =
    "SELECT count(*) FROM media WHERE id = ? AND mime GLOB ?";
static const char sql_media_newest[] =
    "SELECT id, path, alt FROM media WHERE mime GLOB ? "
    "ORDER BY id DESC LIMIT ?";
static const char sql_media_one[] =
    "SELECT id, path, alt FROM media WHERE id = ? AND mime GLOB ?";

/* Checks a chosen library item; see edit_db.h. */
enum save_result
edit_db_media_ok(struct db *db, long long id, const char *mime_glob)
{
	sqlite3_stmt *st;
	int error = 0;
	long long n;

	if (id == 0)
		return SAVE_OK;
	if ((st = db_stmt(db, sql_media_ok)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, mime_glob, -1);
	}
	n = db_one_int(db, st, &error);
	return error ? SAVE_FAILED : n > 0 ? SAVE_OK : SAVE_BAD_MEDIA;
}

/* Reads the current row of st (id, path, alt) into o. */
static void
read_option(struct arena *a, sqlite3_stmt *st, struct media_option *o)
{
	o->id = sqlite3_column_int64(st, 0);
	o->path = db_col_text(a, st, 1);
	o->alt = db_col_text(a, st, 2);
}

/* Lists library items for a <select>; see edit_db.h. */
int
edit_db_media_options(struct db *db, struct arena *a, const char *mime_glob,
                      const long long *selected, size_t n_selected,
                      size_t limit, struct media_option **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_media_newest);
	size_t n = 0, i, k;
	int rc = SQLITE_DONE;

	*out = arena_calloc(a, limit + n_selected + 1, sizeof(**out));
	*count = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, mime_glob, -1);
	sqlite3_bind_int64(st, 2, (long long)limit);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW)
		read_option(a, st, &(*out)[n++]);
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	for (i = 0; i < n_selected; i++) {
		for (k = 0; k < n && (*out)[k].id != selected[i]; k++)
			;
		if (selected[i] <= 0 || k < n)
			continue;
		if ((st = db_stmt(db, sql_media_one)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, selected[i]);
		db_bind_text(st, 2, mime_glob, -1);
		rc = db_step(db, st);
		if (rc == SQLITE_ROW)
			read_option(a, st, &(*out)[n++]);
		sqlite3_reset(st);
		if (rc < 0)
			return -1;
	}
	*count = n;
	return 0;
}
