/*
 * media.h: what the media building blocks share.  sniff.c decides a file's
 * kind by its content, image.c re-encodes images, store.c places files
 * under the uploads folder; all three answer with a media_status, and the
 * files they place are described by struct media_file.  Nothing here knows
 * about requests or the database: the upload handler calls these on the
 * temporary file it received, then commits the row that names the result.
 */
#ifndef GAZETTE_MEDIA_H
#define GAZETTE_MEDIA_H

#include <stddef.h>

/*
 * MEDIA_REFUSED is the uploader's doing (a 4xx, with a reason to show);
 * MEDIA_FAILED is the server's (a 500: disk full, a library that could not
 * start), logged where it happened, with a reason that says only that.
 */
enum media_status {
	MEDIA_OK = 0,
	MEDIA_REFUSED = -1,
	MEDIA_FAILED = -2,
};

/* One file written under the uploads root. */
struct media_file {
	const char *path; /* below the uploads root: "2026/11/<hex>-640.webp" */
	const char *mime; /* "image/webp" */
	int width;        /* pixels; 0 for what is not an image */
	int height;
	long long bytes;
};

#endif
