/*
 * revision_db.c: reading the revisions of an article or a page (see
 * revision_db.h).  Nothing here writes: a revision is kept by the save
 * that makes it.  Each query comes twice, once per table: the two tables
 * differ (a page has no excerpt), and each statement is planned on its
 * own index.
 */
#include <string.h>

#include "db_internal.h"
#include "revision_db.h"

static const char sql_list[] =
    "SELECT r.id, r.created_at, coalesce(u.display_name, ''), r.title, "
    "length(r.body_md), r.title = a.title AND r.excerpt = a.excerpt AND "
    "r.body_md = a.body_md FROM revisions r "
    "JOIN articles a ON a.id = r.article_id "
    "LEFT JOIN users u ON u.id = r.user_id "
    "WHERE r.article_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?";
static const char sql_count[] =
    "SELECT count(*) FROM revisions WHERE article_id = ?";
static const char sql_get[] =
    "SELECT r.id, r.created_at, coalesce(u.display_name, ''), r.title, "
    "r.excerpt, r.body_md FROM revisions r "
    "LEFT JOIN users u ON u.id = r.user_id "
    "WHERE r.id = ? AND r.article_id = ?";
static const char sql_page_list[] =
    "SELECT r.id, r.created_at, coalesce(u.display_name, ''), r.title, "
    "length(r.body_md), r.title = p.title AND r.body_md = p.body_md "
    "FROM page_revisions r JOIN pages p ON p.id = r.page_id "
    "LEFT JOIN users u ON u.id = r.user_id "
    "WHERE r.page_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?";
static const char sql_page_count[] =
    "SELECT count(*) FROM page_revisions WHERE page_id = ?";
static const char sql_page_get[] =
    "SELECT r.id, r.created_at, coalesce(u.display_name, ''), r.title, "
    "'', r.body_md FROM page_revisions r "
    "LEFT JOIN users u ON u.id = r.user_id "
    "WHERE r.id = ? AND r.page_id = ?";

/* Lists revisions; see revision_db.h. */
int
revision_db_list(struct db *db, struct arena *a, struct revision_of of,
                 long long offset, size_t limit, struct revision_row **rows,
                 size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, of.page ? sql_page_list : sql_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	*rows = arena_calloc(a, limit ? limit : 1, sizeof(**rows));
	sqlite3_bind_int64(st, 1, of.id);
	sqlite3_bind_int64(st, 2, (long long)limit);
	sqlite3_bind_int64(st, 3, offset);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct revision_row *r = &(*rows)[n++];

		r->id = sqlite3_column_int64(st, 0);
		r->created_at = sqlite3_column_int64(st, 1);
		r->user_name = db_col_text(a, st, 2);
		r->title = db_col_text(a, st, 3);
		r->body_chars = sqlite3_column_int64(st, 4);
		r->is_current = sqlite3_column_int(st, 5) != 0;
	}
	sqlite3_reset(st);
	if (n < limit && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}

/* Counts revisions; see revision_db.h. */
long long
revision_db_count(struct db *db, struct revision_of of)
{
	sqlite3_stmt *st = db_stmt(db, of.page ? sql_page_count : sql_count);
	long long n = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, of.id);
	if (db_step(db, st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

/* Reads one revision; see revision_db.h. */
int
revision_db_get(struct db *db, struct arena *a, struct revision_of of,
                long long id, struct revision *out)
{
	sqlite3_stmt *st = db_stmt(db, of.page ? sql_page_get : sql_get);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, of.id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->created_at = sqlite3_column_int64(st, 1);
		out->user_name = db_col_text(a, st, 2);
		out->title = db_col_text(a, st, 3);
		out->excerpt = db_col_text(a, st, 4);
		out->body_md = db_col_text(a, st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}
