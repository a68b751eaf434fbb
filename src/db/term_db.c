/*
 * term_db.c: the categories and tags admin's queries (see term_db.h).
 * The two tables differ (only categories nest), so each kind has its own
 * statements, chosen through struct term_sql.
 */
#include <string.h>

#include "db_internal.h"
#include "term_db.h"

/* Columns of a listed term: id, edition, parent, slug, name,
 * description, its published articles (the count WordPress shows), its
 * articles in any state (what deleting it touches). */
#define CAT_COLUMNS                                                            \
	"SELECT c.id, c.edition_id, coalesce(c.parent_id, 0), c.slug, "        \
	"c.name, c.description, (SELECT count(*) FROM articles a "             \
	"WHERE a.category_id = c.id AND a.state = 'published'), "              \
	"(SELECT count(*) FROM articles a WHERE a.category_id = c.id) "        \
	"FROM categories c "
#define TAG_COLUMNS                                                            \
	"SELECT g.id, g.edition_id, 0, g.slug, g.name, g.description, "        \
	"(SELECT count(*) FROM article_tags t JOIN articles a "                \
	"ON a.id = t.article_id WHERE t.tag_id = g.id "                        \
	"AND a.state = 'published'), "                                         \
	"(SELECT count(*) FROM article_tags t WHERE t.tag_id = g.id) "         \
	"FROM tags g "
static const char sql_cat_list[] =
    CAT_COLUMNS "WHERE c.edition_id = ?1 ORDER BY c.name, c.id "
                "LIMIT ?3 OFFSET ?2";
static const char sql_tag_list[] =
    TAG_COLUMNS "WHERE g.edition_id = ?1 ORDER BY g.name, g.id "
                "LIMIT ?3 OFFSET ?2";
static const char sql_cat_get[] = CAT_COLUMNS "WHERE c.id = ?1";
static const char sql_tag_get[] = TAG_COLUMNS "WHERE g.id = ?1";
static const char sql_cat_slug[] =
    "SELECT count(*) FROM categories WHERE edition_id = ?1 AND slug = ?2 "
    "AND id != ?3";
static const char sql_tag_slug[] =
    "SELECT count(*) FROM tags WHERE edition_id = ?1 AND slug = ?2 "
    "AND id != ?3";
/* 1 when ?1 is a category of edition ?2 and category ?3 is neither it
 * nor above it (UNION ends a walk round a cycle already stored). */
static const char sql_parent_ok[] =
    "WITH RECURSIVE up(id) AS (SELECT id FROM categories WHERE id = ?1 "
    "AND edition_id = ?2 UNION SELECT c.parent_id FROM categories c "
    "JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL) "
    "SELECT EXISTS (SELECT 1 FROM up) AND NOT EXISTS "
    "(SELECT 1 FROM up WHERE id = ?3)";
static const char sql_cat_insert[] =
    "INSERT INTO categories (edition_id, parent_id, slug, name, "
    "description) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_cat_update[] =
    "UPDATE categories SET parent_id = ?2, slug = ?3, name = ?4, "
    "description = ?5 WHERE id = ?1";
static const char sql_tag_insert[] =
    "INSERT INTO tags (edition_id, slug, name, description) "
    "VALUES (?1, ?2, ?3, ?4)";
static const char sql_tag_update[] =
    "UPDATE tags SET slug = ?2, name = ?3, description = ?4 WHERE id = ?1";
static const char sql_redirect_add[] =
    "INSERT INTO redirects (path, kind, target_id, url, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (path) DO UPDATE SET "
    "kind = excluded.kind, target_id = excluded.target_id, "
    "url = excluded.url";
static const char sql_redirect_drop[] =
    "DELETE FROM redirects WHERE kind = ?1 AND target_id = ?2";
static const char sql_children_up[] =
    "UPDATE categories SET parent_id = (SELECT parent_id FROM categories "
    "WHERE id = ?1) WHERE parent_id = ?1";
static const char sql_cat_delete[] = "DELETE FROM categories WHERE id = ?1";
static const char sql_tag_delete[] = "DELETE FROM tags WHERE id = ?1";

/* The statements of one kind, and its name in redirects and paths. */
struct term_sql {
	const char *list, *get, *slug, *del;
	const char *kind; /* "category" or "tag" */
};

static const struct term_sql term_sql[] = {
    [TERM_CATEGORY] = {sql_cat_list, sql_cat_get, sql_cat_slug, sql_cat_delete,
                       "category"},
    [TERM_TAG] = {sql_tag_list, sql_tag_get, sql_tag_slug, sql_tag_delete,
                  "tag"},
};

/* Reads the current row of a list or get statement into r. */
static void
read_row(struct arena *a, sqlite3_stmt *st, struct term_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->edition_id = sqlite3_column_int64(st, 1);
	r->parent_id = sqlite3_column_int64(st, 2);
	r->slug = db_col_text(a, st, 3);
	r->name = db_col_text(a, st, 4);
	r->description = db_col_text(a, st, 5);
	r->published = sqlite3_column_int64(st, 6);
	r->articles = sqlite3_column_int64(st, 7);
}

/* Lists an edition's terms; see term_db.h. */
int
term_db_list(struct db *db, struct arena *a, enum term_kind kind,
             long long edition_id, long long offset, size_t limit,
             struct term_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, term_sql[kind].list);
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	sqlite3_bind_int64(st, 2, offset);
	sqlite3_bind_int64(st, 3, (long long)limit);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		*rows = arena_grow(a, *rows, n, &cap, sizeof(**rows));
		read_row(a, st, &(*rows)[n++]);
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads one term; see term_db.h. */
int
term_db_get(struct db *db, struct arena *a, enum term_kind kind, long long id,
            struct term_row *out)
{
	sqlite3_stmt *st = db_stmt(db, term_sql[kind].get);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		read_row(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Counts the other terms (not id) of the edition with slug, using the
 * kind's statement sql; -1 on error. */
static long long
slug_users(struct db *db, const char *sql, long long edition_id,
           const char *slug, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int error = 0;
	long long n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, slug, -1);
	sqlite3_bind_int64(st, 3, id);
	n = db_one_int(db, st, &error);
	return error ? -1 : n;
}

/* Whether category parent may be category id's parent in edition
 * edition_id; -1 on error. */
static int
parent_ok(struct db *db, long long parent, long long edition_id, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql_parent_ok);
	int error = 0;
	long long ok;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, parent);
	sqlite3_bind_int64(st, 2, edition_id);
	sqlite3_bind_int64(st, 3, id);
	ok = db_one_int(db, st, &error);
	return error ? -1 : ok != 0;
}

/* Keeps path as a redirect to term id of kind (url "feed": its feed). */
static int
redirect_add(struct db *db, const char *path, const char *kind, long long id,
             const char *url, long long now)
{
	sqlite3_stmt *st = db_stmt(db, sql_redirect_add);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, path, -1);
	db_bind_text(st, 2, kind, -1);
	sqlite3_bind_int64(st, 3, id);
	db_bind_text(st, 4, url, -1);
	sqlite3_bind_int64(st, 5, now);
	return db_exec_stmt(db, st);
}

/* Inserts or updates the term; sets *id_out.  0 or -1. */
static int
write_term(struct db *db, enum term_kind kind, const struct term_edit *in,
           long long edition_id, long long *id_out)
{
	sqlite3_stmt *st;

	if (kind == TERM_CATEGORY) {
		st = db_stmt(db, in->id ? sql_cat_update : sql_cat_insert);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, in->id ? in->id : edition_id);
		if (in->parent_id > 0)
			sqlite3_bind_int64(st, 2, in->parent_id);
		db_bind_text(st, 3, in->slug, -1);
		db_bind_text(st, 4, in->name, -1);
		db_bind_text(st, 5, in->description ? in->description : "", -1);
	} else {
		st = db_stmt(db, in->id ? sql_tag_update : sql_tag_insert);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, in->id ? in->id : edition_id);
		db_bind_text(st, 2, in->slug, -1);
		db_bind_text(st, 3, in->name, -1);
		db_bind_text(st, 4, in->description ? in->description : "", -1);
	}
	if (db_exec_stmt(db, st) < 0)
		return -1;
	*id_out = in->id ? in->id : sqlite3_last_insert_rowid(db->handle);
	return 0;
}

/* The checks and writes of term_db_save, inside its transaction. */
static enum term_result
save_locked(struct db *db, enum term_kind kind, const struct term_edit *in,
            long long now, long long *id_out)
{
	const struct term_sql *q = &term_sql[kind];
	struct arena a;
	struct term_row cur = {0};
	long long edition_id = in->edition_id, taken;
	enum term_result res = TERM_FAILED;
	int rc;

	arena_init(&a);
	if (in->id != 0) {
		if ((rc = term_db_get(db, &a, kind, in->id, &cur)) != 0) {
			res = rc > 0 ? TERM_GONE : TERM_FAILED;
			goto out;
		}
		edition_id = cur.edition_id;
	}
	if ((taken = slug_users(db, q->slug, edition_id, in->slug, in->id)) < 0)
		goto out;
	if (taken > 0) {
		res = TERM_SLUG_TAKEN;
		goto out;
	}
	if (kind == TERM_CATEGORY && in->parent_id != 0 &&
	    (rc = parent_ok(db, in->parent_id, edition_id, in->id)) != 1) {
		res = rc < 0 ? TERM_FAILED : TERM_BAD_PARENT;
		goto out;
	}
	if (write_term(db, kind, in, edition_id, id_out) < 0)
		goto out;
	/* The old archive and its feeds lead to the new ones. */
	if (in->id != 0 && strcmp(cur.slug, in->slug) != 0) {
		const char *old = arena_concat(&a, in->prefix, "/", q->kind,
		                               "/", cur.slug, NULL);

		if (redirect_add(db, old, q->kind, in->id, "", now) < 0 ||
		    redirect_add(db, arena_concat(&a, old, "/feed.atom", NULL),
		                 q->kind, in->id, "feed", now) < 0 ||
		    redirect_add(db, arena_concat(&a, old, "/feed.rss", NULL),
		                 q->kind, in->id, "feed.rss", now) < 0)
			goto out;
	}
	res = TERM_OK;
out:
	arena_free(&a);
	return res;
}

/* Adds or changes a term; see term_db.h. */
enum term_result
term_db_save(struct db *db, enum term_kind kind, const struct term_edit *in,
             long long now, long long *id_out)
{
	enum term_result res;

	*id_out = 0;
	if (db_begin(db) < 0)
		return TERM_FAILED;
	res = save_locked(db, kind, in, now, id_out);
	if (res != TERM_OK) {
		db_rollback(db);
		*id_out = 0;
		return res;
	}
	return db_commit(db) < 0 ? TERM_FAILED : TERM_OK;
}

/* Deletes a term; see term_db.h. */
enum term_result
term_db_delete(struct db *db, enum term_kind kind, long long id)
{
	const struct term_sql *q = &term_sql[kind];
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return TERM_FAILED;
	if (kind == TERM_CATEGORY) {
		if ((st = db_stmt(db, sql_children_up)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		if (db_exec_stmt(db, st) < 0)
			goto fail;
	}
	if ((st = db_stmt(db, sql_redirect_drop)) == NULL)
		goto fail;
	db_bind_text(st, 1, q->kind, -1);
	sqlite3_bind_int64(st, 2, id);
	if (db_exec_stmt(db, st) < 0 || (st = db_stmt(db, q->del)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st) < 0)
		goto fail;
	if (sqlite3_changes(db->handle) == 0) {
		db_rollback(db);
		return TERM_GONE;
	}
	return db_commit(db) < 0 ? TERM_FAILED : TERM_OK;
fail:
	db_rollback(db);
	return TERM_FAILED;
}
