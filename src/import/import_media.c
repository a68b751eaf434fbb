/*
 * import_media.c: attachments and bodies (see import_internal.h).  With
 * --uploads-from, an attachment's file is checked and re-encoded as any
 * upload is (src/media/: sniff, image_store or store_file) and becomes a
 * media item; without it, or when the file is not there, it is recorded
 * with its old address and counted missing.  Bodies go through
 * render/wpbody.c with three callbacks: old upload addresses (size
 * variants too) to the library's, the library's sizes of an image, and
 * the attachments of a [gallery].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../db/import_db.h"
#include "../db/media_db.h"
#include "../media/image.h"
#include "../media/sniff.h"
#include "../media/store.h"
#include "../render/wpbody.h"
#include "../util/buf.h"
#include "import_internal.h"

/* Both the media library's image callback and ours share one context. */
struct body_ctx {
	struct importer *im;
	struct media_render mr;
};

/* The path below wp-content/uploads of an attachment, or NULL. */
static const char *
upload_rel(struct arena *a, const struct wxr_item *it)
{
	const char *f = import_meta(it, "_wp_attached_file");
	const char *u = it->attachment_url[0] ? it->attachment_url : it->guid;
	const char *p;

	if (f != NULL && f[0] != '\0' && f[0] != '/' &&
	    strstr(f, "://") == NULL)
		return f;
	if ((p = strstr(u, "/wp-content/uploads/")) != NULL)
		return import_decoded(a, p + 20);
	/* WordPress.com: https://SITE.files.wordpress.com/2008/06/x.jpg */
	if ((p = strstr(u, ".files.wordpress.com/")) != NULL)
		return import_decoded(a, p + 21);
	return NULL;
}

/* Whether rel is a safe relative path: no "..", no empty segment. */
static bool
rel_safe(const char *rel)
{
	const char *s = rel;

	if (rel[0] == '/' || rel[0] == '\0')
		return false;
	while (*s) {
		size_t n = strcspn(s, "/");

		if (n == 0 || (n == 1 && s[0] == '.') ||
		    (n == 2 && s[0] == '.' && s[1] == '.'))
			return false;
		s += n;
		if (*s == '/')
			s++;
	}
	return true;
}

/* Keeps the files of a placed upload, to remove them if the run fails. */
static void
placed(struct importer *im, const struct media_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		im->placed = arena_grow(&im->keep, im->placed, im->placed_count,
		                        &im->placed_cap, sizeof(*im->placed));
		im->placed[im->placed_count++] =
		    arena_strdup(&im->keep, files[i].path);
	}
}

/*
 * Re-encodes (or copies) the file src as an upload would be; returns 0
 * with *id set, 1 when the file was refused (skipped with its reason),
 * -1 on failure.
 */
static int
store_attachment(struct importer *im, const char *src, const char *rel,
                 const char *title, const char *alt, const char *caption,
                 long long created_at, long long *id)
{
	struct sniff_result sn;
	struct media_file *files;
	struct media_new row;
	const char *reason = NULL, *name;
	enum media_status st;
	size_t n;
	char subdir[8];

	if (sniff_file(src, &im->item, &sn) != MEDIA_OK)
		return import_fail(im, "cannot read an attachment's file");
	if (sn.kind == SNIFF_REFUSED) {
		import_skip(im, "attachment refused by type", rel);
		return 1;
	}
	store_month_subdir((time_t)im->o->now, subdir);
	if (sniff_kind_is_image(sn.kind)) {
		struct image_set set;

		st = image_store(src, sn.kind, im->o->uploads_dir, subdir,
		                 &im->item, &set, &reason);
		files = set.files;
		n = (size_t)set.files_count;
	} else {
		files = arena_calloc(&im->item, 1, sizeof(*files));
		n = 1;
		st = store_file(src, sn.kind, im->o->uploads_dir, subdir,
		                &im->item, files, &reason);
	}
	if (st == MEDIA_REFUSED) {
		import_skip(im, "attachment refused (damaged or too large)",
		            rel);
		return 1;
	}
	if (st != MEDIA_OK)
		return import_fail(im, "cannot write under the uploads folder");
	placed(im, files, n);
	name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	memset(&row, 0, sizeof(row));
	row.title = title;
	row.original_name = name;
	row.alt = alt;
	row.caption = caption;
	row.credit = "";
	row.created_at = created_at;
	if (media_db_insert_locked(im->db, &row, files, n, id) < 0)
		return import_fail(im, "cannot write a media item");
	return 0;
}

/* Handles an attachment (first pass). */
int
import_attachment(struct importer *im, const struct wxr_item *it)
{
	struct arena *a = &im->item;
	const char *key = import_item_key(a, it), *rel = upload_rel(a, it);
	const char *url = it->attachment_url[0] ? it->attachment_url : it->guid;
	const char *title = import_title(a, it->title);
	const char *alt = import_meta(it, "_wp_attachment_image_alt");
	const char *caption =
	    import_html_text(a, it->excerpt, strlen(it->excerpt), true);
	long long id = 0, created = import_item_time(it);
	struct attachment *at;
	int rc;

	if (key == NULL || it->post_id <= 0) {
		import_skip(im, "attachment without an id", title);
		return 0;
	}
	alt = alt ? import_title(a, alt) : "";
	if (created == 0)
		created = im->o->now;
	rc = import_db_map_find(im->db, im->source, IMPORT_MEDIA, key, &id);
	if (rc < 0)
		return import_fail(im, "cannot read the import map");
	if (rc == 0 && id > 0) {
		if (import_db_media_update(im->db, id, title, alt, caption) < 0)
			return import_fail(im, "cannot write a media item");
		import_counted(&im->sum->media, 0);
	} else if (im->o->uploads_from != NULL && rel != NULL &&
	           rel_safe(rel)) {
		const char *src =
		    arena_concat(a, im->o->uploads_from, "/", rel, NULL);
		struct stat stt;

		id = 0;
		if (stat(src, &stt) != 0 || !S_ISREG(stt.st_mode)) {
			id = 0;
		} else if ((rc = store_attachment(im, src, rel, title, alt,
		                                  caption, created, &id)) < 0) {
			return -1;
		} else if (rc == 1) {
			return import_db_map_set(im->db, im->source,
			                         IMPORT_MEDIA, key, 0, url,
			                         "refused") < 0
			           ? import_fail(im,
			                         "cannot write the import map")
			           : 0;
		} else {
			import_counted(&im->sum->media, 1);
		}
	} else {
		id = 0;
	}
	if (id == 0) {
		struct import_summary *s = im->sum;

		s->missing++;
		if (s->missing_examples_count < IMPORT_EXAMPLES_MAX)
			import_copy_cut(
			    s->missing_examples[s->missing_examples_count++],
			    sizeof(s->missing_examples[0]), url);
	}
	if (import_db_map_set(im->db, im->source, IMPORT_MEDIA, key, id, url,
	                      id ? "" : "missing") < 0)
		return import_fail(im, "cannot write the import map");
	im->atts = arena_grow(&im->keep, im->atts, im->atts_count,
	                      &im->atts_cap, sizeof(*im->atts));
	at = &im->atts[im->atts_count];
	memset(at, 0, sizeof(*at));
	at->wp_id = it->post_id;
	at->parent = it->post_parent;
	at->menu_order = it->menu_order;
	at->media_id = id;
	at->alt = arena_strdup(&im->keep, alt);
	at->caption = arena_strdup(&im->keep, caption);
	import_smap_put(&im->keep, &im->att_by_id, key,
	                (long long)im->atts_count);
	im->atts_count++;
	if (id == 0)
		return 0;
	{
		const char *path;

		if (import_db_media_path(im->db, a, id, &path) != 0)
			return import_fail(im, "cannot read a media item");
		at->src = arena_concat(&im->keep, "/uploads/", path, NULL);
		if (rel != NULL) {
			import_smap_put(&im->keep, &im->upload_path, rel,
			                (long long)im->atts_count - 1);
			if (import_redirect(im,
			                    arena_concat(a,
			                                 "/wp-content/uploads/",
			                                 rel, NULL),
			                    IMPORT_MEDIA, id, "", NULL) < 0)
				return -1;
		}
		if (import_redirect(im, import_old_path(a, it->link),
		                    IMPORT_MEDIA, id, "", NULL) < 0 ||
		    import_redirect(
		        im,
		        arena_printf(a, "/?attachment_id=%lld", it->post_id),
		        IMPORT_MEDIA, id, "", NULL) < 0)
			return -1;
	}
	return 0;
}

/* The sanitiser's URL callback: old uploads to the library's address. */
static bool
rewrite_url(void *ctx, const char *url, struct buf *out)
{
	struct importer *im = ctx;
	const char *p = strstr(url, "/wp-content/uploads/"), *rel, *dot;
	long long *i;
	char *plain;

	if (p != NULL)
		p += 20;
	else if ((p = strstr(url, ".files.wordpress.com/")) != NULL)
		p += 21;
	else
		return false;
	rel = import_decoded(&im->item, p);
	rel = arena_strndup(&im->item, rel, strcspn(rel, "?#"));
	i = import_smap_get(&im->upload_path, rel);
	if (i == NULL && (dot = strrchr(rel, '.')) != NULL) {
		/* "x-300x200.jpg" is a size of "x.jpg". */
		const char *q = dot;
		size_t h = 0, w = 0;

		while (q > rel && q[-1] >= '0' && q[-1] <= '9' && ++h)
			q--;
		if (h > 0 && q > rel && q[-1] == 'x') {
			q--;
			while (q > rel && q[-1] >= '0' && q[-1] <= '9' && ++w)
				q--;
			if (w > 0 && q > rel && q[-1] == '-') {
				plain = arena_concat(
				    &im->item,
				    arena_strndup(&im->item, rel,
				                  (size_t)(q - 1 - rel)),
				    dot, NULL);
				i = import_smap_get(&im->upload_path, plain);
			}
		}
	}
	if (i == NULL || im->atts[*i].src == NULL)
		return false;
	buf_puts(out, im->atts[*i].src);
	return true;
}

/* The gallery callback: an attachment by its WordPress id. */
static int
gallery_attachment(void *ctx, long long id, struct wpbody_attachment *out)
{
	struct importer *im = ctx;
	long long *i = import_smap_get(&im->att_by_id,
	                               arena_printf(&im->item, "%lld", id));
	const struct attachment *at;

	memset(out, 0, sizeof(*out));
	if (i == NULL || (at = &im->atts[*i])->src == NULL)
		return -1;
	out->src = at->src;
	out->link = at->src;
	out->alt = at->alt;
	out->caption = at->caption;
	return 0;
}

/* wpbody's URL callback over a struct body_ctx. */
static bool
body_url(void *ctx, const char *url, struct buf *out)
{
	return rewrite_url(((struct body_ctx *)ctx)->im, url, out);
}

/* wpbody's image callback: the media library's sizes. */
static int
body_image(void *ctx, const char *url, struct markdown_image *out)
{
	return media_db_image(&((struct body_ctx *)ctx)->mr, url, out);
}

/* wpbody's [gallery] callback. */
static int
body_attachment(void *ctx, long long id, struct wpbody_attachment *out)
{
	return gallery_attachment(((struct body_ctx *)ctx)->im, id, out);
}

/* Lists the attachments of post id, in menu order, for [gallery]. */
static void
post_children(struct importer *im, long long id)
{
	size_t n = 0, i, j;

	im->children =
	    arena_calloc(&im->item, im->atts_count + 1, sizeof(*im->children));
	for (i = 0; i < im->atts_count; i++)
		if (im->atts[i].parent == id && im->atts[i].src != NULL)
			im->children[n++] = (long long)i;
	for (i = 1; i < n; i++) /* insertion sort by menu order */
		for (j = i; j > 0 && im->atts[im->children[j - 1]].menu_order >
		                         im->atts[im->children[j]].menu_order;
		     j--) {
			long long t = im->children[j];

			im->children[j] = im->children[j - 1];
			im->children[j - 1] = t;
		}
	for (i = 0; i < n; i++)
		im->children[i] = im->atts[im->children[i]].wp_id;
	im->children_count = n;
}

/*
 * Converts a post's body; fills *html and, when it had <!--more--> and
 * excerpt is not NULL, *excerpt (plain text).  0, or 1 when the body
 * cannot be converted (too large: skipped).
 */
int
import_convert_body(struct importer *im, const struct wxr_item *it,
                    const char **html, const char **excerpt)
{
	struct body_ctx bc = {.im = im, .mr = {.db = im->db}};
	struct wpbody_options wo;
	struct wpbody_result r;
	int rc;

	post_children(im, it->post_id);
	memset(&wo, 0, sizeof(wo));
	wo.url = body_url;
	wo.image = body_image;
	wo.attachment = body_attachment;
	wo.ctx = &bc;
	wo.children = im->children;
	wo.children_count = im->children_count;
	arena_init(&bc.mr.arena);
	rc = wpbody_render(it->content, strlen(it->content), &wo, &r);
	arena_free(&bc.mr.arena);
	if (rc < 0)
		return 1;
	*html = arena_strndup(&im->item, r.html.html ? r.html.html : "",
	                      r.html.len);
	if (excerpt != NULL && r.has_more && r.excerpt.html != NULL)
		*excerpt = import_html_text(&im->item, r.excerpt.html,
		                            r.excerpt.len, true);
	wpbody_result_free(&r);
	return 0;
}
