/*
 * translation_db.c: reading and linking translation groups (see
 * translation_db.h).  Articles and pages have the same columns, so each
 * statement comes in two literals, picked by kind.
 */
#include <stdbool.h>
#include <string.h>

#include "db_internal.h"
#include "translation_db.h"

/* The statements of one table. */
struct translation_sql {
	const char *group;     /* ?1 id, ?2 published only */
	const char *find;      /* ?1 edition, ?2 slug */
	const char *target;    /* ?1 id: group (or id), edition */
	const char *taken;     /* ?1 group, ?2 edition, ?3 id */
	const char *anchor;    /* ?1 group: the target starts it */
	const char *set_group; /* ?1 group or NULL, ?2 id */
};

static const struct translation_sql sql[TRANSLATION__MAX] = {
    [TRANSLATION_ARTICLE] =
        {
            .group = "SELECT t.id, t.edition_id, t.slug, t.title, t.state "
                     "FROM articles t WHERE t.translation_group = "
                     "(SELECT translation_group FROM articles WHERE id = "
                     "?1) AND (?2 = 0 OR t.state = 'published') "
                     "ORDER BY t.edition_id",
            .find = "SELECT id FROM articles WHERE edition_id = ? AND "
                    "slug = ?",
            .target = "SELECT coalesce(translation_group, id), edition_id "
                      "FROM articles WHERE id = ?",
            .taken = "SELECT count(*) FROM articles WHERE "
                     "translation_group = ?1 AND edition_id = ?2 AND "
                     "id != ?3",
            .anchor = "UPDATE articles SET translation_group = ?1 WHERE "
                      "id = ?1 AND translation_group IS NULL",
            .set_group = "UPDATE articles SET translation_group = ? WHERE "
                         "id = ?",
        },
    [TRANSLATION_PAGE] =
        {
            .group = "SELECT t.id, t.edition_id, t.slug, t.title, t.state "
                     "FROM pages t WHERE t.translation_group = "
                     "(SELECT translation_group FROM pages WHERE id = ?1) "
                     "AND (?2 = 0 OR t.state = 'published') "
                     "ORDER BY t.edition_id",
            .find = "SELECT id FROM pages WHERE edition_id = ? AND slug = ?",
            .target = "SELECT coalesce(translation_group, id), edition_id "
                      "FROM pages WHERE id = ?",
            .taken = "SELECT count(*) FROM pages WHERE "
                     "translation_group = ?1 AND edition_id = ?2 AND "
                     "id != ?3",
            .anchor = "UPDATE pages SET translation_group = ?1 WHERE "
                      "id = ?1 AND translation_group IS NULL",
            .set_group = "UPDATE pages SET translation_group = ? WHERE "
                         "id = ?",
        },
};

/* Lists a group's members; see translation_db.h. */
int
translation_db_group(struct db *db, struct arena *a, enum translation_kind kind,
                     long long id, bool published_only,
                     struct translation **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql[kind].group);
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, published_only ? 1 : 0);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, n, &cap, sizeof(**out));
		(*out)[n].id = sqlite3_column_int64(st, 0);
		(*out)[n].edition_id = sqlite3_column_int64(st, 1);
		(*out)[n].slug = db_col_text(a, st, 2);
		(*out)[n].title = db_col_text(a, st, 3);
		(*out)[n].state = db_col_text(a, st, 4);
		n++;
	}
	sqlite3_reset(st);
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Finds an item by slug; see translation_db.h. */
long long
translation_db_find(struct db *db, enum translation_kind kind,
                    long long edition_id, const char *slug)
{
	sqlite3_stmt *st = db_stmt(db, sql[kind].find);
	int error = 0;
	long long id;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, edition_id);
		db_bind_text(st, 2, slug, -1);
	}
	id = db_one_int(db, st, &error);
	return error ? -1 : id;
}

/* Links an item to its translations; see translation_db.h. */
enum save_result
translation_db_link_locked(struct db *db, enum translation_kind kind,
                           long long id, long long edition_id, long long target)
{
	const struct translation_sql *q = &sql[kind];
	sqlite3_stmt *st;
	long long group = 0, target_edition = 0;
	int error = 0, rc;

	if (target > 0) {
		if (target == id || (st = db_stmt(db, q->target)) == NULL)
			return target == id ? SAVE_BAD_TRANSLATION
			                    : SAVE_FAILED;
		sqlite3_bind_int64(st, 1, target);
		rc = db_step(db, st);
		if (rc == SQLITE_ROW) {
			group = sqlite3_column_int64(st, 0);
			target_edition = sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? SAVE_BAD_TRANSLATION
			                         : SAVE_FAILED;
		if (target_edition == edition_id)
			return SAVE_BAD_TRANSLATION;
		if ((st = db_stmt(db, q->taken)) != NULL) {
			sqlite3_bind_int64(st, 1, group);
			sqlite3_bind_int64(st, 2, edition_id);
			sqlite3_bind_int64(st, 3, id);
		}
		if (db_one_int(db, st, &error) != 0 || error)
			return error ? SAVE_FAILED : SAVE_TRANSLATION_TAKEN;
		if ((st = db_stmt(db, q->anchor)) != NULL)
			sqlite3_bind_int64(st, 1, group);
		if (db_exec_stmt(db, st) < 0)
			return SAVE_FAILED;
	}
	if ((st = db_stmt(db, q->set_group)) == NULL)
		return SAVE_FAILED;
	if (group > 0)
		sqlite3_bind_int64(st, 1, group);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, id);
	return db_exec_stmt(db, st) < 0 ? SAVE_FAILED : SAVE_OK;
}
