/*
 * test_args.c: the subcommands' option parser, over the golden corpus in
 * tests/unit/corpus/args/ (one argument per line; the output lists the
 * options found, or the error message).
 */
#include <string.h>

#include "cli/args.h"
#include "testhelp.h"

#define MAX_ARGS 64

/* Parses the corpus arguments against a fixed set of options. */
static char *
golden_args(const char *in, size_t len)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"starter", false, false, NULL},
	                         {"workers", true, false, NULL}};
	char *copy = strndup(in, len), *argv[MAX_ARGS], *p = copy, out[1024],
	     err[256];
	int argc = 0;

	while (argc < MAX_ARGS) {
		argv[argc++] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p++ = '\0';
	}
	if (len == 0)
		argc = 0;
	if (cli_parse(argc, argv, opts, 3, NULL, 0, NULL, err, sizeof(err)) <
	    0) {
		snprintf(out, sizeof(out), "error: %s\n", err);
	} else {
		out[0] = '\0';
		for (size_t i = 0; i < 3; i++)
			if (opts[i].value != NULL)
				snprintf(out + strlen(out),
				         sizeof(out) - strlen(out), "%s=%s\n",
				         opts[i].name, opts[i].value);
	}
	free(copy);
	return strdup(out);
}

static void
test_positional(void)
{
	struct cli_opt opts[] = {{"db", true, true, NULL}};
	char *argv[] = {"export.xml", "--db", "f.db"}, *pos[2], err[128];
	size_t n = 0;

	CHECK(cli_parse(3, argv, opts, 1, pos, 2, &n, err, sizeof(err)) == 0);
	CHECK(n == 1);
	CHECK_STR(pos[0], "export.xml");
	CHECK_STR(opts[0].value, "f.db");
}

int
main(void)
{
	test_positional();
	CHECK(test_golden("args", golden_args) >= 14);
	TEST_DONE();
}
