/*
 * fuzz_urlencoded.c: libFuzzer entry for http_urlencoded_parse (query
 * strings and form bodies).  Checks that every name and value is UTF-8
 * without NUL and in NFC (normalising again changes nothing), that lengths
 * agree, and that the field limit is applied
 * consistently: parsing again with a limit of 3 fails exactly when the
 * first parse found more than 3 pairs.  Seeds: tests/unit/corpus/urlencoded/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"
#include "util/arena.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena arena;

/* Names and values are UTF-8 without NUL, and already NFC: normalising
 * again changes nothing. */
static void
check_text(const char *s, size_t len)
{
	const char *again;
	size_t again_len;

	if (s == NULL || strlen(s) != len || !utf8_valid(s, len))
		abort();
	again = text_nfc(&arena, s, len, &again_len);
	if (again == NULL || again_len != len || memcmp(again, s, len) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct kv *kv;
	size_t count, i, count_small;
	int rc, rc_small;

	rc = http_urlencoded_parse(&arena, s, size, HTTP_MAX_FIELDS, &kv,
	                           &count);
	if (rc == 0) {
		if (count > HTTP_MAX_FIELDS || (count > 0) != (kv != NULL))
			abort();
		for (i = 0; i < count; i++) {
			if (kv[i].key == NULL || kv[i].key[0] == '\0')
				abort();
			check_text(kv[i].key, strlen(kv[i].key));
			check_text(kv[i].val, kv[i].val_len);
		}
		rc_small = http_urlencoded_parse(&arena, s, size, 3, &kv,
		                                 &count_small);
		if ((rc_small == 0) != (count <= 3))
			abort();
		if (rc_small == 0 && count_small != count)
			abort();
	} else if (rc != 400) {
		abort();
	}
	arena_reset(&arena);
	return 0;
}
