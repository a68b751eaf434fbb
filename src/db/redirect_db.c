/*
 * redirect_db.c: the look-up of old addresses (see redirect_db.h).  The
 * target's address is built at each look-up from its row, so a slug
 * changed after the import is followed.
 */
#include "db_internal.h"
#include "redirect_db.h"

/* An edition's path prefix: "" for the default edition, else "/ar". */
#define PREFIX(e)                                                              \
	"(CASE WHEN " e ".prefix = '' THEN '' ELSE '/' || " e ".prefix END)"

static const char sql_find[] =
    "SELECT CASE r.kind "
    "WHEN 'article' THEN (SELECT " PREFIX(
        "e") " || '/articles/' || x.slug "
             "FROM articles x JOIN editions e ON e.id = x.edition_id "
             "WHERE x.id = r.target_id AND x.state = 'published') "
             "WHEN 'page' THEN (SELECT " PREFIX(
                 "e") " || '/' || x.slug "
                      "FROM pages x JOIN editions e ON e.id = x.edition_id "
                      "WHERE x.id = r.target_id AND x.state = 'published') "
                      "WHEN 'category' THEN (SELECT " PREFIX(
                          "e") " || '/category/' || x.slug "
                               "|| CASE r.url WHEN 'feed' THEN '/feed.atom' "
                               "WHEN 'feed.rss' THEN '/feed.rss' "
                               "ELSE '' END "
                               "FROM categories x JOIN editions e ON e.id = "
                               "x.edition_id "
                               "WHERE x.id = r.target_id) "
                               "WHEN 'tag' THEN (SELECT " PREFIX(
                                   "e") " || '/tag/' || x.slug "
                                        "|| CASE r.url WHEN 'feed' THEN "
                                        "'/feed.atom' WHEN 'feed.rss' "
                                        "THEN '/feed.rss' ELSE '' END "
                                        "FROM tags x JOIN editions e ON e.id = "
                                        "x.edition_id "
                                        "WHERE x.id = r.target_id) "
                                        "WHEN 'media' THEN (SELECT '/uploads/' "
                                        "|| x.path FROM media x "
                                        "WHERE x.id = r.target_id) "
                                        "ELSE r.url END FROM redirects r WHERE "
                                        "r.path = ?1";

/* Finds a redirect; see redirect_db.h. */
int
redirect_db_find(struct db *db, struct arena *a, const char *path,
                 const char **location)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, path, -1);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*location = db_col_text(a, st, 0);
		found = (*location)[0] == '/';
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	return found ? 0 : 1;
}
