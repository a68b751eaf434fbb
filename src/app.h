/*
 * app.h: what a worker holds for its whole life (struct app) and the shape
 * of a handler.  Everything about one request lives in struct req and
 * struct resp, allocated from the request's arena.
 */
#ifndef GAZETTE_APP_H
#define GAZETTE_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"
#include "db/site_db.h"
#include "http/request.h"
#include "http/response.h"
#include "render/template.h"

struct app {
	struct db *db;
	const struct template_set *templates; /* borrowed */
	struct site site;
	struct frame_cache *frames; /* per edition, in site.arena */
	int64_t data_version;       /* of the loaded site */
	bool stale; /* this worker wrote: its own commits leave data_version */
	unsigned char secret[32]; /* key of form and CSRF tokens */
	uint64_t requests;        /* served by this process, for request ids */
	/* The time two-factor login, signed form tokens and the contact
	 * form run on (app_now): 0 in production; integration tests set it
	 * to step TOTP codes and age form tokens without waiting. */
	long long test_now;
	/* serve's --uploads folder (uploads are refused when NULL); files
	 * arrive in its .incoming folder (upload.c). */
	const char *uploads_dir;
	/* serve ran with --sendmail: a new message is marked for the timer
	 * process to notify the moderators of, and a password reset request
	 * is filed for it to mail (timer.c); without, neither is. */
	bool notify_messages;
	/* The caller holds one read transaction across many requests
	 * (export-static's snapshot): app_handle neither begins, ends nor
	 * rolls back a transaction of its own. */
	bool held_read;
	/* The pages become files (export-static): no nginx SSI includes,
	 * whatever the ssi setting says. */
	bool static_copy;
};

/*
 * A handler answers one route.  It returns the HTTP status: 2xx or 3xx
 * when it filled resp itself, or 4xx/5xx to have the caller render the
 * site's error page (after rolling back any open transaction).
 */
typedef int (*handler_fn)(struct app *app, struct req *req, struct resp *resp);

/*
 * Opens the database at db_path and loads the site; templates is a parsed
 * set that the caller owns and keeps for the app's life (serve parses it
 * once, before forking the workers).  Returns 0, or -1 after logging why
 * (the app is then closed).
 */
int app_open(struct app *app, const char *db_path,
             const struct template_set *templates);

/* Releases everything app holds. */
void app_close(struct app *app);

/*
 * Answers one request: parses raw, routes it, runs the handler, renders
 * error pages, and leaves the complete response in resp (whose body buffer
 * the caller owns).  Never fails: a problem becomes a 4xx or 500 page.
 */
void app_handle(struct app *app, const struct raw_request *raw,
                struct arena *arena, struct resp *resp);

/* Returns the time for two-factor checks, form tokens and the contact
 * form: test_now when a test set it, else time(NULL). */
long long app_now(const struct app *app);

/* Returns whether tz is a usable time zone name ("UTC", "Asia/Tehran"):
 * plain characters, no "..", at most 64 bytes. */
bool app_timezone_valid(const char *tz);

/*
 * Renders template name with ctx into resp's body with the given status.
 * Returns status, or 500 when rendering fails (logged).
 */
int app_render(struct app *app, struct resp *resp, int status, const char *name,
               const struct tval *ctx);

#endif
