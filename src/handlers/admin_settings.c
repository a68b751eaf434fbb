/*
 * admin_settings.c: the site's settings: the default edition's name and
 * tagline, the base URL (every absolute URL comes from it, never from the
 * request), the time zone, articles per page, the footer text, the social
 * links, the roles that must use two-factor login, for the contact form's
 * messages the moderators' address (for notices), how long messages are
 * kept and how many an address may send a minute, and for comments after
 * how many days they close and how many an address may send a minute, and
 * for the feeds how many articles they carry and whether whole articles
 * or excerpts (feed.c).
 * Saved in one transaction and audited; every worker sees the change at its
 * next request (the commit moves PRAGMA data_version).  The site's secret is a
 * setting too but never shown here.
 * The upload limit (upload_max_mb) can be raised to nginx's ceiling for
 * /admin/media/ (HTTP_MAX_UPLOAD_BYTES, 64 MiB), never past it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../db/auth_db.h"
#include "../db/media_db.h"
#include "../db/user_db.h"
#include "../util/text.h"
#include "handlers.h"

/* The settings this page edits, beside the edition's names. */
static const char *const keys[] = {
    "base_url",
    "timezone",
    "posts_per_page",
    "footer_text",
    "two_factor_roles",
    "social_facebook",
    "social_twitter",
    "social_instagram",
    "social_youtube",
    "moderators_email",
    "messages_retention_days",
    "contact_rate_per_minute",
    "upload_max_mb",
    "comments_close_after_days",
    "comments_rate_per_minute",
    "feed_items",
    "feed_full_content",
    "logo",
};
#define KEYS_COUNT (sizeof(keys) / sizeof(keys[0]))
#define KEY_TWO_FACTOR 4  /* made from a checkbox per role */
#define KEY_MESSAGES 9    /* the first of the readers' forms' settings */
#define KEY_UPLOAD_MAX 12 /* MiB, at most nginx's 64m for /admin/media/ */
#define KEY_FEED_FULL 16  /* a checkbox: "1" or "0" */
#define KEY_LOGO 17       /* "" or an image of the library: logo_ok */

/* http(s)://host[:port], an optional trailing slash, nothing more. */
static bool
base_url_ok(const char *s)
{
	const char *host;

	if (strncmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		host = s + 7;
	else
		return false;
	if (*host == '\0' || strlen(s) > 200 || !frame_url_plain(s))
		return false;
	for (; *host && *host != '/'; host++)
		if (!((*host >= 'a' && *host <= 'z') ||
		      (*host >= 'A' && *host <= 'Z') ||
		      (*host >= '0' && *host <= '9') || strchr(".-:[]", *host)))
			return false;
	return *host == '\0' || strcmp(host, "/") == 0;
}

/* Whether v is a whole number from min to max, digits only. */
static bool
number_ok(const char *v, long min, long max)
{
	char *end;
	long n;

	if (v[0] < '0' || v[0] > '9')
		return false;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= min && n <= max;
}

/* Whether v is valid for keys[i]. */
static bool
value_ok(size_t i, const char *v)
{
	char path[128];

	if (strcmp(keys[i], "moderators_email") == 0)
		return v[0] == '\0' || text_email_valid(v);
	if (strcmp(keys[i], "messages_retention_days") == 0)
		return number_ok(v, 1, 36500);
	if (strcmp(keys[i], "contact_rate_per_minute") == 0 ||
	    strcmp(keys[i], "comments_rate_per_minute") == 0)
		return number_ok(v, 1, 1000);
	if (strcmp(keys[i], "comments_close_after_days") == 0)
		return number_ok(v, 0, 36500);
	if (strcmp(keys[i], "feed_items") == 0)
		return number_ok(v, 1, 100);
	if (i == KEY_FEED_FULL)
		return strcmp(v, "0") == 0 || strcmp(v, "1") == 0;
	if (i == KEY_LOGO)
		return true; /* logo_ok, which reads the library */
	switch (i) {
	case 0:
		return base_url_ok(v);
	case 1:
		if (!app_timezone_valid(v))
			return false;
		if (strcmp(v, "UTC") == 0)
			return true;
		snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", v);
		return access(path, R_OK) == 0;
	case 2:
		return number_ok(v, 1, 50);
	case 3:
		return strlen(v) <= 500;
	case KEY_TWO_FACTOR:
		return true; /* two_factor_value() writes only role names */
	case KEY_UPLOAD_MAX:
		return number_ok(v, 1, HTTP_MAX_UPLOAD_BYTES / (1024 * 1024));
	default:
		return v[0] == '\0' || (strncmp(v, "https://", 8) == 0 &&
		                        strlen(v) <= 300 && frame_url_plain(v));
	}
}

/* Whether v may be the logo: empty, or the address of an image of the
 * media library. */
static bool
logo_ok(struct app *app, struct req *req, const char *v)
{
	struct media_item item;

	if (v[0] == '\0')
		return true;
	return strncmp(v, "/uploads/", 9) == 0 && strlen(v) <= 300 &&
	       media_db_get_by_path(app->db, req->arena, v + 9, &item) == 0 &&
	       strcmp(item.kind, "image") == 0 && item.width > 0;
}

/* The two_factor_roles value the checkboxes two_factor_ROLE give:
 * "admin,editor", or "" for none. */
static const char *
two_factor_value(struct req *req)
{
	const char *out = "";

	for (size_t i = 0; i < USER_ROLES_COUNT; i++) {
		const char *field = arena_concat(req->arena, "two_factor_",
		                                 user_roles[i], NULL);

		if (req_form(req, field) != NULL)
			out = arena_concat(req->arena, out, out[0] ? "," : "",
			                   user_roles[i], NULL);
	}
	return out;
}

/* Adds the checkboxes of two_factor_roles (the comma list) to ctx. */
static void
two_factor_boxes(struct req *req, struct tval *ctx, const char *list)
{
	struct tval *boxes = tv_list(req->arena);

	for (size_t i = 0; i < USER_ROLES_COUNT; i++) {
		struct tval *m = tv_map(req->arena);

		tv_set_str(req->arena, m, "role", user_roles[i]);
		tv_set_bool(req->arena, m, "checked",
		            user_role_listed(list, user_roles[i]));
		tv_push(req->arena, boxes, m);
	}
	tv_set(req->arena, ctx, "two_factor_boxes", boxes);
}

/* Renders the form with the given values (NULL: the saved ones). */
static int
settings_page(struct app *app, struct req *req, struct resp *resp, int status,
              const char *const *values, const char *name, const char *tagline,
              const char *message_key)
{
	struct arena *a = req->arena;
	const struct edition *e = site_edition_by_prefix(&app->site, "", 0);
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "settings"));
	size_t i;

	if (ctx == NULL || e == NULL)
		return 500;
	for (i = 0; i < KEYS_COUNT; i++)
		tv_set_str(a, ctx, keys[i],
		           values ? values[i]
		                  : site_setting(&app->site, keys[i], ""));
	tv_set_bool(
	    a, ctx, "feed_full_checked",
	    strcmp(values ? values[KEY_FEED_FULL]
	                  : site_setting(&app->site, keys[KEY_FEED_FULL], "0"),
	           "1") == 0);
	two_factor_boxes(
	    req, ctx,
	    values ? values[KEY_TWO_FACTOR]
	           : site_setting(&app->site, "two_factor_roles", ""));
	tv_set_str(a, ctx, "site_name", name ? name : e->site_name);
	tv_set_str(a, ctx, "tagline", tagline ? tagline : e->tagline);
	if (message_key != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message_key));
	if (admin_saved_notice(req) != NULL)
		tv_set_str(a, ctx, "notice", admin_saved_notice(req));
	return app_render(app, resp, status, "admin/settings", ctx);
}

/*
 * GET /admin/settings: the settings form.  Statuses: 200, 500.  Role:
 * admin.
 */
int
admin_settings(struct app *app, struct req *req, struct resp *resp)
{
	return settings_page(app, req, resp, 200, NULL, NULL, NULL, NULL);
}

/*
 * POST /admin/settings: saves them all, or nothing when one is invalid.
 * Fields: site_name, tagline, each key above but two_factor_roles,
 * two_factor_ROLE (a checkbox per role), feed_full_content (a checkbox:
 * absent is off), logo (an image of the library by its address, or
 * empty), csrf.  Statuses: 303,
 * 400 (the form again with the values given), 500.  Role: admin.
 */
int
admin_settings_save(struct app *app, struct req *req, struct resp *resp)
{
	const char *values[KEYS_COUNT];
	const char *name = req_form(req, "site_name");
	const char *tagline = req_form(req, "tagline");
	const struct edition *e = site_edition_by_prefix(&app->site, "", 0);
	bool ok = e != NULL && name != NULL && name[0] != '\0' &&
	          strlen(name) <= 100 &&
	          (tagline == NULL || strlen(tagline) <= 200);
	size_t i;

	for (i = 0; i < KEYS_COUNT; i++) {
		values[i] = i == KEY_TWO_FACTOR ? two_factor_value(req)
		            : i == KEY_FEED_FULL
		                ? (req_form(req, keys[i]) != NULL ? "1" : "0")
		                : req_form(req, keys[i]);
		/* A form from before the limit was a setting keeps it. */
		if (values[i] == NULL && i == KEY_UPLOAD_MAX)
			values[i] = site_setting(&app->site, keys[i], "20");
		/* The readers' forms' settings came later: a form without
		 * them (opened before an upgrade) keeps their values. */
		if (values[i] == NULL && i >= KEY_MESSAGES)
			values[i] = site_setting(&app->site, keys[i], "");
		if (values[i] == NULL)
			values[i] = "";
		if (!value_ok(i, values[i]))
			ok = false;
	}
	if (ok && !logo_ok(app, req, values[KEY_LOGO]))
		return settings_page(app, req, resp, 400, values, name, tagline,
		                     "error_logo");
	if (!ok)
		return settings_page(app, req, resp, 400, values, name, tagline,
		                     "error_settings");
	if (site_db_save(app->db, keys, values, KEYS_COUNT, e->id, name,
	                 tagline ? tagline : "") < 0)
		return 500;
	audit_db_add(app->db, (long long)time(NULL), req->user->id,
	             req->user->name, "settings changed", "", req->remote_addr);
	return resp_redirect(resp, 303, "/admin/settings?saved=1") < 0 ? 500
	                                                               : 303;
}
