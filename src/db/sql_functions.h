/*
 * sql_functions.h: what Gazette adds to SQL on every connection (see
 * sql_functions.c).  Seen only by src/db/ and the tests.
 */
#ifndef GAZETTE_SQL_FUNCTIONS_H
#define GAZETTE_SQL_FUNCTIONS_H

#include <sqlite3.h>

/*
 * Registers on db the search tokenizer (search_tokenizer.h) and the SQL
 * function slug(TEXT): the text's URL slug as util/slug.h makes it, or ''
 * when nothing is left of it (or it is NULL or not UTF-8).  The schema's
 * triggers need both.  Returns SQLITE_OK or an SQLite error code.
 */
int sql_functions_register(sqlite3 *db);

/*
 * The entry point of libgazette_fts.so, usable with sqlite3_load_extension
 * and sqlite3_auto_extension: sql_functions_register on db.  The module is
 * linked against the system libsqlite3, the one its host uses, so it
 * calls SQLite directly; api (the extension routines) is not needed.
 */
int gazette_fts_init(sqlite3 *db, char **err, const void *api);

#endif
