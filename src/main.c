/*
 * main.c: the subcommand table.  `gazette COMMAND [OPTIONS]`, like git or
 * fossil: one binary for the server and every administrative task.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
};

static const struct command commands[] = {
    {"init", cmd_init, "init      --db FILE [--starter]"},
    {"user", cmd_user,
     "user add  --db FILE --name N --role R [--display-name D]\n"
     "                  [--email E]   (password on stdin)\n"
     "  gazette user passwd --db FILE --name N   (password on stdin)"},
    {"serve", cmd_serve,
     "serve     --db FILE --socket PATH [--workers N] [--templates DIR]\n"
     "                  [--uploads DIR] [--sendmail PATH]"},
    {"check", cmd_check, "check     --db FILE"},
    {"import-wxr", cmd_import_wxr,
     "import-wxr --db FILE [--uploads-from DIR] [--uploads DIR]\n"
     "                  [--edition CODE] [--menu SLUG] EXPORT.xml"},
    {"backup", cmd_backup, "backup    --db FILE OUT.db"},
    {"export-static", cmd_export_static,
     "export-static --db FILE --out DIR [--uploads DIR] [--www DIR]\n"
     "                  [--templates DIR]"},
};

static void
usage(FILE *f)
{
	fprintf(f, "usage: gazette COMMAND [OPTIONS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  gazette %s\n", commands[i].usage);
	fprintf(f,
	        "  gazette --help | --version\n\n"
	        "Roles: admin, editor, author, moderator.  See README.md.\n");
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "gazette: no command (see gazette --help)\n");
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("gazette %s\n", GAZETTE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 2, argv + 2);
	fprintf(stderr, "gazette: unknown command '%s' (see gazette --help)\n",
	        argv[1]);
	return 2;
}
