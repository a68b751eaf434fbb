/*
 * fuzz_path.c: libFuzzer entry for http_path_parse.  Besides crashes it
 * checks what the router relies on: a parsed path is valid UTF-8, starts
 * with '/', holds no NUL or control byte and no "." or ".." segment, and
 * is never longer than its encoded form.  Seeds: tests/unit/corpus/path/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena arena;

static void
check_path(const char *p, size_t len, size_t encoded_len)
{
	size_t i, start = 0;

	if (len == 0 || p[0] != '/' || strlen(p) != len || len > encoded_len)
		abort();
	if (!utf8_valid(p, len))
		abort();
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x20 || c == 0x7f)
			abort();
	}
	for (i = 0; i <= len; i++) {
		if (i < len && p[i] != '/')
			continue;
		if ((i - start == 1 && p[start] == '.') ||
		    (i - start == 2 && p[start] == '.' && p[start + 1] == '.'))
			abort();
		start = i + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *out;
	size_t out_len;
	int rc;

	rc = http_path_parse(&arena, s, size, &out, &out_len);
	if (rc == 0) {
		check_path(out, out_len, size);
		/* Without '%' nothing is decoded: the path is the input. */
		if (memchr(s, '%', size) == NULL &&
		    (out_len != size || memcmp(out, s, size) != 0))
			abort();
	} else if (rc != 400 && rc != 414) {
		abort();
	}
	if ((rc == 414) != (size > HTTP_MAX_PATH_BYTES))
		abort();
	arena_reset(&arena);
	return 0;
}
