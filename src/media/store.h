/*
 * store.h: placing files under the uploads folder so that they survive a
 * crash before the database row that names them commits.  A batch is the
 * files of one upload (an image and its sizes share one random base name);
 * each is written to a temporary name in its final folder, fsynced and
 * renamed, and the folder is fsynced once at the end.  A batch that fails
 * removes every file it made.
 */
#ifndef GAZETTE_STORE_H
#define GAZETTE_STORE_H

#include <time.h>

#include "../util/arena.h"
#include "media.h"
#include "sniff.h"

#define STORE_NAME_BYTES 16 /* random bytes in a base name (32 hex digits) */
#define STORE_MAX_FILES 16  /* files in one batch */
#define STORE_SUBDIR_MAX 64 /* bytes in a folder below the uploads root */

struct store_batch {
	int dir_fd;         /* the folder the files go to */
	const char *subdir; /* that folder, below the uploads root */
	char base[STORE_NAME_BYTES * 2 + 1];
	const char *created[STORE_MAX_FILES]; /* names placed so far */
	int created_count;
	struct arena *arena;
};

/*
 * Writes the folder for files uploaded at time now, "YYYY/MM" in UTC, into
 * out (at least 8 bytes).
 */
void store_month_subdir(time_t now, char out[8]);

/*
 * Starts a batch in root/subdir, making the folders of subdir that are
 * missing (and fsyncing their parents).  subdir is relative, made of
 * [A-Za-z0-9_-] names separated by '/'.  Returns MEDIA_OK, or MEDIA_FAILED
 * after logging (root missing, subdir malformed, an I/O error).
 */
enum media_status store_begin(struct store_batch *b, const char *root,
                              const char *subdir, struct arena *a);

/*
 * Places len bytes as base + suffix ("-640.webp"), durably but for the
 * folder's fsync (store_finish).  Fills out's path and bytes; the caller
 * fills the rest.  Returns MEDIA_OK or MEDIA_FAILED (logged); the batch
 * must then be abandoned with store_abort.
 */
enum media_status store_write(struct store_batch *b, const char *suffix,
                              const void *data, size_t len,
                              struct media_file *out);

/* The same, copying the whole of the open file src_fd. */
enum media_status store_copy(struct store_batch *b, const char *suffix,
                             int src_fd, struct media_file *out);

/*
 * Fsyncs the folder, so the renames are durable, and ends the batch.
 * Returns MEDIA_OK, or MEDIA_FAILED after removing the batch's files.
 */
enum media_status store_finish(struct store_batch *b);

/* Removes every file the batch placed and ends it. */
void store_abort(struct store_batch *b);

/*
 * Removes files placed by earlier batches (paths below root, as struct
 * media_file gives them: an upload whose row did not commit, or a deleted
 * item's), each folder fsynced after.  A path that is absolute, has an
 * empty, "." or ".." segment is left alone.  Returns the number of files
 * that could not be removed (logged; one already gone is not counted).
 */
int store_remove(const char *root, const char *const *paths, size_t count);

/*
 * Stores a file of a kind that is not re-encoded (PDF, MP4, WebM, MP3) as
 * it is: a copy of src_path under root/subdir with a random name and the
 * kind's extension.  Fills out (width and height 0) with strings in a.
 * Returns MEDIA_OK or MEDIA_FAILED, with *reason a sentence for the
 * uploader.  Images must go through image_store instead.
 */
enum media_status store_file(const char *src_path, enum sniff_kind kind,
                             const char *root, const char *subdir,
                             struct arena *a, struct media_file *out,
                             const char **reason);

#endif
