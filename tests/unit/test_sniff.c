/*
 * test_sniff.c: unit tests for media/sniff.c.  Every file of the corpus
 * tests/unit/corpus/sniff/ (made by make.py there) is named in the table
 * below with the kind it must be decided as, or the refusal it must get;
 * a corpus file missing from the table fails the test.  Then the kind
 * tables, the in-memory path, a file that cannot be read, and a process
 * whose magic database does not load (which must refuse everything).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "media/sniff.h"
#include "util/arena.h"
#include "testhelp.h"

#define CORPUS "tests/unit/corpus/sniff"

static struct arena arena;

static const struct {
	const char *file;
	enum sniff_kind kind;
	const char *reason; /* the start of the reason when refused */
} expected[] = {
    {"jpeg-1x1.jpg", SNIFF_JPEG, NULL},
    {"png-1x1.png", SNIFF_PNG, NULL},
    {"gif-1x1.gif", SNIFF_GIF, NULL},
    {"webp-1x1.webp", SNIFF_WEBP, NULL},
    {"minimal.pdf", SNIFF_PDF, NULL},
    {"minimal.mp4", SNIFF_MP4, NULL},
    {"minimal.webm", SNIFF_WEBM, NULL},
    {"minimal.mp3", SNIFF_MP3, NULL},
    {"frames-only.mp3", SNIFF_MP3, NULL},
    {"page.html", SNIFF_REFUSED, "HTML is not accepted"},
    {"bom-html.html", SNIFF_REFUSED, "HTML is not accepted"},
    {"drawing.svg", SNIFF_REFUSED,
     "SVG images are not accepted: they can carry scripts"},
    {"script.sh", SNIFF_REFUSED, "scripts are not accepted"},
    {"script.js", SNIFF_REFUSED, "scripts are not accepted"},
    {"make.py", SNIFF_REFUSED, "scripts are not accepted"},
    {"empty", SNIFF_REFUSED, "the file is empty"},
    {"text-named.jpg", SNIFF_REFUSED,
     "this file type is not accepted: text/plain"},
    /* A GIF to libmagic and by its signature; the script after the
     * trailer goes when it is re-encoded (test_image.c). */
    {"gif-js-polyglot.gif", SNIFF_GIF, NULL},
    /* The page is past the first 1445 bytes, and re-encoding drops it
     * (test_image.c); earlier, a browser that sniffs would see it. */
    {"png-html-appended.png", SNIFF_PNG, NULL},
    {"png-html-early.png", SNIFF_REFUSED,
     "this file carries HTML in its first bytes"},
    {"pdf-html-head.pdf", SNIFF_REFUSED,
     "this file carries HTML in its first bytes"},
    {"jpeg-html-comment.jpg", SNIFF_REFUSED,
     "this file carries HTML in its first bytes"},
    /* libmagic calls these PDFs; they do not start with %PDF-. */
    {"html-then-pdf.pdf", SNIFF_REFUSED,
     "this file does not begin as a pdf file should"},
    {"junk-then-pdf.pdf", SNIFF_REFUSED,
     "this file does not begin as a pdf file should"},
};

#define EXPECTED_COUNT (sizeof(expected) / sizeof(*expected))

/* Returns whether s starts with prefix. */
static bool
starts(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Sniffs one corpus file and checks it against its row. */
static void
check_row(size_t i)
{
	struct sniff_result r;
	char path[512];
	enum media_status st;

	snprintf(path, sizeof(path), "%s/%s", CORPUS, expected[i].file);
	st = sniff_file(path, &arena, &r);
	CHECK(st == MEDIA_OK);
	if (r.kind != expected[i].kind ||
	    (expected[i].reason == NULL) != (r.reason == NULL) ||
	    (expected[i].reason != NULL &&
	     !starts(r.reason, expected[i].reason))) {
		fprintf(stderr, "%s: kind %d, want %d; mime %s; reason %s\n",
		        expected[i].file, (int)r.kind, (int)expected[i].kind,
		        r.mime, r.reason ? r.reason : "(none)");
		CHECK(!"corpus file decided as expected");
	}
	CHECK(r.mime != NULL);
	if (r.kind != SNIFF_REFUSED)
		CHECK_STR(r.mime, sniff_kind_mime(r.kind));
}

/* Returns whether name is in the table. */
static bool
in_table(const char *name)
{
	size_t i;

	for (i = 0; i < EXPECTED_COUNT; i++)
		if (strcmp(expected[i].file, name) == 0)
			return true;
	return false;
}

static void
test_corpus(void)
{
	struct dirent *e;
	size_t i;
	DIR *d;

	for (i = 0; i < EXPECTED_COUNT; i++)
		check_row(i);
	/* Every file of the corpus is in the table, and small. */
	d = opendir(CORPUS);
	CHECK(d != NULL);
	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t len;
		char path[512], *data;

		if (e->d_name[0] == '.')
			continue;
		if (!in_table(e->d_name)) {
			fprintf(stderr, "%s is not in the table\n", e->d_name);
			CHECK(!"every corpus file is in the table");
		}
		snprintf(path, sizeof(path), "%s/%s", CORPUS, e->d_name);
		data = test_read_file(path, &len);
		CHECK(data != NULL &&
		      (len < 4096 || strcmp(e->d_name, "make.py") == 0));
		free(data);
	}
	if (d != NULL)
		closedir(d);
}

/* The in-memory path decides as the file path does. */
static void
test_buffer(void)
{
	struct sniff_result r;
	char path[512], *data;
	size_t i, len;

	for (i = 0; i < EXPECTED_COUNT; i++) {
		snprintf(path, sizeof(path), "%s/%s", CORPUS, expected[i].file);
		data = test_read_file(path, &len);
		CHECK(data != NULL);
		if (data == NULL)
			continue;
		CHECK(sniff_buffer(data, len, &arena, &r) == MEDIA_OK);
		if (r.kind != expected[i].kind)
			fprintf(stderr, "buffer %s: kind %d\n",
			        expected[i].file, (int)r.kind);
		CHECK(r.kind == expected[i].kind);
		free(data);
	}
	CHECK(sniff_buffer("", 0, &arena, &r) == MEDIA_OK);
	CHECK(r.kind == SNIFF_REFUSED);
	CHECK_STR(r.reason, "the file is empty");
	/* HTML tags in any case, anywhere in the first bytes. */
	CHECK(sniff_buffer("GIF89a\x01\x00\x01\x00\x00\x00\x00<ScRiPt>", 20,
	                   &arena, &r) == MEDIA_OK);
	CHECK(r.kind == SNIFF_REFUSED);
}

static void
test_tables(void)
{
	int k;

	for (k = SNIFF_REFUSED + 1; k < SNIFF__MAX; k++) {
		CHECK(sniff_kind_mime((enum sniff_kind)k) != NULL);
		CHECK(sniff_kind_extension((enum sniff_kind)k) != NULL);
		CHECK(strcmp(sniff_kind_mime((enum sniff_kind)k),
		             "application/octet-stream") != 0);
	}
	CHECK(sniff_kind_is_image(SNIFF_JPEG) &&
	      sniff_kind_is_image(SNIFF_PNG));
	CHECK(sniff_kind_is_image(SNIFF_WEBP) &&
	      sniff_kind_is_image(SNIFF_GIF));
	CHECK(!sniff_kind_is_image(SNIFF_PDF) &&
	      !sniff_kind_is_image(SNIFF_MP4));
	CHECK(!sniff_kind_is_image(SNIFF_WEBM) &&
	      !sniff_kind_is_image(SNIFF_MP3));
	CHECK(!sniff_kind_is_image(SNIFF_REFUSED));
	CHECK_STR(sniff_kind_extension(SNIFF_JPEG), "jpg");
	CHECK_STR(sniff_kind_mime(SNIFF_MP3), "audio/mpeg");
	CHECK_STR(sniff_kind_mime(SNIFF__MAX), "application/octet-stream");
}

/* Files that cannot be read are MEDIA_FAILED, and refused all the same. */
static void
test_unreadable(void)
{
	struct sniff_result r;

	CHECK(sniff_file(CORPUS "/no-such-file", &arena, &r) == MEDIA_FAILED);
	CHECK(r.kind == SNIFF_REFUSED && r.reason != NULL);
	CHECK(sniff_file(CORPUS, &arena, &r) == MEDIA_FAILED);
	CHECK(r.kind == SNIFF_REFUSED && r.reason != NULL);
}

/*
 * A process whose magic database does not load (MAGIC names a missing
 * file) refuses even a good JPEG, with MEDIA_FAILED.  Run in a
 * child, since the database is loaded once per process.
 */
static void
test_no_database(void)
{
	struct sniff_result r;
	int status = 0;
	pid_t pid;

	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		setenv("MAGIC", CORPUS "/no-such-database", 1);
		if (sniff_file(CORPUS "/jpeg-1x1.jpg", &arena, &r) !=
		        MEDIA_FAILED ||
		    r.kind != SNIFF_REFUSED || r.reason == NULL)
			_exit(1);
		if (sniff_buffer("GIF89a", 6, &arena, &r) != MEDIA_FAILED ||
		    r.kind != SNIFF_REFUSED)
			_exit(1);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int
main(void)
{
	arena_init(&arena);
	test_no_database();
	test_corpus();
	test_buffer();
	test_tables();
	test_unreadable();
	arena_free(&arena);
	TEST_DONE();
}
