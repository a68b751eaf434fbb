/*
 * fuzz_address.c: libFuzzer entry for token_address_key in auth/token.c.
 * Any bytes are an address; when a key comes out it must be non-empty,
 * NUL-terminated inside the buffer, fit exactly the room it claims, and be
 * a fixed point: the key (without its "/64") is its own key.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/token.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
#define OUT_LEN 64

/* Checks one address; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, out[OUT_LEN], again[OUT_LEN], small[OUT_LEN];
	size_t n;

	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	memset(out, 'X', sizeof(out));
	if (token_address_key(text, out, sizeof(out)) == 0) {
		n = strnlen(out, sizeof(out));
		FUZZ_CHECK(n > 0 && n < sizeof(out));

		/* The key fits exactly in n + 1 bytes and not in n. */
		FUZZ_CHECK(token_address_key(text, small, n + 1) == 0);
		FUZZ_CHECK(strcmp(small, out) == 0);
		FUZZ_CHECK(token_address_key(text, small, n) == -1);

		/* The key parses again to itself. */
		memcpy(again, out, n + 1);
		if (n > 3 && strcmp(again + n - 3, "/64") == 0)
			again[n - 3] = '\0';
		FUZZ_CHECK(token_address_key(again, small, sizeof(small)) == 0);
		FUZZ_CHECK(strcmp(small, out) == 0);
	} else {
		FUZZ_CHECK(out[0] == '\0');
	}
	free(text);
	return 0;
}
