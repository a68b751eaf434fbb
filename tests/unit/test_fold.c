/*
 * test_fold.c: unit tests for util/fold.c (the search normalisation) and
 * util/search_query.c (queries as FTS5 expressions, marked snippets):
 * letter variants, marks, digits and joiners; the tokens' offsets into
 * the original text; folding twice changes nothing; long words; and the
 * golden corpora tests/unit/corpus/fold/ (NAME.in a text, one trailing
 * newline stripped; NAME.out its tokens joined by spaces) and
 * tests/unit/corpus/search/ (NAME.out the expression or "(none)").
 */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/fold.h"
#include "util/search_query.h"
#include "testhelp.h"

static struct arena arena;

/* Returns the folded tokens of a NUL-terminated text, in the arena. */
static const char *
fold(const char *s)
{
	char *f = fold_text(s, strlen(s), NULL);
	char *copy;

	if (f == NULL)
		return NULL;
	copy = arena_strdup(&arena, f);
	free(f);
	return copy;
}

/* The tokens fold_tokens gave, with their offsets. */
struct seen {
	char tok[8][64];
	size_t start[8], end[8], len[8];
	size_t n;
};

static int
record(void *ctx, const char *tok, size_t tok_len, size_t start, size_t end)
{
	struct seen *s = ctx;

	if (s->n < 8) {
		if (tok_len < 64) {
			memcpy(s->tok[s->n], tok, tok_len);
			s->tok[s->n][tok_len] = '\0';
		}
		s->len[s->n] = tok_len;
		s->start[s->n] = start;
		s->end[s->n] = end;
	}
	s->n++;
	return 0;
}

static int
stop_at_two(void *ctx, const char *tok, size_t tok_len, size_t start,
            size_t end)
{
	int *n = ctx;

	(void)tok;
	(void)tok_len;
	(void)start;
	(void)end;
	return ++*n == 2 ? 42 : 0;
}

static void
test_equivalences(void)
{
	/* Decomposed text equals composed text. */
	CHECK_STR(fold("Cafe\xcc\x81"), fold("Caf\xc3\xa9"));
	/* Persian: آموزش decomposed (alef + madda) and composed. */
	CHECK_STR(fold("\xd8\xa7\xd9\x93\xd9\x85\xd9\x88\xd8\xb2\xd8\xb4"),
	          fold("\xd8\xa2\xd9\x85\xd9\x88\xd8\xb2\xd8\xb4"));
	/* ي/ی and ك/ک both ways. */
	CHECK_STR(fold("\xd8\xb9\xd9\x84\xd9\x8a"),
	          fold("\xd8\xb9\xd9\x84\xdb\x8c"));
	CHECK_STR(fold("\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8"),
	          fold("\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8"));
	/* Digits of three scripts. */
	CHECK_STR(fold("\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb4"), "1404");
	CHECK_STR(fold("\xd9\xa1\xd9\xa4\xd9\xa0\xd9\xa4"), "1404");
	/* ZWNJ inside a word is removed; tatweel too. */
	CHECK_STR(
	    fold("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7"
	         "\xd9\x87\xd9\x85"),
	    fold("\xd9\x85\xdb\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85"));
	CHECK_STR(fold("\xd8\xb3\xd9\x80\xd9\x84\xd8\xa7\xd9\x85"),
	          fold("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"));
	/* A joiner alone is no token. */
	CHECK_STR(fold("a \xe2\x80\x8c b"), "a b");
	/* Case. */
	CHECK_STR(fold("\xc3\x89T\xc3\x89"), "ete");
	CHECK_STR(fold(""), "");
	/* Each mapping's target is kept as it is. */
	CHECK(fold_arabic(0x06CC) == 0x06CC && fold_arabic(0x06A9) == 0x06A9 &&
	      fold_arabic(0x0627) == 0x0627 && fold_arabic(0x0647) == 0x0647 &&
	      fold_arabic(0x0648) == 0x0648);
	CHECK(fold_arabic(0x064E) == FOLD_DROP);
	CHECK(fold_arabic(0x0640) == FOLD_DROP);
	CHECK(fold_arabic('a') == 'a');
	CHECK(fold_digit(0x06F9) == '9' && fold_digit(0x0660) == '0' &&
	      fold_digit('7') == '7');
}

static void
test_offsets(void)
{
	/* "  Caf" "e\u0301" ", ك": offsets are the original's bytes. */
	const char *s =
	    "  Cafe\xcc\x81, \xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xc2\xbd";
	struct seen seen;
	int n = 0;

	memset(&seen, 0, sizeof(seen));
	CHECK(fold_tokens(s, strlen(s), record, &seen) == 0);
	CHECK(seen.n == 4);
	CHECK_STR(seen.tok[0], "cafe");
	CHECK(seen.start[0] == 2 && seen.end[0] == 8);
	CHECK_STR(seen.tok[1], "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8");
	CHECK(seen.start[1] == 10 && seen.end[1] == 18);
	/* ½ gives 1 and 2, both over the same two bytes. */
	CHECK_STR(seen.tok[2], "1");
	CHECK_STR(seen.tok[3], "2");
	CHECK(seen.start[2] == 19 && seen.end[2] == 21 && seen.start[3] == 19 &&
	      seen.end[3] == 21);
	/* Invalid bytes separate words. */
	memset(&seen, 0, sizeof(seen));
	CHECK(fold_tokens("ab\xff"
	                  "cd",
	                  5, record, &seen) == 0);
	CHECK(seen.n == 2 && seen.start[1] == 3 && seen.end[1] == 5);
	/* The callback's answer stops the walk and is returned. */
	CHECK(fold_tokens("a b c d", 7, stop_at_two, &n) == 42 && n == 2);
}

static void
test_long_words(void)
{
	char *big = xmalloc(100001);
	struct seen seen;
	size_t i;

	/* A word of 50,000 letters: one token of at most the cap, with
	 * the whole word's offsets. */
	memset(big, 'A', 50000);
	memset(&seen, 0, sizeof(seen));
	CHECK(fold_tokens(big, 50000, record, &seen) == 0);
	CHECK(seen.n == 1 && seen.start[0] == 0 && seen.end[0] == 50000 &&
	      seen.len[0] == FOLD_WORD_MAX_BYTES);
	/* 50,000 combining marks after a letter (quadratic reordering if
	 * the whole run were normalised) fold quickly to "e". */
	big[0] = 'e';
	for (i = 0; i < 49999; i++)
		memcpy(big + 1 + 2 * i, i % 2 ? "\xcc\x81" : "\xcc\xa7", 2);
	{
		char *f = fold_text(big, 1 + 2 * 49999, NULL);

		CHECK_STR(f, "e");
		free(f);
	}
	free(big);
}

static void
test_idempotent(void)
{
	static const char *const texts[] = {
	    "Stra\xc3\x9f"
	    "e \xc4\xb0stanbul \xef\xac\x81",
	    "\xef\xbb\xb7\xef\xba\xb3\xef\xbb\xbc\xef\xbb\xa1 \xd9\x85\xd8\xb3"
	    "\xd8\xa6\xd9\x84\xd8\xa9",
	    "\xe1\x84\x80\xea\xb0\x80 \xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const char *once = fold(texts[i]);

		CHECK(once != NULL);
		if (once != NULL)
			CHECK_STR(fold(once), once);
	}
}

static void
test_query(void)
{
	struct search_piece *p;
	size_t n;
	const char *q;

	CHECK_STR(search_query_build(&arena, "a\"b", 3), "\"a\" \"b\"*");
	CHECK(search_query_build(&arena, NULL, 0) == NULL);
	CHECK(search_query_build(&arena, "\"\"", 2) == NULL);
	/* At most SEARCH_QUERY_MAX_TOKENS tokens. */
	{
		char many[200];

		for (n = 0; n < 100; n++) {
			many[2 * n] = 'a';
			many[2 * n + 1] = ' ';
		}
		q = search_query_build(&arena, many, sizeof(many));
		CHECK(q != NULL && strlen(q) == SEARCH_QUERY_MAX_TOKENS * 4);
	}
	/* Pieces: marks start and end matches; stray markers only toggle. */
	q = "x " SEARCH_MARK_OPEN "<b>" SEARCH_MARK_CLOSE " y";
	CHECK(search_pieces(&arena, q, strlen(q), &p, &n) == 0);
	CHECK(n == 3 && !p[0].mark && p[1].mark && !p[2].mark);
	CHECK(n == 3 && p[1].len == 3 && memcmp(p[1].text, "<b>", 3) == 0);
	q = SEARCH_MARK_CLOSE SEARCH_MARK_OPEN "a";
	CHECK(search_pieces(&arena, q, strlen(q), &p, &n) == 0);
	CHECK(n == 1 && p[0].mark && p[0].len == 1);
	CHECK(search_pieces(&arena, "", 0, &p, &n) == 0 && n == 0);
}

/* Golden fold: the tokens and a newline, malloc'd. */
static char *
golden_fold(const char *in, size_t len)
{
	size_t n;
	char *f, *out;

	if (len > 0 && in[len - 1] == '\n')
		len--;
	f = fold_text(in, len, &n);
	if (f == NULL)
		return NULL;
	out = xmalloc(n + 2);
	memcpy(out, f, n);
	out[n] = '\n';
	out[n + 1] = '\0';
	free(f);
	return out;
}

/* Golden query: the expression and a newline, or "(none)\n". */
static char *
golden_query(const char *in, size_t len)
{
	struct arena a;
	const char *q;
	char *out;
	size_t n;

	if (len > 0 && in[len - 1] == '\n')
		len--;
	arena_init(&a);
	q = search_query_build(&a, in, len);
	if (q == NULL)
		q = "(none)";
	n = strlen(q);
	out = xmalloc(n + 2);
	memcpy(out, q, n);
	out[n] = '\n';
	out[n + 1] = '\0';
	arena_free(&a);
	return out;
}

int
main(void)
{
	arena_init(&arena);
	test_equivalences();
	test_offsets();
	test_long_words();
	test_idempotent();
	test_query();
	CHECK(test_golden("fold", golden_fold) >= 20);
	CHECK(test_golden("search", golden_query) >= 7);
	arena_free(&arena);
	TEST_DONE();
}
