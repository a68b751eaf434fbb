/*
 * upload.h: receiving an upload.  A route flagged R_UPLOAD gets its
 * multipart body unparsed; its handler calls upload_receive, which streams
 * the body through http/multipart.c, checks the session's CSRF token (a
 * field that must come before the first file) before keeping a byte of any
 * file, writes each file to a private temporary file in the uploads
 * folder's .incoming folder, and leaves the fields in req->form as an
 * urlencoded form would.  The handler then decides what the files are
 * (media/sniff.c), places them (media/image.c, media/store.c) and must
 * call upload_cleanup, which removes the temporary files.
 */
#ifndef GAZETTE_UPLOAD_H
#define GAZETTE_UPLOAD_H

#include <stdint.h>

#include "../app.h"

#define UPLOAD_MAX_FILES 20 /* files in one request */
#define UPLOAD_INCOMING ".incoming"

struct upload_file {
	const char *field;    /* the form field's name */
	const char *filename; /* the last segment of the name sent */
	char *tmp_path;       /* its bytes, until upload_cleanup */
	uint64_t size;
};

struct upload {
	struct upload_file files[UPLOAD_MAX_FILES];
	size_t count;
};

/*
 * Reads the request's multipart body, allowing files of at most
 * max_file_bytes (at most HTTP_MAX_UPLOAD_BYTES).  File inputs left empty
 * are skipped.  Returns 0 with up filled and req->form set, or the status
 * to answer with nothing kept: 400 (malformed body, too many files), 403
 * (the CSRF token missing, wrong, or after a file), 413 (a limit passed),
 * 415 (not multipart), 500 (no uploads folder, a write failed).  After a
 * failure, req->form holds the fields that came before it when the token
 * had been checked by then (a file over the limit), else nothing.
 */
int upload_receive(struct app *app, struct req *req, uint64_t max_file_bytes,
                   struct upload *up);

/* Removes the temporary files of up (any count, even after a failure). */
void upload_cleanup(struct upload *up);

#endif
