/*
 * import_internal.h: what the files of src/import/ share and nobody else
 * sees: the importer's state for one run (struct importer), what later
 * items refer to (categories, attachments, menu items), and the small
 * helpers of import_util.c.  import.c runs the import and writes authors,
 * terms, posts, pages and comments; import_media.c writes attachments and
 * converts bodies; import_menu.c writes the menu.
 */
#ifndef GAZETTE_IMPORT_INTERNAL_H
#define GAZETTE_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "../db/site_db.h"
#include "../util/arena.h"
#include "import.h"
#include "wxr.h"

/* A string-keyed map to an index or id (open addressing, in an arena). */
struct import_smap {
	const char **keys;
	long long *vals;
	size_t cap, count;
};

/* A category as the channel declares it (wp:category or wp:term). */
struct cat {
	const char *slug; /* percent-decoded WordPress slug */
	const char *name;
	const char *parent; /* the parent's decoded slug, "" for none */
	const char *description;
	long long term_id;
	long long id; /* ours */
};

/* An attachment, as galleries, featured images and bodies need it. */
struct attachment {
	long long wp_id;
	long long parent;
	long long menu_order;
	long long media_id; /* 0: no file */
	const char *src;    /* "/uploads/…" */
	const char *alt;
	const char *caption;
};

/* A nav_menu_item, resolved when every page and term is in. */
struct menu_entry {
	const char *menu; /* the nav_menu slug */
	long long wp_id;
	long long parent_wp_id;
	long long order;
	const char *type;   /* post_type, taxonomy, custom */
	const char *object; /* page, post, category, post_tag, custom */
	long long object_id;
	const char *url;
	const char *title;
};

/* One run's state: the options, the counters, the two arenas, and what
 * later items refer to. */
/* Items (posts, pages, attachments, menu items) written per transaction:
 * a long import never holds the write lock for long, so the site's own
 * writes (busy timeout 5 s) go on between batches. */
#define IMPORT_BATCH_ITEMS 500

struct importer {
	struct db *db;
	const struct import_options *o;
	struct import_summary *sum;
	struct site site;
	struct arena keep; /* lives for the run */
	struct arena item; /* reset after each item */
	const char *source;
	long long edition_id;
	const char *prefix; /* "" or "/ar" */
	int pass;
	long long file_bytes;
	bool failed; /* a database or file error: roll back */
	char failure[256];
	/* What later items refer to. */
	struct cat *cats;
	size_t cats_count, cats_cap;
	bool cats_done;
	struct import_smap cat_by_slug; /* decoded slug -> index in cats */
	struct import_smap cat_by_term; /* term id -> our id */
	struct import_smap tag_by_slug; /* decoded slug -> our id */
	struct import_smap tag_by_term; /* term id -> our id */
	struct import_smap author_by_login;
	struct import_smap menus; /* nav_menu slug -> items */
	struct attachment *atts;
	size_t atts_count, atts_cap;
	struct import_smap att_by_id;   /* wp id -> index in atts */
	struct import_smap upload_path; /* "2019/05/x.jpg" -> index in atts */
	struct menu_entry *menu_entries;
	size_t menu_count, menu_cap;
	const char **placed; /* files put under the uploads folder by the
	                      * batch not yet committed */
	size_t placed_count, placed_cap;
	size_t batch_items;  /* items written since the last commit */
	long long *children; /* the current post's attachments */
	size_t children_count;
};

/* The map's value of key, or NULL when it has none. */
long long *import_smap_get(struct import_smap *m, const char *key);
/* Sets key (copied into a) to v. */
void import_smap_put(struct arena *a, struct import_smap *m, const char *key,
                     long long v);
/* Copies src into dst (cap bytes), cut at a character boundary. */
void import_copy_cut(char *dst, size_t cap, const char *src);
/* Counts one thing skipped for reason, keeping a first example. */
void import_skip(struct importer *im, const char *reason, const char *example);
/* Marks the run failed (the database or a file); returns -1. */
int import_fail(struct importer *im, const char *what);
/* Counts a row put: rc 1 inserted, 0 updated. */
void import_counted(struct import_count *c, int rc);
/* s percent-decoded (in a), or s itself when it does not decode to clean
 * UTF-8. */
const char *import_decoded(struct arena *a, const char *s);
/* A slug of ours for a WordPress slug or, failing that, text ("" when
 * neither gives one). */
const char *import_slug(struct arena *a, const char *wp_slug, const char *text);
/* "YYYY-MM-DD HH:MM:SS" as UTC seconds; 0 when empty, zero
 * ("0000-00-00 00:00:00") or not a date and time of the calendar (30
 * February: cal_wall_time_valid). */
long long import_date(const char *s);
/* An item's time in UTC (GMT date, else local date, else pubDate); 0. */
long long import_item_time(const struct wxr_item *it);
/* A title (HTML, entities) as plain text on one line, in a. */
const char *import_title(struct arena *a, const char *title);
/* The percent-decoded path of an old address without trailing slashes,
 * or "/?p=12"; NULL when it has none worth keeping. */
const char *import_old_path(struct arena *a, const char *url);
/* Adds the redirect of path (NULL: nothing) to a row of kind, unless it
 * is own, the target's own address.  0 or -1. */
int import_redirect(struct importer *im, const char *path, const char *kind,
                    long long id, const char *url, const char *own);
/* The postmeta value of key, or NULL. */
const char *import_meta(const struct wxr_item *it, const char *key);
/* An item's key in the import map: its id, else guid or link; NULL. */
const char *import_item_key(struct arena *a, const struct wxr_item *it);

/* import_media.c: an attachment (first pass).  0 or -1. */
int import_attachment(struct importer *im, const struct wxr_item *it);
/*
 * import_media.c: converts a post's body; fills *html and, when it had
 * <!--more--> and excerpt is not NULL, *excerpt (plain text).  0, or 1
 * when the body cannot be converted (too large: skipped).
 */
int import_convert_body(struct importer *im, const struct wxr_item *it,
                        const char **html, const char **excerpt);

/* import_menu.c: keeps a nav_menu_item for the end. */
void import_menu_item(struct importer *im, const struct wxr_item *it);
/* import_menu.c: writes the chosen menu into the edition's main menu.
 * 0 or -1. */
int import_write_menu(struct importer *im);

#endif
