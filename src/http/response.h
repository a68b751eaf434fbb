/*
 * response.h: the one response builder.  Every answer, pages and errors
 * alike, is a struct resp serialised by resp_serialise(), which adds the
 * security headers to every response.
 */
#ifndef GAZETTE_RESPONSE_H
#define GAZETTE_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "../util/buf.h"

#define RESP_MAX_HEADERS 24

/* An ETag: 128 bits of XXH3 as 32 hex digits between quotes, after "W/"
 * for a weak one, and a NUL. */
#define RESP_ETAG_HASH_BYTES 16
#define RESP_ETAG_BYTES (RESP_ETAG_HASH_BYTES * 2 + 5)

struct resp_header {
	const char *name;
	const char *value;
};

struct resp {
	struct arena *arena;
	int status;
	const char *content_type; /* default "text/html; charset=utf-8" */
	struct resp_header headers[RESP_MAX_HEADERS];
	size_t headers_count;
	struct buf *body;        /* owned by the caller (a worker reuses one) */
	bool omit_body;          /* HEAD, 304 */
	long long last_modified; /* Unix time, 0 when unknown */
	bool cacheable; /* public page: ETag, Last-Modified, Cache-Control */
	/*
	 * Text of a cacheable body that changes at every rendering without
	 * changing the page: the signed token of a reader's form, which
	 * holds the time it was issued.  Its first occurrence is left out of
	 * the ETag and etag_epoch (the token's hour) counted instead, so a
	 * page revalidates to 304 within the hour (its token then has at
	 * least an hour left) and the ETag is weak.  NULL: none.
	 */
	const char *etag_skip;
	long long etag_epoch;
};

/* Prepares r for a new response using body (emptied) and arena a. */
void resp_init(struct resp *r, struct arena *a, struct buf *body);

/*
 * Adds a header.  Returns 0, or -1 (adding nothing) when name or value
 * holds CR, LF or NUL (or any control character but tab), the name is not
 * a token, the name is Status or Content-Length (resp_serialise writes
 * those), or the table is full.  "Content-Type" sets r->content_type.
 * A name may repeat (Set-Cookie); a header named like a default one
 * (security headers, Cache-Control, ETag, Last-Modified) replaces it.
 * name and value must live as long as the response (arena or literal).
 */
int resp_header(struct resp *r, const char *name, const char *value);

/*
 * Sends the default Content-Security-Policy with directives appended
 * ("media-src 'self'; frame-src https://…"), for a page that needs what
 * the default leaves to default-src 'none'.  Call it once per response.
 * Returns as resp_header.
 */
int resp_csp_add(struct resp *r, const char *directives);

/* Sets a redirect: status (301, 302, 303) and Location. Returns as above. */
int resp_redirect(struct resp *r, int status, const char *location);

/*
 * Writes the ETag resp_serialise sends for r's body as it is now, honouring
 * r->etag_skip and r->etag_epoch.  A handler that keeps a rendered page may
 * keep this too and send it as its own ETag header.
 */
void resp_etag(const struct resp *r, char out[RESP_ETAG_BYTES]);

/* Returns the reason phrase for status ("Not Found"). */
const char *http_status_text(int status);

/*
 * Writes the CGI-style header block ("Status: 200 OK\r\n…\r\n\r\n") for r
 * onto out, with the security headers, Content-Type and Content-Length,
 * and for cacheable responses ETag, Last-Modified and Cache-Control.
 * if_none_match is the request's If-None-Match header (or NULL): when it
 * matches the ETag the status becomes 304 and the body is omitted.
 * Only a cacheable 200 gets the caching headers; everything else is sent
 * "Cache-Control: no-store".  Content-Length is body->len even when the
 * body is omitted (HEAD); a 304 has neither Content-Type nor
 * Content-Length.  A status outside 100..599 is logged and sent as 500.
 */
void resp_serialise(struct resp *r, const char *if_none_match, struct buf *out);

#endif
