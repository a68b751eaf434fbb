/*
 * sitemap.c: what crawlers read: /sitemap.xml, a sitemap index naming one
 * child sitemap per enabled edition, kind of content and page of at most
 * 50,000 addresses (/sitemap-articles-1.xml, /ar/sitemap-pages-1.xml …:
 * an edition's children sit under its prefix, so each lists only
 * addresses at or below its own folder, as the protocol requires), the
 * children themselves, and /robots.txt naming the index.  Only published
 * content; every address absolute from the base URL, with its last
 * change as <lastmod> where one is known.
 */
#include <string.h>

#include "../db/feed_db.h"
#include "handlers.h"

/* The protocol's limit of addresses in one sitemap. */
#define SITEMAP_MAX_URLS 50000

/* Addresses per child sitemap: the limit, or less with the setting
 * sitemap_urls_per_file (for tests, and for crawlers that prefer small
 * files). */
static long long
per_file(const struct app *app)
{
	return site_setting_int(&app->site, "sitemap_urls_per_file",
	                        SITEMAP_MAX_URLS, 1, SITEMAP_MAX_URLS);
}

/* Sets the XML content type; returns 0 or -1. */
static int
xml_type(struct resp *resp)
{
	return resp_header(resp, "Content-Type",
	                   "application/xml; charset=utf-8");
}

/*
 * GET /sitemap.xml: the sitemap index, listing for every enabled edition
 * and kind each page of its addresses with the newest change on it.
 * Public, cacheable.  Statuses: 200, 500.
 */
int
sitemap_index_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	long long limit = per_file(app);
	struct tval *ctx, *list = tv_list(a);

	for (size_t i = 0; i < app->site.editions_count; i++) {
		const struct edition *e = &app->site.editions[i];
		const char *prefix = frame_edition_prefix(a, e);

		if (!e->enabled)
			continue;
		for (int k = 0; k < SITEMAP__MAX; k++) {
			long long total, lastmod, n, pages;

			if (sitemap_db_stats(app->db, e->id, k, 0, -1, &total,
			                     &lastmod) < 0)
				return 500;
			pages = (total + limit - 1) / limit;
			for (n = 1; n <= pages; n++) {
				struct tval *m = tv_map(a);
				long long count;

				if (pages > 1 &&
				    sitemap_db_stats(app->db, e->id, k,
				                     (n - 1) * limit, limit,
				                     &count, &lastmod) < 0)
					return 500;
				tv_set_str(
				    a, m, "loc",
				    frame_absolute_url(
				        app, a,
				        arena_printf(
				            a, "%s/sitemap-%s-%lld.xml", prefix,
				            sitemap_kind_names[k], n)));
				tv_set_str(a, m, "lastmod",
				           lastmod ? frame_iso_date(a, lastmod)
				                   : "");
				tv_push(a, list, m);
			}
		}
	}
	if ((ctx = frame_context(app, req, resp, NULL)) == NULL)
		return 500;
	tv_set(a, ctx, "sitemaps", list);
	if (xml_type(resp) < 0)
		return 500;
	return app_render(app, resp, 200, "sitemap_index", ctx);
}

/*
 * GET /sitemap-KIND-{n}.xml (in every edition; KIND one of
 * sitemap_kind_names): page n of the edition's addresses of that kind.
 * Public, cacheable.  Statuses: 200, 404 (no such page: a kind with
 * nothing published has none), 500.
 */
int
sitemap_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	const char *name = req->route_path + strlen("/sitemap-");
	const char *prefix = frame_prefix(req);
	long long limit = per_file(app), offset;
	struct sitemap_url *urls;
	struct tval *ctx, *list = tv_list(a);
	size_t count, i;
	int kind;

	for (kind = 0; kind < SITEMAP__MAX; kind++) {
		size_t n = strlen(sitemap_kind_names[kind]);

		if (strncmp(name, sitemap_kind_names[kind], n) == 0 &&
		    name[n] == '-')
			break;
	}
	if (kind == SITEMAP__MAX || !req->param_int_set)
		return 404;
	offset = (req->param_int - 1) * limit;
	if (sitemap_db_urls(app->db, a, req->edition->id, kind, offset, limit,
	                    &urls, &count) < 0)
		return 500;
	if (count == 0)
		return 404;
	for (i = 0; i < count; i++) {
		struct tval *m = tv_map(a);

		tv_set_str(
		    a, m, "loc",
		    frame_absolute_url(
		        app, a, arena_concat(a, prefix, urls[i].path, NULL)));
		tv_set_str(a, m, "lastmod",
		           urls[i].lastmod ? frame_iso_date(a, urls[i].lastmod)
		                           : "");
		tv_push(a, list, m);
	}
	if ((ctx = frame_context(app, req, resp, NULL)) == NULL)
		return 500;
	tv_set(a, ctx, "urls", list);
	if (xml_type(resp) < 0)
		return 500;
	return app_render(app, resp, 200, "sitemap", ctx);
}

/*
 * GET /robots.txt: every crawler may read the site but the admin area and
 * search results (in every edition), and the sitemap index is named with
 * its absolute address.  Public, cacheable.  Statuses: 200, 500.
 */
int
robots_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct tval *ctx, *prefixes = tv_list(a);

	for (size_t i = 0; i < app->site.editions_count; i++)
		if (app->site.editions[i].enabled)
			tv_push(a, prefixes,
			        tv_str(a, frame_edition_prefix(
			                      a, &app->site.editions[i])));
	if ((ctx = frame_context(app, req, resp, NULL)) == NULL)
		return 500;
	tv_set(a, ctx, "prefixes", prefixes);
	tv_set_str(a, ctx, "sitemap_url",
	           frame_absolute_url(app, a, "/sitemap.xml"));
	if (resp_header(resp, "Content-Type", "text/plain; charset=utf-8") < 0)
		return 500;
	return app_render(app, resp, 200, "robots", ctx);
}
