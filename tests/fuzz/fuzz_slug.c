/*
 * fuzz_slug.c: libFuzzer entry for util/slug.c.  Every slug slug_make
 * returns must pass slug_valid, be its own slug, and respect the byte cap;
 * slug_valid must never accept what slug_make would change.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/slug.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Checks one title; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	const char *text = (const char *)data;
	char *s, *again;
	size_t n;

	s = slug_make(&a, text, size);
	if (s != NULL) {
		n = strlen(s);
		FUZZ_CHECK(n > 0 && n <= SLUG_MAX_BYTES);
		FUZZ_CHECK(s[0] != '-' && s[n - 1] != '-');
		FUZZ_CHECK(strstr(s, "--") == NULL);
		FUZZ_CHECK(slug_valid(s, n));
		again = slug_make(&a, s, n);
		FUZZ_CHECK(again != NULL && strcmp(again, s) == 0);
	}
	/* The input itself: valid exactly when it is its own slug. */
	if (slug_valid(text, size)) {
		again = slug_make(&a, text, size);
		FUZZ_CHECK(again != NULL && strlen(again) == size &&
		           memcmp(again, text, size) == 0);
	}
	arena_reset(&a);
	return 0;
}
