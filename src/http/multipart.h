/*
 * multipart.h: a push parser for multipart/form-data bodies (RFC 7578 over
 * RFC 2046).  The caller feeds the body in chunks of any size, as they come
 * off the FastCGI stream; the parser calls back when a part begins, for each
 * piece of a file's data, and when a part ends.  Fields (parts without a
 * filename) are collected in memory, under a per-field and a total cap;
 * files are never held: their bytes go to the data callback (which writes
 * them to a temporary file) and only their count is kept.  Every limit is
 * enforced while parsing, so memory stays bounded by the limits whatever
 * the body's size.
 *
 * Decisions (README.md repeats them): lines end in CR LF, and a bare LF or
 * CR where a line ends (delimiter and header lines) is an error; inside
 * data anything goes.  The preamble and the epilogue are ignored.  A
 * delimiter is CR LF "--" boundary at the start of a line (or "--" boundary
 * at the very start of the body); when it is followed by anything but "--",
 * spaces or tabs and CR LF, the body is refused (RFC 2046 forbids the
 * boundary inside a part, and parsers disagree about what it means).
 * Filenames lose any path ('/' or '\\'), and must be UTF-8 without control
 * characters.  Field values and filenames come out in Unicode NFC, as
 * urlencoded fields do (request.h).
 */
#ifndef GAZETTE_MULTIPART_H
#define GAZETTE_MULTIPART_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "request.h"

/*
 * The fixed ceiling of a multipart body: nginx's client_max_body_size for
 * /admin/media/ in conf/nginx.conf.in and conf/deploy/nginx-site.conf (a
 * unit test keeps them equal).  Limits given to mp_init above their
 * ceilings are lowered to them.
 */
#define MP_CEILING_BYTES HTTP_MAX_UPLOAD_BYTES
#define MP_CEILING_PARTS 1000
#define MP_CEILING_HEADERS 32             /* header lines in one part */
#define MP_CEILING_HEADER_LINE_BYTES 8192 /* nginx's large header buffer */

/* The limits mp_limits_default() sets. */
#define MP_DEFAULT_PARTS HTTP_MAX_FIELDS
#define MP_DEFAULT_HEADERS 8
#define MP_DEFAULT_HEADER_LINE_BYTES 2048
#define MP_DEFAULT_FIELD_BYTES (256 * 1024)
#define MP_DEFAULT_FIELDS_BYTES HTTP_MAX_FORM_BYTES

/*
 * What went wrong, each with its own code (mp_status_name gives a stable
 * name for it, mp_status_http the status to answer).  Errors are sticky:
 * once one is returned, every later call returns it again.
 */
enum mp_status {
	MP_OK = 0,
	MP_ERR_CONTENT_TYPE,   /* not multipart/form-data, bad parameters */
	MP_ERR_BOUNDARY,       /* boundary absent, repeated, empty, > 70 */
	MP_ERR_LINE_ENDING,    /* a line ending in LF alone, a CR alone */
	MP_ERR_DELIMITER,      /* a delimiter followed by other bytes */
	MP_ERR_TRUNCATED,      /* the body ended before the close delimiter */
	MP_ERR_PARTS,          /* more parts than max_parts */
	MP_ERR_HEADER_LINE,    /* a header line over max_header_line_bytes */
	MP_ERR_HEADER_COUNT,   /* more header lines than max_headers */
	MP_ERR_HEADER,         /* a malformed or repeated header line */
	MP_ERR_NO_DISPOSITION, /* a part without Content-Disposition */
	MP_ERR_DISPOSITION,    /* not form-data, no name, bad parameters */
	MP_ERR_FILENAME,       /* a filename not UTF-8 or with controls */
	MP_ERR_FIELD_VALUE,    /* a field's value not UTF-8 or with NUL */
	MP_ERR_FIELD_SIZE,     /* a field over max_field_bytes */
	MP_ERR_FIELDS_SIZE,    /* fields together over max_fields_bytes */
	MP_ERR_FILE_SIZE,      /* a file over max_file_bytes */
	MP_ERR_TOTAL_SIZE,     /* the body over max_total_bytes */
	MP_ERR_ABORTED,        /* a callback returned non-zero */
	MP_STATUS__MAX,
};

/*
 * Limits; mp_limits_default() fills them.  mp_init lowers them to the
 * ceilings: MP_CEILING_BYTES for a file and the body, HTTP_MAX_FORM_BYTES
 * (an urlencoded body's) for all fields together, which also bounds one
 * field, and the MP_CEILING_ values for the rest.  One field's default
 * holds a Markdown body (128 KiB) with room to spare.
 */
struct mp_limits {
	size_t max_parts;             /* fields and files */
	size_t max_headers;           /* header lines in one part */
	size_t max_header_line_bytes; /* one header line, without CR LF */
	size_t max_field_bytes;       /* one field's value */
	size_t max_fields_bytes;      /* all fields' values together */
	uint64_t max_file_bytes;      /* one file's data */
	uint64_t max_total_bytes;     /* the whole body, as fed */
};

/*
 * One part, as the callbacks see it.  Strings are NUL-terminated and live
 * in the parser's arena.
 */
struct mp_part {
	size_t index;     /* 0 for the first part */
	const char *name; /* Content-Disposition name: UTF-8, not empty */
	/*
	 * NULL for a field.  For a file, the last segment of the name the
	 * client sent (filename*, when given in UTF-8 or ISO-8859-1, wins
	 * over filename): no '/' or '\\', UTF-8 without control characters,
	 * never "." or "..", possibly "" (a file input left empty).
	 */
	const char *filename;
	const char *content_type; /* as sent, trimmed; NULL when absent */
	/* Fields only, complete when the part ends: UTF-8 without NUL, NFC. */
	const char *value;
	size_t value_len;
	/* Bytes of data so far (in part_data: with these), as sent: a
	 * field's value_len is that of its NFC form. */
	uint64_t size;
};

/*
 * The callbacks; any may be NULL.  part_data is called for files only,
 * with the bytes in order, in pieces of any size (never empty).  A
 * non-zero return stops the parser with MP_ERR_ABORTED (a failed write,
 * a file the handler does not want).
 */
struct mp_callbacks {
	int (*part_begin)(void *ctx, const struct mp_part *part);
	int (*part_data)(void *ctx, const struct mp_part *part,
	                 const char *data, size_t len);
	int (*part_end)(void *ctx, const struct mp_part *part);
};

struct mp_parser;

/* Fills lim with the defaults above (files and body: the ceiling). */
void mp_limits_default(struct mp_limits *lim);

/*
 * Finds the boundary in a Content-Type header value: the media type must
 * be multipart/form-data (any case), parameters are RFC 9110's (token or
 * quoted string, empty ones allowed), and boundary must be given once,
 * 1 to 70 characters of RFC 2046's bchars, not ending in a space.  On
 * success copies it NUL-terminated to out (at least 71 bytes) and returns
 * MP_OK; otherwise MP_ERR_CONTENT_TYPE or MP_ERR_BOUNDARY.
 */
enum mp_status mp_boundary(const char *content_type, char *out);

/*
 * Makes a parser for a body of the given Content-Type, allocating from a
 * (everything it keeps lives there: the parser, header lines, names,
 * fields).  limits NULL means the defaults; cb NULL means no callbacks.
 * Returns MP_OK with *out set, or mp_boundary's error.
 */
enum mp_status mp_init(struct mp_parser **out, struct arena *a,
                       const char *content_type, const struct mp_limits *limits,
                       const struct mp_callbacks *cb, void *ctx);

/*
 * Parses the next len bytes of the body; any split gives the same events
 * and result.  Returns MP_OK or the error, which sticks.  When the body
 * passes max_total_bytes, the bytes up to the limit are parsed first, so
 * the events before the error do not depend on the split either.
 */
enum mp_status mp_feed(struct mp_parser *p, const char *data, size_t len);

/*
 * Says the body has ended.  Returns MP_OK when the close delimiter was
 * seen (and nothing failed), else MP_ERR_TRUNCATED or the earlier error.
 */
enum mp_status mp_finish(struct mp_parser *p);

/*
 * Returns the fields (parts without a filename) that ended so far, in
 * order, as name and value (NULL and 0 when there are none).  They live in
 * the parser's arena, as req->form does in the request's.
 */
const struct kv *mp_fields(const struct mp_parser *p, size_t *count);

/* Returns the stable name of a status ("ok", "truncated", ...). */
const char *mp_status_name(enum mp_status status);

/* Returns the HTTP status for a result: 413 for the size limits, 400 for
 * the other errors (200 for MP_OK). */
int mp_status_http(enum mp_status status);

/*
 * For tests and fuzzing (multipart_describe.c): parses a description
 * input and appends what happened to out, one line an event:
 *
 *     field name="title"
 *      value 5 "Hello"
 *     end
 *     file name="upload" filename="a.png" type="image/png"
 *      data 2048 xxh3:0123456789abcdef
 *     end
 *     done                              (or: "error: truncated")
 *
 * Data and values up to 32 bytes are shown escaped, longer ones as their
 * length and 64-bit XXH3.  The input is the body preceded by a line with
 * the Content-Type value and optionally a line "limits: parts=N
 * headers=N line=N field=N fields=N file=N total=N" (any of them), each
 * ending in LF.  The body is fed in pieces of the lengths in cuts, in
 * order, then the rest in one piece.  Returns the parser's result, or -1
 * (with nothing appended) for a malformed input.
 */
int mp_describe(const char *in, size_t len, const size_t *cuts,
                size_t cuts_count, struct buf *out);

#endif
