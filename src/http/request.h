/*
 * request.h: the parsed request and the parsers that build it.
 *
 * http/fcgi.c collects what nginx sent into a struct raw_request (the only
 * place that sees libfcgi); req_parse() turns it into a struct req, enforcing
 * every limit while parsing.  Integration tests build raw requests directly.
 * Everything in a struct req lives in the request's arena.
 */
#ifndef GAZETTE_REQUEST_H
#define GAZETTE_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

struct staff;

/* Limits, enforced while parsing.  nginx's own ceilings are at least as
 * strict (conf/nginx.conf.in); these hold when it is configured otherwise. */
#define HTTP_MAX_URI_BYTES 4096
#define HTTP_MAX_PATH_BYTES 2048
#define HTTP_MAX_QUERY_BYTES 4096
#define HTTP_MAX_FIELDS 100 /* query parameters, form fields, cookies each */
#define HTTP_MAX_HEADERS 100
#define HTTP_MAX_HEADER_BYTES (16 * 1024) /* all names and values */
#define HTTP_MAX_COOKIE_BYTES 4096
#define HTTP_MAX_FORM_BYTES (1024 * 1024) /* urlencoded bodies */
/* A multipart body (uploads): nginx's client_max_body_size for
 * /admin/media/ in both nginx configs (a unit test keeps them equal). */
#define HTTP_MAX_UPLOAD_BYTES (64LL * 1024 * 1024)

enum http_method {
	HTTP_GET,
	HTTP_HEAD,
	HTTP_POST,
	HTTP_OTHER, /* anything else: answered 405 */
};

/*
 * A name and value; both NUL-terminated, valid UTF-8 without NUL once
 * parsed.  Exception: header values other than Cookie are kept as sent
 * (nginx has already refused NUL, CR and LF in them), because rejecting a
 * request for a Latin-1 User-Agent helps nobody and dropping the header
 * could hide a bad Origin.  Code that uses a header value checks it.
 */
struct kv {
	const char *key;
	const char *val;
	size_t val_len;
};

/*
 * A body left unread for its handler to stream (multipart uploads): read
 * copies up to cap bytes into buf and returns how many, 0 at the end, -1
 * when the connection failed.
 */
struct body_reader {
	long (*read)(void *ctx, char *buf, size_t cap);
	void *ctx;
};

/* What the front server sent, before any parsing. */
struct raw_request {
	const char *method;      /* REQUEST_METHOD */
	const char *request_uri; /* REQUEST_URI: path and query, encoded */
	const char *content_type;
	const char *remote_addr;
	bool https;
	/* Header names as FastCGI gives them: "HTTP_USER_AGENT". */
	const struct kv *headers;
	size_t headers_count;
	const char *body; /* already read, at most body_limit bytes */
	size_t body_len;
	long long content_length; /* -1 when absent */
	/* Set when the body (multipart) was left unread: body is NULL. */
	const struct body_reader *reader;
};

struct req {
	struct arena *arena;
	uint64_t id;
	enum http_method method;
	const char *method_name;
	const char *uri; /* raw REQUEST_URI */

	/*
	 * The path, percent-decoded, valid UTF-8 with no NUL or control
	 * characters and no "." or ".." segments, starting with '/'.
	 */
	char *path;
	size_t path_len;

	const char *query_raw; /* after '?', still encoded; "" when none */
	struct kv *query;
	size_t query_count;
	struct kv *headers; /* names lower-case with '-': "user-agent" */
	size_t headers_count;
	struct kv *cookies;
	size_t cookies_count;
	struct kv *form; /* urlencoded POST body */
	size_t form_count;
	const char *content_type; /* NULL when absent */
	const char *remote_addr;  /* NULL when absent */
	bool https;

	/*
	 * The body as read, whatever its type (multipart bodies are meant to
	 * be streamed through http/multipart.c instead).  Not copied: it
	 * points at raw->body, which fcgi.c keeps for the whole request.
	 * content_length is -1 when absent.
	 */
	const char *body;
	size_t body_len;
	long long content_length;
	/*
	 * A multipart/form-data POST: its body is not parsed here (req->form
	 * stays empty) and is read by req_body_read, from reader when fcgi.c
	 * left it unread, else from body (tests).  Only routes flagged
	 * R_UPLOAD accept one.
	 */
	bool multipart;
	const struct body_reader *reader;
	size_t body_pos; /* bytes of body that req_body_read gave */

	/* Filled by the router. */
	const struct staff *user; /* the signed-in staff member, or NULL */
	bool csrf_pending; /* an upload's token, still to check (session.h) */
	/* An R_FORM_LATE route's signed token, still to check (session.h). */
	bool form_token_pending;
	unsigned char session_hash[32]; /* of the session cookie, when user */
	const struct edition *edition;
	const char *route_path; /* path with the edition prefix removed */
	long long param_int;    /* {id} or {n} */
	long long param_rev;    /* {rev}, 0 when the route has none */
	const char *param_slug; /* {slug} */
	bool param_int_set;
	/* {year} (1000-9999), {month} (1-12), {day} (1-31); 0 when absent. */
	int param_year, param_month, param_day;
};

/*
 * Parses raw into req, allocating from a.  Returns 0, or the HTTP status
 * to answer: 400 (malformed or invalid UTF-8 anywhere, NUL, dot segments,
 * too many fields), 413 (body too large), 414 (URI too long), 431 (headers
 * too large).  The request is unusable after a non-zero return.
 * req is cleared first, all but req->id.  A method that is not
 * a token, raw control bytes in REQUEST_URI and, for an urlencoded POST, a
 * body whose length differs from Content-Length (when given) are 400.
 * Only an urlencoded POST body is parsed (and limited to
 * HTTP_MAX_FORM_BYTES); a multipart POST is left for req_body_read (413
 * when its declared length passes HTTP_MAX_UPLOAD_BYTES); other bodies
 * are left in req->body.
 */
int req_parse(struct req *req, struct arena *a, const struct raw_request *raw);

/* Tells whether a Content-Type value is multipart/form-data. */
bool http_is_multipart(const char *content_type);

/*
 * Reads the next piece of a multipart body into buf (at most cap bytes):
 * returns how many, 0 at the end, -1 when the connection failed.
 */
long req_body_read(struct req *req, char *buf, size_t cap);

/*
 * Decodes and normalises the path part of a request URI (uri[0..len), which
 * holds no '?').  On success sets *out (NUL-terminated, in a) and *out_len
 * and returns 0; otherwise returns 400 or 414 as for req_parse.  The limit
 * HTTP_MAX_PATH_BYTES applies to the encoded length.  Repeated slashes are
 * kept (the router does not match them); %2F decodes to '/' like any other
 * byte, and dot segments are looked for after decoding.
 */
int http_path_parse(struct arena *a, const char *uri, size_t len, char **out,
                    size_t *out_len);

/*
 * Parses application/x-www-form-urlencoded text (a query string or a POST
 * body): '&'-separated "name=value" pairs, '+' as space, percent-decoding.
 * Empty pairs and pairs with an empty name ("=x") are skipped; a name
 * without '=' has an empty value.  Names and values must decode to UTF-8
 * without NUL (else 400), and come out in Unicode NFC (util/text.h's
 * text_nfc), so stored text never depends on how a browser or keyboard
 * composed it; a '%' without two hex digits is malformed.  At most
 * max_fields pairs (counted before any decoding).  Repeated names are kept
 * in order.  Returns 0 with *out and *count set (NULL and 0 when there are
 * no pairs), or 400.
 */
int http_urlencoded_parse(struct arena *a, const char *s, size_t len,
                          size_t max_fields, struct kv **out, size_t *count);

/*
 * Parses a Cookie header ("a=1; b=2").  Values may be double-quoted; no
 * percent-decoding.  Pairs without '=' or with an empty name are skipped.
 * Names and values are trimmed of spaces and tabs.  Returns 0 with *out
 * and *count set, or 400 (more than HTTP_MAX_FIELDS pairs, invalid UTF-8,
 * control characters other than tab).  The length limit
 * (HTTP_MAX_COOKIE_BYTES, 431) is req_parse's.
 */
int http_cookies_parse(struct arena *a, const char *s, size_t len,
                       struct kv **out, size_t *count);

/*
 * Percent-decodes s[0..len) into a new NUL-terminated string in a, turning
 * '+' into a space when plus_is_space.  Returns 0 with *out and *out_len
 * set, or 400 for a '%' not followed by two hex digits.  The result may
 * hold any byte, NUL included: callers check it.
 */
int http_percent_decode(struct arena *a, const char *s, size_t len,
                        bool plus_is_space, char **out, size_t *out_len);

/* Returns whether c may appear in an HTTP token (RFC 9110 tchar). */
bool http_tchar(unsigned char c);

/* Returns whether s[0..len) is valid UTF-8 (no overlongs, surrogates). */
bool utf8_valid(const char *s, size_t len);

/* Look-ups; return NULL when absent.  Names are compared exactly (headers
 * use the lower-case form). */
const char *req_header(const struct req *req, const char *name);
const char *req_query(const struct req *req, const char *name);
const char *req_cookie(const struct req *req, const char *name);
const char *req_form(const struct req *req, const char *name);

#endif
