/*
 * search_tokenizer.h: the FTS5 tokenizer of the search index (see
 * search_tokenizer.c).  Seen only by src/db/.
 */
#ifndef GAZETTE_SEARCH_TOKENIZER_H
#define GAZETTE_SEARCH_TOKENIZER_H

#include <sqlite3.h>

/* The name sql/014_search.sql gives in tokenize=. */
#define SEARCH_TOKENIZER_NAME "gazette"

/*
 * Registers the "gazette" FTS5 tokenizer on db (fts5_api reached through
 * SELECT fts5(?1)).  Returns SQLITE_OK or an SQLite error code.
 */
int search_tokenizer_register(sqlite3 *db);

#endif
