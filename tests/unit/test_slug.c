/*
 * test_slug.c: unit tests for util/slug.c: titles in several scripts,
 * separators, the byte cap, invalid UTF-8, slug_valid's fast and slow
 * paths, and the golden corpus tests/unit/corpus/slug/ (NAME.in a title,
 * one trailing newline stripped; NAME.out the slug or "(none)").
 */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/slug.h"
#include "testhelp.h"

static struct arena arena;

/* Returns the slug of a NUL-terminated title, or NULL. */
static const char *
slug(const char *title)
{
	return slug_make(&arena, title, strlen(title));
}

static bool
valid(const char *s)
{
	return slug_valid(s, strlen(s));
}

static void
test_make(void)
{
	const char *s;
	char *big;
	size_t i;

	CHECK_STR(slug("Hello, World!"), "hello-world");
	CHECK_STR(slug("Don't stop"), "don-t-stop");
	CHECK_STR(slug("\xe2\x80\x9cQuoted\xe2\x80\x9d title"), "quoted-title");
	CHECK_STR(slug("Newsletter No. 71"), "newsletter-no-71");
	CHECK_STR(slug("  --a--  "), "a");
	CHECK_STR(slug("Shqipëri Çfarë"), "shqipëri-çfarë");
	/* NFD input comes out composed. */
	CHECK_STR(slug("Cafe\xcc\x81"), "caf\xc3\xa9");
	CHECK_STR(slug("Stra\xc3\x9f"
	               "e"),
	          "strasse");
	CHECK_STR(slug("\xc4\xb0stanbul"), "istanbul");
	/* Arabic with a comma (U+060C) and Arabic-Indic digits kept. */
	CHECK_STR(
	    slug("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85\xd8\x8c \xd9\xa1\xd9\xa2"),
	    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85-\xd9\xa1\xd9\xa2");
	/* ZWNJ inside a word is removed (util/fold.c's rule), so both
	 * spellings of the word give one slug. */
	CHECK_STR(
	    slug("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9"
	         "\x87\xd9\x85"),
	    "\xd9\x85\xdb\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85");
	/* Arabic yeh and kaf give the Persian letters; tatweel goes. */
	CHECK_STR(slug("\xd9\x83\xd9\x80\xd9\x8a"), "\xda\xa9\xdb\x8c");
	CHECK(!valid("\xd9\x83\xd9\x8a"));
	CHECK(valid("\xda\xa9\xdb\x8c"));
	/* A combining mark with no base is dropped. */
	CHECK_STR(slug("\xcc\x81x \xcc\x88y"), "x-y");

	/* Nothing left, or not UTF-8. */
	CHECK(slug("") == NULL);
	CHECK(slug("?!... --- !!!") == NULL);
	CHECK(slug("\xf0\x9f\x8e\x89\xf0\x9f\x8e\x89") == NULL);
	CHECK(slug("caf\xe9") == NULL);
	CHECK(slug("ok \xed\xa0\x80") == NULL);
	CHECK(slug_make(&arena, NULL, 0) == NULL);
	/* Lengths are honoured: a NUL is a separator, not the end. */
	CHECK_STR(slug_make(&arena, "ab\0cd", 5), "ab-cd");
	CHECK_STR(slug_make(&arena, "abcdef", 3), "abc");

	/* The cap: 300 ASCII letters give 200; 150 two-byte letters give
	 * 100 characters; a separator at the cut is not kept. */
	big = xmalloc(5000);
	memset(big, 'a', 300);
	s = slug_make(&arena, big, 300);
	CHECK(s != NULL && strlen(s) == SLUG_MAX_BYTES);
	for (i = 0; i < 101; i++)
		memcpy(big + 2 * i, "\xc3\xab", 2);
	s = slug_make(&arena, big, 202);
	CHECK(s != NULL && strlen(s) == 200);
	memset(big, 'a', 199);
	memcpy(big + 199, " b", 2);
	s = slug_make(&arena, big, 201);
	CHECK(s != NULL && strlen(s) == 199 && s[198] == 'a');
	/* Three-byte letters: the cut falls on a code point boundary. */
	for (i = 0; i < 100; i++)
		memcpy(big + 3 * i, "\xe0\xa4\x95", 3); /* Devanagari ka */
	s = slug_make(&arena, big, 300);
	CHECK(s != NULL && strlen(s) == 198 && valid(s));
	/* A long run of separators before the words: only the first few
	 * KiB are read, and the result is still a slug (or nothing). */
	memset(big, ' ', 5000);
	memcpy(big + 10, "word", 4);
	memcpy(big + 4990, "late", 4);
	CHECK_STR(slug_make(&arena, big, 5000), "word");
	/* An invalid byte past the scanned prefix is still refused. */
	big[4999] = '\xff';
	CHECK(slug_make(&arena, big, 5000) == NULL);
	free(big);
}

static void
test_valid(void)
{
	char buf[SLUG_MAX_BYTES + 2];

	CHECK(valid("hello-world"));
	CHECK(valid("a"));
	CHECK(valid("2024"));
	CHECK(valid("newsletter-no-71"));
	CHECK(!valid(""));
	CHECK(!valid("-a"));
	CHECK(!valid("a-"));
	CHECK(!valid("a--b"));
	CHECK(!valid("-"));
	CHECK(!valid("Hello"));
	CHECK(!valid("a_b"));
	CHECK(!valid("a b"));
	CHECK(!valid("a/b"));
	CHECK(!valid("a.b"));
	CHECK(!valid("%41"));
	CHECK(!slug_valid("ab\0c", 4));
	CHECK(!slug_valid(NULL, 0));
	/* Non-ASCII: canonical forms pass, others fail. */
	CHECK(valid("shqip\xc3\xabri"));
	CHECK(valid("caf\xc3\xa9"));
	CHECK(!valid("cafe\xcc\x81")); /* NFD */
	CHECK(!valid("CAF\xc3\x89"));  /* capitals */
	CHECK(!valid("caf\xc3\x89"));  /* capital E acute */
	CHECK(!valid("stra\xc3\x9f"
	             "e")); /* not case-folded */
	CHECK(!valid("a\xe2\x80\x8c"
	             "b")); /* ZWNJ */
	CHECK(!valid("a\xe2\x80\x94"
	             "b")); /* em dash */
	CHECK(!valid("\xcc\x81"
	             "a"));       /* leading mark */
	CHECK(!valid("caf\xe9")); /* Latin-1 */
	CHECK(valid("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85-\xd9\xa1\xd9\xa2"));
	/* Length: 200 bytes pass, 201 do not. */
	memset(buf, 'a', sizeof(buf));
	CHECK(slug_valid(buf, SLUG_MAX_BYTES));
	CHECK(!slug_valid(buf, SLUG_MAX_BYTES + 1));
}

/* Golden: returns the slug and a newline, or "(none)\n"; malloc'd. */
static char *
golden_slug(const char *in, size_t len)
{
	struct arena a;
	const char *s;
	char *out;
	size_t n;

	if (len > 0 && in[len - 1] == '\n')
		len--;
	arena_init(&a);
	s = slug_make(&a, in, len);
	if (s == NULL)
		s = "(none)";
	n = strlen(s);
	out = xmalloc(n + 2);
	memcpy(out, s, n);
	out[n] = '\n';
	out[n + 1] = '\0';
	/* Every slug is valid and its own slug. */
	if (strcmp(s, "(none)") != 0) {
		CHECK(slug_valid(s, n));
		CHECK_STR(slug_make(&a, s, n), s);
	}
	arena_free(&a);
	return out;
}

int
main(void)
{
	arena_init(&arena);
	test_make();
	test_valid();
	CHECK(test_golden("slug", golden_slug) >= 15);
	arena_free(&arena);
	TEST_DONE();
}
