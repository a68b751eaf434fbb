/*
 * search_query.c: the reader's query as an FTS5 expression, and marked
 * snippets as pieces (see search_query.h).  The expression is built here,
 * never by handing the reader's text to FTS5's parser: every token is a
 * quoted string, so no input is an FTS5 syntax error or an operator.
 */
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "search_query.h"

/* The expression as it grows, and how many tokens it holds. */
struct query_sink {
	struct buf expr;
	size_t tokens;
};

/* Appends one folded token as "token" (quotes inside doubled). */
static int
query_token(void *ctx, const char *tok, size_t tok_len, size_t start,
            size_t end)
{
	struct query_sink *q = ctx;
	size_t i;

	(void)start;
	(void)end;
	if (q->tokens == SEARCH_QUERY_MAX_TOKENS)
		return 1;
	if (q->tokens++ > 0)
		buf_putc(&q->expr, ' ');
	buf_putc(&q->expr, '"');
	for (i = 0; i < tok_len; i++) {
		if (tok[i] == '"')
			buf_putc(&q->expr, '"');
		buf_putc(&q->expr, tok[i]);
	}
	buf_putc(&q->expr, '"');
	return 0;
}

/* Builds the expression; see search_query.h. */
char *
search_query_build(struct arena *a, const char *q, size_t len)
{
	struct query_sink sink;
	char *out = NULL;

	buf_init(&sink.expr);
	sink.tokens = 0;
	if (q != NULL && fold_tokens(q, len, query_token, &sink) >= 0 &&
	    sink.tokens > 0) {
		buf_putc(&sink.expr, '*');
		out = arena_strndup(a, sink.expr.data, sink.expr.len);
	}
	buf_free(&sink.expr);
	return out;
}

/* Cuts a marked snippet; see search_query.h. */
int
search_pieces(struct arena *a, const char *s, size_t len,
              struct search_piece **pieces, size_t *count)
{
	const size_t mark_len = sizeof(SEARCH_MARK_OPEN) - 1;
	struct search_piece *p = NULL;
	size_t n = 0, cap = 0, i = 0, from = 0;
	bool mark = false;

	while (i <= len) {
		bool open = i + mark_len <= len &&
		            memcmp(s + i, SEARCH_MARK_OPEN, mark_len) == 0;
		bool close = i + mark_len <= len &&
		             memcmp(s + i, SEARCH_MARK_CLOSE, mark_len) == 0;

		if (i < len && !open && !close) {
			i++;
			continue;
		}
		if (i > from) {
			p = arena_grow(a, p, n, &cap, sizeof(*p));
			p[n].text = s + from;
			p[n].len = i - from;
			p[n].mark = mark;
			n++;
		}
		if (i == len)
			break;
		mark = open;
		i += mark_len;
		from = i;
	}
	*pieces = p;
	*count = n;
	return 0;
}
