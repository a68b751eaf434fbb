/*
 * fuzz_video.c: libFuzzer entry for util/video.c.  Whatever address comes
 * in, an accepted one yields a valid id of its provider, and the addresses
 * built from it hold only characters safe in an attribute.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/video.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Checks one address; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	char *url = malloc(size + 1), id[VIDEO_ID_MAX + 1];
	enum video_provider p;

	if (url == NULL)
		return 0;
	memcpy(url, data, size);
	url[size] = '\0';
	p = video_url_parse(url, id);
	if (p == VIDEO_NONE) {
		FUZZ_CHECK(id[0] == '\0');
	} else {
		const char *watch, *embed;

		FUZZ_CHECK(video_id_valid(p, id));
		watch = video_watch_url(&a, p, id);
		embed = video_embed_url(&a, p, id);
		FUZZ_CHECK(strncmp(watch, "https://", 8) == 0);
		FUZZ_CHECK(strncmp(embed, "https://", 8) == 0);
		FUZZ_CHECK(strpbrk(watch, "\"'<> \\") == NULL);
		FUZZ_CHECK(strpbrk(embed, "\"'<> \\") == NULL);
	}
	arena_reset(&a);
	free(url);
	return 0;
}
