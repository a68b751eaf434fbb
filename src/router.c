/*
 * router.c: the route table (every URL of the program is one line here)
 * and dispatch: edition prefix, canonical paths, typed parameters, method
 * checks, then the handler.  Only this file knows the handlers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "handlers/handlers.h"
#include "router.h"
#include "util/log.h"
#include "util/slug.h"

#define PUBLIC (R_PUBLIC | R_EDITION)
#define WRITERS (R_ROLE_ADMIN | R_ROLE_EDITOR | R_ROLE_AUTHOR)
#define EDITORS (R_ROLE_ADMIN | R_ROLE_EDITOR)
/* Who reviews readers' messages and comments. */
#define MODERATORS (R_ROLE_ADMIN | R_ROLE_EDITOR | R_ROLE_MODERATOR)
/* What an account that must still set up two-factor login may reach. */
#define SETUP (R_STAFF | R_TWO_FACTOR_SETUP)

const struct route router_table[] = {
    {HTTP_GET, "/", home_show, PUBLIC},
    {HTTP_GET, "/page/{n}", home_show, PUBLIC},
    {HTTP_GET, "/articles/{slug}", article_show, PUBLIC},
    {HTTP_POST, "/articles/{slug}/comments", comment_submit,
     R_EDITION | R_FORM_TOKEN | R_FORM_LATE},
    {HTTP_GET, "/category/{slug}", category_show, PUBLIC},
    {HTTP_GET, "/category/{slug}/page/{n}", category_show, PUBLIC},
    {HTTP_GET, "/tag/{slug}", tag_show, PUBLIC},
    {HTTP_GET, "/tag/{slug}/page/{n}", tag_show, PUBLIC},
    {HTTP_GET, "/author/{slug}", author_show, PUBLIC},
    {HTTP_GET, "/author/{slug}/page/{n}", author_show, PUBLIC},
    {HTTP_GET, "/media/cartoons", media_section_show, PUBLIC},
    {HTTP_GET, "/media/cartoons/page/{n}", media_section_show, PUBLIC},
    {HTTP_GET, "/media/cartoons/{slug}", media_post_show, PUBLIC},
    {HTTP_GET, "/media/newspics", media_section_show, PUBLIC},
    {HTTP_GET, "/media/newspics/page/{n}", media_section_show, PUBLIC},
    {HTTP_GET, "/media/newspics/{slug}", media_post_show, PUBLIC},
    {HTTP_GET, "/media/photos", media_section_show, PUBLIC},
    {HTTP_GET, "/media/photos/page/{n}", media_section_show, PUBLIC},
    {HTTP_GET, "/media/photos/{slug}", media_post_show, PUBLIC},
    {HTTP_GET, "/media/photos/{slug}/{n}", album_photo_show, PUBLIC},
    {HTTP_GET, "/media/videos", media_section_show, PUBLIC},
    {HTTP_GET, "/media/videos/page/{n}", media_section_show, PUBLIC},
    {HTTP_GET, "/media/videos/{slug}", media_post_show, PUBLIC},
    {HTTP_GET, "/publications/books", publication_list_show, PUBLIC},
    {HTTP_GET, "/publications/books/page/{n}", publication_list_show, PUBLIC},
    {HTTP_GET, "/publications/books/{slug}", publication_book_show, PUBLIC},
    {HTTP_GET, "/publications/newsletter", publication_list_show, PUBLIC},
    {HTTP_GET, "/publications/newsletter/page/{n}", publication_list_show,
     PUBLIC},
    {HTTP_GET, "/publications/newsletter/{n}", publication_issue_show, PUBLIC},
    {HTTP_GET, "/publications/pars-brief", publication_list_show, PUBLIC},
    {HTTP_GET, "/publications/pars-brief/page/{n}", publication_list_show,
     PUBLIC},
    {HTTP_GET, "/publications/pars-brief/{n}", publication_issue_show, PUBLIC},
    {HTTP_GET, "/search", search_show, PUBLIC},
    {HTTP_GET, "/_partials/recent-posts", recent_posts_show, PUBLIC},
    /* Feeds, sitemaps and robots.txt (feed.c, sitemap.c). */
    {HTTP_GET, "/feed.atom", feed_show, PUBLIC},
    {HTTP_GET, "/feed.rss", feed_show, PUBLIC},
    {HTTP_GET, "/category/{slug}/feed.atom", feed_show, PUBLIC},
    {HTTP_GET, "/category/{slug}/feed.rss", feed_show, PUBLIC},
    {HTTP_GET, "/tag/{slug}/feed.atom", feed_show, PUBLIC},
    {HTTP_GET, "/tag/{slug}/feed.rss", feed_show, PUBLIC},
    {HTTP_GET, "/author/{slug}/feed.atom", feed_show, PUBLIC},
    {HTTP_GET, "/author/{slug}/feed.rss", feed_show, PUBLIC},
    {HTTP_GET, "/sitemap.xml", sitemap_index_show, R_PUBLIC},
    {HTTP_GET, "/sitemap-articles-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/sitemap-pages-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/sitemap-categories-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/sitemap-tags-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/sitemap-media-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/sitemap-publications-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/sitemap-authors-{n}.xml", sitemap_show, PUBLIC},
    {HTTP_GET, "/robots.txt", robots_show, R_PUBLIC},
    {HTTP_GET, "/admin", admin_dashboard, R_STAFF},
    {HTTP_GET, "/admin/login", admin_login_form, 0},
    {HTTP_POST, "/admin/login", admin_login_submit, R_FORM_TOKEN},
    {HTTP_GET, "/admin/lost-password", admin_lost_password_form, 0},
    {HTTP_POST, "/admin/lost-password", admin_lost_password_submit,
     R_FORM_TOKEN},
    {HTTP_GET, "/admin/reset", admin_reset_form, 0},
    {HTTP_POST, "/admin/reset", admin_reset_submit, R_FORM_TOKEN},
    {HTTP_POST, "/admin/logout", admin_logout, SETUP | R_CSRF},
    {HTTP_GET, "/admin/articles", admin_articles_list, WRITERS},
    {HTTP_GET, "/admin/articles/new", admin_article_new, WRITERS},
    {HTTP_POST, "/admin/articles/new", admin_article_create, WRITERS | R_CSRF},
    {HTTP_GET, "/admin/articles/{id}", admin_article_edit, WRITERS},
    {HTTP_POST, "/admin/articles/{id}", admin_article_save, WRITERS | R_CSRF},
    {HTTP_GET, "/admin/pages", admin_pages_list, EDITORS},
    {HTTP_GET, "/admin/pages/new", admin_page_new, EDITORS},
    {HTTP_POST, "/admin/pages/new", admin_page_create, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/pages/{id}", admin_page_edit, EDITORS},
    {HTTP_POST, "/admin/pages/{id}", admin_page_save, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/pages/{id}/revisions", admin_page_revisions_list,
     EDITORS},
    {HTTP_GET, "/admin/pages/{id}/revisions/{rev}", admin_page_revision_show,
     EDITORS},
    {HTTP_POST, "/admin/pages/{id}/revisions/{rev}",
     admin_page_revision_restore, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/media-posts", admin_media_posts_list, WRITERS},
    {HTTP_GET, "/admin/media-posts/new", admin_media_post_new, WRITERS},
    {HTTP_POST, "/admin/media-posts/new", admin_media_post_create,
     WRITERS | R_CSRF},
    {HTTP_GET, "/admin/media-posts/{id}", admin_media_post_edit, WRITERS},
    {HTTP_POST, "/admin/media-posts/{id}", admin_media_post_save,
     WRITERS | R_CSRF},
    {HTTP_GET, "/admin/publications", admin_publications_list, WRITERS},
    {HTTP_GET, "/admin/publications/new", admin_publication_new, WRITERS},
    {HTTP_POST, "/admin/publications/new", admin_publication_create,
     WRITERS | R_CSRF},
    {HTTP_GET, "/admin/publications/{id}", admin_publication_edit, WRITERS},
    {HTTP_POST, "/admin/publications/{id}", admin_publication_save,
     WRITERS | R_CSRF},
    {HTTP_GET, "/admin/menu", admin_menu, EDITORS},
    {HTTP_POST, "/admin/menu", admin_menu_save, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/categories", admin_categories, EDITORS},
    {HTTP_POST, "/admin/categories", admin_category_create, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/categories/{id}", admin_category_edit, EDITORS},
    {HTTP_POST, "/admin/categories/{id}", admin_category_save,
     EDITORS | R_CSRF},
    {HTTP_POST, "/admin/categories/{id}/delete", admin_category_delete,
     EDITORS | R_CSRF},
    {HTTP_GET, "/admin/tags", admin_tags, EDITORS},
    {HTTP_POST, "/admin/tags", admin_tag_create, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/tags/{id}", admin_tag_edit, EDITORS},
    {HTTP_POST, "/admin/tags/{id}", admin_tag_save, EDITORS | R_CSRF},
    {HTTP_POST, "/admin/tags/{id}/delete", admin_tag_delete, EDITORS | R_CSRF},
    {HTTP_GET, "/admin/articles/{id}/revisions", admin_revisions_list, WRITERS},
    {HTTP_GET, "/admin/articles/{id}/revisions/{rev}", admin_revision_show,
     WRITERS},
    {HTTP_POST, "/admin/articles/{id}/revisions/{rev}", admin_revision_restore,
     WRITERS | R_CSRF},
    {HTTP_GET, "/admin/media", admin_media_list, WRITERS},
    {HTTP_GET, "/admin/media/upload", admin_media_upload_form, WRITERS},
    {HTTP_POST, "/admin/media/upload", admin_media_upload,
     WRITERS | R_CSRF | R_UPLOAD},
    {HTTP_GET, "/admin/media/{id}", admin_media_item, WRITERS},
    {HTTP_POST, "/admin/media/{id}", admin_media_save, WRITERS | R_CSRF},
    {HTTP_POST, "/admin/media/{id}/delete", admin_media_delete,
     WRITERS | R_CSRF},
    {HTTP_GET, "/admin/users", admin_users, R_ROLE_ADMIN},
    {HTTP_POST, "/admin/users/new", admin_user_create, R_ROLE_ADMIN | R_CSRF},
    {HTTP_POST, "/admin/users/{id}", admin_user_update, R_ROLE_ADMIN | R_CSRF},
    {HTTP_GET, "/admin/account", admin_account, SETUP},
    {HTTP_POST, "/admin/account/password", admin_account_password,
     R_STAFF | R_CSRF},
    {HTTP_POST, "/admin/account/email", admin_account_email, R_STAFF | R_CSRF},
    {HTTP_POST, "/admin/account/language", admin_account_language,
     SETUP | R_CSRF},
    {HTTP_POST, "/admin/account/sessions", admin_account_end_session,
     R_STAFF | R_CSRF},
    {HTTP_POST, "/admin/account/two-factor/setup", admin_two_factor_setup,
     SETUP | R_CSRF},
    {HTTP_POST, "/admin/account/two-factor/enable", admin_two_factor_enable,
     SETUP | R_CSRF},
    {HTTP_POST, "/admin/account/two-factor/recovery", admin_two_factor_recovery,
     R_STAFF | R_CSRF},
    {HTTP_POST, "/admin/account/two-factor/disable", admin_two_factor_disable,
     R_STAFF | R_CSRF},
    {HTTP_GET, "/admin/audit", admin_audit, R_ROLE_ADMIN},
    {HTTP_GET, "/admin/settings", admin_settings, R_ROLE_ADMIN},
    {HTTP_POST, "/admin/settings", admin_settings_save, R_ROLE_ADMIN | R_CSRF},
    {HTTP_GET, "/admin/editions", admin_editions, R_ROLE_ADMIN},
    {HTTP_POST, "/admin/editions", admin_edition_create, R_ROLE_ADMIN | R_CSRF},
    {HTTP_GET, "/admin/editions/{id}", admin_edition_edit, R_ROLE_ADMIN},
    {HTTP_POST, "/admin/editions/{id}", admin_edition_save,
     R_ROLE_ADMIN | R_CSRF},
    {HTTP_GET, "/admin/editions/{id}/strings", admin_edition_strings,
     R_ROLE_ADMIN},
    {HTTP_POST, "/admin/editions/{id}/strings", admin_edition_strings_save,
     R_ROLE_ADMIN | R_CSRF},
    {HTTP_GET, "/admin/messages", admin_messages, MODERATORS},
    {HTTP_POST, "/admin/messages", admin_messages_bulk, MODERATORS | R_CSRF},
    {HTTP_GET, "/admin/messages/{id}", admin_message_show, MODERATORS},
    {HTTP_POST, "/admin/messages/{id}", admin_message_act, MODERATORS | R_CSRF},
    {HTTP_GET, "/admin/messages/{id}/export", admin_message_export, MODERATORS},
    {HTTP_GET, "/admin/comments", admin_comments, MODERATORS},
    {HTTP_POST, "/admin/comments", admin_comments_bulk, MODERATORS | R_CSRF},
    {HTTP_GET, "/admin/comments/{id}", admin_comment_show, MODERATORS},
    {HTTP_POST, "/admin/comments/{id}", admin_comment_act, MODERATORS | R_CSRF},
    /* Before /{slug}: the page called "contact" shows above the form. */
    {HTTP_GET, "/contact", contact_show, PUBLIC},
    {HTTP_POST, "/contact", contact_submit,
     R_EDITION | R_FORM_TOKEN | R_FORM_LATE},
    /* Date archives (article.c): before /{slug}, but a page whose slug
     * is the year is shown rather than the year's archive. */
    {HTTP_GET, "/{year}", date_archive_show, PUBLIC},
    {HTTP_GET, "/{year}/page/{n}", date_archive_show, PUBLIC},
    {HTTP_GET, "/{year}/{month}", date_archive_show, PUBLIC},
    {HTTP_GET, "/{year}/{month}/page/{n}", date_archive_show, PUBLIC},
    {HTTP_GET, "/{year}/{month}/{day}", date_archive_show, PUBLIC},
    {HTTP_GET, "/{year}/{month}/{day}/page/{n}", date_archive_show, PUBLIC},
    {HTTP_GET, "/{slug}", page_show, PUBLIC},
    {HTTP_POST, "/{slug}/comments", page_comment_submit,
     R_EDITION | R_FORM_TOKEN | R_FORM_LATE},
};
const size_t router_table_count =
    sizeof(router_table) / sizeof(router_table[0]);

/*
 * First path segments that DESIGN.md gives to features still to come (or
 * that old WordPress links use) and that no route of the table above
 * names yet.  router_segment_reserved() adds every fixed first segment of
 * the table itself, so a new route needs no line here.
 */
static const char *const reserved_later[] = {
    "feed",   "feed.atom",   "feed.rss", "robots.txt",
    "search", "sitemap.xml", "uploads",  "wp-content",
};

/*
 * Fixed first segments whose route shows the page of the same slug (the
 * contact form shows the organisation's details, the page "contact",
 * above it), so a page may, and should, take that slug in each edition.
 */
static const char *const page_backed[] = {"contact"};

/* Whether pattern's first segment is fixed and is seg[0..len). */
static bool
first_segment_is(const char *pattern, const char *seg, size_t len)
{
	const char *p = pattern + 1;
	size_t n = strcspn(p, "/");

	return pattern[0] == '/' && p[0] != '{' && n == len &&
	       memcmp(p, seg, len) == 0;
}

/* Tells whether a page may not have this slug; see router.h. */
bool
router_segment_reserved(const struct site *site, const char *seg)
{
	size_t len = strlen(seg), i;

	for (i = 0; i < sizeof(page_backed) / sizeof(page_backed[0]); i++)
		if (strcmp(page_backed[i], seg) == 0)
			return false;
	for (i = 0; i < router_table_count; i++)
		if (first_segment_is(router_table[i].pattern, seg, len))
			return true;
	for (i = 0; i < sizeof(reserved_later) / sizeof(reserved_later[0]); i++)
		if (strcmp(reserved_later[i], seg) == 0)
			return true;
	/* Every edition's prefix, enabled or not: enabling one must not hide
	 * a page. */
	for (i = 0; i < site->editions_count; i++)
		if (strcmp(site->editions[i].prefix, seg) == 0 ||
		    strcmp(site->editions[i].code, seg) == 0)
			return true;
	return false;
}

#define PAGE_MAX 1000000

/* Parses a page number: digits, no leading zero, 1..PAGE_MAX. */
static int
parse_page(const char *s, size_t len, long long *out)
{
	long long v = 0;
	size_t i;

	if (len == 0 || len > 7 || s[0] == '0')
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < 1 || v > PAGE_MAX)
		return -1;
	*out = v;
	return 0;
}

/* Parses an id: a positive 64-bit integer without leading zero. */
static int
parse_id(const char *s, size_t len, long long *out)
{
	char tmp[24], *end;
	long long v;

	if (len == 0 || len > 19 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	errno = 0;
	v = strtoll(tmp, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0)
		return -1;
	*out = v;
	return 0;
}

/*
 * Parses a date part: exactly digits digits, between min and max (a year
 * 1000-9999, a month 01-12, a day 01-31; whether the day is in its month
 * is the handler's business).
 */
static int
parse_date_part(const char *s, size_t len, size_t digits, int min, int max,
                int *out)
{
	int v = 0;

	if (len != digits)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Matches a pattern against a path; see router.h. */
int
router_match(const char *pattern, const char *path, struct req *req)
{
	const char *p = pattern, *s = path;
	long long num = 0, rev = 0;
	const char *slug = NULL;
	size_t slug_len = 0;
	int has_num = 0, date[3] = {0, 0, 0};

	while (*p != '\0') {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			const char *seg_end = strchr(s, '/');
			size_t name_len, seg_len;

			if (close == NULL)
				return -1;
			name_len = (size_t)(close - p - 1);
			seg_len = seg_end ? (size_t)(seg_end - s) : strlen(s);
			/* Fixed text after a parameter in its segment
			 * ("/sitemap-articles-{n}.xml") ends the value. */
			if (close[1] != '\0' && close[1] != '/') {
				size_t fix = strcspn(close + 1, "/");

				if (seg_len <= fix ||
				    memcmp(s + seg_len - fix, close + 1, fix) !=
				        0)
					return 0;
				seg_len -= fix;
			}
			if (name_len == 1 && p[1] == 'n') {
				if (has_num || parse_page(s, seg_len, &num) < 0)
					return has_num ? -1 : 0;
				has_num = 1;
			} else if (name_len == 2 &&
			           memcmp(p + 1, "id", 2) == 0) {
				if (has_num || parse_id(s, seg_len, &num) < 0)
					return has_num ? -1 : 0;
				has_num = 1;
			} else if (name_len == 3 &&
			           memcmp(p + 1, "rev", 3) == 0) {
				/* A second id, as in {id}/revisions/{rev}. */
				if (rev != 0 || parse_id(s, seg_len, &rev) < 0)
					return rev != 0 ? -1 : 0;
			} else if ((name_len == 4 &&
			            memcmp(p + 1, "year", 4) == 0) ||
			           (name_len == 5 &&
			            memcmp(p + 1, "month", 5) == 0) ||
			           (name_len == 3 &&
			            memcmp(p + 1, "day", 3) == 0)) {
				int k = p[1] == 'y' ? 0 : p[1] == 'm' ? 1 : 2;

				if (date[k] != 0)
					return -1;
				if (parse_date_part(s, seg_len, k ? 2 : 4,
				                    k ? 1 : 1000,
				                    k == 0   ? 9999
				                    : k == 1 ? 12
				                             : 31,
				                    &date[k]) < 0)
					return 0;
			} else if (name_len == 4 &&
			           memcmp(p + 1, "slug", 4) == 0) {
				if (slug != NULL)
					return -1;
				if (!slug_valid(s, seg_len))
					return 0;
				slug = s;
				slug_len = seg_len;
			} else {
				return -1;
			}
			p = close + 1;
			s += seg_len;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*s != '\0')
		return 0;
	if (req != NULL) {
		req->param_int_set = has_num;
		req->param_int = has_num ? num : 0;
		req->param_rev = rev;
		req->param_year = date[0];
		req->param_month = date[1];
		req->param_day = date[2];
		req->param_slug =
		    slug ? arena_strndup(req->arena, slug, slug_len) : NULL;
	}
	return 1;
}

/*
 * Answers a path with trailing slashes by redirecting to the path without
 * them, built from the raw URI so that its encoding is kept.  Paths with
 * empty segments ("//x/") get 404: never a redirect to "//host".
 */
static int
redirect_trailing_slash(struct req *req, struct resp *resp)
{
	const char *q = strchr(req->uri, '?');
	size_t end = q ? (size_t)(q - req->uri) : strlen(req->uri);
	size_t keep = end;
	char *loc;

	if (strstr(req->path, "//") != NULL)
		return 404;
	while (keep > 1 && req->uri[keep - 1] == '/')
		keep--;
	if (keep == end || keep == 0 || req->uri[0] != '/')
		return 404;
	loc =
	    arena_printf(req->arena, "%.*s%s", (int)keep, req->uri, q ? q : "");
	return resp_redirect(resp, 301, loc) < 0 ? 400 : 301;
}

static const char *
allow_header(unsigned methods)
{
	if (methods == (1u << HTTP_POST))
		return "POST";
	if (methods & (1u << HTTP_POST))
		return "GET, HEAD, POST";
	return "GET, HEAD";
}

/* Returns a copy of s in a with the ASCII capitals made small, or NULL
 * when s has none. */
static char *
small_letters(struct arena *a, const char *s)
{
	char *out;

	if (strpbrk(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == NULL)
		return NULL;
	out = arena_strdup(a, s);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

/*
 * Answers a GET or HEAD that nothing answered, whose path has capitals
 * ("/articles/Seven-Years"), with 301 to the path in small letters (the
 * query kept) when a public page's route matches that: slugs are always
 * small, and WordPress finds a post whatever the case.  rest is the path
 * without the edition's prefix.  Returns 301, 404 or 500.
 */
static int
lower_case(struct req *req, struct resp *resp, const char *rest)
{
	char *small_rest, *to;

	if ((req->method != HTTP_GET && req->method != HTTP_HEAD) ||
	    (small_rest = small_letters(req->arena, rest)) == NULL)
		return 404;
	for (size_t i = 0; i < router_table_count; i++) {
		const struct route *r = &router_table[i];

		if (r->method != HTTP_GET || !(r->flags & R_PUBLIC) ||
		    router_match(r->pattern, small_rest, NULL) != 1)
			continue;
		to = small_letters(req->arena, req->path);
		if (req->query_raw[0] != '\0')
			to = arena_concat(req->arena, to, "?", req->query_raw,
			                  NULL);
		return resp_redirect(resp, 301,
		                     redirect_ascii_location(req->arena, to)) <
		               0
		           ? 500
		           : 301;
	}
	return 404;
}

/* Routes a request; see router.h. */
int
router_dispatch(struct app *app, struct req *req, struct resp *resp)
{
	const char *path = req->path, *rest;
	const struct edition *def = site_edition_by_prefix(&app->site, "", 0);
	unsigned allowed = 0;
	size_t i;

	/* The edition prefix: "/ar" or "/ar/…" for an enabled edition. */
	req->edition = def;
	rest = path;
	if (path[0] == '/' && path[1] != '\0') {
		const char *slash = strchr(path + 1, '/');
		size_t len =
		    slash ? (size_t)(slash - path - 1) : strlen(path + 1);
		const struct edition *e =
		    len ? site_edition_by_prefix(&app->site, path + 1, len)
		        : NULL;

		if (e != NULL && e != def) {
			req->edition = e;
			if (slash == NULL) {
				char *loc =
				    arena_printf(req->arena, "/%s/", e->prefix);

				resp_redirect(resp, 301, loc);
				return 301;
			}
			rest = slash;
		}
	}
	if (req->edition == NULL)
		return 500;
	req->route_path = rest;

	/* Old WordPress addresses (an import's redirects) end in '/', or
	 * are "/?p=12": they are looked up before the site's own answer. */
	if (strlen(rest) > 1 && rest[strlen(rest) - 1] == '/') {
		int rc = redirect_old_link(app, req, resp);

		return rc != 404 ? rc : redirect_trailing_slash(req, resp);
	}
	if (strcmp(path, "/") == 0 && req->query_count > 0) {
		int rc = redirect_old_link(app, req, resp);

		if (rc != 404)
			return rc;
	}

	for (i = 0; i < router_table_count; i++) {
		const struct route *r = &router_table[i];

		if (req->edition != def && !(r->flags & R_EDITION))
			continue;
		if (router_match(r->pattern, rest, req) != 1)
			continue;
		if (r->method == req->method ||
		    (r->method == HTTP_GET && req->method == HTTP_HEAD)) {
			int rc;

			if (req->multipart && (r->flags & R_UPLOAD) == 0)
				return 415;
			rc = auth_guard(app, req, resp, r->flags, r->pattern);

			if (rc == AUTH_RESUME)
				return admin_login_resume(app, req, resp);
			if (rc != 0)
				return rc;
			resp->cacheable = (r->flags & R_PUBLIC) != 0;
			rc = r->handler(app, req, resp);
			/* An upload's handler must read its body through
			 * upload_receive, which checks the token; an
			 * R_FORM_LATE handler checks its signed token. */
			if ((req->csrf_pending || req->form_token_pending) &&
			    rc < 400) {
				log_error("%s answered without checking its "
				          "form's token",
				          r->pattern);
				return 500;
			}
			return rc;
		}
		allowed |= 1u << r->method;
	}
	if (allowed != 0 || req->method == HTTP_OTHER) {
		resp_header(resp, "Allow",
		            allow_header(allowed ? allowed : 1u << HTTP_GET));
		return 405;
	}
	{
		int rc = redirect_old_link(app, req, resp);

		return rc == 404 ? lower_case(req, resp, rest) : rc;
	}
}
