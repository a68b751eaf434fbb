/*
 * article.c: the listings (home, /page/N, category, tag, author and date
 * archives with their pages) and the article page (its comments:
 * comments.c).
 */
#include <limits.h>
#include <string.h>
#include <time.h>

#include "../db/article_admin_db.h"
#include "../db/content_db.h"
#include "../util/calendar.h"
#include "handlers.h"

/*
 * The sizes attribute of featured images (templates/partials/image.html),
 * from the layout in www/css/site.css: a listing's image is 17rem wide
 * beside its text, the whole column (viewport less 2rem) below 48rem; an
 * article's spans the main column (75rem less the 20rem sidebar, the
 * 3.5rem gap and 2rem of padding), the whole width below 60rem.
 */
#define SIZES_SUMMARY "(max-width: 48rem) calc(100vw - 2rem), 17rem"
#define SIZES_FEATURED                                                         \
	"(max-width: 60rem) calc(100vw - 2rem), "                              \
	"(max-width: 75rem) calc(100vw - 25.5rem), 49.5rem"

/*
 * Sets what the head of an article's page says of it (partials/
 * header.html): its excerpt as the description, og:type article, its
 * featured image (absolute) for OpenGraph and a large Twitter card, and
 * the NewsArticle JSON-LD (headline, dates, author, image, publisher,
 * the page, language).  summary is the article's cached description.
 */
static void
article_meta(struct app *app, struct req *req, struct tval *ctx,
             const struct article *art, const struct tval *summary)
{
	struct arena *a = req->arena;
	const char *excerpt = tv_text(tv_get(summary, "excerpt"));
	const char *src = tv_text(tv_get(tv_get(summary, "image"), "src"));
	const char *image = src ? frame_absolute_url(app, a, src) : "";
	struct tval *ld = tv_map(a);

	if (excerpt != NULL && excerpt[0] != '\0')
		tv_set_str(a, ctx, "meta_description",
		           frame_description(a, excerpt));
	tv_set_str(a, ctx, "og_type", "article");
	if (image[0] != '\0') {
		tv_set_str(a, ctx, "og_image", image);
		tv_set_str(a, ctx, "twitter_card", "summary_large_image");
	}
	tv_set_str(a, ld, "headline", art->title);
	tv_set_str(a, ld, "published", frame_iso_date(a, art->published_at));
	tv_set_str(a, ld, "modified",
	           frame_iso_date(a, art->updated_at > art->published_at
	                                 ? art->updated_at
	                                 : art->published_at));
	tv_set_str(a, ld, "author", art->author_name);
	tv_set_str(a, ld, "image", image);
	tv_set_str(a, ld, "home",
	           frame_absolute_url(
	               app, a, arena_concat(a, frame_prefix(req), "/", NULL)));
	tv_set(a, ctx, "jsonld_article", ld);
}

/* What one listing shows: which articles, its address and heading. */
struct listing_of {
	enum listing_kind kind;
	const struct term *term; /* the category, tag or author; NULL */
	long long from, to;      /* a period [from, to) when to > 0 */
	const char *base;        /* its first page: "" (home), "/tag/x" */
	const char *title;       /* its heading; NULL on the home page */
};

/*
 * Renders one page of a listing.  Page 1 written out (/page/1) redirects
 * to the first page; a page past the end is 404, and so is an empty
 * period, but not the first page of another empty listing.
 * Statuses: 200, 301, 404, 500.
 */
static int
listing(struct app *app, struct req *req, struct resp *resp,
        const struct listing_of *of)
{
	struct arena *a = req->arena;
	long long n = req->param_int_set ? req->param_int : 1;
	size_t per_page = frame_per_page(app);
	long long *ids, offset = (n - 1) * (long long)per_page;
	const struct tval *lead = NULL;
	const struct term *term = of->term;
	const char *base = of->base, *title = of->title;
	size_t count, i;
	struct tval *ctx, *list;
	const char *first =
	    base[0] ? base : arena_printf(a, "%s/", frame_prefix(req));
	int rc;

	if (req->param_int_set && n == 1)
		return resp_redirect(resp, 301, first) < 0 ? 500 : 301;
	rc = of->to > 0 ? article_db_list_period(app->db, a, req->edition->id,
	                                         of->from, of->to, offset,
	                                         per_page + 1, &ids, &count)
	                : article_db_list(app->db, a, req->edition->id,
	                                  of->kind, term ? term->id : 0, offset,
	                                  per_page + 1, &ids, &count);
	if (rc < 0)
		return 500;
	if (count == 0 && (n > 1 || of->to > 0))
		return 404;
	ctx = frame_context(
	    app, req, resp,
	    n > 1 && title == NULL
	        ? arena_printf(a, "%s %lld",
	                       edition_string(req->edition, "page_n"), n)
	        : title);
	if (ctx == NULL)
		return 500;
	/* The first entry is apart: its image is above the fold and loads at
	 * once (the template wraps it in above_fold, which says eager). */
	if (count > 0) {
		struct tval *fold = tv_map(a);

		if ((lead = frame_article_summary(app, req, ids[0])) == NULL)
			return 500;
		tv_set_bool(a, fold, "eager", true);
		tv_set(a, ctx, "above_fold", fold);
		tv_set_shared(a, ctx, "lead", lead);
	}
	/* The image repeats the link of the title beside it: alt="". */
	tv_set_bool(a, ctx, "decorative", true);
	tv_set_str(a, ctx, "image_sizes", SIZES_SUMMARY);
	list = tv_list(a);
	for (i = 1; i < count && i < per_page; i++) {
		const struct tval *m = frame_article_summary(app, req, ids[i]);

		if (m == NULL)
			return 500;
		tv_push_shared(a, list, m);
	}
	tv_set(a, ctx, "articles", list);
	if (title != NULL)
		tv_set_str(a, ctx, "heading", title);
	if (term != NULL && term->description[0] != '\0') {
		tv_set_str(a, ctx, "description", term->description);
		tv_set_str(a, ctx, "meta_description",
		           frame_description(a, term->description));
	}
	/* The head names the archive's own feeds, Atom and RSS, beside the
	 * edition's (a period has none); the home page describes the
	 * organisation in JSON-LD. */
	if (term != NULL) {
		tv_set_str(
		    a, ctx, "archive_feed_url",
		    frame_absolute_url(
		        app, a, arena_concat(a, base, "/feed.atom", NULL)));
		tv_set_str(
		    a, ctx, "archive_rss_url",
		    frame_absolute_url(
		        app, a, arena_concat(a, base, "/feed.rss", NULL)));
	} else if (n == 1 && of->to == 0) {
		struct tval *org = tv_map(a);

		tv_set_str(a, org, "home", frame_absolute_url(app, a, first));
		tv_set(a, ctx, "jsonld_org", org);
	}
	/* Every image of a listing sits beside its linked title. */
	tv_set_bool(a, ctx, "decorative", true);
	frame_pager(req, ctx, base, n, count > per_page);
	if (app_render(app, resp, 200, "listing", ctx) != 200)
		return 500;
	if (req->query_raw[0] == '\0')
		frame_page_put(app, req, resp, LLONG_MAX);
	return 200;
}

/*
 * Answers from the listing kept for the request's path (frame_page_get:
 * rendered once per worker and reload, as articles are), when the request
 * has no query; before anything is read, the term of an archive included
 * (a kept page's term exists: a commit would have dropped the page).
 */
static bool
listing_kept(struct app *app, struct req *req, struct resp *resp)
{
	return req->query_raw[0] == '\0' &&
	       frame_page_get(app, req, resp, NULL);
}

/*
 * GET / and /page/{n}: the latest articles of the edition.
 * Statuses: 200, 301 (/page/1), 404 (past the end), 500.
 */
int
home_show(struct app *app, struct req *req, struct resp *resp)
{
	struct listing_of of = {.kind = LISTING_ALL, .base = ""};

	if (listing_kept(app, req, resp))
		return 200;
	return listing(app, req, resp, &of);
}

/*
 * GET /category/{slug} and /category/{slug}/page/{n}: the category's
 * articles, including those of its subcategories.  An old slug of a
 * renamed category (or a WordPress category address the import kept)
 * answers 301 with the category's address.
 * Statuses: 200, 301, 404 (unknown category or page), 500.
 */
int
category_show(struct app *app, struct req *req, struct resp *resp)
{
	struct listing_of of = {0};
	struct term term;
	int rc;

	if (listing_kept(app, req, resp))
		return 200;
	rc = category_db_get(app->db, req->arena, req->edition->id,
	                     req->param_slug, &term);
	/* A renamed term's old slug leads to its current address. */
	if (rc != 0)
		return rc > 0 ? redirect_old_link(app, req, resp) : 500;
	of.kind = LISTING_CATEGORY;
	of.term = &term;
	of.base = arena_printf(req->arena, "%s/category/%s", frame_prefix(req),
	                       term.slug);
	of.title = term.name;
	return listing(app, req, resp, &of);
}

/*
 * GET /tag/{slug} and /tag/{slug}/page/{n}: the tag's articles (a
 * renamed tag's old slug: 301, as for categories).
 * Statuses: 200, 301, 404 (unknown tag or page), 500.
 */
int
tag_show(struct app *app, struct req *req, struct resp *resp)
{
	struct listing_of of = {0};
	struct term term;
	int rc;

	if (listing_kept(app, req, resp))
		return 200;
	rc = tag_db_get(app->db, req->arena, req->edition->id, req->param_slug,
	                &term);
	/* A renamed term's old slug leads to its current address. */
	if (rc != 0)
		return rc > 0 ? redirect_old_link(app, req, resp) : 500;
	of.kind = LISTING_TAG;
	of.term = &term;
	of.base =
	    arena_printf(req->arena, "%s/tag/%s", frame_prefix(req), term.slug);
	of.title = term.name;
	return listing(app, req, resp, &of);
}

/* Returns form with its "{name}" replaced by name, in a (name alone when
 * the form has no "{name}"). */
static const char *
fill_name(struct arena *a, const char *form, const char *name)
{
	const char *at = strstr(form, "{name}");

	if (at == NULL)
		return name;
	return arena_printf(a, "%.*s%s%s", (int)(at - form), form, name,
	                    at + 6);
}

/*
 * GET /author/{slug} and /author/{slug}/page/{n}: the published articles
 * of one staff member in the edition, newest first, headed with their
 * display name (author_archive); nothing else of the account is shown.
 * The slug is the account's (users.slug), made from the display name
 * when the account was (sql/027_author_slugs.sql), so the address shows
 * no login.  An account with no published article in the edition has no
 * archive, so the site never lists staff who do not write.
 * Statuses: 200, 301 (/page/1; an old address), 404 (no such author, or none of
 * their articles here; a page past the end), 500.
 */
int
author_show(struct app *app, struct req *req, struct resp *resp)
{
	struct listing_of of = {0};
	struct term term;
	int rc;

	if (listing_kept(app, req, resp))
		return 200;
	rc = author_db_get(app->db, req->arena, req->edition->id,
	                   req->param_slug, &term);
	/* An address from before it was made from the display name (or a
	 * WordPress author's, from the importer) leads to the current one. */
	if (rc != 0)
		return rc > 0 ? redirect_old_link(app, req, resp) : 500;
	of.kind = LISTING_AUTHOR;
	of.term = &term;
	of.base = arena_printf(req->arena, "%s/author/%s", frame_prefix(req),
	                       term.slug);
	of.title = fill_name(req->arena,
	                     edition_string(req->edition, "author_archive"),
	                     term.name);
	return listing(app, req, resp, &of);
}

/*
 * Sets [*from, *to) to the year, month (m > 0) or day (d > 0) in the
 * site's time zone (the process's, as dates are shown).  Returns -1 for a
 * day its month does not have.
 */
static int
period_bounds(int y, int m, int d, long long *from, long long *to)
{
	struct tm start = {0}, end;
	time_t f, t;

	if (d > 0 && d > cal_gregorian_month_days(y, m))
		return -1;
	start.tm_year = y - 1900;
	start.tm_mon = m > 0 ? m - 1 : 0;
	start.tm_mday = d > 0 ? d : 1;
	start.tm_isdst = -1;
	end = start;
	if (d > 0)
		end.tm_mday++;
	else if (m > 0)
		end.tm_mon++;
	else
		end.tm_year++;
	f = mktime(&start);
	t = mktime(&end);
	if (f == (time_t)-1 || t == (time_t)-1 || t <= f)
		return -1;
	*from = (long long)f;
	*to = (long long)t;
	return 0;
}

/*
 * GET /{year}, /{year}/{month}, /{year}/{month}/{day}, each with
 * /page/{n}: the edition's articles published in that year, month or day
 * of the Gregorian calendar in the site's time zone, newest first, headed
 * with the period as the edition names it (frame_period).  A published
 * page of the edition whose slug is the year keeps its address: /{year}
 * shows the page, and the year's archive has no pages there.
 * Statuses: 200, 301 (/page/1), 404 (a day its month lacks, a period
 * with no article, a page past the end), 500.
 */
int
date_archive_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct listing_of of = {0};
	int y = req->param_year, m = req->param_month, d = req->param_day;

	if (listing_kept(app, req, resp))
		return 200;
	if (m == 0) {
		struct page page;
		const char *slug = arena_printf(a, "%d", y);
		int rc = page_db_get(app->db, a, req->edition->id, slug, &page);

		if (rc < 0)
			return 500;
		if (rc == 0 && req->param_int_set)
			return 404;
		if (rc == 0) {
			req->param_slug = slug;
			return page_show(app, req, resp);
		}
	}
	if (period_bounds(y, m, d, &of.from, &of.to) < 0)
		return 404;
	of.kind = LISTING_ALL;
	of.base = d > 0 ? arena_printf(a, "%s/%04d/%02d/%02d",
	                               frame_prefix(req), y, m, d)
	          : m > 0
	              ? arena_printf(a, "%s/%04d/%02d", frame_prefix(req), y, m)
	              : arena_printf(a, "%s/%04d", frame_prefix(req), y);
	of.title = frame_period(a, req->edition, of.from, y, m, d);
	return listing(app, req, resp, &of);
}

/*
 * Renders an article's page, as article_page, and sets *until to when it
 * stops being right without a commit: when its comments close by age
 * (frame_page_put keeps no page past the quarter hour anyway).
 */
static int
render_article(struct app *app, struct req *req, struct resp *resp, int status,
               const struct comment_form *f, long long *until)
{
	struct arena *a = req->arena;
	struct article art;
	struct discussion disc;
	struct tval *ctx, *m, *tags;
	const struct tval *n;
	const char *prefix = frame_prefix(req);
	int rc =
	    article_db_get(app->db, a, req->edition->id, req->param_slug, &art);
	size_t i;

	if (rc > 0) {
		/* An old slug leads to the article's current address. */
		const char *slug;

		rc = article_db_old_slug(app->db, a, req->edition->id,
		                         req->param_slug, &slug);
		if (rc != 0)
			return rc > 0 ? 404 : 500;
		return resp_redirect(resp, 301,
		                     arena_concat(a, prefix, "/articles/", slug,
		                                  NULL)) < 0
		           ? 500
		           : 301;
	}
	if (rc != 0)
		return 500;
	if ((ctx = frame_context(app, req, resp, art.title)) == NULL ||
	    translation_links(app, req, ctx, TRANSLATION_ARTICLE, art.id) < 0)
		return 500;
	/* What listings show of it (shared, cached), and beside it what only
	 * its own page shows; the template opens the second inside the
	 * first. */
	if ((n = frame_article_summary(app, req, art.id)) == NULL)
		return 500;
	tv_set_shared(a, ctx, "article", n);
	article_meta(app, req, ctx, &art, n);
	/* The featured image is at the top: loaded at once. */
	tv_set_bool(a, ctx, "eager", true);
	tv_set_str(a, ctx, "image_sizes", SIZES_FEATURED);
	m = tv_map(a);
	tv_set(a, m, "body", tv_html(a, art.body));
	/* The featured image is the page's largest: loaded at once. */
	tv_set_bool(a, m, "eager", true);
	tags = tv_list(a);
	for (i = 0; i < art.tags_count; i++) {
		struct tval *t = tv_map(a);

		tv_set_str(a, t, "name", art.tags[i].name);
		tv_set_str(
		    a, t, "url",
		    arena_concat(a, prefix, "/tag/", art.tags[i].slug, NULL));
		tv_push(a, tags, t);
	}
	tv_set(a, m, "tags", tags);
	tv_set_bool(a, m, "has_tags", art.tags_count > 0);
	if (art.prev_id != 0 &&
	    (n = frame_article_summary(app, req, art.prev_id)) != NULL)
		tv_set_shared(a, m, "prev", n);
	if (art.next_id != 0 &&
	    (n = frame_article_summary(app, req, art.next_id)) != NULL)
		tv_set_shared(a, m, "next", n);
	tv_set(a, ctx, "article_page", m);
	if (art.updated_at > resp->last_modified)
		resp->last_modified = art.updated_at;
	comments_of_article(app, req, &art, &disc);
	if (comments_add(app, req, resp, m, &disc, f) < 0)
		return 500;
	if (until != NULL)
		*until = disc.open ? disc.close_at : LLONG_MAX;
	return app_render(app, resp, status, "article", ctx);
}

/* Renders an article's page; see handlers.h. */
int
article_page(struct app *app, struct req *req, struct resp *resp, int status,
             const struct comment_form *f)
{
	return render_article(app, req, resp, status, f, NULL);
}

/*
 * GET /articles/{slug}: one published article with its category, date,
 * author, body, tags, links to the older and newer article, its approved
 * comments and the comment form (comments.c).  Query: reply (the id of a
 * comment the form answers), comment=held (after a comment that waits:
 * a note).  Statuses: 200, 301 (an old slug), 404 (no published article
 * with that slug), 500.  Without a query the page is rendered once per
 * worker and reload and kept (frame_page_get): a request then costs the
 * copy of the page and a fresh token for its form.
 */
int
article_show(struct app *app, struct req *req, struct resp *resp)
{
	long long until;
	int rc;

	if (req->query_raw[0] != '\0')
		return article_page(app, req, resp, 200, NULL);
	if (frame_page_get(app, req, resp, comments_token))
		return 200;
	rc = render_article(app, req, resp, 200, NULL, &until);
	if (rc == 200)
		frame_page_put(app, req, resp, until);
	return rc;
}
