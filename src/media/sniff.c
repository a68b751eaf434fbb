/*
 * sniff.c: an upload's kind by its content.  libmagic gives a MIME type
 * (MAGIC_MIME_TYPE); only eight map to an accepted kind.  The magic
 * database is opened and loaded once per process, on first use; if that
 * fails every file is refused (MEDIA_FAILED, logged), never let through.
 *
 * libmagic is told to skip the checks we never want to accept anyway
 * (compressed files, tar, ELF, CDF, JSON, CSV): fewer of its parsers see
 * untrusted bytes.  It does not decompress anything without
 * MAGIC_COMPRESS, which we never set.
 *
 * libmagic finds a type wherever its rules look, and some look past the
 * start: "<html>...\n%PDF-1.4" is a PDF to it.  So an accepted kind must
 * also begin with its own signature at byte 0, and its first
 * SNIFF_MARKUP_BYTES must hold no HTML tag, which browsers that sniff
 * (old ones, or any served without nosniff) would render as a page.
 * Images are decoded and re-encoded afterwards (image.c), which drops
 * anything hidden further in; PDFs, audio and video are stored as sent,
 * and nginx serves every upload with nosniff and a sandbox CSP.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <magic.h>

#include "../util/log.h"
#include "sniff.h"

#define SNIFF_MAGIC_FLAGS                                                      \
	(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TAR |      \
	 MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_CDF | MAGIC_NO_CHECK_JSON |       \
	 MAGIC_NO_CHECK_CSV)

/* Told to the uploader when the server could not decide. */
#define SNIFF_FAILED_REASON "the file's type could not be checked; try again"

static const struct {
	const char *mime;
	const char *extension;
	bool image;
} sniff_kinds[SNIFF__MAX] = {
    [SNIFF_REFUSED] = {"application/octet-stream", "bin", false},
    [SNIFF_JPEG] = {"image/jpeg", "jpg", true},
    [SNIFF_PNG] = {"image/png", "png", true},
    [SNIFF_WEBP] = {"image/webp", "webp", true},
    [SNIFF_GIF] = {"image/gif", "gif", true},
    [SNIFF_PDF] = {"application/pdf", "pdf", false},
    [SNIFF_MP4] = {"video/mp4", "mp4", false},
    [SNIFF_WEBM] = {"video/webm", "webm", false},
    [SNIFF_MP3] = {"audio/mpeg", "mp3", false},
};

/* Returns the MIME type of an accepted kind; octet-stream otherwise. */
const char *
sniff_kind_mime(enum sniff_kind kind)
{
	return kind < SNIFF__MAX ? sniff_kinds[kind].mime
	                         : sniff_kinds[SNIFF_REFUSED].mime;
}

/* Returns the extension of an accepted kind; "bin" otherwise. */
const char *
sniff_kind_extension(enum sniff_kind kind)
{
	return kind < SNIFF__MAX ? sniff_kinds[kind].extension
	                         : sniff_kinds[SNIFF_REFUSED].extension;
}

/* Returns whether kind is one of the four image kinds. */
bool
sniff_kind_is_image(enum sniff_kind kind)
{
	return kind < SNIFF__MAX && sniff_kinds[kind].image;
}

/*
 * The process's magic cookie, opened and loaded on first use.  Workers are
 * single-threaded, and a cookie loaded before fork() works in each child.
 */
static magic_t sniff_cookie;
static bool sniff_tried;

/* Returns the loaded cookie, or NULL (logged) when libmagic cannot start. */
static magic_t
sniff_magic(void)
{
	if (sniff_tried)
		return sniff_cookie;
	sniff_tried = true;
	sniff_cookie = magic_open(SNIFF_MAGIC_FLAGS);
	if (sniff_cookie == NULL) {
		log_error("sniff: magic_open: %s", strerror(errno));
		return NULL;
	}
	if (magic_load(sniff_cookie, NULL) != 0) {
		log_error("sniff: cannot load the magic database: %s; every "
		          "upload will be refused",
		          magic_error(sniff_cookie));
		magic_close(sniff_cookie);
		sniff_cookie = NULL;
	}
	return sniff_cookie;
}

/* Returns whether head starts with the len bytes of sig. */
static bool
sniff_starts(const unsigned char *head, size_t head_len, const char *sig,
             size_t len)
{
	return head_len >= len && memcmp(head, sig, len) == 0;
}

/* Returns whether the file's first bytes are kind's signature. */
static bool
sniff_signature_ok(enum sniff_kind kind, const unsigned char *h, size_t n)
{
	switch (kind) {
	case SNIFF_JPEG:
		return sniff_starts(h, n, "\xff\xd8\xff", 3);
	case SNIFF_PNG:
		return sniff_starts(h, n, "\x89PNG\r\n\x1a\n", 8);
	case SNIFF_WEBP:
		return sniff_starts(h, n, "RIFF", 4) && n >= 12 &&
		       memcmp(h + 8, "WEBP", 4) == 0;
	case SNIFF_GIF:
		return sniff_starts(h, n, "GIF87a", 6) ||
		       sniff_starts(h, n, "GIF89a", 6);
	case SNIFF_PDF:
		return sniff_starts(h, n, "%PDF-", 5);
	case SNIFF_MP4:
		return n >= 8 && memcmp(h + 4, "ftyp", 4) == 0;
	case SNIFF_WEBM:
		return sniff_starts(h, n, "\x1a\x45\xdf\xa3", 4);
	case SNIFF_MP3:
		/* An ID3v2 tag, or straight into an MPEG audio frame. */
		return sniff_starts(h, n, "ID3", 3) ||
		       (n >= 2 && h[0] == 0xff && (h[1] & 0xe0) == 0xe0);
	case SNIFF_REFUSED:
	case SNIFF__MAX:
		break;
	}
	return false;
}

/*
 * Tags that make browsers which sniff treat a file as a page (Internet
 * Explorer's list, plus svg and the doctype); matched without regard to
 * case anywhere in the first SNIFF_MARKUP_BYTES.
 */
static const char *const sniff_markup[] = {
    "<html",     "<head",   "<body",  "<script", "<iframe",    "<svg",
    "<title",    "<a href", "<table", "<img",    "<plaintext", "<pre",
    "<!doctype", "<object", "<embed", "<meta",   "<style",     "<?php",
};

/* Returns whether the first SNIFF_MARKUP_BYTES of head hold a tag above. */
static bool
sniff_has_markup(const unsigned char *head, size_t n)
{
	size_t i, k;

	if (n > SNIFF_MARKUP_BYTES)
		n = SNIFF_MARKUP_BYTES;
	for (i = 0; i < n; i++) {
		if (head[i] != '<')
			continue;
		for (k = 0; k < sizeof(sniff_markup) / sizeof(*sniff_markup);
		     k++) {
			size_t len = strlen(sniff_markup[k]);

			if (n - i >= len &&
			    strncasecmp((const char *)head + i, sniff_markup[k],
			                len) == 0)
				return true;
		}
	}
	return false;
}

/* Returns whether libmagic's type is a script of some language. */
static bool
sniff_is_script(const char *mime)
{
	static const char *const scripts[] = {
	    "text/x-perl", "text/x-php", "text/x-ruby",        "text/x-python",
	    "text/x-awk",  "text/x-lua", "text/x-msdos-batch", "text/x-tcl",
	};
	size_t i;

	if (strstr(mime, "script") != NULL)
		return true;
	for (i = 0; i < sizeof(scripts) / sizeof(*scripts); i++)
		if (strcmp(mime, scripts[i]) == 0)
			return true;
	return false;
}

/* Returns why a type that is no accepted kind is refused. */
static const char *
sniff_refusal(const char *mime, struct arena *a)
{
	if (strcmp(mime, "text/html") == 0 ||
	    strcmp(mime, "application/xhtml+xml") == 0)
		return "HTML is not accepted";
	if (strcmp(mime, "image/svg+xml") == 0)
		return "SVG images are not accepted: they can carry scripts";
	if (sniff_is_script(mime))
		return "scripts are not accepted";
	return arena_printf(a, "this file type is not accepted: %s", mime);
}

/*
 * Fills out from libmagic's type and the file's first bytes (head, n of
 * them; the whole file was size bytes).
 */
static void
sniff_decide(const char *mime, const unsigned char *head, size_t n,
             long long size, struct arena *a, struct sniff_result *out)
{
	int k;

	out->kind = SNIFF_REFUSED;
	out->mime = arena_strdup(a, mime);
	out->reason = NULL;
	if (size == 0) {
		out->reason = "the file is empty";
		return;
	}
	for (k = SNIFF_REFUSED + 1; k < SNIFF__MAX; k++)
		if (strcmp(mime, sniff_kinds[k].mime) == 0)
			break;
	if (k == SNIFF__MAX) {
		out->reason = sniff_refusal(out->mime, a);
		return;
	}
	if (!sniff_signature_ok((enum sniff_kind)k, head, n)) {
		out->reason = arena_printf(
		    a,
		    "this file does not begin as a %s file should: it is "
		    "not accepted",
		    sniff_kinds[k].extension);
		return;
	}
	if (sniff_has_markup(head, n)) {
		out->reason =
		    "this file carries HTML in its first bytes: it is "
		    "not accepted";
		return;
	}
	out->kind = (enum sniff_kind)k;
}

/* Sets out to "could not decide". */
static enum media_status
sniff_failed(struct sniff_result *out)
{
	out->kind = SNIFF_REFUSED;
	out->mime = "";
	out->reason = SNIFF_FAILED_REASON;
	return MEDIA_FAILED;
}

enum media_status
sniff_buffer(const void *data, size_t len, struct arena *a,
             struct sniff_result *out)
{
	magic_t m = sniff_magic();
	const char *mime;

	if (m == NULL)
		return sniff_failed(out);
	mime = len > 0 ? magic_buffer(m, data, len) : "inode/x-empty";
	if (mime == NULL) {
		log_error("sniff: magic_buffer: %s", magic_error(m));
		return sniff_failed(out);
	}
	sniff_decide(mime, data, len, (long long)len, a, out);
	return MEDIA_OK;
}

/* Reads up to cap bytes from the start of fd; returns the count or -1. */
static ssize_t
sniff_read_head(int fd, unsigned char *head, size_t cap)
{
	size_t n = 0;
	ssize_t got;

	while (n < cap) {
		got = pread(fd, head + n, cap - n, (off_t)n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		n += (size_t)got;
	}
	return (ssize_t)n;
}

enum media_status
sniff_file(const char *path, struct arena *a, struct sniff_result *out)
{
	unsigned char head[SNIFF_MARKUP_BYTES];
	magic_t m = sniff_magic();
	const char *mime;
	struct stat st;
	ssize_t n;
	int fd;

	if (m == NULL)
		return sniff_failed(out);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		log_error("sniff: %s: %s", path, strerror(errno));
		return sniff_failed(out);
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		log_error("sniff: %s: not a regular file", path);
		close(fd);
		return sniff_failed(out);
	}
	n = sniff_read_head(fd, head, sizeof(head));
	/* libmagic reads from the descriptor's offset, still 0 (pread). */
	mime = n < 0             ? NULL
	       : st.st_size == 0 ? "inode/x-empty"
	                         : magic_descriptor(m, fd);
	if (mime == NULL) {
		log_error("sniff: %s: %s", path,
		          n < 0 ? strerror(errno) : magic_error(m));
		close(fd);
		return sniff_failed(out);
	}
	sniff_decide(mime, head, (size_t)n, (long long)st.st_size, a, out);
	close(fd);
	return MEDIA_OK;
}
