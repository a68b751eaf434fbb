/*
 * srcset.h: the srcset attributes of an image in the media library, made
 * from the original and its sizes (the rows of media_sizes, as image.c
 * made them).  The one place that decides which files a browser may pick:
 * the public templates (handlers/frame.c, frame_image) and Markdown bodies
 * (db/media_db.c, when a body is rendered) both ask here.
 */
#ifndef GAZETTE_SRCSET_H
#define GAZETTE_SRCSET_H

#include <stddef.h>

#include "../util/arena.h"
#include "media.h"

struct media_srcset {
	/* "/uploads/a-320.jpg 320w, …, /uploads/a.jpg 1200w": the sizes in
	 * the original's type and the original itself; NULL without sizes. */
	const char *srcset;
	/* The WebP sizes ("/uploads/a-320.webp 320w, …") for a <source
	 * type="image/webp">; NULL when there are none or the original is
	 * WebP itself (its srcset is already WebP). */
	const char *webp;
};

/*
 * Fills out for original and its count sizes (in any order; widths
 * ascending in the result).  A path with a character that a srcset cannot
 * carry (anything but letters, digits and "._-/") leaves that file out,
 * and the whole srcset when it is the original's.  Strings are in a.
 */
void media_srcset(struct arena *a, const struct media_file *original,
                  const struct media_file *sizes, size_t count,
                  struct media_srcset *out);

#endif
