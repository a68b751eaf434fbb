/*
 * args.c: option parsing for the subcommands (see args.h).  Messages name
 * the offending word so that the one-line error says what to fix.
 */
#include <stdio.h>
#include <string.h>

#include "args.h"

/* Parses options; see args.h. */
int
cli_parse(int argc, char **argv, struct cli_opt *opts, size_t opts_count,
          char **pos, size_t pos_max, size_t *pos_count, char *err,
          size_t err_len)
{
	size_t i, npos = 0;

	for (i = 0; i < opts_count; i++)
		opts[i].value = NULL;
	for (int k = 0; k < argc; k++) {
		const char *arg = argv[k], *eq, *name;
		size_t name_len;
		struct cli_opt *o = NULL;

		if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
			if (npos == pos_max) {
				snprintf(err, err_len,
				         "unexpected argument '%s'", arg);
				return -1;
			}
			pos[npos++] = argv[k];
			continue;
		}
		name = arg + 2;
		eq = strchr(name, '=');
		name_len = eq ? (size_t)(eq - name) : strlen(name);
		for (i = 0; i < opts_count; i++)
			if (strlen(opts[i].name) == name_len &&
			    memcmp(opts[i].name, name, name_len) == 0)
				o = &opts[i];
		if (o == NULL) {
			snprintf(err, err_len, "unknown option '--%.*s'",
			         (int)name_len, name);
			return -1;
		}
		if (o->value != NULL) {
			snprintf(err, err_len, "option '--%s' given twice",
			         o->name);
			return -1;
		}
		if (!o->takes_value) {
			if (eq != NULL) {
				snprintf(err, err_len,
				         "option '--%s' takes no value",
				         o->name);
				return -1;
			}
			o->value = "";
		} else if (eq != NULL) {
			o->value = eq + 1;
		} else if (k + 1 < argc) {
			o->value = argv[++k];
		} else {
			snprintf(err, err_len, "option '--%s' needs a value",
			         o->name);
			return -1;
		}
		if (o->takes_value && o->value[0] == '\0') {
			snprintf(err, err_len, "option '--%s' needs a value",
			         o->name);
			return -1;
		}
	}
	for (i = 0; i < opts_count; i++) {
		if (opts[i].required && opts[i].value == NULL) {
			snprintf(err, err_len, "missing option '--%s'",
			         opts[i].name);
			return -1;
		}
	}
	if (pos_count != NULL)
		*pos_count = npos;
	return 0;
}
