/*
 * sniff.h: an upload's type, decided by its content with libmagic, never by
 * its name or the Content-Type the browser sent.  Eight kinds are accepted;
 * everything else (HTML, SVG, scripts, anything unknown) is refused with a
 * sentence the uploader can read.  On top of libmagic's answer, two cheap
 * checks refuse polyglots: the file must begin with its format's signature,
 * and its first SNIFF_MARKUP_BYTES must not carry HTML markup.
 */
#ifndef GAZETTE_SNIFF_H
#define GAZETTE_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "media.h"

enum sniff_kind {
	SNIFF_REFUSED = 0,
	SNIFF_JPEG,
	SNIFF_PNG,
	SNIFF_WEBP,
	SNIFF_GIF,
	SNIFF_PDF,
	SNIFF_MP4,
	SNIFF_WEBM,
	SNIFF_MP3,
	SNIFF__MAX
};

/*
 * How much of the start of a file is searched for HTML markup: the
 * "resource header" a browser reads when it sniffs (WHATWG MIME Sniffing).
 */
#define SNIFF_MARKUP_BYTES 1445

struct sniff_result {
	enum sniff_kind kind; /* SNIFF_REFUSED unless accepted */
	const char *mime;   /* libmagic's answer, or "" when it was not asked */
	const char *reason; /* when refused: a sentence for the uploader */
};

/*
 * Decides the kind of the regular file at path (libmagic reads as much of
 * it as it wants, up to its limit of 7 MiB).  Returns MEDIA_OK
 * when it decided, accepted or not (out->kind says which), or MEDIA_FAILED
 * when it could not (the file cannot be read, the magic database did not
 * load): out->kind is then SNIFF_REFUSED too, so a careless caller still
 * refuses.  Strings are in a, or static.
 */
enum media_status sniff_file(const char *path, struct arena *a,
                             struct sniff_result *out);

/* The same for len bytes in memory (tests and fuzzing). */
enum media_status sniff_buffer(const void *data, size_t len, struct arena *a,
                               struct sniff_result *out);

/* The MIME type files of an accepted kind are served with ("image/jpeg"). */
const char *sniff_kind_mime(enum sniff_kind kind);

/* The file name extension for an accepted kind, without the dot ("jpg"). */
const char *sniff_kind_extension(enum sniff_kind kind);

/* Whether the kind is an image that image.c re-encodes. */
bool sniff_kind_is_image(enum sniff_kind kind);

#endif
