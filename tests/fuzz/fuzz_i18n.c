/*
 * fuzz_i18n.c: libFuzzer entry for util/i18n.c.  Whatever file comes in,
 * the parser either names a bad line within the file or returns entries
 * whose keys follow the rule, whose values are non-empty and hold no tab
 * or line break, and whose keys are all different.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/i18n.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Checks one file; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	struct i18n_entry *e;
	size_t n, bad = 0, lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (i18n_parse(&a, (const char *)data, size, &e, &n, &bad) < 0) {
		FUZZ_CHECK(bad >= 1 && bad <= lines);
	} else {
		for (size_t i = 0; i < n; i++) {
			size_t k = strlen(e[i].key);

			FUZZ_CHECK(k >= 1 && k <= I18N_KEY_MAX);
			FUZZ_CHECK(strspn(e[i].key, "abcdefghijklmnopqrstuvwxyz"
			                            "0123456789_") == k);
			FUZZ_CHECK(e[i].value[0] != '\0');
			FUZZ_CHECK(strpbrk(e[i].value, "\t\r\n") == NULL);
			FUZZ_CHECK(i18n_find(e, n, e[i].key) == &e[i]);
		}
	}
	arena_reset(&a);
	return 0;
}
