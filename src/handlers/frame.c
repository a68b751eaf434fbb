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
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../db/content_db.h"
#include "../db/media_db.h"
#include "../media/srcset.h"
#include "../render/html.h"
#include "../util/calendar.h"
#include "../util/plural.h"
#include "../util/log.h"
#include "handlers.h"

#include <xxhash.h>

#define RECENT_POSTS 5

/* The parts of an edition's frame built when the site loads. */
struct frame_cache {
	struct tval *t;
	struct tval *menu;
	struct tval *recent;
	struct tval *social;
	struct tval *logo;  /* src, width, height, url; NULL: no logo */
	const char *domain; /* base_url's host, for the footer */
	long long changed_at;
	int first_year;
	/* Article summaries already described, by article id (open
	 * addressing, SUMMARY_CACHE_SLOTS slots, id 0 empty). */
	struct summary_slot *summaries;
	size_t summaries_count;
	/* Articles' comment threads as comments.c describes them, the same
	 * way (THREAD_CACHE_SLOTS slots), and how many comments they hold. */
	struct summary_slot *threads;
	size_t threads_count;
	size_t threads_comments;
	/* Pages kept rendered (frame_page_get), by path, the same way
	 * (PAGE_CACHE_SLOTS slots, PAGE_CACHE_BYTES of bodies at most). */
	struct page_slot *pages;
	size_t pages_count;
	size_t pages_bytes;
};

/* A rendered page: its body without the token of its reader's form, where
 * that token was, and what else its response needs. */
struct page_slot {
	const char *path; /* NULL: empty */
	char *body;
	size_t len;
	size_t token_at; /* PAGE_NO_TOKEN: the page has no form */
	long long last_modified;
	long long made, until; /* kept while made <= app_now() < until */
	long long etag_epoch;  /* the token hour etag was computed for */
	char etag[RESP_ETAG_BYTES];
};

/* A kept page is good until the next quarter of an hour at most: the
 * footer's year and the hour a form token's ETag counts turn on such a
 * boundary in every time zone (offsets are whole quarters). */
#define PAGE_KEEP_S 900
#define PAGE_CACHE_SLOTS 512
#define PAGE_CACHE_BYTES (8u << 20)
#define PAGE_NO_TOKEN ((size_t)-1)

/* At most this many summaries are kept per edition (half the slots). */
#define SUMMARY_CACHE_SLOTS 8192

struct summary_slot {
	long long id;
	const void *tv; /* a struct tval, or comments.c's thread */
};

/* At most this many threads are kept per edition (half the slots), with
 * at most THREAD_CACHE_COMMENTS comments in all; a thread longer than
 * THREAD_CACHE_ONE is never kept. */
#define THREAD_CACHE_SLOTS 1024
#define THREAD_CACHE_COMMENTS 5000
#define THREAD_CACHE_ONE 500

static const char *const social_keys[][2] = {
    {"social_facebook", "Facebook"},
    {"social_twitter", "X (Twitter)"},
    {"social_instagram", "Instagram"},
    {"social_youtube", "YouTube"},
};

/*
 * Describes the logo setting for the header and the JSON-LD: the image's
 * src, width and height, and its absolute url, in a; *out NULL when
 * there is no logo, or it is no longer an image of the library (the
 * header then shows the name).  0 or -1.
 */
static int
logo_load(struct app *app, struct arena *a, struct tval **out)
{
	const char *v = site_setting(&app->site, "logo", "");
	struct media_item item;
	int rc;

	*out = NULL;
	if (strncmp(v, "/uploads/", 9) != 0)
		return 0;
	rc = media_db_get_by_path(app->db, a, v + 9, &item);
	if (rc < 0)
		return -1;
	if (rc > 0 || strcmp(item.kind, "image") != 0 || item.width <= 0)
		return 0;
	*out = tv_map(a);
	tv_set_str(a, *out, "src", v);
	tv_set_int(a, *out, "width", item.width);
	tv_set_int(a, *out, "height", item.height);
	tv_set_str(a, *out, "url", frame_absolute_url(app, a, v));
	return 0;
}

/* Returns the host of the base_url setting ("homeward.example"), for
 * the footer's copyright line, in a; "" when there is none. */
static const char *
site_domain(struct app *app, struct arena *a)
{
	const char *b = frame_base_url(app, a), *host = strstr(b, "://");

	return host != NULL ? host + 3 : "";
}

/* Returns an edition's URL prefix; see handlers.h. */
const char *
frame_edition_prefix(struct arena *a, const struct edition *e)
{
	return e->prefix[0] == '\0' ? ""
	                            : arena_concat(a, "/", e->prefix, NULL);
}

/* Returns the edition's URL prefix; see handlers.h. */
const char *
frame_prefix(const struct req *req)
{
	return frame_edition_prefix(req->arena, req->edition);
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

/* Returns v in decimal, in the arena. */
static const char *
decimal(struct arena *a, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u =
	    v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return arena_strdup(a, p);
}

/*
 * Formats a date as the edition writes them: the day in the site's time
 * zone, in the edition's calendar (Gregorian, or Solar Hijri with the
 * month names solar_month_1..12), date style and digits.  Listings format
 * dozens per request, so this joins strings rather than calling printf.
 */
static const char *
format_date(struct arena *a, const struct edition *e, long long t)
{
	static const char *const month_keys[] = {
	    "month_1", "month_2",  "month_3",  "month_4",
	    "month_5", "month_6",  "month_7",  "month_8",
	    "month_9", "month_10", "month_11", "month_12"};
	static const char *const solar_month_keys[] = {
	    "solar_month_1",  "solar_month_2",  "solar_month_3",
	    "solar_month_4",  "solar_month_5",  "solar_month_6",
	    "solar_month_7",  "solar_month_8",  "solar_month_9",
	    "solar_month_10", "solar_month_11", "solar_month_12"};
	const char *const *keys = month_keys;
	time_t tt = (time_t)t;
	struct tm tm;
	struct cal_date date, solar;
	const char *month, *day, *year, *s;

	if (localtime_r(&tt, &tm) == NULL || tm.tm_mon < 0 || tm.tm_mon > 11 ||
	    tm.tm_year > INT_MAX - 1900)
		return "";
	date = (struct cal_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	/* Outside the Solar Hijri years (March 622 to 3798 CE) it stays
	 * Gregorian. */
	if (e->calendar != NULL && strcmp(e->calendar, "persian") == 0 &&
	    cal_gregorian_to_persian(&date, &solar) == 0) {
		date = solar;
		keys = solar_month_keys;
	}
	month = edition_string(e, keys[date.month - 1]);
	day = decimal(a, date.day);
	year = decimal(a, date.year);
	if (strcmp(e->date_style, "dmy") == 0)
		s = arena_concat(a, day, " ", month, " ", year, NULL);
	else if (strcmp(e->date_style, "ymd") == 0)
		s = arena_concat(a, year, " ", month, " ", day, NULL);
	else
		s = arena_concat(a, month, " ", day, ", ", year, NULL);
	return localise_digits(a, e->digits, s);
}

/* Formats a date; see handlers.h. */
const char *
frame_date(struct app *app, struct req *req, long long t)
{
	(void)app;
	return format_date(req->arena, req->edition, t);
}

/* Returns the machine-readable date; see handlers.h. */
const char *
frame_iso_date(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	int f[6], i;
	char *s, *p;

	if (gmtime_r(&tt, &tm) == NULL || tm.tm_year + 1900 > 9999 ||
	    tm.tm_year + 1900 < 0)
		return "";
	f[0] = tm.tm_year + 1900;
	f[1] = tm.tm_mon + 1;
	f[2] = tm.tm_mday;
	f[3] = tm.tm_hour;
	f[4] = tm.tm_min;
	f[5] = tm.tm_sec;
	p = s = arena_alloc(a, sizeof("YYYY-MM-DDTHH:MM:SSZ"));
	*p++ = (char)('0' + f[0] / 1000);
	*p++ = (char)('0' + f[0] / 100 % 10);
	*p++ = (char)('0' + f[0] / 10 % 10);
	*p++ = (char)('0' + f[0] % 10);
	for (i = 1; i < 6; i++) {
		*p++ = "--T::"[i - 1];
		*p++ = (char)('0' + f[i] / 10);
		*p++ = (char)('0' + f[i] % 10);
	}
	*p++ = 'Z';
	*p = '\0';
	return s;
}

/* Names a period of a date archive; see handlers.h. */
const char *
frame_period(struct arena *a, const struct edition *e, long long from, int year,
             int month, int day)
{
	static const char *const month_keys[] = {
	    "month_1", "month_2",  "month_3",  "month_4",
	    "month_5", "month_6",  "month_7",  "month_8",
	    "month_9", "month_10", "month_11", "month_12"};
	const char *y = decimal(a, year), *m;

	if (day > 0)
		return format_date(a, e, from);
	if (month < 1 || month > 12)
		return localise_digits(a, e->digits, y);
	m = edition_string(e, month_keys[month - 1]);
	return localise_digits(a, e->digits,
	                       strcmp(e->date_style, "ymd") == 0
	                           ? arena_concat(a, y, " ", m, NULL)
	                           : arena_concat(a, m, " ", y, NULL));
}

/* Formats a date in an arena; see handlers.h. */
const char *
frame_date_in(struct arena *a, const struct edition *e, long long t)
{
	return format_date(a, e, t);
}

/* Returns s percent-encoded as a query value, in the arena. */
static const char *
url_encode(struct arena *a, const char *s)
{
	static struct buf scratch; /* reused: a worker serves one at a time */

	buf_reset(&scratch);
	html_url_component(&scratch, s, strlen(s));
	return arena_strndup(a, scratch.data ? scratch.data : "", scratch.len);
}

/* Returns the base URL; see handlers.h. */
const char *
frame_base_url(struct app *app, struct arena *a)
{
	const char *b = site_setting(&app->site, "base_url", "");
	size_t n = strlen(b);

	while (n > 0 && b[n - 1] == '/')
		n--;
	return b[n] == '\0' ? b : arena_strndup(a, b, n);
}

/* Tells whether frame_absolute_url writes byte c as it is. */
static bool
url_byte_plain(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("\"'<>\\`{}|^", c) == NULL;
}

/* Returns an absolute URL for a site path; see handlers.h.  Every page
 * makes a few (canonical, feeds): written straight into the arena. */
const char *
frame_absolute_url(struct app *app, struct arena *a, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *base = site_setting(&app->site, "base_url", "");
	const unsigned char *p;
	size_t base_len = strlen(base), len;
	char *out, *o;

	while (base_len > 0 && base[base_len - 1] == '/')
		base_len--;
	len = base_len;
	for (p = (const unsigned char *)path; *p; p++)
		len += url_byte_plain(*p) ? 1 : 3;
	o = out = arena_alloc(a, len + 1);
	memcpy(o, base, base_len);
	o += base_len;
	for (p = (const unsigned char *)path; *p; p++) {
		if (url_byte_plain(*p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

#define DESCRIPTION_MAX_CHARS 160

/* Returns a page's description; see handlers.h. */
const char *
frame_description(struct arena *a, const char *text)
{
	/* The output is never longer than the text plus the ellipsis. */
	char *out = arena_alloc(a, strlen(text) + 4);
	size_t o = 0, chars = 0, cut = 0;
	bool space = false, cut_short = false;

	for (const char *p = text; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= 0x20 || c == 0x7f) {
			space = o > 0;
			continue;
		}
		if ((c & 0xc0) != 0x80) { /* a character starts */
			if (space) {
				cut = o; /* a word ends here */
				if (chars + 1 >= DESCRIPTION_MAX_CHARS) {
					cut_short = true;
					break;
				}
				out[o++] = ' ';
				chars++;
				space = false;
			}
			if (chars >= DESCRIPTION_MAX_CHARS) {
				cut_short = true;
				break;
			}
			chars++;
		}
		out[o++] = (char)c;
	}
	if (cut_short) {
		/* At the end of the last whole word; one long word is cut
		 * between two characters (the loop stops before a
		 * character's first byte). */
		if (cut > 0)
			o = cut;
		memcpy(out + o, "\xe2\x80\xa6", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

/* Returns n and its noun in the edition's words; see handlers.h. */
const char *
frame_count(struct arena *a, const struct edition *e, const char *noun,
            long long n)
{
	const char *form = edition_string(
	    e, arena_concat(a, "n_", noun, "_",
	                    plural_names[plural_of(e->lang, n)], NULL));
	const char *at = strstr(form, "{n}");

	if (at == NULL)
		return form;
	return arena_printf(a, "%.*s%s%s", (int)(at - form), form,
	                    frame_number(a, e, n), at + 3);
}

/* Returns n in the edition's digits; see handlers.h. */
const char *
frame_number(struct arena *a, const struct edition *e, long long n)
{
	return localise_digits(a, e->digits, decimal(a, n));
}

/* Describes a media image for templates/partials/image.html; see
 * handlers.h. */
struct tval *
frame_image(struct arena *a, const struct media_ref *m)
{
	struct tval *img = tv_map(a);
	struct media_file original = {
	    .path = m->path,
	    .mime = m->mime,
	    .width = (int)m->width,
	    .height = (int)m->height,
	};
	struct media_srcset set;

	tv_set_str(a, img, "src", arena_concat(a, "/uploads/", m->path, NULL));
	tv_set_int(a, img, "width", m->width);
	tv_set_int(a, img, "height", m->height);
	tv_set_str(a, img, "alt", m->alt);
	if (m->caption[0] != '\0')
		tv_set_str(a, img, "caption", m->caption);
	media_srcset(a, &original, m->sizes, m->sizes_count, &set);
	/* Set even when empty (a false section): a name the map lacks is
	 * looked up in every enclosing context, on every render. */
	tv_set_str(a, img, "srcset", set.srcset != NULL ? set.srcset : "");
	tv_set_str(a, img, "webp_srcset", set.webp != NULL ? set.webp : "");
	return img;
}

/* Describes an image read by path, with its sizes; see handlers.h. */
struct tval *
frame_media_image(struct app *app, struct arena *a, const struct media_ref *m)
{
	struct media_ref r = *m;
	struct media_file *sizes;
	const char *mime = r.mime;

	if (r.sizes_count == 0 && r.path != NULL && r.path[0] != '\0' &&
	    media_db_sizes_by_path(app->db, a, r.path, &sizes, &r.sizes_count,
	                           &mime) == 0) {
		r.sizes = sizes;
		r.mime = mime;
	}
	return frame_image(a, &r);
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
	struct tval *m = tv_map(a);
	const char *prefix = frame_edition_prefix(a, e);
	const char *url = arena_concat(a, prefix, "/articles/", s->slug, NULL);

	tv_set_str(a, m, "title", s->title);
	tv_set_str(a, m, "url", url);
	tv_set_str(a, m, "excerpt", s->excerpt);
	tv_set_str(a, m, "date", format_date(a, e, s->published_at));
	tv_set_str(a, m, "datetime", frame_iso_date(a, s->published_at));
	tv_set_str(a, m, "comments",
	           frame_count(a, e, "comments", s->comment_count));
	if (s->category_slug[0] != '\0') {
		struct tval *c = tv_map(a);

		tv_set_str(a, c, "name", s->category_name);
		tv_set_str(a, c, "url",
		           arena_concat(a, prefix, "/category/",
		                        s->category_slug, NULL));
		tv_set(a, m, "category", c);
	}
	if (s->author_slug[0] != '\0') {
		struct tval *au = tv_map(a);

		tv_set_str(a, au, "name", s->author_name);
		tv_set_str(
		    a, au, "url",
		    arena_concat(a, prefix, "/author/", s->author_slug, NULL));
		tv_set(a, m, "author", au);
	}
	if (s->image.path[0] != '\0')
		tv_set(a, m, "image", frame_image(a, &s->image));
	tv_set(a, m, "share",
	       frame_share(app, a, url, s->title, s->image.path));
	return m;
}

/* Describes what share links need; see handlers.h. */
struct tval *
frame_share(struct app *app, struct arena *a, const char *path,
            const char *title, const char *image_path)
{
	struct tval *share = tv_map(a);
	const char *base = frame_base_url(app, a);

	if (image_path != NULL && image_path[0] != '\0')
		tv_set_str(a, share, "media",
		           url_encode(a, arena_concat(a, base, "/uploads/",
		                                      image_path, NULL)));
	tv_set_str(a, share, "url",
	           url_encode(a, arena_concat(a, base, path, NULL)));
	tv_set_str(a, share, "title", url_encode(a, title));
	return share;
}

/* Finds the part of the site a route is in; see handlers.h. */
const struct frame_section *
frame_section_of(const struct req *req, const struct frame_section *table,
                 size_t count)
{
	for (size_t i = 0; i < count; i++) {
		size_t n = strlen(table[i].path);

		if (strncmp(req->route_path, table[i].path, n) == 0 &&
		    (req->route_path[n] == '\0' || req->route_path[n] == '/'))
			return &table[i];
	}
	return NULL;
}

/* Sets a listing's page links; see handlers.h. */
void
frame_pager(struct req *req, struct tval *ctx, const char *base, long long n,
            bool more)
{
	struct arena *a = req->arena;
	const char *pages = base[0] ? base : frame_prefix(req);

	if (n > 1) {
		tv_set_int(a, ctx, "page", n);
		tv_set_str(
		    a, ctx, "newer_url",
		    n == 2
		        ? (base[0] ? base : arena_concat(a, pages, "/", NULL))
		        : arena_printf(a, "%s/page/%lld", pages, n - 1));
	}
	if (more)
		tv_set_str(a, ctx, "older_url",
		           arena_printf(a, "%s/page/%lld", pages, n + 1));
}

/* Copies a summary's strings into a, so that it outlives the request. */
static struct article_summary
summary_copy(struct arena *a, const struct article_summary *s)
{
	struct article_summary c = *s;

	c.slug = arena_strdup(a, s->slug);
	c.title = arena_strdup(a, s->title);
	c.excerpt = arena_strdup(a, s->excerpt);
	c.category_slug = arena_strdup(a, s->category_slug);
	c.category_name = arena_strdup(a, s->category_name);
	c.author_name = arena_strdup(a, s->author_name);
	c.author_slug = arena_strdup(a, s->author_slug);
	c.image.path = arena_strdup(a, s->image.path);
	c.image.mime = arena_strdup(a, s->image.mime);
	c.image.alt = arena_strdup(a, s->image.alt);
	c.image.caption = arena_strdup(a, s->image.caption);
	if (s->image.sizes_count > 0) {
		struct media_file *sizes =
		    arena_calloc(a, s->image.sizes_count, sizeof(*sizes));

		for (size_t i = 0; i < s->image.sizes_count; i++) {
			sizes[i] = s->image.sizes[i];
			sizes[i].path = arena_strdup(a, s->image.sizes[i].path);
			sizes[i].mime = arena_strdup(a, s->image.sizes[i].mime);
		}
		c.image.sizes = sizes;
	}
	return c;
}

/*
 * Returns the description of the published article id for edition e, from
 * fc's cache or, on a miss, read and described (into the site's arena when
 * the cache has room, else into scratch).  A description depends only on
 * data that changes by a commit (the article, the edition's strings and
 * date style, the settings), and any commit reloads the site and with it
 * these caches, so each article is read and described once per worker and
 * reload, then shared read-only.  Returns NULL when the article is not
 * published (or on a database error, logged).
 */
static const struct tval *
summary_by_id(struct app *app, struct frame_cache *fc, const struct edition *e,
              struct arena *scratch, long long id)
{
	struct arena *a = &app->site.arena;
	struct article_summary s, copy;
	size_t slot;

	if (fc->summaries == NULL)
		fc->summaries = arena_calloc(a, SUMMARY_CACHE_SLOTS,
		                             sizeof(*fc->summaries));
	slot = (size_t)id & (SUMMARY_CACHE_SLOTS - 1);
	while (fc->summaries[slot].id != 0) {
		if (fc->summaries[slot].id == id)
			return fc->summaries[slot].tv;
		slot = (slot + 1) & (SUMMARY_CACHE_SLOTS - 1);
	}
	if (article_db_summary(app->db, scratch, id, &s) != 0)
		return NULL;
	if (fc->summaries_count >= SUMMARY_CACHE_SLOTS / 2)
		return summary_tval(app, scratch, e, &s);
	copy = summary_copy(a, &s);
	fc->summaries[slot].id = id;
	fc->summaries[slot].tv = summary_tval(app, a, e, &copy);
	fc->summaries_count++;
	return fc->summaries[slot].tv;
}

/* Returns the request's edition's cache, or NULL (the site failed to
 * load). */
static struct frame_cache *
request_cache(struct app *app, struct req *req)
{
	return app->frames ? &app->frames[req->edition - app->site.editions]
	                   : NULL;
}

/* Returns the slot of key (not 0) in fc's threads: its own, or the empty
 * one where it would go. */
static struct summary_slot *
thread_slot(struct app *app, struct frame_cache *fc, long long id)
{
	size_t slot = (size_t)id & (THREAD_CACHE_SLOTS - 1);

	if (fc->threads == NULL)
		fc->threads = arena_calloc(&app->site.arena, THREAD_CACHE_SLOTS,
		                           sizeof(*fc->threads));
	while (fc->threads[slot].id != 0 && fc->threads[slot].id != id)
		slot = (slot + 1) & (THREAD_CACHE_SLOTS - 1);
	return &fc->threads[slot];
}

/* Returns the edition's interface strings; see handlers.h. */
const struct tval *
frame_strings(struct app *app, struct req *req)
{
	struct frame_cache *fc = request_cache(app, req);

	return fc ? fc->t : NULL;
}

/* Returns a kept thread; see handlers.h. */
const void *
frame_thread_get(struct app *app, struct req *req, long long key)
{
	struct frame_cache *fc = request_cache(app, req);

	return fc ? thread_slot(app, fc, key)->tv : NULL;
}

/* Returns the arena to keep a thread in; see handlers.h. */
struct arena *
frame_thread_arena(struct app *app, struct req *req, size_t comments)
{
	struct frame_cache *fc = request_cache(app, req);

	if (fc == NULL || comments > THREAD_CACHE_ONE ||
	    fc->threads_count >= THREAD_CACHE_SLOTS / 2 ||
	    fc->threads_comments + comments > THREAD_CACHE_COMMENTS)
		return NULL;
	return &app->site.arena;
}

/* Keeps a thread; see handlers.h. */
void
frame_thread_put(struct app *app, struct req *req, long long key,
                 const void *thread, size_t comments)
{
	struct frame_cache *fc = request_cache(app, req);
	struct summary_slot *slot;

	if (fc == NULL || frame_thread_arena(app, req, comments) == NULL)
		return;
	slot = thread_slot(app, fc, key);
	if (slot->id == 0) {
		fc->threads_count++;
		fc->threads_comments += comments;
	}
	slot->id = key;
	slot->tv = thread;
}

/* Returns the slot of path in fc's pages: its own, or the empty one where
 * it would go. */
static struct page_slot *
page_slot(struct app *app, struct frame_cache *fc, const char *path)
{
	size_t slot =
	    (size_t)XXH3_64bits(path, strlen(path)) & (PAGE_CACHE_SLOTS - 1);

	if (fc->pages == NULL)
		fc->pages = arena_calloc(&app->site.arena, PAGE_CACHE_SLOTS,
		                         sizeof(*fc->pages));
	while (fc->pages[slot].path != NULL &&
	       strcmp(fc->pages[slot].path, path) != 0)
		slot = (slot + 1) & (PAGE_CACHE_SLOTS - 1);
	return &fc->pages[slot];
}

/* Answers from a kept page; see handlers.h. */
bool
frame_page_get(struct app *app, struct req *req, struct resp *resp,
               const char *(*token)(struct app *, struct req *, struct resp *))
{
	struct frame_cache *fc = request_cache(app, req);
	const struct page_slot *p;
	long long now = app_now(app);
	const char *fresh;

	if (fc == NULL || fc->pages == NULL || !resp->cacheable)
		return false;
	p = page_slot(app, fc, req->path);
	if (p->path == NULL || now < p->made || now >= p->until ||
	    (p->token_at != PAGE_NO_TOKEN && token == NULL))
		return false;
	buf_reset(resp->body);
	if (p->token_at == PAGE_NO_TOKEN) {
		buf_append(resp->body, p->body, p->len);
	} else {
		/* A fresh token where the kept one was: token() also tells
		 * the response to leave it out of the ETag. */
		fresh = token(app, req, resp);
		buf_append(resp->body, p->body, p->token_at);
		buf_puts(resp->body, fresh);
		buf_append(resp->body, p->body + p->token_at,
		           p->len - p->token_at);
	}
	if ((p->token_at == PAGE_NO_TOKEN ||
	     p->etag_epoch == resp->etag_epoch) &&
	    resp_header(resp, "ETag", p->etag) < 0)
		return false;
	resp->last_modified = p->last_modified;
	resp->status = 200;
	return true;
}

/* Keeps a rendered page; see handlers.h. */
void
frame_page_put(struct app *app, struct req *req, const struct resp *resp,
               long long until)
{
	struct frame_cache *fc = request_cache(app, req);
	const struct buf *body = resp->body;
	struct page_slot *p;
	const char *token = NULL;
	size_t skip = 0;

	if (fc == NULL || resp->status != 200 || !resp->cacheable ||
	    resp->headers_count > 0 || body->len == 0 ||
	    fc->pages_count >= PAGE_CACHE_SLOTS / 2 ||
	    fc->pages_bytes + body->len > PAGE_CACHE_BYTES)
		return;
	if (resp->etag_skip != NULL && resp->etag_skip[0] != '\0') {
		skip = strlen(resp->etag_skip);
		token = memmem(body->data, body->len, resp->etag_skip, skip);
		if (token == NULL)
			return;
	}
	p = page_slot(app, fc, req->path);
	if (p->path != NULL)
		return;
	p->token_at = token ? (size_t)(token - body->data) : PAGE_NO_TOKEN;
	p->len = body->len - skip;
	p->body = arena_alloc(&app->site.arena, p->len);
	memcpy(p->body, body->data, token ? p->token_at : p->len);
	if (token != NULL)
		memcpy(p->body + p->token_at, token + skip,
		       body->len - p->token_at - skip);
	p->last_modified = resp->last_modified;
	p->made = app_now(app);
	p->until = p->made - p->made % PAGE_KEEP_S + PAGE_KEEP_S;
	if (until < p->until)
		p->until = until;
	p->etag_epoch = resp->etag_epoch;
	resp_etag(resp, p->etag);
	p->path = arena_strdup(&app->site.arena, req->path);
	fc->pages_count++;
	fc->pages_bytes += p->len;
}

/* Describes one article for a listing; see handlers.h. */
const struct tval *
frame_article_summary(struct app *app, struct req *req, long long id)
{
	if (app->frames == NULL)
		return NULL;
	return summary_by_id(app,
	                     &app->frames[req->edition - app->site.editions],
	                     req->edition, req->arena, id);
}

/* Tells whether s is made of characters an address needs; see
 * handlers.h. */
bool
frame_url_plain(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f ||
		    strchr("\"'<>\\`{}|^", *s))
			return false;
	return true;
}

/* Tells whether url may be a menu item's address; see handlers.h. */
bool
frame_menu_url_ok(const char *url)
{
	const char *host;

	if (url[0] == '/')
		return url[1] != '/' && frame_url_plain(url);
	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return false;
	return host[0] != '\0' && host[0] != '/' && frame_url_plain(url);
}

/* The enabled editions as menu items, each linking to its home, with its
 * language (hreflang and lang on the link). */
static void
edition_items(struct arena *a, const struct site *site, struct tval *list)
{
	for (size_t i = 0; i < site->editions_count; i++) {
		const struct edition *e = &site->editions[i];
		struct tval *m;

		if (!e->enabled)
			continue;
		m = tv_map(a);
		tv_set_str(a, m, "label", e->name);
		tv_set_str(
		    a, m, "url",
		    arena_concat(a, frame_edition_prefix(a, e), "/", NULL));
		tv_set_str(a, m, "hreflang", e->lang);
		tv_push(a, list, m);
	}
}

/*
 * Describes menu items for the header into list: site paths are relative
 * to the edition (prefix is put before them); the item whose address is
 * FRAME_MENU_EDITIONS links to the default edition's home and has the
 * enabled editions as its first sub-items.
 */
static void
menu_items(struct arena *a, const struct site *site,
           const struct menu_item *items, size_t count, const char *prefix,
           struct tval *list)
{
	for (size_t i = 0; i < count; i++) {
		const struct menu_item *it = &items[i];
		bool editions = strcmp(it->url, FRAME_MENU_EDITIONS) == 0;
		struct tval *m, *children;

		if (!editions && !frame_menu_url_ok(it->url))
			continue;
		m = tv_map(a);
		tv_set_str(a, m, "label", it->label);
		/* Site paths are relative to the edition. */
		tv_set_str(a, m, "url",
		           editions ? "/"
		           : it->url[0] == '/' && prefix[0] != '\0'
		               ? arena_printf(a, "%s%s", prefix, it->url)
		               : it->url);
		children = tv_list(a);
		if (editions)
			edition_items(a, site, children);
		menu_items(a, site, it->children, it->children_count, prefix,
		           children);
		if (tv_list_len(children) > 0) {
			tv_set(a, m, "children", children);
			tv_set_bool(a, m, "has_children", true);
		}
		tv_push(a, list, m);
	}
}

/* Builds the cached frame of one edition in the site's arena. */
static int
frame_cache_build(struct app *app, const struct edition *e,
                  struct frame_cache *fc)
{
	struct arena *a = &app->site.arena;
	long long *ids;
	size_t count, i;

	/* English first, then the edition's own over it: a key the edition
	 * lacks shows the English text, never the key. */
	fc->t = tv_map(a);
	if (e->base_strings != e->strings)
		for (i = 0; i < e->base_strings_count; i++)
			tv_set_str(a, fc->t, e->base_strings[i].key,
			           e->base_strings[i].val);
	for (i = 0; i < e->strings_count; i++)
		tv_set_str(a, fc->t, e->strings[i].key, e->strings[i].val);
	fc->menu = tv_list(a);
	menu_items(a, &app->site, e->menu, e->menu_count,
	           frame_edition_prefix(a, e), fc->menu);
	if (article_db_list(app->db, a, e->id, LISTING_ALL, 0, 0, RECENT_POSTS,
	                    &ids, &count) < 0 ||
	    content_db_stats(app->db, e->id, &fc->changed_at, &fc->first_year) <
	        0)
		return -1;
	fc->recent = tv_list(a);
	for (i = 0; i < count; i++) {
		const struct tval *m = summary_by_id(app, fc, e, a, ids[i]);

		if (m == NULL)
			return -1;
		tv_push_shared(a, fc->recent, m);
	}
	if (logo_load(app, a, &fc->logo) < 0)
		return -1;
	fc->domain = site_domain(app, a);
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
		/* For JSON lists (JSON-LD's sameAs): all but the first. */
		tv_set_bool(a, m, "comma", tv_list_len(fc->social) > 0);
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

/* Returns the articles per listing page; see handlers.h. */
size_t
frame_per_page(const struct app *app)
{
	return (size_t)site_setting_int(&app->site, "posts_per_page", 10, 1,
	                                50);
}

/*
 * Sets what the head of a public page says to feeds, search engines and
 * share previews (templates/partials/header.html): the canonical URL (the
 * request's path on the base URL, without the query), a description (the
 * tagline, until a handler sets a better one), OpenGraph and Twitter
 * card values, and the edition's feeds.  Handlers replace what they know
 * better (article.c: the excerpt, the image, JSON-LD).
 */
static void
frame_meta(struct app *app, struct req *req, struct tval *ctx,
           const char *title)
{
	struct arena *a = req->arena;
	const struct edition *e = req->edition;
	const char *prefix = frame_prefix(req);
	char *locale = arena_strdup(a, e->lang);

	for (char *p = locale; *p; p++)
		if (*p == '-')
			*p = '_';
	tv_set_str(a, ctx, "canonical_url",
	           frame_absolute_url(app, a, req->path));
	tv_set_str(a, ctx, "meta_description",
	           frame_description(a, e->tagline));
	tv_set_str(a, ctx, "og_type", "website");
	tv_set_str(a, ctx, "og_title", title ? title : e->site_name);
	tv_set_str(a, ctx, "og_locale", locale);
	tv_set_str(a, ctx, "twitter_card", "summary");
	tv_set_str(a, ctx, "og_image", "");
	tv_set_str(a, ctx, "feed_atom_url",
	           frame_absolute_url(
	               app, a, arena_concat(a, prefix, "/feed.atom", NULL)));
	tv_set_str(a, ctx, "feed_rss_url",
	           frame_absolute_url(
	               app, a, arena_concat(a, prefix, "/feed.rss", NULL)));
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
	const char *prefix = frame_prefix(req), *years;
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
	tv_set_str(a, ctx, "home_url", arena_concat(a, prefix, "/", NULL));
	tv_set_str(a, ctx, "search_url",
	           arena_concat(a, prefix, "/search", NULL));
	tv_set_str(
	    a, ctx, "page_title",
	    title ? arena_concat(a, title, " \xe2\x80\x93 ", e->site_name, NULL)
	          : e->site_name);
	/* Public pages only: not the admin area, not error pages. */
	if (resp->status < 400 &&
	    !(strncmp(req->path, "/admin", 6) == 0 &&
	      (req->path[6] == '\0' || req->path[6] == '/')))
		frame_meta(app, req, ctx, title);
	tv_set_shared(a, ctx, "t", fc->t);
	tv_set_shared(a, ctx, "menu", fc->menu);
	tv_set_shared(a, ctx, "recent", fc->recent);
	tv_set_shared(a, ctx, "social", fc->social);
	if (fc->logo != NULL)
		tv_set_shared(a, ctx, "logo", fc->logo);
	tv_set_str(a, ctx, "site_domain", fc->domain);
	tv_set_bool(a, ctx, "has_social", tv_list_len(fc->social) > 0);
	tv_set_str(a, ctx, "footer_text",
	           site_setting(&app->site, "footer_text", ""));
	if (site_setting(&app->site, "ssi", "0")[0] == '1' && !app->static_copy)
		tv_set_str(
		    a, ctx, "ssi_recent",
		    arena_concat(a, prefix, "/_partials/recent-posts", NULL));
	if (fc->changed_at > resp->last_modified)
		resp->last_modified = fc->changed_at;

	localtime_r(&now, &tm);
	year = tm.tm_year + 1900;
	years = decimal(a, year);
	if (fc->first_year > 0 && fc->first_year < year)
		years = arena_concat(a, decimal(a, fc->first_year),
		                     "\xe2\x80\x93", years, NULL);
	tv_set_str(a, ctx, "years", localise_digits(a, e->digits, years));
	return ctx;
}
