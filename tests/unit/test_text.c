/*
 * test_text.c: unit tests for util/text.c, what public forms make of what
 * readers type: characters counted (not bytes), control characters found
 * and dropped (C0, DEL, C1; line feeds and tabs kept in a message, CR LF
 * and a lone CR made LF), the cut at a character boundary, trimming, and
 * the syntax of email addresses, and the web addresses in comments (with
 * the golden corpus tests/unit/corpus/links/: NAME.in a text, NAME.out
 * its addresses a line each and "count N"), and text put in NFC.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/text.h"
#include "testhelp.h"

static struct arena arena;

static void
test_chars(void)
{
	CHECK(text_chars("") == 0);
	CHECK(text_chars("abc") == 3);
	CHECK(text_chars("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85") == 4); /* سلام */
	CHECK(text_chars("\xf0\x9f\x98\x80!") == 2);                /* 😀! */
}

static void
test_controls(void)
{
	CHECK(!text_has_control("plain text, with punctuation!"));
	CHECK(!text_has_control("\xd8\xb3 \xc2\xa0 \xe2\x80\x8f"));
	CHECK(text_has_control("a\tb"));
	CHECK(text_has_control("a\nb"));
	CHECK(text_has_control("a\x01"));
	CHECK(text_has_control("\x7f"));
	CHECK(text_has_control("x\xc2\x85y")); /* NEL, a C1 control */
	CHECK(!text_has_control("\xc2\xa0"));  /* no-break space */

	CHECK_STR(text_clean(&arena, "a\r\nb\rc\nd", true, 100), "a\nb\nc\nd");
	CHECK_STR(text_clean(&arena, "a\r\nb\tc\x01\x7f\xc2\x85!", false, 100),
	          "abc!");
	CHECK_STR(text_clean(&arena, "keep\ttab\x0b\x0c", true, 100),
	          "keep\ttab");
	/* Cut after whole characters, never inside one. */
	CHECK_STR(
	    text_clean(&arena, "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", false, 2),
	    "\xd8\xb3\xd9\x84");
	CHECK_STR(text_clean(&arena, "abc", false, 0), "");
	CHECK_STR(text_clean(&arena, "a\r\n", true, 2), "a\n");
}

static void
test_trim(void)
{
	CHECK_STR(text_trim(&arena, NULL), "");
	CHECK_STR(text_trim(&arena, " \t a b \t "), "a b");
	CHECK_STR(text_trim(&arena, "   "), "");
	CHECK(text_blank(""));
	CHECK(text_blank(" \n\t\n"));
	CHECK(!text_blank(" x "));
}

static void
test_email(void)
{
	static const char *const good[] = {
	    "a@example.org",
	    "first.last+tag@mail.example.co.uk",
	    "o'brien@example.ie",
	    ("\xd9\x85\xd8\xad\xd9\x85\xd8\xaf@"
	     "\xd9\x85\xd8\xab\xd8\xa7\xd9\x84."
	     "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8"),
	};
	static const char *const bad[] = {
	    "",
	    "plain",
	    "@example.org",
	    "a@",
	    "a@b",
	    "a@.org",
	    "a@example.",
	    "a@example..org",
	    "a@@example.org",
	    "a@b@example.org",
	    "a b@example.org",
	    "a@exam ple.org",
	    "\"a\"@example.org",
	    "a<b>@example.org",
	    "a@example.org\r\nBcc: x@example.org",
	    "a@example.org,b@example.org",
	    "a;b@example.org",
	    "a@[127.0.0.1]",
	    "a\x01@example.org",
	    "<script>@example.org",
	};
	char local[80], long_all[300];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK(text_email_valid(good[i]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(!text_email_valid(bad[i]));
		if (text_email_valid(bad[i]))
			fprintf(stderr, "  taken: \"%s\"\n", bad[i]);
	}
	/* A local part of 64 bytes at most. */
	memset(local, 'l', 64);
	memcpy(local + 64, "@example.org", 13);
	CHECK(text_email_valid(local));
	memset(local, 'l', 65);
	memcpy(local + 65, "@example.org", 13);
	CHECK(!text_email_valid(local));
	/* 254 characters at most. */
	memset(long_all, 'd', sizeof(long_all));
	memcpy(long_all, "a@", 2);
	memcpy(long_all + 250, ".org", 5); /* 254 */
	CHECK(text_email_valid(long_all));
	memset(long_all, 'd', sizeof(long_all));
	memcpy(long_all, "a@", 2);
	memcpy(long_all + 251, ".org", 5); /* 255 */
	CHECK(!text_email_valid(long_all));
}

/* Returns the addresses text_link_next finds in s, joined by " | ". */
static const char *
links(const char *s)
{
	static char out[1024];
	struct text_link l;
	size_t from = 0, n = 0;

	out[0] = '\0';
	while (text_link_next(s, from, &l) && n + l.len + 4 < sizeof(out)) {
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%.*s",
		                      n ? " | " : "", (int)l.len, s + l.start);
		from = l.start + l.len;
	}
	return out;
}

/* The golden corpus's output for one input: each address on a line,
 * then "count N" (text_links_count). */
static char *
golden_links(const char *in, size_t len)
{
	char *text = strndup(in, len), *out = malloc(len + 64), *o = out;
	struct text_link l;
	size_t from = 0;

	while (text_link_next(text, from, &l)) {
		memcpy(o, text + l.start, l.len);
		o += l.len;
		*o++ = '\n';
		from = l.start + l.len;
	}
	snprintf(o, 64, "count %zu\n", text_links_count(text));
	free(text);
	return out;
}

static void
test_links(void)
{
	static char big[TEXT_LINK_MAX + 64];
	struct text_link l;

	CHECK_STR(links("no links here"), "");
	CHECK_STR(links("see https://example.org/a?b=1&c=2 now"),
	          "https://example.org/a?b=1&c=2");
	CHECK_STR(links("HTTP://EXAMPLE.ORG and Https://x.example"),
	          "HTTP://EXAMPLE.ORG | Https://x.example");
	/* Sentence punctuation and unmatched brackets are the sentence's. */
	CHECK_STR(links("Read http://a.example/x. Then http://b.example/y, "
	                "(http://c.example/z) and http://d.example/w_(v)!"),
	          "http://a.example/x | http://b.example/y | "
	          "http://c.example/z | http://d.example/w_(v)");
	CHECK_STR(links("[https://e.example/]"), "https://e.example/");
	CHECK_STR(links("https://f.example/?q=x..."), "https://f.example/?q=x");
	/* Stops at spaces, quotes, < > and friends. */
	CHECK_STR(links("https://g.example/\"><script>"), "https://g.example/");
	CHECK_STR(links("<https://h.example/>"), "https://h.example/");
	CHECK_STR(links("https://i.example/a'b"), "https://i.example/a");
	CHECK_STR(links("https://j.example/\xd8\xb3"), "https://j.example/");
	/* Only http and https, with a host, not inside a word. */
	CHECK_STR(links("javascript:alert(1) ftp://k.example/ mailto:a@b.c"),
	          "");
	CHECK_STR(links("xhttp://l.example/ http:// https:///x http://-"), "");
	CHECK_STR(links("http://[::1]:8080/"), "http://[::1]:8080/");
	/* Longer than TEXT_LINK_MAX: left as text, the next one found. */
	memcpy(big, "http://m.example/", 17);
	memset(big + 17, 'a', TEXT_LINK_MAX);
	memcpy(big + 17 + TEXT_LINK_MAX, " https://n.example/", 20);
	CHECK(text_link_next(big, 0, &l) && l.start == 18 + TEXT_LINK_MAX &&
	      l.len == 18);
	/* Counting: every scheme, even run together to pass for one. */
	CHECK(text_links_count("none") == 0);
	CHECK(text_links_count("http://a.example https://b.example") == 2);
	CHECK(text_links_count("https://a.example/,https://b.example/,"
	                       "HTTPS://c.example/") == 3);
	CHECK(text_links_count(big) == 2);
	CHECK(test_golden("links", golden_links) >= 5);
}

/* NFC: decomposed text composed, composed and plain text left alone (the
 * same pointer when nothing can change), characters whose NFC form is
 * longer, a NUL kept. */
static void
test_nfc(void)
{
	static const char plain[] = "plain ASCII, and Latin-1: caf\xc3\xa9";
	static const char composed[] =
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88"; /* می‌خو */
	const char *s;
	size_t n;

	CHECK(text_nfc(&arena, plain, strlen(plain), &n) == plain &&
	      n == strlen(plain));
	s = text_nfc(&arena, composed, strlen(composed), &n);
	CHECK_STR(s, composed);
	CHECK(n == strlen(composed));
	/* e + U+0301, and U+0627 alef + U+0654 hamza above: é, أ. */
	s = text_nfc(&arena, "e\xcc\x81t\xd8\xa7\xd9\x94", 8, &n);
	CHECK_STR(s, "\xc3\xa9t\xd8\xa3");
	CHECK(n == 5);
	/* Marks in the wrong canonical order are reordered: a + dot below
	 * + acute is the same text as a + acute + dot below. */
	s = text_nfc(&arena, "a\xcc\x81\xcc\xa3", 5, &n);
	CHECK_STR(s, "\xe1\xba\xa1\xcc\x81"); /* ạ + acute */
	/* Hangul jamo make a syllable; U+212B ANGSTROM SIGN is U+00C5. */
	CHECK_STR(
	    text_nfc(&arena, "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 9, &n),
	    "\xed\x95\x9c");
	CHECK_STR(text_nfc(&arena, "\xe2\x84\xab", 3, &n), "\xc3\x85");
	/* U+0958 is excluded from composition: 3 bytes become 6. */
	s = text_nfc(&arena, "\xe0\xa5\x98", 3, &n);
	CHECK_STR(s, "\xe0\xa4\x95\xe0\xa4\xbc");
	CHECK(n == 6);
	/* Many characters that each grow: the first guess is too small. */
	s = text_nfc(&arena, "\xe0\xa5\x98\xe0\xa5\x98\xe0\xa5\x98\xe0\xa5\x98",
	             12, &n);
	CHECK(s != NULL && n == 24 &&
	      memcmp(s, "\xe0\xa4\x95\xe0\xa4\xbc", 6) == 0);
	/* A NUL inside is kept, and the length says where the text ends. */
	s = text_nfc(&arena, "e\xcc\x81\0e\xcc\x81", 7, &n);
	CHECK(s != NULL && n == 5 && memcmp(s, "\xc3\xa9\0\xc3\xa9", 5) == 0);
	CHECK(text_nfc(&arena, "", 0, &n) != NULL && n == 0);
}

int
main(void)
{
	arena_init(&arena);
	test_nfc();
	test_chars();
	test_controls();
	test_trim();
	test_email();
	test_links();
	arena_free(&arena);
	TEST_DONE();
}
