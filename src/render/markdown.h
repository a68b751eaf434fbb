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

/*
 * Looks up the pixel size of an image by its URL, for width and height
 * attributes.  Returns 0 and fills *width and *height when known, -1 when
 * not (the image is then written without them).
 */
typedef int (*markdown_image_size_fn)(void *ctx, const char *url,
                                      long long *width, long long *height);

int markdown_render(const char *md, size_t len, struct trusted_html *out);

/*
 * As markdown_render, with image sizes from size(ctx, …) (which may be
 * NULL).  Images are written as <img src alt [title] [width height]
 * loading="lazy" decoding="async">.
 */
int markdown_render_sized(const char *md, size_t len,
                          markdown_image_size_fn size, void *size_ctx,
                          struct trusted_html *out);

#endif
