/*
 * fuzz_wxr.c: libFuzzer entry for import/wxr.c, the streaming WXR reader.
 * Any bytes must give WXR_OK or WXR_MALFORMED (never a crash, a leak or
 * a read past a string); every string a callback sees must be a
 * NUL-terminated string, and an item's arrays must hold what their counts
 * say.  A malformed input's error has a message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/wxr.h"
#include "fuzz.h"

/* Like assert, but kept when NDEBUG is defined (CMake's Release). */
/* Sums string lengths, so that every byte of each string is read. */
static size_t total;

static void
touch(const char *s)
{
	FUZZ_CHECK(s != NULL);
	total += strlen(s);
}

static int
on_channel(void *ctx, const struct wxr_channel *c)
{
	(void)ctx;
	touch(c->title);
	touch(c->link);
	touch(c->base_site_url);
	touch(c->wxr_version);
	return 0;
}

static int
on_author(void *ctx, const struct wxr_author *a)
{
	(void)ctx;
	touch(a->login);
	touch(a->email);
	touch(a->display_name);
	return 0;
}

static int
on_term(void *ctx, const struct wxr_term *t)
{
	(void)ctx;
	touch(t->taxonomy);
	touch(t->slug);
	FUZZ_CHECK(t->taxonomy[0] != '\0' && t->slug[0] != '\0');
	touch(t->name);
	touch(t->parent);
	touch(t->description);
	return 0;
}

static int
on_item(void *ctx, const struct wxr_item *it)
{
	const char *const s[] = {
	    it->title,     it->link,           it->guid,
	    it->creator,   it->content,        it->excerpt,
	    it->post_date, it->post_date_gmt,  it->pub_date,
	    it->post_name, it->status,         it->post_type,
	    it->password,  it->comment_status, it->attachment_url};

	(void)ctx;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		touch(s[i]);
	FUZZ_CHECK(it->status[0] != '\0' && it->post_type[0] != '\0');
	for (size_t i = 0; i < it->terms_count; i++) {
		touch(it->terms[i].domain);
		touch(it->terms[i].slug);
		touch(it->terms[i].name);
	}
	for (size_t i = 0; i < it->meta_count; i++) {
		touch(it->meta[i].key);
		touch(it->meta[i].value);
	}
	for (size_t i = 0; i < it->comments_count; i++) {
		const struct wxr_comment *c = &it->comments[i];

		touch(c->author);
		touch(c->email);
		touch(c->url);
		touch(c->date);
		touch(c->date_gmt);
		touch(c->content);
		touch(c->approved);
		touch(c->type);
	}
	return 0;
}

/* Reads one input; returns 0 always. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct wxr_handler h = {on_channel, on_author, on_term,
	                                     on_item, NULL};
	struct wxr_error err;
	enum wxr_status st;

	st = wxr_read_memory((const char *)data, size, &h, NULL, &err);
	FUZZ_CHECK(st == WXR_OK || st == WXR_MALFORMED);
	if (st == WXR_MALFORMED)
		FUZZ_CHECK(err.message[0] != '\0' &&
		           memchr(err.message, '\0', sizeof(err.message)));
	return 0;
}
