/*
 * fuzz_route.c: the route pattern matcher on arbitrary pattern/path pairs
 * (split at the first newline), and every real route against the input as
 * a path.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"
#include "util/slug.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena arena;
	char *text = malloc(size + 1), *nl;
	struct req req;

	memcpy(text, data, size);
	text[size] = '\0';
	memset(&req, 0, sizeof(req));
	req.arena = &arena;
	nl = strchr(text, '\n');
	if (nl != NULL) {
		*nl = '\0';
		if (router_match(text, nl + 1, &req) == 1 &&
		    req.param_slug != NULL &&
		    !slug_valid(req.param_slug, strlen(req.param_slug)))
			abort();
	}
	for (size_t i = 0; i < router_table_count; i++)
		if (router_match(router_table[i].pattern, text, &req) < 0)
			abort();
	arena_reset(&arena);
	free(text);
	return 0;
}
