/*
 * frame.c: the parts every public page shares: the template context for
 * the header, menu, sidebar and footer, dates as each edition writes them,
 * and the map that describes an article in a listing.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../db/content_db.h"
#include "../util/log.h"
#include "handlers.h"

#define RECENT_POSTS 5

static const char *const social_keys[][2] = {
    {"social_facebook", "Facebook"},
    {"social_twitter", "X (Twitter)"},
    {"social_instagram", "Instagram"},
    {"social_youtube", "YouTube"},
};

/* Returns the edition's URL prefix; see handlers.h. */
const char *
frame_prefix(const struct req *req)
{
	const char *p = req->edition->prefix;

	return p[0] == '\0' ? "" : arena_printf(req->arena, "/%s", p);
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

/* Formats a date; see handlers.h. */
const char *
frame_date(struct app *app, struct req *req, long long t)
{
	const struct edition *e = req->edition;
	time_t tt = (time_t)t;
	struct tm tm;
	char key[24];
	const char *month, *s;

	(void)app;
	if (localtime_r(&tt, &tm) == NULL)
		return "";
	snprintf(key, sizeof(key), "month_%d", tm.tm_mon + 1);
	month = edition_string(e, key);
	if (strcmp(e->date_style, "dmy") == 0)
		s = arena_printf(req->arena, "%d %s %d", tm.tm_mday, month,
		                 tm.tm_year + 1900);
	else if (strcmp(e->date_style, "ymd") == 0)
		s = arena_printf(req->arena, "%d %s %d", tm.tm_year + 1900,
		                 month, tm.tm_mday);
	else
		s = arena_printf(req->arena, "%s %d, %d", month, tm.tm_mday,
		                 tm.tm_year + 1900);
	return localise_digits(req->arena, e->digits, s);
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

/* Describes one article for a listing; see handlers.h. */
struct tval *
frame_article_summary(struct app *app, struct req *req,
                      const struct article_summary *s)
{
	struct arena *a = req->arena;
	struct tval *m = tv_map(a);
	const char *prefix = frame_prefix(req);

	tv_set_str(a, m, "title", s->title);
	tv_set_str(a, m, "url",
	           arena_printf(a, "%s/articles/%s", prefix, s->slug));
	tv_set_str(a, m, "excerpt", s->excerpt);
	tv_set_str(a, m, "date", frame_date(app, req, s->published_at));
	tv_set_str(a, m, "datetime", iso_date(a, s->published_at));
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
	return m;
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
menu_items(struct req *req, const struct menu_item *items, size_t count,
           const char *prefix)
{
	struct arena *a = req->arena;
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
			       menu_items(req, it->children, it->children_count,
			                  prefix));
			tv_set_bool(a, m, "has_children", true);
		}
		tv_push(a, list, m);
	}
	return list;
}

/* Builds the page frame; see handlers.h. */
struct tval *
frame_context(struct app *app, struct req *req, struct resp *resp,
              const char *title)
{
	struct arena *a = req->arena;
	const struct edition *e = req->edition;
	struct tval *ctx = tv_map(a), *t = tv_map(a), *recent, *social;
	struct article_summary *posts;
	size_t count, i;
	const char *prefix = frame_prefix(req);
	long long changed_at;
	int first_year, year;
	time_t now = time(NULL);
	struct tm tm;

	tv_set_str(a, ctx, "lang", e->lang);
	tv_set_str(a, ctx, "dir", e->dir);
	tv_set_str(a, ctx, "site_name", e->site_name);
	tv_set_str(a, ctx, "tagline", e->tagline);
	tv_set_str(a, ctx, "home_url", arena_printf(a, "%s/", prefix));
	tv_set_str(
	    a, ctx, "page_title",
	    title ? arena_printf(a, "%s \xe2\x80\x93 %s", title, e->site_name)
	          : e->site_name);
	for (i = 0; i < e->strings_count; i++)
		tv_set_str(a, t, e->strings[i].key, e->strings[i].val);
	tv_set(a, ctx, "t", t);
	tv_set(a, ctx, "menu", menu_items(req, e->menu, e->menu_count, prefix));

	if (article_db_list(app->db, a, e->id, LISTING_ALL, 0, 0, RECENT_POSTS,
	                    &posts, &count) < 0 ||
	    content_db_stats(app->db, e->id, &changed_at, &first_year) < 0)
		return NULL;
	recent = tv_list(a);
	for (i = 0; i < count; i++)
		tv_push(a, recent, frame_article_summary(app, req, &posts[i]));
	tv_set(a, ctx, "recent", recent);
	if (changed_at > resp->last_modified)
		resp->last_modified = changed_at;

	localtime_r(&now, &tm);
	year = tm.tm_year + 1900;
	tv_set_str(a, ctx, "years",
	           first_year > 0 && first_year < year
	               ? arena_printf(a, "%d\xe2\x80\x93%d", first_year, year)
	               : arena_printf(a, "%d", year));
	social = tv_list(a);
	for (i = 0; i < sizeof(social_keys) / sizeof(social_keys[0]); i++) {
		const char *url =
		    site_setting(&app->site, social_keys[i][0], "");
		struct tval *m;

		if (strncmp(url, "https://", 8) != 0)
			continue;
		m = tv_map(a);
		tv_set_str(a, m, "name", social_keys[i][1]);
		tv_set_str(a, m, "url", url);
		tv_push(a, social, m);
	}
	tv_set(a, ctx, "social", social);
	tv_set_bool(a, ctx, "has_social", tv_list_len(social) > 0);
	return ctx;
}
