/*
 * video.c: reading YouTube and Vimeo addresses into a provider and an id,
 * and writing the addresses the site links to (see video.h).  The reader
 * is strict on purpose: an id that passes is made of a handful of safe
 * characters, so every address built from it is safe in an attribute and
 * in a frame's src, whatever the editor pasted.
 */
#include <string.h>
#include <strings.h>

#include "video.h"

#define YOUTUBE_ID_LEN 11

static bool
youtube_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Tells whether id is a valid id of p; see video.h. */
bool
video_id_valid(enum video_provider p, const char *id)
{
	size_t n = strlen(id), i;

	if (p == VIDEO_YOUTUBE) {
		if (n != YOUTUBE_ID_LEN)
			return false;
		for (i = 0; i < n; i++)
			if (!youtube_char(id[i]))
				return false;
		return true;
	}
	if (p == VIDEO_VIMEO) {
		if (n == 0 || n > VIDEO_ID_MAX || id[0] == '0')
			return false;
		return strspn(id, "0123456789") == n;
	}
	return false;
}

/*
 * Copies the id that starts at s into id when it is one of p's, and
 * what follows it is the end, a query or a fragment (a '&' too, inside a
 * query).  Returns whether it did.
 */
static bool
take_id(enum video_provider p, const char *s, bool in_query,
        char id[VIDEO_ID_MAX + 1])
{
	size_t n = p == VIDEO_YOUTUBE ? strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                                          "abcdefghijklmnopqrstuvwxyz"
	                                          "0123456789_-")
	                              : strspn(s, "0123456789");
	char end = s[n];

	if (n == 0 || n > VIDEO_ID_MAX)
		return false;
	if (!(end == '\0' || end == '?' || end == '#' ||
	      (in_query && end == '&')))
		return false;
	memcpy(id, s, n);
	id[n] = '\0';
	if (video_id_valid(p, id))
		return true;
	id[0] = '\0';
	return false;
}

/* Finds the value of v= in a query ("a=1&v=ID&t=2") and takes it. */
static bool
youtube_query(const char *q, char id[VIDEO_ID_MAX + 1])
{
	while (*q != '\0' && *q != '#') {
		if (strncmp(q, "v=", 2) == 0)
			return take_id(VIDEO_YOUTUBE, q + 2, true, id);
		q += strcspn(q, "&#");
		if (*q == '&')
			q++;
	}
	return false;
}

/* Returns whether the host [host, host + len) is name, in any case. */
static bool
host_is(const char *host, size_t len, const char *name)
{
	return strlen(name) == len && strncasecmp(host, name, len) == 0;
}

/* Returns path after prefix when path starts with it, else NULL. */
static const char *
after(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(path, prefix, n) == 0 ? path + n : NULL;
}

/* Reads a video's address; see video.h. */
enum video_provider
video_url_parse(const char *url, char id[VIDEO_ID_MAX + 1])
{
	static const char *const youtube_paths[] = {"/embed/", "/shorts/",
	                                            "/live/", "/v/"};
	const char *host, *path, *rest;
	size_t host_len, i;

	id[0] = '\0';
	if (strlen(url) > VIDEO_URL_MAX)
		return VIDEO_NONE;
	/* Only what an address needs: no space, control or quote. */
	for (const char *c = url; *c; c++)
		if ((unsigned char)*c <= 0x20 || *c == 0x7f ||
		    strchr("\"'<>\\`{}|^", *c))
			return VIDEO_NONE;
	if (strncasecmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return VIDEO_NONE;
	host_len = strcspn(host, "/?#");
	path = host + host_len;
	/* A port or a user in the authority is not a provider's address. */
	if (memchr(host, ':', host_len) || memchr(host, '@', host_len))
		return VIDEO_NONE;

	if (host_is(host, host_len, "youtu.be"))
		return path[0] == '/' &&
		               take_id(VIDEO_YOUTUBE, path + 1, false, id)
		           ? VIDEO_YOUTUBE
		           : VIDEO_NONE;
	if (host_is(host, host_len, "youtube.com") ||
	    host_is(host, host_len, "www.youtube.com") ||
	    host_is(host, host_len, "m.youtube.com") ||
	    host_is(host, host_len, "music.youtube.com") ||
	    host_is(host, host_len, "youtube-nocookie.com") ||
	    host_is(host, host_len, "www.youtube-nocookie.com")) {
		if ((rest = after(path, "/watch?")) != NULL)
			return youtube_query(rest, id) ? VIDEO_YOUTUBE
			                               : VIDEO_NONE;
		for (i = 0;
		     i < sizeof(youtube_paths) / sizeof(youtube_paths[0]); i++)
			if ((rest = after(path, youtube_paths[i])) != NULL)
				return take_id(VIDEO_YOUTUBE, rest, false, id)
				           ? VIDEO_YOUTUBE
				           : VIDEO_NONE;
		return VIDEO_NONE;
	}
	if (host_is(host, host_len, "vimeo.com") ||
	    host_is(host, host_len, "www.vimeo.com"))
		return path[0] == '/' &&
		               take_id(VIDEO_VIMEO, path + 1, false, id)
		           ? VIDEO_VIMEO
		           : VIDEO_NONE;
	if (host_is(host, host_len, "player.vimeo.com") &&
	    (rest = after(path, "/video/")) != NULL)
		return take_id(VIDEO_VIMEO, rest, false, id) ? VIDEO_VIMEO
		                                             : VIDEO_NONE;
	return VIDEO_NONE;
}

/* Names a provider; see video.h. */
const char *
video_provider_name(enum video_provider p)
{
	return p == VIDEO_YOUTUBE ? "youtube" : p == VIDEO_VIMEO ? "vimeo" : "";
}

/* Reads a provider's name; see video.h. */
enum video_provider
video_provider_from_name(const char *name)
{
	if (name != NULL && strcmp(name, "youtube") == 0)
		return VIDEO_YOUTUBE;
	if (name != NULL && strcmp(name, "vimeo") == 0)
		return VIDEO_VIMEO;
	return VIDEO_NONE;
}

/* The page on the provider's site; see video.h. */
const char *
video_watch_url(struct arena *a, enum video_provider p, const char *id)
{
	if (!video_id_valid(p, id))
		return "";
	return p == VIDEO_YOUTUBE
	           ? arena_concat(a, "https://www.youtube.com/watch?v=", id,
	                          NULL)
	           : arena_concat(a, "https://vimeo.com/", id, NULL);
}

/* The player a click loads; see video.h. */
const char *
video_embed_url(struct arena *a, enum video_provider p, const char *id)
{
	if (!video_id_valid(p, id))
		return "";
	return p == VIDEO_YOUTUBE
	           ? arena_concat(a, "https://www.youtube-nocookie.com/embed/",
	                          id, "?autoplay=1", NULL)
	           : arena_concat(a, "https://player.vimeo.com/video/", id,
	                          "?dnt=1&autoplay=1", NULL);
}
