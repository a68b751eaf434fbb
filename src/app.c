/*
 * app.c: a worker's state and the request pipeline: parse, route, handle,
 * and render the site's own error pages.  http/fcgi.c calls app_handle()
 * for every request; the integration tests call it directly.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "db/auth_db.h"
#include "router.h"
#include "handlers/handlers.h"
#include "util/log.h"

/* Returns the two-factor clock; see app.h. */
long long
app_now(const struct app *app)
{
	return app->test_now > 0 ? app->test_now : (long long)time(NULL);
}

/* Checks a time zone name; see app.h.  Names become TZ: refuse anything
 * that could name a file outside the zone database. */
bool
app_timezone_valid(const char *tz)
{
	if (tz[0] == '\0' || tz[0] == '/' || strstr(tz, "..") != NULL ||
	    strlen(tz) > 64)
		return false;
	for (const char *p = tz; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("_+-/", *p)))
			return false;
	return true;
}

/*
 * Loads (or reloads) the site and applies its time zone.  The database's
 * version is read first: a commit by another connection while the site
 * loads (the site not yet read, or read in part) then moves it, and the
 * next request loads again.  Read afterwards, that commit would be taken
 * as seen, and the worker would keep what it changed unseen until the
 * next one.
 */
static int
app_load_site(struct app *app)
{
	int64_t version = db_data_version(app->db);
	const char *tz;

	if (site_db_load(app->db, &app->site) < 0)
		return -1;
	app->frames = NULL; /* they lived in the old site's arena */
	if (site_edition_by_prefix(&app->site, "", 0) == NULL) {
		log_error("no enabled edition with an empty prefix");
		return -1;
	}
	tz = site_setting(&app->site, "timezone", "UTC");
	if (!app_timezone_valid(tz)) {
		log_warn("ignoring invalid time zone setting");
		tz = "UTC";
	}
	setenv("TZ", tz, 1);
	tzset();
	/* Dates in the cached frame need the time zone set first. */
	if (frame_load(app) < 0)
		return -1;
	app->data_version = version;
	return 0;
}

/* Opens a worker's state; see app.h. */
int
app_open(struct app *app, const char *db_path,
         const struct template_set *templates)
{
	memset(app, 0, sizeof(*app));
	app->templates = templates;
	if (db_open(db_path, &app->db) < 0 || app_load_site(app) < 0 ||
	    auth_db_secret(app->db, app->secret) < 0) {
		app_close(app);
		return -1;
	}
	return 0;
}

/* Releases a worker's state; see app.h. */
void
app_close(struct app *app)
{
	db_close(app->db);
	site_free(&app->site);
	memset(app, 0, sizeof(*app));
}

/* Renders a template into the response; see app.h. */
int
app_render(struct app *app, struct resp *resp, int status, const char *name,
           const struct tval *ctx)
{
	struct buf err;

	buf_init(&err);
	buf_reset(resp->body);
	if (template_render(app->templates, name, ctx, resp->body, &err) < 0) {
		log_error("render %s: %s", name, err.data ? err.data : "?");
		buf_free(&err);
		buf_reset(resp->body);
		return 500;
	}
	buf_free(&err);
	resp->status = status;
	return status;
}

/* The interface strings that title and explain each error page. */
static void
error_strings(int status, const char **title, const char **text)
{
	switch (status) {
	case 404:
		*title = "not_found_title";
		*text = "not_found_text";
		break;
	case 403:
		*title = "forbidden_title";
		*text = "forbidden_text";
		break;
	case 405:
		*title = "method_title";
		*text = "method_text";
		break;
	case 429:
		*title = "too_many_title";
		*text = "too_many_text";
		break;
	case 500:
	case 503:
		*title = "error_title";
		*text = "error_text";
		break;
	default:
		*title = "bad_request_title";
		*text = "bad_request_text";
		break;
	}
}

/*
 * Renders the site's page for an error status.  When even that fails (the
 * database is gone), answers with a minimal page of fixed text.
 */
static void
app_error_page(struct app *app, struct req *req, struct resp *resp, int status)
{
	const char *title_key, *text_key, *title;
	struct tval *ctx;

	resp->status = status;
	resp->cacheable = false;
	resp->content_type = NULL;
	buf_reset(resp->body);
	if (req->edition == NULL)
		req->edition = site_edition_by_prefix(&app->site, "", 0);
	error_strings(status, &title_key, &text_key);
	if (req->edition != NULL) {
		title = edition_string(req->edition, title_key);
		ctx = frame_context(app, req, resp, title);
		if (ctx != NULL) {
			tv_set_int(req->arena, ctx, "status", status);
			tv_set_str(req->arena, ctx, "heading", title);
			tv_set_str(req->arena, ctx, "message",
			           edition_string(req->edition, text_key));
			if (app_render(app, resp, status, "error", ctx) ==
			    status)
				return;
		}
	}
	buf_reset(resp->body);
	buf_printf(resp->body,
	           "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	           "charset=\"utf-8\"><title>%d %s</title></head><body><h1>"
	           "%d %s</h1></body></html>\n",
	           status, http_status_text(status), status,
	           http_status_text(status));
}

/* Answers one request; see app.h. */
void
app_handle(struct app *app, const struct raw_request *raw, struct arena *arena,
           struct resp *resp)
{
	struct req req;
	int status;
	int64_t version;
	bool reading;

	memset(&req, 0, sizeof(req));
	req.arena = arena;
	req.id = ++app->requests;
	log_set_request(req.id);

	/* A public GET or HEAD only reads: its queries share one snapshot.
	 * (The admin area records activity on sessions, so it writes.) */
	reading = raw->method != NULL &&
	          (strcmp(raw->method, "GET") == 0 ||
	           strcmp(raw->method, "HEAD") == 0) &&
	          raw->request_uri != NULL &&
	          strncmp(raw->request_uri, "/admin", 6) != 0 &&
	          !app->held_read;
	if (reading && db_read_begin(app->db) < 0)
		reading = false;
	/* Another connection committed (data_version moved), or this one did
	 * (its own commits do not move it): reload what the worker keeps. */
	version = db_data_version(app->db);
	if (version != app->data_version || app->stale) {
		if (app_load_site(app) < 0)
			log_error("could not reload the site settings");
		else
			app->stale = false;
	}

	status = req_parse(&req, arena, raw);
	if (status == 0)
		status = router_dispatch(app, &req, resp);
	/* A 4xx that a handler rendered itself (a form shown again with its
	 * message) keeps its page; anything else gets the error page. */
	if (status >= 500 || (status >= 400 && resp->body->len == 0)) {
		if (!app->held_read)
			db_rollback(app->db);
		if (status >= 500)
			log_error("%s %s: %d", raw->method ? raw->method : "?",
			          req.path ? req.path : "(unparsed)", status);
		app_error_page(app, &req, resp, status);
	} else {
		resp->status = status;
	}
	if (reading)
		db_read_end(app->db);
	if (req.method == HTTP_POST)
		app->stale = true;
	if (raw->method != NULL && strcmp(raw->method, "HEAD") == 0)
		resp->omit_body = true;
	log_set_request(0);
}
