/*
 * feed.c: the Atom and RSS 2.0 feeds of an edition (/feed.atom,
 * /feed.rss), of a category (/category/SLUG/feed.atom, .rss, with its
 * subcategories, as the archive), of a tag (/tag/SLUG/feed.atom, .rss)
 * and of an author (/author/SLUG/feed.atom, .rss):
 * the latest published articles (the feed_items setting, 20 by default),
 * with their bodies or their excerpts only (feed_full_content), every
 * address absolute from the base URL.  The templates (feed_atom.html,
 * feed_rss.html) escape every value as for HTML, which is also valid
 * XML (the five characters & < > " ' become references XML knows); the
 * bodies go out as escaped HTML (<content type="html">, <description>).
 * What XML 1.0 forbids and HTML tolerates, control characters, is taken
 * out of every text first (xml_text), so a stray byte in a title cannot
 * make a whole feed unreadable.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "../db/feed_db.h"
#include "../util/text.h"
#include "handlers.h"

#define FEED_ITEMS_DEFAULT 20
#define FEED_ITEMS_MAX 100

/* Returns s without the control characters XML forbids (tabs and line
 * feeds kept; CR LF made LF), in a when it must change. */
static const char *
xml_text(struct arena *a, const char *s)
{
	return text_has_control(s) ? text_clean(a, s, true, SIZE_MAX) : s;
}

/* Returns t as RFC 822 wants it in RSS ("Wed, 13 May 2020 09:30:00 +0000"),
 * in UTC and English whatever the locale, in a. */
static const char *
rfc822(struct arena *a, long long t)
{
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL || tm.tm_year + 1900 > 9999 ||
	    tm.tm_year + 1900 < 0)
		return "";
	return arena_printf(a, "%.3s, %02d %.3s %04d %02d:%02d:%02d +0000",
	                    days + 3 * tm.tm_wday, tm.tm_mday,
	                    months + 3 * tm.tm_mon, tm.tm_year + 1900,
	                    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/*
 * Returns the host of the base URL, without scheme, port or path, for
 * tag: URIs (RFC 4151), in a.
 */
static const char *
base_host(struct app *app, struct arena *a)
{
	const char *b = frame_base_url(app, a), *h = strstr(b, "://");
	size_t n;

	h = h ? h + 3 : b;
	n = strcspn(h, "/");
	if (h[0] == '[') { /* an IPv6 literal */
		const char *close = memchr(h, ']', n);

		n = close ? (size_t)(close - h) + 1 : n;
	} else {
		n = strcspn(h, ":/");
	}
	return arena_strndup(a, h, n);
}

/*
 * Describes one entry: title, address, a tag: URI that stays when the
 * slug or the base URL's scheme changes ("tag:HOST,DATE:articles/ID", DATE
 * the day it was published), dates in RFC 3339 and RFC 822, author,
 * category and tags with their archives' addresses, the excerpt, and the
 * body when the feed carries them.
 */
static struct tval *
entry_tval(struct app *app, struct req *req, const struct feed_entry *e,
           const char *host, bool full)
{
	struct arena *a = req->arena;
	const char *prefix = frame_prefix(req);
	const char *published = frame_iso_date(a, e->published_at);
	struct tval *m = tv_map(a), *tags = tv_list(a);

	tv_set_str(a, m, "title", xml_text(a, e->title));
	tv_set_str(
	    a, m, "url",
	    frame_absolute_url(
	        app, a, arena_concat(a, prefix, "/articles/", e->slug, NULL)));
	tv_set_str(a, m, "id",
	           arena_printf(a, "tag:%s,%.10s:articles/%lld", host,
	                        published, e->id));
	tv_set_str(a, m, "published", published);
	tv_set_str(a, m, "updated",
	           frame_iso_date(a, e->updated_at > e->published_at
	                                 ? e->updated_at
	                                 : e->published_at));
	tv_set_str(a, m, "pub_date", rfc822(a, e->published_at));
	tv_set_str(a, m, "author", xml_text(a, e->author_name));
	if (e->category_slug[0] != '\0') {
		struct tval *c = tv_map(a);

		tv_set_str(a, c, "name", xml_text(a, e->category_name));
		tv_set_str(a, c, "slug", e->category_slug);
		tv_set_str(
		    a, c, "scheme",
		    frame_absolute_url(
		        app, a, arena_concat(a, prefix, "/category/", NULL)));
		tv_set(a, m, "category", c);
	} else {
		tv_set_bool(a, m, "category", false);
	}
	for (size_t i = 0; i < e->tags_count; i++) {
		struct tval *t = tv_map(a);

		tv_set_str(a, t, "name", xml_text(a, e->tags[i].name));
		tv_set_str(a, t, "slug", e->tags[i].slug);
		tv_set_str(a, t, "scheme",
		           frame_absolute_url(
		               app, a, arena_concat(a, prefix, "/tag/", NULL)));
		tv_push(a, tags, t);
	}
	tv_set(a, m, "tags", tags);
	tv_set_str(a, m, "summary", xml_text(a, e->excerpt));
	/* The body as text: {{content}} escapes it as it would escape HTML,
	 * and its text is what the feed carries. */
	tv_set_str(a, m, "content", full ? xml_text(a, e->body.html) : "");
	return m;
}

/*
 * GET /feed.atom, /feed.rss, /category/{slug}/feed.atom, …/feed.rss,
 * /tag/{slug}/feed.atom, …/feed.rss, /author/{slug}/feed.atom, …/feed.rss
 * (in every edition): the feed of the edition, a category, a tag or an
 * author (one with a published article in the edition), as
 * application/atom+xml or application/rss+xml.  Public, cacheable like the
 * pages (ETag of its bytes, 304).  Its <updated>, <lastBuildDate> and
 * Last-Modified are the newest update or publication among the entries it
 * lists; an empty feed says 1970-01-01 in Atom (which requires the
 * element), has no lastBuildDate and no Last-Modified.  Anything else the
 * feed shows (names, settings, terms) is in tables whose change makes the
 * static export render every page.  A renamed category's or tag's old
 * feed, or an author's from before their address was made from their
 * display name, answers 301 with the new one.
 * Statuses: 200, 301, 404 (unknown category, tag or author), 500.
 */
int
feed_show(struct app *app, struct req *req, struct resp *resp)
{
	static const struct {
		const char *base; /* the archive's address, before its slug */
		enum listing_kind kind;
		int (*get)(struct db *, struct arena *, long long, const char *,
		           struct term *);
	} archives[] = {
	    {"/category/", LISTING_CATEGORY, category_db_get},
	    {"/tag/", LISTING_TAG, tag_db_get},
	    {"/author/", LISTING_AUTHOR, author_db_get},
	};
	struct arena *a = req->arena;
	const char *route = req->route_path, *prefix = frame_prefix(req);
	size_t route_len = strlen(route);
	bool rss = route_len > 4 && strcmp(route + route_len - 4, ".rss") == 0;
	bool full =
	    site_setting(&app->site, "feed_full_content", "0")[0] == '1';
	size_t limit = (size_t)site_setting_int(
	    &app->site, "feed_items", FEED_ITEMS_DEFAULT, 1, FEED_ITEMS_MAX);
	enum listing_kind kind = LISTING_ALL;
	struct term term = {0};
	struct feed_entry *entries;
	const char *page, *host = base_host(app, a);
	struct tval *ctx, *list;
	long long updated;
	size_t count, i;

	/* An archive's feed: a renamed term's, or an author's from before
	 * their address was made from their display name
	 * (sql/027_author_slugs.sql), leads to the new one. */
	page = arena_concat(a, prefix, "/", NULL);
	for (i = 0; i < sizeof(archives) / sizeof(archives[0]); i++) {
		size_t n = strlen(archives[i].base);
		int rc;

		if (strncmp(route, archives[i].base, n) != 0)
			continue;
		rc = archives[i].get(app->db, a, req->edition->id,
		                     req->param_slug, &term);
		if (rc != 0)
			return rc > 0 ? redirect_old_link(app, req, resp) : 500;
		kind = archives[i].kind;
		page =
		    arena_concat(a, prefix, archives[i].base, term.slug, NULL);
		break;
	}
	if (feed_db_entries(app->db, a, req->edition->id, kind, term.id, limit,
	                    full, &entries, &count) < 0)
		return 500;
	if ((ctx = frame_context(app, req, resp, term.name)) == NULL)
		return 500;
	/* The feed's own time: its newest entry's, not the edition's last
	 * change (which frame_context set), so that an edit elsewhere leaves
	 * its bytes alone.  An empty feed has none: 0, no Last-Modified. */
	updated = 0;
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		tv_push(a, list, entry_tval(app, req, &entries[i], host, full));
		if (entries[i].updated_at > updated)
			updated = entries[i].updated_at;
		if (entries[i].published_at > updated)
			updated = entries[i].published_at;
	}
	resp->last_modified = updated;
	tv_set(a, ctx, "entries", list);
	tv_set_str(
	    a, ctx, "feed_title",
	    xml_text(a, term.name ? arena_concat(a, term.name, " \xe2\x80\x93 ",
	                                         req->edition->site_name, NULL)
	                          : req->edition->site_name));
	tv_set_str(a, ctx, "feed_subtitle",
	           xml_text(a, term.description && term.description[0]
	                           ? term.description
	                           : req->edition->tagline));
	tv_set_str(a, ctx, "base_url", frame_base_url(app, a));
	tv_set_str(a, ctx, "self_url", frame_absolute_url(app, a, req->path));
	tv_set_str(a, ctx, "page_url", frame_absolute_url(app, a, page));
	tv_set_str(a, ctx, "updated", frame_iso_date(a, updated));
	tv_set_str(a, ctx, "updated_rfc822",
	           updated > 0 ? rfc822(a, updated) : "");
	if (resp_header(resp, "Content-Type",
	                rss ? "application/rss+xml; charset=utf-8"
	                    : "application/atom+xml; charset=utf-8") < 0)
		return 500;
	return app_render(app, resp, 200, rss ? "feed_rss" : "feed_atom", ctx);
}
