/*
 * markdown.h: article and page bodies from Markdown to HTML.  markdown.c is
 * the only caller of cmark; it renders in cmark's safe mode (raw HTML
 * dropped) and keeps only http, https, mailto and relative link and image
 * URLs, and hands back a struct trusted_html.  Bodies are rendered once,
 * on save, and stored beside their source.
 */
#ifndef GAZETTE_MARKDOWN_H
#define GAZETTE_MARKDOWN_H

#include <stddef.h>

#include "trusted.h"

/*
 * Largest body accepted.  Debian's cmark 0.30.2 is quadratic on some
 * inputs: the repeated "![[]()" of CVE-2023-22486 (fixed in 0.30.3) costs
 * 0.12 s at 64 KiB, 0.5 s at 128 KiB and 8.5 s at 256 KiB.  128 KiB holds
 * a 20,000-word article and bounds a hostile save to about half a second.
 */
#define MARKDOWN_MAX_BYTES (128 * 1024)

/* What the caller knows of an image in a body, found by its URL. */
struct markdown_image {
	long long width; /* pixels; 0 when unknown (then no size is written) */
	long long height;
	const char *srcset; /* NULL, or candidates in the image's own type */
	const char *webp_srcset; /* NULL, or WebP candidates: <picture> */
	/* NULL, or the library's alternative text: the image's own alt when
	 * the body gives none and the image is a link's only content, which
	 * would otherwise have no name (an imported gallery's thumbnails). */
	const char *alt;
};

/*
 * Looks up an image by its URL.  Returns 0 and fills *out (cleared first)
 * when known, -1 when not (the image is then written with its src and alt
 * alone).  The strings must last until markdown_render_image returns.
 */
typedef int (*markdown_image_fn)(void *ctx, const char *url,
                                 struct markdown_image *out);

/*
 * The sizes attribute of body images: the width of a body (.body in
 * www/css/site.css: 44rem, the whole column less its padding on narrow
 * screens).
 */
#define MARKDOWN_IMAGE_SIZES "(max-width: 46rem) calc(100vw - 2rem), 44rem"

int markdown_render(const char *md, size_t len, struct trusted_html *out);

/*
 * As markdown_render, with what image(ctx, …) (which may be NULL) tells
 * of each image.  Images are written as <img src alt [title] [width
 * height] [srcset sizes] loading="lazy" decoding="async">, inside a
 * <picture> with a WebP <source> when there are WebP sizes.
 */
int markdown_render_image(const char *md, size_t len, markdown_image_fn image,
                          void *image_ctx, struct trusted_html *out);

#endif
