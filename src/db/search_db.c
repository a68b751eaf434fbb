/*
 * search_db.c: the one query of /search (see search_db.h).  The index
 * holds published articles only (the triggers of sql/014_search.sql); the
 * query checks state, time and edition again through the articles row.
 */
#include <string.h>

#include "db_internal.h"
#include "search_db.h"

/* char(57344) and char(57345) are U+E000 and U+E001, the markers of
 * util/search_query.h; U+2026 is the ellipsis of a cut snippet.  bm25 is
 * negative (more negative is better), so the boost multiplies it. */
static const char sql_find[] =
    "SELECT a.id, highlight(article_search, 0, char(57344), char(57345)), "
    "snippet(article_search, 1, char(57344), char(57345), char(8230), 24) "
    "FROM article_search CROSS JOIN articles a "
    "ON a.id = article_search.rowid "
    "WHERE article_search MATCH ?1 AND a.edition_id = ?2 "
    "AND a.state = 'published' AND a.published_at <= ?3 "
    "ORDER BY bm25(article_search, 10.0, 1.0) * (1.0 + 30.0 / (30.0 + "
    "max(0, ?3 - a.published_at) / 86400.0)), "
    "a.published_at DESC, a.id DESC LIMIT ?4 OFFSET ?5";

/* Searches; see search_db.h. */
int
search_db_find(struct db *db, struct arena *a, long long edition_id,
               const char *expr, long long now, long long offset, size_t limit,
               struct search_hit **hits, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*hits = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	*hits = arena_calloc(a, limit ? limit : 1, sizeof(**hits));
	db_bind_text(st, 1, expr, -1);
	sqlite3_bind_int64(st, 2, edition_id);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, (long long)limit);
	sqlite3_bind_int64(st, 5, offset);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		(*hits)[n].id = sqlite3_column_int64(st, 0);
		(*hits)[n].title = db_col_text(a, st, 1);
		(*hits)[n].snippet = db_col_text(a, st, 2);
		n++;
	}
	sqlite3_reset(st);
	if (n < limit && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}
