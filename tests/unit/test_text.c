/*
 * test_text.c: unit tests for util/text.c, what public forms make of what
 * readers type: characters counted (not bytes), control characters found
 * and dropped (C0, DEL, C1; line feeds and tabs kept in a message, CR LF
 * and a lone CR made LF), the cut at a character boundary, trimming, and
 * the syntax of email addresses.
 */
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

int
main(void)
{
	arena_init(&arena);
	test_chars();
	test_controls();
	test_trim();
	test_email();
	arena_free(&arena);
	TEST_DONE();
}
