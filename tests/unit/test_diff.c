/*
 * test_diff.c: unit tests for util/diff.c: hand cases (empty sides, a
 * last line without newline, carriage returns, Myers' own example), the
 * properties every result must have (the ops rebuild both texts, runs put
 * removed lines first, identical texts give no change, and for small
 * random texts the number of changes is the shortest, checked against an
 * LCS table), the bounds (too large, too many edits, the worst inputs in
 * time), and the golden corpus tests/unit/corpus/diff/ (NAME.in: the
 * first text, a line "=====", the second; NAME.out: one line per op,
 * "  " same, "- " removed, "+ " added, "\ no newline" after a line that
 * has none, and "replaced" first when the search gave up).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/markdown.h"
#include "util/buf.h"
#include "util/diff.h"
#include "testhelp.h"

_Static_assert(DIFF_MAX_BYTES == MARKDOWN_MAX_BYTES,
               "a diff must take any body the editor saves");

static struct arena arena;

/* Checks what every diff of a and b must be; returns d->count. */
static size_t
check_props(const char *a, size_t a_len, const char *b, size_t b_len,
            const struct diff *d)
{
	struct buf ra, rb;
	size_t i, removed = 0, added = 0;
	bool ordered = true;

	buf_init(&ra);
	buf_init(&rb);
	for (i = 0; i < d->count; i++) {
		const struct diff_line *l = &d->lines[i];

		CHECK(l->len > 0);
		/* One line: a newline only at its end. */
		CHECK(memchr(l->text, '\n', l->len) == NULL ||
		      (const char *)memchr(l->text, '\n', l->len) ==
		          l->text + l->len - 1);
		if (l->op != DIFF_ADDED)
			buf_append(&ra, l->text, l->len);
		if (l->op != DIFF_REMOVED)
			buf_append(&rb, l->text, l->len);
		removed += l->op == DIFF_REMOVED;
		added += l->op == DIFF_ADDED;
		if (i > 0 && l->op == DIFF_REMOVED &&
		    d->lines[i - 1].op == DIFF_ADDED)
			ordered = false;
	}
	CHECK(ordered);
	CHECK(removed == d->removed && added == d->added);
	CHECK(ra.len == a_len &&
	      (a_len == 0 || memcmp(ra.data, a, a_len) == 0));
	CHECK(rb.len == b_len &&
	      (b_len == 0 || memcmp(rb.data, b, b_len) == 0));
	buf_free(&ra);
	buf_free(&rb);
	return d->count;
}

/* Diffs two NUL-terminated texts, checks the properties, returns ops as
 * "=a-b+c" (one character per op, then the line's first byte). */
static const char *
ops(const char *a, const char *b)
{
	static char out[256];
	struct diff d;
	size_t i, n = 0;

	CHECK(diff_lines(&arena, a, strlen(a), b, strlen(b), &d) == 0);
	check_props(a, strlen(a), b, strlen(b), &d);
	for (i = 0; i < d.count && n + 3 < sizeof(out); i++) {
		out[n++] = d.lines[i].op == DIFF_SAME      ? '='
		           : d.lines[i].op == DIFF_REMOVED ? '-'
		                                           : '+';
		out[n++] = d.lines[i].text[0];
	}
	out[n] = '\0';
	return out;
}

static void
test_hand(void)
{
	struct diff d;

	CHECK_STR(ops("", ""), "");
	CHECK_STR(ops("a\nb\n", "a\nb\n"), "=a=b");
	CHECK_STR(ops("", "a\nb\n"), "+a+b");
	CHECK_STR(ops("a\nb\n", ""), "-a-b");
	CHECK_STR(ops("a\nb\nc\n", "a\nx\nc\n"), "=a-b+x=c");
	CHECK_STR(ops("a\nb\nc\n", "b\nc\n"), "-a=b=c");
	CHECK_STR(ops("a\nb\nc\n", "a\nb\n"), "=a=b-c");
	CHECK_STR(ops("a\nc\n", "a\nb\nc\n"), "=a+b=c");
	/* The last line with and without its newline differ. */
	CHECK_STR(ops("a\nb", "a\nb\n"), "=a-b+b");
	CHECK_STR(ops("x", "y"), "-x+y");
	/* Carriage returns are bytes like any other. */
	CHECK_STR(ops("a\r\nb\n", "a\nb\n"), "-a+a=b");
	/* Blank lines are lines. */
	CHECK_STR(ops("\n\n", "\n"), "=\n-\n");
	/* Myers' example: ABCABBA to CBABAC takes 5 changes. */
	CHECK(diff_lines(&arena, "A\nB\nC\nA\nB\nB\nA\n", 14,
	                 "C\nB\nA\nB\nA\nC\n", 12, &d) == 0);
	CHECK(d.removed + d.added == 5);
	CHECK(!d.replaced);
	/* Each run of changes lists its removed lines first. */
	CHECK_STR(ops("1\na\n2\nb\n3\n", "1\nx\n2\ny\n3\n"), "=1-a+x=2-b+y=3");
	CHECK_STR(ops("a\nb\n", "x\ny\n"), "-a-b+x+y");
	/* Moved block: one side removed, the other added. */
	CHECK_STR(ops("p\nq\nr\ns\n", "r\ns\np\nq\n"), "-p-q=r=s+p+q");
	arena_reset(&arena);
}

/* Returns the length of the longest common subsequence of lines. */
static size_t
lcs(const char *const *x, size_t n, const char *const *y, size_t m)
{
	static size_t t[41][41];

	for (size_t i = 0; i <= n; i++)
		for (size_t j = 0; j <= m; j++)
			t[i][j] = i == 0 || j == 0 ? 0
			          : strcmp(x[i - 1], y[j - 1]) == 0
			              ? t[i - 1][j - 1] + 1
			          : t[i - 1][j] > t[i][j - 1] ? t[i - 1][j]
			                                      : t[i][j - 1];
	return t[n][m];
}

/* Small random texts over a few distinct lines: the properties hold and
 * the number of changes is the shortest possible. */
static void
test_random(void)
{
	static const char *const words[] = {"a\n", "b\n", "c\n", "\n", "d"};
	uint32_t seed = 12345;

	for (int round = 0; round < 3000; round++) {
		const char *x[40], *y[40];
		size_t n, m, i;
		struct buf a, b;
		struct diff d;

		buf_init(&a);
		buf_init(&b);
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 8) % 40;
		seed = seed * 1103515245u + 12345u;
		m = (seed >> 8) % 40;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* "d" (no newline) only last. */
			x[i] = words[(seed >> 8) % (i + 1 == n ? 5 : 4)];
			buf_puts(&a, x[i]);
		}
		for (i = 0; i < m; i++) {
			seed = seed * 1103515245u + 12345u;
			y[i] = words[(seed >> 8) % (i + 1 == m ? 5 : 4)];
			buf_puts(&b, y[i]);
		}
		CHECK(diff_lines(&arena, a.data ? a.data : "", a.len,
		                 b.data ? b.data : "", b.len, &d) == 0);
		check_props(a.data, a.len, b.data, b.len, &d);
		CHECK(!d.replaced);
		CHECK(d.removed + d.added == n + m - 2 * lcs(x, n, y, m));
		if (a.len == b.len &&
		    (a.len == 0 || memcmp(a.data, b.data, a.len) == 0))
			CHECK(d.removed + d.added == 0 && d.count == n);
		buf_free(&a);
		buf_free(&b);
		arena_reset(&arena);
	}
}

/* Seconds of CPU since t0. */
static double
since(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void
test_bounds(void)
{
	struct buf a, b;
	struct diff d;
	char *big = malloc(DIFF_MAX_BYTES + 1);
	clock_t t0;
	size_t i;

	/* Too large a side: refused, nothing allocated in out. */
	memset(big, '\n', DIFF_MAX_BYTES + 1);
	CHECK(diff_lines(&arena, big, DIFF_MAX_BYTES + 1, "", 0, &d) == -1);
	CHECK(d.count == 0 && d.lines == NULL);
	CHECK(diff_lines(&arena, "", 0, big, DIFF_MAX_BYTES + 1, &d) == -1);
	/* At the cap: 131072 empty lines against themselves and nothing. */
	CHECK(diff_lines(&arena, big, DIFF_MAX_BYTES, big, DIFF_MAX_BYTES,
	                 &d) == 0);
	CHECK(d.count == DIFF_MAX_BYTES && d.removed + d.added == 0);
	CHECK(diff_lines(&arena, big, DIFF_MAX_BYTES, "", 0, &d) == 0);
	CHECK(d.removed == DIFF_MAX_BYTES && !d.replaced);
	arena_reset(&arena);

	/* More changes than DIFF_MAX_EDITS: the middle replaced, the common
	 * start and end kept, still exact. */
	buf_init(&a);
	buf_init(&b);
	buf_puts(&a, "start\n");
	buf_puts(&b, "start\n");
	for (i = 0; i < 600; i++) {
		buf_printf(&a, "a%zu\n", i);
		buf_printf(&b, "b%zu\n", i);
	}
	buf_puts(&a, "end\n");
	buf_puts(&b, "end\n");
	CHECK(diff_lines(&arena, a.data, a.len, b.data, b.len, &d) == 0);
	check_props(a.data, a.len, b.data, b.len, &d);
	CHECK(d.replaced && d.removed == 600 && d.added == 600);
	CHECK(d.lines[0].op == DIFF_SAME &&
	      d.lines[d.count - 1].op == DIFF_SAME);
	/* Just under the bound: the shortest script, found. */
	buf_reset(&a);
	buf_reset(&b);
	for (i = 0; i < 499; i++) {
		buf_printf(&a, "a%zu\nkeep%zu\n", i, i);
		buf_printf(&b, "b%zu\nkeep%zu\n", i, i);
	}
	CHECK(diff_lines(&arena, a.data, a.len, b.data, b.len, &d) == 0);
	check_props(a.data, a.len, b.data, b.len, &d);
	CHECK(!d.replaced && d.removed == 499 && d.added == 499);
	arena_reset(&arena);

	/* The worst inputs in time stay cheap: every other line of a
	 * 128 KiB text changed, and two unrelated texts of short lines. */
	buf_reset(&a);
	buf_reset(&b);
	for (i = 0; a.len < DIFF_MAX_BYTES - 16; i++) {
		buf_printf(&a, "%zu\n", i);
		buf_printf(&b, i % 2 ? "%zu\n" : "x%zu\n", i);
	}
	while (b.len > DIFF_MAX_BYTES)
		b.data[--b.len] = '\0';
	t0 = clock();
	CHECK(diff_lines(&arena, a.data, a.len, b.data, b.len, &d) == 0);
	CHECK(since(t0) < 1.0);
	check_props(a.data, a.len, b.data, b.len, &d);
	CHECK(d.replaced);
	arena_reset(&arena);
	buf_reset(&a);
	for (i = 0; i < DIFF_MAX_BYTES; i++) {
		buf_putc(&a, i % 2 ? '\n' : (char)('a' + (i / 2) % 3));
		big[i] = i % 2 ? '\n' : (char)('a' + (i / 2 + 1) % 4);
	}
	t0 = clock();
	CHECK(diff_lines(&arena, a.data, a.len, big, DIFF_MAX_BYTES, &d) == 0);
	CHECK(since(t0) < 1.0);
	check_props(a.data, a.len, big, DIFF_MAX_BYTES, &d);
	arena_reset(&arena);
	buf_free(&a);
	buf_free(&b);
	free(big);
}

/* Renders one corpus case as the .out files write it. */
static char *
golden_diff(const char *in, size_t len)
{
	const char *sep = memmem(in, len, "=====\n", 6);
	size_t a_len = sep ? (size_t)(sep - in) : len;
	const char *b = sep ? sep + 6 : in + len;
	size_t b_len = len - (size_t)(b - in);
	struct buf out;
	struct diff d;

	buf_init(&out);
	if (diff_lines(&arena, in, a_len, b, b_len, &d) < 0)
		return strdup("too large\n");
	check_props(in, a_len, b, b_len, &d);
	if (d.replaced)
		buf_puts(&out, "replaced\n");
	for (size_t i = 0; i < d.count; i++) {
		const struct diff_line *l = &d.lines[i];

		buf_puts(&out, l->op == DIFF_SAME      ? "  "
		               : l->op == DIFF_REMOVED ? "- "
		                                       : "+ ");
		buf_append(&out, l->text, l->len);
		if (l->text[l->len - 1] != '\n')
			buf_puts(&out, "\n\\ no newline\n");
	}
	arena_reset(&arena);
	return out.data ? buf_detach(&out) : strdup("");
}

int
main(void)
{
	arena_init(&arena);
	test_hand();
	test_random();
	test_bounds();
	CHECK(test_golden("diff", golden_diff) >= 5);
	arena_free(&arena);
	TEST_DONE();
}
