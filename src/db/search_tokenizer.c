/*
 * search_tokenizer.c: the FTS5 tokenizer "gazette", which splits and folds
 * text with util/fold.c, so that the index and the queries share one
 * normalisation.  Tokens carry the byte offsets of the words they came
 * from in the original text, so snippet() and highlight() mark the text as
 * it was written.
 *
 * The tokenizer must exist on every connection that writes articles (the
 * triggers of sql/014_search.sql feed the index) or reads the index:
 * sql_functions.c registers it with the rest of what the schema needs,
 * on Gazette's connections and in the loadable module libgazette_fts.so.
 */
#include <sqlite3.h>

#include "../util/fold.h"
#include "search_tokenizer.h"

/* The tokenizer keeps no state: every instance is this one. */
static int search_tokenizer_instance;

/* xCreate: takes no arguments. */
static int
tokenizer_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)(void *)&search_tokenizer_instance;
	return SQLITE_OK;
}

/* xDelete: nothing to free. */
static void
tokenizer_delete(Fts5Tokenizer *t)
{
	(void)t;
}

/* FTS5's token callback and its context, for fold_tokens. */
struct tokenizer_sink {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

/* Passes one folded token to FTS5. */
static int
tokenizer_emit(void *ctx, const char *tok, size_t tok_len, size_t start,
               size_t end)
{
	struct tokenizer_sink *s = ctx;

	return s->token(s->ctx, 0, tok, (int)tok_len, (int)start, (int)end);
}

/* xTokenize: documents and queries are folded alike. */
static int
tokenizer_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
                   int len,
                   int (*token)(void *, int, const char *, int, int, int))
{
	struct tokenizer_sink sink = {ctx, token};
	int rc;

	(void)t;
	(void)flags;
	if (text == NULL || len <= 0)
		return SQLITE_OK;
	rc = fold_tokens(text, (size_t)len, tokenizer_emit, &sink);
	return rc < 0 ? SQLITE_NOMEM : rc;
}

/* Registers the tokenizer; see search_tokenizer.h. */
int
search_tokenizer_register(sqlite3 *db)
{
	static fts5_tokenizer tokenizer = {tokenizer_create, tokenizer_delete,
	                                   tokenizer_tokenize};
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	rc = sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	if (api == NULL || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, SEARCH_TOKENIZER_NAME, NULL,
	                             &tokenizer, NULL);
}
