/*
 * frame.c: the parts every public page shares: the template context for
 * the header, menu, sidebar and footer, dates as each edition writes them,
 * and the map that describes an article in a listing.
 *
 * What does not depend on the request (interface strings, menu, Recent
 * Posts, social links, the footer's first year) is built once per edition
 * when the site is loaded, in the site's arena, and shared read-only by
 * every request until the next reload (see app.c).  A request's context
 * points at those values; it never changes them.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../db/content_db.h"
#include "../render/html.h"
#include "../util/log.h"
#include "handlers.h"

#define RECENT_POSTS 5

/* The parts of an edition's frame built when the site loads. */
struct frame_cache {
	struct tval *t;
	struct tval *menu;
	struct tval *recent;
	struct tval *social;
	long long changed_at;
	int first_year;
};

static const char *const social_keys[][2] = {
    {"social_facebook", "Facebook"},
    {"social_twitter", "X (Twitter)"},
    {"social_instagram", "Instagram"},
    {"social_youtube", "YouTube"},
};

static const char *
edition_prefix(struct arena *a, const struct edition *e)
{
	return e->prefix[0] == '\0' ? "" : arena_printf(a, "/%s", e->prefix);
}

/* Returns the edition's URL prefix; see handlers.h. */
const char *
frame_prefix(const struct req *req)
{
	return edition_prefix(req->arena, req->edition);
}

/* Writes the decimal digits of s in the edition's digit set. */
static const char *
localise_digits(struct arena *a, const char *digits, const char *s)
{
	const char *zero;
	struct buf b;
	char *out;

	if (strcmp(digits, "arab") == 0)
		zero = "\xd9\xa0"; /* U+0660 */
	else if (strcmp(digits, "arabext") == 0)
		zero = "\xdb\xb0"; /* U+06F0 */
	else
		return s;
	buf_init(&b);
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			char d[2] = {zero[0], (char)(zero[1] + (*s - '0'))};

			buf_append(&b, d, 2);
		} else {
			buf_putc(&b, *s);
		}
	}
	out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

static const char *
format_date(struct arena *a, const struct edition *e, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char key[24];
	const char *month, *s;

	if (localtime_r(&tt, &tm) == NULL)
		return "";
	snprintf(key, sizeof(key), "month_%d", tm.tm_mon + 1);
	month = edition_string(e, key);
	if (strcmp(e->date_style, "dmy") == 0)
		s = arena_printf(a, "%d %s %d", tm.tm_mday, month,
		                 tm.tm_year + 1900);
	else if (strcmp(e->date_style, "ymd") == 0)
		s = arena_printf(a, "%d %s %d", tm.tm_year + 1900, month,
		                 tm.tm_mday);
	else
		s = arena_printf(a, "%s %d, %d", month, tm.tm_mday,
		                 tm.tm_year + 1900);
	return localise_digits(a, e->digits, s);
}

/* Formats a date; see handlers.h. */
const char *
frame_date(struct app *app, struct req *req, long long t)
{
	(void)app;
	return format_date(req->arena, req->edition, t);
}

/* The machine-readable date for <time datetime>, in UTC. */
static const char *
iso_date(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[32];

	if (gmtime_r(&tt, &tm) == NULL)
		return "";
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(a, s);
}

/* Returns s percent-encoded as a query value, in the arena. */
static const char *
url_encode(struct arena *a, const char *s)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	html_url_component(&b, s, strlen(s));
	out = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

/* The base URL without its trailing slash: absolute URLs never come from
 * the request's Host header. */
static const char *
base_url(const struct app *app)
{
	return site_setting(&app->site, "base_url", "");
}

/* Returns "N comments" in the edition's words and digits. */
static const char *
comments_label(struct arena *a, const struct edition *e, long long n)
{
	const char *word = edition_string(e, n == 1 ? "comment" : "comments");

	return localise_digits(a, e->digits,
	                       arena_printf(a, "%lld %s", n, word));
}

/* Describes a media item for a page: URL, size, alt text, caption. */
static struct tval *
image_tval(struct arena *a, const struct media_ref *m)
{
	struct tval *img = tv_map(a);

	tv_set_str(a, img, "url", arena_printf(a, "/uploads/%s", m->path));
	tv_set_int(a, img, "width", m->width);
	tv_set_int(a, img, "height", m->height);
	tv_set_str(a, img, "alt", m->alt);
	if (m->caption[0] != '\0')
		tv_set_str(a, img, "caption", m->caption);
	return img;
}

/*
 * Describes one article for the given edition: title, URL, excerpt, dates,
 * category, author, comment count, featured image and the encoded pieces
 * that share links need.  Allocates from a.
 */
static struct tval *
summary_tval(struct app *app, struct arena *a, const struct edition *e,
             const struct article_summary *s)
{
	struct tval *m = tv_map(a), *share = tv_map(a);
	const char *prefix = edition_prefix(a, e);
	const char *url = arena_printf(a, "%s/articles/%s", prefix, s->slug);

	tv_set_str(a, m, "title", s->title);
	tv_set_str(a, m, "url", url);
	tv_set_str(a, m, "excerpt", s->excerpt);
	tv_set_str(a, m, "date", format_date(a, e, s->published_at));
	tv_set_str(a, m, "datetime", iso_date(a, s->published_at));
	tv_set_str(a, m, "comments", comments_label(a, e, s->comment_count));
	if (s->category_slug[0] != '\0') {
		struct tval *c = tv_map(a);

		tv_set_str(a, c, "name", s->category_name);
		tv_set_str(a, c, "url",
		           arena_printf(a, "%s/category/%s", prefix,
		                        s->category_slug));
		tv_set(a, m, "category", c);
	}
	if (s->author_name[0] != '\0')
		tv_set_str(a, m, "author", s->author_name);
	if (s->image.path[0] != '\0') {
		tv_set(a, m, "image", image_tval(a, &s->image));
		tv_set_str(
		    a, share, "image",
		    url_encode(a, arena_printf(a, "%s/uploads/%s",
		                               base_url(app), s->image.path)));
	}
	tv_set_str(a, share, "url",
	           url_encode(a, arena_printf(a, "%s%s", base_url(app), url)));
	tv_set_str(a, share, "title", url_encode(a, s->title));
	tv_set(a, m, "share", share);
	return m;
}

/* Describes one article for a listing; see handlers.h. */
struct tval *
frame_article_summary(struct app *app, struct req *req,
                      const struct article_summary *s)
{
	return summary_tval(app, req->arena, req->edition, s);
}

/* A menu URL from the database is used only when it is a site path or an
 * http(s) address. */
static int
menu_url_ok(const char *url)
{
	return (url[0] == '/' && url[1] != '/') ||
	       strncmp(url, "https://", 8) == 0 ||
	       strncmp(url, "http://", 7) == 0;
}

static struct tval *
menu_items(struct arena *a, const struct menu_item *items, size_t count,
           const char *prefix)
{
	struct tval *list = tv_list(a);

	for (size_t i = 0; i < count; i++) {
		const struct menu_item *it = &items[i];
		struct tval *m;

		if (!menu_url_ok(it->url))
			continue;
		m = tv_map(a);
		tv_set_str(a, m, "label", it->label);
		/* Site paths are relative to the edition. */
		tv_set_str(a, m, "url",
		           it->url[0] == '/' && prefix[0] != '\0'
		               ? arena_printf(a, "%s%s", prefix, it->url)
		               : it->url);
		if (it->children_count > 0) {
			tv_set(a, m, "children",
			       menu_items(a, it->children, it->children_count,
			                  prefix));
			tv_set_bool(a, m, "has_children", true);
		}
		tv_push(a, list, m);
	}
	return list;
}

/* Builds the cached frame of one edition in the site's arena. */
static int
frame_cache_build(struct app *app, const struct edition *e,
                  struct frame_cache *fc)
{
	struct arena *a = &app->site.arena;
	struct article_summary *posts;
	size_t count, i;

	fc->t = tv_map(a);
	for (i = 0; i < e->strings_count; i++)
		tv_set_str(a, fc->t, e->strings[i].key, e->strings[i].val);
	fc->menu = menu_items(a, e->menu, e->menu_count, edition_prefix(a, e));
	if (article_db_list(app->db, a, e->id, LISTING_ALL, 0, 0, RECENT_POSTS,
	                    &posts, &count) < 0 ||
	    content_db_stats(app->db, e->id, &fc->changed_at, &fc->first_year) <
	        0)
		return -1;
	fc->recent = tv_list(a);
	for (i = 0; i < count; i++)
		tv_push(a, fc->recent, summary_tval(app, a, e, &posts[i]));
	fc->social = tv_list(a);
	for (i = 0; i < sizeof(social_keys) / sizeof(social_keys[0]); i++) {
		const char *url =
		    site_setting(&app->site, social_keys[i][0], "");
		struct tval *m;

		if (strncmp(url, "https://", 8) != 0)
			continue;
		m = tv_map(a);
		tv_set_str(a, m, "name", social_keys[i][1]);
		tv_set_str(a, m, "url", url);
		tv_push(a, fc->social, m);
	}
	return 0;
}

/* Builds every edition's cached frame; see handlers.h. */
int
frame_load(struct app *app)
{
	struct site *site = &app->site;
	struct frame_cache *frames = arena_calloc(
	    &site->arena, site->editions_count, sizeof(struct frame_cache));

	/* Published only when complete: a failed reload leaves none. */
	app->frames = NULL;
	for (size_t i = 0; i < site->editions_count; i++)
		if (frame_cache_build(app, &site->editions[i], &frames[i]) < 0)
			return -1;
	app->frames = frames;
	return 0;
}

/* Builds the page frame; see handlers.h. */
struct tval *
frame_context(struct app *app, struct req *req, struct resp *resp,
              const char *title)
{
	struct arena *a = req->arena;
	const struct edition *e = req->edition;
	const struct frame_cache *fc;
	struct tval *ctx = tv_map(a);
	time_t now = time(NULL);
	struct tm tm;
	int year;

	if (app->frames == NULL) /* the last reload failed */
		return NULL;
	fc = &app->frames[e - app->site.editions];
	tv_set_str(a, ctx, "lang", e->lang);
	tv_set_str(a, ctx, "dir", e->dir);
	tv_set_str(a, ctx, "site_name", e->site_name);
	tv_set_str(a, ctx, "tagline", e->tagline);
	tv_set_str(a, ctx, "home_url",
	           arena_printf(a, "%s/", frame_prefix(req)));
	tv_set_str(
	    a, ctx, "page_title",
	    title ? arena_printf(a, "%s \xe2\x80\x93 %s", title, e->site_name)
	          : e->site_name);
	tv_set(a, ctx, "t", fc->t);
	tv_set(a, ctx, "menu", fc->menu);
	tv_set(a, ctx, "recent", fc->recent);
	tv_set(a, ctx, "social", fc->social);
	tv_set_bool(a, ctx, "has_social", tv_list_len(fc->social) > 0);
	if (site_setting(&app->site, "ssi", "0")[0] == '1')
		tv_set_str(a, ctx, "ssi_recent",
		           arena_printf(a, "%s/_partials/recent-posts",
		                        frame_prefix(req)));
	if (fc->changed_at > resp->last_modified)
		resp->last_modified = fc->changed_at;

	localtime_r(&now, &tm);
	year = tm.tm_year + 1900;
	tv_set_str(a, ctx, "years",
	           localise_digits(a, e->digits,
	                           fc->first_year > 0 && fc->first_year < year
	                               ? arena_printf(a, "%d\xe2\x80\x93%d",
	                                              fc->first_year, year)
	                               : arena_printf(a, "%d", year)));
	return ctx;
}
