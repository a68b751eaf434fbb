/*
 * video.h: YouTube and Vimeo addresses.  An editor pastes the address of a
 * video; the site keeps only its provider and id, checked here, and builds
 * every address it writes from those two (the page on the provider's site,
 * and the privacy-enhanced player loaded after a click).  Pure functions:
 * no I/O, no allocation but the caller's arena.
 */
#ifndef GAZETTE_VIDEO_H
#define GAZETTE_VIDEO_H

#include <stdbool.h>

#include "arena.h"

enum video_provider {
	VIDEO_NONE,
	VIDEO_YOUTUBE, /* ids: 11 of A-Z a-z 0-9 _ - */
	VIDEO_VIMEO,   /* ids: 1 to 12 digits */
};

/* The longest id, in bytes, of any provider. */
#define VIDEO_ID_MAX 12

/* The longest address video_url_parse reads. */
#define VIDEO_URL_MAX 500

/*
 * Reads a video's address: http(s) on youtube.com, www., m. and
 * music.youtube.com, youtube-nocookie.com (with or without www.) and
 * youtu.be (/watch?…v=ID…, /embed/ID, /shorts/ID, /live/ID, /v/ID,
 * youtu.be/ID), or on vimeo.com, www.vimeo.com (/ID) and player.vimeo.com
 * (/video/ID); the scheme and host in any case, no port, no user, nothing
 * but a query or a fragment after the id.  Writes the id, NUL-terminated,
 * to id and returns the provider, or returns VIDEO_NONE (id empty) for
 * anything else.
 */
enum video_provider video_url_parse(const char *url, char id[VIDEO_ID_MAX + 1]);

/* Returns whether id is a valid id of provider p. */
bool video_id_valid(enum video_provider p, const char *id);

/* Returns "youtube" or "vimeo" (what the database stores), or "". */
const char *video_provider_name(enum video_provider p);

/* Returns the provider stored as name, or VIDEO_NONE. */
enum video_provider video_provider_from_name(const char *name);

/*
 * Returns, in a, the video's page on its provider's site
 * (https://www.youtube.com/watch?v=ID, https://vimeo.com/ID): the link a
 * reader without script follows.
 */
const char *video_watch_url(struct arena *a, enum video_provider p,
                            const char *id);

/*
 * Returns, in a, the player that a click loads in a frame, from the
 * privacy-enhanced host (https://www.youtube-nocookie.com/embed/ID,
 * https://player.vimeo.com/video/ID?dnt=1), asked to play at once: the
 * reader has just asked for it.
 */
const char *video_embed_url(struct arena *a, enum video_provider p,
                            const char *id);

/* The frame-src of a page that may load those players. */
#define VIDEO_FRAME_SRC                                                        \
	"https://www.youtube-nocookie.com https://player.vimeo.com"

#endif
