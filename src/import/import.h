/*
 * import.h: a WordPress export brought into the database: what each part
 * of the export becomes (authors, categories, tags, posts, pages,
 * attachments, comments, menus, old addresses), decided here and written
 * through db/import_db.h in transactions of IMPORT_BATCH_ITEMS items.
 * The export is read through once to check it, then twice with the
 * streaming reader (wxr.h): attachments first, so that bodies, galleries
 * and featured images can point to them, then everything else.
 */
#ifndef GAZETTE_IMPORT_H
#define GAZETTE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "../db/db.h"
#include "../util/arena.h"
#include "wxr.h"

struct import_options {
	const char *edition;      /* an edition's code; NULL: the default */
	const char *uploads_from; /* a copy of wp-content/uploads, or NULL */
	const char *uploads_dir;  /* the site's uploads folder (files go
	                             there); needed with uploads_from */
	const char *menu;         /* a nav_menu slug; NULL: the largest */
	long long now;            /* the import's time (UTC seconds) */
	/* Called as the file is read: fraction done (0 to 1). */
	void (*progress)(void *ctx, double fraction);
	void *progress_ctx;
};

/* Rows of one kind the run added and updated. */
struct import_count {
	long long imported;
	long long updated;
};

#define IMPORT_REASONS_MAX 32
#define IMPORT_EXAMPLES_MAX 10

/* What was skipped for one reason, with how many and a first example. */
struct import_skip {
	char reason[96];
	long long count;
	char example[160];
};

/* What a run did, for the closing summary. */
struct import_summary {
	struct import_count authors, categories, tags, articles, pages, media,
	    comments, menu_items;
	long long redirects;
	long long items; /* <item>s read */
	struct import_skip skips[IMPORT_REASONS_MAX];
	size_t skips_count;
	long long missing; /* attachments recorded without their file */
	char missing_examples[IMPORT_EXAMPLES_MAX][160];
	size_t missing_examples_count;
	long long notes; /* items brought in changed (password-protected) */
	char note_examples[IMPORT_EXAMPLES_MAX][160];
	size_t note_examples_count;
};

enum import_status {
	IMPORT_OK = 0,
	IMPORT_BAD_FILE = -1,   /* malformed, truncated or not a WXR: err */
	IMPORT_FAILED = -2,     /* the database or the uploads failed: err */
	IMPORT_BAD_OPTION = -3, /* no such edition, or no uploads folder */
};

/*
 * Imports the export at path into db with o, filling *sum.  A malformed
 * or cut file (IMPORT_BAD_FILE, err with its line) is found by a first
 * reading that writes nothing: the database is exactly as it was.  Then
 * items are written in batches, each one transaction between whole
 * items; should the database or the uploads fail midway (IMPORT_FAILED),
 * the batch in progress is rolled back with the files it placed, the
 * batches before it stay, and running the same import again takes up
 * from there (the import map makes it update, never duplicate).
 */
enum import_status import_wxr(struct db *db, const char *path,
                              const struct import_options *o,
                              struct import_summary *sum,
                              struct wxr_error *err);

/*
 * The text of an HTML fragment: tags dropped, entities decoded, block
 * ends and <br> as line breaks, runs of blank lines squeezed, trimmed;
 * with single_line, every run of white space is one space.  In a.
 */
const char *import_html_text(struct arena *a, const char *html, size_t len,
                             bool single_line);

#endif
