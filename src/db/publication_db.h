/*
 * publication_db.h: books, newsletter issues and Pars Briefs as the public
 * pages read them and as the admin area lists, reads and saves them, with
 * an issue's table of contents.  A save runs the steps every editor shares
 * (edit_db.h).  Results are copied into the caller's arena; readers return
 * 0 (found), 1 (not found) or -1 (error, logged).
 */
#ifndef GAZETTE_PUBLICATION_DB_H
#define GAZETTE_PUBLICATION_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../render/trusted.h"
#include "../util/arena.h"
#include "content_db.h"
#include "db.h"
#include "edit_db.h"

/* A published publication as the public pages show it. */
struct publication {
	long long id;
	const char *kind; /* "book", "newsletter", "brief" */
	long long number; /* an issue's; 0 for a book */
	const char *slug;
	const char *title;
	const char *book_author; /* "" when none */
	long long year;          /* 0 when none */
	long long published_at;
	long long updated_at;
	struct media_ref cover; /* path "" when none */
	const char *pdf_path;   /* below the uploads folder; "" when none */
	long long pdf_bytes;
	const char *link;                /* an outside http(s) link, or "" */
	struct trusted_html description; /* rendered Markdown */
};

/*
 * Lists the published publications of a kind of an edition, newest first
 * (issues by number, books by date): up to limit from offset.  Sets *rows
 * (in a) and *count.  Returns 0 or -1.
 */
int publication_db_list(struct db *db, struct arena *a, long long edition_id,
                        const char *kind, long long offset, size_t limit,
                        struct publication **rows, size_t *count);

/* Reads the published book of the edition with this slug. */
int publication_db_book(struct db *db, struct arena *a, long long edition_id,
                        const char *slug, struct publication *out);

/* Reads the published issue of a kind with this number. */
int publication_db_issue(struct db *db, struct arena *a, long long edition_id,
                         const char *kind, long long number,
                         struct publication *out);

/* An entry of an issue's table of contents. */
struct toc_entry {
	const char *heading;
	const char *excerpt;
	const char *article_slug; /* a published article's, or "" */
};

/* Reads a publication's table of contents in order.  Sets *out (in a)
 * and *count.  Returns 0 or -1. */
int publication_db_toc(struct db *db, struct arena *a, long long id,
                       struct toc_entry **out, size_t *count);

/* A publication in the admin's list. */
struct publication_row {
	long long id;
	const char *kind;
	long long number; /* 0 for a book */
	const char *title;
	const char *state;
	const char *edition_code;
	const char *author_name; /* who wrote it in the admin; "" when none */
	const char *editor_name; /* who saved last; "" when unknown */
	long long updated_at;
};

struct publication_filter {
	const char *state;    /* NULL: any but trash */
	const char *kind;     /* NULL: any */
	long long author_id;  /* 0: any (authors see only their own) */
	long long edition_id; /* 0: any */
	long long offset;
	size_t limit;
};

/* Lists publications for the admin, newest change first.  0 or -1. */
int publication_admin_list(struct db *db, struct arena *a,
                           const struct publication_filter *f,
                           struct publication_row **rows, size_t *count);

/* An entry of the table of contents as the editor sends it. */
struct toc_input {
	const char *heading;
	const char *excerpt;
	const char *article_slug; /* "" for none; an article of the edition */
};

/* A publication's editable fields. */
struct publication_edit {
	long long id; /* 0 for a new one */
	long long edition_id;
	const char *kind;
	long long number; /* 0 for a book */
	const char *title;
	const char *slug;
	const char *book_author;
	long long year; /* 0 for none */
	const char *description_md;
	const char *state;
	long long cover_id; /* 0 for none */
	long long pdf_id;   /* 0 for none */
	const char *link;   /* "" for none */
	long long published_at;
	long long author_id;
	long long version; /* the version the edit started from */
	struct toc_input *toc;
	size_t toc_count;
	bool toc_set; /* saving replaces the table of contents with these */
};

/* Reads a publication for editing, with its table of contents (article
 * slugs of any state).  0, 1 or -1. */
int publication_admin_get(struct db *db, struct arena *a, long long id,
                          struct publication_edit *out);

/*
 * Saves a publication (creates it when in->id is 0) as user_id at now:
 * the description's Markdown is rendered first, then one BEGIN IMMEDIATE
 * transaction checks the version, the slug, the number, the cover and
 * PDF, and the articles the contents name, writes the publication and,
 * when in->toc_set, replaces its table of contents.  Sets *id_out.
 * Returns SAVE_OK, SAVE_CONFLICT, SAVE_SLUG_TAKEN, SAVE_NUMBER_TAKEN,
 * SAVE_BAD_MEDIA, SAVE_BAD_ARTICLE, SAVE_BAD_BODY or SAVE_FAILED;
 * anything but SAVE_OK changes nothing.
 */
enum save_result publication_admin_save(struct db *db,
                                        const struct publication_edit *in,
                                        long long user_id, long long now,
                                        long long *id_out);

#endif
