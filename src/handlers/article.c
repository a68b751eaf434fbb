/*
 * article.c: the listings (home, /page/N, category and tag archives with
 * their pages) and the article page (its comments: comments.c).
 */
#include <limits.h>
#include <string.h>

#include "../db/article_admin_db.h"
#include "../db/content_db.h"
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

/*
 * Renders one page of a listing.  base is the listing's first page
 * ("" for the home page, "/category/x"), title its heading (NULL on the
 * home page).  Page 1 written out (/page/1) redirects to base; a page past
 * the end is 404, except the first page of an empty listing.
 * Statuses: 200, 301, 404, 500.
 */
static int
listing(struct app *app, struct req *req, struct resp *resp,
        enum listing_kind kind, const struct term *term, const char *base,
        const char *title)
{
	struct arena *a = req->arena;
	long long n = req->param_int_set ? req->param_int : 1;
	size_t per_page = frame_per_page(app);
	long long *ids;
	const struct tval *lead = NULL;
	size_t count, i;
	struct tval *ctx, *list;
	const char *first =
	    base[0] ? base : arena_printf(a, "%s/", frame_prefix(req));

	if (req->param_int_set && n == 1)
		return resp_redirect(resp, 301, first) < 0 ? 500 : 301;
	if (article_db_list(app->db, a, req->edition->id, kind,
	                    term ? term->id : 0, (n - 1) * (long long)per_page,
	                    per_page + 1, &ids, &count) < 0)
		return 500;
	if (count == 0 && n > 1)
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
	/* The head names the archive's own feed beside the edition's; the
	 * home page describes the organisation in JSON-LD. */
	if (term != NULL)
		tv_set_str(
		    a, ctx, "archive_feed_url",
		    frame_absolute_url(
		        app, a, arena_concat(a, base, "/feed.atom", NULL)));
	else if (n == 1) {
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
	if (listing_kept(app, req, resp))
		return 200;
	return listing(app, req, resp, LISTING_ALL, NULL, "", NULL);
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
	struct term term;
	int rc;

	if (listing_kept(app, req, resp))
		return 200;
	rc = category_db_get(app->db, req->arena, req->edition->id,
	                     req->param_slug, &term);
	/* A renamed term's old slug leads to its current address. */
	if (rc != 0)
		return rc > 0 ? redirect_old_link(app, req, resp) : 500;
	return listing(app, req, resp, LISTING_CATEGORY, &term,
	               arena_printf(req->arena, "%s/category/%s",
	                            frame_prefix(req), term.slug),
	               term.name);
}

/*
 * GET /tag/{slug} and /tag/{slug}/page/{n}: the tag's articles (a
 * renamed tag's old slug: 301, as for categories).
 * Statuses: 200, 301, 404 (unknown tag or page), 500.
 */
int
tag_show(struct app *app, struct req *req, struct resp *resp)
{
	struct term term;
	int rc;

	if (listing_kept(app, req, resp))
		return 200;
	rc = tag_db_get(app->db, req->arena, req->edition->id, req->param_slug,
	                &term);
	/* A renamed term's old slug leads to its current address. */
	if (rc != 0)
		return rc > 0 ? redirect_old_link(app, req, resp) : 500;
	return listing(
	    app, req, resp, LISTING_TAG, &term,
	    arena_printf(req->arena, "%s/tag/%s", frame_prefix(req), term.slug),
	    term.name);
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
	if (art.author_name[0] != '\0')
		tv_set_str(a, m, "author", art.author_name);
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
