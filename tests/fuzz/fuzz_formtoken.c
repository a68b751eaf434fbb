/*
 * fuzz_formtoken.c: libFuzzer entry for token_form_check in auth/token.c.
 * Arbitrary text checked under a fixed key must never crash, and may pass
 * only when it is exactly what token_form_sign writes for its own time.
 * The input is also used as a form name: signing under it must round-trip,
 * and the token must not pass for another name.  Seeds are in
 * tests/unit/corpus/formtoken/ (one valid token for FUZZ_NOW below).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/token.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
#define FUZZ_NOW 1700000000LL
#define FUZZ_MIN_AGE 3
#define FUZZ_MAX_AGE 86400

/* The key the seeds were signed with: bytes 0, 1, ..., 31. */
static const unsigned char fuzz_key[TOKEN_KEY_BYTES] = {
    0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

/* Checks one text; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *end, signed_text[TOKEN_FORM_MAX];
	enum token_form_result r;
	long long issued;

	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	r = token_form_check(fuzz_key, "contact", text, FUZZ_NOW, FUZZ_MIN_AGE,
	                     FUZZ_MAX_AGE);
	FUZZ_CHECK(r == TOKEN_FORM_OK || r == TOKEN_FORM_BAD ||
	           r == TOKEN_FORM_TOO_FAST || r == TOKEN_FORM_EXPIRED);
	if (r != TOKEN_FORM_BAD) {
		/* Only the exact text token_form_sign writes may get past. */
		issued = strtoll(text, &end, 10);
		FUZZ_CHECK(end != text && *end == '.');
		FUZZ_CHECK(issued >= 0 && issued <= 999999999999LL);
		token_form_sign(fuzz_key, "contact", issued, signed_text);
		FUZZ_CHECK(strcmp(signed_text, text) == 0);
	}

	/* The input as a form name: round trip, and bound to the name. */
	token_form_sign(fuzz_key, text, FUZZ_NOW - 10, signed_text);
	FUZZ_CHECK(token_form_check(fuzz_key, text, signed_text, FUZZ_NOW,
	                            FUZZ_MIN_AGE,
	                            FUZZ_MAX_AGE) == TOKEN_FORM_OK);
	if (strcmp(text, "contact") != 0)
		FUZZ_CHECK(token_form_check(fuzz_key, "contact", signed_text,
		                            FUZZ_NOW, FUZZ_MIN_AGE,
		                            FUZZ_MAX_AGE) == TOKEN_FORM_BAD);
	free(text);
	return 0;
}
