/*
 * request.c: turns what the front server sent (struct raw_request) into a
 * struct req: method, decoded path, query parameters, headers, cookies and
 * an urlencoded POST body.  Every limit in request.h is enforced while
 * parsing, before the work it bounds is done, and every string that reaches
 * a handler is valid UTF-8 without NUL (query and form fields in NFC, too).
 * Multipart bodies are multipart.c's; nothing here knows libfcgi (that is
 * fcgi.c).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "../util/text.h"
#include "request.h"

/* Bytes of "HTTP_" in FastCGI header names. */
#define HTTP_HEADER_PREFIX "HTTP_"
#define HTTP_HEADER_PREFIX_LEN 5

/* Longest method name accepted (WebDAV's are the longest in use). */
#define HTTP_MAX_METHOD_BYTES 32

#define FORM_CONTENT_TYPE "application/x-www-form-urlencoded"

/* Returns whether c may appear in an HTTP token; see request.h. */
bool
http_tchar(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Returns whether c is a C0 control character or DEL. */
static bool
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Returns whether s[0..len) is well-formed UTF-8 (RFC 3629): no overlong
 * forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF and no
 * truncated sequence.  NUL bytes are valid UTF-8; callers that refuse them
 * check separately.
 */
bool
utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char c = p[i];
		unsigned char lo = 0x80, hi = 0xbf;
		size_t n, k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			if (c == 0xe0)
				lo = 0xa0; /* overlong */
			else if (c == 0xed)
				hi = 0x9f; /* surrogates */
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			if (c == 0xf0)
				lo = 0x90; /* overlong */
			else if (c == 0xf4)
				hi = 0x8f; /* above U+10FFFF */
		} else {
			/* 0x80..0xc1 (continuation, overlong) and 0xf5.. */
			return false;
		}
		if (len - i - 1 < n)
			return false;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return false;
		for (k = 2; k <= n; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xbf)
				return false;
		i += n + 1;
	}
	return true;
}

/* Percent-decodes s[0..len) into a; see request.h. */
int
http_percent_decode(struct arena *a, const char *s, size_t len,
                    bool plus_is_space, char **out, size_t *out_len)
{
	char *d = arena_alloc(a, len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			int h, l;

			if (len - i < 3)
				return 400;
			h = hex_value((unsigned char)s[i + 1]);
			l = hex_value((unsigned char)s[i + 2]);
			if (h < 0 || l < 0)
				return 400;
			d[n++] = (char)(h * 16 + l);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			d[n++] = ' ';
		} else {
			d[n++] = (char)c;
		}
	}
	d[n] = '\0';
	*out = d;
	*out_len = n;
	return 0;
}

/* Returns whether the '/'-separated path p[0..len) has a "." or ".."
 * segment. */
static bool
has_dot_segment(const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i, seg;

		while (i < len && p[i] != '/')
			i++;
		seg = i - start;
		if ((seg == 1 && p[start] == '.') ||
		    (seg == 2 && p[start] == '.' && p[start + 1] == '.'))
			return true;
		i++; /* past the '/' */
	}
	return false;
}

/*
 * Decodes the path part of a request URI.  The encoded length is what is
 * limited (HTTP_MAX_PATH_BYTES, 414): it is what the client sent and the
 * decoded path is never longer.  Everything else is checked on the decoded
 * bytes, so that %2e%2e and %2F cannot smuggle a dot segment past the check.
 */
int
http_path_parse(struct arena *a, const char *uri, size_t len, char **out,
                size_t *out_len)
{
	char *p;
	size_t n, i;
	int rc;

	if (len > HTTP_MAX_PATH_BYTES)
		return 414;
	if (len == 0 || uri[0] != '/')
		return 400;
	rc = http_percent_decode(a, uri, len, false, &p, &n);
	if (rc != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (is_control((unsigned char)p[i]))
			return 400;
	if (!utf8_valid(p, n))
		return 400;
	if (has_dot_segment(p, n))
		return 400;
	*out = p;
	*out_len = n;
	return 0;
}

/*
 * Counts the non-empty pairs of an urlencoded string, stopping as soon as
 * there are more than max_fields.  A pair whose name is empty ("=x") counts
 * as empty.  Returns 0 with *count set, or 400.
 */
static int
urlencoded_count(const char *s, size_t len, size_t max_fields, size_t *count)
{
	size_t i = 0, n = 0;

	while (i < len) {
		size_t start = i;

		while (i < len && s[i] != '&')
			i++;
		if (i > start && s[start] != '=') {
			if (n == max_fields)
				return 400;
			n++;
		}
		i++;
	}
	*count = n;
	return 0;
}

/*
 * Decodes one name or value of an urlencoded pair, checks that it is
 * UTF-8 without NUL and puts it in NFC, so that every text a form stores
 * is composed the same way whatever the browser or keyboard sent.
 * Returns 0 or 400.
 */
static int
urlencoded_decode(struct arena *a, const char *s, size_t len, const char **out,
                  size_t *out_len)
{
	char *raw;
	int rc = http_percent_decode(a, s, len, true, &raw, out_len);

	if (rc != 0)
		return rc;
	if (memchr(raw, '\0', *out_len) != NULL || !utf8_valid(raw, *out_len))
		return 400;
	*out = text_nfc(a, raw, *out_len, out_len);
	return *out != NULL ? 0 : 400;
}

/*
 * Parses a query string or an urlencoded body.  The pairs are counted
 * first (a pass that stops at max_fields + 1), so a hostile input with
 * thousands of pairs costs one scan and no decoding.  Pairs with an empty
 * name ("=x") are skipped like empty pairs.  Repeated names are all kept,
 * in order.  Control characters other than NUL are allowed in values (a
 * textarea sends CR LF and tabs).
 */
int
http_urlencoded_parse(struct arena *a, const char *s, size_t len,
                      size_t max_fields, struct kv **out, size_t *count)
{
	struct kv *kv;
	size_t n, i = 0, k = 0;
	int rc;

	*out = NULL;
	*count = 0;
	rc = urlencoded_count(s, len, max_fields, &n);
	if (rc != 0)
		return rc;
	if (n == 0)
		return 0;
	kv = arena_calloc(a, n, sizeof(*kv));
	while (i < len) {
		size_t start = i, eq, key_len;
		const char *key, *val;

		while (i < len && s[i] != '&')
			i++;
		if (i == start || s[start] == '=') {
			i++;
			continue;
		}
		eq = start;
		while (eq < i && s[eq] != '=')
			eq++;
		rc =
		    urlencoded_decode(a, s + start, eq - start, &key, &key_len);
		if (rc != 0)
			return rc;
		if (eq < i)
			rc = urlencoded_decode(a, s + eq + 1, i - eq - 1, &val,
			                       &kv[k].val_len);
		else
			rc = urlencoded_decode(a, "", 0, &val, &kv[k].val_len);
		if (rc != 0)
			return rc;
		kv[k].key = key;
		kv[k].val = val;
		k++;
		i++;
	}
	*out = kv;
	*count = k;
	return 0;
}

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Finds the next cookie pair in s[*pos..len): sets the trimmed name and
 * value (quotes not yet removed) and advances *pos past the ';'.  Returns
 * false at the end of s; a piece without '=' or with an empty name yields
 * an empty name, which the callers skip.
 */
static bool
cookie_next(const char *s, size_t len, size_t *pos, size_t *name,
            size_t *name_len, size_t *val, size_t *val_len)
{
	size_t i = *pos, start, end, eq, name_end;

	if (i >= len)
		return false;
	start = i;
	while (i < len && s[i] != ';')
		i++;
	end = i;
	*pos = i + 1;
	while (start < end && is_ows(s[start]))
		start++;
	while (end > start && is_ows(s[end - 1]))
		end--;
	eq = start;
	while (eq < end && s[eq] != '=')
		eq++;
	*name_len = 0;
	if (eq == end)
		return true; /* no '=' */
	name_end = eq;
	while (name_end > start && is_ows(s[name_end - 1]))
		name_end--;
	*name = start;
	*name_len = name_end - start;
	*val = eq + 1;
	while (*val < end && is_ows(s[*val]))
		(*val)++;
	*val_len = end - *val;
	return true;
}

/*
 * Parses a Cookie header.  The whole header must be UTF-8 without control
 * characters other than tab; names and values are trimmed of spaces and
 * tabs, and a value wrapped in double quotes loses them ('"a b"' gives
 * 'a b'); an unbalanced quote stays.  Repeated names are all kept, in
 * order (a browser sends the most specific path first).
 */
int
http_cookies_parse(struct arena *a, const char *s, size_t len, struct kv **out,
                   size_t *count)
{
	struct kv *kv;
	size_t i, pos, n = 0, k = 0, name, name_len, val, val_len;

	*out = NULL;
	*count = 0;
	for (i = 0; i < len; i++)
		if (is_control((unsigned char)s[i]) && s[i] != '\t')
			return 400;
	if (!utf8_valid(s, len))
		return 400;
	pos = 0;
	while (cookie_next(s, len, &pos, &name, &name_len, &val, &val_len)) {
		if (name_len == 0)
			continue;
		if (n == HTTP_MAX_FIELDS)
			return 400;
		n++;
	}
	if (n == 0)
		return 0;
	kv = arena_calloc(a, n, sizeof(*kv));
	pos = 0;
	while (cookie_next(s, len, &pos, &name, &name_len, &val, &val_len)) {
		if (name_len == 0)
			continue;
		if (val_len >= 2 && s[val] == '"' &&
		    s[val + val_len - 1] == '"') {
			val++;
			val_len -= 2;
		}
		kv[k].key = arena_strndup(a, s + name, name_len);
		kv[k].val = arena_strndup(a, s + val, val_len);
		kv[k].val_len = val_len;
		k++;
	}
	*out = kv;
	*count = k;
	return 0;
}

/* Maps a method name; a name that is not a token is malformed (-1). */
static int
method_parse(const char *name, enum http_method *method)
{
	size_t i, len = name ? strnlen(name, HTTP_MAX_METHOD_BYTES + 1) : 0;

	if (len == 0 || len > HTTP_MAX_METHOD_BYTES)
		return -1;
	for (i = 0; i < len; i++)
		if (!http_tchar((unsigned char)name[i]))
			return -1;
	if (strcmp(name, "GET") == 0)
		*method = HTTP_GET;
	else if (strcmp(name, "HEAD") == 0)
		*method = HTTP_HEAD;
	else if (strcmp(name, "POST") == 0)
		*method = HTTP_POST;
	else
		*method = HTTP_OTHER;
	return 0;
}

/*
 * Copies the FastCGI headers ("HTTP_ACCEPT_LANGUAGE") into req->headers
 * ("accept-language").  Entries without the HTTP_ prefix (CONTENT_TYPE and
 * the like, should the caller pass them) are counted against the limits
 * but not kept.  Returns 0, 400 (a name that is not a token) or 431.
 */
static int
headers_parse(struct req *req, struct arena *a, const struct raw_request *raw)
{
	size_t i, k = 0, budget = HTTP_MAX_HEADER_BYTES;

	if (raw->headers_count > HTTP_MAX_HEADERS)
		return 431;
	if (raw->headers_count == 0)
		return 0;
	req->headers = arena_calloc(a, raw->headers_count, sizeof(struct kv));
	for (i = 0; i < raw->headers_count; i++) {
		const char *name = raw->headers[i].key;
		const char *val = raw->headers[i].val;
		size_t name_len, val_len, j;
		char *lower;

		if (name == NULL)
			continue;
		if (val == NULL)
			val = "";
		/* Bounded scans: a huge value costs no more than the limit. */
		name_len = strnlen(name, budget + 1);
		if (name_len > budget)
			return 431;
		budget -= name_len;
		val_len = strnlen(val, budget + 1);
		if (val_len > budget)
			return 431;
		budget -= val_len;
		if (name_len <= HTTP_HEADER_PREFIX_LEN ||
		    memcmp(name, HTTP_HEADER_PREFIX, HTTP_HEADER_PREFIX_LEN) !=
		        0)
			continue;
		name += HTTP_HEADER_PREFIX_LEN;
		name_len -= HTTP_HEADER_PREFIX_LEN;
		lower = arena_strndup(a, name, name_len);
		for (j = 0; j < name_len; j++) {
			unsigned char c = (unsigned char)lower[j];

			if (c == '_')
				lower[j] = '-';
			else if (c >= 'A' && c <= 'Z')
				lower[j] = (char)(c + ('a' - 'A'));
			else if (!http_tchar(c))
				return 400;
		}
		req->headers[k].key = lower;
		req->headers[k].val = arena_strndup(a, val, val_len);
		req->headers[k].val_len = val_len;
		k++;
	}
	req->headers_count = k;
	return 0;
}

/*
 * Returns whether a Content-Type value is the media type type,
 * case-insensitively, optionally followed by parameters.
 */
static bool
is_content_type(const char *ct, const char *type)
{
	size_t n = strlen(type);

	if (ct == NULL)
		return false;
	while (is_ows(*ct))
		ct++;
	if (strncasecmp(ct, type, n) != 0)
		return false;
	ct += n;
	while (is_ows(*ct))
		ct++;
	return *ct == '\0' || *ct == ';';
}

/* Tells whether a Content-Type is multipart/form-data; see request.h. */
bool
http_is_multipart(const char *content_type)
{
	return is_content_type(content_type, "multipart/form-data");
}

/* Reads the next piece of a multipart body; see request.h. */
long
req_body_read(struct req *req, char *buf, size_t cap)
{
	size_t n;

	if (req->reader != NULL)
		return req->reader->read(req->reader->ctx, buf, cap);
	n = req->body_len - req->body_pos;
	if (n > cap)
		n = cap;
	if (n > 0)
		memcpy(buf, req->body + req->body_pos, n);
	req->body_pos += n;
	return (long)n;
}

/*
 * Parses the body when it is an urlencoded POST.  Returns 0, 400 (a body
 * shorter or longer than Content-Length said, malformed pairs) or 413.
 */
static int
body_parse(struct req *req, struct arena *a, const struct raw_request *raw)
{
	if (req->method == HTTP_POST && http_is_multipart(raw->content_type)) {
		req->multipart = true;
		req->reader = raw->reader;
		return raw->content_length > HTTP_MAX_UPLOAD_BYTES ? 413 : 0;
	}
	if (req->method != HTTP_POST ||
	    !is_content_type(raw->content_type, FORM_CONTENT_TYPE))
		return 0;
	if (raw->content_length > HTTP_MAX_FORM_BYTES ||
	    raw->body_len > HTTP_MAX_FORM_BYTES)
		return 413;
	if (raw->content_length >= 0 &&
	    (unsigned long long)raw->content_length != raw->body_len)
		return 400;
	if (raw->body_len > 0 && raw->body == NULL)
		return 400;
	return http_urlencoded_parse(a, raw->body, raw->body_len,
	                             HTTP_MAX_FIELDS, &req->form,
	                             &req->form_count);
}

/*
 * Parses raw into req, which is cleared first but for req->id (the caller
 * may number the request before or after).
 * The checks run in this order: method, URI, path and query lengths (414),
 * path, query, headers (431), cookies, body (413).
 */
int
req_parse(struct req *req, struct arena *a, const struct raw_request *raw)
{
	const char *uri, *q, *cookie;
	size_t uri_len, path_len, query_len, i;
	uint64_t id = req->id;
	int rc;

	memset(req, 0, sizeof(*req));
	req->id = id;
	req->arena = a;
	req->query_raw = "";
	req->content_length = raw->content_length;

	if (method_parse(raw->method, &req->method) != 0)
		return 400;
	req->method_name = arena_strdup(a, raw->method);

	if (raw->request_uri == NULL)
		return 400;
	uri_len = strnlen(raw->request_uri, HTTP_MAX_URI_BYTES + 1);
	if (uri_len > HTTP_MAX_URI_BYTES)
		return 414;
	uri = arena_strndup(a, raw->request_uri, uri_len);
	req->uri = uri;
	/* Raw control bytes are never sent by a browser; refusing them here
	 * also keeps them out of the logs. */
	for (i = 0; i < uri_len; i++)
		if (is_control((unsigned char)uri[i]))
			return 400;
	q = memchr(uri, '?', uri_len);
	path_len = q ? (size_t)(q - uri) : uri_len;
	query_len = q ? uri_len - path_len - 1 : 0;
	if (path_len > HTTP_MAX_PATH_BYTES || query_len > HTTP_MAX_QUERY_BYTES)
		return 414;
	rc = http_path_parse(a, uri, path_len, &req->path, &req->path_len);
	if (rc != 0)
		return rc;
	if (q != NULL)
		req->query_raw = q + 1;
	rc =
	    http_urlencoded_parse(a, req->query_raw, query_len, HTTP_MAX_FIELDS,
	                          &req->query, &req->query_count);
	if (rc != 0)
		return rc;

	/* CONTENT_TYPE is a header too, and counts against the total. */
	if (raw->content_type != NULL &&
	    strnlen(raw->content_type, HTTP_MAX_HEADER_BYTES + 1) >
	        HTTP_MAX_HEADER_BYTES)
		return 431;
	rc = headers_parse(req, a, raw);
	if (rc != 0)
		return rc;
	cookie = req_header(req, "cookie");
	if (cookie != NULL) {
		size_t len = strlen(cookie);

		if (len > HTTP_MAX_COOKIE_BYTES)
			return 431;
		rc = http_cookies_parse(a, cookie, len, &req->cookies,
		                        &req->cookies_count);
		if (rc != 0)
			return rc;
	}
	if (raw->content_type != NULL)
		req->content_type = arena_strdup(a, raw->content_type);
	if (raw->remote_addr != NULL)
		req->remote_addr = arena_strdup(a, raw->remote_addr);
	req->https = raw->https;
	req->body = raw->body;
	req->body_len = raw->body_len;
	return body_parse(req, a, raw);
}

static const char *
kv_find(const struct kv *kv, size_t count, const char *name)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(kv[i].key, name) == 0)
			return kv[i].val;
	return NULL;
}

/* Returns the first header called name (lower-case, "user-agent"), or
 * NULL.  The string lives in the request's arena. */
const char *
req_header(const struct req *req, const char *name)
{
	return kv_find(req->headers, req->headers_count, name);
}

/* Returns the first query parameter called name, or NULL. */
const char *
req_query(const struct req *req, const char *name)
{
	return kv_find(req->query, req->query_count, name);
}

/* Returns the first cookie called name, or NULL. */
const char *
req_cookie(const struct req *req, const char *name)
{
	return kv_find(req->cookies, req->cookies_count, name);
}

/* Returns the first urlencoded form field called name, or NULL. */
const char *
req_form(const struct req *req, const char *name)
{
	return kv_find(req->form, req->form_count, name);
}
