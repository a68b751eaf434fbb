/*
 * media.c: the public media sections: cartoons, NewsPics, the photo
 * gallery and videos.  Each section is a grid of its published posts,
 * newest first, with Newer/Older pages; each post has its page.  An album
 * is a grid of photos, each a link to its own page with the previous and
 * next photo: a lightbox that needs no script (www/js/gallery.js only adds
 * the arrow keys and swipes).  A YouTube or Vimeo video is a link to the
 * video on its site that a click turns, where script runs
 * (www/js/video.js), into the provider's privacy-enhanced player: nothing
 * is asked of the provider until the reader clicks, and only video pages
 * allow those two players as frames (resp_csp_add).
 */
#include <string.h>

#include "../db/section_db.h"
#include "../util/video.h"
#include "handlers.h"

/* Posts on a page of a section: a grid of two, three or four columns. */
#define SECTION_PER_PAGE 12

/* Images of a grid loaded at once (the first row or so). */
#define GRID_EAGER 4

static const struct frame_section sections[] = {
    {"cartoons", "/media/cartoons", "cartoons"},
    {"newspics", "/media/newspics", "newspics"},
    {"photos", "/media/photos", "photos"},
    {"videos", "/media/videos", "videos"},
};

/* Returns the section whose address the route matched, or NULL. */
static const struct frame_section *
section_of(const struct req *req)
{
	return frame_section_of(req, sections,
	                        sizeof(sections) / sizeof(sections[0]));
}

/* The date, its machine-readable form and the author of a post. */
static void
set_dates(struct app *app, struct req *req, struct tval *m, long long t)
{
	tv_set_str(req->arena, m, "date", frame_date(app, req, t));
	tv_set_str(req->arena, m, "datetime", frame_iso_date(req->arena, t));
}

/*
 * GET /media/{cartoons,newspics,photos,videos} and …/page/{n}: a grid of
 * the section's published posts (albums show their cover, else their
 * first photo, and their photo count), 12 a page, newest first.
 * Statuses: 200, 301 (/page/1), 404 (past the end), 500.
 */
int
media_section_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	const struct frame_section *sec = section_of(req);
	long long n = req->param_int_set ? req->param_int : 1;
	struct media_post *posts;
	size_t count, i;
	struct tval *ctx, *list;
	const char *base, *prefix = frame_prefix(req);

	if (sec == NULL)
		return 404;
	base = arena_concat(a, prefix, sec->path, NULL);
	if (req->param_int_set && n == 1)
		return resp_redirect(resp, 301, base) < 0 ? 500 : 301;
	if (media_post_db_list(app->db, a, req->edition->id, sec->name,
	                       (n - 1) * SECTION_PER_PAGE, SECTION_PER_PAGE + 1,
	                       &posts, &count) < 0)
		return 500;
	if (count == 0 && n > 1)
		return 404;
	ctx = frame_context(app, req, resp,
	                    edition_string(req->edition, sec->label));
	if (ctx == NULL)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count && i < SECTION_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		tv_set_str(a, m, "title", posts[i].title);
		tv_set_str(a, m, "url",
		           arena_concat(a, base, "/", posts[i].slug, NULL));
		set_dates(app, req, m, posts[i].published_at);
		if (strcmp(sec->name, "photos") == 0) {
			tv_set_int(a, m, "photos", posts[i].photos);
			tv_set_str(a, m, "photos_label",
			           frame_count(a, req->edition, "photos",
			                       posts[i].photos));
		} else {
			tv_set_int(a, m, "photos", 0);
		}
		if (posts[i].image.path[0] != '\0')
			tv_set(a, m, "image",
			       frame_media_image(app, a, &posts[i].image));
		tv_set_bool(a, m, "eager", i < GRID_EAGER);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "items", list);
	tv_set_bool(a, ctx, "has_items", count > 0);
	tv_set_str(a, ctx, "heading", edition_string(req->edition, sec->label));
	/* Each image sits beside its post's linked title. */
	tv_set_bool(a, ctx, "decorative", true);
	frame_pager(req, ctx, base, n, count > SECTION_PER_PAGE);
	return app_render(app, resp, 200, "media_list", ctx);
}

/*
 * Reads the published post {slug} of the route's section into p and sets
 * *url to its address (in the request's arena).  Raises Last-Modified to
 * the post's change.  Returns 0, or the status: 404, 500.
 */
static int
post_read(struct app *app, struct req *req, struct resp *resp,
          struct media_post *p, const char **url)
{
	const struct frame_section *sec = section_of(req);
	int rc;

	if (sec == NULL)
		return 404;
	rc = media_post_db_get(app->db, req->arena, req->edition->id, sec->name,
	                       req->param_slug, p);
	if (rc != 0)
		return rc > 0 ? 404 : 500;
	*url = arena_concat(req->arena, frame_prefix(req), sec->path, "/",
	                    p->slug, NULL);
	if (p->updated_at > resp->last_modified)
		resp->last_modified = p->updated_at;
	return 0;
}

/*
 * Starts a post's page: the frame titled with the post's title and a
 * map "post" with what every post's page shows (title, section, dates,
 * author, caption, image, share links), which it returns.  NULL when the
 * site could not be loaded.
 */
static struct tval *
post_page(struct app *app, struct req *req, struct resp *resp,
          const struct media_post *p, const char *url, struct tval **ctx)
{
	struct arena *a = req->arena;
	const struct frame_section *sec = section_of(req);
	struct tval *m;

	if ((*ctx = frame_context(app, req, resp, p->title)) == NULL)
		return NULL;
	m = tv_map(a);
	tv_set_str(a, m, "title", p->title);
	tv_set_str(a, m, "section_url",
	           arena_concat(a, frame_prefix(req), sec->path, NULL));
	tv_set_str(a, m, "section_name",
	           edition_string(req->edition, sec->label));
	set_dates(app, req, m, p->published_at);
	if (p->author_name[0] != '\0')
		tv_set_str(a, m, "author", p->author_name);
	tv_set(a, m, "caption_html", tv_html(a, p->caption));
	if (p->image.path[0] != '\0')
		tv_set(a, m, "image", frame_media_image(app, a, &p->image));
	tv_set_bool(a, m, "eager", true);
	tv_set(a, m, "share",
	       frame_share(app, a, url, p->title, p->image.path));
	tv_set(a, *ctx, "post", m);
	return m;
}

/* Adds to a video post's map what plays it: an uploaded file ("upload")
 * or a YouTube or Vimeo facade ("embed"), and the page's CSP and script
 * for the latter. */
static void
video_parts(struct req *req, struct resp *resp, const struct media_post *p,
            struct tval *ctx, struct tval *post)
{
	struct arena *a = req->arena;
	enum video_provider vp = video_provider_from_name(p->video_provider);
	struct tval *m = tv_map(a), *scripts;
	const struct media_ref *size =
	    p->video.width > 0 ? &p->video : &p->image;

	if (p->video.path[0] != '\0') {
		tv_set_str(a, m, "file",
		           arena_concat(a, "/uploads/", p->video.path, NULL));
		tv_set_str(a, m, "mime", p->video_mime);
		if (size->path[0] != '\0' && size->width > 0) {
			tv_set_int(a, m, "width", size->width);
			tv_set_int(a, m, "height", size->height);
		}
		tv_set(a, post, "upload", m);
		resp_csp_add(resp, "media-src 'self'");
		return;
	}
	if (!video_id_valid(vp, p->video_ref))
		return;
	tv_set_str(a, m, "watch_url", video_watch_url(a, vp, p->video_ref));
	tv_set_str(a, m, "embed_url", video_embed_url(a, vp, p->video_ref));
	tv_set_str(a, m, "play_label",
	           edition_string(req->edition, vp == VIDEO_YOUTUBE
	                                            ? "video_on_youtube"
	                                            : "video_on_vimeo"));
	tv_set_str(a, m, "note",
	           edition_string(req->edition, vp == VIDEO_YOUTUBE
	                                            ? "video_youtube_note"
	                                            : "video_vimeo_note"));
	tv_set(a, post, "embed", m);
	/* Only this page may frame the players; the click loads them. */
	resp_csp_add(resp, "frame-src " VIDEO_FRAME_SRC);
	scripts = tv_list(a);
	tv_push(a, scripts, tv_str(a, "/js/video.js"));
	tv_set(a, ctx, "scripts", scripts);
}

/*
 * GET /media/{cartoons,newspics,videos}/{slug}: one published post: the
 * image with its caption (cartoons, NewsPics), or the video: an uploaded
 * file in <video> (preload none, the poster) with a download link, or a
 * YouTube or Vimeo video as a link showing the poster that a click turns
 * into the provider's player; then the caption and share links.  GET
 * /media/photos/{slug}: an album: its caption and a grid of its photos,
 * each a link to the photo's page.
 * Statuses: 200, 404 (no published post of the section with that slug),
 * 500.
 */
int
media_post_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct media_post p;
	struct tval *ctx, *post, *list;
	struct album_photo *photos;
	const char *url;
	size_t count, i;
	int rc = post_read(app, req, resp, &p, &url);

	if (rc != 0)
		return rc;
	if ((post = post_page(app, req, resp, &p, url, &ctx)) == NULL)
		return 500;
	if (strcmp(p.section, "videos") == 0) {
		video_parts(req, resp, &p, ctx, post);
		return app_render(app, resp, 200, "media_post", ctx);
	}
	if (strcmp(p.section, "photos") != 0) {
		tv_set_bool(a, post, "picture", true);
		return app_render(app, resp, 200, "media_post", ctx);
	}
	if (album_db_photos(app->db, a, p.id, &photos, &count) < 0)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		struct tval *m = tv_map(a);

		tv_set_str(a, m, "url",
		           arena_printf(a, "%s/%lld", url, photos[i].position));
		tv_set(a, m, "image",
		       frame_media_image(app, a, &photos[i].image));
		tv_set_str(a, m, "position",
		           frame_number(a, req->edition, (long long)i + 1));
		tv_set_str(a, m, "total",
		           frame_number(a, req->edition, (long long)count));
		tv_set_bool(a, m, "eager", i < GRID_EAGER);
		tv_push(a, list, m);
	}
	tv_set(a, post, "album", list);
	tv_set_bool(a, post, "has_photos", count > 0);
	tv_set_str(a, post, "photos_label",
	           frame_count(a, req->edition, "photos", (long long)count));
	return app_render(app, resp, 200, "album", ctx);
}

/*
 * GET /media/photos/{slug}/{n}: the photo at position n of a published
 * album, large, with its caption, "Photo 3 of 12", links to the previous
 * and next photos and back to the album, and share links to this page.
 * Statuses: 200, 404 (no such album or photo), 500.
 */
int
album_photo_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct media_post p;
	struct tval *ctx, *m, *scripts;
	struct album_photo *photos;
	size_t count, i;
	const char *album_url, *url, *title;
	int rc = post_read(app, req, resp, &p, &album_url);

	if (rc != 0)
		return rc;
	if (album_db_photos(app->db, a, p.id, &photos, &count) < 0)
		return 500;
	for (i = 0; i < count && photos[i].position != req->param_int; i++)
		;
	if (i == count)
		return 404;
	url = arena_printf(a, "%s/%lld", album_url, photos[i].position);
	title = arena_printf(a, "%s \xe2\x80\x93 %s %zu %s %zu", p.title,
	                     edition_string(req->edition, "photo_n"), i + 1,
	                     edition_string(req->edition, "photo_of"), count);
	if ((ctx = frame_context(app, req, resp, title)) == NULL)
		return 500;
	m = tv_map(a);
	tv_set_str(a, m, "title", title);
	tv_set_str(a, m, "album_title", p.title);
	tv_set_str(a, m, "album_url", album_url);
	tv_set_str(a, m, "position",
	           frame_number(a, req->edition, (long long)i + 1));
	tv_set_str(a, m, "total",
	           frame_number(a, req->edition, (long long)count));
	tv_set(a, m, "image", frame_media_image(app, a, &photos[i].image));
	tv_set_str(a, m, "caption", photos[i].caption);
	tv_set_bool(a, m, "eager", true);
	tv_set_str(a, m, "prev_url",
	           i > 0 ? arena_printf(a, "%s/%lld", album_url,
	                                photos[i - 1].position)
	                 : "");
	tv_set_str(a, m, "next_url",
	           i + 1 < count ? arena_printf(a, "%s/%lld", album_url,
	                                        photos[i + 1].position)
	                         : "");
	tv_set(a, m, "share",
	       frame_share(app, a, url, title, photos[i].image.path));
	tv_set(a, ctx, "photo_page", m);
	scripts = tv_list(a);
	tv_push(a, scripts, tv_str(a, "/js/gallery.js"));
	tv_set(a, ctx, "scripts", scripts);
	return app_render(app, resp, 200, "album_photo", ctx);
}
