/*
 * multipart_post.h: uploads for the integration tests, on top of staff.h:
 * a multipart/form-data body built part by part (fields, files of any
 * bytes) and sent through the real request path as a browser sends a form
 * with enctype="multipart/form-data" (req_body_read serves it from
 * memory).  Include it after staff.h, once.
 */
#ifndef GAZETTE_TEST_MULTIPART_POST_H
#define GAZETTE_TEST_MULTIPART_POST_H

#include "staff.h"
#include "util/buf.h"

#define MP_TEST_BOUNDARY "----gazetteTestBoundary7MA4YWxkTrZu0gW"

/* A body being built; start with mp_body_init, send with mp_post. */
struct mp_body {
	struct buf b;
};

static inline void
mp_body_init(struct mp_body *m)
{
	buf_init(&m->b);
}

static inline void
mp_body_free(struct mp_body *m)
{
	buf_free(&m->b);
}

/* Adds a field. */
static inline void
mp_field(struct mp_body *m, const char *name, const char *value)
{
	buf_printf(&m->b,
	           "--" MP_TEST_BOUNDARY "\r\nContent-Disposition: form-data; "
	           "name=\"%s\"\r\n\r\n%s\r\n",
	           name, value);
}

/* Adds a file part: len bytes of data sent as filename with the type the
 * browser claims (type is never trusted, which the tests check). */
static inline void
mp_file(struct mp_body *m, const char *name, const char *filename,
        const char *type, const void *data, size_t len)
{
	buf_printf(&m->b,
	           "--" MP_TEST_BOUNDARY "\r\nContent-Disposition: form-data; "
	           "name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n",
	           name, filename, type);
	buf_append(&m->b, data, len);
	buf_puts(&m->b, "\r\n");
}

/* Ends the body (the close delimiter). */
static inline void
mp_end(struct mp_body *m)
{
	buf_puts(&m->b, "--" MP_TEST_BOUNDARY "--\r\n");
}

/*
 * Posts the body to uri as the session (a cookie, or NULL for none) with
 * the base URL's Origin; returns the status, leaves head and body.
 */
static inline int
mp_post(const char *session, const char *uri, const struct mp_body *m)
{
	struct kv hdr[2];
	size_t n = 0;

	if (session != NULL)
		hdr[n++] = (struct kv){"HTTP_COOKIE", session, strlen(session)};
	hdr[n++] = (struct kv){"HTTP_ORIGIN", "http://127.0.0.1:8080", 21};
	return driver_send("POST", uri, "2001:db8:1:2::7", hdr, n,
	                   "multipart/form-data; boundary=" MP_TEST_BOUNDARY,
	                   m->b.data, m->b.len);
}

/* The session's CSRF token (from the account page), in a static copy. */
static inline const char *
csrf_of(const char *session)
{
	static char token[256];

	CHECK(request("GET", "/admin/account", session, NULL, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("csrf"));
	return token;
}

#endif
