/*
 * upload.c: receiving an upload: the multipart body streamed to temporary
 * files, the CSRF token checked before any file is kept.  See upload.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../auth/session.h"
#include "../http/multipart.h"
#include "../util/log.h"
#include "upload.h"

#define READ_CHUNK (64 * 1024)

/* What the parser's callbacks share. */
struct receiving {
	struct app *app;
	struct req *req;
	struct mp_parser *parser;
	struct upload *up;
	const char *incoming; /* the folder of temporary files */
	int fd;               /* the file being written, or -1 */
	int status;           /* why a callback stopped the parser */
};

/* Checks the token among the fields that came so far; 0 or 403. */
static int
check_csrf(struct receiving *rc)
{
	const struct kv *fields;
	size_t n, i;

	if (!rc->req->csrf_pending)
		return 0;
	fields = mp_fields(rc->parser, &n);
	for (i = 0; i < n; i++)
		if (strcmp(fields[i].key, "csrf") == 0)
			return session_csrf_ok(rc->app, rc->req, fields[i].val)
			           ? 0
			           : 403;
	return 403;
}

/* Opens a new private temporary file for part; 0, or the status. */
static int
open_temporary(struct receiving *rc, const struct mp_part *part)
{
	struct upload_file *f;
	char *path;

	if (rc->up->count == UPLOAD_MAX_FILES)
		return 400;
	path = arena_printf(rc->req->arena, "%s/upload-XXXXXX", rc->incoming);
	if ((rc->fd = mkstemp(path)) < 0) {
		log_error("upload: cannot create a file in %s: %s",
		          rc->incoming, strerror(errno));
		return 500;
	}
	f = &rc->up->files[rc->up->count++];
	f->field = arena_strdup(rc->req->arena, part->name);
	f->filename = arena_strdup(rc->req->arena, part->filename);
	f->tmp_path = path;
	f->size = 0;
	return 0;
}

static int
on_begin(void *ctx, const struct mp_part *part)
{
	struct receiving *rc = ctx;

	/* A file input left empty sends a part with no name and no data. */
	if (part->filename == NULL || part->filename[0] == '\0')
		return 0;
	if ((rc->status = check_csrf(rc)) != 0 ||
	    (rc->status = open_temporary(rc, part)) != 0)
		return -1;
	return 0;
}

static int
on_data(void *ctx, const struct mp_part *part, const char *data, size_t len)
{
	struct receiving *rc = ctx;

	if (rc->fd < 0)
		return 0; /* the empty file input's part: nothing to keep */
	while (len > 0) {
		ssize_t n = write(rc->fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("upload: cannot write: %s", strerror(errno));
			rc->status = 500;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	rc->up->files[rc->up->count - 1].size = part->size;
	return 0;
}

static int
on_end(void *ctx, const struct mp_part *part)
{
	struct receiving *rc = ctx;

	(void)part;
	if (rc->fd >= 0 && close(rc->fd) != 0) {
		rc->fd = -1;
		log_error("upload: cannot write: %s", strerror(errno));
		rc->status = 500;
		return -1;
	}
	rc->fd = -1;
	return 0;
}

/* Makes the folder of temporary files; returns it, or NULL. */
static const char *
incoming_folder(struct app *app, struct arena *a)
{
	const char *dir;

	if (app->uploads_dir == NULL) {
		log_error(
		    "upload refused: serve was started without --uploads");
		return NULL;
	}
	dir = arena_concat(a, app->uploads_dir, "/" UPLOAD_INCOMING, NULL);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_error("upload: cannot make %s: %s", dir, strerror(errno));
		return NULL;
	}
	return dir;
}

/* Feeds the whole body to the parser; returns the status to answer. */
static int
stream_body(struct receiving *rc)
{
	char *chunk = arena_alloc(rc->req->arena, READ_CHUNK);
	enum mp_status st = MP_OK;
	long n;

	while (st == MP_OK &&
	       (n = req_body_read(rc->req, chunk, READ_CHUNK)) != 0) {
		if (n < 0)
			return 400; /* the client went away mid-body */
		st = mp_feed(rc->parser, chunk, (size_t)n);
	}
	if (st == MP_OK)
		st = mp_finish(rc->parser);
	if (st == MP_ERR_ABORTED)
		return rc->status;
	return st == MP_OK ? 0 : mp_status_http(st);
}

/* Receives an upload; see upload.h. */
int
upload_receive(struct app *app, struct req *req, uint64_t max_file_bytes,
               struct upload *up)
{
	static const struct mp_callbacks cb = {on_begin, on_data, on_end};
	struct receiving rc = {.app = app, .req = req, .up = up, .fd = -1};
	struct mp_limits lim;
	int status;

	memset(up, 0, sizeof(*up));
	if (!req->multipart)
		return 415;
	if ((rc.incoming = incoming_folder(app, req->arena)) == NULL)
		return 500;
	mp_limits_default(&lim);
	lim.max_file_bytes = max_file_bytes;
	if (mp_init(&rc.parser, req->arena, req->content_type, &lim, &cb,
	            &rc) != MP_OK)
		return 400;
	status = stream_body(&rc);
	if (rc.fd >= 0)
		close(rc.fd);
	/* A form without a file still carries its token. */
	if (status == 0)
		status = check_csrf(&rc);
	/* Once the token is known good, the fields that came are the
	 * handler's, even when a file then passed a limit: the form shown
	 * again keeps what was typed before the file. */
	if (!req->csrf_pending)
		req->form = (struct kv *)mp_fields(rc.parser, &req->form_count);
	if (status != 0) {
		upload_cleanup(up);
		return status;
	}
	return 0;
}

/* Removes the temporary files; see upload.h. */
void
upload_cleanup(struct upload *up)
{
	for (size_t i = 0; i < up->count; i++)
		if (up->files[i].tmp_path != NULL &&
		    unlink(up->files[i].tmp_path) != 0 && errno != ENOENT)
			log_error("upload: cannot remove %s: %s",
			          up->files[i].tmp_path, strerror(errno));
	up->count = 0;
}
