/*
 * response.c: the one place that builds response headers.  Handlers set a
 * status, headers and a body on a struct resp; resp_serialise() writes the
 * CGI header block with the security headers every response carries, the
 * caching headers of public pages and the If-None-Match answer (304).
 * Header values holding CR or LF never get in (resp_header refuses them),
 * which is what keeps header injection out.  Writing the body is fcgi.c's
 * job.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <xxhash.h>

#include "../util/log.h"
#include "request.h"
#include "response.h"

#define RESP_DEFAULT_CONTENT_TYPE "text/html; charset=utf-8"

/*
 * The Content-Security-Policy of every page.  It allows no inline script
 * or style (templates link /css and /js), and nothing from elsewhere: a
 * page that needs more (a video page's player) adds directives with
 * resp_csp_add.
 */
#define RESP_CSP                                                               \
	"default-src 'none'; img-src 'self' data:; style-src 'self'; "         \
	"script-src 'self'; connect-src 'self'; font-src 'self'; "             \
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/* Sent on every response unless the handler set a header of the same
 * name. */
static const struct resp_header resp_security_headers[] = {
    {"Content-Security-Policy", RESP_CSP},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "strict-origin-when-cross-origin"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Permissions-Policy",
     "interest-cohort=(), camera=(), microphone=(), geolocation=()"},
};

static bool
is_token(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!http_tchar((unsigned char)*s))
			return false;
	return true;
}

/*
 * Returns whether s may be a header value: no control characters but tab
 * (so no CR, LF; NUL ends the string).
 */
static bool
is_header_value(const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return false;
	}
	return true;
}

/* Prepares r for a new response: 200, HTML, no headers, an empty body. */
void
resp_init(struct resp *r, struct arena *a, struct buf *body)
{
	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->status = 200;
	r->content_type = RESP_DEFAULT_CONTENT_TYPE;
	r->body = body;
	if (body != NULL)
		buf_reset(body);
}

/*
 * Adds a header.  Besides what response.h lists, it refuses other control
 * characters than tab in the value, and the names Status and
 * Content-Length, which resp_serialise owns.  "Content-Type" sets
 * r->content_type instead of adding a second one.
 */
int
resp_header(struct resp *r, const char *name, const char *value)
{
	if (name == NULL || value == NULL || !is_token(name) ||
	    !is_header_value(value))
		return -1;
	if (strcasecmp(name, "Status") == 0 ||
	    strcasecmp(name, "Content-Length") == 0)
		return -1;
	if (strcasecmp(name, "Content-Type") == 0) {
		r->content_type = value;
		return 0;
	}
	if (r->headers_count >= RESP_MAX_HEADERS)
		return -1;
	r->headers[r->headers_count].name = name;
	r->headers[r->headers_count].value = value;
	r->headers_count++;
	return 0;
}

/*
 * Sets a redirect to location with status 301, 302 or 303 (anything else
 * is refused).  The caller decides whether location may point off-site.
 */
int
resp_redirect(struct resp *r, int status, const char *location)
{
	if (status != 301 && status != 302 && status != 303)
		return -1;
	if (location == NULL || *location == '\0' ||
	    resp_header(r, "Location", location) != 0)
		return -1;
	r->status = status;
	return 0;
}

/* Adds directives to the page's CSP; see response.h. */
int
resp_csp_add(struct resp *r, const char *directives)
{
	return resp_header(
	    r, "Content-Security-Policy",
	    arena_concat(r->arena, RESP_CSP "; ", directives, NULL));
}

/* Returns the reason phrase for status, or "Unknown" for one we never
 * send. */
const char *
http_status_text(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 204:
		return "No Content";
	case 301:
		return "Moved Permanently";
	case 302:
		return "Found";
	case 303:
		return "See Other";
	case 304:
		return "Not Modified";
	case 307:
		return "Temporary Redirect";
	case 308:
		return "Permanent Redirect";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 410:
		return "Gone";
	case 413:
		return "Content Too Large";
	case 414:
		return "URI Too Long";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 431:
		return "Request Header Fields Too Large";
	case 500:
		return "Internal Server Error";
	case 502:
		return "Bad Gateway";
	case 503:
		return "Service Unavailable";
	default:
		return "Unknown";
	}
}

/* Returns the handler's header called name (any case), or NULL. */
static const char *
handler_header(const struct resp *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->headers_count; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

/*
 * Writes the ETag of r's body (see response.h): the quoted hex of its
 * 128-bit XXH3.  An
 * ETag need not resist forgery, only change with the body, and XXH3 costs a
 * few microseconds on a large page where BLAKE2b cost a sixth of the
 * request.  When r->etag_skip occurs in the body, its first occurrence is
 * left out and r->etag_epoch hashed instead, and the ETag is weak
 * (W/"…"): bodies that differ only there are the same page.
 */
void
resp_etag(const struct resp *r, char out[RESP_ETAG_BYTES])
{
	static const char hex[] = "0123456789abcdef";
	const struct buf *body = r->body;
	const char *data = body && body->len ? body->data : "";
	size_t len = body && body->len ? body->len : 0, k = 0;
	const char *skip =
	    r->etag_skip != NULL && r->etag_skip[0] != '\0' && len > 0
	        ? memmem(data, len, r->etag_skip, strlen(r->etag_skip))
	        : NULL;
	XXH128_hash_t h;
	unsigned long long parts[2];

	if (skip == NULL) {
		h = XXH3_128bits(data, len);
	} else {
		/* The part before seeds the hash of the part after, with the
		 * epoch in the first seed. */
		size_t before = (size_t)(skip - data);
		size_t after = before + strlen(r->etag_skip);
		XXH64_hash_t seed = XXH3_64bits_withSeed(
		    data, before, (XXH64_hash_t)r->etag_epoch);

		h = XXH3_128bits_withSeed(data + after, len - after, seed);
		out[k++] = 'W';
		out[k++] = '/';
	}
	parts[0] = h.high64;
	parts[1] = h.low64;
	out[k++] = '"';
	for (int p = 0; p < 2; p++)
		for (int shift = 60; shift >= 0; shift -= 4)
			out[k++] = hex[(parts[p] >> shift) & 0xf];
	out[k++] = '"';
	out[k] = '\0';
}

static const char *
skip_ows(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/*
 * Returns whether an If-None-Match value matches etag (with its quotes):
 * "*", or a comma-separated list of entity tags compared weakly, as RFC
 * 9110 asks for If-None-Match (W/"x" matches "x").  Entries that do not
 * parse are skipped.
 */
static bool
etag_matches(const char *inm, const char *etag)
{
	size_t etag_len = strlen(etag);
	const char *p = inm;

	for (;;) {
		const char *start;

		p = skip_ows(p);
		if (*p == '\0')
			return false;
		if (*p == '*') {
			const char *after = skip_ows(p + 1);

			if (*after == ',' || *after == '\0')
				return true;
		}
		if (p[0] == 'W' && p[1] == '/')
			p += 2;
		if (*p == '"') {
			start = p;
			p = strchr(p + 1, '"');
			if (p == NULL)
				return false;
			p++;
			if ((size_t)(p - start) == etag_len &&
			    memcmp(start, etag, etag_len) == 0) {
				const char *after = skip_ows(p);

				if (*after == ',' || *after == '\0')
					return true;
			}
		}
		/* Skip to the next entry. */
		p = strchr(p, ',');
		if (p == NULL)
			return false;
		p++;
	}
}

/* Appends "Last-Modified: <IMF-fixdate>" when t can be represented. */
static void
put_last_modified(struct buf *out, long long t)
{
	static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed",
	                                "Thu", "Fri", "Sat"};
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr",
	                                   "May", "Jun", "Jul", "Aug",
	                                   "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)t;
	struct tm tm;

	if ((long long)tt != t || gmtime_r(&tt, &tm) == NULL)
		return;
	if (tm.tm_year + 1900 > 9999 || tm.tm_wday < 0 || tm.tm_wday > 6 ||
	    tm.tm_mon < 0 || tm.tm_mon > 11)
		return;
	buf_puts(out, "Last-Modified: ");
	buf_puts(out, days[tm.tm_wday]);
	buf_append(out, ", ", 2);
	buf_put_uint(out, (unsigned)tm.tm_mday, 2);
	buf_putc(out, ' ');
	buf_puts(out, months[tm.tm_mon]);
	buf_putc(out, ' ');
	buf_put_uint(out, (unsigned)tm.tm_year + 1900, 4);
	buf_putc(out, ' ');
	buf_put_uint(out, (unsigned)tm.tm_hour, 2);
	buf_putc(out, ':');
	buf_put_uint(out, (unsigned)tm.tm_min, 2);
	buf_putc(out, ':');
	buf_put_uint(out, (unsigned)tm.tm_sec, 2);
	buf_puts(out, " GMT\r\n");
}

static void
put_header(struct buf *out, const char *name, const char *value)
{
	buf_puts(out, name);
	buf_append(out, ": ", 2);
	buf_puts(out, value);
	buf_append(out, "\r\n", 2);
}

/*
 * Writes the header block.  Order: Status, Content-Type and Content-Length
 * (both left out of a 304), the security headers (a handler's header of the
 * same name replaces the default), the handler's headers, then the caching
 * headers.  Only a cacheable 200 gets ETag, Last-Modified and
 * "Cache-Control: public, no-cache" (kept, but checked again each time,
 * so a publish shows at once; the ETag makes that a 304); every other
 * response gets
 * "Cache-Control: no-store", unless the handler set Cache-Control (or ETag)
 * itself.  A handler's ETag replaces the computed one, also for
 * If-None-Match.  Content-Length is the body's length even when the body is
 * omitted (HEAD).  r->status and r->omit_body change on a 304.
 */
void
resp_serialise(struct resp *r, const char *if_none_match, struct buf *out)
{
	char etag_buf[RESP_ETAG_BYTES];
	const char *etag = NULL, *ct = r->content_type;
	bool cache_public = r->cacheable && r->status == 200;
	size_t i, body_len = r->body != NULL ? r->body->len : 0;

	if (r->status < 100 || r->status > 599) {
		log_error("response status %d out of range", r->status);
		r->status = 500;
		cache_public = false;
	}
	if (cache_public) {
		etag = handler_header(r, "ETag");
		if (etag == NULL) {
			resp_etag(r, etag_buf);
			etag = etag_buf;
		}
		/* If-None-Match compares weakly: W/ aside on both sides. */
		if (if_none_match != NULL &&
		    etag_matches(if_none_match, strncmp(etag, "W/", 2) == 0
		                                    ? etag + 2
		                                    : etag)) {
			r->status = 304;
			r->omit_body = true;
		}
	}

	buf_puts(out, "Status: ");
	buf_put_uint(out, (unsigned)r->status, 3);
	buf_putc(out, ' ');
	buf_puts(out, http_status_text(r->status));
	buf_append(out, "\r\n", 2);
	if (r->status != 304) {
		if (ct == NULL) {
			ct = RESP_DEFAULT_CONTENT_TYPE;
		} else if (!is_header_value(ct)) {
			/* A bug; octet-stream is never rendered as a page. */
			log_error("invalid content type refused");
			ct = "application/octet-stream";
		}
		put_header(out, "Content-Type", ct);
		buf_puts(out, "Content-Length: ");
		buf_put_uint(out, body_len, 1);
		buf_append(out, "\r\n", 2);
	}
	for (i = 0; i < sizeof(resp_security_headers) /
	                    sizeof(resp_security_headers[0]);
	     i++) {
		const struct resp_header *h = &resp_security_headers[i];

		if (handler_header(r, h->name) == NULL)
			put_header(out, h->name, h->value);
	}
	for (i = 0; i < r->headers_count; i++)
		put_header(out, r->headers[i].name, r->headers[i].value);
	if (cache_public) {
		if (etag == etag_buf)
			put_header(out, "ETag", etag);
		if (r->last_modified > 0 &&
		    handler_header(r, "Last-Modified") == NULL)
			put_last_modified(out, r->last_modified);
		if (handler_header(r, "Cache-Control") == NULL)
			put_header(out, "Cache-Control", "public, no-cache");
	} else if (handler_header(r, "Cache-Control") == NULL) {
		put_header(out, "Cache-Control", "no-store");
	}
	buf_append(out, "\r\n", 2);
}
