/*
 * import_wxr.c: `gazette import-wxr`, the command line of the WordPress
 * importer (src/import/import.c does the work): options, the progress
 * bar on a terminal and the closing summary.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../db/db.h"
#include "../import/import.h"
#include "args.h"
#include "commands.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define BAR_WIDTH 40

/* The progress bar's state: redrawn when a whole percent passes. */
struct bar {
	int shown; /* percent last drawn, -1 before the first */
};

/* Draws the bar on standard error (a terminal). */
static void
bar_draw(void *ctx, double fraction)
{
	struct bar *b = ctx;
	int pct = (int)(fraction * 100.0), fill = (int)(fraction * BAR_WIDTH);
	char line[BAR_WIDTH + 1];

	if (pct == b->shown)
		return;
	b->shown = pct;
	memset(line, '#', (size_t)fill);
	memset(line + fill, ' ', (size_t)(BAR_WIDTH - fill));
	line[BAR_WIDTH] = '\0';
	fprintf(stderr, "\rimporting [%s] %3d%%", line, pct);
	fflush(stderr);
}

/* Prints one kind's counts. */
static void
print_count(const char *kind, const struct import_count *c)
{
	printf("  %-12s %8lld %8lld\n", kind, c->imported, c->updated);
}

/* Prints what the run did. */
static void
print_summary(const char *path, const struct import_summary *s, double secs)
{
	size_t i;

	printf("imported %s: %lld items in %.2f s\n", path, s->items, secs);
	printf("  %-12s %8s %8s\n", "", "imported", "updated");
	print_count("authors", &s->authors);
	print_count("categories", &s->categories);
	print_count("tags", &s->tags);
	print_count("articles", &s->articles);
	print_count("pages", &s->pages);
	print_count("media", &s->media);
	print_count("comments", &s->comments);
	print_count("menu items", &s->menu_items);
	printf("  %-12s %8lld\n", "redirects", s->redirects);
	if (s->skips_count > 0) {
		printf("skipped:\n");
		for (i = 0; i < s->skips_count; i++)
			printf("  %6lld  %s%s%s%s\n", s->skips[i].count,
			       s->skips[i].reason,
			       s->skips[i].example[0] ? " (e.g. \"" : "",
			       s->skips[i].example,
			       s->skips[i].example[0] ? "\")" : "");
	}
	if (s->missing > 0) {
		printf("missing: %lld attachments recorded with their old "
		       "address, without a file (give --uploads-from, a copy "
		       "of wp-content/uploads, and run again):\n",
		       s->missing);
		for (i = 0; i < s->missing_examples_count; i++)
			printf("  %s\n", s->missing_examples[i]);
		if (s->missing > (long long)s->missing_examples_count)
			printf("  …\n");
	}
	if (s->notes > 0) {
		printf("changed: %lld items\n", s->notes);
		for (i = 0; i < s->note_examples_count; i++)
			printf("  %s\n", s->note_examples[i]);
	}
}

/* The folder "uploads" beside the database at db_path (malloc'd). */
static char *
uploads_beside(const char *db_path)
{
	const char *slash = strrchr(db_path, '/');
	int n = slash ? (int)(slash - db_path) : 1;
	size_t cap = (size_t)n + sizeof("/uploads");
	char *out = malloc(cap);

	if (out != NULL)
		snprintf(out, cap, "%.*s/uploads", n, slash ? db_path : ".");
	return out;
}

/*
 * gazette import-wxr --db FILE [--uploads-from DIR] [--uploads DIR]
 * [--edition CODE] [--menu SLUG] EXPORT.xml: imports a WordPress export
 * (see import.h) into the edition CODE (default: the default edition).
 * Files of --uploads-from (a copy of wp-content/uploads) go to --uploads,
 * by default the folder "uploads" beside the database.  Exits 0 after
 * printing the summary, 1 when the file is malformed or the import failed
 * (nothing changed), 2 on bad usage.
 */
int
cmd_import_wxr(int argc, char **argv)
{
	struct cli_opt opts[] = {{"db", true, true, NULL},
	                         {"uploads-from", true, false, NULL},
	                         {"uploads", true, false, NULL},
	                         {"edition", true, false, NULL},
	                         {"menu", true, false, NULL}};
	char err_text[256], *pos[1], *folder = NULL;
	size_t pos_count = 0;
	struct import_options o;
	struct import_summary *sum = NULL;
	struct wxr_error err;
	struct bar bar = {-1};
	struct timespec t0, t1;
	struct db *db = NULL;
	struct stat st;
	enum import_status is;
	int from, to, rc = 1;

	if (cli_parse(argc, argv, opts, ARRAY_LEN(opts), pos, 1, &pos_count,
	              err_text, sizeof(err_text)) < 0) {
		cli_error("import-wxr", "%s (see gazette --help)", err_text);
		return 2;
	}
	if (pos_count != 1) {
		cli_error("import-wxr", "name one export file (see gazette "
		                        "--help)");
		return 2;
	}
	memset(&o, 0, sizeof(o));
	o.uploads_from = opts[1].value;
	o.edition = opts[3].value;
	o.menu = opts[4].value;
	if (o.uploads_from != NULL) {
		if (stat(o.uploads_from, &st) != 0 || !S_ISDIR(st.st_mode)) {
			cli_error("import-wxr",
			          "--uploads-from %s is not a folder",
			          o.uploads_from);
			return 2;
		}
		if (opts[2].value == NULL) {
			if ((folder = uploads_beside(opts[0].value)) == NULL)
				return 1;
			o.uploads_dir = folder;
		} else {
			o.uploads_dir = opts[2].value;
		}
		if (mkdir(o.uploads_dir, 0755) != 0 && errno != EEXIST) {
			cli_error("import-wxr", "cannot make %s: %s",
			          o.uploads_dir, strerror(errno));
			goto out;
		}
	}
	if (access(pos[0], R_OK) != 0) {
		cli_error("import-wxr", "cannot read %s: %s", pos[0],
		          strerror(errno));
		goto out;
	}
	if (db_open(opts[0].value, &db) < 0 || db_migrate(db, &from, &to) < 0) {
		cli_error("import-wxr", "cannot open or migrate %s",
		          opts[0].value);
		goto out;
	}
	if (isatty(STDERR_FILENO)) {
		o.progress = bar_draw;
		o.progress_ctx = &bar;
	}
	o.now = (long long)time(NULL);
	if ((sum = calloc(1, sizeof(*sum))) == NULL)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	is = import_wxr(db, pos[0], &o, sum, &err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (o.progress != NULL && bar.shown >= 0)
		fputc('\n', stderr);
	switch (is) {
	case IMPORT_OK:
		print_summary(pos[0], sum,
		              (double)(t1.tv_sec - t0.tv_sec) +
		                  (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
		rc = 0;
		break;
	case IMPORT_BAD_FILE:
		cli_error("import-wxr",
		          "%s:%d: %s; nothing was imported (the database is "
		          "unchanged)",
		          pos[0], err.line, err.message);
		break;
	case IMPORT_BAD_OPTION:
		cli_error("import-wxr", "%s", err.message);
		rc = 2;
		break;
	default:
		cli_error("import-wxr",
		          "%s; nothing was imported (the database is "
		          "unchanged)",
		          err.message);
		break;
	}
out:
	free(sum);
	db_close(db);
	free(folder);
	return rc;
}
