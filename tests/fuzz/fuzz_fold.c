/*
 * fuzz_fold.c: libFuzzer entry for util/fold.c.  Every token lies inside
 * the input, in order, is non-empty UTF-8 holding no separator, and is its
 * own fold; folding the joined tokens again changes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util/fold.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* What the callback checks against. */
struct fuzz_state {
	size_t size, last_start;
};

/* Checks one token. */
static int
check_token(void *ctx, const char *tok, size_t tok_len, size_t start,
            size_t end)
{
	struct fuzz_state *s = ctx;
	utf8proc_int32_t cp;
	size_t i = 0, n;
	char *again;

	FUZZ_CHECK(tok_len > 0);
	FUZZ_CHECK(start < end && end <= s->size && start >= s->last_start);
	s->last_start = start;
	while (i < tok_len) {
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)tok + i,
		                     (utf8proc_ssize_t)(tok_len - i), &cp);

		FUZZ_CHECK(k > 0);
		FUZZ_CHECK(cp != ' ' && cp != '"' && cp != 0x200C);
		i += (size_t)k;
	}
	again = fold_text(tok, tok_len, &n);
	FUZZ_CHECK(again != NULL && n == tok_len && memcmp(again, tok, n) == 0);
	free(again);
	return 0;
}

/* Folds one input; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_state s = {size, 0};
	char *once, *twice;
	size_t n1, n2;

	FUZZ_CHECK(fold_tokens((const char *)data, size, check_token, &s) == 0);
	once = fold_text((const char *)data, size, &n1);
	FUZZ_CHECK(once != NULL);
	twice = fold_text(once, n1, &n2);
	FUZZ_CHECK(twice != NULL && n1 == n2 && memcmp(once, twice, n1) == 0);
	free(once);
	free(twice);
	return 0;
}
