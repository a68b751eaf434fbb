/*
 * section_db.h: the posts of the media sections (cartoons, NewsPics, photo
 * albums, videos) as the public pages read them and as the admin area
 * lists, reads and saves them, with the photos of an album.  A save runs
 * the steps every editor shares (edit_db.h): the Markdown caption
 * rendered before the write lock, the version and slug checks, one BEGIN
 * IMMEDIATE transaction.  Results are copied into the caller's arena;
 * readers return 0 (found), 1 (not found) or -1 (error, logged).
 */
#ifndef GAZETTE_SECTION_DB_H
#define GAZETTE_SECTION_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../render/trusted.h"
#include "../util/arena.h"
#include "content_db.h"
#include "db.h"
#include "edit_db.h"

/* A published post as the public pages show it. */
struct media_post {
	long long id;
	const char *section; /* "cartoons", "newspics", "photos", "videos" */
	const char *slug;
	const char *title;
	long long published_at;
	long long updated_at;
	/* The image, an album's cover (else its first photo) or a video's
	 * poster; path "" when there is none. */
	struct media_ref image;
	long long photos; /* an album's photo count */
	/* Filled by media_post_db_get only. */
	struct trusted_html caption; /* rendered Markdown */
	const char *author_name;     /* "" when unknown */
	struct media_ref video;      /* an uploaded video; path "" if none */
	const char *video_mime;
	const char *video_provider; /* "youtube", "vimeo" or "" */
	const char *video_ref;      /* the id on the provider's site */
};

/*
 * Lists the published posts of a section of an edition, newest first: up
 * to limit from offset, without caption or video.  Sets *rows (in a) and
 * *count.  Returns 0 or -1.
 */
int media_post_db_list(struct db *db, struct arena *a, long long edition_id,
                       const char *section, long long offset, size_t limit,
                       struct media_post **rows, size_t *count);

/* Reads the published post of the section with this slug. */
int media_post_db_get(struct db *db, struct arena *a, long long edition_id,
                      const char *section, const char *slug,
                      struct media_post *out);

/* A photo of an album. */
struct album_photo {
	long long position; /* 1, 2, …: its page is …/SLUG/POSITION */
	struct media_ref image;
	const char *caption; /* the album's caption, else the library's */
};

/* Reads the photos of an album by position.  Sets *out (in a) and
 * *count.  Returns 0 or -1. */
int album_db_photos(struct db *db, struct arena *a, long long post_id,
                    struct album_photo **out, size_t *count);

/* A post in the admin's list. */
struct media_post_row {
	long long id;
	const char *section;
	const char *title;
	const char *slug;
	const char *state;
	const char *edition_code;
	const char *edition_prefix; /* "" for the default edition */
	const char *author_name;    /* "" when none */
	const char *editor_name;    /* who saved last; "" when unknown */
	long long updated_at;
};

struct media_post_filter {
	const char *state;    /* NULL: any but trash */
	const char *section;  /* NULL: any */
	long long author_id;  /* 0: any (authors see only their own) */
	long long edition_id; /* 0: any */
	long long offset;
	size_t limit;
};

/* Lists posts for the admin, newest change first.  0 or -1. */
int media_post_admin_list(struct db *db, struct arena *a,
                          const struct media_post_filter *f,
                          struct media_post_row **rows, size_t *count);

/* A photo of an album as the editor sends it. */
struct album_entry {
	long long media_id;
	const char *caption; /* "" to show the library's */
};

/* A post's editable fields. */
struct media_post_edit {
	long long id; /* 0 for a new post */
	long long edition_id;
	const char *section;
	const char *title;
	const char *slug;
	const char *caption_md;
	const char *state;
	long long image_id;         /* 0 for none */
	long long video_id;         /* 0 for none */
	const char *video_provider; /* "youtube", "vimeo", or "" for none */
	const char *video_ref;
	long long published_at;
	long long author_id;
	long long version; /* the version the edit started from */
	struct album_entry *album;
	size_t album_count;
	bool album_set; /* saving replaces the album's photos with these */
};

/* Reads a post for editing, with its album's photos.  0, 1 or -1. */
int media_post_admin_get(struct db *db, struct arena *a, long long id,
                         struct media_post_edit *out);

/*
 * Saves a post (creates it when in->id is 0) as user_id at now: the
 * caption's Markdown is rendered first, then one BEGIN IMMEDIATE
 * transaction checks the version, the slug and the chosen library items
 * (an image, a video, the album's images), writes the post and, when
 * in->album_set, replaces its album.  Sets *id_out.  Returns SAVE_OK,
 * SAVE_CONFLICT, SAVE_SLUG_TAKEN, SAVE_BAD_MEDIA, SAVE_BAD_BODY or
 * SAVE_FAILED; anything but SAVE_OK changes nothing.
 */
enum save_result media_post_admin_save(struct db *db,
                                       const struct media_post_edit *in,
                                       long long user_id, long long now,
                                       long long *id_out);

#endif
