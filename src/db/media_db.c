/*
 * media_db.c: the media library's queries (see media_db.h).  Writes are
 * short BEGIN IMMEDIATE transactions: the slow part of an upload (receiving,
 * decoding, encoding, fsyncing) is over before media_db_insert is called.
 */
#include <stdlib.h>
#include <string.h>

#include "../media/srcset.h"
#include "../render/markdown.h"
#include "db_internal.h"
#include "media_db.h"

#define USES_MAX 200

const char *const media_sections[] = {"cartoons", "newspics", "photos",
                                      "videos", NULL};
const char *const media_kinds[] = {"image", "pdf", "video", "audio", NULL};

/* The columns read_item reads, and what they need joined. */
#define ITEM_COLUMNS                                                           \
	"m.id, m.path, m.mime, m.kind, m.width, m.height, m.bytes, m.title, "  \
	"m.original_name, m.alt, m.caption, m.credit, "                        \
	"coalesce(m.section, ''), coalesce(m.uploaded_by, 0), "                \
	"coalesce(u.display_name, ''), m.created_at, m.version, "              \
	"coalesce((SELECT s.path FROM media_sizes s WHERE s.media_id = m.id "  \
	"AND s.mime = m.mime ORDER BY s.width LIMIT 1), m.path) "
#define ITEM_FROM "FROM media m LEFT JOIN users u ON u.id = m.uploaded_by "

static const char sql_insert[] =
    "INSERT INTO media (path, mime, width, height, bytes, alt, caption, "
    "uploaded_by, created_at, title, original_name, credit, section) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
static const char sql_insert_size[] =
    "INSERT INTO media_sizes (media_id, width, height, mime, path, bytes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_list[] =
    "SELECT " ITEM_COLUMNS ITEM_FROM
    "WHERE (?1 IS NULL OR instr(lower(m.title), lower(?1)) > 0 "
    "OR instr(lower(m.alt), lower(?1)) > 0 "
    "OR instr(lower(m.caption), lower(?1)) > 0) "
    "AND (?2 IS NULL OR m.kind = ?2) AND (?3 IS NULL OR m.section = ?3) "
    "ORDER BY m.created_at DESC, m.id DESC LIMIT ?4 OFFSET ?5";
static const char sql_get[] =
    "SELECT " ITEM_COLUMNS ITEM_FROM "WHERE m.id = ?1";
static const char sql_get_by_path[] =
    "SELECT " ITEM_COLUMNS ITEM_FROM "WHERE m.path = ?1";
static const char sql_sizes[] =
    "SELECT path, mime, width, height, bytes FROM media_sizes "
    "WHERE media_id = ?1 ORDER BY width, mime";
/* The same by the item's path, with the item's own type last. */
static const char sql_sizes_by_path[] =
    "SELECT s.path, s.mime, s.width, s.height, s.bytes, m.mime "
    "FROM media m JOIN media_sizes s ON s.media_id = m.id "
    "WHERE m.path = ?1 ORDER BY s.width, s.mime";
static const char sql_update[] =
    "UPDATE media SET title = ?3, alt = ?4, caption = ?5, credit = ?6, "
    "section = ?7, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_exists[] = "SELECT count(*) FROM media WHERE id = ?1";
/* What finds an item in a body: its path, or for image.c's files (which
 * have sizes) the random base name that its sizes share. */
static const char sql_needle[] =
    "SELECT path, EXISTS (SELECT 1 FROM media_sizes WHERE media_id = ?1) "
    "FROM media WHERE id = ?1";
static const char sql_uses[] =
    "SELECT 'featured', id, title, state FROM articles "
    "WHERE featured_media_id = ?1 "
    "UNION ALL SELECT 'article', id, title, state FROM articles "
    "WHERE instr(body_md, ?2) > 0 OR instr(body_html, ?2) > 0 "
    "UNION ALL SELECT 'page', id, title, state FROM pages "
    "WHERE instr(body_md, ?2) > 0 OR instr(body_html, ?2) > 0 "
    "UNION ALL SELECT 'media_post', id, title, state FROM media_posts "
    "WHERE image_id = ?1 OR video_id = ?1 "
    "UNION ALL SELECT 'album', p.id, p.title, p.state FROM album_items i "
    "JOIN media_posts p ON p.id = i.post_id WHERE i.media_id = ?1 "
    "UNION ALL SELECT 'publication', id, title, state FROM publications "
    "WHERE cover_id = ?1 OR pdf_id = ?1 "
    "LIMIT ?3";
static const char sql_delete[] = "DELETE FROM media WHERE id = ?1";
static const char sql_image[] =
    "SELECT id, width, height, mime, path, alt FROM media WHERE path = ?1";

/* Inserts the item and its sizes inside the open transaction; see
 * media_db.h. */
int
media_db_insert_locked(struct db *db, const struct media_new *in,
                       const struct media_file *files, size_t count,
                       long long *id)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	size_t i;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, files[0].path, -1);
	db_bind_text(st, 2, files[0].mime, -1);
	sqlite3_bind_int64(st, 3, files[0].width);
	sqlite3_bind_int64(st, 4, files[0].height);
	sqlite3_bind_int64(st, 5, files[0].bytes);
	db_bind_text(st, 6, in->alt ? in->alt : "", -1);
	db_bind_text(st, 7, in->caption ? in->caption : "", -1);
	if (in->uploaded_by > 0)
		sqlite3_bind_int64(st, 8, in->uploaded_by);
	sqlite3_bind_int64(st, 9, in->created_at);
	db_bind_text(st, 10, in->title ? in->title : "", -1);
	db_bind_text(st, 11, in->original_name ? in->original_name : "", -1);
	db_bind_text(st, 12, in->credit ? in->credit : "", -1);
	db_bind_text_opt(st, 13, in->section);
	if (db_exec_stmt(db, st) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->handle);
	for (i = 1; i < count; i++) {
		if ((st = db_stmt(db, sql_insert_size)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, files[i].width);
		sqlite3_bind_int64(st, 3, files[i].height);
		db_bind_text(st, 4, files[i].mime, -1);
		db_bind_text(st, 5, files[i].path, -1);
		sqlite3_bind_int64(st, 6, files[i].bytes);
		if (db_exec_stmt(db, st) < 0)
			return -1;
	}
	return 0;
}

/* Adds an item; see media_db.h. */
int
media_db_insert(struct db *db, const struct media_new *in,
                const struct media_file *files, size_t count, long long *id)
{
	*id = 0;
	if (count == 0 || db_begin(db) < 0)
		return -1;
	if (media_db_insert_locked(db, in, files, count, id) < 0) {
		db_rollback(db);
		*id = 0;
		return -1;
	}
	if (db_commit(db) < 0) {
		*id = 0;
		return -1;
	}
	return 0;
}

/* Fills an item from the ITEM_COLUMNS of the current row. */
static void
read_item(struct arena *a, sqlite3_stmt *st, struct media_item *m)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->path = db_col_text(a, st, 1);
	m->mime = db_col_text(a, st, 2);
	m->kind = db_col_text(a, st, 3);
	m->width = sqlite3_column_int64(st, 4);
	m->height = sqlite3_column_int64(st, 5);
	m->bytes = sqlite3_column_int64(st, 6);
	m->title = db_col_text(a, st, 7);
	m->original_name = db_col_text(a, st, 8);
	m->alt = db_col_text(a, st, 9);
	m->caption = db_col_text(a, st, 10);
	m->credit = db_col_text(a, st, 11);
	m->section = db_col_text(a, st, 12);
	m->uploaded_by = sqlite3_column_int64(st, 13);
	m->uploader = db_col_text(a, st, 14);
	m->created_at = sqlite3_column_int64(st, 15);
	m->version = sqlite3_column_int64(st, 16);
	m->thumb = db_col_text(a, st, 17);
}

/* Lists items; see media_db.h. */
int
media_db_list(struct db *db, struct arena *a, const struct media_filter *f,
              struct media_item **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	*rows = arena_calloc(a, f->limit ? f->limit : 1, sizeof(**rows));
	db_bind_text_opt(st, 1, f->q);
	db_bind_text_opt(st, 2, f->kind);
	db_bind_text_opt(st, 3, f->section);
	sqlite3_bind_int64(st, 4, (long long)f->limit);
	sqlite3_bind_int64(st, 5, f->offset);
	while (n < f->limit && (rc = db_step(db, st)) == SQLITE_ROW)
		read_item(a, st, &(*rows)[n++]);
	sqlite3_reset(st);
	if (n < f->limit && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}

/*
 * Reads the sizes the bound statement st gives (columns of sql_sizes,
 * then optionally the item's type, copied to *mime when mime is not NULL).
 */
static int
read_sizes(struct db *db, struct arena *a, sqlite3_stmt *st,
           struct media_file **out, size_t *count, const char **mime)
{
	size_t n = 0, cap = 16;
	int rc;

	*out = arena_calloc(a, cap, sizeof(**out));
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct media_file *f;

		*out = arena_grow(a, *out, n, &cap, sizeof(**out));
		f = &(*out)[n++];
		f->path = db_col_text(a, st, 0);
		f->mime = db_col_text(a, st, 1);
		f->width = sqlite3_column_int(st, 2);
		f->height = sqlite3_column_int(st, 3);
		f->bytes = sqlite3_column_int64(st, 4);
		if (mime != NULL && n == 1)
			*mime = db_col_text(a, st, 5);
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads an item's sizes; see media_db.h. */
int
media_db_sizes(struct db *db, struct arena *a, long long media_id,
               struct media_file **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_sizes);

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, media_id);
	return read_sizes(db, a, st, out, count, NULL);
}

/* Reads the sizes of the item at a path; see media_db.h. */
int
media_db_sizes_by_path(struct db *db, struct arena *a, const char *path,
                       struct media_file **out, size_t *count,
                       const char **mime)
{
	sqlite3_stmt *st = db_stmt(db, sql_sizes_by_path);

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, path, -1);
	return read_sizes(db, a, st, out, count, mime);
}

/* Reads one item by a statement with one bound parameter. */
static int
get_one(struct db *db, struct arena *a, sqlite3_stmt *st,
        struct media_item *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		read_item(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Reads an item; see media_db.h. */
int
media_db_get(struct db *db, struct arena *a, long long id,
             struct media_item *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = get_one(db, a, st, out)) != 0)
		return rc;
	return media_db_sizes(db, a, id, &out->sizes, &out->sizes_count);
}

/* Reads an item by its path; see media_db.h. */
int
media_db_get_by_path(struct db *db, struct arena *a, const char *path,
                     struct media_item *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_get_by_path);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, path, -1);
	return get_one(db, a, st, out);
}

/* Saves an edit; see media_db.h. */
enum media_save
media_db_update(struct db *db, const struct media_edit *e)
{
	sqlite3_stmt *st;
	int changed, error = 0;
	long long exists;

	if (db_begin(db) < 0)
		return MEDIA_SAVE_FAILED;
	if ((st = db_stmt(db, sql_update)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_int64(st, 2, e->version);
	db_bind_text(st, 3, e->title, -1);
	db_bind_text(st, 4, e->alt, -1);
	db_bind_text(st, 5, e->caption, -1);
	db_bind_text(st, 6, e->credit, -1);
	db_bind_text_opt(st, 7, e->section);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	changed = sqlite3_changes(db->handle);
	if (changed == 1)
		return db_commit(db) < 0 ? MEDIA_SAVE_FAILED : MEDIA_SAVE_OK;
	if ((st = db_stmt(db, sql_exists)) != NULL)
		sqlite3_bind_int64(st, 1, e->id);
	exists = db_one_int(db, st, &error);
	db_rollback(db);
	if (error)
		return MEDIA_SAVE_FAILED;
	return exists ? MEDIA_SAVE_CONFLICT : MEDIA_SAVE_MISSING;
fail:
	db_rollback(db);
	return MEDIA_SAVE_FAILED;
}

/*
 * Sets *needle to what names item id in a body ("/uploads/PATH", or for an
 * image with sizes "/uploads/DIR/BASE", which every size shares).  Returns
 * 0, 1 when there is no such item, or -1.
 */
static int
uses_needle(struct db *db, struct arena *a, long long id, const char **needle)
{
	sqlite3_stmt *st = db_stmt(db, sql_needle);
	const char *path, *dot, *slash;
	bool has_sizes;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	path = db_col_text(a, st, 0);
	has_sizes = sqlite3_column_int(st, 1) != 0;
	sqlite3_reset(st);
	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (has_sizes && dot != NULL && (slash == NULL || dot > slash + 1))
		path = arena_strndup(a, path, (size_t)(dot - path));
	*needle = arena_concat(a, "/uploads/", path, (char *)NULL);
	return 0;
}

/* Lists the uses of item id by its needle. */
static int
uses_list(struct db *db, struct arena *a, long long id, const char *needle,
          struct media_use **uses, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_uses);
	size_t n = 0;
	int rc;

	*count = 0;
	*uses = arena_calloc(a, USES_MAX, sizeof(**uses));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, needle, -1);
	sqlite3_bind_int64(st, 3, USES_MAX);
	while (n < USES_MAX && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct media_use *u = &(*uses)[n++];

		u->what = db_col_text(a, st, 0);
		u->id = sqlite3_column_int64(st, 1);
		u->title = db_col_text(a, st, 2);
		u->state = db_col_text(a, st, 3);
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* Lists what uses an item; see media_db.h. */
int
media_db_uses(struct db *db, struct arena *a, long long id,
              struct media_use **uses, size_t *count)
{
	const char *needle;
	int rc = uses_needle(db, a, id, &needle);

	*uses = NULL;
	*count = 0;
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return uses_list(db, a, id, needle, uses, count);
}

/* Deletes an unused item; see media_db.h. */
enum media_save
media_db_delete(struct db *db, struct arena *a, long long id,
                struct media_use **uses, size_t *count)
{
	const char *needle;
	sqlite3_stmt *st;
	int rc;

	*uses = NULL;
	*count = 0;
	if (db_begin(db) < 0)
		return MEDIA_SAVE_FAILED;
	rc = uses_needle(db, a, id, &needle);
	if (rc != 0) {
		db_rollback(db);
		return rc > 0 ? MEDIA_SAVE_MISSING : MEDIA_SAVE_FAILED;
	}
	if (uses_list(db, a, id, needle, uses, count) < 0)
		goto fail;
	if (*count > 0) {
		db_rollback(db);
		return MEDIA_SAVE_IN_USE;
	}
	if ((st = db_stmt(db, sql_delete)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	return db_commit(db) < 0 ? MEDIA_SAVE_FAILED : MEDIA_SAVE_OK;
fail:
	db_rollback(db);
	return MEDIA_SAVE_FAILED;
}

/*
 * Tells markdown.c (or the sanitiser) what the library knows of the image
 * at url; see media_db.h.
 */
int
media_db_image(void *ctx, const char *url, struct markdown_image *out)
{
	struct media_render *r = ctx;
	struct media_file original, *sizes;
	struct media_srcset set;
	sqlite3_stmt *st;
	size_t count;
	long long id;
	int rc;

	if (strncmp(url, "/uploads/", 9) != 0 ||
	    (st = db_stmt(r->db, sql_image)) == NULL)
		return -1;
	db_bind_text(st, 1, url + 9, -1);
	rc = db_step(r->db, st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	id = sqlite3_column_int64(st, 0);
	out->width = sqlite3_column_int64(st, 1);
	out->height = sqlite3_column_int64(st, 2);
	original.mime = db_col_text(&r->arena, st, 3);
	original.path = db_col_text(&r->arena, st, 4);
	out->alt = db_col_text(&r->arena, st, 5);
	original.width = (int)out->width;
	original.height = (int)out->height;
	original.bytes = 0;
	sqlite3_reset(st);
	if (media_db_sizes(r->db, &r->arena, id, &sizes, &count) == 0) {
		media_srcset(&r->arena, &original, sizes, count, &set);
		out->srcset = set.srcset;
		out->webp_srcset = set.webp;
	}
	return 0;
}

/* Renders a body with what the library knows; see media_db.h. */
int
media_db_render(struct db *db, const char *md, size_t len,
                struct trusted_html *out)
{
	struct media_render r = {.db = db};
	int rc;

	arena_init(&r.arena);
	rc = markdown_render_image(md, len, media_db_image, &r, out);
	arena_free(&r.arena);
	return rc;
}
