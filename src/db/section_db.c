/*
 * section_db.c: the queries on media posts and album photos (see
 * section_db.h).  A save runs through edit_db_save: Markdown first, then
 * one short write transaction for the checks and writes; the album is
 * replaced whole inside it, under the post's version check.
 */
#include <string.h>

#include "db_internal.h"
#include "section_db.h"

/* At most this many photos are read from one album. */
#define ALBUM_READ_MAX 1000

/* The image columns of a post: its own image, else (an album) the first
 * photo; then the album's photo count. */
#define POST_COLUMNS                                                           \
	"p.id, p.section, p.slug, p.title, p.published_at, p.updated_at, "     \
	"coalesce(m.path, ''), coalesce(m.width, 0), coalesce(m.height, 0), "  \
	"coalesce(m.alt, ''), coalesce(m.caption, ''), "                       \
	"(SELECT count(*) FROM album_items i WHERE i.post_id = p.id) "
#define POST_IMAGE_JOIN                                                        \
	"LEFT JOIN media m ON m.id = coalesce(p.image_id, "                    \
	"(SELECT i.media_id FROM album_items i WHERE i.post_id = p.id "        \
	"ORDER BY i.position LIMIT 1)) "

static const char sql_list[] =
    "SELECT " POST_COLUMNS "FROM media_posts p " POST_IMAGE_JOIN
    "WHERE p.edition_id = ?1 AND p.section = ?2 AND p.state = 'published' "
    "ORDER BY p.published_at DESC, p.id DESC LIMIT ?3 OFFSET ?4";
static const char sql_get[] =
    "SELECT " POST_COLUMNS ", p.caption_html, coalesce(u.display_name, ''), "
    "coalesce(v.path, ''), coalesce(v.width, 0), coalesce(v.height, 0), "
    "coalesce(v.mime, ''), coalesce(p.video_provider, ''), "
    "coalesce(p.video_ref, '') FROM media_posts p " POST_IMAGE_JOIN
    "LEFT JOIN media v ON v.id = p.video_id "
    "LEFT JOIN users u ON u.id = p.author_id "
    "WHERE p.edition_id = ?1 AND p.section = ?2 AND p.slug = ?3 "
    "AND p.state = 'published'";
static const char sql_photos[] =
    "SELECT i.position, m.path, m.width, m.height, m.alt, "
    "CASE WHEN i.caption != '' THEN i.caption ELSE m.caption END "
    "FROM album_items i JOIN media m ON m.id = i.media_id "
    "WHERE i.post_id = ? ORDER BY i.position LIMIT ?";
static const char sql_admin_list[] =
    "SELECT p.id, p.section, p.title, p.slug, p.state, e.code, e.prefix, "
    "coalesce(u.display_name, ''), coalesce(w.display_name, ''), "
    "p.updated_at FROM media_posts p "
    "JOIN editions e ON e.id = p.edition_id "
    "LEFT JOIN users u ON u.id = p.author_id "
    "LEFT JOIN users w ON w.id = p.updated_by "
    "WHERE (?1 IS NULL AND p.state != 'trash' OR p.state = ?1) "
    "AND (?2 IS NULL OR p.section = ?2) AND (?3 = 0 OR p.author_id = ?3) "
    "AND (?6 = 0 OR p.edition_id = ?6) "
    "ORDER BY p.updated_at DESC, p.id DESC LIMIT ?4 OFFSET ?5";
static const char sql_admin_get[] =
    "SELECT id, edition_id, section, title, slug, caption_md, state, "
    "coalesce(image_id, 0), coalesce(video_id, 0), "
    "coalesce(video_provider, ''), coalesce(video_ref, ''), "
    "coalesce(published_at, 0), coalesce(author_id, 0), version "
    "FROM media_posts WHERE id = ?";
static const char sql_album_get[] =
    "SELECT media_id, caption FROM album_items WHERE post_id = ? "
    "ORDER BY position LIMIT ?";
static const char sql_version[] =
    "SELECT version, slug, edition_id FROM media_posts WHERE id = ?";
static const char sql_slug_owner[] =
    "SELECT id FROM media_posts WHERE edition_id = ? AND slug = ? "
    "AND id != ?";
/* Posts keep no old slugs: only the version and slug steps are shared. */
static const struct edit_sql edit_sql = {sql_version, sql_slug_owner, NULL,
                                         NULL, NULL};
static const char sql_insert[] =
    "INSERT INTO media_posts (edition_id, section, slug, title, state, "
    "image_id, video_id, video_provider, video_ref, published_at, "
    "caption_md, caption_html, author_id, updated_by, created_at, "
    "updated_at, version, trashed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?14, 1, "
    "CASE WHEN ?5 = 'trash' THEN ?14 END)";
static const char sql_update[] =
    "UPDATE media_posts SET edition_id = ?1, section = ?2, slug = ?3, "
    "title = ?4, state = ?5, image_id = ?6, video_id = ?7, "
    "video_provider = ?8, video_ref = ?9, published_at = ?10, "
    "caption_md = ?11, caption_html = ?12, updated_by = ?13, "
    "updated_at = ?14, version = version + 1, "
    "trashed_at = CASE WHEN ?5 = 'trash' THEN coalesce(trashed_at, ?14) END "
    "WHERE id = ?15";
static const char sql_album_clear[] =
    "DELETE FROM album_items WHERE post_id = ?";
static const char sql_album_add[] =
    "INSERT INTO album_items (post_id, position, media_id, caption) "
    "VALUES (?, ?, ?, ?)";

/* Reads a media_ref from five columns starting at col. */
static void
read_ref(struct arena *a, sqlite3_stmt *st, int col, struct media_ref *r)
{
	r->path = db_col_text(a, st, col);
	r->width = sqlite3_column_int64(st, col + 1);
	r->height = sqlite3_column_int64(st, col + 2);
	r->alt = db_col_text(a, st, col + 3);
	r->caption = db_col_text(a, st, col + 4);
}

/* Fills a post from the POST_COLUMNS of the current row. */
static void
read_post(struct arena *a, sqlite3_stmt *st, struct media_post *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->section = db_col_text(a, st, 1);
	p->slug = db_col_text(a, st, 2);
	p->title = db_col_text(a, st, 3);
	p->published_at = sqlite3_column_int64(st, 4);
	p->updated_at = sqlite3_column_int64(st, 5);
	read_ref(a, st, 6, &p->image);
	p->photos = sqlite3_column_int64(st, 11);
	p->caption.html = "";
	p->author_name = "";
	p->video.path = p->video.alt = p->video.caption = "";
	p->video_mime = p->video_provider = p->video_ref = "";
}

/* Lists a section's posts; see section_db.h. */
int
media_post_db_list(struct db *db, struct arena *a, long long edition_id,
                   const char *section, long long offset, size_t limit,
                   struct media_post **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = arena_calloc(a, limit ? limit : 1, sizeof(**rows));
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, section, -1);
	sqlite3_bind_int64(st, 3, (long long)limit);
	sqlite3_bind_int64(st, 4, offset);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW)
		read_post(a, st, &(*rows)[n++]);
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	*count = n;
	return 0;
}

/* Reads a published post; see section_db.h. */
int
media_post_db_get(struct db *db, struct arena *a, long long edition_id,
                  const char *section, const char *slug, struct media_post *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, section, -1);
	db_bind_text(st, 3, slug, -1);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		read_post(a, st, out);
		/* Stored rendering, made by markdown.c on save. */
		out->caption.html = db_col_text(a, st, 12);
		out->caption.len = strlen(out->caption.html);
		out->author_name = db_col_text(a, st, 13);
		out->video.path = db_col_text(a, st, 14);
		out->video.width = sqlite3_column_int64(st, 15);
		out->video.height = sqlite3_column_int64(st, 16);
		out->video_mime = db_col_text(a, st, 17);
		out->video_provider = db_col_text(a, st, 18);
		out->video_ref = db_col_text(a, st, 19);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Reads an album's photos; see section_db.h. */
int
album_db_photos(struct db *db, struct arena *a, long long post_id,
                struct album_photo **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_photos);
	size_t n = 0, cap = 0;
	struct album_photo *p = NULL;
	int rc;

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, post_id);
	sqlite3_bind_int64(st, 2, ALBUM_READ_MAX);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		p = arena_grow(a, p, n, &cap, sizeof(*p));
		p[n].position = sqlite3_column_int64(st, 0);
		p[n].image.path = db_col_text(a, st, 1);
		p[n].image.width = sqlite3_column_int64(st, 2);
		p[n].image.height = sqlite3_column_int64(st, 3);
		p[n].image.alt = db_col_text(a, st, 4);
		p[n].image.caption = p[n].caption = db_col_text(a, st, 5);
		n++;
	}
	sqlite3_reset(st);
	*out = p;
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Lists posts for the admin; see section_db.h. */
int
media_post_admin_list(struct db *db, struct arena *a,
                      const struct media_post_filter *f,
                      struct media_post_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_admin_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = arena_calloc(a, f->limit ? f->limit : 1, sizeof(**rows));
	*count = 0;
	if (st == NULL)
		return -1;
	db_bind_text_opt(st, 1, f->state);
	db_bind_text_opt(st, 2, f->section);
	sqlite3_bind_int64(st, 3, f->author_id);
	sqlite3_bind_int64(st, 4, (long long)f->limit);
	sqlite3_bind_int64(st, 5, f->offset);
	sqlite3_bind_int64(st, 6, f->edition_id);
	while (n < f->limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct media_post_row *r = &(*rows)[n++];

		r->id = sqlite3_column_int64(st, 0);
		r->section = db_col_text(a, st, 1);
		r->title = db_col_text(a, st, 2);
		r->slug = db_col_text(a, st, 3);
		r->state = db_col_text(a, st, 4);
		r->edition_code = db_col_text(a, st, 5);
		r->edition_prefix = db_col_text(a, st, 6);
		r->author_name = db_col_text(a, st, 7);
		r->editor_name = db_col_text(a, st, 8);
		r->updated_at = sqlite3_column_int64(st, 9);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	*count = n;
	return 0;
}

/* Reads the album of post id into out. */
static int
album_get(struct db *db, struct arena *a, long long id,
          struct media_post_edit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_album_get);
	size_t n = 0, cap = 0;
	struct album_entry *e = NULL;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, ALBUM_READ_MAX);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		e = arena_grow(a, e, n, &cap, sizeof(*e));
		e[n].media_id = sqlite3_column_int64(st, 0);
		e[n].caption = db_col_text(a, st, 1);
		n++;
	}
	sqlite3_reset(st);
	out->album = e;
	out->album_count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads a post for editing; see section_db.h. */
int
media_post_admin_get(struct db *db, struct arena *a, long long id,
                     struct media_post_edit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_admin_get);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->edition_id = sqlite3_column_int64(st, 1);
		out->section = db_col_text(a, st, 2);
		out->title = db_col_text(a, st, 3);
		out->slug = db_col_text(a, st, 4);
		out->caption_md = db_col_text(a, st, 5);
		out->state = db_col_text(a, st, 6);
		out->image_id = sqlite3_column_int64(st, 7);
		out->video_id = sqlite3_column_int64(st, 8);
		out->video_provider = db_col_text(a, st, 9);
		out->video_ref = db_col_text(a, st, 10);
		out->published_at = sqlite3_column_int64(st, 11);
		out->author_id = sqlite3_column_int64(st, 12);
		out->version = sqlite3_column_int64(st, 13);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : -1;
	return album_get(db, a, id, out);
}

/* Checks the library items a post names. */
static enum save_result
check_media(struct db *db, const void *item)
{
	const struct media_post_edit *in = item;
	enum save_result res = edit_db_media_ok(db, in->image_id, "image/*");

	if (res == SAVE_OK)
		res = edit_db_media_ok(db, in->video_id, "video/*");
	for (size_t i = 0; in->album_set && i < in->album_count; i++)
		if (res == SAVE_OK)
			res = edit_db_media_ok(db, in->album[i].media_id,
			                       "image/*");
	return res;
}

/* Binds a post's fields (see sql_insert and sql_update). */
static void
bind_post(sqlite3_stmt *st, const void *item, const struct trusted_html *html,
          long long user, long long now)
{
	const struct media_post_edit *in = item;

	sqlite3_bind_int64(st, 1, in->edition_id);
	db_bind_text(st, 2, in->section, -1);
	db_bind_text(st, 3, in->slug, -1);
	db_bind_text(st, 4, in->title, -1);
	db_bind_text(st, 5, in->state, -1);
	if (in->image_id > 0)
		sqlite3_bind_int64(st, 6, in->image_id);
	if (in->video_id > 0)
		sqlite3_bind_int64(st, 7, in->video_id);
	db_bind_text_opt(st, 8, in->video_provider);
	db_bind_text_opt(
	    st, 9,
	    in->video_provider && *in->video_provider ? in->video_ref : NULL);
	if (in->published_at > 0)
		sqlite3_bind_int64(st, 10, in->published_at);
	db_bind_text(st, 11, in->caption_md, -1);
	db_bind_text(st, 12, html->html, (int)html->len);
	sqlite3_bind_int64(st, 13, user);
	sqlite3_bind_int64(st, 14, now);
	if (in->id > 0)
		sqlite3_bind_int64(st, 15, in->id);
}

/* When in sets its album: replaces the album of post id with in's
 * photos, positions 1, 2, … */
static enum save_result
album_replace(struct db *db, long long id, const void *item)
{
	const struct media_post_edit *in = item;
	sqlite3_stmt *st;

	if (!in->album_set)
		return SAVE_OK;
	if ((st = db_stmt(db, sql_album_clear)) != NULL)
		sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st) < 0)
		return SAVE_FAILED;
	for (size_t i = 0; i < in->album_count; i++) {
		if ((st = db_stmt(db, sql_album_add)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, (long long)i + 1);
			sqlite3_bind_int64(st, 3, in->album[i].media_id);
			db_bind_text(st, 4, in->album[i].caption, -1);
		}
		if (db_exec_stmt(db, st) < 0)
			return SAVE_FAILED;
	}
	return SAVE_OK;
}

/* A post's save: posts keep no old slugs. */
static const struct edit_item_steps post_steps = {
    .sql = &edit_sql,
    .insert = sql_insert,
    .update = sql_update,
    .check = check_media,
    .bind = bind_post,
    .after = album_replace,
};

/* Saves a post; see section_db.h. */
enum save_result
media_post_admin_save(struct db *db, const struct media_post_edit *in,
                      long long user_id, long long now, long long *id_out)
{
	struct edit_item item = {in->id,   in->version,    in->edition_id,
	                         in->slug, in->caption_md, in};

	return edit_db_save_item(db, &post_steps, &item, user_id, now, id_out);
}
