/*
 * fuzz_args.c: the option parser on arbitrary argument lists (the input
 * split at newlines).  Whatever it accepts, every value it sets points
 * into the arguments.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"starter", false, false, NULL},
	                         {"workers", true, false, NULL}};
	char *copy = malloc(size + 1), *argv[256], *pos[4], *p = copy, err[256];
	int argc = 0;
	size_t npos;

	memcpy(copy, data, size);
	copy[size] = '\0';
	while (argc < 256) {
		argv[argc++] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p++ = '\0';
	}
	if (cli_parse(argc, argv, opts, 3, pos, 4, &npos, err, sizeof(err)) ==
	    0) {
		for (size_t i = 0; i < 3; i++) {
			const char *v = opts[i].value;

			if (v != NULL && v[0] != '\0' &&
			    (v < copy || v > copy + size))
				abort();
		}
		if (npos > 4 || opts[0].value == NULL)
			abort();
	}
	free(copy);
	return 0;
}
