/*
 * test_response.c: the response builder (http/response.c): header
 * injection refused, the security headers on every response exactly once,
 * handler overrides, caching headers, ETag and If-None-Match (304), HEAD.
 */
#include <stdio.h>
#include <string.h>

#include <xxhash.h>

#include "http/response.h"
#include "testhelp.h"
#include "util/arena.h"
#include "util/buf.h"

static struct arena arena;
static struct buf body, out;

static const char *security_names[] = {
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
};

#define CSP                                                                    \
	"default-src 'none'; img-src 'self' data:; style-src 'self'; "         \
	"script-src 'self'; connect-src 'self'; font-src 'self'; "             \
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/* Returns how many header lines of out start with "name:". */
static int
header_count(const char *name)
{
	const char *p = out.data;
	size_t n = strlen(name);
	int count = 0;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, name, n) == 0 && p[n] == ':')
			count++;
		p = strstr(p, "\r\n");
		if (p != NULL)
			p += 2;
	}
	return count;
}

/* Returns the value of the first header line "name: value", in the arena,
 * or NULL. */
static const char *
header_value(const char *name)
{
	const char *p = out.data;
	size_t n = strlen(name);

	while (p != NULL && *p != '\0') {
		const char *end = strstr(p, "\r\n");

		if (end == NULL)
			return NULL;
		if (strncmp(p, name, n) == 0 && p[n] == ':' && p[n + 1] == ' ')
			return arena_strndup(&arena, p + n + 2,
			                     (size_t)(end - p - n - 2));
		p = end + 2;
	}
	return NULL;
}

/* Checks the block is well formed: Status first, CRLF lines only, one
 * empty line at the end. */
static void
check_block(void)
{
	size_t i;

	CHECK(strncmp(out.data, "Status: ", 8) == 0);
	CHECK(out.len >= 4 && strcmp(out.data + out.len - 4, "\r\n\r\n") == 0);
	CHECK(strstr(out.data, "\r\n\r\n") == out.data + out.len - 4);
	for (i = 0; i < out.len; i++) {
		if (out.data[i] == '\n')
			CHECK(i > 0 && out.data[i - 1] == '\r');
		if (out.data[i] == '\r')
			CHECK(out.data[i + 1] == '\n');
	}
}

static void
check_security_once(void)
{
	size_t i;

	for (i = 0; i < sizeof(security_names) / sizeof(security_names[0]); i++)
		CHECK(header_count(security_names[i]) == 1);
}

/* Returns the ETag the builder should compute for body. */
static const char *
expected_etag(void)
{
	XXH128_hash_t h = XXH3_128bits(body.data ? body.data : "", body.len);

	return arena_printf(&arena, "\"%016llx%016llx\"",
	                    (unsigned long long)h.high64,
	                    (unsigned long long)h.low64);
}

static void
serialise(struct resp *r, const char *inm)
{
	buf_reset(&out);
	resp_serialise(r, inm, &out);
	check_block();
}

static void
test_header(void)
{
	struct resp r;
	int i;

	resp_init(&r, &arena, &body);
	CHECK(r.status == 200);
	CHECK(r.headers_count == 0);
	CHECK(!r.cacheable && !r.omit_body && r.last_modified == 0);
	CHECK(r.body == &body && body.len == 0);

	CHECK(resp_header(&r, "X-Ok", "value with\ttab") == 0);
	CHECK(resp_header(&r, "X-Bad", "a\r\nSet-Cookie: x=1") == -1);
	CHECK(resp_header(&r, "X-Bad", "a\rb") == -1);
	CHECK(resp_header(&r, "X-Bad", "a\nb") == -1);
	CHECK(resp_header(&r, "X-Bad", "a\x01") == -1);
	CHECK(resp_header(&r, "X-Bad", "a\x7f") == -1);
	CHECK(resp_header(&r, "X-Bad\r\nX-Injected", "v") == -1);
	CHECK(resp_header(&r, "X-Bad\n", "v") == -1);
	CHECK(resp_header(&r, "Bad Name", "v") == -1);
	CHECK(resp_header(&r, "Bad:Name", "v") == -1);
	CHECK(resp_header(&r, "", "v") == -1);
	CHECK(resp_header(&r, "X-\xc3\xa9", "v") == -1);
	CHECK(resp_header(&r, NULL, "v") == -1);
	CHECK(resp_header(&r, "X-Null", NULL) == -1);
	CHECK(resp_header(&r, "Status", "200 OK") == -1);
	CHECK(resp_header(&r, "content-length", "5") == -1);
	CHECK(r.headers_count == 1);

	/* UTF-8 in a value is allowed (Content-Disposition filename*). */
	CHECK(resp_header(&r, "X-Utf8", "\xd8\xb9") == 0);
	/* Content-Type goes to its own field. */
	CHECK(resp_header(&r, "Content-Type", "application/atom+xml") == 0);
	CHECK_STR(r.content_type, "application/atom+xml");
	CHECK(r.headers_count == 2);

	/* The table fills up. */
	for (i = (int)r.headers_count; i < RESP_MAX_HEADERS; i++)
		CHECK(resp_header(&r, "Set-Cookie", "a=1") == 0);
	CHECK(r.headers_count == RESP_MAX_HEADERS);
	CHECK(resp_header(&r, "X-One-More", "v") == -1);
	CHECK(r.headers_count == RESP_MAX_HEADERS);

	/* Redirects. */
	resp_init(&r, &arena, &body);
	CHECK(resp_redirect(&r, 303, "/admin/articles") == 0);
	CHECK(r.status == 303);
	serialise(&r, NULL);
	CHECK_STR(header_value("Location"), "/admin/articles");
	CHECK(strncmp(out.data, "Status: 303 See Other\r\n", 23) == 0);
	resp_init(&r, &arena, &body);
	CHECK(resp_redirect(&r, 301, "https://example.org/a?b=c") == 0);
	CHECK(r.status == 301);
	resp_init(&r, &arena, &body);
	CHECK(resp_redirect(&r, 302, "/x") == 0 && r.status == 302);
	resp_init(&r, &arena, &body);
	CHECK(resp_redirect(&r, 302, "/x\r\nSet-Cookie: a=1") == -1);
	CHECK(r.status == 200 && r.headers_count == 0);
	CHECK(resp_redirect(&r, 200, "/x") == -1);
	CHECK(resp_redirect(&r, 307, "/x") == -1);
	CHECK(resp_redirect(&r, 303, "") == -1);
	CHECK(resp_redirect(&r, 303, NULL) == -1);
	CHECK(r.status == 200 && r.headers_count == 0);
}

static void
test_status_text(void)
{
	static const int used[] = {200, 301, 302, 303, 304, 400, 403, 404,
	                           405, 413, 414, 429, 431, 500, 503};
	size_t i;

	for (i = 0; i < sizeof(used) / sizeof(used[0]); i++)
		CHECK(strcmp(http_status_text(used[i]), "Unknown") != 0);
	CHECK_STR(http_status_text(200), "OK");
	CHECK_STR(http_status_text(304), "Not Modified");
	CHECK_STR(http_status_text(404), "Not Found");
	CHECK_STR(http_status_text(413), "Content Too Large");
	CHECK_STR(http_status_text(431), "Request Header Fields Too Large");
	CHECK_STR(http_status_text(503), "Service Unavailable");
	CHECK_STR(http_status_text(299), "Unknown");
}

static void
test_serialise(void)
{
	struct resp r;

	/* A plain page. */
	resp_init(&r, &arena, &body);
	buf_puts(&body, "<p>hello</p>");
	serialise(&r, NULL);
	CHECK(strncmp(out.data, "Status: 200 OK\r\nContent-Type: ", 30) == 0);
	CHECK_STR(header_value("Content-Type"), "text/html; charset=utf-8");
	CHECK_STR(header_value("Content-Length"), "12");
	CHECK_STR(header_value("Content-Security-Policy"), CSP);
	CHECK_STR(header_value("X-Content-Type-Options"), "nosniff");
	CHECK_STR(header_value("Referrer-Policy"),
	          "strict-origin-when-cross-origin");
	CHECK_STR(header_value("X-Frame-Options"), "DENY");
	CHECK_STR(header_value("Cross-Origin-Opener-Policy"), "same-origin");
	CHECK_STR(header_value("Permissions-Policy"),
	          "interest-cohort=(), camera=(), microphone=(), "
	          "geolocation=()");
	CHECK_STR(header_value("Cache-Control"), "no-store");
	CHECK(header_count("ETag") == 0);
	CHECK(header_count("Last-Modified") == 0);
	check_security_once();

	/* Errors carry the security headers too. */
	resp_init(&r, &arena, &body);
	r.status = 404;
	serialise(&r, NULL);
	CHECK(strncmp(out.data, "Status: 404 Not Found\r\n", 23) == 0);
	CHECK_STR(header_value("Content-Length"), "0");
	check_security_once();

	/* Handler headers follow; one of the same name replaces a default. */
	resp_init(&r, &arena, &body);
	CHECK(resp_header(&r, "content-security-policy",
	                  "default-src 'none'; sandbox") == 0);
	CHECK(resp_header(&r, "Set-Cookie", "a=1; HttpOnly") == 0);
	CHECK(resp_header(&r, "Set-Cookie", "b=2; HttpOnly") == 0);
	CHECK(resp_header(&r, "Retry-After", "60") == 0);
	r.status = 429;
	serialise(&r, NULL);
	CHECK(header_count("Content-Security-Policy") == 0);
	CHECK(header_count("content-security-policy") == 1);
	CHECK_STR(header_value("content-security-policy"),
	          "default-src 'none'; sandbox");
	CHECK(header_count("X-Frame-Options") == 1);
	CHECK(header_count("Set-Cookie") == 2);
	CHECK_STR(header_value("Retry-After"), "60");
	CHECK(strstr(out.data,
	             "Set-Cookie: a=1; HttpOnly\r\nSet-Cookie: b=2") != NULL);

	/* Another content type. */
	resp_init(&r, &arena, &body);
	r.content_type = "application/atom+xml; charset=utf-8";
	serialise(&r, NULL);
	CHECK_STR(header_value("Content-Type"),
	          "application/atom+xml; charset=utf-8");
	CHECK(header_count("Content-Type") == 1);
	r.content_type = NULL;
	serialise(&r, NULL);
	CHECK_STR(header_value("Content-Type"), "text/html; charset=utf-8");
	/* A content type set by hand with CR LF never reaches the wire. */
	r.content_type = "text/html\r\nX-Injected: 1";
	serialise(&r, NULL);
	CHECK(header_count("X-Injected") == 0);
	CHECK_STR(header_value("Content-Type"), "application/octet-stream");

	/* A status out of range is answered 500. */
	resp_init(&r, &arena, &body);
	r.status = 42;
	serialise(&r, NULL);
	CHECK(strncmp(out.data, "Status: 500 Internal Server Error\r\n", 35) ==
	      0);
	CHECK(r.status == 500);
}

static void
test_caching(void)
{
	struct resp r;
	const char *etag;
	char *inm;

	resp_init(&r, &arena, &body);
	buf_puts(&body, "<h1>Article</h1>");
	r.cacheable = true;
	r.last_modified = 784111777; /* RFC 9110's example */
	etag = expected_etag();
	CHECK(strlen(etag) == 34);
	serialise(&r, NULL);
	CHECK(r.status == 200 && !r.omit_body);
	CHECK_STR(header_value("ETag"), etag);
	CHECK_STR(header_value("Last-Modified"),
	          "Sun, 06 Nov 1994 08:49:37 GMT");
	CHECK_STR(header_value("Cache-Control"), "public, no-cache");
	CHECK(header_count("Cache-Control") == 1);
	CHECK_STR(header_value("Content-Length"), "16");
	check_security_once();

	/* The same body gives the same ETag, another body another. */
	serialise(&r, NULL);
	CHECK_STR(header_value("ETag"), etag);
	buf_putc(&body, ' ');
	serialise(&r, NULL);
	CHECK(strcmp(header_value("ETag"), etag) != 0);
	body.len--;
	body.data[body.len] = '\0';

	/* No Last-Modified when unknown. */
	r.last_modified = 0;
	serialise(&r, NULL);
	CHECK(header_count("Last-Modified") == 0);
	CHECK(header_count("ETag") == 1);

	/* If-None-Match that does not match. */
	serialise(&r, "\"0123\"");
	CHECK(r.status == 200 && !r.omit_body);
	serialise(&r, "");
	CHECK(r.status == 200);
	serialise(&r, "W/");
	CHECK(r.status == 200);
	serialise(&r, "\"unterminated");
	CHECK(r.status == 200);
	/* A prefix or a longer tag is no match. */
	serialise(&r, arena_strndup(&arena, etag, 20));
	CHECK(r.status == 200);
	serialise(&r, arena_printf(&arena, "%.33sx\"", etag));
	CHECK(r.status == 200);
	serialise(&r, arena_printf(&arena, "%sx", etag));
	CHECK(r.status == 200);
	/* "**" and a bare tag without quotes are not "*" nor the tag. */
	serialise(&r, "**");
	CHECK(r.status == 200);
	serialise(&r, arena_strndup(&arena, etag + 1, 32));
	CHECK(r.status == 200);

	/* Exact match: 304, no body, no Content-Length or Content-Type, the
	 * validators and Cache-Control kept. */
	r.last_modified = 784111777;
	serialise(&r, etag);
	CHECK(r.status == 304 && r.omit_body);
	CHECK(strncmp(out.data, "Status: 304 Not Modified\r\n", 26) == 0);
	CHECK(header_count("Content-Length") == 0);
	CHECK(header_count("Content-Type") == 0);
	CHECK_STR(header_value("ETag"), etag);
	CHECK_STR(header_value("Cache-Control"), "public, no-cache");
	CHECK(header_count("Last-Modified") == 1);
	check_security_once();

	/* Weak comparison, lists, "*" and whitespace. */
	inm = arena_printf(&arena, "W/%s", etag);
	r.status = 200;
	r.omit_body = false;
	serialise(&r, inm);
	CHECK(r.status == 304);
	inm = arena_printf(&arena, "\"a\", W/\"b\" ,%s", etag);
	r.status = 200;
	r.omit_body = false;
	serialise(&r, inm);
	CHECK(r.status == 304);
	inm = arena_printf(&arena, "\"a,b\",  W/%s  , \"c\"", etag);
	r.status = 200;
	r.omit_body = false;
	serialise(&r, inm);
	CHECK(r.status == 304);
	inm = arena_printf(&arena, "garbage, %s", etag);
	r.status = 200;
	r.omit_body = false;
	serialise(&r, inm);
	CHECK(r.status == 304);
	r.status = 200;
	r.omit_body = false;
	serialise(&r, "*");
	CHECK(r.status == 304);
	r.status = 200;
	r.omit_body = false;
	serialise(&r, " \"x\", * ");
	CHECK(r.status == 304);

	/* Not cacheable: no ETag, no 304, no-store. */
	resp_init(&r, &arena, &body);
	buf_puts(&body, "<h1>Article</h1>");
	serialise(&r, etag);
	CHECK(r.status == 200 && !r.omit_body);
	CHECK(header_count("ETag") == 0);
	serialise(&r, "*");
	CHECK(r.status == 200);
	CHECK_STR(header_value("Cache-Control"), "no-store");

	/* Cacheable but not a 200: nothing cached. */
	r.cacheable = true;
	r.status = 404;
	r.last_modified = 784111777;
	serialise(&r, "*");
	CHECK(r.status == 404);
	CHECK(header_count("ETag") == 0);
	CHECK(header_count("Last-Modified") == 0);
	CHECK_STR(header_value("Cache-Control"), "no-store");

	/* A handler's Cache-Control and ETag replace the defaults. */
	resp_init(&r, &arena, &body);
	buf_puts(&body, "feed");
	r.cacheable = true;
	CHECK(resp_header(&r, "Cache-Control", "public, max-age=300") == 0);
	CHECK(resp_header(&r, "ETag", "\"v42\"") == 0);
	serialise(&r, NULL);
	CHECK(header_count("Cache-Control") == 1);
	CHECK_STR(header_value("Cache-Control"), "public, max-age=300");
	CHECK(header_count("ETag") == 1);
	CHECK_STR(header_value("ETag"), "\"v42\"");
	serialise(&r, "W/\"v42\"");
	CHECK(r.status == 304);
	resp_init(&r, &arena, &body);
	CHECK(resp_header(&r, "Cache-Control", "private") == 0);
	serialise(&r, NULL);
	CHECK(header_count("Cache-Control") == 1);
	CHECK_STR(header_value("Cache-Control"), "private");
}

static void
test_head(void)
{
	struct resp r;

	/* HEAD: the caller renders, marks the body omitted; the length is
	 * the real one. */
	resp_init(&r, &arena, &body);
	buf_puts(&body, "0123456789");
	r.omit_body = true;
	serialise(&r, NULL);
	CHECK_STR(header_value("Content-Length"), "10");
	CHECK(r.omit_body && r.status == 200);
	r.cacheable = true;
	serialise(&r, NULL);
	CHECK_STR(header_value("Content-Length"), "10");
	CHECK_STR(header_value("ETag"), expected_etag());

	/* No body buffer at all. */
	resp_init(&r, &arena, NULL);
	r.status = 503;
	serialise(&r, NULL);
	CHECK_STR(header_value("Content-Length"), "0");
	r.status = 200;
	r.cacheable = true;
	serialise(&r, NULL);
	CHECK(header_count("ETag") == 1);
}

int
main(void)
{
	arena_init(&arena);
	buf_init(&body);
	buf_init(&out);
	test_header();
	test_status_text();
	test_serialise();
	test_caching();
	test_head();
	buf_free(&body);
	buf_free(&out);
	arena_free(&arena);
	TEST_DONE();
}
