/*
 * fuzz_request.c: libFuzzer entry for req_parse.  The input is split at
 * its first four newlines into the method, the REQUEST_URI, the Cookie
 * header and the Content-Type; the rest is the body (so seeds in
 * tests/unit/corpus/request/ are readable text files).  A parsed request
 * must keep every promise of request.h: a clean path, a query_raw that is
 * the URI's tail, UTF-8 names and values, limits respected.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena arena;

/* Cuts the next line off *p; returns it as a NUL-terminated copy. */
static char *
next_line(const char **p, const char *end)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	const char *line = *p;
	size_t n;

	if (nl == NULL) {
		n = (size_t)(end - *p);
		*p = end;
	} else {
		n = (size_t)(nl - *p);
		*p = nl + 1;
	}
	return arena_strndup(&arena, line, n);
}

static void
check_kvs(const struct kv *kv, size_t count, size_t max)
{
	size_t i;

	if (count > max || (count > 0) != (kv != NULL))
		abort();
	for (i = 0; i < count; i++) {
		size_t n = strlen(kv[i].key);

		if (n == 0 || !utf8_valid(kv[i].key, n))
			abort();
		if (strlen(kv[i].val) != kv[i].val_len ||
		    !utf8_valid(kv[i].val, kv[i].val_len))
			abort();
	}
}

static void
check_path(const char *p, size_t len)
{
	size_t i, start = 0;

	if (len == 0 || p[0] != '/' || strlen(p) != len || !utf8_valid(p, len))
		abort();
	for (i = 0; i <= len; i++) {
		if (i < len && ((unsigned char)p[i] < 0x20 || p[i] == 0x7f))
			abort();
		if (i < len && p[i] != '/')
			continue;
		if ((i - start == 1 && p[start] == '.') ||
		    (i - start == 2 && p[start] == '.' && p[start + 1] == '.'))
			abort();
		start = i + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct raw_request raw;
	struct kv headers[2];
	struct req req;
	const char *q;
	int rc;

	memset(&raw, 0, sizeof(raw));
	raw.method = next_line(&p, end);
	raw.request_uri = next_line(&p, end);
	headers[0] = (struct kv){"HTTP_COOKIE", next_line(&p, end), 0};
	headers[1] = (struct kv){"HTTP_USER_AGENT", "fuzz", 0};
	raw.headers = headers;
	raw.headers_count = 2;
	raw.content_type = next_line(&p, end);
	raw.body = p;
	raw.body_len = (size_t)(end - p);
	raw.content_length = (long long)raw.body_len;

	rc = req_parse(&req, &arena, &raw);
	if (rc == 0) {
		check_path(req.path, req.path_len);
		if (strlen(req.uri) > HTTP_MAX_URI_BYTES)
			abort();
		q = strchr(req.uri, '?');
		if (strcmp(req.query_raw, q ? q + 1 : "") != 0)
			abort();
		if (req.method == HTTP_GET && strcmp(req.method_name, "GET"))
			abort();
		check_kvs(req.query, req.query_count, HTTP_MAX_FIELDS);
		check_kvs(req.cookies, req.cookies_count, HTTP_MAX_FIELDS);
		check_kvs(req.form, req.form_count, HTTP_MAX_FIELDS);
		if (req.form_count > 0 && req.method != HTTP_POST)
			abort();
		if (req_header(&req, "user-agent") == NULL)
			abort();
	} else if (rc != 400 && rc != 413 && rc != 414 && rc != 431) {
		abort();
	}
	arena_reset(&arena);
	return 0;
}
