/*
 * sanitize.h: the allowlist sanitiser for HTML that comes from outside
 * (imported WordPress bodies, after wpbody.c).  The input is parsed with
 * libxml2's HTML parser; the output is written by sanitize.c itself from
 * the tree, element by element, through the escapers of html.c, never by
 * re-serialising what was parsed.  So the output is always well formed
 * (every element closed, properly nested, every attribute quoted) and
 * holds only what the allowlist names:
 *
 *   - elements: p br hr h2-h6 strong b em i u s del ins
 *     sub sup small mark blockquote q cite code pre kbd samp var abbr
 *     time span div ul ol li dl dt dd a img figure figcaption table
 *     caption thead tbody tfoot tr th td video audio source;
 *   - dropped with everything inside: script style noscript template svg
 *     math object applet form input button textarea select option
 *     base meta link title head iframe frame frameset (but see video
 *     players below), and comments, processing instructions, CDATA;
 *     embed is dropped too, but libxml2 puts what follows an <embed>
 *     inside it, so that is kept;
 *   - any other element is unwrapped: its content stays, the tag goes;
 *   - attributes per element (below); every other attribute, on* event
 *     handlers, style and class (but the "gallery" class of div and
 *     figure) included, is dropped.  Global: title, lang, dir (ltr, rtl,
 *     auto), id (a letter then up to 63 of A-Z a-z 0-9 - _, for in-page
 *     links), written with SANITIZE_ID_PREFIX in front (unless there
 *     already) so that it never clashes with an id of the page around
 *     the body, and in-page links (href="#x") get the same prefix.  a:
 *     href.  img: src (required), alt (always written),
 *     width, height (digits); loading="lazy" and decoding="async" are
 *     always written.  blockquote, q, del, ins: cite.  time, del, ins:
 *     datetime.  abbr: title.  ol: start, reversed, type (1 a A i I).
 *     th, td: colspan, rowspan (1-1000), scope (th).  video, audio:
 *     src; controls and preload="none" always written; video: width,
 *     height, poster.  source (in video or audio only): src, type;
 *   - URLs (href, src, cite, poster) are decoded by the parser (so
 *     entities such as "jav&#x09;ascript:" are already gone), stripped
 *     of the ASCII spaces and control characters browsers ignore, and
 *     then must be relative, a fragment, or http, https or mailto
 *     (html_url()); otherwise the attribute is dropped, and an img, video
 *     source or a without a usable URL is dropped (a keeps its text);
 *   - links get no rel and no target: the bodies are the site's own
 *     editorial content, so their links are followed as WordPress did;
 *   - video players: an iframe whose src is a YouTube (youtube.com,
 *     youtube-nocookie.com) or Vimeo (player.vimeo.com) player, and a link
 *     <a data-embed> that sanitize.c itself wrote, become the site's
 *     privacy facade: <a class="video-play" href="WATCH" data-embed="PLAYER"
 *     rel="noopener noreferrer"><span class="play-label"><span
 *     class="play-icon" aria-hidden="true"></span>LABEL</span></a>, a link
 *     to the video on its provider's site that www/js/video.js turns into
 *     the youtube-nocookie / Vimeo dnt player on a click (see
 *     media_post.html; the page must load /js/video.js and allow
 *     VIDEO_FRAME_SRC as frame-src).  LABEL is the iframe's title, or
 *     "YouTube" / "Vimeo".  Any other iframe is dropped;
 *   - text: invalid UTF-8 becomes U+FFFD, NUL and control characters but
 *     tab and line feed are dropped, CR LF becomes LF; & < > " ' are
 *     escaped everywhere;
 *   - headings: h1 (the page's title) becomes h2, and a heading is at
 *     most one level below the one before (h2 then h4 becomes h2 then
 *     h3), so that no level is skipped;
 *   - empty paragraphs and headings (nothing but white space) are
 *     dropped;
 *     elements nested deeper than SANITIZE_MAX_DEPTH are unwrapped.
 *
 * The output is a fixed point: sanitize(sanitize(x)) == sanitize(x), with
 * the same callbacks.  sanitize.c is one of the three places that build a
 * struct trusted_html (tests/lint.sh).
 */
#ifndef GAZETTE_SANITIZE_H
#define GAZETTE_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "markdown.h"
#include "trusted.h"

/* Largest input accepted, in bytes (the longest WordPress bodies are a
 * few hundred KiB; libxml2 parses 4 MiB in well under a second). */
#define SANITIZE_MAX_BYTES (4 * 1024 * 1024)

/* What every id in a sanitised body starts with.  Templates never give
 * an element an id that starts with it. */
#define SANITIZE_ID_PREFIX "body-"

/* Deepest element nesting kept; deeper elements are unwrapped. */
#define SANITIZE_MAX_DEPTH 64

/*
 * Rewrites a URL (of an href, src, cite or poster attribute, already
 * entity-decoded) before it is checked: the importer points links to old
 * uploads (".../wp-content/uploads/2019/05/x-300x200.jpg") to the media
 * library.  Appends the replacement to out and returns true, or returns
 * false (appending nothing) to keep url.  The replacement goes through
 * the same checks as any URL.
 */
typedef bool (*sanitize_url_fn)(void *ctx, const char *url, struct buf *out);

/* What the caller can tell sanitize_html; every member may be NULL. */
struct sanitize_options {
	sanitize_url_fn url;     /* rewrites URLs; see above */
	markdown_image_fn image; /* size, srcset, WebP of an <img> by its
	                            (rewritten) src, as for Markdown
	                            bodies: width and height written when
	                            known (else the element's own, when
	                            digits), srcset and sizes, and a
	                            <picture> with a WebP <source> */
	void *ctx;               /* passed to both */
};

/*
 * Sanitises len bytes of HTML (need not be NUL-terminated; a fragment,
 * as a post body is) with opts (NULL: no callbacks).  On success fills
 * *out with malloc'd, NUL-terminated HTML that the caller frees with
 * free((char *)out->html), and returns 0; an input with nothing left
 * gives "" (still to free), as does one libxml2 cannot read at all.
 * Returns -1, *out empty and nothing to free, when len exceeds
 * SANITIZE_MAX_BYTES.
 */
int sanitize_html(const char *html, size_t len,
                  const struct sanitize_options *opts,
                  struct trusted_html *out);

#endif
