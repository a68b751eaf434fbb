/*
 * test_wpbody.c: unit tests for render/wpbody.c: wpautop's paragraphs
 * and line breaks (blocks, blockquote, pre, <br><br>), block-editor
 * bodies (comments dropped, no paragraphs added), <!--more--> and
 * <!--nextpage-->, the shortcode reader (attribute forms, enclosing,
 * self-closing, unclosed, escaped, unknown and nested), [caption],
 * [gallery] through the attachment callback, [embed], [video], [audio]
 * and URLs on their own line, the URL callback, the size cap, and the
 * golden corpus tests/unit/corpus/wpbody/ (NAME.in a post_content,
 * NAME.out the exact HTML wpbody_render makes of it).  Every rendered
 * body is also checked by sanitize_check.h.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "render/wpbody.h"
#include "util/alloc.h"
#include "unit/sanitize_check.h"
#include "testhelp.h"

/* Returns what wpbody_convert makes of body (malloc'd). */
static char *
conv_opts(const char *body, const struct wpbody_options *opts)
{
	struct buf out;

	buf_init(&out);
	wpbody_convert(body, strlen(body), opts, &out);
	buf_putc(&out, '\0');
	return buf_detach(&out);
}

/* Checks that body converts to exactly want (before sanitising). */
static void
check_conv(const char *body, const char *want)
{
	char *got = conv_opts(body, NULL);

	CHECK_STR(got, want);
	free(got);
}

/* Renders body with opts; checks the HTML's structure; returns the HTML
 * (malloc'd) or NULL. */
static char *
render_opts(const char *body, size_t len, const struct wpbody_options *opts)
{
	struct wpbody_result r;
	const char *why;
	char *html;

	if (wpbody_render(body, len, opts, &r) != 0) {
		CHECK(!"wpbody_render failed");
		return NULL;
	}
	why = sanitize_check(r.html.html);
	if (why != NULL)
		fprintf(stderr, "check: %s in: %s\n", why, r.html.html);
	CHECK(why == NULL);
	html = xstrdup(r.html.html);
	wpbody_result_free(&r);
	return html;
}

/* Checks that body renders to exactly want. */
static void
check_render(const char *body, const char *want)
{
	char *got = render_opts(body, strlen(body), NULL);

	CHECK_STR(got, want);
	free(got);
}

static void
test_autop(void)
{
	check_conv("", "");
	check_conv("  \n\n ", "");
	check_conv("One", "<p>One</p>\n");
	check_conv("One\ntwo\n\nThree", "<p>One<br>\ntwo</p>\n<p>Three</p>\n");
	check_conv("One\r\ntwo\r\n\r\nThree\r\rFour",
	           "<p>One<br>\ntwo</p>\n<p>Three</p>\n<p>Four</p>\n");
	check_conv("One  \n  \n\n\nTwo", "<p>One</p>\n<p>Two</p>\n");
	check_conv("a<br />\nb", "<p>a<br />\nb</p>\n");
	check_conv("a<br><br>b", "<p>a</p>\n<p>b</p>\n");
	check_conv("<h2>Title</h2>\nText", "<h2>Title</h2>\n<p>Text</p>\n");
	check_conv("<ul>\n<li>a</li>\n<li>b</li>\n</ul>",
	           "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
	check_conv("<div>x</div>", "<div>x</div>\n");
	check_conv("<div>\nline1\nline2\n</div>",
	           "<div>line1<br>\nline2</div>\n");
	check_conv("text</div>", "<p>text</p></div>\n");
	check_conv("<blockquote>Quote\nmore</blockquote>",
	           "<blockquote><p>Quote<br>\nmore</p></blockquote>\n");
	check_conv("<pre>a\n\nb\n  c</pre>\nafter",
	           "<pre>a\n\nb\n  c</pre>\n<p>after</p>\n");
	check_conv("<PRE class=\"x\">a\n\nb</PRE>",
	           "<PRE class=\"x\">a\n\nb</PRE>\n");
	check_conv("<a\nhref=\"/x\">l</a>", "<p><a href=\"/x\">l</a></p>\n");
	check_conv("<img src=\"/a.jpg\">\ncaption",
	           "<p><img src=\"/a.jpg\"><br>\ncaption</p>\n");
	check_conv("a < b and c > d\n\ne",
	           "<p>a < b and c > d</p>\n<p>e</p>\n");
	check_conv("x<hr>y", "<p>x</p>\n<hr>\n<p>y</p>\n");
	check_conv("<table><tr><td>a\nb</td></tr></table>",
	           "<table>\n<tr>\n<td>a<br>\nb</td>\n</tr>\n</table>\n");
	check_render("One\ntwo\n\n<b>Three</b>",
	             "<p>One<br>\ntwo</p>\n<p><b>Three</b></p>\n");
}

static void
test_comments_blocks(void)
{
	/* Block content: comments go, nothing is wrapped. */
	check_conv("<!-- wp:paragraph -->\n<p>Para</p>\n<!-- /wp:paragraph -->"
	           "\n\n<!-- wp:latest-posts {\"postsToShow\":3} /-->\n"
	           "Loose\ntext",
	           "<p>Para</p>\n\nLoose\ntext");
	/* Classic content: comments go, paragraphs come. */
	check_conv("a<!-- note -->b\n\nc", "<p>ab</p>\n<p>c</p>\n");
	check_conv("a <!-- unclosed", "<p>a <!-- unclosed</p>\n");
	check_conv("a<!-->b<!--->c<!-- x -->d", "<p>abcd</p>\n");
	check_render("a <!-- unclosed\n\nb", "<p>a </p>");
	check_render("<!-- wp:heading {\"level\":1} -->\n<h1>Big</h1>\n"
	             "<!-- /wp:heading -->",
	             "<h2>Big</h2>\n");
}

static void
test_more_pages(void)
{
	struct wpbody_result r;
	static const char body[] =
	    "Intro\n\n<!--more Keep <b>reading</b> &raquo;-->\n\nRest";
	static const char blocks[] =
	    "<!-- wp:paragraph -->\n<p>Intro</p>\n<!-- /wp:paragraph -->\n\n"
	    "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n"
	    "<!-- wp:paragraph -->\n<p>Rest</p>\n<!-- /wp:paragraph -->";
	static const char pages[] =
	    "Page one<!--nextpage-->Page two\n<!--nextpage-->\nPage three";

	CHECK(wpbody_render(body, strlen(body), NULL, &r) == 0);
	CHECK(r.has_more);
	CHECK_STR(r.more_text, "Keep reading \xc2\xbb");
	CHECK_STR(r.html.html, "<p>Intro</p>\n<p>Rest</p>\n");
	CHECK_STR(r.excerpt.html, "<p>Intro</p>\n");
	CHECK(r.pages == 1);
	wpbody_result_free(&r);
	CHECK(r.html.html == NULL && r.more_text == NULL);

	CHECK(wpbody_render(blocks, strlen(blocks), NULL, &r) == 0);
	CHECK(r.has_more);
	CHECK(r.more_text == NULL);
	CHECK_STR(r.excerpt.html, "<p>Intro</p>\n\n");
	CHECK_STR(r.html.html, "<p>Intro</p>\n\n\n\n<p>Rest</p>\n");
	wpbody_result_free(&r);

	CHECK(wpbody_render(pages, strlen(pages), NULL, &r) == 0);
	CHECK(!r.has_more);
	CHECK(r.excerpt.html == NULL);
	CHECK(r.pages == 3);
	CHECK_STR(r.html.html, "<p>Page one</p>\n<hr>\n<p>Page two</p>\n"
	                       "<hr>\n<p>Page three</p>\n");
	wpbody_result_free(&r);

	CHECK(wpbody_render("", 0, NULL, &r) == 0);
	CHECK_STR(r.html.html, "");
	CHECK(r.pages == 1 && !r.has_more);
	wpbody_result_free(&r);
	CHECK(wpbody_render(NULL, 0, NULL, &r) == 0);
	wpbody_result_free(&r);
	CHECK(wpbody_render(NULL, 1, NULL, &r) == -1);
}

static void
test_shortcodes(void)
{
	/* Unknown shortcodes: enclosing ones unwrapped, lone ones with an
	 * attribute dropped, text in brackets kept. */
	check_conv("[foo]inner[/foo]", "<p>inner</p>\n");
	check_conv("[foo a=\"1\"]in [bar]deep[/bar][/foo]", "<p>in deep</p>\n");
	check_conv("a [contact-form-7 id=\"4\" title=\"Contact\"] b",
	           "<p>a  b</p>\n");
	check_conv(
	    "[1] [sic] [citation needed] [/stray] [ spaced] []",
	    "<p>[1] [sic] [citation needed] [/stray] [ spaced] []</p>\n");
	check_conv("[self /] x", "<p>x</p>\n");
	/* Escaped. */
	check_conv("[[caption]] and [[foo]x[/foo]]",
	           "<p>[caption] and [foo]x[/foo]</p>\n");
	check_conv("[[x", "<p>[[x</p>\n");
	/* Caption: image, link around image, the caption attribute. */
	check_conv("[caption id=\"attachment_5\" align=\"alignright\" "
	           "width=\"300\"]<img src=\"/a.jpg\" alt=\"A\" /> The "
	           "caption[/caption]",
	           "<figure><img src=\"/a.jpg\" alt=\"A\" />\n"
	           "<figcaption>The caption</figcaption>\n</figure>\n");
	check_conv("[caption width='300' caption='From attr']<a href=\"/b\">"
	           "<img src=\"/a.jpg\"></a>[/caption]",
	           "<figure><a href=\"/b\"><img src=\"/a.jpg\"></a>\n"
	           "<figcaption>From attr</figcaption>\n</figure>\n");
	check_conv("[caption]<img src=\"/a.jpg\">Multi\nline [b]x[/b]"
	           "[/caption]",
	           "<figure><img src=\"/a.jpg\">\n<figcaption>Multi line x"
	           "</figcaption>\n</figure>\n");
	check_conv("[caption]<img src=\"/a.jpg\">",
	           "<p><img src=\"/a.jpg\"></p>\n");
	check_conv("[caption width=300 /]x", "<p>x</p>\n");
	check_render(
	    "[caption id=\"attachment_5\" align=\"alignnone\" "
	    "width=\"300\"]<a href=\"/x.jpg\"><img class=\"size-medium\" "
	    "src=\"/x.jpg\" alt=\"x\" width=\"300\" height=\"200\" /></a> "
	    "A <em>cat</em>[/caption]",
	    "<figure><a href=\"/x.jpg\"><img src=\"/x.jpg\" alt=\"x\" "
	    "width=\"300\" height=\"200\" loading=\"lazy\" "
	    "decoding=\"async\"></a>\n<figcaption>A <em>cat</em>"
	    "</figcaption>\n</figure>\n");
	/* Attribute forms: "double", 'single', bare, positional. */
	check_conv("[video mp4='/v.mp4' poster=\"/p.jpg\" loop]",
	           "<p><video src=\"/v.mp4\" poster=\"/p.jpg\"></video></p>\n");
	check_conv("[audio src=/a.mp3]",
	           "<p><audio src=\"/a.mp3\"></audio></p>\n");
	check_conv("[audio]", "");
	check_conv("[playlist ids=\"1,2\"]", "");
	check_conv("[video]caption only[/video]", "<p>caption only</p>\n");
	check_conv("[video src=\"https://youtu.be/dQw4w9WgXcQ\"]",
	           "<p><iframe src=\"https://youtu.be/dQw4w9WgXcQ\"></iframe>"
	           "</p>\n");
	/* Values are escaped where they land. */
	check_conv(
	    "[video src='/v.mp4\"onerror=\"x']",
	    "<p><video src=\"/v.mp4&quot;onerror=&quot;x\"></video></p>\n");
	check_render("[video src='javascript:alert(1)']",
	             "<p><video controls preload=\"none\"></video></p>\n");
}

/* Attachments 1 and 2 are known, 3 is not. */
static int
fake_attachment(void *ctx, long long id, struct wpbody_attachment *out)
{
	(void)ctx;
	if (id == 1) {
		out->src = "/uploads/one-300.jpg";
		out->link = "/uploads/one.jpg";
		out->alt = "One \"1\"";
		out->caption = "First <b>image</b>";
		return 0;
	}
	if (id == 2) {
		out->src = "/uploads/two.jpg";
		return 0;
	}
	return -1;
}

static void
test_gallery(void)
{
	static const long long children[] = {2, 3, 1};
	struct wpbody_options opts = {.attachment = fake_attachment};
	char *got;

	got = conv_opts("[gallery ids=\"1, 3,2\" columns=\"4\"]", &opts);
	CHECK_STR(got,
	          "<div class=\"gallery\">\n<figure><a "
	          "href=\"/uploads/one.jpg\"><img "
	          "src=\"/uploads/one-300.jpg\" alt=\"One &quot;1&quot;\">"
	          "</a>\n<figcaption>First &lt;b&gt;image&lt;/b&gt;"
	          "</figcaption>\n</figure>\n<figure><a "
	          "href=\"/uploads/two.jpg\"><img src=\"/uploads/two.jpg\" "
	          "alt=\"\"></a></figure>\n</div>\n");
	free(got);
	got = conv_opts("[gallery include=\"2\" link=\"none\"]", &opts);
	CHECK_STR(got, "<div class=\"gallery\">\n<figure><img "
	               "src=\"/uploads/two.jpg\" alt=\"\"></figure>\n"
	               "</div>\n");
	free(got);
	/* Nothing known: no gallery at all. */
	got = conv_opts("[gallery ids=\"3,x,\"]", &opts);
	CHECK_STR(got, "");
	free(got);
	got = conv_opts("[gallery]", &opts);
	CHECK_STR(got, "");
	free(got);
	check_conv("[gallery ids=\"1,2\"]", "");
	/* No ids: the post's own attachments. */
	opts.children = children;
	opts.children_count = 3;
	got = conv_opts("[gallery link=none]", &opts);
	CHECK_STR(got, "<div class=\"gallery\">\n<figure><img "
	               "src=\"/uploads/two.jpg\" alt=\"\"></figure>\n"
	               "<figure><img src=\"/uploads/one-300.jpg\" "
	               "alt=\"One &quot;1&quot;\">\n<figcaption>First "
	               "&lt;b&gt;image&lt;/b&gt;</figcaption>\n</figure>\n"
	               "</div>\n");
	free(got);
	got = render_opts("Before\n\n[gallery ids=\"2\"]\n\nAfter",
	                  strlen("Before\n\n[gallery ids=\"2\"]\n\nAfter"),
	                  &opts);
	CHECK_STR(got,
	          "<p>Before</p>\n<div class=\"gallery\">\n<figure><a "
	          "href=\"/uploads/two.jpg\"><img src=\"/uploads/two.jpg\" "
	          "alt=\"\" loading=\"lazy\" decoding=\"async\"></a>"
	          "</figure>\n</div>\n<p>After</p>\n");
	free(got);
}

static void
test_embeds(void)
{
	const char *facade =
	    "<a class=\"video-play\" "
	    "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" "
	    "data-embed=\"https://www.youtube-nocookie.com/embed/"
	    "dQw4w9WgXcQ?autoplay=1\" data-title=\"YouTube\" "
	    "rel=\"noopener noreferrer\"><span class=\"play-label\"><span "
	    "class=\"play-icon\" "
	    "aria-hidden=\"true\"></span>YouTube</span></a>";
	struct buf want;

	check_conv("Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
	           "Done",
	           "<p>Watch:</p>\n<p><iframe "
	           "src=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
	           "</iframe></p>\n<p>Done</p>\n");
	check_conv("  https://vimeo.com/76979871  ",
	           "<p><iframe src=\"https://vimeo.com/76979871\"></iframe>"
	           "</p>\n");
	check_conv("https://example.org/a?b=1&c=2",
	           "<p><a href=\"https://example.org/a?b=1&amp;c=2\">"
	           "https://example.org/a?b=1&amp;c=2</a></p>\n");
	check_conv("see https://example.org/ here",
	           "<p>see https://example.org/ here</p>\n");
	check_conv("<pre>\nhttps://example.org/\n</pre>",
	           "<pre>\nhttps://example.org/\n</pre>\n");
	check_conv("[embed width=\"500\"]https://youtu.be/dQw4w9WgXcQ[/embed]",
	           "<p><iframe src=\"https://youtu.be/dQw4w9WgXcQ\"></iframe>"
	           "</p>\n");
	check_conv("[embed]https://example.org/x[/embed]",
	           "<p><a href=\"https://example.org/x\">"
	           "https://example.org/x</a></p>\n");
	check_conv("[embed]javascript:alert(1)[/embed]",
	           "<p>javascript:alert(1)</p>\n");
	check_conv("[embed]\nhttps://vimeo.com/76979871\n[/embed]",
	           "<p><iframe src=\"https://vimeo.com/76979871\"></iframe>"
	           "</p>\n");
	check_render("[embed]https://ex.org/\"><script>x</script>[/embed]",
	             "<p>https://ex.org/&quot;&gt;</p>\n");
	buf_init(&want);
	buf_puts(&want, "<p>");
	buf_puts(&want, facade);
	buf_puts(&want, "</p>\n");
	check_render("https://www.youtube.com/watch?v=dQw4w9WgXcQ", want.data);
	buf_reset(&want);
	buf_puts(&want, "<figure><div>\n");
	buf_puts(&want, facade);
	buf_puts(&want, "\n</div></figure>\n");
	check_render("<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v="
	             "dQw4w9WgXcQ\",\"type\":\"video\"} -->\n<figure "
	             "class=\"wp-block-embed is-type-video\"><div "
	             "class=\"wp-block-embed__wrapper\">\n"
	             "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div>"
	             "</figure>\n<!-- /wp:embed -->",
	             want.data);
	buf_free(&want);
}

/* Points old uploads to the library. */
static bool
fake_url(void *ctx, const char *url, struct buf *out)
{
	static const char old[] = "http://old.example/wp-content/uploads/";

	(void)ctx;
	if (strncmp(url, old, sizeof(old) - 1) != 0)
		return false;
	buf_puts(out, "/uploads/");
	buf_puts(out, url + sizeof(old) - 1 + 8); /* past "2019/05/" */
	return true;
}

static void
test_url_callback(void)
{
	struct wpbody_options opts = {.url = fake_url};
	static const char body[] =
	    "<a href=\"http://old.example/wp-content/uploads/2019/05/x.jpg\">"
	    "<img src=\"http://old.example/wp-content/uploads/2019/05/"
	    "x-300x200.jpg\" /></a>\n\n<a href=\"http://other.example/\">o</a>";
	char *got = render_opts(body, sizeof(body) - 1, &opts);

	CHECK_STR(got,
	          "<p><a href=\"/uploads/x.jpg\"><img "
	          "src=\"/uploads/x-300x200.jpg\" alt=\"\" loading=\"lazy\" "
	          "decoding=\"async\"></a></p>\n<p><a "
	          "href=\"http://other.example/\">o</a></p>\n");
	free(got);
}

static void
test_limits(void)
{
	struct wpbody_result r;
	char *big = xmalloc(WPBODY_MAX_BYTES + 1);
	struct buf nest;
	char *got;
	int i;

	memset(big, 'a', WPBODY_MAX_BYTES + 1);
	CHECK(wpbody_render(big, WPBODY_MAX_BYTES + 1, NULL, &r) == -1);
	CHECK(r.html.html == NULL);
	free(big);
	/* Deeply nested unknown shortcodes: bounded, no crash. */
	buf_init(&nest);
	for (i = 0; i < 100; i++)
		buf_puts(&nest, "[x]");
	buf_puts(&nest, "core");
	for (i = 0; i < 100; i++)
		buf_puts(&nest, "[/x]");
	got = render_opts(nest.data, nest.len, NULL);
	CHECK(got != NULL && strstr(got, "core") != NULL);
	free(got);
	buf_free(&nest);
	/* Hostile input survives the whole chain. */
	{
		static const char hostile[] =
		    "[caption]<img src=x onerror=alert(1)>"
		    "<script>alert(2)</script>[/caption]\n\n"
		    "<a href=\"jav&#x09;ascript:alert(3)\">x</a>";

		got = render_opts(hostile, sizeof(hostile) - 1, NULL);
	}
	CHECK(got != NULL && strstr(got, "script") == NULL &&
	      strstr(got, "onerror") == NULL &&
	      strstr(got, "alert(3)") == NULL);
	free(got);
}

static char *
golden(const char *in, size_t len)
{
	return render_opts(in, len, NULL);
}

int
main(void)
{
	test_autop();
	test_comments_blocks();
	test_more_pages();
	test_shortcodes();
	test_gallery();
	test_embeds();
	test_url_callback();
	test_limits();
	CHECK(test_golden("wpbody", golden) >= 5);
	TEST_DONE();
}
