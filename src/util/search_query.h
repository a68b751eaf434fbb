/*
 * search_query.h: what a reader types into the search box, turned into an
 * FTS5 match expression that can only be text, and the marked snippets
 * that the index gives back, cut into pieces a template can escape.
 */
#ifndef GAZETTE_SEARCH_QUERY_H
#define GAZETTE_SEARCH_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* The longest query accepted, in bytes (the handler answers 400 above). */
#define SEARCH_QUERY_MAX_BYTES 200

/* The most tokens a query keeps; the rest are ignored. */
#define SEARCH_QUERY_MAX_TOKENS 32

/*
 * The markers snippet() and highlight() put around a match: private-use
 * characters U+E000 and U+E001, which the tokenizer treats as separators,
 * so that a query never matches them.
 */
#define SEARCH_MARK_OPEN "\xee\x80\x80"
#define SEARCH_MARK_CLOSE "\xee\x80\x81"

/*
 * Returns the FTS5 expression for the query q (len bytes): each token of
 * util/fold.c, folded, in double quotes (a '"' inside doubled), separated
 * by spaces (all must match), the last one a prefix ("word"*).  FTS5's
 * syntax (AND, OR, NOT, NEAR, *, ^, :, -, +, parentheses, quotes) is thus
 * only ever text.  Bytes that are not UTF-8 separate words.  Returns the
 * expression allocated in a, or NULL when q holds no word at all.
 */
char *search_query_build(struct arena *a, const char *q, size_t len);

/* One piece of a marked snippet: text, and whether it is a match. */
struct search_piece {
	const char *text;
	size_t len;
	bool mark;
};

/*
 * Cuts s (len bytes, from snippet() or highlight() with the markers
 * above) into pieces: SEARCH_MARK_OPEN starts a marked piece,
 * SEARCH_MARK_CLOSE ends it, and neither is kept.  Empty pieces are left
 * out.  Sets *pieces (in a, pointing into s) and *count; returns 0.
 */
int search_pieces(struct arena *a, const char *s, size_t len,
                  struct search_piece **pieces, size_t *count);

#endif
