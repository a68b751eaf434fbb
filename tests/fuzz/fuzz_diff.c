/*
 * fuzz_diff.c: libFuzzer entry for util/diff.c.  The input is two texts
 * split at the first "=====\n" (as in the corpus tests/unit/corpus/diff/;
 * without one, the second text is empty).  Every result must rebuild both
 * texts byte for byte (same and removed lines give the first, same and
 * added the second), hold one line per op, count its changes right, list
 * the removed lines of each run of changes before the added ones, and
 * find no change between a text and itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/diff.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Checks that the lines of d not marked skip rebuild text, and that only
 * its last line may lack a newline. */
static void
check_rebuild(const struct diff *d, enum diff_op skip, const char *text,
              size_t len)
{
	size_t at = 0;

	for (size_t i = 0; i < d->count; i++) {
		const struct diff_line *l = &d->lines[i];

		if (l->op == skip)
			continue;
		FUZZ_CHECK(l->len <= len - at);
		FUZZ_CHECK(memcmp(l->text, text + at, l->len) == 0);
		at += l->len;
		FUZZ_CHECK(l->text[l->len - 1] == '\n' || at == len);
	}
	FUZZ_CHECK(at == len);
}

/* Checks the shape of d: lines, counts, order within runs. */
static void
check_shape(const struct diff *d)
{
	size_t removed = 0, added = 0;

	for (size_t i = 0; i < d->count; i++) {
		const struct diff_line *l = &d->lines[i];
		const char *nl = memchr(l->text, '\n', l->len);

		FUZZ_CHECK(l->len > 0);
		FUZZ_CHECK(nl == NULL || nl == l->text + l->len - 1);
		removed += l->op == DIFF_REMOVED;
		added += l->op == DIFF_ADDED;
		FUZZ_CHECK(i == 0 || l->op != DIFF_REMOVED ||
		           d->lines[i - 1].op != DIFF_ADDED);
	}
	FUZZ_CHECK(removed == d->removed && added == d->added);
}

/* Diffs the two texts of one input and checks the result; returns 0. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	const char *sep = memmem(in, size, "=====\n", 6);
	size_t a_len = sep ? (size_t)(sep - in) : size;
	const char *b = sep ? sep + 6 : in + size;
	size_t b_len = size - (size_t)(b - in);
	struct arena arena;
	struct diff d;

	arena_init(&arena);
	if (diff_lines(&arena, in, a_len, b, b_len, &d) < 0) {
		FUZZ_CHECK(a_len > DIFF_MAX_BYTES || b_len > DIFF_MAX_BYTES);
		arena_free(&arena);
		return 0;
	}
	check_shape(&d);
	check_rebuild(&d, DIFF_ADDED, in, a_len);
	check_rebuild(&d, DIFF_REMOVED, b, b_len);
	/* Each text against itself: nothing changed. */
	FUZZ_CHECK(diff_lines(&arena, b, b_len, b, b_len, &d) == 0);
	FUZZ_CHECK(d.removed == 0 && d.added == 0 && !d.replaced);
	check_rebuild(&d, DIFF_ADDED, b, b_len);
	arena_free(&arena);
	return 0;
}
