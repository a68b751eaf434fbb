/*
 * image.h: uploaded images, decoded and re-encoded by libvips.  What is
 * stored is never the uploaded file: the original is decoded, turned
 * upright (EXIF orientation), converted to sRGB and saved again without
 * any metadata (no EXIF, XMP, IPTC or ICC, so no location), together with
 * smaller sizes for srcset, each also in WebP.  Re-encoding also drops
 * anything a polyglot hid beside the pixels.
 */
#ifndef GAZETTE_IMAGE_H
#define GAZETTE_IMAGE_H

#include <stddef.h>

#include "../util/arena.h"
#include "media.h"
#include "sniff.h"

/*
 * Decompression bombs are refused from the header, before any pixel is
 * decoded: at most 40 megapixels, and at most 12000 pixels a side.
 */
#define IMAGE_MAX_PIXELS (40LL * 1000 * 1000)
#define IMAGE_MAX_SIDE 12000

/* The widths made for srcset, narrowest first; never wider than the
 * original (a width at or above the original's is skipped). */
#define IMAGE_WIDTHS                                                           \
	{                                                                      \
		320, 640, 1024, 1600                                           \
	}
#define IMAGE_WIDTHS_COUNT 4

/* Most files one image gives: the original, then two per width. */
#define IMAGE_MAX_FILES (1 + 2 * IMAGE_WIDTHS_COUNT)

struct image_set {
	/*
	 * files[0] is the original, re-encoded at full size; then, for each
	 * width narrower than it, the size in the original's format
	 * ("-640.jpg") followed by its WebP ("-640.webp"), except for WebP
	 * originals, whose sizes are made once.  In the caller's arena.
	 */
	struct media_file *files;
	int files_count;
};

/*
 * Starts libvips once per process (later calls return the first answer):
 * untrusted loaders blocked, and every loader but JPEG, PNG, WebP and GIF
 * blocked too; one worker thread; no operation cache.  libvips starts
 * threads, so call this only in a process that will not fork afterwards
 * (a worker, never the prefork parent); image_store calls it itself.
 * Returns 0, or -1 (logged) when libvips cannot start.
 */
int image_init(void);

/*
 * Re-encodes the image at src_path, of the sniffed kind (an image kind),
 * into root/subdir under one random base name (see struct image_set),
 * every file fsynced and the folder too before it returns.  Returns
 * MEDIA_OK and fills out; MEDIA_REFUSED when the image is too large,
 * damaged or unreadable; MEDIA_FAILED when the server failed (logged).
 * Unless MEDIA_OK, *reason is a sentence for the uploader and no file of
 * this call is left behind.  Everything returned is in a.
 */
enum media_status image_store(const char *src_path, enum sniff_kind kind,
                              const char *root, const char *subdir,
                              struct arena *a, struct image_set *out,
                              const char **reason);

#endif
