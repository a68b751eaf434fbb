/*
 * fuzz_search.c: libFuzzer entry for util/search_query.c.  Whatever a
 * reader types, the expression is a row of quoted tokens that FTS5 (with
 * the "gazette" tokenizer, on an in-memory table) accepts without error,
 * and cutting the input as a marked snippet loses or adds no byte but the
 * markers.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/search_tokenizer.h"
#include "util/arena.h"
#include "util/search_query.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* The statement that runs an expression, on a table with a few rows. */
static sqlite3_stmt *
match_stmt(void)
{
	static sqlite3 *db;
	static sqlite3_stmt *st;

	if (st != NULL)
		return st;
	FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	FUZZ_CHECK(search_tokenizer_register(db) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_exec(db,
	                        "CREATE VIRTUAL TABLE t USING fts5(a, b, "
	                        "tokenize = 'gazette');"
	                        "INSERT INTO t VALUES ('near and or not', "
	                        "'\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8 1404');",
	                        NULL, NULL, NULL) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_prepare_v2(db,
	                              "SELECT snippet(t, 1, '[', ']', '', 8) "
	                              "FROM t WHERE t MATCH ?1",
	                              -1, &st, NULL) == SQLITE_OK);
	return st;
}

/* Checks one query; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	const char *q = (const char *)data;
	struct search_piece *p;
	size_t n, i, total = 0, markers = 0;
	char *expr = search_query_build(&a, q, size);

	if (expr != NULL) {
		sqlite3_stmt *st = match_stmt();
		size_t len = strlen(expr);

		FUZZ_CHECK(len >= 4 && expr[0] == '"' &&
		           memcmp(expr + len - 2, "\"*", 2) == 0);
		int rc;

		sqlite3_bind_text(st, 1, expr, (int)len, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		FUZZ_CHECK(rc == SQLITE_DONE);
		sqlite3_reset(st);
	}
	FUZZ_CHECK(search_pieces(&a, q, size, &p, &n) == 0);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(p[i].len > 0);
		total += p[i].len;
	}
	for (i = 0; i + 3 <= size; i++)
		if (memcmp(q + i, SEARCH_MARK_OPEN, 3) == 0 ||
		    memcmp(q + i, SEARCH_MARK_CLOSE, 3) == 0)
			markers++, i += 2;
	FUZZ_CHECK(total + 3 * markers == size);
	arena_reset(&a);
	return 0;
}
