/*
 * fuzz_links.c: libFuzzer entry for the web addresses util/text.c finds
 * in comments.  Every address text_link_next returns lies inside the
 * text, after the previous one, starts with http:// or https://, holds
 * only characters an address may show unencoded, does not end in
 * sentence punctuation, and is at most TEXT_LINK_MAX bytes; there are
 * never more of them than text_links_count counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Checks one text (up to its first NUL); returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct text_link l;
	size_t from = 0, found = 0, n;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	n = strlen(text);
	while (text_link_next(text, from, &l)) {
		FUZZ_CHECK(l.start >= from && l.len > 0 &&
		           l.start + l.len <= n);
		FUZZ_CHECK(l.len <= TEXT_LINK_MAX);
		FUZZ_CHECK(strncasecmp(text + l.start, "http://", 7) == 0 ||
		           strncasecmp(text + l.start, "https://", 8) == 0);
		for (size_t i = l.start; i < l.start + l.len; i++)
			FUZZ_CHECK((unsigned char)text[i] > 0x20 &&
			           (unsigned char)text[i] < 0x7f &&
			           strchr("\"'<>`{}|^\\", text[i]) == NULL);
		FUZZ_CHECK(strchr(".,;:!?*", text[l.start + l.len - 1]) ==
		           NULL);
		from = l.start + l.len;
		found++;
	}
	FUZZ_CHECK(found <= text_links_count(text));
	free(text);
	return 0;
}
