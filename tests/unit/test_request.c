/*
 * test_request.c: the request parser (http/request.c): UTF-8 checks, path
 * decoding, query strings and urlencoded bodies, cookies, headers and the
 * whole req_parse, with every limit tried at its boundary and one past it.
 * The golden corpora in tests/unit/corpus/{path,urlencoded,cookies}/ are
 * run from here; each .in file loses one trailing newline before parsing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"
#include "testhelp.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"

static struct arena arena;

/* Returns the input of a golden file without its one trailing newline. */
static size_t
golden_len(const char *in, size_t len)
{
	if (len > 0 && in[len - 1] == '\n')
		len--;
	return len;
}

/* Appends s with backslashes doubled and control bytes as \xNN. */
static void
put_readable(struct buf *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\')
			buf_puts(b, "\\\\");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else
			buf_putc(b, (char)c);
	}
}

static char *
golden_kv(int rc, const struct kv *kv, size_t count)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	if (rc != 0) {
		buf_printf(&b, "%d\n", rc);
		return buf_detach(&b);
	}
	for (i = 0; i < count; i++) {
		put_readable(&b, kv[i].key, strlen(kv[i].key));
		buf_putc(&b, '=');
		put_readable(&b, kv[i].val, kv[i].val_len);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Golden: a raw path becomes its decoded form, or the status. */
static char *
golden_path(const char *in, size_t len)
{
	struct buf b;
	char *out;
	size_t out_len;
	int rc;

	arena_reset(&arena);
	buf_init(&b);
	rc = http_path_parse(&arena, in, golden_len(in, len), &out, &out_len);
	if (rc != 0)
		buf_printf(&b, "%d\n", rc);
	else {
		put_readable(&b, out, out_len);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Golden: a query string becomes one "key=value" line per pair. */
static char *
golden_urlencoded(const char *in, size_t len)
{
	struct kv *kv;
	size_t count;
	int rc;

	arena_reset(&arena);
	rc = http_urlencoded_parse(&arena, in, golden_len(in, len),
	                           HTTP_MAX_FIELDS, &kv, &count);
	return golden_kv(rc, kv, count);
}

/* Golden: a Cookie header becomes one "name=value" line per cookie. */
static char *
golden_cookies(const char *in, size_t len)
{
	struct kv *kv;
	size_t count;
	int rc;

	arena_reset(&arena);
	rc = http_cookies_parse(&arena, in, golden_len(in, len), &kv, &count);
	return golden_kv(rc, kv, count);
}

static int
path_rc(const char *s)
{
	char *out;
	size_t len;

	return http_path_parse(&arena, s, strlen(s), &out, &len);
}

/* Returns the decoded path, or the status as a string ("400"). */
static const char *
path_of(const char *s)
{
	char *out;
	size_t len;
	int rc = http_path_parse(&arena, s, strlen(s), &out, &len);

	if (rc != 0)
		return arena_printf(&arena, "%d", rc);
	if (strlen(out) != len)
		return "(length mismatch)";
	return out;
}

/* Returns a string of n copies of c followed by tail, in the arena. */
static char *
repeat(char c, size_t n, const char *head, const char *tail)
{
	size_t h = strlen(head), t = strlen(tail);
	char *s = arena_alloc(&arena, h + n + t + 1);

	memcpy(s, head, h);
	memset(s + h, c, n);
	memcpy(s + h + n, tail, t + 1);
	return s;
}

/* Returns "k0=v&k1=v&…" with n pairs (separators as given), in the arena. */
static char *
many_pairs(size_t n, const char *sep)
{
	struct buf b;
	size_t i;
	char *s;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%sk%zu=v", i ? sep : "", i);
	s = arena_strdup(&arena, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static void
raw_init(struct raw_request *raw, const char *method, const char *uri)
{
	memset(raw, 0, sizeof(*raw));
	raw->method = method;
	raw->request_uri = uri;
	raw->content_length = -1;
}

static void
test_utf8(void)
{
	CHECK(utf8_valid("", 0));
	CHECK(utf8_valid("plain", 5));
	CHECK(utf8_valid("a\0b", 3));                     /* NUL is UTF-8 */
	CHECK(utf8_valid("\xc3\xa9", 2));                 /* é */
	CHECK(utf8_valid("\xd8\xb9\xd8\xb1\xd8\xa8", 6)); /* Arabic */
	CHECK(utf8_valid("\xe2\x82\xac", 3));             /* € */
	CHECK(utf8_valid("\xed\x9f\xbf", 3));             /* U+D7FF */
	CHECK(utf8_valid("\xee\x80\x80", 3));             /* U+E000 */
	CHECK(utf8_valid("\xf0\x9f\x98\x80", 4));         /* emoji */
	CHECK(utf8_valid("\xf4\x8f\xbf\xbf", 4));         /* U+10FFFF */
	CHECK(!utf8_valid("\x80", 1));                    /* continuation */
	CHECK(!utf8_valid("\xc0\xaf", 2));                /* overlong '/' */
	CHECK(!utf8_valid("\xc1\xbf", 2));
	CHECK(!utf8_valid("\xe0\x80\xaf", 3));
	CHECK(!utf8_valid("\xe0\x9f\xbf", 3));
	CHECK(!utf8_valid("\xf0\x80\x80\xaf", 4));
	CHECK(!utf8_valid("\xf0\x8f\xbf\xbf", 4));
	CHECK(!utf8_valid("\xed\xa0\x80", 3)); /* U+D800 */
	CHECK(!utf8_valid("\xed\xbf\xbf", 3)); /* U+DFFF */
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4));
	CHECK(!utf8_valid("\xf5\x80\x80\x80", 4));
	CHECK(!utf8_valid("\xff", 1));
	CHECK(!utf8_valid("\xc3", 1));         /* truncated */
	CHECK(!utf8_valid("\xe2\x82", 2));     /* truncated */
	CHECK(!utf8_valid("\xf0\x9f\x98", 3)); /* truncated */
	CHECK(!utf8_valid("\xc3(", 2));
	CHECK(!utf8_valid("\xe2\x28\xa1", 3));
	/* The length bounds the scan: a valid prefix of an invalid string. */
	CHECK(utf8_valid("ab\xff", 2));
}

static void
test_path(void)
{
	char *s;

	CHECK_STR(path_of("/"), "/");
	CHECK_STR(path_of("/articles/hello-world"), "/articles/hello-world");
	CHECK_STR(path_of("/a%20b"), "/a b");
	CHECK_STR(path_of("/a+b"), "/a+b"); /* '+' is not a space here */
	CHECK_STR(path_of("/%D8%B9%D8%B1%D8%A8"), "/\xd8\xb9\xd8\xb1\xd8\xa8");
	CHECK_STR(path_of("/\xd8\xb9"), "/\xd8\xb9"); /* raw UTF-8 */
	CHECK_STR(path_of("/a//b"), "/a//b");         /* kept as sent */
	CHECK_STR(path_of("//"), "//");
	CHECK_STR(path_of("/a/"), "/a/");
	CHECK_STR(path_of("/..."), "/...");
	CHECK_STR(path_of("/.well-known/x"), "/.well-known/x");
	CHECK_STR(path_of("/a..b/c."), "/a..b/c.");
	CHECK_STR(path_of("/a%2Fb"), "/a/b");
	CHECK_STR(path_of("/a%3Fb"), "/a?b");
	CHECK_STR(path_of("/%41%62c"), "/Abc");

	/* Dot segments, plain and encoded. */
	CHECK(path_rc("/.") == 400);
	CHECK(path_rc("/..") == 400);
	CHECK(path_rc("/./") == 400);
	CHECK(path_rc("/a/./b") == 400);
	CHECK(path_rc("/a/../b") == 400);
	CHECK(path_rc("/a/.") == 400);
	CHECK(path_rc("/a/..") == 400);
	CHECK(path_rc("/a/%2e%2e/b") == 400);
	CHECK(path_rc("/a/%2E%2E/b") == 400);
	CHECK(path_rc("/a/.%2e/b") == 400);
	CHECK(path_rc("/%2e") == 400);
	CHECK(path_rc("/..%2f") == 400);
	CHECK(path_rc("/..%2F") == 400);
	CHECK(path_rc("/a%2F..%2Fb") == 400);
	CHECK(path_rc("/a%2f.") == 400);
	CHECK(path_rc("//..") == 400);

	/* Encodings. */
	CHECK(path_rc("/%zz") == 400);
	CHECK(path_rc("/%") == 400);
	CHECK(path_rc("/%2") == 400);
	CHECK(path_rc("/a%2") == 400);
	CHECK(path_rc("/%g0") == 400);
	CHECK(path_rc("/%00") == 400);
	CHECK(path_rc("%00") == 400);
	CHECK(path_rc("/a%00b") == 400);
	CHECK(path_rc("/%c0%af") == 400);       /* overlong '/' */
	CHECK(path_rc("/%c0%ae%c0%ae") == 400); /* overlong ".." */
	CHECK(path_rc("/%e0%80%af") == 400);
	CHECK(path_rc("/%ed%a0%80") == 400); /* surrogate */
	CHECK(path_rc("/%ed%b0%80") == 400);
	CHECK(path_rc("/%f4%90%80%80") == 400);
	CHECK(path_rc("/%ff") == 400);
	CHECK(path_rc("/%c3") == 400);
	CHECK(path_rc("/\xc0\xaf") == 400);

	/* Controls, decoded or raw. */
	CHECK(path_rc("/%0a") == 400);
	CHECK(path_rc("/%0d%0aSet-Cookie:x") == 400);
	CHECK(path_rc("/%09") == 400);
	CHECK(path_rc("/%1f") == 400);
	CHECK(path_rc("/%7f") == 400);
	CHECK(path_rc("/a\tb") == 400);
	CHECK_STR(path_of("/%c2%85"), "/\xc2\x85"); /* C1 is not refused */

	/* Shape. */
	CHECK(path_rc("") == 400);
	CHECK(path_rc("a") == 400);
	CHECK(path_rc("*") == 400);
	CHECK(path_rc("%2Fa") == 400);
	CHECK(path_rc("http://example.com/") == 400);

	/* Length: exactly HTTP_MAX_PATH_BYTES is fine, one more is 414. */
	s = repeat('a', HTTP_MAX_PATH_BYTES - 1, "/", "");
	CHECK(strlen(s) == HTTP_MAX_PATH_BYTES);
	CHECK(path_rc(s) == 0);
	s = repeat('a', HTTP_MAX_PATH_BYTES, "/", "");
	CHECK(path_rc(s) == 414);
	s = repeat('a', 100000, "/", "");
	CHECK(path_rc(s) == 414);
	/* The encoded length counts, even when it decodes shorter. */
	{
		struct buf b;

		buf_init(&b);
		buf_putc(&b, '/');
		while (b.len + 3 <= HTTP_MAX_PATH_BYTES + 2)
			buf_puts(&b, "%41");
		CHECK(b.len > HTTP_MAX_PATH_BYTES);
		CHECK(path_rc(b.data) == 414);
		buf_free(&b);
	}
	/* The length is checked before anything else. */
	s = repeat('a', HTTP_MAX_PATH_BYTES, "/%zz", "");
	CHECK(path_rc(s) == 414);
}

static void
test_urlencoded(void)
{
	struct kv *kv;
	size_t n;
	size_t before;
	char *s;

	CHECK(http_urlencoded_parse(&arena, "", 0, 10, &kv, &n) == 0);
	CHECK(n == 0 && kv == NULL);
	CHECK(http_urlencoded_parse(&arena, NULL, 0, 10, &kv, &n) == 0);
	CHECK(n == 0);

	s = "a=1&b=two+words&c=%2B%26%3D&d&=skipped&&e=";
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), 10, &kv, &n) == 0);
	CHECK(n == 5);
	if (n == 5) {
		CHECK_STR(kv[0].key, "a");
		CHECK_STR(kv[0].val, "1");
		CHECK(kv[0].val_len == 1);
		CHECK_STR(kv[1].key, "b");
		CHECK_STR(kv[1].val, "two words");
		CHECK_STR(kv[2].val, "+&=");
		CHECK_STR(kv[3].key, "d");
		CHECK_STR(kv[3].val, "");
		CHECK(kv[3].val_len == 0);
		CHECK_STR(kv[4].key, "e");
		CHECK_STR(kv[4].val, "");
	}

	/* Repeated names are all kept, in order. */
	s = "tag=a&x=1&tag=b&tag=c";
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), 10, &kv, &n) == 0);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(kv[0].val, "a");
		CHECK_STR(kv[2].val, "b");
		CHECK_STR(kv[3].val, "c");
	}

	/* '=' in a value, '+' and %20 in names, UTF-8, CR LF in values. */
	s = "q=a=b&first+name=%D8%B9&msg=line1%0D%0Aline2%09";
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), 10, &kv, &n) == 0);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(kv[0].val, "a=b");
		CHECK_STR(kv[1].key, "first name");
		CHECK_STR(kv[1].val, "\xd8\xb9");
		CHECK_STR(kv[2].val, "line1\r\nline2\t");
	}

	/* The length bounds the parse: no NUL terminator needed. */
	CHECK(http_urlencoded_parse(&arena, "a=1&b=2", 3, 10, &kv, &n) == 0);
	CHECK(n == 1 && strcmp(kv[0].val, "1") == 0);

	/* Malformed. */
	CHECK(http_urlencoded_parse(&arena, "a=%zz", 5, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=%2", 4, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=%", 3, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "%zz=1", 5, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=%00", 5, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "%00=a", 5, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=b\0c", 5, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=%ff", 5, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=%c0%af", 8, 10, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a=%ed%a0%80", 11, 10, &kv, &n) ==
	      400);
	CHECK(http_urlencoded_parse(&arena, "a=\xff", 3, 10, &kv, &n) == 400);

	/* Field limit: exactly max is fine, max + 1 is 400; empty pairs and
	 * empty names do not count. */
	s = many_pairs(HTTP_MAX_FIELDS, "&");
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), HTTP_MAX_FIELDS, &kv,
	                            &n) == 0);
	CHECK(n == HTTP_MAX_FIELDS);
	if (n == HTTP_MAX_FIELDS) {
		CHECK_STR(kv[0].key, "k0");
		CHECK_STR(kv[HTTP_MAX_FIELDS - 1].key, "k99");
	}
	s = many_pairs(HTTP_MAX_FIELDS, "&&&=x&");
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), HTTP_MAX_FIELDS, &kv,
	                            &n) == 0);
	CHECK(n == HTTP_MAX_FIELDS);
	s = many_pairs(HTTP_MAX_FIELDS + 1, "&");
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), HTTP_MAX_FIELDS, &kv,
	                            &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "a", 1, 0, &kv, &n) == 400);
	CHECK(http_urlencoded_parse(&arena, "&&", 2, 0, &kv, &n) == 0);

	/* 10,000 pairs: refused after counting, before any allocation. */
	s = many_pairs(10000, "&");
	before = arena.total;
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), HTTP_MAX_FIELDS, &kv,
	                            &n) == 400);
	CHECK(arena.total == before);
	/* A malformed pair after the limit still answers 400. */
	s = repeat('&', 10000, "a=1", "b=%zz");
	CHECK(http_urlencoded_parse(&arena, s, strlen(s), 1, &kv, &n) == 400);
}

static void
test_cookies(void)
{
	struct kv *kv;
	size_t n;
	const char *s;
	struct buf b;
	int i;

	s = "a=1; b=\"quoted value\"; c = spaced ; d; =e; f=; g=x=y;h=\"\"";
	CHECK(http_cookies_parse(&arena, s, strlen(s), &kv, &n) == 0);
	CHECK(n == 6);
	if (n == 6) {
		CHECK_STR(kv[0].key, "a");
		CHECK_STR(kv[0].val, "1");
		CHECK_STR(kv[1].key, "b");
		CHECK_STR(kv[1].val, "quoted value");
		CHECK(kv[1].val_len == 12);
		CHECK_STR(kv[2].key, "c");
		CHECK_STR(kv[2].val, "spaced");
		CHECK_STR(kv[3].key, "f");
		CHECK_STR(kv[3].val, "");
		CHECK_STR(kv[4].key, "g");
		CHECK_STR(kv[4].val, "x=y");
		CHECK_STR(kv[5].key, "h");
		CHECK_STR(kv[5].val, "");
	}
	/* An unbalanced quote stays; no percent-decoding; tabs trim. */
	s = "a=\"x; b=%41+\t;\tc\t=\t\"\"\"";
	CHECK(http_cookies_parse(&arena, s, strlen(s), &kv, &n) == 0);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(kv[0].val, "\"x");
		CHECK_STR(kv[1].val, "%41+");
		CHECK_STR(kv[2].key, "c");
		CHECK_STR(kv[2].val, "\"");
	}
	/* Repeated names are kept in order. */
	s = "sid=one; sid=two";
	CHECK(http_cookies_parse(&arena, s, strlen(s), &kv, &n) == 0);
	CHECK(n == 2 && strcmp(kv[0].val, "one") == 0 &&
	      strcmp(kv[1].val, "two") == 0);
	CHECK(http_cookies_parse(&arena, "", 0, &kv, &n) == 0 && n == 0);
	CHECK(http_cookies_parse(&arena, ";;  ; x", 7, &kv, &n) == 0 && n == 0);
	s = "a=\xd8\xb9";
	CHECK(http_cookies_parse(&arena, s, strlen(s), &kv, &n) == 0 &&
	      n == 1 && strcmp(kv[0].val, "\xd8\xb9") == 0);

	CHECK(http_cookies_parse(&arena, "a=\xff", 3, &kv, &n) == 400);
	CHECK(http_cookies_parse(&arena, "a=\xc0\xaf", 4, &kv, &n) == 400);
	CHECK(http_cookies_parse(&arena, "a=1\r\nb=2", 8, &kv, &n) == 400);
	CHECK(http_cookies_parse(&arena, "a=1\0", 4, &kv, &n) == 400);
	CHECK(http_cookies_parse(&arena, "a=\x7f", 3, &kv, &n) == 400);
	CHECK(http_cookies_parse(&arena, "a=\x01", 3, &kv, &n) == 400);

	/* HTTP_MAX_FIELDS cookies are fine, one more is 400. */
	buf_init(&b);
	for (i = 0; i < HTTP_MAX_FIELDS; i++)
		buf_printf(&b, "c%d=%d; ", i, i);
	CHECK(http_cookies_parse(&arena, b.data, b.len, &kv, &n) == 0);
	CHECK(n == HTTP_MAX_FIELDS);
	buf_puts(&b, "last=1");
	CHECK(http_cookies_parse(&arena, b.data, b.len, &kv, &n) == 400);
	buf_free(&b);
}

static void
test_method(void)
{
	struct raw_request raw;
	struct req req;

	raw_init(&raw, "GET", "/");
	memset(&req, 0xa5, sizeof(req));
	req.id = 42;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.id == 42); /* kept; everything else is cleared */
	CHECK(req.edition == NULL && req.param_slug == NULL);
	CHECK(!req.param_int_set && req.route_path == NULL);
	CHECK(req.arena == &arena);
	CHECK(req.method == HTTP_GET);
	CHECK_STR(req.method_name, "GET");
	raw.method = "HEAD";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.method == HTTP_HEAD);
	raw.method = "POST";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.method == HTTP_POST);
	raw.method = "PUT";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.method == HTTP_OTHER);
	CHECK_STR(req.method_name, "PUT");
	raw.method = "DELETE";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.method == HTTP_OTHER);
	raw.method = "get"; /* methods are case-sensitive */
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.method == HTTP_OTHER);
	raw.method = "G T";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.method = "GET\r\n";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.method = "";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.method = NULL;
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.method = repeat('X', 32, "", "");
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.method == HTTP_OTHER);
	raw.method = repeat('X', 33, "", "");
	CHECK(req_parse(&req, &arena, &raw) == 400);
}

static void
test_uri(void)
{
	struct raw_request raw;
	struct req req;
	char *s;

	raw_init(&raw, "GET", "/search?q=hello+world&page=2&q=again");
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK_STR(req.path, "/search");
	CHECK(req.path_len == 7);
	CHECK_STR(req.uri, "/search?q=hello+world&page=2&q=again");
	CHECK_STR(req.query_raw, "q=hello+world&page=2&q=again");
	CHECK(req.query_count == 3);
	CHECK_STR(req_query(&req, "q"), "hello world");
	CHECK_STR(req_query(&req, "page"), "2");
	CHECK(req_query(&req, "missing") == NULL);
	CHECK(req_query(&req, "Q") == NULL);
	CHECK(req_header(&req, "user-agent") == NULL);
	CHECK(req_cookie(&req, "sid") == NULL);
	CHECK(req_form(&req, "q") == NULL);
	CHECK(req.content_type == NULL && req.remote_addr == NULL);
	CHECK(req.content_length == -1);

	raw.request_uri = "/about";
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK_STR(req.query_raw, "");
	CHECK(req.query_count == 0 && req.query == NULL);
	raw.request_uri = "/about?";
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK_STR(req.query_raw, "");
	CHECK(req.query_count == 0);
	/* Only the first '?' splits; '?' may appear in the query. */
	raw.request_uri = "/a?b=c?d";
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK_STR(req.path, "/a");
	CHECK_STR(req_query(&req, "b"), "c?d");
	/* An encoded '?' stays in the path. */
	raw.request_uri = "/a%3Fb=c";
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK_STR(req.path, "/a?b=c");
	CHECK(req.query_count == 0);

	raw.request_uri = "/a/%2e%2e/b?x=1";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "/ok?x=%zz";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "/ok?x=%00";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "/ok?x=a\x01";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "/ok?x=\xff";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "/ok\t";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = "?a=1";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.request_uri = NULL;
	CHECK(req_parse(&req, &arena, &raw) == 400);

	/* URI limit: exactly HTTP_MAX_URI_BYTES is fine, one more is 414. */
	s = repeat('a', HTTP_MAX_URI_BYTES - HTTP_MAX_PATH_BYTES - 3,
	           repeat('p', HTTP_MAX_PATH_BYTES - 1, "/", "?q="), "");
	CHECK(strlen(s) == HTTP_MAX_URI_BYTES);
	raw.request_uri = s;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.path_len == HTTP_MAX_PATH_BYTES);
	CHECK(strlen(req_query(&req, "q")) ==
	      HTTP_MAX_URI_BYTES - HTTP_MAX_PATH_BYTES - 3);
	raw.request_uri = repeat('a', 1, s, "");
	CHECK(req_parse(&req, &arena, &raw) == 414);
	raw.request_uri = repeat('a', 1000000, "/?q=", "");
	CHECK(req_parse(&req, &arena, &raw) == 414);
	/* Path limit inside a short enough URI. */
	raw.request_uri = repeat('p', HTTP_MAX_PATH_BYTES, "/", "?a=1");
	CHECK(req_parse(&req, &arena, &raw) == 414);
	/* A long query within the URI limit. */
	raw.request_uri = repeat('a', HTTP_MAX_URI_BYTES - 4, "/?q=", "");
	CHECK(req_parse(&req, &arena, &raw) == 0);
	/* Too many query parameters. */
	raw.request_uri =
	    arena_printf(&arena, "/?%s", many_pairs(HTTP_MAX_FIELDS, "&"));
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.query_count == HTTP_MAX_FIELDS);
	raw.request_uri =
	    arena_printf(&arena, "/?%s", many_pairs(HTTP_MAX_FIELDS + 1, "&"));
	CHECK(req_parse(&req, &arena, &raw) == 400);
}

static void
test_headers(void)
{
	struct raw_request raw;
	struct req req;
	struct kv h[HTTP_MAX_HEADERS + 2];
	size_t i;
	char *big;

	raw_init(&raw, "GET", "/");
	h[0] = (struct kv){"HTTP_USER_AGENT", "Mozilla/5.0 (X11)", 0};
	h[1] = (struct kv){"HTTP_X_FORWARDED_FOR", "192.0.2.1", 0};
	h[2] = (struct kv){"HTTP_IF_NONE_MATCH", "W/\"abc\"", 0};
	h[3] = (struct kv){"CONTENT_TYPE", "text/plain", 0};
	h[4] = (struct kv){"HTTP_REFERER", "http://x/\xe9", 0};
	h[5] = (struct kv){"HTTP_X_EMPTY", NULL, 0};
	h[6] = (struct kv){"HTTP_", "ignored", 0};
	raw.headers = h;
	raw.headers_count = 7;
	raw.remote_addr = "192.0.2.7";
	raw.https = true;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.headers_count == 5);
	CHECK_STR(req_header(&req, "user-agent"), "Mozilla/5.0 (X11)");
	CHECK_STR(req_header(&req, "x-forwarded-for"), "192.0.2.1");
	CHECK_STR(req_header(&req, "if-none-match"), "W/\"abc\"");
	CHECK_STR(req_header(&req, "referer"), "http://x/\xe9"); /* as sent */
	CHECK_STR(req_header(&req, "x-empty"), "");
	CHECK(req_header(&req, "content-type") == NULL);
	CHECK(req_header(&req, "User-Agent") == NULL);
	CHECK(req_header(&req, "HTTP_USER_AGENT") == NULL);
	CHECK_STR(req.remote_addr, "192.0.2.7");
	CHECK(req.https);

	/* A header name that is not a token. */
	h[0] = (struct kv){"HTTP_BAD NAME", "x", 0};
	raw.headers_count = 1;
	CHECK(req_parse(&req, &arena, &raw) == 400);

	/* Count: exactly HTTP_MAX_HEADERS is fine, one more is 431. */
	for (i = 0; i < HTTP_MAX_HEADERS + 1; i++)
		h[i] =
		    (struct kv){arena_printf(&arena, "HTTP_X_H%zu", i), "v", 0};
	raw.headers_count = HTTP_MAX_HEADERS;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.headers_count == HTTP_MAX_HEADERS);
	CHECK_STR(req_header(&req, "x-h99"), "v");
	raw.headers_count = HTTP_MAX_HEADERS + 1;
	CHECK(req_parse(&req, &arena, &raw) == 431);

	/* Bytes: names and values together, at most HTTP_MAX_HEADER_BYTES. */
	big = repeat('v', HTTP_MAX_HEADER_BYTES - strlen("HTTP_X_BIG"), "", "");
	h[0] = (struct kv){"HTTP_X_BIG", big, 0};
	raw.headers_count = 1;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(strlen(req_header(&req, "x-big")) ==
	      HTTP_MAX_HEADER_BYTES - strlen("HTTP_X_BIG"));
	h[0] = (struct kv){"HTTP_X_BIGG", big, 0};
	CHECK(req_parse(&req, &arena, &raw) == 431);
	/* Split over two headers. */
	h[0] = (struct kv){"HTTP_X_A", repeat('v', 8000, "", ""), 0};
	h[1] = (struct kv){"HTTP_X_B", repeat('v', 8000, "", ""), 0};
	raw.headers_count = 2;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	h[1] = (struct kv){"HTTP_X_B", repeat('v', 8400, "", ""), 0};
	CHECK(req_parse(&req, &arena, &raw) == 431);
	/* Entries that are not kept still count. */
	h[0] = (struct kv){"SERVER_SOFTWARE",
	                   repeat('v', HTTP_MAX_HEADER_BYTES, "", ""), 0};
	raw.headers_count = 1;
	CHECK(req_parse(&req, &arena, &raw) == 431);
	/* A huge Content-Type too. */
	raw.headers_count = 0;
	raw.content_type = repeat('x', HTTP_MAX_HEADER_BYTES + 1, "", "");
	CHECK(req_parse(&req, &arena, &raw) == 431);
}

static void
test_request_cookies(void)
{
	struct raw_request raw;
	struct req req;
	struct kv h[2];

	raw_init(&raw, "GET", "/admin");
	h[0] =
	    (struct kv){"HTTP_COOKIE", "__Host-sid=abc123; theme=\"dark\"", 0};
	raw.headers = h;
	raw.headers_count = 1;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.cookies_count == 2);
	CHECK_STR(req_cookie(&req, "__Host-sid"), "abc123");
	CHECK_STR(req_cookie(&req, "theme"), "dark");
	CHECK(req_cookie(&req, "sid") == NULL);

	/* Exactly HTTP_MAX_COOKIE_BYTES is fine, one more is 431. */
	h[0].val = repeat('v', HTTP_MAX_COOKIE_BYTES - 2, "a=", "");
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(strlen(req_cookie(&req, "a")) == HTTP_MAX_COOKIE_BYTES - 2);
	h[0].val = repeat('v', HTTP_MAX_COOKIE_BYTES - 1, "a=", "");
	CHECK(req_parse(&req, &arena, &raw) == 431);

	h[0].val = "a=\xff";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	h[0].val = "a=1\x01";
	CHECK(req_parse(&req, &arena, &raw) == 400);
	h[0].val = "no pairs here";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.cookies_count == 0);
}

static void
test_body(void)
{
	struct raw_request raw;
	struct req req;
	const char *body = "title=Hello+%D8%B9&tags=a&tags=b&empty=";
	char *s;

	raw_init(&raw, "POST", "/contact?from=x");
	raw.content_type = "application/x-www-form-urlencoded";
	raw.body = body;
	raw.body_len = strlen(body);
	raw.content_length = (long long)raw.body_len;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.form_count == 4);
	CHECK_STR(req_form(&req, "title"), "Hello \xd8\xb9");
	CHECK_STR(req_form(&req, "tags"), "a");
	CHECK_STR(req_form(&req, "empty"), "");
	CHECK(req_form(&req, "from") == NULL);
	CHECK_STR(req_query(&req, "from"), "x");
	CHECK_STR(req.content_type, "application/x-www-form-urlencoded");
	CHECK(req.body == body && req.body_len == strlen(body));
	if (req.form_count == 4) {
		CHECK_STR(req.form[1].val, "a");
		CHECK_STR(req.form[2].val, "b");
	}

	/* Content-Type parameters and case. */
	raw.content_type = "application/x-www-form-urlencoded; charset=UTF-8";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 4);
	raw.content_type = "Application/X-WWW-Form-URLEncoded;charset=utf-8";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 4);
	raw.content_type = " application/x-www-form-urlencoded ";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 4);
	/* Other types are left alone. */
	raw.content_type = "application/x-www-form-urlencodedx";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 0);
	raw.content_type = "multipart/form-data; boundary=x";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 0);
	CHECK(req.body == body && req.multipart);
	raw.content_type = NULL;
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 0);
	/* Only POST bodies are parsed. */
	raw.content_type = "application/x-www-form-urlencoded";
	raw.method = "GET";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 0);
	raw.method = "PUT";
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 0);
	raw.method = "POST";

	/* Length: Content-Length and the bytes read must agree. */
	raw.content_length = (long long)raw.body_len - 1;
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.content_length = (long long)raw.body_len + 1;
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.content_length = -1;
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 4);

	/* Exactly HTTP_MAX_FORM_BYTES is fine, one more is 413. */
	s = repeat('v', HTTP_MAX_FORM_BYTES - 2, "a=", "");
	raw.body = s;
	raw.body_len = HTTP_MAX_FORM_BYTES;
	raw.content_length = HTTP_MAX_FORM_BYTES;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.form_count == 1 &&
	      req.form[0].val_len == HTTP_MAX_FORM_BYTES - 2);
	raw.content_length = HTTP_MAX_FORM_BYTES + 1;
	CHECK(req_parse(&req, &arena, &raw) == 413);
	raw.content_length = -1;
	s = repeat('v', HTTP_MAX_FORM_BYTES - 1, "a=", "");
	raw.body = s;
	raw.body_len = HTTP_MAX_FORM_BYTES + 1;
	CHECK(req_parse(&req, &arena, &raw) == 413);
	/* Content-Length alone decides, before the body is looked at. */
	raw.body = "a=1";
	raw.body_len = 3;
	raw.content_length = 1LL << 40;
	CHECK(req_parse(&req, &arena, &raw) == 413);

	/* Field limits in the body; 10,000 fields. */
	raw.content_length = -1;
	raw.body = many_pairs(HTTP_MAX_FIELDS, "&");
	raw.body_len = strlen(raw.body);
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.form_count == HTTP_MAX_FIELDS);
	raw.body = many_pairs(HTTP_MAX_FIELDS + 1, "&");
	raw.body_len = strlen(raw.body);
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.body = many_pairs(10000, "&");
	raw.body_len = strlen(raw.body);
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.body = "a=%zz";
	raw.body_len = 5;
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.body = "a=1\0b=2";
	raw.body_len = 7;
	CHECK(req_parse(&req, &arena, &raw) == 400);
	raw.body = NULL;
	raw.body_len = 0;
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.form_count == 0);
}

/* A pretend stream: gives "abcdef" two bytes at a time, then fails. */
static long
pretend_read(void *ctx, char *buf, size_t cap)
{
	int *calls = ctx;
	const char *data = "abcdef";

	if (*calls == 3)
		return -1;
	if (cap < 2)
		return 0;
	memcpy(buf, data + 2 * (*calls)++, 2);
	return 2;
}

/* A multipart POST is left for req_body_read, from memory or a stream. */
static void
test_multipart_body(void)
{
	struct raw_request raw;
	struct req req;
	struct body_reader reader;
	char buf[8];
	int calls = 0;

	raw_init(&raw, "POST", "/admin/media/upload");
	raw.content_type = "Multipart/Form-Data ; boundary=\"x y\"";
	raw.body = "0123456789";
	raw.body_len = 10;
	raw.content_length = 10;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	CHECK(req.multipart && req.form_count == 0);
	CHECK(req_body_read(&req, buf, 4) == 4 && memcmp(buf, "0123", 4) == 0);
	CHECK(req_body_read(&req, buf, 8) == 6 &&
	      memcmp(buf, "456789", 6) == 0);
	CHECK(req_body_read(&req, buf, 8) == 0);
	/* The declared length decides: the ceiling is fine, one more 413. */
	raw.content_length = HTTP_MAX_UPLOAD_BYTES;
	CHECK(req_parse(&req, &arena, &raw) == 0);
	raw.content_length = HTTP_MAX_UPLOAD_BYTES + 1;
	CHECK(req_parse(&req, &arena, &raw) == 413);
	/* Not multipart: a type that only starts like it, or not a POST. */
	raw.content_length = 10;
	raw.content_type = "multipart/form-datax; boundary=x";
	CHECK(req_parse(&req, &arena, &raw) == 0 && !req.multipart);
	raw.content_type = "multipart/mixed; boundary=x";
	CHECK(req_parse(&req, &arena, &raw) == 0 && !req.multipart);
	raw.content_type = "multipart/form-data; boundary=x";
	raw.method = "PUT";
	CHECK(req_parse(&req, &arena, &raw) == 0 && !req.multipart);
	raw.method = "POST";
	CHECK(http_is_multipart("multipart/form-data"));
	CHECK(!http_is_multipart(NULL) && !http_is_multipart(""));
	/* A stream left unread by fcgi.c is read through its reader. */
	reader.read = pretend_read;
	reader.ctx = &calls;
	raw.body = NULL;
	raw.body_len = 0;
	raw.reader = &reader;
	CHECK(req_parse(&req, &arena, &raw) == 0 && req.reader == &reader);
	CHECK(req_body_read(&req, buf, 8) == 2 && memcmp(buf, "ab", 2) == 0);
	CHECK(req_body_read(&req, buf, 8) == 2 && memcmp(buf, "cd", 2) == 0);
	CHECK(req_body_read(&req, buf, 8) == 2 && memcmp(buf, "ef", 2) == 0);
	CHECK(req_body_read(&req, buf, 8) == -1);
}

int
main(void)
{
	int pairs;

	arena_init(&arena);
	test_utf8();
	test_path();
	arena_reset(&arena);
	test_urlencoded();
	arena_reset(&arena);
	test_cookies();
	test_method();
	arena_reset(&arena);
	test_uri();
	arena_reset(&arena);
	test_headers();
	arena_reset(&arena);
	test_request_cookies();
	arena_reset(&arena);
	test_body();
	test_multipart_body();

	pairs = test_golden("path", golden_path);
	CHECK(pairs >= 10);
	pairs = test_golden("urlencoded", golden_urlencoded);
	CHECK(pairs >= 10);
	pairs = test_golden("cookies", golden_cookies);
	CHECK(pairs >= 10);
	arena_free(&arena);
	TEST_DONE();
}
