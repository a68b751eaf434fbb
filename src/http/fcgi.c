/*
 * fcgi.c: the worker's accept loop on libfcgi.  For each connection it
 * collects the parameters nginx sent into a struct raw_request, reads the
 * body (never more than the form limit), calls app_handle(), writes the
 * response, and resets the request arena.  One connection at a time: that
 * is libfcgi's model, and why nginx must not keep connections open.
 */
#include <errno.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/log.h"
#include "fcgi.h"

#define FCGI_BACKLOG 1024

static volatile sig_atomic_t stopping;

/* Asks the loop to stop; see fcgi.h. */
void
fcgi_stop(void)
{
	stopping = 1;
	FCGX_ShutdownPending();
}

/* Creates the listening socket; see fcgi.h. */
int
fcgi_listen(const char *path)
{
	struct stat st;
	mode_t old;
	int fd;

	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			log_error("%s exists and is not a socket", path);
			return -1;
		}
		unlink(path);
	}
	if (FCGX_Init() != 0) {
		log_error("FCGX_Init failed");
		return -1;
	}
	/* The socket is created under this umask: rw for owner and group. */
	old = umask(0117);
	fd = FCGX_OpenSocket(path, FCGI_BACKLOG);
	umask(old);
	if (fd < 0)
		log_error("cannot listen on %s: %s", path, strerror(errno));
	return fd;
}

/* Parses CONTENT_LENGTH; returns -1 when absent or malformed. */
static long long
content_length(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0)
		return -1;
	return v;
}

/* A multipart body still on the FastCGI stream, for req_body_read. */
struct stream {
	FCGX_Request *r;
	long long left; /* of the declared length; -1 when none was given */
	struct body_reader reader;
};

/* Reads the stream's next piece; see struct body_reader. */
static long
stream_read(void *ctx, char *buf, size_t cap)
{
	struct stream *st = ctx;
	int want, got;

	if (st->left == 0)
		return 0;
	want = cap > 65536 ? 65536 : (int)cap;
	if (st->left > 0 && want > st->left)
		want = (int)st->left;
	got = FCGX_GetStr(buf, want, st->r->in);
	if (got < 0 || FCGX_GetError(st->r->in) != 0)
		return -1;
	if (st->left > 0) {
		/* nginx sends the length it announced: less is a failure. */
		if (got < want)
			return -1;
		st->left -= got;
	}
	return got;
}

/*
 * Fills raw from the request's parameters and body.  Header parameters
 * (HTTP_*) are split into name and value in the arena; the body is read
 * only when its declared length is within the form limit, and a multipart
 * body is left on the stream, read through st.
 */
static void
collect(FCGX_Request *r, struct arena *a, struct raw_request *raw,
        struct stream *st)
{
	char **env;
	size_t n = 0, cap = 0;
	struct kv *headers;
	long long len;

	memset(raw, 0, sizeof(*raw));
	raw->method = FCGX_GetParam("REQUEST_METHOD", r->envp);
	raw->request_uri = FCGX_GetParam("REQUEST_URI", r->envp);
	raw->content_type = FCGX_GetParam("CONTENT_TYPE", r->envp);
	raw->remote_addr = FCGX_GetParam("REMOTE_ADDR", r->envp);
	raw->https = FCGX_GetParam("HTTPS", r->envp) != NULL;
	for (env = r->envp; *env != NULL; env++)
		if (strncmp(*env, "HTTP_", 5) == 0)
			cap++;
	headers = arena_calloc(a, cap ? cap : 1, sizeof(*headers));
	for (env = r->envp; *env != NULL && n < cap; env++) {
		const char *eq = strchr(*env, '=');

		if (strncmp(*env, "HTTP_", 5) != 0 || eq == NULL)
			continue;
		headers[n].key = arena_strndup(a, *env, (size_t)(eq - *env));
		headers[n].val = eq + 1;
		headers[n].val_len = strlen(eq + 1);
		n++;
	}
	raw->headers = headers;
	raw->headers_count = n;

	len = content_length(FCGX_GetParam("CONTENT_LENGTH", r->envp));
	raw->content_length = len;
	if (http_is_multipart(raw->content_type)) {
		/* Left on the stream for the upload's handler. */
		st->r = r;
		st->left = len;
		st->reader.read = stream_read;
		st->reader.ctx = st;
		raw->reader = &st->reader;
	} else if (len > 0 && len <= HTTP_MAX_FORM_BYTES) {
		char *body = arena_alloc(a, (size_t)len + 1);
		int got = FCGX_GetStr(body, (int)len, r->in);

		if (got < 0)
			got = 0;
		body[got] = '\0';
		raw->body = body;
		raw->body_len = (size_t)got;
	}
}

/* Answers one accepted request. */
static void
answer(FCGX_Request *r, struct app *app, struct arena *a, struct buf *body,
       struct buf *head)
{
	struct raw_request raw;
	struct stream st;
	struct resp resp;
	const char *inm;

	collect(r, a, &raw, &st);
	resp_init(&resp, a, body);
	app_handle(app, &raw, a, &resp);
	inm = FCGX_GetParam("HTTP_IF_NONE_MATCH", r->envp);
	buf_reset(head);
	resp_serialise(&resp, inm, head);
	FCGX_PutStr(head->data, (int)head->len, r->out);
	if (!resp.omit_body && body->len > 0)
		FCGX_PutStr(body->data, (int)body->len, r->out);
}

/* Runs the accept loop; see fcgi.h. */
int
fcgi_worker_run(int listen_fd, struct app *app)
{
	FCGX_Request r;
	struct arena arena;
	struct buf body, head;
	sigset_t term, old;
	int rc = 0, failures = 0;

	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	arena_init(&arena);
	buf_init(&body);
	buf_init(&head);
	if (FCGX_InitRequest(&r, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		log_error("FCGX_InitRequest failed");
		return -1;
	}
	while (!stopping) {
		int got;

		/* Signals reach us only while we wait for a connection. */
		sigprocmask(SIG_UNBLOCK, &term, &old);
		got = stopping ? -1 : FCGX_Accept_r(&r);
		sigprocmask(SIG_BLOCK, &term, NULL);
		if (got < 0) {
			if (stopping)
				break;
			if (errno == EINTR)
				continue;
			if (++failures > 100) {
				log_error("accept keeps failing: %s",
				          strerror(errno));
				rc = -1;
				break;
			}
			continue;
		}
		failures = 0;
		answer(&r, app, &arena, &body, &head);
		FCGX_Finish_r(&r);
		arena_reset(&arena);
		/* Keep a worker's memory bounded after an unusual page. */
		if (body.cap > 4 * 1024 * 1024)
			buf_free(&body);
	}
	FCGX_Free(&r, 1);
	arena_free(&arena);
	buf_free(&body);
	buf_free(&head);
	return rc;
}
