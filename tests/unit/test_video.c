/*
 * test_video.c: unit tests for util/video.c: the addresses of YouTube and
 * Vimeo videos an editor may paste (and the look-alikes, other schemes,
 * ports, users and stray characters refused), the ids each provider
 * accepts, and the addresses built from them; then the golden corpus
 * tests/unit/corpus/video/ (NAME.in an address, one trailing newline
 * stripped; NAME.out "PROVIDER ID" or "(none)").
 */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/video.h"
#include "testhelp.h"

static struct arena arena;

/* Returns "PROVIDER ID" or "(none)" for an address, in the arena. */
static const char *
parse(const char *url)
{
	char id[VIDEO_ID_MAX + 1];
	enum video_provider p = video_url_parse(url, id);

	if (p == VIDEO_NONE) {
		CHECK(id[0] == '\0');
		return "(none)";
	}
	CHECK(video_id_valid(p, id));
	return arena_concat(&arena, video_provider_name(p), " ", id, NULL);
}

static void
test_parse(void)
{
	char big[VIDEO_URL_MAX + 64];

	CHECK_STR(parse("https://www.youtube.com/watch?v=M7lc1UVf-VE"),
	          "youtube M7lc1UVf-VE");
	CHECK_STR(parse("https://music.youtube.com/watch?list=x&v=M7lc1UVf-VE"),
	          "youtube M7lc1UVf-VE");
	CHECK_STR(parse("https://youtube.com/live/M7lc1UVf-VE#x"),
	          "youtube M7lc1UVf-VE");
	CHECK_STR(parse("https://www.youtube.com/v/M7lc1UVf-VE"),
	          "youtube M7lc1UVf-VE");
	CHECK_STR(parse("https://vimeo.com/1"), "vimeo 1");
	CHECK_STR(parse("https://www.vimeo.com/76979871#t=10"),
	          "vimeo 76979871");
	/* A v= that only ends another parameter's name is not it. */
	CHECK_STR(parse("https://www.youtube.com/watch?xv=M7lc1UVf-VE"),
	          "(none)");
	CHECK_STR(parse("https://www.youtube.com/watch?v=M7lc1UVf-VE%22"),
	          "(none)");
	CHECK_STR(parse("https://www.youtube.com/embed/"), "(none)");
	CHECK_STR(parse("https://youtu.be/"), "(none)");
	CHECK_STR(parse("https://youtu.be"), "(none)");
	CHECK_STR(parse("https://player.vimeo.com/76979871"), "(none)");
	CHECK_STR(parse("https://vimeo.com/channels/staffpicks/76979871"),
	          "(none)");
	CHECK_STR(parse("ftp://youtu.be/M7lc1UVf-VE"), "(none)");
	CHECK_STR(parse("https://youtu.be/M7lc1UVf-VE\n"), "(none)");
	CHECK_STR(parse("https://you tu.be/M7lc1UVf-VE"), "(none)");
	CHECK_STR(parse("https://youtu.be/M7lc1UVf-V<"), "(none)");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "https://vimeo.com/1?", 20);
	CHECK_STR(parse(big), "(none)");
	big[VIDEO_URL_MAX] = '\0';
	CHECK_STR(parse(big), "vimeo 1");
}

static void
test_ids_and_addresses(void)
{
	CHECK(video_id_valid(VIDEO_YOUTUBE, "M7lc1UVf-VE"));
	CHECK(video_id_valid(VIDEO_YOUTUBE, "___________"));
	CHECK(!video_id_valid(VIDEO_YOUTUBE, "M7lc1UVf-V"));
	CHECK(!video_id_valid(VIDEO_YOUTUBE, "M7lc1UVf-V\""));
	CHECK(!video_id_valid(VIDEO_YOUTUBE, ""));
	CHECK(video_id_valid(VIDEO_VIMEO, "123456789012"));
	CHECK(!video_id_valid(VIDEO_VIMEO, "1234567890123"));
	CHECK(!video_id_valid(VIDEO_VIMEO, "0"));
	CHECK(!video_id_valid(VIDEO_VIMEO, "12a"));
	CHECK(!video_id_valid(VIDEO_NONE, "1"));
	CHECK(video_provider_from_name("youtube") == VIDEO_YOUTUBE);
	CHECK(video_provider_from_name("vimeo") == VIDEO_VIMEO);
	CHECK(video_provider_from_name("YouTube") == VIDEO_NONE);
	CHECK(video_provider_from_name("") == VIDEO_NONE);
	CHECK(video_provider_from_name(NULL) == VIDEO_NONE);
	CHECK_STR(video_provider_name(VIDEO_NONE), "");
	CHECK_STR(video_watch_url(&arena, VIDEO_YOUTUBE, "M7lc1UVf-VE"),
	          "https://www.youtube.com/watch?v=M7lc1UVf-VE");
	CHECK_STR(video_embed_url(&arena, VIDEO_YOUTUBE, "M7lc1UVf-VE"),
	          "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
	          "?autoplay=1");
	CHECK_STR(video_watch_url(&arena, VIDEO_VIMEO, "76979871"),
	          "https://vimeo.com/76979871");
	CHECK_STR(video_embed_url(&arena, VIDEO_VIMEO, "76979871"),
	          "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1");
	/* Nothing is built from an id that is not one. */
	CHECK_STR(video_watch_url(&arena, VIDEO_VIMEO, "1\"x"), "");
	CHECK_STR(video_embed_url(&arena, VIDEO_YOUTUBE, "x"), "");
	CHECK_STR(video_embed_url(&arena, VIDEO_NONE, "1"), "");
}

/* The golden corpus: one address per file. */
static char *
golden(const char *in, size_t len)
{
	char *url = xstrdup(in), *out;
	size_t n = strlen(url);

	(void)len;
	if (n > 0 && url[n - 1] == '\n')
		url[n - 1] = '\0';
	out = xstrdup(parse(url));
	free(url);
	return out;
}

int
main(void)
{
	arena_init(&arena);
	test_parse();
	test_ids_and_addresses();
	CHECK(test_golden("video", golden) >= 20);
	arena_free(&arena);
	TEST_DONE();
}
