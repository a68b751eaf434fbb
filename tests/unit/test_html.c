/*
 * test_html.c: the escaping writer (render/html.c): text and attribute
 * escaping, URL schemes (what runs script is refused), percent-encoding,
 * URL components and JSON strings, which jansson reads back to prove the
 * output is valid JSON with the same value.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "render/html.h"
#include "testhelp.h"
#include "util/arena.h"
#include "util/buf.h"

static struct buf out;

static const char *
text(const char *s, size_t len)
{
	buf_reset(&out);
	buf_append(&out, "", 0);
	html_text(&out, s, len);
	return out.data;
}

/* Returns the escaped URL, or "(refused)" when html_url said -1. */
static const char *
url(const char *s)
{
	buf_reset(&out);
	buf_puts(&out, "keep");
	if (html_url(&out, s, strlen(s)) != 0)
		return out.len == 4 ? "(refused)" : "(refused, but wrote)";
	return out.data + 4;
}

static const char *
component(const char *s, size_t len)
{
	buf_reset(&out);
	buf_append(&out, "", 0);
	html_url_component(&out, s, len);
	return out.data;
}

static const char *
json(const char *s, size_t len)
{
	buf_reset(&out);
	buf_append(&out, "", 0);
	html_json_string(&out, s, len);
	return out.data;
}

/* Checks that jansson reads "<json(s)>" back as want[0..want_len). */
static void
check_json_roundtrip(const char *s, size_t len, const char *want,
                     size_t want_len)
{
	struct buf doc;
	json_t *v;
	json_error_t err;

	buf_init(&doc);
	buf_putc(&doc, '"');
	html_json_string(&doc, s, len);
	buf_putc(&doc, '"');
	v = json_loadb(doc.data, doc.len, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	               &err);
	CHECK(v != NULL && json_is_string(v));
	if (v != NULL && json_is_string(v)) {
		CHECK(json_string_length(v) == want_len);
		CHECK(json_string_length(v) == want_len &&
		      memcmp(json_string_value(v), want, want_len) == 0);
	}
	json_decref(v);
	buf_free(&doc);
}

static void
test_text(void)
{
	const char *s;
	struct buf big;
	size_t i;

	CHECK_STR(text("", 0), "");
	CHECK_STR(text("plain text", 10), "plain text");
	s = "<script>alert('x')</script>";
	CHECK_STR(text(s, strlen(s)),
	          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	s = "a & b \"c\" 'd' <e> &amp;";
	CHECK_STR(text(s, strlen(s)),
	          "a &amp; b &quot;c&quot; &#39;d&#39; &lt;e&gt; &amp;amp;");
	CHECK_STR(text("&", 1), "&amp;");
	CHECK_STR(text("<<>>", 4), "&lt;&lt;&gt;&gt;");
	CHECK_STR(text("\" onmouseover=\"x", 16), "&quot; onmouseover=&quot;x");
	/* UTF-8 and other bytes are copied; the length bounds the input. */
	CHECK_STR(text("\xd8\xb9<\xe2\x80\xa8", 6), "\xd8\xb9&lt;\xe2\x80\xa8");
	CHECK_STR(text("ab<cd", 3), "ab&lt;");
	/* Controls HTML forbids are left out (NUL among them); tab, LF and
	 * CR stay; of U+0080..U+00BF only the C1 controls go. */
	text("a\0<", 3);
	CHECK(out.len == 5 && memcmp(out.data, "a&lt;", 5) == 0);
	CHECK_STR(text("Ctrl\x01title\x1b\x7f", 13), "Ctrltitle");
	CHECK_STR(text("a\tb\nc\rd", 7), "a\tb\nc\rd");
	CHECK_STR(text("x\xc2\x85y\xc2\x9f", 6), "xy");
	CHECK_STR(text("\xc2\xa0\xc2\xa9\xc2\xbf\xc2\x80", 8),
	          "\xc2\xa0\xc2\xa9\xc2\xbf");
	CHECK_STR(text("cut \xc2", 5), "cut \xc2");
	CHECK_STR(text("\x0b\x0c&", 3), "&amp;");
	/* Appends to what is there. */
	buf_reset(&out);
	buf_puts(&out, "<p>");
	html_text(&out, "1<2", 3);
	CHECK_STR(out.data, "<p>1&lt;2");
	/* A long input with specials spread out. */
	buf_init(&big);
	for (i = 0; i < 10000; i++)
		buf_puts(&big, i % 7 ? "word " : "<&> ");
	text(big.data, big.len);
	CHECK(strchr(out.data, '<') == NULL && strchr(out.data, '>') == NULL);
	CHECK(out.len == big.len + (10000 / 7 + 1) * 10);
	buf_free(&big);
	/* No byte value escapes unescaped; controls are left out. */
	for (i = 0; i < 256; i++) {
		char c = (char)i;

		text(&c, 1);
		CHECK(strpbrk(out.data, "<>\"'") == NULL);
		if (strchr("&<>\"'", c) != NULL && c != '\0')
			CHECK(out.data[0] == '&' &&
			      out.data[out.len - 1] == ';');
		else if ((i < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		         i == 0x7f)
			CHECK(out.len == 0);
		else
			CHECK(out.len == 1 && out.data[0] == c);
	}
}

static void
test_url(void)
{
	int i;

	/* Allowed. */
	CHECK_STR(url(""), "");
	CHECK_STR(url("/articles/hello-world"), "/articles/hello-world");
	CHECK_STR(url("articles/x"), "articles/x");
	CHECK_STR(url("../up"), "../up");
	CHECK_STR(url("?page=2&tag=a"), "?page=2&amp;tag=a");
	CHECK_STR(url("#top"), "#top");
	CHECK_STR(url("http://example.com/a?b=1&c=2#d"),
	          "http://example.com/a?b=1&amp;c=2#d");
	CHECK_STR(url("https://example.com/"), "https://example.com/");
	CHECK_STR(url("HTTPS://EXAMPLE.COM/"), "HTTPS://EXAMPLE.COM/");
	CHECK_STR(url("HtTp://x"), "HtTp://x");
	CHECK_STR(url("mailto:editor@example.org?subject=Hi%20there"),
	          "mailto:editor@example.org?subject=Hi%20there");
	CHECK_STR(url("MAILTO:a@b"), "MAILTO:a@b");
	/* Protocol-relative: allowed (it is an http or https URL). */
	CHECK_STR(url("//cdn.example.com/x.png"), "//cdn.example.com/x.png");
	/* A ':' after the first '/', '?' or '#' is not a scheme. */
	CHECK_STR(url("/a:b"), "/a:b");
	CHECK_STR(url("?x=javascript:alert(1)"), "?x=javascript:alert(1)");
	CHECK_STR(url("#javascript:x"), "#javascript:x");
	CHECK_STR(url("./javascript:alert(1)"), "./javascript:alert(1)");
	/* Encoded colon: a relative path for a browser too. */
	CHECK_STR(url("javascript%3Aalert(1)"), "javascript%3Aalert(1)");
	/* Blanks around are dropped, as a browser drops them. */
	CHECK_STR(url("  https://example.com/ \n"), "https://example.com/");
	CHECK_STR(url("\t/a"), "/a");

	/* Refused schemes, however written. */
	CHECK_STR(url("javascript:alert(1)"), "(refused)");
	CHECK_STR(url("JaVaScRiPt:alert(1)"), "(refused)");
	CHECK_STR(url(" javascript:alert(1)"), "(refused)");
	CHECK_STR(url("\x01javascript:alert(1)"), "(refused)");
	CHECK_STR(url("\njavascript:alert(1)"), "(refused)");
	CHECK_STR(url("java\tscript:alert(1)"), "(refused)");
	CHECK_STR(url("java\nscript:alert(1)"), "(refused)");
	CHECK_STR(url("java\rscript:alert(1)"), "(refused)");
	CHECK_STR(url("javascript :alert(1)"), "(refused)");
	/* An entity is not decoded: '#' starts a fragment, so no scheme. */
	CHECK_STR(url("jav&#x61;script:alert(1)"),
	          "jav&amp;#x61;script:alert(1)");
	CHECK_STR(url("jav&#x61;script&#58;alert(1)"),
	          "jav&amp;#x61;script&amp;#58;alert(1)");
	CHECK_STR(url("javascript&colon;alert(1)"),
	          "javascript&amp;colon;alert(1)");
	CHECK_STR(url("javascript:"), "(refused)");
	CHECK_STR(url("data:text/html;base64,PHNjcmlwdD4="), "(refused)");
	CHECK_STR(url("DATA:image/png;base64,AAAA"), "(refused)");
	CHECK_STR(url("vbscript:msgbox(1)"), "(refused)");
	CHECK_STR(url("VBScript:msgbox(1)"), "(refused)");
	CHECK_STR(url("file:///etc/passwd"), "(refused)");
	CHECK_STR(url("ftp://example.com/"), "(refused)");
	CHECK_STR(url("blob:https://x/y"), "(refused)");
	CHECK_STR(url("httpx://x"), "(refused)");
	CHECK_STR(url("http s://x"), "(refused)");
	CHECK_STR(url("https\t://x"), "(refused)");
	CHECK_STR(url("a:b"), "(refused)");
	CHECK_STR(url(":x"), "(refused)");
	CHECK_STR(url("\xef\xbb\xbfjavascript:alert(1)"), "(refused)");

	/* Percent-encoding: spaces, quotes, < >, backslash, non-ASCII. */
	CHECK_STR(url("/a b"), "/a%20b");
	CHECK_STR(url("/search?q=a b"), "/search?q=a%20b");
	CHECK_STR(url("/\xc3\xa4"), "/%C3%A4");
	CHECK_STR(url("/ar/\xd8\xb9"), "/ar/%D8%B9");
	CHECK_STR(url("/\"><script>alert(1)</script>"),
	          "/%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
	CHECK_STR(url("/it's"), "/it%27s");
	CHECK_STR(url("/a\\b"), "/a%5Cb");
	CHECK_STR(url("/`{|}^"), "/%60%7B%7C%7D%5E");
	CHECK_STR(url("/a\x7f\x01"
	              "b"),
	          "/a%7F%01b");
	CHECK_STR(url("/50%"), "/50%25");
	CHECK_STR(url("/50%4"), "/50%254");
	CHECK_STR(url("/50%zz"), "/50%25zz");
	CHECK_STR(url("/a%20b%2F"), "/a%20b%2F");
	CHECK_STR(url("https://[::1]:8080/x;p=1,2*!$()+@~"),
	          "https://[::1]:8080/x;p=1,2*!$()+@~");
	CHECK_STR(url("/x\ny"), "/x%0Ay");

	/* Whatever the byte, nothing unsafe for an attribute comes out. */
	for (i = 1; i < 256; i++) {
		char s[4] = {'/', (char)i, 'x', '\0'};

		buf_reset(&out);
		CHECK(html_url(&out, s, 3) == 0);
		CHECK(strpbrk(out.data, "<>\"' \t\r\n\\") == NULL);
	}
}

static void
test_component(void)
{
	const char *s = "a b&c=d/\xc3\xa9~-._?#%+";

	CHECK_STR(component("", 0), "");
	CHECK_STR(component("AZaz09", 6), "AZaz09");
	CHECK_STR(component(s, strlen(s)),
	          "a%20b%26c%3Dd%2F%C3%A9~-._%3F%23%25%2B");
	CHECK_STR(component("\"'<>", 4), "%22%27%3C%3E");
	CHECK_STR(component("a\0b", 3), "a%00b");
	CHECK_STR(component("\xff", 1), "%FF");
}

static void
test_json(void)
{
	const char *s;
	size_t i;

	CHECK_STR(json("", 0), "");
	CHECK_STR(json("plain", 5), "plain");
	CHECK_STR(json("\"\\", 2), "\\\"\\\\");
	CHECK_STR(json("\b\f\n\r\t", 5), "\\b\\f\\n\\r\\t");
	CHECK_STR(json("\x01\x1f", 2), "\\u0001\\u001f");
	json("a\0b", 3);
	CHECK_STR(out.data, "a\\u0000b");
	s = "</script><!--&-->";
	CHECK_STR(json(s, strlen(s)),
	          "\\u003c/script\\u003e\\u003c!--\\u0026--\\u003e");
	CHECK_STR(json("a\xe2\x80\xa8z\xe2\x80\xa9", 8), "a\\u2028z\\u2029");
	/* Other characters of the same lead byte are kept. */
	CHECK_STR(json("\xe2\x80\xa6\xe2\x82\xac", 6),
	          "\xe2\x80\xa6\xe2\x82\xac");
	CHECK_STR(json("\xc3\xa9\xd8\xb9\xf0\x9f\x98\x80\x7f", 9),
	          "\xc3\xa9\xd8\xb9\xf0\x9f\x98\x80\x7f");
	CHECK_STR(json("'/", 2), "'/");
	/* Not UTF-8: each bad byte becomes U+FFFD. */
	CHECK_STR(json("a\xff", 2), "a\\ufffd");
	CHECK_STR(json("\xc0\xaf", 2), "\\ufffd\\ufffd");
	CHECK_STR(json("\xed\xa0\x80", 3), "\\ufffd\\ufffd\\ufffd");
	CHECK_STR(json("x\xe2\x80", 3), "x\\ufffd\\ufffd");
	CHECK_STR(json("\xe2\x80<", 3), "\\ufffd\\ufffd\\u003c");
	CHECK_STR(json("\xf4\x90\x80\x80", 4), "\\ufffd\\ufffd\\ufffd\\ufffd");

	/* Read back by a JSON parser. */
	s = "He said \"<b>\" & left\n\t\\ \xe2\x80\xa8 "
	    "\xd8\xb9\xf0\x9f\x98\x80";
	check_json_roundtrip(s, strlen(s), s, strlen(s));
	check_json_roundtrip("a\0b", 3, "a\0b", 3);
	check_json_roundtrip("\xff", 1, "\xef\xbf\xbd", 3);
	for (i = 0; i < 128; i++) {
		char c = (char)i;

		check_json_roundtrip(&c, 1, &c, 1);
		json(&c, 1);
		CHECK(strpbrk(out.data, "<>&") == NULL);
	}
}

/* Escaping into an arena copies only when something needs escaping, and
 * agrees with html_text byte for byte, across SSE block boundaries too. */
static void
test_text_arena(void)
{
	struct arena a;
	struct buf want;
	const char *clean = "Plain text with no specials, longer than 16 bytes";
	const char *got;
	size_t n;

	arena_init(&a);
	buf_init(&want);
	CHECK(html_text_arena(&a, clean, strlen(clean), &n) == clean);
	CHECK(n == strlen(clean));
	for (size_t pos = 0; pos < 40; pos++) {
		char s[41];

		memset(s, 'x', 40);
		s[40] = '\0';
		s[pos] = "&<>\"'\x01\n\x7f"[pos % 8];
		buf_reset(&want);
		html_text(&want, s, 40);
		got = html_text_arena(&a, s, 40, &n);
		CHECK(n == want.len && memcmp(got, want.data, n) == 0);
		/* Only a line feed needs no copy. */
		CHECK((got == s) == (s[pos] == '\n'));
	}
	/* A C1 control across a block boundary, and text around it. */
	for (size_t pos = 0; pos < 39; pos++) {
		char s[41];

		memset(s, 'y', 40);
		s[40] = '\0';
		s[pos] = '\xc2';
		s[pos + 1] = '\x85';
		got = html_text_arena(&a, s, 40, &n);
		CHECK(n == 38 && strspn(got, "y") == 38);
	}
	buf_free(&want);
	arena_free(&a);
}

int
main(void)
{
	buf_init(&out);
	test_text();
	test_text_arena();
	test_url();
	test_component();
	test_json();
	buf_free(&out);
	TEST_DONE();
}
