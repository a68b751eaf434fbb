/*
 * page.c: static pages (About, Contact details, …) at /{slug}.
 */
#include "../db/content_db.h"
#include "../db/page_admin_db.h"
#include "handlers.h"

/* Renders a page; see handlers.h. */
int
page_page(struct app *app, struct req *req, struct resp *resp, int status,
          const struct comment_form *f)
{
	struct arena *a = req->arena;
	struct discussion disc;
	struct page page;
	struct tval *ctx, *m;
	int rc =
	    page_db_get(app->db, a, req->edition->id, req->param_slug, &page);

	if (rc > 0) {
		const char *slug;

		rc = page_db_old_slug(app->db, a, req->edition->id,
		                      req->param_slug, &slug);
		if (rc > 0) /* an imported site's old address ("/feed")? */
			return redirect_old_link(app, req, resp);
		if (rc != 0)
			return 500;
		return resp_redirect(resp, 301,
		                     arena_concat(a, frame_prefix(req), "/",
		                                  slug, NULL)) < 0
		           ? 500
		           : 301;
	}
	if (rc != 0)
		return 500;
	if ((ctx = frame_context(app, req, resp, page.title)) == NULL ||
	    translation_links(app, req, ctx, TRANSLATION_PAGE, page.id) < 0)
		return 500;
	m = tv_map(a);
	tv_set_str(a, m, "title", page.title);
	tv_set(a, m, "body", tv_html(a, page.body));
	tv_set(a, ctx, "page", m);
	if (page.updated_at > resp->last_modified)
		resp->last_modified = page.updated_at;
	comments_of_page(req, &page, &disc);
	if (comments_add(app, req, resp, m, &disc, f) < 0)
		return 500;
	return app_render(app, resp, status, "page", ctx);
}

/*
 * GET /{slug}: a published page of the edition, with links to its
 * translations, its approved comments and, where they are open, the
 * comment form (comments.c); query: reply, comment=held, as an
 * article's.  A slug the page used to have answers 301 to its current
 * address, and so does an imported site's old address of one segment
 * (redirect_old_link).  Statuses: 200, 301, 404 (no such page), 500.
 */
int
page_show(struct app *app, struct req *req, struct resp *resp)
{
	return page_page(app, req, resp, 200, NULL);
}

/*
 * GET /_partials/recent-posts: the Recent Posts box alone, for pages that
 * include it with nginx SSI (the "ssi" setting), so that publishing an
 * article changes this one fragment rather than every cached page.
 * Statuses: 200, 500.
 */
int
recent_posts_show(struct app *app, struct req *req, struct resp *resp)
{
	struct tval *ctx = frame_context(app, req, resp, NULL);

	if (ctx == NULL)
		return 500;
	return app_render(app, resp, 200, "partials/recent-posts", ctx);
}
