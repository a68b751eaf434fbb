/*
 * test_i18n.c: unit tests for util/i18n.c, the reader of translation
 * files: every compiled-in file of i18n/ parses, look-ups, a NUL byte,
 * and the golden corpus tests/unit/corpus/i18n/ (NAME.in a file; NAME.out
 * its entries as "key=value" lines, or "error line N").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "testhelp.h"

static struct arena arena;

/* The compiled-in files parse, and hold the keys every edition shows. */
static void
test_files(void)
{
	CHECK(embedded_i18n_count >= 3);
	for (size_t i = 0; i < embedded_i18n_count; i++) {
		struct i18n_entry *e;
		size_t n = 0, bad = 0;

		CHECK(i18n_parse(&arena, embedded_i18n[i].data,
		                 embedded_i18n[i].len, &e, &n, &bad) == 0);
		if (bad != 0)
			fprintf(stderr, "i18n/%s.tsv: line %zu\n",
			        embedded_i18n[i].name, bad);
		CHECK(n > 100);
		CHECK(i18n_find(e, n, "recent_posts") != NULL);
		CHECK(i18n_find(e, n, "solar_month_12") != NULL);
		CHECK(i18n_find(e, n, "no_such_key") == NULL);
	}
}

/* What no file may hold: a NUL byte, in a key or a value. */
static void
test_nul(void)
{
	struct i18n_entry *e;
	size_t n, bad = 0;

	CHECK(i18n_parse(&arena, "ho\0me\ta\n", 8, &e, &n, &bad) < 0);
	CHECK(bad == 1);
	CHECK(i18n_parse(&arena, "home\ta\0b\n", 9, &e, &n, &bad) < 0);
	CHECK(i18n_parse(&arena, "home\tab\n", 8, &e, &n, &bad) == 0);
	CHECK(n == 1 && strcmp(e[0].key, "home") == 0 &&
	      strcmp(e[0].value, "ab") == 0);
}

/* The golden corpus: the entries, or the first bad line. */
static char *
golden(const char *in, size_t len)
{
	struct i18n_entry *e;
	size_t n, bad = 0;
	struct buf out;
	char *s;

	buf_init(&out);
	if (i18n_parse(&arena, in, len, &e, &n, &bad) < 0) {
		buf_printf(&out, "error line %zu\n", bad);
	} else {
		for (size_t i = 0; i < n; i++)
			buf_printf(&out, "%s=%s\n", e[i].key, e[i].value);
	}
	s = xstrdup(out.data ? out.data : "");
	buf_free(&out);
	return s;
}

int
main(void)
{
	arena_init(&arena);
	test_files();
	test_nul();
	CHECK(test_golden("i18n", golden) >= 12);
	arena_free(&arena);
	TEST_DONE();
}
