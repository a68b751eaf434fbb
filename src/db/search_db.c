/*
 * search_db.c: the one query of /search (see search_db.h).  The index
 * holds published articles and pages only (the triggers of
 * sql/021_search_pages.sql), an article under its id and a page under its
 * id negated; the query checks state, time and edition again through the
 * row.
 */
#include <string.h>

#include "db_internal.h"
#include "search_db.h"

/* char(57344) and char(57345) are U+E000 and U+E001, the markers of
 * util/search_query.h; U+2026 is the ellipsis of a cut snippet.  bm25 is
 * negative (more negative is better), so the boost multiplies it; a page
 * (no article row) has none.  Each index row joins at most one of a and
 * p, by its primary key. */
static const char sql_find[] =
    "SELECT s.rowid, coalesce(a.slug, p.slug), "
    "highlight(site_search, 0, char(57344), char(57345)), "
    "snippet(site_search, 1, char(57344), char(57345), char(8230), 24) "
    "FROM site_search s "
    "LEFT JOIN articles a ON s.rowid > 0 AND a.id = s.rowid "
    "LEFT JOIN pages p ON s.rowid < 0 AND p.id = -s.rowid "
    "WHERE site_search MATCH ?1 AND ("
    "(a.edition_id = ?2 AND a.state = 'published' "
    "AND a.published_at <= ?3) "
    "OR (p.edition_id = ?2 AND p.state = 'published')) "
    "ORDER BY bm25(site_search, 10.0, 1.0) * CASE WHEN a.id IS NULL "
    "THEN 1.0 ELSE 1.0 + 30.0 / (30.0 + "
    "max(0, ?3 - a.published_at) / 86400.0) END, "
    "a.published_at IS NULL, a.published_at DESC, s.rowid DESC "
    "LIMIT ?4 OFFSET ?5";

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
		long long doc = sqlite3_column_int64(st, 0);

		(*hits)[n].page = doc < 0;
		(*hits)[n].id = doc < 0 ? -doc : doc;
		(*hits)[n].slug = db_col_text(a, st, 1);
		(*hits)[n].title = db_col_text(a, st, 2);
		(*hits)[n].snippet = db_col_text(a, st, 3);
		n++;
	}
	sqlite3_reset(st);
	if (n < limit && rc != SQLITE_DONE)
		return -1;
	*count = n;
	return 0;
}
