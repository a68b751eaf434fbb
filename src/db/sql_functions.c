/*
 * sql_functions.c: what Gazette adds to SQL.  The schema's triggers call
 * the search tokenizer (sql/014_search.sql) and slug() (the address of an
 * author, sql/027_author_slugs.sql), so every connection that writes has
 * both: Gazette's own (db.c), and other programs' through the loadable
 * module libgazette_fts.so (the sqlite3 shell with .load, the tests'
 * Python), which is why nothing here needs more of Gazette than
 * util/slug.c and what it uses.
 */
#include <sqlite3.h>

#include "../util/arena.h"
#include "../util/slug.h"
#include "search_tokenizer.h"
#include "sql_functions.h"

/* slug(TEXT): see sql_functions.h. */
static void
slug_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *text = sqlite3_value_text(argv[0]);
	struct arena a;
	const char *slug;

	(void)argc;
	if (text == NULL) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	arena_init(&a);
	slug = slug_make(&a, (const char *)text,
	                 (size_t)sqlite3_value_bytes(argv[0]));
	sqlite3_result_text(ctx, slug ? slug : "", -1, SQLITE_TRANSIENT);
	arena_free(&a);
}

/* Registers the tokenizer and slug(); see sql_functions.h. */
int
sql_functions_register(sqlite3 *db)
{
	int rc = search_tokenizer_register(db);

	if (rc != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "slug", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC |
	                                   SQLITE_INNOCUOUS,
	                               NULL, slug_function, NULL, NULL);
}

/* The loadable module's entry point; see sql_functions.h. */
int
gazette_fts_init(sqlite3 *db, char **err, const void *api)
{
	(void)err;
	(void)api;
	return sql_functions_register(db);
}
