/*
 * test_markdown.c: unit tests for render/markdown.c: raw HTML and script
 * dropped, hostile link and image URLs (mixed case, entities, control
 * characters) unwrapped, invalid UTF-8 replaced, the size cap at its
 * boundary, and the golden corpus tests/unit/corpus/markdown/ (NAME.in
 * Markdown kept byte for byte, NAME.out the exact HTML).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/markdown.h"
#include "util/alloc.h"
#include "testhelp.h"

/* Renders a NUL-terminated string; returns malloc'd HTML or NULL. */
static char *
render(const char *md)
{
	struct trusted_html out;

	if (markdown_render(md, strlen(md), &out) != 0)
		return NULL;
	CHECK(out.len == strlen(out.html));
	return (char *)out.html;
}

/* Returns true when needle occurs in hay, ignoring ASCII case. */
static bool
contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

/* Checks that md renders to exactly want. */
static void
check_render(const char *md, const char *want)
{
	char *got = render(md);

	CHECK_STR(got, want);
	free(got);
}

/* Checks that md renders without any of the given dangerous strings. */
static void
check_clean(const char *md)
{
	char *got = render(md);

	CHECK(got != NULL);
	if (got == NULL)
		return;
	CHECK(!contains_nocase(got, "<script"));
	CHECK(!contains_nocase(got, "javascript:"));
	CHECK(!contains_nocase(got, "vbscript:"));
	CHECK(!contains_nocase(got, "onerror"));
	CHECK(!contains_nocase(got, "href=\"\""));
	CHECK(!contains_nocase(got, "src=\"\""));
	free(got);
}

static void
test_basics(void)
{
	check_render("", "");
	check_render("# Hi\n", "<h1>Hi</h1>\n");
	check_render("*a* **b**", "<p><em>a</em> <strong>b</strong></p>\n");
	check_render("\"a\" it's", "<p>\xe2\x80\x9c"
	                           "a\xe2\x80\x9d it\xe2\x80\x99s</p>\n");
	check_render("[x](https://example.org)",
	             "<p><a href=\"https://example.org\">x</a></p>\n");
	check_render("[x](/a) [y](#b) [z](mailto:a@example.org)",
	             "<p><a href=\"/a\">x</a> <a href=\"#b\">y</a> "
	             "<a href=\"mailto:a@example.org\">z</a></p>\n");
	check_render("![c](/c.png)",
	             "<p><img src=\"/c.png\" alt=\"c\" loading=\"lazy\" "
	             "decoding=\"async\"></p>\n");
	check_render("a < b & c", "<p>a &lt; b &amp; c</p>\n");
}

static int
fake_image(void *ctx, const char *url, struct markdown_image *out)
{
	(void)ctx;
	if (strcmp(url, "/uploads/a.jpg") == 0) {
		out->width = 800;
		out->height = 533;
		out->alt = "Library's words";
		return 0;
	}
	if (strcmp(url, "/uploads/b.jpg") == 0) {
		out->width = 1200;
		out->height = 800;
		out->srcset = "/uploads/b-320.jpg 320w, /uploads/b.jpg 1200w";
		out->webp_srcset = "/uploads/b-320.webp 320w";
		return 0;
	}
	return -1;
}

/* Known images get their size and srcset; others are written without. */
static void
test_image_sizes(void)
{
	struct trusted_html out;
	const char *md = "![A *b*](/uploads/a.jpg \"Cap\") ![c](/x.png)";

	CHECK(markdown_render_image(md, strlen(md), fake_image, NULL, &out) ==
	      0);
	CHECK_STR(out.html,
	          "<p><img src=\"/uploads/a.jpg\" alt=\"A b\" title=\"Cap\" "
	          "width=\"800\" height=\"533\" loading=\"lazy\" "
	          "decoding=\"async\"> <img src=\"/x.png\" alt=\"c\" "
	          "loading=\"lazy\" decoding=\"async\"></p>\n");
	free((char *)out.html);

	md = "![B & q](/uploads/b.jpg)";
	CHECK(markdown_render_image(md, strlen(md), fake_image, NULL, &out) ==
	      0);
	CHECK_STR(
	    out.html,
	    "<p><picture><source type=\"image/webp\" "
	    "srcset=\"/uploads/b-320.webp 320w\" sizes=\"" MARKDOWN_IMAGE_SIZES
	    "\"><img src=\"/uploads/b.jpg\" alt=\"B &amp; q\" "
	    "width=\"1200\" height=\"800\" srcset=\"/uploads/b-320.jpg "
	    "320w, /uploads/b.jpg 1200w\" sizes=\"" MARKDOWN_IMAGE_SIZES
	    "\" loading=\"lazy\" decoding=\"async\"></picture></p>\n");
	free((char *)out.html);

	/* No alt of its own: the library's, only when the image is a
	 * link's content (the link's name); elsewhere empty stays empty. */
	md = "[![](/uploads/a.jpg)](/x) ![](/uploads/a.jpg)";
	CHECK(markdown_render_image(md, strlen(md), fake_image, NULL, &out) ==
	      0);
	CHECK_STR(out.html,
	          "<p><a href=\"/x\"><img src=\"/uploads/a.jpg\" "
	          "alt=\"Library&#39;s words\" width=\"800\" height=\"533\" "
	          "loading=\"lazy\" decoding=\"async\"></a> <img "
	          "src=\"/uploads/a.jpg\" alt=\"\" width=\"800\" "
	          "height=\"533\" loading=\"lazy\" decoding=\"async\"></p>\n");
	free((char *)out.html);
}

static void
test_raw_html(void)
{
	check_render("<script>alert(1)</script>",
	             "<!-- raw HTML omitted -->\n");
	check_render("x <img src=x onerror=alert(1)> y",
	             "<p>x <!-- raw HTML omitted --> y</p>\n");
	check_clean("<script>alert(1)</script>");
	check_clean("<ScRiPt>alert(1)</sCrIpT>");
	check_clean("a <script>alert(1)</script> b");
	check_clean("<img src=x onerror=alert(1)>");
	check_clean("a <img src=x onerror=\"alert(1)\"> b");
	check_clean("<svg onload=alert(1)>");
	check_clean("<iframe src=\"javascript:alert(1)\"></iframe>");
	check_clean("<a href=\"javascript:alert(1)\">x</a>");
	check_clean("<div>\n<script>alert(1)</script>\n</div>");
}

static void
test_links(void)
{
	check_render("[a](javascript:alert(1))", "<p>a</p>\n");
	check_render("[a](JaVaScRiPt:alert(1))", "<p>a</p>\n");
	check_render("[a](jav&#x61;script:alert(1))", "<p>a</p>\n");
	check_render("[a](&#106;avascript:alert(1))", "<p>a</p>\n");
	check_render("[a](javascript&colon;alert(1))", "<p>a</p>\n");
	check_render("[a](vbscript:msgbox)", "<p>a</p>\n");
	check_render("[a](file:///etc/passwd)", "<p>a</p>\n");
	check_render("[a](data:text/html,x)", "<p>a</p>\n");
	check_render("[a](<java\tscript:alert(1)>)", "<p>a</p>\n");
	check_render("[a](< javascript:alert(1)>)", "<p>a</p>\n");
	check_render("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n");
	check_render("[r]\n\n[r]: javascript:alert(1)", "<p>r</p>\n");
	/* Schemes html_url() refuses are refused here too. */
	check_render("[a](ftp://example.org) [b](tel:1)", "<p>a b</p>\n");
	/* A ':' after '/', '?' or '#' is no scheme. */
	check_render("[a](a/b:c)", "<p><a href=\"a/b:c\">a</a></p>\n");
	check_render("[a](?q=x:y)", "<p><a href=\"?q=x:y\">a</a></p>\n");
	/* Images: refused or empty URLs leave the alt text. */
	check_render("![cat *x*](javascript:alert(1))",
	             "<p>cat <em>x</em></p>\n");
	check_render("![p](data:image/png;base64,AA)", "<p>p</p>\n");
	check_render("![e]()", "<p>e</p>\n");
	check_render("[![i](javascript:1) t](javascript:2)", "<p>i t</p>\n");
	check_render("[![i](/i.png)](javascript:2)",
	             "<p><img src=\"/i.png\" alt=\"i\" loading=\"lazy\" "
	             "decoding=\"async\"></p>\n");
	check_clean("[a](javascript:alert(1) \"t\")");
	check_clean("[a]( JAVASCRIPT:alert(1) )");
	check_clean("![a](javascript:alert(1))");
	check_clean("[x\n]: javascript:alert(1)\n\n[x\n]");
}

static void
test_utf8(void)
{
	/* Invalid bytes and NUL become U+FFFD. */
	check_render("caf\xe9", "<p>caf\xef\xbf\xbd</p>\n");
	check_render("a\xed\xa0\x80z", "<p>a\xef\xbf\xbdz</p>\n");
	check_render("\xf0\x9f", "<p>\xef\xbf\xbd</p>\n");
	{
		struct trusted_html out;

		CHECK(markdown_render("a\0b", 3, &out) == 0);
		CHECK_STR(out.html, "<p>a\xef\xbf\xbd"
		                    "b</p>\n");
		free((char *)out.html);
	}
}

static void
test_limits(void)
{
	struct trusted_html out;
	char *big = xmalloc(MARKDOWN_MAX_BYTES + 2);

	memset(big, 'a', MARKDOWN_MAX_BYTES + 1);
	big[MARKDOWN_MAX_BYTES + 1] = '\0';
	CHECK(markdown_render(big, MARKDOWN_MAX_BYTES, &out) == 0);
	CHECK(out.html != NULL && out.len == MARKDOWN_MAX_BYTES + 8);
	free((char *)out.html);
	CHECK(markdown_render(big, MARKDOWN_MAX_BYTES + 1, &out) == -1);
	CHECK(out.html == NULL && out.len == 0);
	free(big);
	/* Length is honoured; NUL termination is not needed. */
	CHECK(markdown_render("# Title and more", 7, &out) == 0);
	CHECK_STR(out.html, "<h1>Title</h1>\n");
	free((char *)out.html);
	CHECK(markdown_render(NULL, 0, &out) == 0);
	CHECK_STR(out.html, "");
	free((char *)out.html);
	CHECK(markdown_render(NULL, 1, &out) == -1);
}

/* Golden: the .in is passed whole (its trailing newline is Markdown). */
static char *
golden_markdown(const char *in, size_t len)
{
	struct trusted_html out;

	if (markdown_render(in, len, &out) != 0)
		return NULL;
	return (char *)out.html;
}

/* Images of other sites become links (the pages' CSP loads none): the
 * alt text as the label, the address when there is none, the label alone
 * inside a link; this site's images stay images. */
static void
test_offsite_images(void)
{
	check_render(
	    "![A chart](https://example.org/c.png)",
	    "<p><a href=\"https://example.org/c.png\">A chart</a></p>\n");
	check_render("![](HTTP://example.org/c.png)",
	             "<p><a href=\"HTTP://example.org/c.png\">"
	             "HTTP://example.org/c.png</a></p>\n");
	check_render("![Far](//example.org/c.png)",
	             "<p><a href=\"//example.org/c.png\">Far</a></p>\n");
	check_render("[![Inside](https://example.org/c.png)](/articles/x)",
	             "<p><a href=\"/articles/x\">Inside</a></p>\n");
	check_render(
	    "![<b>&</b>](https://example.org/c.png)",
	    "<p><a href=\"https://example.org/c.png\">&amp;</a></p>\n");
	check_render("![Here](/uploads/a.jpg)",
	             "<p><img src=\"/uploads/a.jpg\" alt=\"Here\" "
	             "loading=\"lazy\" decoding=\"async\"></p>\n");
}

int
main(void)
{
	test_basics();
	test_raw_html();
	test_image_sizes();
	test_offsite_images();
	test_links();
	test_utf8();
	test_limits();
	CHECK(test_golden("markdown", golden_markdown) >= 12);
	TEST_DONE();
}
