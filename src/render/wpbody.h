/*
 * wpbody.h: a WordPress post body (post_content of an export) to the
 * site's HTML.  wpbody_render() converts the body as WordPress would show
 * it, then passes it through the sanitiser (sanitize.h), so what it hands
 * back is ready to store.  The steps, in WordPress's order:
 *
 *   1. <!--more--> (or <!--more Read on-->) splits the body: the part
 *      before it is also rendered on its own as the excerpt, and its text
 *      is kept.  <!--noteaser--> is dropped.
 *   2. <!--nextpage--> (pages of one post) becomes <hr>: the site shows a
 *      post on one page.
 *   3. Every other comment goes, block comments (<!-- wp:name {...} -->,
 *      <!-- /wp:name -->, <!-- wp:name /-->) included.  A body holding
 *      block comments is block-editor content, which WordPress does not
 *      paragraph; others (classic editor) get step 6.
 *   4. A line holding only a URL (outside <pre>) becomes, for a YouTube
 *      or Vimeo video (util/video.c), the video's player, which the
 *      sanitiser turns into the site's click-to-load facade; any other
 *      URL becomes a link to itself (WordPress's oEmbed for other sites
 *      needs their servers; a link loses nothing).
 *   5. Shortcodes: [name attr="v" attr='v' attr=v v]...[/name], self-closing
 *      [name /], and [[name]] for a literal [name]:
 *        - [caption id align width caption="..."]<img> or <a><img></a>
 *          text[/caption] -> <figure><img...><figcaption>text</figcaption>
 *          </figure> (the caption attribute when there is no text);
 *        - [gallery ids="1,2" (or include=)] -> <div class="gallery">
 *          with one <figure><a href=link><img src alt></a>[<figcaption>]
 *          </figure> per attachment the callback knows (no ids: the
 *          post's own attachments, opts->children); columns, size, link
 *          and orderby are not kept (the site's grid is responsive);
 *        - [embed]URL[/embed] and [video src|mp4|webm|ogv=URL]: as a URL
 *          line (step 4), [video] and [audio src|mp3|ogg|m4a|wav=URL] as
 *          <video>/<audio> when the file is not a known video host;
 *        - [playlist], [audio] and [video] without a URL, and any other
 *          shortcode that has a closing tag or an attribute with '=',
 *          are unwrapped: their inner text stays, the brackets go (a
 *          plugin's form or slider is gone; its text is not lost);
 *        - anything else in brackets ("[1]", "[sic]", "[citation
 *          needed]") is text, as WordPress leaves unregistered names.
 *   6. wpautop, classic bodies only: blank lines separate paragraphs
 *      (<p>), a single line break is <br>, nothing is wrapped around or
 *      inside block elements (WordPress's list: table, div, ul, li, pre,
 *      blockquote, h1-h6, figure, hr, section...), text after an opening
 *      <blockquote> gets its <p> inside it, <pre> is left alone, and line
 *      breaks inside tags become spaces.  Left out: WordPress's special
 *      cases for <object>/<embed>/<param>, <svg>, <script> and <style>
 *      contents and <option> (the sanitiser drops them all), and its
 *      texturize (curly quotes), which WordPress applies when showing, and
 *      which changes the text.
 *   7. The sanitiser (sanitize.h), with the URL and image callbacks.
 *
 * Pure: no I/O; what the callbacks need (attachments, URLs of old
 * uploads) the importer has looked up.
 */
#ifndef GAZETTE_WPBODY_H
#define GAZETTE_WPBODY_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "markdown.h"
#include "sanitize.h"
#include "trusted.h"

/* Largest body accepted, in bytes (the sanitiser's limit). */
#define WPBODY_MAX_BYTES SANITIZE_MAX_BYTES

/* The longest gallery kept, in images. */
#define WPBODY_GALLERY_MAX 500

/* An attachment of a [gallery], as the importer knows it. */
struct wpbody_attachment {
	const char *src;     /* the image shown (our URL); required */
	const char *link;    /* where a click goes; NULL or "": src */
	const char *alt;     /* NULL: "" */
	const char *caption; /* NULL or "": no figcaption */
};

/*
 * Looks up attachment id (a WordPress post id).  Returns 0 and fills *out
 * (cleared first) when known, -1 when not (the image is then left out).
 * The strings must last until wpbody_render returns.
 */
typedef int (*wpbody_attachment_fn)(void *ctx, long long id,
                                    struct wpbody_attachment *out);

/* What the importer can tell wpbody_render; every member may be 0/NULL. */
struct wpbody_options {
	sanitize_url_fn url;             /* rewrites href/src (old uploads) */
	markdown_image_fn image;         /* sizes and srcset of an <img> */
	wpbody_attachment_fn attachment; /* [gallery] images */
	void *ctx;                       /* passed to the three callbacks */
	/* The post's attached images in menu order, for a [gallery] with
	 * neither ids nor include (WordPress shows the post's children). */
	const long long *children;
	size_t children_count;
};

/* What wpbody_render makes.  Free with wpbody_result_free. */
struct wpbody_result {
	struct trusted_html html;    /* the whole body, sanitised */
	bool has_more;               /* the body had <!--more--> */
	struct trusted_html excerpt; /* when has_more: the part before it,
	                                converted and sanitised on its own;
	                                else html NULL, len 0 */
	char *more_text;             /* "Read on" of <!--more Read on-->,
	                                as plain text (tags dropped,
	                                references decoded, trimmed: escape
	                                it to show it); NULL when none */
	int pages;                   /* 1 + the number of <!--nextpage--> */
};

/*
 * Renders len bytes of post_content (need not be NUL-terminated) with
 * opts (NULL: no callbacks) into *out.  Returns 0, or -1 (with *out
 * empty, nothing to free) when len exceeds WPBODY_MAX_BYTES or the
 * sanitiser fails.
 */
int wpbody_render(const char *body, size_t len,
                  const struct wpbody_options *opts, struct wpbody_result *out);

/* Frees what wpbody_render put in r and empties it; r may be empty. */
void wpbody_result_free(struct wpbody_result *r);

/*
 * Steps 2 to 6 alone, for tests: appends to out the HTML that
 * wpbody_render gives the sanitiser for a body without <!--more-->.
 */
void wpbody_convert(const char *body, size_t len,
                    const struct wpbody_options *opts, struct buf *out);

#endif
