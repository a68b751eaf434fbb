/*
 * media_db.h: the media library's rows: an item (media) and the sizes
 * image.c made of it (media_sizes).  Adding an item is one BEGIN IMMEDIATE
 * transaction, opened by the caller only once every file is on disk; an
 * edit names the version it started from; a delete re-checks, inside its
 * transaction, that nothing uses the item.  Files are never touched here:
 * media/store.c places and removes them.  Also: Markdown rendered with what
 * the library knows of each image (size, srcset), for every body saved.
 */
#ifndef GAZETTE_MEDIA_DB_H
#define GAZETTE_MEDIA_DB_H

#include <stddef.h>

#include "../media/media.h"
#include "../render/markdown.h"
#include "../render/trusted.h"
#include "../util/arena.h"
#include "db.h"

/* The sections an item may be meant for (NULL-terminated); "" is none. */
extern const char *const media_sections[];

/* The kinds the library filters by (NULL-terminated), as SQL computes
 * them from the MIME type. */
extern const char *const media_kinds[];

/* An item as the library shows it.  Strings are "" when unset. */
struct media_item {
	long long id;
	const char *path; /* below the uploads folder */
	const char *mime;
	const char *kind; /* image, pdf, video, audio or other */
	long long width;  /* 0 for what is not an image */
	long long height;
	long long bytes;
	const char *title;
	const char *original_name;
	const char *alt;
	const char *caption;
	const char *credit;
	const char *section;
	long long uploaded_by; /* 0 when unknown */
	const char *uploader;  /* display name */
	long long created_at;
	long long version;
	const char *thumb; /* the narrowest size in the item's type, or path */
	struct media_file *sizes; /* media_db_get only; widths ascending */
	size_t sizes_count;
};

/* What a new item says besides its files. */
struct media_new {
	const char *title;
	const char *original_name;
	const char *alt;
	const char *caption;
	const char *credit;
	const char *section; /* "" or NULL for none */
	long long uploaded_by;
	long long created_at;
};

/*
 * Adds an item for files[0] (the original: path, mime, size) with its
 * sizes files[1..count), in one BEGIN IMMEDIATE transaction.  Sets *id.
 * Returns 0, or -1 when nothing was committed (logged).
 */
int media_db_insert(struct db *db, const struct media_new *in,
                    const struct media_file *files, size_t count,
                    long long *id);

/*
 * The same inside a transaction the caller opened (the importer's):
 * returns 0, or -1 (logged) and the caller rolls back.
 */
int media_db_insert_locked(struct db *db, const struct media_new *in,
                           const struct media_file *files, size_t count,
                           long long *id);

struct media_filter {
	const char *q;       /* NULL, or words in the title, alt or caption */
	const char *kind;    /* NULL, or one of media_kinds */
	const char *section; /* NULL, or one of media_sections */
	long long offset;
	size_t limit;
};

/* Lists items, newest first.  0 or -1. */
int media_db_list(struct db *db, struct arena *a, const struct media_filter *f,
                  struct media_item **rows, size_t *count);

/* Reads an item with its sizes.  0 found, 1 none, -1. */
int media_db_get(struct db *db, struct arena *a, long long id,
                 struct media_item *out);

/* Reads the item whose file is path (its sizes not filled).  0, 1, -1. */
int media_db_get_by_path(struct db *db, struct arena *a, const char *path,
                         struct media_item *out);

/* Reads the sizes of item media_id, widths ascending, into a.  0 or -1. */
int media_db_sizes(struct db *db, struct arena *a, long long media_id,
                   struct media_file **out, size_t *count);

/* The same for the item whose file is path, in one query; sets *mime to
 * the item's own type when it has sizes.  0 (none: *count 0) or -1. */
int media_db_sizes_by_path(struct db *db, struct arena *a, const char *path,
                           struct media_file **out, size_t *count,
                           const char **mime);

/* What an edit changes. */
struct media_edit {
	long long id;
	long long version; /* the one the edit started from */
	const char *title;
	const char *alt;
	const char *caption;
	const char *credit;
	const char *section; /* "" for none */
};

enum media_save {
	MEDIA_SAVE_OK,
	MEDIA_SAVE_CONFLICT, /* another edit came first */
	MEDIA_SAVE_MISSING,
	MEDIA_SAVE_IN_USE, /* a delete refused: something uses the item */
	MEDIA_SAVE_FAILED,
};

/* Saves an edit in its own transaction when the version still holds. */
enum media_save media_db_update(struct db *db, const struct media_edit *e);

/* One place that uses an item. */
struct media_use {
	/* "featured", "article" (its body), "page", "media_post" (its
	 * image, video or poster), "album" (one of its photos) or
	 * "publication" (its cover or PDF) */
	const char *what;
	long long id; /* of the article, page, media post or publication */
	const char *title;
	const char *state;
};

/*
 * Lists what uses item id: articles whose featured image it is,
 * articles and pages whose body names its file or one of its sizes, and
 * the media posts, albums and publications that show it.  Returns 0 (*uses in
 * a, at most 200), or -1.
 */
int media_db_uses(struct db *db, struct arena *a, long long id,
                  struct media_use **uses, size_t *count);

/*
 * Deletes item id (its sizes go with it) in one BEGIN IMMEDIATE
 * transaction that first lists its uses: when there are any, nothing is
 * deleted and they are returned.  The caller removes the files after
 * MEDIA_SAVE_OK (a crash in between leaves files no row names, never a
 * row naming no file).  Returns MEDIA_SAVE_OK, MEDIA_SAVE_IN_USE (*uses
 * set), MEDIA_SAVE_MISSING or MEDIA_SAVE_FAILED.
 */
enum media_save media_db_delete(struct db *db, struct arena *a, long long id,
                                struct media_use **uses, size_t *count);

/*
 * Renders Markdown (markdown_render_image) telling it, for each image
 * whose URL is /uploads/PATH of an item, its size and its srcset.
 * Returns 0 with *out malloc'd (free((char *)out->html)), or -1.
 */
int media_db_render(struct db *db, const char *md, size_t len,
                    struct trusted_html *out);

/* What media_db_image needs: the connection and an arena for its
 * strings (the caller inits and frees it). */
struct media_render {
	struct db *db;
	struct arena arena;
};

/*
 * A markdown_image_fn over ctx, a struct media_render: tells the
 * Markdown renderer or the sanitiser the size and srcset of the image at
 * url when it is /uploads/PATH of an item.  0 known, -1 not.
 */
int media_db_image(void *ctx, const char *url, struct markdown_image *out);

#endif
