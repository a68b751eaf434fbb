/*
 * export_static.c: `gazette export-static`: its options, its defaults
 * and the summary it prints.  The work is in src/export/export.c.
 */
#include <stdio.h>
#include <sys/stat.h>

#include "../export/export.h"
#include "args.h"
#include "commands.h"

/* Where www/ is looked for without --www: where the deployment steps of
 * README.md install it, then the checkout this binary was built from. */
static const char *const www_defaults[] = {
    "/usr/local/share/gazette/www",
#ifdef GAZETTE_SOURCE_WWW
    GAZETTE_SOURCE_WWW,
#endif
};

/* Returns the first of www_defaults that is a folder, or NULL. */
static const char *
default_www(void)
{
	struct stat st;

	for (size_t i = 0; i < sizeof(www_defaults) / sizeof(www_defaults[0]);
	     i++)
		if (stat(www_defaults[i], &st) == 0 && S_ISDIR(st.st_mode))
			return www_defaults[i];
	return NULL;
}

/*
 * gazette export-static --db FILE --out DIR [--uploads DIR] [--www DIR]
 * [--templates DIR]: writes the public site as static files into DIR
 * (export.h).  --uploads is serve's folder (required when the site has
 * uploaded files); --www the folder of css/ and js/ nginx serves.
 * Prints a summary.  Exits 0, 1 when the export failed part way, 2 on bad
 * usage or input (nothing changed).
 */
int
cmd_export_static(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"out", true, true, NULL},
	                         {"uploads", true, false, NULL},
	                         {"www", true, false, NULL},
	                         {"templates", true, false, NULL}};
	struct export_options o = {0};
	struct export_summary s;
	char err[1024];
	int rc;

	if (cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), NULL, 0,
	              NULL, err, sizeof(err)) < 0) {
		cli_error("export-static", "%s (see gazette --help)", err);
		return 2;
	}
	o.db_path = opts[0].value;
	o.out_dir = opts[1].value;
	o.uploads_dir = opts[2].value;
	o.www_dir = opts[3].value ? opts[3].value : default_www();
	o.templates_dir = opts[4].value;
	if (o.www_dir == NULL) {
		cli_error("export-static", "no www folder found: name the "
		                           "folder of css/ and js/ with --www "
		                           "DIR");
		return 2;
	}
	rc = export_static(&o, &s, err, sizeof(err));
	if (rc != 0) {
		cli_error("export-static", "%s", err);
		return rc;
	}
	printf("exported %zu files to %s in %.2f s: %zu written, %zu "
	       "unchanged, %zu removed\n",
	       s.files, o.out_dir, s.seconds, s.written, s.unchanged,
	       s.removed);
	printf("  %zu pages, %zu rendered (%s%s), %zu forms replaced by a "
	       "notice, %zu starting points absent\n",
	       s.pages, s.rendered, s.full ? "all: " : "",
	       s.full ? s.why_full : "only what changed articles show", s.forms,
	       s.skipped);
	printf("  %zu uploads linked", s.uploads);
	if (o.uploads_dir == NULL && s.uploads > 0)
		printf(", none copied (no --uploads): their links lead "
		       "nowhere");
	else if (s.uploads_missing > 0)
		printf(", %zu missing from %s (first: %s)", s.uploads_missing,
		       o.uploads_dir, s.first_missing);
	printf("\n");
	if (s.broken > 0)
		printf("  %zu links to pages that do not exist (first: %s)\n",
		       s.broken, s.first_broken);
	return 0;
}
