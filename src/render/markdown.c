/*
 * markdown.c: the only caller of cmark.  Renders an article or page body
 * to HTML in cmark's safe mode: raw HTML becomes an "omitted" comment and
 * cmark empties javascript:, vbscript:, file: and most data: URLs.  On top
 * of that we apply the same URL rule as html_url(): a link or image whose
 * URL has a scheme other than http, https or mailto is unwrapped (the link
 * text or the image's alt text stays, the element goes), so no empty
 * href/src reaches a page.  Templates and escaping live in template.c and
 * html.c; imported HTML goes through sanitize.c, not here.
 *
 * Images are written by us rather than by cmark (markdown_rewrite_images),
 * with loading="lazy", decoding="async" and, when the caller can tell their
 * size, width and height, so that pages do not jump as images arrive; for
 * an image of the media library, also its srcset (and a <picture> with its
 * WebP sizes), which the caller makes (media/srcset.c).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "html.h"
#include "markdown.h"

#define MARKDOWN_OPTIONS (CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART)

/* Returns whether url is empty once the spaces and control characters
 * that html_url drops are gone: such an image would load the page itself. */
static bool
url_is_blank(const char *url)
{
	if (url == NULL)
		return true;
	for (; *url != '\0'; url++)
		if ((unsigned char)*url > 0x20)
			return false;
	return true;
}

/*
 * Replaces node by its children (link text, alt text) and frees it.  Should
 * cmark ever refuse a move, the node keeps its place with an empty URL
 * instead, and is not freed (another collected node may be inside it).
 */
static void
markdown_unwrap(cmark_node *node)
{
	cmark_node *child;

	while ((child = cmark_node_first_child(node)) != NULL) {
		if (!cmark_node_insert_before(node, child)) {
			(void)cmark_node_set_url(node, "");
			return;
		}
	}
	cmark_node_free(node);
}

/*
 * Unwraps every link whose URL html_url_allowed refuses (the rule every
 * URL on a page follows) and every
 * image whose URL is refused or empty (an <img src=""> is invalid HTML and
 * loads the page itself).  Nodes are collected first and changed after
 * the walk, since cmark's iterator must not see the tree change under it.
 */
static void
markdown_filter_urls(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **bad = NULL;
	size_t bad_count = 0, bad_cap = 0, i;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);
		const char *url;

		if (ev != CMARK_EVENT_ENTER ||
		    (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
			continue;
		url = cmark_node_get_url(node);
		if ((url == NULL || html_url_allowed(url, strlen(url))) &&
		    !(type == CMARK_NODE_IMAGE && url_is_blank(url)))
			continue;
		if (bad_count == bad_cap) {
			bad_cap = bad_cap ? bad_cap * 2 : 16;
			bad = xrealloc(bad, bad_cap * sizeof(*bad));
		}
		bad[bad_count++] = node;
	}
	cmark_iter_free(it);
	/* Each unwrap moves the node's children out before freeing it, so
	 * a collected node nested inside another is never freed early. */
	for (i = 0; i < bad_count; i++)
		markdown_unwrap(bad[i]);
	free(bad);
}

/* Appends the plain text below node (an image's alt text). */
static void
plain_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_putc(out, ' ');
		else if ((t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) &&
		         (lit = cmark_node_get_literal(n)) != NULL)
			buf_puts(out, lit);
	}
	cmark_iter_free(it);
}

/* Whether node stands inside a link. */
static bool
in_link(cmark_node *node)
{
	for (node = cmark_node_parent(node); node != NULL;
	     node = cmark_node_parent(node))
		if (cmark_node_get_type(node) == CMARK_NODE_LINK)
			return true;
	return false;
}

/*
 * Writes the <img> element for an image node: every value through the
 * escapers of html.c, the URL through html_url (already checked by
 * markdown_filter_urls), what the caller knows of the image (size,
 * srcset; a <picture> around it for WebP sizes), and lazy loading.  An
 * image of another site becomes a link to it (html_offsite_image).
 * Returns 0, or -1 when the URL is refused.
 */
static int
image_html(cmark_node *img, markdown_image_fn image, void *image_ctx,
           struct buf *out)
{
	const char *url = cmark_node_get_url(img);
	const char *title = cmark_node_get_title(img);
	struct markdown_image known;
	struct buf alt;

	if (html_url_offsite(url, strlen(url))) {
		int rc;

		buf_init(&alt);
		plain_text(img, &alt);
		rc = html_offsite_image(out, url, alt.data, in_link(img));
		buf_free(&alt);
		return rc;
	}
	memset(&known, 0, sizeof(known));
	if (image == NULL || image(image_ctx, url, &known) != 0)
		memset(&known, 0, sizeof(known));
	if (known.webp_srcset != NULL) {
		buf_puts(out, "<picture><source type=\"image/webp\"");
		html_attr(out, "srcset", known.webp_srcset);
		html_attr(out, "sizes", MARKDOWN_IMAGE_SIZES);
		buf_putc(out, '>');
	}
	buf_puts(out, "<img src=\"");
	if (html_url(out, url, strlen(url)) < 0)
		return -1;
	buf_putc(out, '"');
	buf_init(&alt);
	plain_text(img, &alt);
	html_attr(out, "alt",
	          alt.data != NULL && alt.data[0] != '\0' ? alt.data
	          : known.alt != NULL && in_link(img)     ? known.alt
	                                                  : "");
	buf_free(&alt);
	if (title != NULL && *title != '\0')
		html_attr(out, "title", title);
	if (known.width > 0 && known.height > 0)
		buf_printf(out, " width=\"%lld\" height=\"%lld\"", known.width,
		           known.height);
	if (known.srcset != NULL) {
		html_attr(out, "srcset", known.srcset);
		html_attr(out, "sizes", MARKDOWN_IMAGE_SIZES);
	}
	buf_puts(out, " loading=\"lazy\" decoding=\"async\">");
	if (known.webp_srcset != NULL)
		buf_puts(out, "</picture>");
	return 0;
}

/*
 * Replaces every image node by a custom inline node holding the <img>
 * element written by image_html.  cmark's renderer writes a custom node's
 * text as it is, and the parser never makes one, so this is the only way
 * such text reaches a page.
 */
static int
markdown_rewrite_images(cmark_node *doc, markdown_image_fn image,
                        void *image_ctx)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **imgs = NULL;
	size_t count = 0, cap = 0, i;
	cmark_event_type ev;
	int rc = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_IMAGE)
			continue;
		if (count == cap) {
			cap = cap ? cap * 2 : 8;
			imgs = xrealloc(imgs, cap * sizeof(*imgs));
		}
		imgs[count++] = node;
	}
	cmark_iter_free(it);
	/* An image inside another image's alt text is text there: rewrite
	 * from the last (innermost) so no freed node is visited. */
	for (i = count; i-- > 0 && rc == 0;) {
		cmark_node *custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		struct buf html;

		buf_init(&html);
		if (custom == NULL ||
		    image_html(imgs[i], image, image_ctx, &html) < 0 ||
		    !cmark_node_set_on_enter(custom, html.data) ||
		    !cmark_node_set_on_exit(custom, "") ||
		    !cmark_node_replace(imgs[i], custom)) {
			cmark_node_free(custom);
			rc = -1;
		} else {
			cmark_node_free(imgs[i]);
		}
		buf_free(&html);
	}
	free(imgs);
	return rc;
}

/*
 * Renders len bytes of Markdown (need not be NUL-terminated) to HTML, with
 * smart punctuation; invalid UTF-8 becomes U+FFFD.  On success fills *out
 * with malloc'd, NUL-terminated HTML that the caller frees with
 * free((char *)out->html), and returns 0.  Returns -1 (and *out empty,
 * nothing to free) when len exceeds MARKDOWN_MAX_BYTES or cmark fails.
 */
int
markdown_render_image(const char *md, size_t len, markdown_image_fn image,
                      void *image_ctx, struct trusted_html *out)
{
	cmark_node *doc;
	char *html;

	out->html = NULL;
	out->len = 0;
	if (len > MARKDOWN_MAX_BYTES || (md == NULL && len > 0))
		return -1;
	doc = cmark_parse_document(md != NULL ? md : "", len, MARKDOWN_OPTIONS);
	if (doc == NULL)
		return -1;
	markdown_filter_urls(doc);
	if (markdown_rewrite_images(doc, image, image_ctx) < 0) {
		cmark_node_free(doc);
		return -1;
	}
	html = cmark_render_html(doc, MARKDOWN_OPTIONS);
	cmark_node_free(doc);
	if (html == NULL)
		return -1;
	out->html = html;
	out->len = strlen(html);
	return 0;
}

/* Renders knowing nothing of images; see markdown_render_image. */
int
markdown_render(const char *md, size_t len, struct trusted_html *out)
{
	return markdown_render_image(md, len, NULL, NULL, out);
}
