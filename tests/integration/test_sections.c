/*
 * test_sections.c: the media sections (cartoons, NewsPics, photo albums,
 * videos) and the publications (books, newsletter issues, Pars Briefs)
 * through the real request path, on the starter content.  Public: every
 * route answers 200 with its content (grids, a post's page, an album and
 * each photo's page with its neighbours, videos, lists and pages of
 * publications with their PDF and contents), 404 for an unknown slug or
 * number, a draft, another section's or another edition's item; pages
 * of 12 with Newer/Older links; titles and captions escaped; no cookie;
 * a YouTube or Vimeo video is a link until clicked (no iframe, every src
 * on the site itself) and only its page may frame the two players; ETag
 * and Last-Modified, which the new tables feed; the timer's publishing of
 * scheduled items.  Admin: who may open and save the lists and editors
 * (the articles' roles), the CSRF token, bad input refused with the form
 * and nothing changed, a stale version 409, album photos and contents
 * rows through their no-script forms, the trash emptied.
 */
#include <stdarg.h>
#include <time.h>

#include "db/content_db.h"
#include "db/publication_db.h"
#include "db/section_db.h"
#include "driver.h"
#include "staff.h"
#include "form.h"

static char *editor, *admin, *author, *other_author, *moderator;

/* Returns where needle first is in the last body, or -1. */
static long
at(const char *needle)
{
	const char *p = body.data ? strstr(body.data, needle) : NULL;

	return p ? (long)(p - body.data) : -1;
}

/*
 * Fetches a public page as a reader (no cookie) and returns its status;
 * every answer must carry the CSP and no Set-Cookie.
 */
static int
get(const char *path)
{
	int status = request("GET", path, NULL, NULL, NULL);

	CHECK(has(&head, "Content-Security-Policy: default-src 'none'"));
	CHECK(!has(&head, "Set-Cookie"));
	return status;
}

/* Returns whether every src attribute of the last body points into the
 * site ("/…", never "//…" or a scheme). */
static bool
all_src_local(void)
{
	const char *p = body.data ? body.data : "";

	while ((p = strstr(p, " src=\"")) != NULL) {
		p += 6;
		if (p[0] != '/' || p[1] == '/')
			return false;
	}
	return true;
}

/* Returns the number of times needle is in the last body. */
static int
count_of(const char *needle)
{
	const char *p = body.data ? body.data : "";
	int n = 0;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static long long
count_rows(const char *table)
{
	char q[96];

	snprintf(q, sizeof(q), "SELECT count(*) FROM %s", table);
	return query_int(q);
}

/* Formats t as a Last-Modified header line. */
static void
last_modified(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, size, "Last-Modified: %a, %d %b %Y %H:%M:%S GMT\r\n",
	         &tm);
}

static void
test_media_sections(void)
{
	char etag[160] = "HTTP_IF_NONE_MATCH=", *p, *end;

	CHECK(get("/media/cartoons") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">Cartoons</h1>"));
	CHECK(
	    has(&body, "<title>Cartoons \xe2\x80\x93 Homeward Watch</title>"));
	CHECK(has(&body, "<a href=\"/media/cartoons/the-long-wait\">The long "
	                 "wait</a>"));
	CHECK(at("Letters, like birds") < at("The long wait"));
	CHECK(at("The long wait") < at("The paperwork of a new life"));
	CHECK(!has(&body, "The form we never filled in")); /* a draft */
	/* The menu's new dropdowns, and the sidebar. */
	CHECK(has(&body, "<a href=\"/media/photos\">Photo Gallery</a>"));
	CHECK(
	    has(&body, "<a href=\"/publications/pars-brief\">Pars Brief</a>"));
	CHECK(has(&body, "Recent Posts"));
	/* Thumbnails beside their linked titles: sized, alt="". */
	CHECK(has(&body, "<img src=\"/uploads/demo/closed-door-light.jpg\" "
	                 "width=\"1200\" height=\"675\" alt=\"\""));
	CHECK(has(&head, "Cache-Control: public, no-cache\r\n"));
	CHECK(has(&head, "Last-Modified: "));
	CHECK(!has(&head, "frame-src"));
	p = strstr(head.data, "ETag: ");
	CHECK(p != NULL);
	if (p != NULL && (end = strstr(p, "\r\n")) != NULL && end - p < 120) {
		memcpy(etag + 19, p + 6, (size_t)(end - p - 6));
		etag[19 + (end - p - 6)] = '\0';
		CHECK(driver_request("GET", "/media/cartoons", "127.0.0.1",
		                     &(struct kv){"HTTP_IF_NONE_MATCH",
		                                  etag + 19, strlen(etag + 19)},
		                     1, NULL) == 304);
	}
	CHECK(request("HEAD", "/media/cartoons", NULL, NULL, NULL) == 200);
	CHECK(body.len == 0);

	CHECK(get("/media/cartoons/the-long-wait") == 200);
	CHECK(has(&body, "<h1 dir=\"auto\">The long wait</h1>"));
	CHECK(has(&body, "<title>The long wait \xe2\x80\x93 Homeward Watch"));
	CHECK(has(&body, "<a class=\"category\" href=\"/media/cartoons\">"
	                 "Cartoons</a>"));
	CHECK(has(&body, "alt=\"A closed dark door in a grey wall"));
	CHECK(!has(&body, "loading=\"lazy\"")); /* the page's own image */
	CHECK(has(&body, "<figcaption dir=\"auto\">Someone is inside"));
	CHECK(has(&body, "<em>Drawn for the families"));
	CHECK(has(&body, "By <bdi>Odile Brannock</bdi>"));
	CHECK(has(&body, "sharer.php?u=http%3A%2F%2F127.0.0.1%3A8080%2Fmedia%2F"
	                 "cartoons%2Fthe-long-wait\""));
	CHECK(has(&body, "&amp;media=http%3A%2F%2F127.0.0.1%3A8080%2Fuploads%2F"
	                 "demo%2Fclosed-door-light.jpg"));
	CHECK(!has(&head, "frame-src"));

	/* Drafts, other sections, unknown slugs: 404. */
	CHECK(get("/media/cartoons/the-form-we-never-filled-in") == 404);
	CHECK(get("/media/newspics/the-long-wait") == 404);
	CHECK(get("/media/cartoons/vigil-at-marren-gate") == 404);
	CHECK(get("/media/cartoons/no-such-cartoon") == 404);
	CHECK(get("/media/cartoons/Bad_Slug") == 404);
	CHECK(get("/media") == 404);
	CHECK(get("/media/posters") == 404);
	CHECK(request("POST", "/media/cartoons", NULL, NULL, "a=1") == 405);

	CHECK(get("/media/newspics") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">NewsPics</h1>"));
	CHECK(has(&body, "Vigil at Marren Gate"));
	CHECK(get("/media/newspics/vigil-at-marren-gate") == 200);
	CHECK(has(&body, "href=\"/articles/a-banner-reading-hope-at-the-marren-"
	                 "gate-vigil\""));

	/* Albums: the cover, else the first photo; the photo count. */
	CHECK(get("/media/photos") == 200);
	CHECK(has(&body, "Kitchen tables in three cities"));
	CHECK(has(&body, "<span>5 photos</span>"));
	CHECK(has(&body, "<img src=\"/uploads/demo/kitchen-halvan.jpg\""));
	CHECK(has(&body, "<img src=\"/uploads/demo/vigil-lanterns.jpg\""));
	CHECK(get("/media/photos/kitchen-tables") == 200);
	CHECK(
	    has(&body, "<h1 dir=\"auto\">Kitchen tables in three cities</h1>"));
	for (int i = 1; i <= 5; i++) {
		char link[96];

		snprintf(link, sizeof(link),
		         "<li><a href=\"/media/photos/kitchen-tables/%d\">", i);
		CHECK(has(&body, link));
	}
	CHECK(count_of("<li><a href=\"/media/photos/kitchen-tables/") == 5);
	/* Each photo is the link's content: its alt text is kept. */
	CHECK(has(&body, "alt=\"A sage-green tablecloth seen from above"));
	CHECK(has(&body, "Photo 1 of 5"));
	CHECK(!has(&body, "<script"));

	/* A photo's page: the lightbox that needs no script. */
	CHECK(get("/media/photos/kitchen-tables/4") == 200);
	CHECK(has(&body, "Photo 4 of 5"));
	CHECK(has(&body, "<title>Kitchen tables in three cities \xe2\x80\x93 "
	                 "Photo 4 of 5"));
	CHECK(has(&body,
	          "<figcaption dir=\"auto\">Where the questions are asked"));
	CHECK(has(&body, "<img src=\"/uploads/demo/kitchen-table.jpg\""));
	CHECK(has(&body, "<a class=\"prev\" href=\"/media/photos/kitchen-"
	                 "tables/3\" rel=\"prev\""));
	CHECK(has(&body, "<a class=\"next\" href=\"/media/photos/kitchen-"
	                 "tables/5\" rel=\"next\""));
	CHECK(has(&body, "<a href=\"/media/photos/kitchen-tables\" "
	                 "data-key=\"Escape\">Back to the album"));
	CHECK(has(&body, "<script src=\"/js/gallery.js\" defer></script>"));
	CHECK(has(&body, "sharer.php?u=http%3A%2F%2F127.0.0.1%3A8080%2Fmedia%2F"
	                 "photos%2Fkitchen-tables%2F4\""));
	CHECK(get("/media/photos/kitchen-tables/1") == 200);
	CHECK(!has(&body, "class=\"prev\""));
	CHECK(has(&body, "<figcaption dir=\"auto\">Halvan: lunch is laid out"));
	CHECK(get("/media/photos/kitchen-tables/5") == 200);
	CHECK(!has(&body, "class=\"next\""));
	CHECK(get("/media/photos/kitchen-tables/6") == 404);
	CHECK(get("/media/photos/kitchen-tables/0") == 404);
	CHECK(get("/media/photos/the-long-wait/1") == 404);
	CHECK(get("/media/photos/no-such-album/1") == 404);
	CHECK(get("/media/cartoons/the-long-wait/1") == 404);
	CHECK(request("HEAD", "/media/photos/the-vigil/2", NULL, NULL, NULL) ==
	      200);
	CHECK(body.len == 0);

	/* Videos: a link until clicked; only its page may frame players. */
	CHECK(get("/media/videos") == 200);
	CHECK(has(&body, "The queue at Marren Gate"));
	CHECK(has(&body, "A tour of the new site"));
	CHECK(get("/media/videos/the-queue-at-marren-gate") == 200);
	CHECK(has(&head, "Content-Security-Policy: default-src 'none'; "
	                 "img-src 'self' data:; style-src 'self'; script-src "
	                 "'self'; connect-src 'self'; font-src 'self'; "
	                 "form-action 'self'; base-uri 'none'; "
	                 "frame-ancestors 'none'; frame-src "
	                 "https://www.youtube-nocookie.com "
	                 "https://player.vimeo.com\r\n"));
	CHECK(has(&body,
	          "<a class=\"video-play\" href=\"https://www.youtube.com/"
	          "watch?v=M7lc1UVf-VE\" data-embed=\"https://www.youtube-"
	          "nocookie.com/embed/M7lc1UVf-VE?autoplay=1\""));
	CHECK(has(&body, "<img src=\"/uploads/demo/queue-video-still.jpg\""));
	CHECK(has(&body, "<script src=\"/js/video.js\" defer></script>"));
	CHECK(has(&body, "Watch on YouTube"));
	CHECK(!has(&body, "<iframe"));
	CHECK(!has(&body, "<video"));
	CHECK(all_src_local());
	CHECK(get("/media/videos/a-tour-of-the-new-site") == 200);
	CHECK(has(&body,
	          "href=\"https://vimeo.com/76979871\" data-embed=\"https:"
	          "//player.vimeo.com/video/76979871?dnt=1&amp;"
	          "autoplay=1\""));
	CHECK(has(&head, "frame-src https://www.youtube-nocookie.com "
	                 "https://player.vimeo.com\r\n"));
	CHECK(!has(&body, "<iframe"));
	CHECK(all_src_local());

	/* An uploaded video: <video>, its poster, a download link. */
	sql("INSERT INTO media (id, path, mime, width, height, bytes, "
	    "created_at) VALUES (100, 'demo/clip.mp4', 'video/mp4', 640, 360, "
	    "1000, 0);"
	    "INSERT INTO media_posts (edition_id, section, slug, title, state, "
	    "image_id, video_id, published_at, created_at, updated_at, "
	    "caption_md, caption_html) VALUES (1, 'videos', 'uploaded-clip', "
	    "'Uploaded clip', 'published', 17, 100, 1000, 1000, 1000, '', '')");
	CHECK(get("/media/videos/uploaded-clip") == 200);
	CHECK(has(&body, "<video controls preload=\"none\" poster=\"/uploads/"
	                 "demo/queue-video-still.jpg\" width=\"640\" "
	                 "height=\"360\">"));
	CHECK(has(&body, "<source src=\"/uploads/demo/clip.mp4\" "
	                 "type=\"video/mp4\">"));
	CHECK(has(&body, "<a class=\"button\" href=\"/uploads/demo/clip.mp4\" "
	                 "download>Download the video file</a>"));
	CHECK(has(&head, "; media-src 'self'\r\n"));
	CHECK(!has(&head, "frame-src"));
	CHECK(!has(&body, "<iframe"));
	CHECK(all_src_local());
}

static void
test_publications(void)
{
	CHECK(get("/publications/books") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">Books</h1>"));
	CHECK(has(&body,
	          "<a href=\"/publications/books/waiting-rooms\">Waiting "
	          "Rooms: Families of the Ashgrove Movement</a>"));
	CHECK(has(&body, "by <bdi>Ilka Dorran</bdi>"));
	CHECK(has(&body, "<a href=\"/uploads/demo/waiting-rooms.pdf\" download>"
	                 "Download the PDF"));
	CHECK(has(&body, "(PDF, 963 B)"));
	CHECK(at("The Second Road") < at("Waiting Rooms"));
	CHECK(at("Waiting Rooms") < at("Letters That Came Back"));
	CHECK(get("/publications/books/waiting-rooms") == 200);
	CHECK(has(&body,
	          "<h1 dir=\"auto\">Waiting Rooms: Families of the Ashgrove "
	          "Movement</h1>"));
	CHECK(has(&body, "<span>2022</span>"));
	CHECK(has(&body, "<a class=\"button\" href=\"/uploads/demo/"
	                 "waiting-rooms.pdf\" download>"));
	CHECK(has(&body, "<p>Free to download and to print.</p>"));
	CHECK(has(&body, "<img src=\"/uploads/demo/archive-boxes.jpg\""));
	CHECK(!has(&body, "In this issue"));
	CHECK(get("/publications/books/the-second-road") == 200);
	CHECK(has(&body,
	          "<a class=\"button\" href=\"https://example.org/books/"
	          "the-second-road\" rel=\"noopener noreferrer\">Read it "
	          "online</a>"));
	CHECK(!has(&body, ".pdf"));
	CHECK(get("/publications/books/newsletter-no-19-2023") == 404);
	CHECK(get("/publications/books/no-such-book") == 404);

	/* Issues: newest number first, a page each by number. */
	CHECK(get("/publications/newsletter") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">Newsletter</h1>"));
	CHECK(at("/publications/newsletter/28\"") <
	      at("/publications/newsletter/27\""));
	CHECK(at("/publications/newsletter/27\"") <
	      at("/publications/newsletter/19\""));
	CHECK(has(&body, "<span>No. 27</span>"));
	CHECK(get("/publications/newsletter/27") == 200);
	CHECK(has(&body, "<h1 dir=\"auto\">Newsletter No. 27</h1>"));
	CHECK(has(&body, "<h2 id=\"toc-title\">In this issue</h2>"));
	CHECK(has(&body, "<li><h3 dir=\"auto\"><a "
	                 "href=\"/articles/annual-report-2024-2025\">"
	                 "Annual report 2024\xe2\x80\x93"
	                 "25</a></h3>"));
	CHECK(has(
	    &body,
	    "<p dir=\"auto\">What we documented, and what we could not.</p>"));
	CHECK(at("Annual report") < at("Reunited at a bus station"));
	CHECK(has(&body, "href=\"/uploads/demo/newsletter-27.pdf\" download>"));
	CHECK(has(&body, "sharer.php?u=http%3A%2F%2F127.0.0.1%3A8080%2F"
	                 "publications%2Fnewsletter%2F27\""));
	/* An entry naming an article not yet published is not a link. */
	CHECK(get("/publications/newsletter/28") == 200);
	CHECK(has(&body, "<li><h3 dir=\"auto\">Winter appeal</h3>"));
	CHECK(!has(&body, "winter-appeal"));
	CHECK(get("/publications/newsletter/19") == 200);
	CHECK(has(&body, "<li><h3 dir=\"auto\">From the case files</h3>"));
	CHECK(get("/publications/newsletter/99") == 404);
	CHECK(get("/publications/newsletter/0") == 404);
	CHECK(get("/publications/newsletter/027") == 404);
	CHECK(get("/publications/newsletter/1") == 404); /* a brief's number */
	CHECK(get("/publications/pars-brief") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">Pars Brief</h1>"));
	CHECK(at("/publications/pars-brief/2\"") <
	      at("/publications/pars-brief/1\""));
	CHECK(get("/publications/pars-brief/1") == 200);
	CHECK(has(&body, "<h1 dir=\"auto\">Closed Doors, Open Questions</h1>"));
	CHECK(has(&body,
	          "<a href=\"/articles/brief-closed-doors-open-questions\">"
	          "Five questions</a>"));
	CHECK(get("/publications/pars-brief/3") == 404);
	CHECK(get("/publications/pars-brief/27") == 404);
	CHECK(get("/publications") == 404);
	CHECK(get("/publications/books/page/2") == 404);
	CHECK(get("/publications/books/page/1") == 301);
	CHECK(has(&head, "Location: /publications/books\r\n"));

	/* Unpublished: 404. */
	sql("UPDATE publications SET state = 'draft' WHERE number = 19 AND "
	    "kind = 'newsletter'");
	CHECK(get("/publications/newsletter/19") == 404);
	CHECK(get("/publications/newsletter") == 200);
	CHECK(!has(&body, "/publications/newsletter/19\""));
	sql("UPDATE publications SET state = 'published' WHERE number = 19 AND "
	    "kind = 'newsletter'");
	CHECK(get("/publications/newsletter/19") == 200);
}

/* Checks the pages of a listing at base holding count items, 12 a page. */
static void
check_pages(const char *base, long long count)
{
	long long pages = (count + 11) / 12, n;
	char uri[160], link[200];

	CHECK(pages >= 2);
	for (n = 1; n <= pages; n++) {
		if (n == 1)
			snprintf(uri, sizeof(uri), "%s", base);
		else
			snprintf(uri, sizeof(uri), "%s/page/%lld", base, n);
		CHECK(get(uri) == 200);
		snprintf(link, sizeof(link),
		         "<a class=\"older\" href=\"%s/page/%lld\">", base,
		         n + 1);
		CHECK(has(&body, link) == (n < pages));
		if (n == 2) {
			snprintf(link, sizeof(link),
			         "<a class=\"newer\" href=\"%s\">", base);
			CHECK(has(&body, link));
		}
		CHECK(has(&body, "<a class=\"newer\"") == (n > 1));
	}
	snprintf(uri, sizeof(uri), "%s/page/%lld", base, pages + 1);
	CHECK(get(uri) == 404);
	snprintf(uri, sizeof(uri), "%s/page/1", base);
	CHECK(get(uri) == 301);
	snprintf(link, sizeof(link), "Location: %s\r\n", base);
	CHECK(has(&head, link));
}

static void
test_pagination(void)
{
	char q[512];

	for (int i = 0; i < 14; i++) {
		snprintf(q, sizeof(q),
		         "INSERT INTO media_posts (edition_id, section, slug, "
		         "title, state, image_id, published_at, created_at, "
		         "updated_at) VALUES (1, 'newspics', 'extra-%02d', "
		         "'Extra picture %02d', 'published', 3, %d, 0, 0);"
		         "INSERT INTO publications (edition_id, kind, number, "
		         "slug, title, state, published_at, created_at, "
		         "updated_at) VALUES (1, 'newsletter', %d, "
		         "'extra-issue-%d', 'Extra issue', 'published', %d, 0, "
		         "0)",
		         i, i, 1000000 + i, 100 + i, 100 + i, 1000000 + i);
		sql(q);
	}
	check_pages("/media/newspics",
	            query_int("SELECT count(*) FROM media_posts WHERE section "
	                      "= 'newspics' AND state = 'published'"));
	/* The newest twelve first, the oldest on the last page. */
	CHECK(get("/media/newspics") == 200);
	CHECK(has(&body, "Signatures on their way"));
	CHECK(!has(&body, "Extra picture 00"));
	CHECK(has(&body, "loading=\"lazy\""));
	CHECK(get("/media/newspics/page/2") == 200);
	CHECK(has(&body, "Extra picture 00"));
	CHECK(!has(&body, "Signatures on their way"));
	check_pages("/publications/newsletter",
	            query_int("SELECT count(*) FROM publications WHERE kind = "
	                      "'newsletter' AND state = 'published'"));
	CHECK(get("/publications/newsletter/page/2") == 200);
	CHECK(has(&body, "/publications/newsletter/19\""));
	CHECK(get("/publications/newsletter/113") == 200);
	CHECK(has(&body, "<h1 dir=\"auto\">Extra issue</h1>"));
	CHECK(get("/media/cartoons/page/2") == 404);
	CHECK(get("/media/cartoons/page/0") == 404);
	CHECK(get("/media/cartoons/page/x") == 404);
}

static void
test_editions(void)
{
	sql("UPDATE editions SET enabled = 1 WHERE code = 'ar';"
	    "INSERT INTO media_posts (edition_id, section, slug, title, state, "
	    "image_id, published_at, created_at, updated_at) VALUES (2, "
	    "'cartoons', 'karikatir', 'Arabic cartoon', 'published', 2, 1000, "
	    "0, 0)");
	CHECK(get("/ar/media/cartoons") == 200);
	CHECK(has(&body, "<html lang=\"ar\" dir=\"rtl\">"));
	CHECK(has(&body, "href=\"/ar/media/cartoons/karikatir\""));
	CHECK(!has(&body, "The long wait"));
	CHECK(get("/ar/media/cartoons/karikatir") == 200);
	CHECK(has(&body, "href=\"/ar/media/cartoons\""));
	CHECK(get("/ar/media/cartoons/the-long-wait") == 404);
	CHECK(get("/media/cartoons/karikatir") == 404);
	CHECK(get("/ar/media/photos/kitchen-tables/1") == 404);
	CHECK(get("/ar/publications/newsletter") == 200);
	CHECK(!has(&body, "/publications/newsletter/27"));
	CHECK(get("/ar/publications/newsletter/27") == 404);
	CHECK(get("/ar/publications/books/waiting-rooms") == 404);
	sql("UPDATE editions SET enabled = 0 WHERE code = 'ar'");
	CHECK(get("/ar/media/cartoons") == 404);
}

/* Scheduled items go out when the timer's step finds them due, and the
 * site's last change (Last-Modified of every page) follows them. */
static void
test_scheduled(void)
{
	struct db *db = NULL;
	long long now = (long long)time(NULL), later = now + 7200;
	char q[768], want[80];

	snprintf(q, sizeof(q),
	         "INSERT INTO media_posts (edition_id, section, slug, title, "
	         "state, image_id, published_at, created_at, updated_at) "
	         "VALUES (1, 'cartoons', 'soon', 'Soon', 'scheduled', 2, "
	         "%lld, 0, 0);"
	         "INSERT INTO publications (edition_id, kind, number, slug, "
	         "title, state, published_at, created_at, updated_at) VALUES "
	         "(1, 'brief', 9, 'brief-soon', 'Brief soon', 'scheduled', "
	         "%lld, 0, 0)",
	         now + 3600, now + 3600);
	sql(q);
	CHECK(get("/media/cartoons/soon") == 404);
	CHECK(get("/publications/pars-brief/9") == 404);
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(content_db_publish_due(db, now) == 0);
	CHECK(content_db_publish_due(db, later) == 2);
	CHECK(content_db_publish_due(db, later) == 0);
	db_close(db);
	CHECK(get("/media/cartoons/soon") == 200);
	CHECK(get("/publications/pars-brief/9") == 200);
	last_modified(later, want, sizeof(want));
	CHECK(has(&head, want));
	/* Every page's Last-Modified: the site's newest change. */
	CHECK(get("/about") == 200);
	CHECK(has(&head, want));
	snprintf(q, sizeof(q),
	         "UPDATE media_posts SET updated_at = %lld WHERE slug = 'soon'",
	         later + 60);
	sql(q);
	last_modified(later + 60, want, sizeof(want));
	CHECK(get("/") == 200);
	CHECK(has(&head, want));
}

/* Every public page of the sections with a title holding markup. */
static void
test_escaping(void)
{
	struct form f;
	long long id;
	char uri[96];

	CHECK(request("GET", "/admin/media-posts/new?section=photos", editor,
	              NULL, NULL) == 200);
	form_scrape(&f, "/admin/media-posts/new");
	form_set(&f, "title", "<script>alert(1)</script> & \"Q\"");
	form_set(&f, "slug", "escaped");
	form_set(&f, "body", "*fine*\n\n<script>alert(2)</script>");
	form_set(&f, "photo-new1", "39");
	form_set(&f, "caption-new1", "<img src=x onerror=alert(3)>");
	form_set(&f, "state", "published");
	CHECK(form_post(editor, "/admin/media-posts/new", &f) == 303);
	id = query_int("SELECT id FROM media_posts WHERE slug = 'escaped'");
	CHECK(id > 0);
	CHECK(get("/media/photos") == 200);
	CHECK(has(&body, ">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                 "&quot;Q&quot;</a>"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(get("/media/photos/escaped") == 200);
	CHECK(
	    has(&body,
	        "<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	        "&quot;Q&quot;</h1>"));
	CHECK(has(&body, "<em>fine</em>"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(!has(&body, "alert(2)</script>"));
	CHECK(get("/media/photos/escaped/1") == 200);
	CHECK(
	    has(&body,
	        "<figcaption dir=\"auto\">&lt;img src=x onerror=alert(3)&gt;"));
	CHECK(!has(&body, "<img src=x"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(all_src_local());
	snprintf(uri, sizeof(uri), "/admin/media-posts/%lld", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;"));
	CHECK(!has(&body, "<script>alert"));

	CHECK(request("GET", "/admin/publications/new?kind=newsletter", editor,
	              NULL, NULL) == 200);
	form_scrape(&f, "/admin/publications/new");
	form_set(&f, "title", "Issue <b>bold</b>");
	form_set(&f, "number", "500");
	form_set(&f, "heading-new1", "<script>alert(4)</script>");
	form_set(&f, "excerpt-new1", "A & B <i>");
	form_set(&f, "state", "published");
	CHECK(form_post(editor, "/admin/publications/new", &f) == 303);
	CHECK(get("/publications/newsletter/500") == 200);
	CHECK(
	    has(&body, "<h1 dir=\"auto\">Issue &lt;b&gt;bold&lt;/b&gt;</h1>"));
	CHECK(has(
	    &body,
	    "<li><h3 dir=\"auto\">&lt;script&gt;alert(4)&lt;/script&gt;</h3>"));
	CHECK(has(&body, "<p dir=\"auto\">A &amp; B &lt;i&gt;</p>"));
	CHECK(!has(&body, "<script>alert"));
}

static void
test_admin_access(void)
{
	static const char *const gets[] = {
	    "/admin/media-posts",      "/admin/media-posts/new",
	    "/admin/media-posts/1",    "/admin/publications",
	    "/admin/publications/new", "/admin/publications/1"};
	long long posts = count_rows("media_posts");
	long long pubs = count_rows("publications");

	for (size_t i = 0; i < sizeof(gets) / sizeof(gets[0]); i++) {
		bool item = gets[i][strlen(gets[i]) - 1] == '1';

		CHECK(request("GET", gets[i], NULL, NULL, NULL) == 303);
		CHECK(has(&head, "Location: /admin/login\r\n"));
		CHECK(request("GET", gets[i], moderator, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], editor, NULL, NULL) == 200);
		CHECK(has(&head, "Cache-Control: no-store"));
		CHECK(request("GET", gets[i], admin, NULL, NULL) == 200);
		/* Item 1 is published and another's: not an author's. */
		CHECK(request("GET", gets[i], author, NULL, NULL) ==
		      (item ? 403 : 200));
	}
	CHECK(request("GET", "/admin/media-posts?section=bogus", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/media-posts?state=bogus", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/media-posts?page=0", editor, NULL, NULL) ==
	      400);
	CHECK(request("GET", "/admin/media-posts/new?section=bogus", editor,
	              NULL, NULL) == 400);
	CHECK(request("GET", "/admin/publications?kind=bogus", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/publications/new?kind=bogus", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/media-posts/9999", editor, NULL, NULL) ==
	      404);
	CHECK(request("GET", "/admin/publications/9999", editor, NULL, NULL) ==
	      404);
	/* The lists: editors see everything, filtered. */
	CHECK(request("GET", "/admin/media-posts?section=videos", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">The queue at Marren Gate</a>"));
	CHECK(!has(&body, ">The long wait</a>"));
	CHECK(request("GET", "/admin/media-posts?state=draft", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">The form we never filled in</a>"));
	CHECK(!has(&body, ">The long wait</a>"));
	CHECK(request("GET", "/admin/publications?kind=brief", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">Closed Doors, Open Questions</a>"));
	CHECK(!has(&body, ">The Second Road</a>"));
	/* The bar links them for writers only. */
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/admin/media-posts\">Media sections</a>"));
	CHECK(has(&body, "<a href=\"/admin/publications\">Publications</a>"));
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/media-posts"));
	CHECK(!has(&body, "/admin/publications"));
	/* An author's list holds only their own. */
	CHECK(request("GET", "/admin/media-posts", author, NULL, NULL) == 200);
	CHECK(!has(&body, ">The long wait</a>"));
	CHECK(request("GET", "/admin/publications", author, NULL, NULL) == 200);
	CHECK(!has(&body, ">The Second Road</a>"));

	/* Moderators cannot write, with a valid token either; no token or a
	 * wrong one is 403; no session keeps the form at the login page. */
	CHECK(post_as(moderator, "/admin/media-posts/new",
	              "title=X&section=cartoons&state=draft") == 403);
	CHECK(post_as(moderator, "/admin/publications/new",
	              "title=X&kind=book&state=draft") == 403);
	CHECK(request("POST", "/admin/media-posts/new", editor, NULL,
	              "title=X&section=cartoons&state=draft") == 403);
	CHECK(request("POST", "/admin/publications/1", editor, NULL,
	              "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&title=X"
	              "&kind=book&state=draft&version=1") == 403);
	CHECK(request("POST", "/admin/media-posts/1", NULL, NULL,
	              "csrf=x&title=X&section=cartoons&state=draft") == 403);
	CHECK(has(&body, "name=\"form_token\""));
	/* Authors: not another's or a published item. */
	CHECK(post_as(author, "/admin/media-posts/1",
	              "title=Mine&section=cartoons&state=draft&version=1") ==
	      403);
	CHECK(post_as(author, "/admin/publications/1",
	              "title=Mine&kind=book&state=draft&version=1") == 403);
	CHECK(count_rows("media_posts") == posts);
	CHECK(count_rows("publications") == pubs);
	CHECK(query_int("SELECT count(*) FROM media_posts WHERE title = "
	                "'Mine'") == 0);
}

/* Posts the editor's form for uri, changed by name=value pairs (NULL
 * ends them; a NULL value removes the field), as session; returns the
 * status.  form_at is the editor page to read the form from. */
static int
edit(const char *session, const char *form_at, const char *action, ...)
{
	struct form f;
	va_list ap;
	const char *name;

	if (request("GET", form_at, session, NULL, NULL) != 200)
		return -1;
	form_scrape(&f, action);
	va_start(ap, action);
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *value = va_arg(ap, const char *);

		if (value == NULL)
			form_unset(&f, name);
		else
			form_set(&f, name, value);
	}
	va_end(ap);
	return form_post(session, action, &f);
}

static void
test_admin_media_posts(void)
{
	long long posts, id, version;
	char uri[64], q[160];
	static const struct {
		const char *section, *name, *value, *message;
	} bad[] = {
	    {"cartoons", "section", "posters", "Choose one of the sections."},
	    {"cartoons", "title", "", "A title is needed."},
	    {"cartoons", "slug", "Bad Slug", "That slug is not valid"},
	    {"cartoons", "slug", "the-long-wait",
	     "Another item of this edition"},
	    {"cartoons", "edition", "99", "Choose one of the editions."},
	    {"cartoons", "image", "abc", "Choose a file of the right kind"},
	    {"cartoons", "image", "48", "Choose a file of the right kind"},
	    {"cartoons", "image", "9999", "Choose a file of the right kind"},
	    {"cartoons", "image", "", "Cartoons and NewsPics need an image."},
	    {"cartoons", "state", "bogus", "Your role may not"},
	    {"cartoons", "publish_at", "tomorrow", "Give the date and time"},
	    {"videos", "video_url", "javascript:alert(1)", "YouTube or Vimeo"},
	    {"videos", "video_url", "https://www.youtube.com/watch?v=short",
	     "YouTube or Vimeo"},
	    {"videos", "video_url", "https://evil.example/watch?v=M7lc1UVf-VE",
	     "YouTube or Vimeo"},
	    {"videos", "video_url",
	     "https://www.youtube.com.evil.example/watch?v=M7lc1UVf-VE",
	     "YouTube or Vimeo"},
	    {"videos", "video_url", "https://vimeo.com/12ab",
	     "YouTube or Vimeo"},
	    {"videos", "video_url", "", "A video needs a file"},
	    {"videos", "video", "2", "Choose a file of the right kind"},
	    {"videos", "video", "x", "Choose a file of the right kind"},
	    {"photos", "photo-new1", "", "An album needs at least one photo"},
	};

	/* A cartoon, published at once, on the public site. */
	posts = count_rows("media_posts");
	CHECK(edit(editor, "/admin/media-posts/new?section=cartoons",
	           "/admin/media-posts/new", "title", "Doors, again", "body",
	           "The *second* door.", "image", "2", "state", "published",
	           NULL) == 303);
	id = query_int("SELECT max(id) FROM media_posts");
	snprintf(uri, sizeof(uri), "Location: /admin/media-posts/%lld?saved=1",
	         id);
	CHECK(has(&head, uri));
	CHECK(count_rows("media_posts") == posts + 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'media post published' AND detail = 'Doors, "
	                "again'") == 1);
	CHECK(get("/media/cartoons/doors-again") == 200);
	CHECK(has(&body, "<p>The <em>second</em> door.</p>"));
	snprintf(uri, sizeof(uri), "/admin/media-posts/%lld?saved=1", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "role=\"status\">Saved. <a href=\"/media/cartoons/"
	                 "doors-again\">View</a>"));

	/* A preview renders and saves nothing. */
	CHECK(edit(editor, "/admin/media-posts/new?section=cartoons",
	           "/admin/media-posts/new", "title", "Preview only", "body",
	           "## Heading", "image", "2", "action", "preview",
	           NULL) == 200);
	CHECK(has(&body, "<h2>Heading</h2>"));
	CHECK(count_rows("media_posts") == posts + 1);

	/* Bad input: 400 with the form and a message, nothing saved. */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char at_uri[96];

		snprintf(at_uri, sizeof(at_uri),
		         "/admin/media-posts/new?section=%s", bad[i].section);
		CHECK(edit(editor, at_uri, "/admin/media-posts/new", "title",
		           "Refused", "image", "2", "video_url",
		           strcmp(bad[i].section, "videos") == 0 &&
		                   strcmp(bad[i].name, "video") != 0
		               ? "https://youtu.be/M7lc1UVf-VE"
		               : "",
		           "photo-new1", "39", "state", "published",
		           strcmp(bad[i].name, "publish_at") == 0 ? "state"
		                                                  : "body",
		           strcmp(bad[i].name, "publish_at") == 0 ? "scheduled"
		                                                  : "Text",
		           bad[i].name, bad[i].value, NULL) == 400);
		if (!has(&body, bad[i].message))
			fprintf(stderr, "bad[%zu]: no \"%s\"\n", i,
			        bad[i].message);
		CHECK(has(&body, bad[i].message));
		CHECK(has(&body, "value=\"Refused\"") ==
		      (strcmp(bad[i].name, "title") != 0));
		CHECK(count_rows("media_posts") == posts + 1);
	}
	/* Both a file and an address. */
	CHECK(edit(editor, "/admin/media-posts/new?section=videos",
	           "/admin/media-posts/new", "title", "Refused", "video", "100",
	           "video_url", "https://youtu.be/M7lc1UVf-VE", "state",
	           "draft", NULL) == 400);
	CHECK(has(&body, "not both"));
	CHECK(count_rows("media_posts") == posts + 1);
	/* An author may not publish. */
	CHECK(edit(author, "/admin/media-posts/new?section=cartoons",
	           "/admin/media-posts/new", "title", "Mine", "image", "2",
	           "state", "published", NULL) == 400);
	CHECK(has(&body, "Your role may not"));
	CHECK(!has(&body, "<option value=\"published\""));
	CHECK(count_rows("media_posts") == posts + 1);

	/* A video by its address: kept as provider and id only. */
	CHECK(edit(editor, "/admin/media-posts/new?section=videos",
	           "/admin/media-posts/new", "title", "Short film", "image",
	           "17", "video_url", "https://youtu.be/M7lc1UVf-VE?t=42",
	           "state", "published", NULL) == 303);
	CHECK(query_int("SELECT count(*) FROM media_posts WHERE slug = "
	                "'short-film' AND video_provider = 'youtube' AND "
	                "video_ref = 'M7lc1UVf-VE' AND video_id IS NULL") == 1);
	CHECK(get("/media/videos/short-film") == 200);
	CHECK(has(&body, "data-embed=\"https://www.youtube-nocookie.com/embed/"
	                 "M7lc1UVf-VE?autoplay=1\""));
	CHECK(!has(&body, "t=42"));

	/* An author's draft: theirs to edit until it is out. */
	CHECK(edit(author, "/admin/media-posts/new?section=newspics",
	           "/admin/media-posts/new", "title", "Author picture", "state",
	           "pending", NULL) == 303);
	id = query_int("SELECT max(id) FROM media_posts");
	snprintf(uri, sizeof(uri), "/admin/media-posts/%lld", id);
	CHECK(request("GET", uri, author, NULL, NULL) == 200);
	CHECK(request("GET", uri, other_author, NULL, NULL) == 403);
	CHECK(request("GET", "/admin/media-posts", author, NULL, NULL) == 200);
	CHECK(has(&body, ">Author picture</a>"));
	CHECK(edit(editor, uri, uri, "image", "3", "state", "published",
	           NULL) == 303);
	CHECK(request("GET", uri, author, NULL, NULL) == 403);
	CHECK(get("/media/newspics/author-picture") == 200);

	/* A stale version: 409, both texts, nothing overwritten. */
	version = query_int("SELECT version FROM media_posts WHERE slug = "
	                    "'doors-again'");
	id = query_int("SELECT id FROM media_posts WHERE slug = "
	               "'doors-again'");
	snprintf(uri, sizeof(uri), "/admin/media-posts/%lld", id);
	{
		struct form f;

		CHECK(request("GET", uri, editor, NULL, NULL) == 200);
		form_scrape(&f, uri);
		CHECK(edit(admin, uri, uri, "body", "Admin's caption", NULL) ==
		      303);
		form_set(&f, "body", "Editor's caption");
		CHECK(form_post(editor, uri, &f) == 409);
		CHECK(has(&body, "Someone else saved this item"));
		CHECK(has(&body, "Admin&#39;s caption"));
		CHECK(has(&body, "value=\"Doors, again\""));
	}
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM media_posts WHERE slug = 'doors-again' "
	         "AND caption_md = 'Admin''s caption' AND version = %lld",
	         version + 1);
	CHECK(query_int(q) == 1);
}

static void
test_admin_albums(void)
{
	long long id, posts = count_rows("media_posts");
	long long items;
	char uri[64];

	/* Rows by position: the second row first. */
	CHECK(edit(editor, "/admin/media-posts/new?section=photos",
	           "/admin/media-posts/new", "title", "Two photos",
	           "photo-new1", "39", "position-new1", "2", "photo-new2", "40",
	           "position-new2", "1", "caption-new2", "Bereth", "state",
	           "published", NULL) == 303);
	id = query_int("SELECT max(id) FROM media_posts");
	snprintf(uri, sizeof(uri), "/admin/media-posts/%lld", id);
	CHECK(query_int("SELECT media_id FROM album_items WHERE post_id = "
	                "(SELECT max(id) FROM media_posts) AND position = 1") ==
	      40);
	CHECK(query_int("SELECT media_id FROM album_items WHERE post_id = "
	                "(SELECT max(id) FROM media_posts) AND position = 2") ==
	      39);
	CHECK(get("/media/photos/two-photos/1") == 200);
	CHECK(has(&body, "<figcaption dir=\"auto\">Bereth</figcaption>"));
	CHECK(has(&body, "Photo 1 of 2"));
	/* The editor shows the rows, then empty ones. */
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"photo-1\""));
	CHECK(has(&body, "name=\"photo-2\""));
	CHECK(has(&body, "name=\"photo-new3\""));
	CHECK(has(&body, "name=\"delete-1\""));
	CHECK(!has(&body, "name=\"delete-new1\""));
	/* A bad row: 400, the message on it, the form as sent, nothing
	 * saved. */
	items = count_rows("album_items");
	CHECK(edit(editor, uri, uri, "caption-new1", "An orphan caption",
	           "caption-1", "Changed", NULL) == 400);
	CHECK(has(&body, "Choose a photo, or empty the caption."));
	CHECK(has(&body, "nothing was saved"));
	CHECK(has(&body, "aria-invalid=\"true\""));
	CHECK(has(&body, "value=\"An orphan caption\""));
	CHECK(has(&body, "value=\"Changed\""));
	CHECK(edit(editor, uri, uri, "position-1", "x", NULL) == 400);
	CHECK(has(&body, "The position is a whole number"));
	CHECK(edit(editor, uri, uri, "photo-new1", "48", NULL) == 400);
	CHECK(has(&body, "Choose a file of the right kind"));
	CHECK(edit(editor, uri, uri, "photo-new1", "x1", NULL) == 400);
	/* Not this editor's form: a row key that is no key. */
	CHECK(edit(editor, uri, uri, "photo-x", "39", NULL) == 400);
	CHECK(edit(editor, uri, uri, "photo-0", "39", NULL) == 400);
	CHECK(count_rows("album_items") == items);
	CHECK(query_int("SELECT count(*) FROM album_items WHERE caption = "
	                "'Changed'") == 0);
	/* Deleting a row; what is left is renumbered. */
	CHECK(edit(editor, uri, uri, "delete-1", "1", NULL) == 303);
	CHECK(count_rows("album_items") == items - 1);
	CHECK(query_int("SELECT media_id FROM album_items WHERE post_id = "
	                "(SELECT max(id) FROM media_posts) AND position = 1") ==
	      39);
	CHECK(get("/media/photos/two-photos/2") == 404);
	/* An album must keep a photo while it is out. */
	CHECK(edit(editor, uri, uri, "delete-1", "1", NULL) == 400);
	CHECK(has(&body, "An album needs at least one photo"));
	CHECK(count_rows("album_items") == items - 1);
	CHECK(count_rows("media_posts") == posts + 1);
	/* A photo deleted from the library leaves the album. */
	sql("PRAGMA foreign_keys = ON; DELETE FROM media WHERE id = 39");
	CHECK(get("/media/photos/two-photos") == 200);
	CHECK(has(&body, "This album has no photos yet."));
	CHECK(get("/media/photos/kitchen-tables") == 200);
	CHECK(!has(&body, "kitchen-halvan.jpg"));
	CHECK(get("/media/photos/kitchen-tables/1") == 404);
	CHECK(get("/media/photos/kitchen-tables/2") == 200);
	CHECK(!has(&body, "class=\"prev\""));
	CHECK(has(&body, "Photo 1 of 4"));
}

static void
test_admin_publications(void)
{
	long long pubs = count_rows("publications"), id, toc;
	char uri[64];
	static const struct {
		const char *kind, *name, *value, *message;
	} bad[] = {
	    {"book", "kind", "poster", "Choose books, newsletter or Pars"},
	    {"book", "number", "5", "books have none"},
	    {"newsletter", "number", "", "An issue needs a number"},
	    {"newsletter", "number", "0", "An issue needs a number"},
	    {"newsletter", "number", "abc", "An issue needs a number"},
	    {"newsletter", "number", "1000001", "An issue needs a number"},
	    {"newsletter", "number", "27", "Another issue of this edition"},
	    {"book", "year", "abc", "The year is a number"},
	    {"book", "year", "0", "The year is a number"},
	    {"book", "year", "12345", "The year is a number"},
	    {"book", "link", "javascript:alert(1)", "Give an outside link"},
	    {"book", "link", "//evil.example/", "Give an outside link"},
	    {"book", "link", "/local", "Give an outside link"},
	    {"book", "link", "ftp://example.org/x", "Give an outside link"},
	    {"book", "link", "https://a b", "Give an outside link"},
	    {"book", "pdf", "2", "Choose a file of the right kind"},
	    {"book", "cover", "48", "Choose a file of the right kind"},
	    {"book", "slug", "waiting-rooms", "Another item of this edition"},
	    {"book", "book_author", "", NULL}, /* fine: the control */
	    {"newsletter", "article-new1", "no-such-article", "No article"},
	    {"newsletter", "article-new1", "/articles/Bad Slug", "No article"},
	    {"newsletter", "heading-new1", "", "A heading is needed"},
	    {"newsletter", "position-new1", "-1", "The position is a whole"},
	};

	/* An issue with its contents, through the form. */
	CHECK(edit(editor, "/admin/publications/new?kind=newsletter",
	           "/admin/publications/new", "title", "Newsletter No. 29",
	           "number", "29", "cover", "8", "pdf", "48", "body",
	           "The *winter* issue.", "heading-new1", "Second entry",
	           "position-new1", "2", "article-new1",
	           "/articles/families-wait-for-news", "heading-new2",
	           "First entry", "excerpt-new2", "Opens the issue.",
	           "position-new2", "1", "article-new2",
	           "http://127.0.0.1:8080/articles/welcome-to-the-new-site",
	           "state", "published", NULL) == 303);
	CHECK(count_rows("publications") == pubs + 1);
	id = query_int("SELECT id FROM publications WHERE number = 29");
	CHECK(id > 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'publication published'") == 2);
	CHECK(get("/publications/newsletter/29") == 200);
	CHECK(has(&body, "<p>The <em>winter</em> issue.</p>"));
	CHECK(at(">First entry</a>") < at(">Second entry</a>"));
	CHECK(has(&body, "<a href=\"/articles/welcome-to-the-new-site\">First "
	                 "entry</a>"));
	CHECK(has(&body, "<p dir=\"auto\">Opens the issue.</p>"));
	CHECK(has(&body, "href=\"/uploads/demo/newsletter-19.pdf\" download>"));
	/* The same number for another kind is fine. */
	CHECK(edit(editor, "/admin/publications/new?kind=brief",
	           "/admin/publications/new", "title", "Brief 29", "number",
	           "29", "state", "draft", NULL) == 303);
	CHECK(count_rows("publications") == pubs + 2);

	toc = count_rows("publication_toc");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char at_uri[96];
		bool issue = strcmp(bad[i].kind, "book") != 0;
		int status;

		snprintf(at_uri, sizeof(at_uri),
		         "/admin/publications/new?kind=%s", bad[i].kind);
		status =
		    edit(editor, at_uri, "/admin/publications/new", "title",
		         "Refused", "number", issue ? "40" : "", "heading-new1",
		         issue ? "Entry" : "", "excerpt-new1",
		         issue ? "An excerpt" : "", "book_author", "Someone",
		         "state", "draft", bad[i].name, bad[i].value, NULL);
		if (bad[i].message == NULL) {
			CHECK(status == 303);
			sql("DELETE FROM publications WHERE title = 'Refused'");
			continue;
		}
		CHECK(status == 400);
		if (!has(&body, bad[i].message))
			fprintf(stderr, "bad[%zu]: no \"%s\"\n", i,
			        bad[i].message);
		CHECK(has(&body, bad[i].message));
		CHECK(has(&body, "value=\"Refused\""));
		CHECK(count_rows("publications") == pubs + 2);
	}
	CHECK(count_rows("publication_toc") == toc);
	/* A link and a PDF together. */
	CHECK(edit(editor, "/admin/publications/new?kind=book",
	           "/admin/publications/new", "title", "Refused", "pdf", "53",
	           "link", "https://example.org/x", "state", "draft",
	           NULL) == 400);
	CHECK(has(&body, "not both"));
	CHECK(count_rows("publications") == pubs + 2);

	/* A book with an outside link and its author, escaped. */
	CHECK(edit(editor, "/admin/publications/new?kind=book",
	           "/admin/publications/new", "title", "A book", "book_author",
	           "<b>Anon</b> & co", "year", "2026", "link",
	           "https://example.org/a-book?x=1&y=2", "state", "published",
	           NULL) == 303);
	CHECK(get("/publications/books/a-book") == 200);
	CHECK(has(&body, "by <bdi>&lt;b&gt;Anon&lt;/b&gt; &amp; co"));
	CHECK(has(&body, "href=\"https://example.org/a-book?x=1&amp;y=2\""));

	/* Editing: contents replaced whole; a stale version refused. */
	snprintf(uri, sizeof(uri), "/admin/publications/%lld", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"First entry\""));
	CHECK(has(&body, "value=\"welcome-to-the-new-site\""));
	CHECK(has(&body, "name=\"heading-new3\""));
	CHECK(edit(editor, uri, uri, "delete-2", "1", NULL) == 303);
	CHECK(query_int("SELECT count(*) FROM publication_toc WHERE "
	                "publication_id = (SELECT id FROM publications WHERE "
	                "number = 29 AND kind = 'newsletter')") == 1);
	{
		struct form f;

		CHECK(request("GET", uri, editor, NULL, NULL) == 200);
		form_scrape(&f, uri);
		CHECK(edit(admin, uri, uri, "title",
		           "Newsletter No. 29 (fixed)", NULL) == 303);
		form_set(&f, "title", "Newsletter No. 29 (stale)");
		form_set(&f, "heading-1", "Stale entry");
		CHECK(form_post(editor, uri, &f) == 409);
		CHECK(has(&body, "Someone else saved this item"));
		CHECK(has(&body, "value=\"Newsletter No. 29 (stale)\""));
	}
	CHECK(query_int("SELECT count(*) FROM publications WHERE title = "
	                "'Newsletter No. 29 (fixed)'") == 1);
	CHECK(query_int("SELECT count(*) FROM publication_toc WHERE heading "
	                "= 'Stale entry'") == 0);

	/* An author's draft, not theirs once published. */
	CHECK(edit(author, "/admin/publications/new?kind=brief",
	           "/admin/publications/new", "title", "Author brief", "number",
	           "41", "state", "draft", NULL) == 303);
	id = query_int("SELECT id FROM publications WHERE title = 'Author "
	               "brief'");
	snprintf(uri, sizeof(uri), "/admin/publications/%lld", id);
	CHECK(request("GET", uri, author, NULL, NULL) == 200);
	CHECK(request("GET", uri, other_author, NULL, NULL) == 403);
	CHECK(edit(author, uri, uri, "state", "published", NULL) == 400);
	CHECK(edit(editor, uri, uri, "state", "published", NULL) == 303);
	CHECK(request("GET", uri, author, NULL, NULL) == 403);
	CHECK(get("/publications/pars-brief/41") == 200);
}

/* Items in the trash for 30 days go, with their photos and contents. */
static void
test_trash(void)
{
	struct db *db = NULL;
	long long now = (long long)time(NULL);

	sql("UPDATE media_posts SET state = 'trash', trashed_at = 1000 WHERE "
	    "slug = 'kitchen-tables';"
	    "UPDATE publications SET state = 'trash', trashed_at = 1000 WHERE "
	    "slug = 'newsletter-no-27-2025'");
	CHECK(get("/media/photos/kitchen-tables") == 404);
	CHECK(get("/publications/newsletter/27") == 404);
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(edit_db_purge_trash(db, EDIT_MEDIA_POSTS, now, 30 * 86400LL) ==
	      1);
	CHECK(edit_db_purge_trash(db, EDIT_PUBLICATIONS, now, 30 * 86400LL) ==
	      1);
	CHECK(edit_db_purge_trash(db, EDIT_MEDIA_POSTS, now, 30 * 86400LL) ==
	      0);
	db_close(db);
	CHECK(query_int("SELECT count(*) FROM album_items WHERE post_id = 7") ==
	      0);
	CHECK(query_int("SELECT count(*) FROM publication_toc WHERE "
	                "publication_id = 5") == 0);
}

int
main(void)
{
	staff_start();
	editor = session_of("alice");
	admin = session_of("carol");
	author = session_of("bob");
	other_author = session_of("erin");
	moderator = session_of("dave");

	test_media_sections();
	test_publications();
	test_pagination();
	test_editions();
	test_scheduled();
	test_escaping();
	test_admin_access();
	test_admin_media_posts();
	test_admin_albums();
	test_admin_publications();
	test_trash();

	free(editor);
	free(admin);
	free(author);
	free(other_author);
	free(moderator);
	driver_stop();
	TEST_DONE();
}
