/*
 * fuzz_cookies.c: libFuzzer entry for http_cookies_parse.  Checks that
 * names and values are UTF-8 without control characters but tab, that
 * names are non-empty and hold no '=' or ';', that values hold no ';', and
 * that no more than HTTP_MAX_FIELDS come back.  Seeds:
 * tests/unit/corpus/cookies/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena arena;

static void
check_text(const char *s, size_t len)
{
	size_t i;

	if (s == NULL || strlen(s) != len || !utf8_valid(s, len))
		abort();
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f || c == ';')
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kv *kv;
	size_t count, i;
	int rc;

	rc = http_cookies_parse(&arena, (const char *)data, size, &kv, &count);
	if (rc == 0) {
		if (count > HTTP_MAX_FIELDS || (count > 0) != (kv != NULL))
			abort();
		for (i = 0; i < count; i++) {
			size_t n = strlen(kv[i].key);

			if (n == 0 || strchr(kv[i].key, '=') != NULL)
				abort();
			check_text(kv[i].key, n);
			check_text(kv[i].val, kv[i].val_len);
		}
	} else if (rc != 400) {
		abort();
	}
	arena_reset(&arena);
	return 0;
}
