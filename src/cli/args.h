/*
 * args.h: the option parser every subcommand shares.  Options are
 * "--name value" or "--name=value"; flags take no value.  Anything that
 * does not start with "--" is a positional argument.
 */
#ifndef GAZETTE_ARGS_H
#define GAZETTE_ARGS_H

#include <stdbool.h>
#include <stddef.h>

struct cli_opt {
	const char *name; /* without the dashes: "db" */
	bool takes_value; /* false: a flag */
	bool required;
	const char *value; /* set by cli_parse; "" for a flag that is present */
};

/*
 * Parses argv[0..argc) against opts.  Positional arguments are collected
 * into pos (at most pos_max; their count in *pos_count).  On an unknown
 * option, a missing value, a repeated option, a missing required option or
 * too many positionals, writes a one-line message to err (size err_len)
 * and returns -1; otherwise 0.
 */
int cli_parse(int argc, char **argv, struct cli_opt *opts, size_t opts_count,
              char **pos, size_t pos_max, size_t *pos_count, char *err,
              size_t err_len);

#endif
