/*
 * test_media.c: the media library through the real request path, with
 * multipart bodies as browsers send them and a temporary uploads folder.
 * Uploads of every accepted type (decided by content, whatever the name or
 * the type the browser claims) and every refused one (HTML, SVG, scripts,
 * text named .jpg, polyglots that hide markup early), each refusal with
 * its reason and nothing left behind; polyglots that pass are stored
 * re-encoded without what they hid; a JPEG with GPS in its EXIF comes out
 * without any of it, in every size; over the limit is 413 with no file
 * under uploads/ nor .incoming; the CSRF token missing, wrong or after the
 * file; a multipart body where none is taken; roles; alt text needed for
 * images; the library (grid, list, search, filters, pages); edits with a
 * stale version; deleting what is used and what is not; the featured image
 * picked in the editor (and uploaded from it, its text kept) shown with
 * srcset on the public pages, and images in Markdown bodies with theirs.
 * Skipped (77) when libvips cannot start.
 */
#include <ftw.h>
#include <sys/stat.h>

#include <vips/vips.h>

#include "driver.h"
#include "media/image.h"
#include "multipart_post.h"
#include "staff.h"

#define CORPUS "tests/unit/corpus/sniff/"

static char uploads[] = "/tmp/gazette-media-uploads-XXXXXX";
static char *admin_s, *editor_s, *author_s, *other_s, *moderator_s;

/* GPSLatitude 41/1 19/1 4567/100 as EXIF rationals, in each byte order
 * (what test_image.c looks for too). */
static const unsigned char gps_be[24] = {0, 0, 0,    41,   0, 0, 0, 1,
                                         0, 0, 0,    19,   0, 0, 0, 1,
                                         0, 0, 0x11, 0xd7, 0, 0, 0, 100};
static const unsigned char gps_le[24] = {41,   0,    0, 0, 1,   0, 0, 0,
                                         19,   0,    0, 0, 1,   0, 0, 0,
                                         0xd7, 0x11, 0, 0, 100, 0, 0, 0};

/* ---- The uploads folder ---- */

static int files_seen, incoming_seen;

static int
count_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)f;
	if (type == FTW_F) {
		files_seen++;
		if (strstr(path, "/.incoming/") != NULL)
			incoming_seen++;
	}
	return 0;
}

/* Returns the number of files under the uploads folder; none may be a
 * temporary one left in .incoming. */
static int
count_files(void)
{
	files_seen = incoming_seen = 0;
	nftw(uploads, count_one, 16, FTW_PHYS);
	CHECK(incoming_seen == 0);
	return files_seen;
}

static int
remove_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	(void)f;
	remove(path);
	return 0;
}

/* Reads uploads/rel into a malloc'd buffer (NULL when missing). */
static char *
read_upload(const char *rel, size_t *len)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", uploads, rel);
	return test_read_file(path, len);
}

/* Returns whether uploads/rel exists. */
static bool
upload_exists(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", uploads, rel);
	return access(path, F_OK) == 0;
}

/* ---- Uploading ---- */

/*
 * Uploads len bytes of data as filename (claimed type: text/html, which
 * must not matter) to uri as session, with the fields given as
 * name, value pairs (NULL-terminated) before the file and the session's
 * token first.  Returns the status.
 */
static int
upload(const char *session, const char *uri, const char *filename,
       const void *data, size_t len, const char *const *fields)
{
	struct mp_body m;
	int status;

	mp_body_init(&m);
	mp_field(&m, "csrf", csrf_of(session));
	for (; fields != NULL && fields[0] != NULL; fields += 2)
		mp_field(&m, fields[0], fields[1]);
	mp_file(&m, "file", filename, "text/html", data, len);
	mp_end(&m);
	status = mp_post(session, uri, &m);
	mp_body_free(&m);
	return status;
}

/* Uploads a file of the sniff corpus with an alt text; returns the status. */
static int
upload_corpus(const char *session, const char *name)
{
	static const char *const fields[] = {"alt", "A test picture", NULL};
	size_t len;
	char *data, path[256];
	int status;

	snprintf(path, sizeof(path), CORPUS "%s", name);
	data = test_read_file(path, &len);
	CHECK(data != NULL);
	if (data == NULL)
		return -1;
	status =
	    upload(session, "/admin/media/upload", name, data, len, fields);
	free(data);
	return status;
}

/* The id in the Location of the last answer (/admin/media/ID?…), or 0. */
static long long
location_id(void)
{
	const char *p =
	    strstr(head.data ? head.data : "", "Location: /admin/media/");

	return p ? strtoll(p + 23, NULL, 10) : 0;
}

/* Returns how many times needle is in the last body. */
static int
count_of(const char *needle)
{
	int n = 0;

	for (const char *p = body.data; p && (p = strstr(p, needle)) != NULL;
	     p += strlen(needle))
		n++;
	return n;
}

/* Returns a copy of a query's text answer. */
static char *
text_of(const char *query)
{
	return strdup(query_text(query));
}

/* A 1200 x 800 JPEG with EXIF GPS, an artist and an orientation. */
static void *
gps_jpeg(size_t *len)
{
	double a[3] = {1.0, 0.5, 0.8}, b[3] = {0.0, 64.0, 20.0};
	VipsImage *noise = NULL, *lin = NULL, *u = NULL, *c = NULL;
	void *buf = NULL;

	CHECK(vips_gaussnoise(&noise, 1200, 800, "mean", 128.0, "sigma", 30.0,
	                      "seed", 7, NULL) == 0);
	CHECK(vips_linear(noise, &lin, a, b, 3, NULL) == 0);
	CHECK(vips_cast_uchar(lin, &u, NULL) == 0);
	CHECK(vips_copy(u, &c, "interpretation", VIPS_INTERPRETATION_sRGB,
	                NULL) == 0);
	vips_image_set_int(c, VIPS_META_ORIENTATION, 1);
	vips_image_set_string(c, "exif-ifd0-Artist", "Jane Photographer");
	vips_image_set_string(c, "exif-ifd3-GPSLatitudeRef", "N");
	vips_image_set_string(c, "exif-ifd3-GPSLatitude", "41/1 19/1 4567/100");
	vips_image_set_string(c, "exif-ifd3-GPSLongitudeRef", "E");
	vips_image_set_string(c, "exif-ifd3-GPSLongitude",
	                      "19/1 49/1 1234/100");
	CHECK(vips_jpegsave_buffer(c, &buf, len, "Q", 90, NULL) == 0);
	g_object_unref(noise);
	g_object_unref(lin);
	g_object_unref(u);
	g_object_unref(c);
	return buf;
}

/* Whether the len bytes at data hold any trace of location metadata. */
static bool
has_metadata(const char *data, size_t len)
{
	return memmem(data, len, "Exif", 4) != NULL ||
	       memmem(data, len, "GPS", 3) != NULL ||
	       memmem(data, len, "Jane Photographer", 17) != NULL ||
	       memmem(data, len, gps_be, sizeof(gps_be)) != NULL ||
	       memmem(data, len, gps_le, sizeof(gps_le)) != NULL;
}

/* ---- The tests ---- */

/* Who may open what; the form. */
static void
test_access(void)
{
	CHECK(request("GET", "/admin/media", NULL, NULL, NULL) == 303);
	CHECK(has(&head, "Location: /admin/login\r\n"));
	CHECK(request("GET", "/admin/media", moderator_s, NULL, NULL) == 403);
	CHECK(request("GET", "/admin/media/upload", moderator_s, NULL, NULL) ==
	      403);
	CHECK(request("GET", "/admin/media/upload", author_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "enctype=\"multipart/form-data\""));
	CHECK(has(&body, "Largest file (MB): 20."));
	/* The token comes before the file in the form. */
	CHECK(strstr(body.data, "name=\"csrf\"") <
	      strstr(body.data, "type=\"file\""));
	CHECK(request("GET", "/admin", author_s, NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/admin/media\""));
}

/* A JPEG with GPS: stored re-encoded, in every size, without a trace. */
static long long
test_gps_jpeg(void)
{
	static const char *const fields[] = {
	    "title",   "",       "alt",    "Boats in the harbour at dawn",
	    "caption", "Dawn.",  "credit", "Jane P.",
	    "section", "photos", NULL};
	size_t len, i;
	void *jpeg = gps_jpeg(&len);
	long long id;
	int before = count_files();
	char *path, q[512];

	CHECK(jpeg != NULL && has_metadata(jpeg, len)); /* as sent */
	CHECK(upload(author_s, "/admin/media/upload", "Harbour at dawn.jpg",
	             jpeg, len, fields) == 303);
	g_free(jpeg);
	id = location_id();
	CHECK(id > 0);
	CHECK(has(&head, "?uploaded=1"));
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM media WHERE id = %lld AND kind = "
	         "'image' AND mime = 'image/jpeg' AND width = 1200 AND height "
	         "= 800 AND title = 'Harbour at dawn' AND original_name = "
	         "'Harbour at dawn.jpg' AND section = 'photos' AND credit = "
	         "'Jane P.' AND caption = 'Dawn.' AND uploaded_by = (SELECT id "
	         "FROM users WHERE name = 'bob')",
	         id);
	CHECK(query_int(q) == 1);
	/* 320, 640 and 1024 wide, each as JPEG and WebP. */
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM media_sizes WHERE media_id = %lld", id);
	CHECK(query_int(q) == 6);
	CHECK(count_files() == before + 7);
	snprintf(q, sizeof(q), "SELECT path FROM media WHERE id = %lld", id);
	path = text_of(q);
	CHECK(strncmp(path, "20", 2) == 0 && strlen(path) == 8 + 32 + 4);
	CHECK(strcmp(path + strlen(path) - 4, ".jpg") == 0);
	/* No file, the original or a size, keeps any of it. */
	for (i = 0; i < 7; i++) {
		char *rel, *data;

		snprintf(q, sizeof(q),
		         "SELECT path FROM (SELECT path FROM media WHERE id = "
		         "%lld UNION ALL SELECT path FROM media_sizes WHERE "
		         "media_id = %lld ORDER BY path) LIMIT 1 OFFSET %zu",
		         id, id, i);
		rel = text_of(q);
		data = read_upload(rel, &len);
		CHECK(data != NULL && len > 100);
		if (data != NULL && has_metadata(data, len)) {
			fprintf(stderr, "%s keeps metadata\n", rel);
			CHECK(!"no metadata in a stored file");
		}
		free(data);
		free(rel);
	}
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'media uploaded'") >= 1);
	/* Its page: the Markdown that inserts it, its sizes. */
	snprintf(q, sizeof(q), "/admin/media/%lld?uploaded=1", id);
	CHECK(request("GET", q, author_s, NULL, NULL) == 200);
	CHECK(has(&body, "Uploaded."));
	snprintf(q, sizeof(q), "![Boats in the harbour at dawn](/uploads/%s)",
	         path);
	CHECK(has(&body, q));
	CHECK(has(&body, "1024 &times; 683"));
	CHECK(has(&body, "Not used anywhere."));
	free(path);
	return id;
}

/* Every accepted type, whatever the browser says it is. */
static void
test_accepted_types(void)
{
	static const struct {
		const char *file, *kind, *mime;
	} accepted[] = {
	    {"jpeg-1x1.jpg", "image", "image/jpeg"},
	    {"png-1x1.png", "image", "image/png"},
	    {"webp-1x1.webp", "image", "image/webp"},
	    {"gif-1x1.gif", "image", "image/"},
	    {"minimal.pdf", "pdf", "application/pdf"},
	    {"minimal.mp4", "video", "video/mp4"},
	    {"minimal.webm", "video", "video/webm"},
	    {"minimal.mp3", "audio", "audio/mpeg"},
	    {"frames-only.mp3", "audio", "audio/mpeg"},
	};
	char q[1024];

	for (size_t i = 0; i < sizeof(accepted) / sizeof(*accepted); i++) {
		int before = count_files();
		long long id;

		CHECK(upload_corpus(author_s, accepted[i].file) == 303);
		id = location_id();
		snprintf(
		    q, sizeof(q),
		    "SELECT count(*) FROM media WHERE id = %lld AND kind = "
		    "'%s' AND instr(mime, '%s') = 1 AND original_name = "
		    "'%s'",
		    id, accepted[i].kind, accepted[i].mime, accepted[i].file);
		if (query_int(q) != 1)
			fprintf(stderr, "%s not stored as %s\n",
			        accepted[i].file, accepted[i].mime);
		CHECK(query_int(q) == 1);
		CHECK(count_files() == before + 1); /* too small for sizes */
	}
	/* Stored as sent: the PDF's bytes are the corpus file's. */
	{
		char *rel = text_of("SELECT path FROM media WHERE "
		                    "original_name = 'minimal.pdf'");
		size_t a, b;
		char *stored = read_upload(rel, &a);
		char *sent = test_read_file(CORPUS "minimal.pdf", &b);

		CHECK(stored && sent && a == b && memcmp(stored, sent, a) == 0);
		CHECK(strcmp(rel + strlen(rel) - 4, ".pdf") == 0);
		free(stored);
		free(sent);
		free(rel);
	}
}

/* Polyglots that are images all the same: stored without what they hid. */
static void
test_polyglots_cleaned(void)
{
	static const char *const files[] = {"gif-js-polyglot.gif",
	                                    "png-html-appended.png"};

	for (size_t i = 0; i < 2; i++) {
		char q[1024], *rel, *data;
		size_t len;

		CHECK(upload_corpus(author_s, files[i]) == 303);
		snprintf(q, sizeof(q), "SELECT path FROM media WHERE id = %lld",
		         location_id());
		rel = text_of(q);
		data = read_upload(rel, &len);
		CHECK(data != NULL);
		CHECK(data && memmem(data, len, "alert(", 6) == NULL);
		CHECK(data && memmem(data, len, "<html", 5) == NULL);
		CHECK(data && memmem(data, len, "<script", 7) == NULL);
		free(data);
		free(rel);
	}
}

/* Every refused type: its reason on the form again, nothing kept. */
static void
test_refused_types(void)
{
	static const struct {
		const char *file, *reason;
	} refused[] = {
	    {"page.html", "HTML is not accepted"},
	    {"bom-html.html", "HTML is not accepted"},
	    {"drawing.svg", "SVG images are not accepted"},
	    {"script.sh", "scripts are not accepted"},
	    {"script.js", "scripts are not accepted"},
	    {"make.py", "scripts are not accepted"},
	    {"text-named.jpg", "this file type is not accepted"},
	    {"png-html-early.png", "carries HTML in its first bytes"},
	    {"pdf-html-head.pdf", "carries HTML in its first bytes"},
	    {"jpeg-html-comment.jpg", "carries HTML in its first bytes"},
	    {"html-then-pdf.pdf", "does not begin as a pdf file should"},
	    {"junk-then-pdf.pdf", "does not begin as a pdf file should"},
	    {"empty", "the file is empty"},
	};
	long long rows = query_int("SELECT count(*) FROM media");
	int files = count_files();

	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		CHECK(upload_corpus(author_s, refused[i].file) == 400);
		if (!has(&body, refused[i].reason))
			fprintf(stderr, "%s: no \"%s\"\n", refused[i].file,
			        refused[i].reason);
		CHECK(has(&body, "This file was not accepted:"));
		CHECK(has(&body, refused[i].reason));
		CHECK(has(&body, refused[i].file));
		/* The form again, with what was typed. */
		CHECK(has(&body, "value=\"A test picture\""));
	}
	CHECK(query_int("SELECT count(*) FROM media") == rows);
	CHECK(count_files() == files);
}

/* Images need alt text; a request needs one file; fields are bounded. */
static void
test_form_checks(void)
{
	static const char *const no_alt[] = {"alt", "  ", "title", "Kept",
	                                     NULL};
	static const char *const bad_section[] = {"alt", "x", "section",
	                                          "sports", NULL};
	long long rows = query_int("SELECT count(*) FROM media");
	int files = count_files();
	size_t len;
	char *png = test_read_file(CORPUS "png-1x1.png", &len);
	struct mp_body m;

	CHECK(upload(author_s, "/admin/media/upload", "a.png", png, len,
	             no_alt) == 400);
	CHECK(has(&body, "Images need an alternative text."));
	CHECK(has(&body, "aria-invalid=\"true\""));
	CHECK(has(&body, "value=\"Kept\""));
	CHECK(upload(author_s, "/admin/media/upload", "a.png", png, len,
	             bad_section) == 400);
	CHECK(has(&body, "the section is not one of the list"));
	/* Two files in one request. */
	mp_body_init(&m);
	mp_field(&m, "csrf", csrf_of(author_s));
	mp_field(&m, "alt", "x");
	mp_file(&m, "file", "a.png", "image/png", png, len);
	mp_file(&m, "file", "b.png", "image/png", png, len);
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/media/upload", &m) == 400);
	CHECK(has(&body, "Upload one file at a time."));
	mp_body_free(&m);
	/* No file (an empty file input). */
	mp_body_init(&m);
	mp_field(&m, "csrf", csrf_of(author_s));
	mp_field(&m, "alt", "x");
	mp_file(&m, "file", "", "application/octet-stream", "", 0);
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/media/upload", &m) == 400);
	CHECK(has(&body, "Choose a file to upload."));
	mp_body_free(&m);
	free(png);
	CHECK(query_int("SELECT count(*) FROM media") == rows);
	CHECK(count_files() == files);
}

/* The token: missing, wrong, after the file; roles; no session. */
static void
test_refused_requests(void)
{
	long long rows = query_int("SELECT count(*) FROM media");
	int files = count_files();
	size_t len;
	char *png = test_read_file(CORPUS "png-1x1.png", &len);
	struct mp_body m;

	mp_body_init(&m);
	mp_field(&m, "alt", "x");
	mp_file(&m, "file", "a.png", "image/png", png, len);
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/media/upload", &m) == 403);
	mp_body_free(&m);

	mp_body_init(&m);
	mp_field(&m, "csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	mp_field(&m, "alt", "x");
	mp_file(&m, "file", "a.png", "image/png", png, len);
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/media/upload", &m) == 403);
	mp_body_free(&m);

	/* Another session's token. */
	mp_body_init(&m);
	mp_field(&m, "csrf", csrf_of(editor_s));
	mp_field(&m, "alt", "x");
	mp_file(&m, "file", "a.png", "image/png", png, len);
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/media/upload", &m) == 403);
	mp_body_free(&m);

	/* The right token, after the file. */
	mp_body_init(&m);
	mp_field(&m, "alt", "x");
	mp_file(&m, "file", "a.png", "image/png", png, len);
	mp_field(&m, "csrf", csrf_of(author_s));
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/media/upload", &m) == 403);

	/* A moderator, and nobody. */
	CHECK(mp_post(moderator_s, "/admin/media/upload", &m) == 403);
	CHECK(mp_post(NULL, "/admin/media/upload", &m) == 403);
	CHECK(has(&body, "name=\"form_token\"")); /* the login page */
	mp_body_free(&m);

	/* A multipart body to a route that takes none. */
	mp_body_init(&m);
	mp_field(&m, "csrf", csrf_of(author_s));
	mp_field(&m, "title", "x");
	mp_end(&m);
	CHECK(mp_post(author_s, "/admin/articles/new", &m) == 415);
	CHECK(mp_post(author_s, "/admin/media/1", &m) == 415);
	mp_body_free(&m);
	/* And an urlencoded one to the upload. */
	CHECK(post_as(author_s, "/admin/media/upload", "alt=x") == 415);

	free(png);
	CHECK(query_int("SELECT count(*) FROM media") == rows);
	CHECK(count_files() == files);
}

/* Over the limit: 413, the form again, no file anywhere. */
static void
test_limit(void)
{
	static const char *const fields[] = {"title", "Too big", "alt", "x",
	                                     NULL};
	long long rows = query_int("SELECT count(*) FROM media");
	int files = count_files();
	size_t len = 1536 * 1024;
	char *big = malloc(len);

	memset(big, 'x', len);
	memcpy(big, "\xff\xd8\xff\xe0", 4);
	sql("UPDATE settings SET value = '1' WHERE key = 'upload_max_mb'");
	CHECK(upload(author_s, "/admin/media/upload", "big.jpg", big, len,
	             fields) == 413);
	CHECK(has(&body, "The file is larger than the upload limit. Largest "
	                 "file (MB): 1."));
	CHECK(has(&body, "value=\"Too big\""));
	CHECK(query_int("SELECT count(*) FROM media") == rows);
	CHECK(count_files() == files);
	sql("UPDATE settings SET value = '20' WHERE key = 'upload_max_mb'");
	free(big);

	/* The setting: 1 to 64 (nginx's ceiling), edited by admins. */
	CHECK(request("GET", "/admin/settings", admin_s, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"upload_max_mb\" type=\"text\" "
	                 "inputmode=\"numeric\" value=\"20\""));
	CHECK(post_as(admin_s, "/admin/settings",
	              "site_name=S&base_url=http://127.0.0.1:8080&timezone=UTC"
	              "&posts_per_page=10&upload_max_mb=65") == 400);
	CHECK(post_as(admin_s, "/admin/settings",
	              "site_name=S&base_url=http://127.0.0.1:8080&timezone=UTC"
	              "&posts_per_page=10&upload_max_mb=0") == 400);
	CHECK(post_as(admin_s, "/admin/settings",
	              "site_name=S&base_url=http://127.0.0.1:8080&timezone=UTC"
	              "&posts_per_page=10&upload_max_mb=64") == 303);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'upload_max_mb'"),
	             "64") == 0);
	/* A form without the field keeps the limit. */
	CHECK(post_as(admin_s, "/admin/settings",
	              "site_name=Gazette&base_url=http://127.0.0.1:8080"
	              "&timezone=UTC&posts_per_page=10") == 303);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'upload_max_mb'"),
	             "64") == 0);
	sql("UPDATE settings SET value = '20' WHERE key = 'upload_max_mb'");
}

/* The rows cannot be committed: the files placed for them are removed. */
static void
test_commit_fails(void)
{
	static const char *const fields[] = {"alt", "x", NULL};
	long long rows = query_int("SELECT count(*) FROM media");
	int files = count_files();
	size_t len;
	void *jpeg = gps_jpeg(&len);

	sql("CREATE TRIGGER test_no_sizes BEFORE INSERT ON media_sizes "
	    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
	CHECK(upload(author_s, "/admin/media/upload", "x.jpg", jpeg, len,
	             fields) == 500);
	CHECK(query_int("SELECT count(*) FROM media") == rows);
	CHECK(count_files() == files);
	sql("DROP TRIGGER test_no_sizes");
	g_free(jpeg);
}

/* Without --uploads: a clear 503, nothing read. */
static void
test_unconfigured(void)
{
	const char *dir = app.uploads_dir;

	app.uploads_dir = NULL;
	CHECK(request("GET", "/admin/media/upload", author_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "Uploads are not configured"));
	CHECK(!has(&body, "type=\"file\""));
	/* A stale form: the error page (its reason is logged). */
	CHECK(upload_corpus(author_s, "png-1x1.png") == 503);
	app.uploads_dir = dir;
}

/* The library: grid and list, search, filters, pages. */
static void
test_library(void)
{
	/* Authors see the whole library (as in WordPress). */
	CHECK(request("GET", "/admin/media?q=harbour", other_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "Harbour at dawn"));
	CHECK(request("GET", "/admin/media", author_s, NULL, NULL) == 200);
	CHECK(has(&body, "class=\"media-grid library\""));
	CHECK(has(&body, "Harbour at dawn"));
	/* The newest first, 40 a page (the demo's 47 images and ours). */
	CHECK(count_of("<li><a href=\"/admin/media/") == 40);
	CHECK(strstr(body.data, "png-html-appended") <
	      strstr(body.data, "Harbour at dawn"));
	CHECK(has(&body, "<p class=\"pager\"><a href=\"/admin/media?page=2\""));
	CHECK(request("GET", "/admin/media?page=2", author_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "<p class=\"pager\"><a href=\"/admin/media\">"));
	CHECK(!has(&body, "Harbour at dawn"));
	/* Thumbnails are the 320 size when there is one. */
	CHECK(request("GET", "/admin/media?q=harbour%20at", author_s, NULL,
	              NULL) == 200);
	CHECK(has(&body, "-320.jpg\""));
	CHECK(has(&body, "Harbour at dawn"));
	CHECK(!has(&body, "minimal"));
	CHECK(has(&body, "value=\"harbour at\""));
	/* Search reaches alt text and captions too. */
	CHECK(request("GET", "/admin/media?q=BOATS", author_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "Harbour at dawn"));
	CHECK(request("GET", "/admin/media?view=list&kind=pdf", author_s, NULL,
	              NULL) == 200);
	CHECK(has(&body, "<table class=\"list media-list\">"));
	/* The uploaded PDF and the demo's publications' PDFs. */
	CHECK(count_of("<tr><td>") ==
	      query_int("SELECT count(*) FROM media WHERE kind = 'pdf'"));
	CHECK(query_int("SELECT count(*) FROM media WHERE kind = 'pdf'") > 1);
	CHECK(has(&body, ">minimal</a>"));
	CHECK(!has(&body, "Harbour at dawn"));
	CHECK(has(&body, "href=\"/admin/media?kind=pdf\"")); /* to the grid */
	CHECK(request("GET", "/admin/media?kind=audio", author_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "frames-only"));
	CHECK(count_of("<li><a href=\"/admin/media/") == 2);
	CHECK(request("GET", "/admin/media?section=photos&view=list", author_s,
	              NULL, NULL) == 200);
	CHECK(count_of("<tr><td>") == 1);
	CHECK(has(&body, "Harbour at dawn"));
	CHECK(has(&body, "<td>Photos</td>"));
	CHECK(request("GET", "/admin/media?section=cartoons", author_s, NULL,
	              NULL) == 200);
	CHECK(has(&body, "No media here yet."));
	CHECK(request("GET", "/admin/media?kind=exe", author_s, NULL, NULL) ==
	      400);
	CHECK(request("GET", "/admin/media?section=x", author_s, NULL, NULL) ==
	      400);
	CHECK(request("GET", "/admin/media?page=0", author_s, NULL, NULL) ==
	      400);
	/* The demo's images are in it, named after their files. */
	CHECK(request("GET", "/admin/media?q=open-door", author_s, NULL,
	              NULL) == 200);
	CHECK(count_of("<li><a href=\"/admin/media/") == 1);
	CHECK(has(&body, "<span dir=\"auto\">open-door</span>"));
	CHECK(has(&body, "src=\"/uploads/demo/open-door.jpg\""));
	CHECK(strcmp(query_text("SELECT original_name || ' ' || title FROM "
	                        "media WHERE id = 1"),
	             "open-door.jpg open-door") == 0);
}

/* Edits: the version guards them; authors change only their own. */
static void
test_edit(long long id)
{
	char uri[64], form[512], q[512];
	const char *version;

	snprintf(uri, sizeof(uri), "/admin/media/%lld", id);
	CHECK(request("GET", uri, other_s, NULL, NULL) == 200);
	CHECK(has(&body, "Only its uploader, editors and admins may change"));
	CHECK(!has(&body, "name=\"alt\""));
	CHECK(post_as(other_s, uri,
	              "version=1&title=Mine&alt=x&caption=&credit=&section=") ==
	      403);
	CHECK(request("GET", uri, author_s, NULL, NULL) == 200);
	version = field("version");
	CHECK(strcmp(version, "1") == 0);
	snprintf(form, sizeof(form),
	         "version=%s&title=Harbour+boats&alt=Fishing+boats+at+dawn"
	         "&caption=At+dawn.&credit=Jane+Photographer&section=newspics",
	         version);
	CHECK(post_as(author_s, uri, form) == 303);
	CHECK(has(&head, "?saved=1"));
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM media WHERE id = %lld AND version = 2 "
	         "AND title = 'Harbour boats' AND section = 'newspics'",
	         id);
	CHECK(query_int(q) == 1);
	/* The same form again: someone saved in between. */
	CHECK(post_as(editor_s, uri, form) == 409);
	CHECK(has(&body, "Someone else changed this item"));
	CHECK(has(&body, "value=\"Fishing boats at dawn\""));
	CHECK(has(&body, "name=\"version\" value=\"2\""));
	CHECK(query_int(q) == 1);
	/* An image keeps its alt text; fields are bounded. */
	CHECK(post_as(editor_s, uri,
	              "version=2&title=T&alt=&caption=&credit=&section=") ==
	      400);
	CHECK(has(&body, "Images need an alternative text."));
	CHECK(
	    post_as(editor_s, uri,
	            "version=2&title=T&alt=x&caption=&credit=&section=misc") ==
	    400);
	CHECK(query_int(q) == 1);
	CHECK(post_as(editor_s, "/admin/media/999999",
	              "version=1&title=T&alt=x") == 404);
	CHECK(request("GET", "/admin/media/999999", editor_s, NULL, NULL) ==
	      404);
	/* A PDF needs no alt text. */
	snprintf(form, sizeof(form), "/admin/media/%lld",
	         query_int("SELECT id FROM media WHERE original_name = "
	                   "'minimal.pdf'"));
	CHECK(post_as(author_s, form,
	              "version=1&title=Annual+report&alt=&caption=&credit="
	              "&section=") == 303);
}

/*
 * The featured image: picked in the editor among the library's images,
 * shown on the public pages with srcset; an image in a Markdown body gets
 * its srcset too; the uses block deletes.
 */
static void
test_featured_and_uses(long long id)
{
	char form[1024], q[1024], uri[64], *path, *stem;
	long long article;

	snprintf(q, sizeof(q), "SELECT path FROM media WHERE id = %lld", id);
	path = text_of(q);
	stem = strndup(path, strlen(path) - 4);
	/* The chooser: the editor again, its text kept, nothing saved. */
	CHECK(post_as(editor_s, "/admin/articles/new",
	              "title=Boats&body=Some+text&state=draft"
	              "&action=choose_image&image_q=boats") == 200);
	CHECK(has(&body, "value=\"Boats\""));
	CHECK(has(&body, ">Some text</textarea>"));
	snprintf(q, sizeof(q), "name=\"featured\" value=\"%s\"", path);
	CHECK(has(&body, q));
	CHECK(has(&body, "id=\"pick-none\""));
	CHECK(!has(&body, "open-door")); /* the search */
	CHECK(query_int("SELECT count(*) FROM articles WHERE title = "
	                "'Boats'") == 0);
	/* Picked and saved, published. */
	snprintf(form, sizeof(form),
	         "title=Boats+at+dawn&body=Text&state=published&featured=%s",
	         path);
	CHECK(post_as(editor_s, "/admin/articles/new", form) == 303);
	article = query_int("SELECT id FROM articles WHERE title = 'Boats at "
	                    "dawn'");
	CHECK(article > 0);
	snprintf(q, sizeof(q),
	         "SELECT featured_media_id FROM articles WHERE id = %lld",
	         article);
	CHECK(query_int(q) == id);
	/* The editor shows it as the current image. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", article);
	CHECK(request("GET", uri, editor_s, NULL, NULL) == 200);
	CHECK(has(&body, "class=\"featured-current\""));
	CHECK(has(&body, "Harbour boats"));
	/* Readers see it with srcset and the WebP sizes. */
	CHECK(request("GET", "/articles/boats-at-dawn", NULL, NULL, NULL) ==
	      200);
	snprintf(q, sizeof(q),
	         "<picture><source type=\"image/webp\" srcset=\"/uploads/"
	         "%s-320.webp 320w, /uploads/%s-640.webp 640w, /uploads/"
	         "%s-1024.webp 1024w\" sizes=\"",
	         stem, stem, stem);
	CHECK(has(&body, q));
	snprintf(q, sizeof(q),
	         "<img src=\"/uploads/%s\" srcset=\"/uploads/%s-320.jpg 320w, "
	         "/uploads/%s-640.jpg 640w, /uploads/%s-1024.jpg 1024w, "
	         "/uploads/%s 1200w\" sizes=\"(max-width: 60rem)",
	         path, stem, stem, stem, path);
	CHECK(has(&body, q));
	CHECK(has(&body, "width=\"1200\" height=\"800\" alt=\"Fishing boats "
	                 "at dawn\" decoding=\"async\"></picture>"));
	CHECK(has(&body, "<figcaption dir=\"auto\">At dawn.</figcaption>"));
	/* In the listing: lazy but for the first, alt="" beside the title,
	 * the image linking to the article. */
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	snprintf(q, sizeof(q),
	         "<a href=\"/articles/boats-at-dawn\" tabindex=\"-1\" "
	         "aria-hidden=\"true\"><picture><source type=\"image/webp\" "
	         "srcset=\"/uploads/%s-320.webp 320w",
	         stem);
	CHECK(has(&body, q));
	CHECK(has(&body, "sizes=\"(max-width: 48rem) calc(100vw - 2rem), "
	                 "17rem\""));
	CHECK(has(&body, "alt=\"\" decoding=\"async\"></picture>"));
	/* The demo's images have no sizes: no srcset, as before. */
	CHECK(has(&body, "<img src=\"/uploads/demo/"));

	/* The media sections show a library image with its sizes too. */
	{
		char *slug;

		snprintf(q, sizeof(q),
		         "UPDATE media_posts SET image_id = %lld WHERE id = "
		         "(SELECT min(id) FROM media_posts WHERE section = "
		         "'cartoons' AND state = 'published')",
		         id);
		sql(q);
		snprintf(q, sizeof(q),
		         "SELECT slug FROM media_posts WHERE image_id = %lld",
		         id);
		slug = text_of(q);
		snprintf(uri, sizeof(uri), "/media/cartoons/%s", slug);
		CHECK(request("GET", uri, NULL, NULL, NULL) == 200);
		snprintf(q, sizeof(q), "srcset=\"/uploads/%s-320.webp 320w",
		         stem);
		CHECK(has(&body, q));
		CHECK(request("GET", "/media/cartoons", NULL, NULL, NULL) ==
		      200);
		CHECK(has(&body, q));
		free(slug);
	}

	/* In use: not deleted, the uses listed. */
	snprintf(uri, sizeof(uri), "/admin/media/%lld/delete", id);
	CHECK(post_as(editor_s, uri, "") == 409);
	CHECK(has(&body, "This item is in use and cannot be deleted."));
	snprintf(q, sizeof(q), "href=\"/admin/articles/%lld\"", article);
	CHECK(has(&body, q));
	CHECK(has(&body, "featured image of the article"));
	snprintf(q, sizeof(q), "SELECT count(*) FROM media WHERE id = %lld",
	         id);
	CHECK(query_int(q) == 1);
	CHECK(upload_exists(path));

	/* What the media sections and publications show is in use too. */
	{
		static const char *const shown[][2] = {
		    {"SELECT pdf_id FROM publications WHERE pdf_id IS NOT "
		     "NULL LIMIT 1",
		     "cover or PDF of the publication"},
		    {"SELECT image_id FROM media_posts WHERE image_id IS NOT "
		     "NULL LIMIT 1",
		     "image or video of the media post"},
		    {"SELECT media_id FROM album_items LIMIT 1",
		     "a photo of the album"},
		};

		for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
			long long used = query_int(shown[i][0]);

			CHECK(used > 0);
			snprintf(uri, sizeof(uri), "/admin/media/%lld/delete",
			         used);
			CHECK(post_as(editor_s, uri, "") == 409);
			CHECK(has(&body, shown[i][1]));
			snprintf(q, sizeof(q),
			         "SELECT count(*) FROM media WHERE id = %lld",
			         used);
			CHECK(query_int(q) == 1);
		}
	}

	/* A body that shows another image: the body gets its srcset, and
	 * that image is in use too. */
	{
		long long png = query_int("SELECT id FROM media WHERE "
		                          "original_name = "
		                          "'png-html-appended.png'");
		char *png_path;

		snprintf(q, sizeof(q), "SELECT path FROM media WHERE id = %lld",
		         png);
		png_path = text_of(q);
		snprintf(form, sizeof(form),
		         "title=Body+image&state=draft&body=![Boats](/uploads/"
		         "%s)%%0A%%0A![Tiny](/uploads/%s)",
		         path, png_path);
		CHECK(post_as(author_s, "/admin/articles/new", form) == 303);
		snprintf(
		    q, sizeof(q),
		    "SELECT instr(body_html, '<picture><source "
		    "type=\"image/webp\" srcset=\"/uploads/%s-320.webp') > "
		    "0 AND instr(body_html, 'width=\"24\" height=\"24\"') "
		    "> 0 FROM articles WHERE title = 'Body image'",
		    stem);
		CHECK(query_int(q) == 1);
		snprintf(uri, sizeof(uri), "/admin/media/%lld", png);
		CHECK(request("GET", uri, author_s, NULL, NULL) == 200);
		CHECK(has(&body, "in the body of the article"));
		CHECK(has(&body, "Body image"));
		CHECK(!has(&body, "Delete permanently"));
		snprintf(uri, sizeof(uri), "/admin/media/%lld/delete", png);
		CHECK(post_as(author_s, uri, "") == 409);
		CHECK(has(&body, "in the body of the article"));
		CHECK(upload_exists(png_path));
		free(png_path);
	}
	free(stem);
	free(path);
}

/* Deleting what nothing uses: the row, then every file. */
static void
test_delete(void)
{
	char uri[64], q[1024], *path;
	long long pdf = query_int("SELECT id FROM media WHERE original_name = "
	                          "'minimal.pdf'");
	long long gif = query_int("SELECT id FROM media WHERE original_name = "
	                          "'gif-js-polyglot.gif'");
	int files = count_files();

	snprintf(q, sizeof(q), "SELECT path FROM media WHERE id = %lld", pdf);
	path = text_of(q);
	snprintf(uri, sizeof(uri), "/admin/media/%lld/delete", pdf);
	CHECK(post_as(other_s, uri, "") == 403);
	CHECK(post_as(moderator_s, uri, "") == 403);
	CHECK(upload_exists(path));
	CHECK(post_as(author_s, uri, "") == 303);
	CHECK(has(&head, "Location: /admin/media?deleted=1\r\n"));
	snprintf(q, sizeof(q), "SELECT count(*) FROM media WHERE id = %lld",
	         pdf);
	CHECK(query_int(q) == 0);
	CHECK(!upload_exists(path));
	CHECK(count_files() == files - 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'media deleted'") == 1);
	CHECK(post_as(author_s, uri, "") == 404);
	free(path);

	/* An image with its sizes, by an editor: every file goes. */
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM media_sizes WHERE media_id = %lld", gif);
	CHECK(query_int(q) == 8); /* 10799 px wide: four widths, two types */
	snprintf(uri, sizeof(uri), "/admin/media/%lld/delete", gif);
	CHECK(post_as(editor_s, uri, "") == 303);
	CHECK(query_int(q) == 0);
	CHECK(count_files() == files - 1 - 9);
	CHECK(request("GET", "/admin/media?deleted=1", author_s, NULL, NULL) ==
	      200);
	CHECK(has(&body, "Deleted."));
}

/* An image uploaded from the article editor: the text kept, the image
 * chosen, nothing saved until Save. */
static void
test_upload_in_editor(void)
{
	static const char *const fields[] = {"version",
	                                     "0",
	                                     "title",
	                                     "Draft with a photo",
	                                     "body",
	                                     "Line one\r\n\r\nLine two",
	                                     "state",
	                                     "draft",
	                                     "upload_alt",
	                                     "A red square",
	                                     "upload_caption",
	                                     "Red.",
	                                     NULL};
	static const char *const no_alt[] = {"version",    "0",     "title",
	                                     "Still here", "body",  "Kept body",
	                                     "state",      "draft", NULL};
	long long rows = query_int("SELECT count(*) FROM media");
	int files = count_files();
	size_t len;
	char *png = test_read_file(CORPUS "png-1x1.png", &len), q[1024];
	long long theirs;

	CHECK(upload(author_s, "/admin/media/upload?article=0", "red.png", png,
	             len, fields) == 200);
	CHECK(has(&body, "Uploaded. Save the article to keep it"));
	CHECK(has(&body, "value=\"Draft with a photo\""));
	CHECK(has(&body, ">Line one\r\n\r\nLine two</textarea>"));
	CHECK(has(&body, "action=\"/admin/articles/new\""));
	CHECK(query_int("SELECT count(*) FROM media") == rows + 1);
	CHECK(query_int("SELECT count(*) FROM articles WHERE title = 'Draft "
	                "with a photo'") == 0);
	snprintf(q, sizeof(q), "name=\"featured\" type=\"text\" value=\"%s\"",
	         query_text("SELECT path FROM media WHERE original_name = "
	                    "'red.png'"));
	CHECK(has(&body, q));
	CHECK(query_int("SELECT count(*) FROM media WHERE original_name = "
	                "'red.png' AND alt = 'A red square' AND caption = "
	                "'Red.' AND title = 'red'") == 1);
	CHECK(count_files() == files + 1);

	/* Without alt text: refused, the text kept. */
	CHECK(upload(author_s, "/admin/media/upload?article=0", "red.png", png,
	             len, no_alt) == 400);
	CHECK(has(&body, "Images need an alternative text."));
	CHECK(has(&body, "value=\"Still here\""));
	CHECK(has(&body, ">Kept body</textarea>"));
	/* Over the limit: 413, the text kept. */
	sql("UPDATE settings SET value = '1' WHERE key = 'upload_max_mb'");
	{
		char *big = calloc(1, 1100 * 1024);

		CHECK(upload(author_s, "/admin/media/upload?article=0",
		             "big.png", big, 1100 * 1024, no_alt) == 413);
		CHECK(has(&body, "larger than the upload limit"));
		CHECK(has(&body, ">Kept body</textarea>"));
		free(big);
	}
	sql("UPDATE settings SET value = '20' WHERE key = 'upload_max_mb'");
	/* Someone else's published article: not the author's to edit. */
	theirs = query_int("SELECT id FROM articles WHERE state = 'published' "
	                   "LIMIT 1");
	snprintf(q, sizeof(q), "/admin/media/upload?article=%lld", theirs);
	CHECK(upload(author_s, q, "red.png", png, len, fields) == 403);
	CHECK(upload(author_s, "/admin/media/upload?article=x", "red.png", png,
	             len, fields) == 400);
	CHECK(query_int("SELECT count(*) FROM media") == rows + 1);
	CHECK(count_files() == files + 1);
	free(png);
}

int
main(void)
{
	if (image_init() != 0) {
		fprintf(stderr, "libvips cannot start: skipped\n");
		return 77;
	}
	CHECK(mkdtemp(uploads) != NULL);
	staff_start();
	app.uploads_dir = uploads;
	admin_s = session_of("carol");
	editor_s = session_of("alice");
	author_s = session_of("bob");
	other_s = session_of("erin");
	moderator_s = session_of("dave");

	test_access();
	{
		long long id = test_gps_jpeg();

		test_accepted_types();
		test_polyglots_cleaned();
		test_refused_types();
		test_form_checks();
		test_refused_requests();
		test_limit();
		test_commit_fails();
		test_unconfigured();
		test_library();
		test_edit(id);
		test_featured_and_uses(id);
	}
	test_delete();
	test_upload_in_editor();

	free(admin_s);
	free(editor_s);
	free(author_s);
	free(other_s);
	free(moderator_s);
	driver_stop();
	nftw(uploads, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	TEST_DONE();
}
