/*
 * comment_db.c: queries on readers' comments (see comment_db.h).  Every
 * write is one short BEGIN IMMEDIATE transaction, the queue's bulk
 * changes included; the triggers of sql/020_page_comments.sql keep each
 * article's count of approved comments inside it.  The queue's readers
 * and bulk changes are queue_db.c's, shared with the messages' queue:
 * this file names the statements and reads a row.
 */
#include <stdint.h>
#include <string.h>

#include "comment_db.h"
#include "queue_db.h"

const char *const comment_states[COMMENT_STATES__MAX] = {
    [COMMENT_PENDING] = "pending",
    [COMMENT_APPROVED] = "approved",
    [COMMENT_SPAM] = "spam",
    [COMMENT_TRASH] = "trash",
};

/* A parent must be shown: an approved comment under the same article or
 * page. */
static const char sql_parent_ok[] =
    "SELECT 1 FROM comments WHERE id = ?1 AND article_id IS ?2 "
    "AND page_id IS ?3 AND state = 'approved'";
/* The approval rule: an approved comment under the same name and address
 * (the address in any case; comments_author covers it). */
static const char sql_known[] =
    "SELECT EXISTS (SELECT 1 FROM comments WHERE state = 'approved' "
    "AND author_email = ?1 COLLATE NOCASE AND author_name = ?2)";
static const char sql_add[] =
    "INSERT INTO comments (article_id, page_id, parent_id, author_name, "
    "author_email, body, state, reason, ip_hash, created_at, updated_at) "
    "VALUES (?1, ?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
/* The columns every comment query starts with (read_comment), the
 * comments' table named C ("c." or ""); pages show no email address and
 * no reason. */
#define COMMENT_COLUMNS(C, EMAIL, BODY, REASON)                                \
	"SELECT " C "id, coalesce(" C "article_id, " C "page_id), " C          \
	"page_id IS NOT NULL, coalesce(" C "parent_id, 0), " C                 \
	"author_name, " EMAIL ", " C "author_url, " BODY ", " C                \
	"state, " REASON ", " C "created_at, " C "updated_at"
/* Two statements, so that each is planned on its own partial index. */
static const char sql_thread_article[] = COMMENT_COLUMNS(
    "", "''", "body",
    "''") " FROM comments "
          "WHERE article_id = ? AND state = 'approved' ORDER BY created_at, id";
static const char sql_thread_page[] = COMMENT_COLUMNS(
    "", "''", "body",
    "''") " FROM comments "
          "WHERE page_id = ? AND state = 'approved' ORDER BY created_at, id";
/* The queue's columns: the comment's (its text as BODY), then those of
 * the article or page it is under, and its parent's author. */
#define QUEUE_SELECT(BODY)                                                     \
	COMMENT_COLUMNS("c.", "c.author_email", BODY, "c.reason")              \
	", coalesce(a.title, g.title), coalesce(a.slug, g.slug), "             \
	"coalesce(a.state, g.state), e.prefix, coalesce(p.author_name, '') "   \
	"FROM comments c LEFT JOIN articles a ON a.id = c.article_id "         \
	"LEFT JOIN pages g ON g.id = c.page_id "                               \
	"JOIN editions e ON e.id = coalesce(a.edition_id, g.edition_id) "      \
	"LEFT JOIN comments p ON p.id = c.parent_id "
static const char sql_get[] = QUEUE_SELECT("c.body") "WHERE c.id = ?";
/* instr over lower() matches q as a literal piece of text, as the
 * messages' search does.  The snippet's length is COMMENT_SNIPPET_CHARS. */
static const char sql_list[] = QUEUE_SELECT(
    "substr(c.body, 1, 160)") "WHERE (?1 IS NULL OR c.state = ?1) AND (?2 IS "
                              "NULL OR "
                              "instr(lower(c.author_name), lower(?2)) > 0 OR "
                              "instr(lower(c.author_email), lower(?2)) > 0 OR "
                              "instr(lower(c.body), lower(?2)) > 0 OR "
                              "instr(lower(coalesce(a.title, g.title)), "
                              "lower(?2)) > 0) "
                              "ORDER BY c.created_at DESC, c.id DESC LIMIT ?3 "
                              "OFFSET ?4";
static const char sql_counts[] =
    "SELECT state, count(*) FROM comments GROUP BY state";
static const char sql_set_state[] =
    "UPDATE comments SET state = ?2, updated_at = ?3 WHERE id = ?1 "
    "AND state != ?2";
static const char sql_delete[] = "DELETE FROM comments WHERE id = ?";
static const char sql_purge[] =
    "DELETE FROM comments WHERE state IN ('spam', 'trash') "
    "AND updated_at < ?";

static void read_queue_row(struct arena *a, sqlite3_stmt *st, void *row);

/* The moderators' queue of comments, served by queue_db.c. */
static const struct queue_db queue = {
    .states = comment_states,
    .states_count = COMMENT_STATES__MAX,
    .sql_get = sql_get,
    .sql_list = sql_list,
    .sql_counts = sql_counts,
    .sql_set_state = sql_set_state,
    .sql_delete = sql_delete,
    .row_size = sizeof(struct comment),
    .read = read_queue_row,
};

/* Binds what a comment is under: its id at article_idx or page_idx, NULL
 * at the other. */
static void
bind_on(sqlite3_stmt *st, int article_idx, int page_idx, struct comment_on on)
{
	db_bind_id(st, article_idx, on.page ? 0 : on.id);
	db_bind_id(st, page_idx, on.page ? on.id : 0);
}

/* Returns the state named s; see comment_db.h. */
int
comment_state_parse(const char *s)
{
	return queue_db_state_parse(&queue, s);
}

/* Runs the one-integer query st, returning its value, or -1 on error. */
static long long
one_int(struct db *db, sqlite3_stmt *st)
{
	int error = 0;
	long long v = db_one_int(db, st, &error);

	return error ? -1 : v;
}

/* Files a comment; see comment_db.h. */
long long
comment_db_add(struct db *db, const struct comment_new *c,
               enum comment_state *state)
{
	enum comment_state s = c->state;
	const char *reason = c->reason ? c->reason : "";
	sqlite3_stmt *st;
	long long v;

	*state = s;
	if (db_begin(db) < 0)
		return -1;
	if (c->parent_id > 0) {
		if ((st = db_stmt(db, sql_parent_ok)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, c->parent_id);
		bind_on(st, 2, 3, c->on);
		if ((v = one_int(db, st)) < 0)
			goto fail;
		if (v == 0) {
			db_rollback(db);
			return COMMENT_NO_PARENT;
		}
	}
	if (c->approve_known) {
		if ((st = db_stmt(db, sql_known)) == NULL)
			goto fail;
		db_bind_text(st, 1, c->email, -1);
		db_bind_text(st, 2, c->name, -1);
		if ((v = one_int(db, st)) < 0)
			goto fail;
		if (v == 1) {
			s = COMMENT_APPROVED;
			reason = "";
		}
	}
	if ((st = db_stmt(db, sql_add)) == NULL)
		goto fail;
	bind_on(st, 1, 10, c->on);
	db_bind_id(st, 2, c->parent_id);
	db_bind_text(st, 3, c->name, -1);
	db_bind_text(st, 4, c->email, -1);
	db_bind_text(st, 5, c->body, -1);
	db_bind_text(st, 6, comment_states[s], -1);
	db_bind_text(st, 7, reason, -1);
	if (c->ip_hash != NULL)
		sqlite3_bind_blob(st, 8, c->ip_hash, COMMENT_IP_HASH_BYTES,
		                  SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 9, c->now);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	/* The rowid of the insert outlives its commit on this connection. */
	v = sqlite3_last_insert_rowid(db->handle);
	if (db_commit(db) < 0)
		return -1;
	*state = s;
	return v;
fail:
	db_rollback(db);
	return -1;
}

/* Reads the columns every comment query starts with (0 to 11) into row,
 * a struct comment. */
static void
read_comment(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct comment *out = row;

	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	out->on.id = sqlite3_column_int64(st, 1);
	out->on.page = sqlite3_column_int(st, 2) != 0;
	out->parent_id = sqlite3_column_int64(st, 3);
	out->name = db_col_text(a, st, 4);
	out->email = db_col_text(a, st, 5);
	out->url = db_col_text(a, st, 6);
	out->body = db_col_text(a, st, 7);
	out->state = db_col_text(a, st, 8);
	out->reason = db_col_text(a, st, 9);
	out->created_at = sqlite3_column_int64(st, 10);
	out->updated_at = sqlite3_column_int64(st, 11);
	out->on_title = out->on_slug = out->on_state = "";
	out->edition_prefix = out->parent_name = "";
}

/* Reads a row of the queue (QUEUE_SELECT) into row, a struct comment:
 * read_comment's columns, then the queue's (12 to 16). */
static void
read_queue_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct comment *out = row;

	read_comment(a, st, out);
	out->on_title = db_col_text(a, st, 12);
	out->on_slug = db_col_text(a, st, 13);
	out->on_state = db_col_text(a, st, 14);
	out->edition_prefix = db_col_text(a, st, 15);
	out->parent_name = db_col_text(a, st, 16);
}

/* Reads the approved comments under an article or a page; see
 * comment_db.h. */
int
comment_db_thread(struct db *db, struct arena *a, struct comment_on on,
                  struct comment **rows, size_t *count)
{
	sqlite3_stmt *st =
	    db_stmt(db, on.page ? sql_thread_page : sql_thread_article);
	void *items = NULL;
	int rc;

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, on.id);
	rc = queue_db_read_rows(db, a, st, SIZE_MAX, sizeof(**rows),
	                        read_comment, &items, count);
	*rows = items;
	return rc;
}

/* Reads one comment; see comment_db.h. */
int
comment_db_get(struct db *db, struct arena *a, long long id,
               struct comment *out)
{
	return queue_db_get(db, &queue, a, id, out);
}

/* Counts comments by state; see comment_db.h. */
int
comment_db_counts(struct db *db, long long counts[COMMENT_STATES__MAX])
{
	return queue_db_counts(db, &queue, counts);
}

/* Lists comments for the queue; see comment_db.h. */
int
comment_db_list(struct db *db, struct arena *a, const char *state,
                const char *q, long long offset, size_t limit,
                struct comment **rows, size_t *count)
{
	void *items;
	int rc = queue_db_list(db, &queue, a, state, q, offset, limit, &items,
	                       count);

	*rows = items;
	return rc;
}

/* Sets the state of several comments; see comment_db.h. */
int
comment_db_set_state(struct db *db, const long long *ids, size_t n,
                     const char *state, long long now)
{
	return queue_db_set_state(db, &queue, ids, n, state, now);
}

/* Deletes several comments; see comment_db.h. */
int
comment_db_delete(struct db *db, const long long *ids, size_t n)
{
	return queue_db_delete(db, &queue, ids, n);
}

/* Deletes old spam and trash; see comment_db.h. */
int
comment_db_purge(struct db *db, long long before)
{
	sqlite3_stmt *st = db_stmt(db, sql_purge);

	if (st != NULL)
		sqlite3_bind_int64(st, 1, before);
	return db_write_one(db, st);
}
