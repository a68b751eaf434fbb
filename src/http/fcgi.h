/*
 * fcgi.h: the FastCGI side of a worker.  http/fcgi.c is the only file that
 * sees libfcgi's types; the rest of the program sees a listening socket
 * and a loop that feeds app_handle().
 */
#ifndef GAZETTE_FCGI_H
#define GAZETTE_FCGI_H

#include "../app.h"

/*
 * Creates the unix socket at path (replacing a stale socket, refusing to
 * replace anything else), mode 0660, backlog 1024.  Returns the listening
 * descriptor, or -1 after logging why.
 */
int fcgi_listen(const char *path);

/*
 * Accepts and answers requests on listen_fd until fcgi_stop() is called.
 * SIGTERM and SIGINT must be blocked on entry: they are let through only
 * while waiting for a connection, so a request in progress always
 * finishes.  Returns 0 on a requested stop, -1 when accepting fails.
 */
int fcgi_worker_run(int listen_fd, struct app *app);

/* Asks the accept loop to stop; safe to call from a signal handler. */
void fcgi_stop(void);

#endif
