/*
 * test_comments.c: readers' comments and the moderators' queue of them
 * through the real request path.  The form under an article: valid and
 * invalid submissions (a message per field, the input kept, nothing
 * stored), the honeypot and too-fast submissions (filed as spam behind
 * the usual answer), the rate limit (the 11th POST in a minute from one
 * address, or one /64, gets 429 and stores nothing, counted apart from
 * the contact form's), a missing, forged, foreign or expired token,
 * oversized and invalid UTF-8 input, a <script> in every field escaped on
 * every page that shows it, and no cookie on any public answer.  The
 * rules: a returning commenter (an approved comment under the same name
 * and address) is approved at once, more than two links wait whatever
 * the history, links are rel="nofollow ugc" and only http(s); threads
 * of depth five stored and shown three levels deep ("in reply to"), a
 * reply to a comment not shown refused; closed comments (the editor's
 * switch, and by age).  The page: cacheable with a weak ETag that leaves
 * the token out (304 within the hour, a new ETag when a comment shows).
 * The queue: roles (moderator, editor, admin yes; author 403), CSRF
 * token on every POST, counts per state, search, bulk actions, the
 * detail page, the count in listings after approve, unapprove and trash,
 * the audit log, the dashboard; the settings; the timer's purge.  The
 * clock is app.test_now.
 */
#include <time.h>

#include "db/comment_db.h"
#include "driver.h"
#include "handlers/handlers.h"
#include "serve.h"
#include "staff.h"

/* A time for the tests' clock: 2027-01-15 08:00 UTC. */
#define T0 1800000000LL

/* A reader's address (IPv4). */
#define READER "198.51.100.7"

static char token[128];   /* the form token of the last article page */
static char slug[256];    /* the newest article: first on the home page */
static char other[256];   /* another published article */
static long long article; /* slug's id */
static long long other_id;
static char uri_buf[512], form_buf[1024]; /* scratch */

/* Sends a reader's request (no cookie, no Origin) from addr; checks that
 * no public answer sets a cookie. */
static int
reader(const char *method, const char *uri, const char *addr, const char *form)
{
	int status = driver_request(method, uri, addr, NULL, 0, form);

	CHECK(!has(&head, "Set-Cookie"));
	return status;
}

/* Returns "/articles/" s (static). */
static const char *
url_of(const char *s)
{
	static char out[300];

	snprintf(out, sizeof(out), "/articles/%s", s);
	return out;
}

/* Opens the article s and keeps its form's token. */
static void
open_article(const char *s)
{
	CHECK(reader("GET", url_of(s), READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	CHECK(token[0] != '\0');
}

/* Posts fields with the kept token to the article s's form from addr. */
static int
post_to(const char *addr, const char *s, const char *fields)
{
	static char form[40000];
	char uri[320];

	snprintf(uri, sizeof(uri), "/articles/%s/comments", s);
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	return reader("POST", uri, addr, form);
}

/* Opens the article s, lets 5 s pass and posts fields from addr. */
static int
comment_on(const char *addr, const char *s, const char *fields)
{
	open_article(s);
	app.test_now += 5;
	return post_to(addr, s, fields);
}

/* The same on the tests' article from READER. */
static int
comment(const char *fields)
{
	return comment_on(READER, slug, fields);
}

static long long
comments(void)
{
	return query_int("SELECT count(*) FROM comments");
}

static long long
last_id(void)
{
	return query_int("SELECT max(id) FROM comments");
}

/* The state of comment id. */
static const char *
state_of(long long id)
{
	char q[96];

	snprintf(q, sizeof(q), "SELECT state FROM comments WHERE id = %lld",
	         id);
	return query_text(q);
}

/* Moves the clock a minute on: every rate window starts again. */
static void
next_minute(void)
{
	app.test_now += 61;
}

/* Returns the comment count label ("2 comments") that the last page
 * shows for the article at href, or "" (static). */
static const char *
count_for(const char *href)
{
	static char out[64];
	char pat[320];
	const char *p, *c;

	out[0] = '\0';
	snprintf(pat, sizeof(pat), "<a href=\"%s\">", href);
	if (body.data == NULL || (p = strstr(body.data, pat)) == NULL ||
	    (c = strstr(p, "<span class=\"comments\">")) == NULL)
		return out;
	c += strlen("<span class=\"comments\">");
	snprintf(out, sizeof(out), "%.*s", (int)strcspn(c, "<"), c);
	return out;
}

/* Returns the count the home page and the article's page show. */
static const char *
listed_count(void)
{
	static char home[64];

	CHECK(reader("GET", "/", READER, NULL) == 200);
	snprintf(home, sizeof(home), "%s", count_for(url_of(slug)));
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, home));
	return home;
}

/* Approves comment id as the moderator session; returns the status. */
static int
act(const char *session, long long id, const char *action)
{
	char uri[64], form[64];

	snprintf(uri, sizeof(uri), "/admin/comments/%lld", id);
	snprintf(form, sizeof(form), "action=%s", action);
	return post_as(session, uri, form);
}

static void
test_page(void)
{
	char etag[128], old_token[128];
	struct kv inm;

	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&head, "Cache-Control: public, no-cache\r\n"));
	CHECK(has(&head, "Last-Modified: "));
	snprintf(etag, sizeof(etag), "%s", header("ETag"));
	CHECK(strncmp(etag, "W/\"", 3) == 0);
	CHECK(has(&body, "<section class=\"comments\" id=\"comments\""));
	CHECK(has(&body, "<h2 id=\"comments-title\">Comments</h2>"));
	CHECK(!has(&body, "<ol class=\"comment-list\">"));
	CHECK(has(&body, "<h3 id=\"respond-title\">Leave a comment</h3>"));
	snprintf(uri_buf, sizeof(uri_buf), "action=\"/articles/%s/comments\"",
	         slug);
	CHECK(has(&body, uri_buf));
	CHECK(has(&body, "name=\"form_token\" value=\""));
	CHECK(has(&body, "name=\"website\""));
	CHECK(has(&body, "name=\"comment\""));
	CHECK(!has(&body, "name=\"parent\""));
	snprintf(old_token, sizeof(old_token), "%s", field("form_token"));

	/* Revalidated within the hour: 304, though a new token was made. */
	app.test_now += 10;
	inm = (struct kv){"HTTP_IF_NONE_MATCH", etag, strlen(etag)};
	CHECK(driver_request("GET", url_of(slug), READER, &inm, 1, NULL) ==
	      304);
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(driver_request("GET", url_of(slug), READER, NULL, 0, NULL) ==
	      200);
	CHECK(strcmp(field("form_token"), old_token) != 0);
	CHECK(strcmp(header("ETag"), etag) == 0);
	/* The next hour: a new ETag, so a cache gets a fresh token. */
	app.test_now += 3600;
	CHECK(driver_request("GET", url_of(slug), READER, &inm, 1, NULL) ==
	      200);
	CHECK(strcmp(header("ETag"), etag) != 0);
	CHECK(reader("HEAD", url_of(slug), READER, NULL) == 200);
	CHECK(body.len == 0);

	/* Only POST at the form's address. */
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s/comments", slug);
	CHECK(reader("GET", uri_buf, READER, NULL) == 405);
	CHECK(has(&head, "Allow: POST\r\n"));
	CHECK(reader("GET", "/articles/no-such-article", READER, NULL) == 404);

	/* A staff member's cookie changes nothing: no cookie set. */
	{
		char *session = session_of("dave");

		CHECK(request("GET", url_of(slug), session, NULL, NULL) == 200);
		CHECK(!has(&head, "Set-Cookie"));
		free(session);
	}
	/* Other public pages set no cookie either. */
	CHECK(reader("GET", "/", READER, NULL) == 200);
	CHECK(reader("GET", "/page/2", READER, NULL) == 200);
	CHECK(reader("GET", "/about", READER, NULL) == 200);
	CHECK(reader("GET", "/contact", READER, NULL) == 200);
	next_minute();
}

static void
test_valid(void)
{
	long long before = comments();
	char want[400];

	CHECK(strcmp(listed_count(), "0 comments") == 0);
	CHECK(comment("name=Mina+R.&email=mina@example.org&comment=Line+one"
	              "%0D%0ALine+two&website=&parent=") == 303);
	snprintf(want, sizeof(want),
	         "Location: /articles/%s?comment=held#respond\r\n", slug);
	CHECK(has(&head, want));
	CHECK(comments() == before + 1);
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_name = "
	                "'Mina R.' AND author_email = 'mina@example.org' AND "
	                "body = 'Line one' || char(10) || 'Line two' AND "
	                "state = 'pending' AND reason = 'new commenter' AND "
	                "parent_id IS NULL AND length(ip_hash) = 16") == 1);
	CHECK(query_int("SELECT created_at FROM comments WHERE author_name = "
	                "'Mina R.'") == app.test_now);
	/* Nothing of the address is kept but its keyed hash, under a key of
	 * its own form. */
	CHECK(query_int("SELECT count(*) FROM throttle WHERE key LIKE "
	                "'%198.51%'") == 0);
	CHECK(query_int("SELECT count(*) FROM throttle WHERE key LIKE "
	                "'comment:%' AND length(key) = 8 + 32") >= 1);
	/* Waiting: not shown, not counted; the note after the POST. */
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s?comment=held", slug);
	CHECK(reader("GET", uri_buf, READER, NULL) == 200);
	CHECK(has(&body, "Your comment will appear once a moderator"));
	CHECK(!has(&body, "Line one"));
	CHECK(strcmp(listed_count(), "0 comments") == 0);
	CHECK(query_int("SELECT comment_count FROM articles WHERE id = "
	                "(SELECT article_id FROM comments WHERE author_name "
	                "= 'Mina R.')") == 0);
	next_minute();
}

/* Refused fields: 400, message shown, nothing stored. */
static void
refused(const char *fields, const char *message, const char *kept)
{
	long long before = comments();

	CHECK(comment(fields) == 400);
	CHECK(has(&body, message));
	if (kept != NULL)
		CHECK(has(&body, kept));
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(has(&body, "name=\"form_token\" value=\""));
	CHECK(comments() == before);
	next_minute();
}

static void
test_invalid(void)
{
	long long before = comments();
	char form[1024];

	refused("name=&email=a@example.org&comment=Hi", "Please give your name",
	        NULL);
	CHECK(has(&body, "Please correct the fields marked below"));
	refused("name=Kept+Name&email=not-an-address&comment=Kept+text",
	        "Please give an email address", "value=\"Kept Name\"");
	CHECK(has(&body, "value=\"not-an-address\""));
	CHECK(has(&body, ">\nKept text</textarea>"));
	CHECK(has(&body, "aria-invalid=\"true\" "
	                 "aria-describedby=\"comment-email-error\""));
	CHECK(!has(&body, "comment-name-error"));
	refused("name=A&email=a@example.org&comment=+%0D%0A+",
	        "Please write a comment", NULL);
	refused("name=A&email=a@example.org", "Please write a comment", NULL);
	refused("name=A%01B&email=a@example.org&comment=Hi",
	        "characters that cannot be sent", NULL);
	refused("name=A&email=a@example.org&comment=Hi&parent=x",
	        "The comment you replied to is no longer shown",
	        ">\nHi</textarea>");
	/* Every field too long, each with its own message; the longest
	 * comment is accepted. */
	{
		static char big[20000];
		size_t n = (size_t)snprintf(big, sizeof(big), "name=");

		memset(big + n, 'n', 201);
		n += 201;
		n += (size_t)snprintf(big + n, sizeof(big) - n,
		                      "&email=a@example.org&comment=");
		memset(big + n, 'm', 5001);
		n += 5001;
		big[n] = '\0';
		refused(big, "Please give your name (at most 200", NULL);
		CHECK(has(&body, "at most 5,000 characters"));
		n = (size_t)snprintf(
		    big, sizeof(big),
		    "name=Long&email=long@example.org&comment=");
		memset(big + n, 'm', 4999);
		memcpy(big + n + 4999, "%D8%B3", 7); /* an Arabic letter */
		CHECK(comment(big) == 303);
		CHECK(query_int("SELECT length(body) FROM comments WHERE "
		                "author_name = 'Long'") == 5000);
		before++;
		next_minute();
	}
	/* Invalid UTF-8, and a body past the request limit: refused before
	 * any handler, nothing stored. */
	open_article(slug);
	app.test_now += 5;
	snprintf(form, sizeof(form),
	         "form_token=%s&name=%%FF%%FE&email=a@example.org&comment=Hi",
	         token);
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s/comments", slug);
	CHECK(reader("POST", uri_buf, READER, form) == 400);
	snprintf(form, sizeof(form),
	         "form_token=%s&name=A&email=a@example.org&comment=%%C0%%AF",
	         token);
	CHECK(reader("POST", uri_buf, READER, form) == 400);
	{
		size_t len = HTTP_MAX_FORM_BYTES + 1;
		char *huge = malloc(len + 1);
		int n = snprintf(huge, len + 1,
		                 "form_token=%s&name=A&email=a@example.org"
		                 "&comment=",
		                 token);

		memset(huge + n, 'x', len - (size_t)n);
		huge[len] = '\0';
		CHECK(reader("POST", uri_buf, READER, huge) == 413);
		free(huge);
	}
	/* No such article: 404, nothing stored. */
	CHECK(post_to(READER, "no-such-article",
	              "name=A&email=a@example.org&comment=Hi") == 404);
	CHECK(comments() == before);
	next_minute();
}

static void
test_tokens(void)
{
	long long before = comments();
	const char *fields = "name=A&email=a@example.org&comment=Hi";
	char form[512];

	/* Missing and forged tokens: 403, nothing stored. */
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s/comments", slug);
	CHECK(reader("POST", uri_buf, READER, fields) == 403);
	snprintf(form, sizeof(form),
	         "form_token=1799999990."
	         "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&%s",
	         fields);
	CHECK(reader("POST", uri_buf, READER, form) == 403);
	/* Another form's token (the contact form's, the login's) is not
	 * this form's. */
	CHECK(reader("GET", "/contact", READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	CHECK(post_to(READER, slug, fields) == 403);
	CHECK(reader("GET", "/admin/login", READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	CHECK(post_to(READER, slug, fields) == 403);
	/* A foreign Origin. */
	open_article(slug);
	app.test_now += 5;
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	{
		struct kv origin = {"HTTP_ORIGIN", "https://evil.example", 20};

		CHECK(driver_request("POST", uri_buf, READER, &origin, 1,
		                     form) == 403);
	}
	CHECK(comments() == before);

	/* A page kept for hours: the page again, text kept, a fresh token
	 * that works. */
	open_article(slug);
	app.test_now += 3 * 3600;
	CHECK(post_to(READER, slug,
	              "name=Late&email=late@example.org&comment="
	              "Written+slowly") == 400);
	CHECK(has(&body, "This form was open for a long time"));
	CHECK(has(&body, "value=\"Late\""));
	CHECK(has(&body, ">\nWritten slowly</textarea>"));
	CHECK(comments() == before);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 10;
	CHECK(post_to(READER, slug,
	              "name=Late&email=late@example.org&comment="
	              "Written+slowly") == 303);
	CHECK(comments() == before + 1);
	next_minute();
}

static void
test_bots(void)
{
	long long before = comments();
	char want[400];

	snprintf(want, sizeof(want),
	         "Location: /articles/%s?comment=held#respond\r\n", slug);
	/* The honeypot: the usual answer, filed as spam. */
	CHECK(comment("name=Bot&email=bot@example.org&comment=Buy+now"
	              "&website=http://spam.example") == 303);
	CHECK(has(&head, want));
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_name = "
	                "'Bot' AND state = 'spam' AND reason = 'honeypot'") ==
	      1);
	/* Too fast: under three seconds from page to POST. */
	open_article(slug);
	app.test_now += 2;
	CHECK(post_to(READER, slug,
	              "name=Quick&email=q@example.org&comment=Hi") == 303);
	CHECK(has(&head, want));
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_name = "
	                "'Quick' AND state = 'spam' AND reason = 'too fast'") ==
	      1);
	/* Exactly the minimum is a person. */
	open_article(slug);
	app.test_now += 3;
	CHECK(post_to(READER, slug,
	              "name=Patient&email=p@example.org&comment=Hi") == 303);
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_name = "
	                "'Patient' AND state = 'pending'") == 1);
	/* A bot's invalid fields are filed too, cut to size and without
	 * control characters, answering nothing. */
	{
		static char big[20000];
		size_t n = (size_t)snprintf(big, sizeof(big),
		                            "website=x&parent=999999&name=%%01Z"
		                            "&comment=");

		memset(big + n, 'm', 6000);
		big[n + 6000] = '\0';
		CHECK(comment(big) == 303);
		CHECK(query_int("SELECT count(*) FROM comments WHERE "
		                "author_name = 'Z' AND author_email = '' AND "
		                "length(body) = 5000 AND state = 'spam' AND "
		                "parent_id IS NULL") == 1);
	}
	CHECK(comments() == before + 4);
	snprintf(uri_buf, sizeof(uri_buf),
	         "SELECT comment_count FROM articles WHERE id = %lld", article);
	CHECK(query_int(uri_buf) == 0);
	next_minute();
}

static void
test_rate_limit(void)
{
	long long before = comments();
	const char *fields = "name=R&email=r@example.org&comment=Hi";
	int i;

	/* Ten in a minute are fine; the eleventh is 429 and stores
	 * nothing. */
	for (i = 0; i < 10; i++)
		CHECK(comment_on("203.0.113.9", slug, fields) == 303);
	CHECK(comments() == before + 10);
	CHECK(comment_on("203.0.113.9", slug, fields) == 429);
	CHECK(has(&head, "Retry-After: "));
	CHECK(has(&body, "Too many requests"));
	CHECK(comments() == before + 10);
	/* On any article; the limit comes first: a forged token is 429. */
	CHECK(comment_on("203.0.113.9", other, fields) == 429);
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s/comments", slug);
	CHECK(reader("POST", uri_buf, "203.0.113.9", fields) == 429);
	CHECK(reader("POST", "/articles/no-such-article/comments",
	             "203.0.113.9", fields) == 429);
	/* The contact form counts apart; another address is not held up. */
	CHECK(reader("GET", "/contact", "203.0.113.9", NULL) == 200);
	{
		char form[512];

		snprintf(form, sizeof(form),
		         "form_token=%s&name=R&email=r@example.org&message=Hi",
		         field("form_token"));
		app.test_now += 5;
		CHECK(reader("POST", "/contact", "203.0.113.9", form) == 303);
	}
	CHECK(comment_on("203.0.113.10", slug, fields) == 303);
	/* A minute later the address may write again. */
	next_minute();
	CHECK(comment_on("203.0.113.9", slug, fields) == 303);
	CHECK(comments() == before + 12);
	next_minute();

	/* Every POST counts, refused ones too: ten without a token, then a
	 * valid one is 429. */
	for (i = 0; i < 10; i++)
		CHECK(reader("POST", uri_buf, "203.0.113.11", fields) == 403);
	CHECK(comment_on("203.0.113.11", slug, fields) == 429);
	CHECK(comments() == before + 12);
	next_minute();

	/* IPv6 by /64: two addresses of one subscriber share the limit. */
	for (i = 0; i < 10; i++)
		CHECK(comment_on(i % 2 ? "2001:db8:5:6::1" : "2001:db8:5:6::2",
		                 slug, fields) == 303);
	CHECK(comment_on("2001:db8:5:6:ffff::3", slug, fields) == 429);
	CHECK(comment_on("2001:db8:5:7::1", slug, fields) == 303);
	CHECK(comments() == before + 23);
	/* The setting holds at once. */
	sql("UPDATE settings SET value = '2' WHERE key = "
	    "'comments_rate_per_minute'");
	next_minute();
	CHECK(comment_on("192.0.2.90", slug, fields) == 303);
	CHECK(comment_on("192.0.2.90", slug, fields) == 303);
	CHECK(comment_on("192.0.2.90", slug, fields) == 429);
	sql("UPDATE settings SET value = '10' WHERE key = "
	    "'comments_rate_per_minute'");
	sql("DELETE FROM comments WHERE author_name = 'R'");
	next_minute();
}

static void
test_approval(void)
{
	char *moderator = session_of("dave");
	char etag[128], want[400];
	long long first, id;
	struct kv inm;

	sql("DELETE FROM comments");
	CHECK(comment("name=Returning+Reader&email=Back@Example.org&comment="
	              "My+first+comment") == 303);
	first = last_id();
	CHECK(strcmp(state_of(first), "pending") == 0);
	CHECK(strcmp(listed_count(), "0 comments") == 0);
	snprintf(etag, sizeof(etag), "%s", header("ETag"));

	/* Approved in the queue: shown at once, counted in listings and on
	 * the page, and the page's ETag changes. */
	CHECK(act(moderator, first, "approve") == 303);
	CHECK(strcmp(state_of(first), "approved") == 0);
	CHECK(strcmp(listed_count(), "1 comment") == 0);
	CHECK(has(&body, "My first comment"));
	CHECK(has(&body, "<h2 id=\"comments-title\">1 comment</h2>"));
	inm = (struct kv){"HTTP_IF_NONE_MATCH", etag, strlen(etag)};
	CHECK(driver_request("GET", url_of(slug), READER, &inm, 1, NULL) ==
	      200);
	CHECK(strcmp(header("ETag"), etag) != 0);
	/* The email address is never shown publicly. */
	CHECK(!has(&body, "Back@Example.org"));
	CHECK(query_int("SELECT comment_count FROM articles WHERE id = "
	                "(SELECT article_id FROM comments WHERE id = "
	                "(SELECT max(id) FROM comments))") == 1);

	/* The same name and address (in another case) is approved at once,
	 * and the answer leads to it. */
	next_minute();
	CHECK(comment("name=Returning+Reader&email=back@example.ORG&comment="
	              "Second+thoughts") == 303);
	id = last_id();
	CHECK(strcmp(state_of(id), "approved") == 0);
	snprintf(want, sizeof(want), "Location: /articles/%s#comment-%lld\r\n",
	         slug, id);
	CHECK(has(&head, want));
	CHECK(query_int("SELECT count(*) FROM comments WHERE reason = '' "
	                "AND body = 'Second thoughts'") == 1);
	CHECK(strcmp(listed_count(), "2 comments") == 0);
	/* Another name with the address, or the name with another address,
	 * waits. */
	next_minute();
	CHECK(comment("name=Someone+Else&email=back@example.org&comment=x") ==
	      303);
	CHECK(strcmp(state_of(last_id()), "pending") == 0);
	next_minute();
	CHECK(comment("name=Returning+Reader&email=other@example.org&comment="
	              "x") == 303);
	CHECK(strcmp(state_of(last_id()), "pending") == 0);
	/* More than two links wait, whatever the history; two do not. */
	next_minute();
	CHECK(comment("name=Returning+Reader&email=back@example.org&comment="
	              "See+https://a.example/1+and+http://b.example/2+and+"
	              "https://c.example/3") == 303);
	CHECK(strcmp(state_of(last_id()), "pending") == 0);
	CHECK(query_int("SELECT count(*) FROM comments WHERE reason = "
	                "'links'") == 1);
	/* Run together to pass for one, they are still three. */
	next_minute();
	CHECK(comment("name=Returning+Reader&email=back@example.org&comment="
	              "https://a.example/,https://b.example/,"
	              "https://c.example/") == 303);
	CHECK(strcmp(state_of(last_id()), "pending") == 0);
	next_minute();
	CHECK(comment("name=Returning+Reader&email=back@example.org&comment="
	              "Read+https://a.example/x_(y).+Or+(http://b.example/"
	              "z?q=1%26r=2).+Not+javascript:alert(1)+nor+"
	              "ftp://c.example/") == 303);
	id = last_id();
	CHECK(strcmp(state_of(id), "approved") == 0);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "Read <a href=\"https://a.example/x_(y)\" "
	                 "rel=\"nofollow ugc\">https://a.example/x_(y)</a>. "
	                 "Or (<a href=\"http://b.example/z?q=1&amp;r=2\" "
	                 "rel=\"nofollow ugc\">http://b.example/z?q=1&amp;r=2"
	                 "</a>). Not javascript:alert(1) nor "
	                 "ftp://c.example/</div>"));
	CHECK(!has(&body, "href=\"javascript"));
	CHECK(!has(&body, "href=\"ftp"));
	CHECK(strcmp(listed_count(), "3 comments") == 0);

	/* Unapproved and trashed: the count follows each change. */
	CHECK(act(moderator, id, "unapprove") == 303);
	CHECK(strcmp(listed_count(), "2 comments") == 0);
	CHECK(!has(&body, "a.example/x_(y)"));
	CHECK(act(moderator, first, "trash") == 303);
	CHECK(strcmp(listed_count(), "1 comment") == 0);
	CHECK(act(moderator, first, "approve") == 303);
	CHECK(strcmp(listed_count(), "2 comments") == 0);
	CHECK(act(moderator, first, "spam") == 303);
	CHECK(strcmp(listed_count(), "1 comment") == 0);
	CHECK(act(moderator, first, "delete") == 303);
	CHECK(strcmp(listed_count(), "1 comment") == 0);
	CHECK(query_int("SELECT count(*) FROM articles a WHERE comment_count "
	                "!= (SELECT count(*) FROM comments c WHERE "
	                "c.article_id = a.id AND c.state = 'approved')") == 0);
	free(moderator);
	next_minute();
}

/* Adds a comment straight to the database; returns its id. */
static long long
add_comment(long long article_id, long long parent, const char *name,
            const char *text, const char *state, long long at)
{
	char stmt[1024];

	snprintf(
	    stmt, sizeof(stmt),
	    "INSERT INTO comments (article_id, parent_id, author_name, "
	    "author_email, body, state, created_at, updated_at) VALUES "
	    "(%lld, %s, '%s', '%s@example.org', '%s', '%s', %lld, %lld)",
	    article_id,
	    parent > 0
	        ? (snprintf(uri_buf, sizeof(uri_buf), "%lld", parent), uri_buf)
	        : "NULL",
	    name, name, text, state, at, at);
	sql(stmt);
	return last_id();
}

/* Returns how many times s stands in the last body. */
static int
occurrences(const char *s)
{
	int n = 0;

	for (const char *p = body.data; p && (p = strstr(p, s)) != NULL; p++)
		n++;
	return n;
}

/* Returns the position of s in the last body, or -1. */
static long
pos(const char *s)
{
	const char *p = body.data ? strstr(body.data, s) : NULL;

	return p ? (long)(p - body.data) : -1;
}

static void
test_threads(void)
{
	long long a, b, c, d, e, f, lone, gone, orphan, reply;
	long depth, max_depth;
	char want[512], form[512];

	sql("DELETE FROM comments");
	/* A chain five deep, stored as it came, and a second comment. */
	a = add_comment(article, 0, "Anna", "level one", "approved", T0);
	b = add_comment(article, a, "Bert", "level two", "approved", T0 + 1);
	c = add_comment(article, b, "Cleo", "level three", "approved", T0 + 2);
	d = add_comment(article, c, "Dara", "level four", "approved", T0 + 3);
	e = add_comment(article, d, "Emil", "level five", "approved", T0 + 4);
	f = add_comment(article, b, "Fay", "also level three", "approved",
	                T0 + 5);
	lone = add_comment(article, 0, "Lone", "on the article", "approved",
	                   T0 + 6);
	gone = add_comment(article, 0, "Gone", "trashed", "trash", T0 + 7);
	orphan = add_comment(article, gone, "Orphan", "answers the trashed",
	                     "approved", T0 + 8);
	CHECK(query_int("SELECT count(*) FROM comments WHERE parent_id IS NOT "
	                "NULL") == 6);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "<h2 id=\"comments-title\">8 comments</h2>"));
	/* Three levels of lists at most: count the lists open at each point
	 * of the comments' part of the page. */
	max_depth = 0;
	depth = 0;
	for (const char *p = strstr(body.data, "<ol class=\"comment-list\">"),
	                *end = strstr(body.data, "id=\"respond\"");
	     p != NULL && p < end; p++) {
		if (strncmp(p, "<ol class=\"comment-list\">", 25) == 0 ||
		    strncmp(p, "<ol class=\"comment-replies\">", 28) == 0)
			depth++;
		else if (strncmp(p, "</ol>", 5) == 0)
			depth--;
		if (depth > max_depth)
			max_depth = depth;
	}
	CHECK(max_depth == 3);
	CHECK(depth == 0);
	/* In order: A, B, C, then D and E beside C (in reply to), then F;
	 * Lone, and Orphan as a comment on the article. */
	snprintf(want, sizeof(want), "id=\"comment-%lld\"", a);
	CHECK(pos(want) >= 0);
	{
		long long order[] = {a, b, c, d, e, f, lone, orphan};
		long last = -1;

		for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
			snprintf(want, sizeof(want),
			         "<li class=\"comment\" "
			         "id=\"comment-%lld\">",
			         order[i]);
			CHECK(pos(want) > last);
			last = pos(want);
		}
	}
	snprintf(want, sizeof(want), "id=\"comment-%lld\"", gone);
	CHECK(pos(want) < 0);
	/* D and E are in C's list (the third level), not below it. */
	snprintf(want, sizeof(want),
	         "level three</div>\n<p class=\"comment-reply\"><a "
	         "href=\"/articles/%s?reply=%lld#respond\">Reply<span "
	         "class=\"visually-hidden\">: "
	         "<bdi>Cleo</bdi></span></a></p>\n</div>\n"
	         "</li><li class=\"comment\" id=\"comment-%lld\">",
	         slug, c, d);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "<span class=\"comment-parent\">in reply to <a "
	         "href=\"#comment-%lld\"><bdi>Cleo</bdi></a></span>",
	         c);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "<span class=\"comment-parent\">in reply to <a "
	         "href=\"#comment-%lld\"><bdi>Dara</bdi></a></span>",
	         d);
	CHECK(has(&body, want));
	/* Only the deep ones say whom they answer. */
	CHECK(occurrences("in reply to <a") == 2);

	/* Replying: ?reply=ID fills the form; a deep reply is stored at its
	 * depth (six) and shown at the third level. */
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s?reply=%lld", slug, e);
	CHECK(reader("GET", uri_buf, READER, NULL) == 200);
	CHECK(has(&body, "Reply to <bdi>Emil</bdi></h3>"));
	snprintf(want, sizeof(want), "name=\"parent\" value=\"%lld\"", e);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want), "href=\"/articles/%s#respond\">Cancel",
	         slug);
	CHECK(has(&body, want));
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	snprintf(
	    form, sizeof(form),
	    "name=Anna&email=anna@example.org&comment=six+deep&parent=%lld", e);
	CHECK(post_to(READER, slug, form) == 303);
	reply = last_id();
	CHECK(strcmp(state_of(reply), "approved") == 0); /* Anna is known */
	CHECK(query_int("WITH RECURSIVE up(id, n) AS (SELECT parent_id, 1 FROM "
	                "comments WHERE id = (SELECT max(id) FROM comments) "
	                "UNION ALL SELECT c.parent_id, n + 1 FROM comments c "
	                "JOIN up ON c.id = up.id WHERE c.parent_id IS NOT "
	                "NULL) SELECT max(n) + 1 FROM up") == 6);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	snprintf(want, sizeof(want),
	         "in reply to <a href=\"#comment-%lld\"><bdi>Emil</bdi></a>",
	         e);
	CHECK(has(&body, want));
	/* A reply to a comment that is not shown, or of another article,
	 * is refused with the text kept; an unknown ?reply= is ignored. */
	next_minute();
	snprintf(form, sizeof(form),
	         "name=Anna&email=anna@example.org&comment=to+the+trash"
	         "&parent=%lld",
	         gone);
	CHECK(comment(form) == 400);
	CHECK(has(&body, "The comment you replied to is no longer shown"));
	CHECK(has(&body, ">\nto the trash</textarea>"));
	CHECK(!has(&body, "name=\"parent\""));
	{
		long long elsewhere = add_comment(other_id, 0, "Else",
		                                  "elsewhere", "approved", T0);

		snprintf(
		    form, sizeof(form),
		    "name=Anna&email=anna@example.org&comment=x&parent=%lld",
		    elsewhere);
		CHECK(comment(form) == 400);
		CHECK(has(&body, "The comment you replied to"));
		sql("DELETE FROM comments WHERE author_name = 'Else'");
	}
	CHECK(comments() == 10);
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s?reply=%lld", slug,
	         gone);
	CHECK(reader("GET", uri_buf, READER, NULL) == 200);
	CHECK(has(&body, "Leave a comment</h3>"));
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s?reply=abc", slug);
	CHECK(reader("GET", uri_buf, READER, NULL) == 200);
	/* Deleting a comment keeps its replies, answering nothing. */
	{
		char *moderator = session_of("dave");

		CHECK(act(moderator, gone, "delete") == 303);
		free(moderator);
	}
	snprintf(uri_buf, sizeof(uri_buf),
	         "SELECT parent_id IS NULL FROM comments WHERE id = %lld",
	         orphan);
	CHECK(query_int(uri_buf) == 1);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "answers the trashed"));
	next_minute();
}

/* The same for the tests' article. */
static int
save_article(const char *session, long long id, const char *extra)
{
	return editor_save(session, "articles", id, slug, "Edited", "published",
	                   extra);
}

static void
test_closed(void)
{
	char *editor = session_of("alice");
	long long before;
	char uri[64], stmt[256];

	sql("DELETE FROM comments");
	add_comment(article, 0, "Kept", "stays visible", "approved", T0);
	/* The editor's box: ticked for an open article. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", article);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"comments_open\" type=\"checkbox\" value=\"1\" "
	                 "checked>"));
	/* Unticked: closed.  The comments stay, the form goes. */
	CHECK(save_article(editor, article, "comments_field=1") == 303);
	snprintf(stmt, sizeof(stmt),
	         "SELECT comments_open FROM articles WHERE id = %lld", article);
	CHECK(query_int(stmt) == 0);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body,
	          "name=\"comments_open\" type=\"checkbox\" value=\"1\">"));
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "stays visible"));
	CHECK(has(&body, "Comments are closed."));
	CHECK(!has(&body, "name=\"form_token\""));
	CHECK(!has(&body, "?reply="));
	/* A POST: 403 with the page and a sentence, nothing stored. */
	open_article(other);
	app.test_now += 5;
	before = comments();
	CHECK(post_to(READER, slug,
	              "name=A&email=a@example.org&comment=closed") == 403);
	CHECK(has(&body, "Comments here are closed"));
	CHECK(has(&body, "stays visible"));
	CHECK(comments() == before);
	/* A form without the box keeps the setting; ticked again: open. */
	CHECK(save_article(editor, article, "x=1") == 303);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "Comments are closed."));
	CHECK(save_article(editor, article,
	                   "comments_field=1&comments_open=1") == 303);
	CHECK(comment("name=A&email=a@example.org&comment=open+again") == 303);
	CHECK(comments() == before + 1);
	next_minute();

	/* By age: comments_close_after_days after publication. */
	sql("UPDATE settings SET value = '30' WHERE key = "
	    "'comments_close_after_days'");
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET published_at = %lld WHERE id = %lld",
	         app.test_now - 29 * 86400LL, article);
	sql(stmt);
	CHECK(comment("name=A&email=a@example.org&comment=day+29") == 303);
	CHECK(comments() == before + 2);
	next_minute();
	open_article(slug);
	app.test_now += 86400;
	CHECK(post_to(READER, slug,
	              "name=A&email=a@example.org&comment=day+30") == 403);
	CHECK(comments() == before + 2);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "Comments are closed."));
	/* An article without comments and closed shows no section. */
	CHECK(reader("GET", url_of(other), READER, NULL) == 200);
	CHECK(!has(&body, "id=\"comments\""));
	sql("UPDATE settings SET value = '0' WHERE key = "
	    "'comments_close_after_days'");
	CHECK(reader("GET", url_of(other), READER, NULL) == 200);
	CHECK(has(&body, "Leave a comment"));
	free(editor);
	next_minute();
}

/*
 * Comments under a page: closed until the editor opens them (a new page's
 * box is unticked), then the same form, rules and queue as an article's,
 * at /{slug}/comments with a token of its own; replies stay under their
 * page; the article counts do not move.
 */
static void
test_page_comments(void)
{
	char *editor = session_of("alice"), *moderator = session_of("dave");
	char page_uri[64], post_uri[96], form[512], stmt[256];
	const char *fields = "name=Pat&email=pat@example.org&comment=On+a+page";
	long long page, before, first, counts;

	sql("DELETE FROM comments");
	page = query_int("SELECT id FROM pages WHERE edition_id = 1 AND slug "
	                 "= 'about' AND state = 'published'");
	CHECK(page > 0);
	snprintf(page_uri, sizeof(page_uri), "/about");
	snprintf(post_uri, sizeof(post_uri), "/about/comments");
	counts = query_int("SELECT sum(comment_count) FROM articles");

	/* Closed by default: no section, and a POST is refused. */
	CHECK(request("GET", "/admin/pages/new", editor, NULL, NULL) == 200);
	CHECK(has(&body,
	          "name=\"comments_open\" type=\"checkbox\" value=\"1\">"));
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	CHECK(!has(&body, "id=\"comments\""));
	CHECK(!has(&body, "name=\"form_token\""));
	open_article(slug);
	app.test_now += 5;
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	/* An article form's token is not the page form's. */
	CHECK(reader("POST", post_uri, READER, form) == 403);
	CHECK(comments() == 0);

	/* Opened by the editor: the form, posting to the page's address. */
	CHECK(editor_save(editor, "pages", page, "about", "About+us",
	                  "published",
	                  "comments_field=1&comments_open=1") == 303);
	snprintf(stmt, sizeof(stmt),
	         "SELECT comments_open FROM pages WHERE id = %lld", page);
	CHECK(query_int(stmt) == 1);
	snprintf(stmt, sizeof(stmt), "/admin/pages/%lld", page);
	CHECK(request("GET", stmt, editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"comments_open\" type=\"checkbox\" "
	                 "value=\"1\" checked>"));
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	CHECK(has(&body, "Leave a comment"));
	CHECK(has(&body, "action=\"/about/comments\""));
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	CHECK(reader("POST", post_uri, READER, form) == 303);
	CHECK(strcmp(header("Location"), "/about?comment=held#respond") == 0);
	CHECK(comments() == 1);
	first = last_id();
	snprintf(stmt, sizeof(stmt),
	         "SELECT page_id IS %lld AND article_id IS NULL FROM comments "
	         "WHERE id = %lld",
	         page, first);
	CHECK(query_int(stmt) == 1);
	CHECK(strcmp(state_of(first), "pending") == 0);
	/* Invalid: the page again with the message, nothing stored. */
	next_minute();
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	snprintf(form, sizeof(form),
	         "form_token=%s&name=&email=x&comment=Kept+text", token);
	CHECK(reader("POST", post_uri, READER, form) == 400);
	CHECK(has(&body, "About us"));
	CHECK(has(&body, ">\nKept text</textarea>"));
	CHECK(comments() == 1);

	/* The queue names the page and links to it; approving shows it. */
	CHECK(request("GET", "/admin/comments", moderator, NULL, NULL) == 200);
	CHECK(has(&body, "About us"));
	snprintf(stmt, sizeof(stmt), "/admin/comments/%lld", first);
	CHECK(request("GET", stmt, moderator, NULL, NULL) == 200);
	snprintf(stmt, sizeof(stmt), "href=\"/about\"");
	CHECK(has(&body, stmt));
	CHECK(act(moderator, first, "approve") == 303);
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	CHECK(has(&body, "On a page"));
	snprintf(stmt, sizeof(stmt), "id=\"comment-%lld\"", first);
	CHECK(has(&body, stmt));
	snprintf(stmt, sizeof(stmt), "/about?reply=%lld#respond", first);
	CHECK(has(&body, stmt));
	snprintf(stmt, sizeof(stmt), "/admin/comments/%lld", first);
	CHECK(request("GET", stmt, moderator, NULL, NULL) == 200);
	snprintf(stmt, sizeof(stmt), "href=\"/about#comment-%lld\"", first);
	CHECK(has(&body, stmt));

	/* A returning commenter's reply: approved at once, under the page,
	 * and shown nested. */
	next_minute();
	snprintf(stmt, sizeof(stmt), "/about?reply=%lld", first);
	CHECK(reader("GET", stmt, READER, NULL) == 200);
	CHECK(has(&body, "Reply to"));
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	snprintf(form, sizeof(form),
	         "form_token=%s&parent=%lld&name=Pat&email=PAT@example.org"
	         "&comment=A+reply",
	         token, first);
	CHECK(reader("POST", post_uri, READER, form) == 303);
	snprintf(stmt, sizeof(stmt), "/about#comment-%lld", last_id());
	CHECK(strcmp(header("Location"), stmt) == 0);
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	CHECK(has(&body, "class=\"comment-replies\""));
	CHECK(has(&body, "A reply"));
	/* A page's comment is not a parent for an article's reply. */
	next_minute();
	before = comments();
	open_article(slug);
	app.test_now += 5;
	snprintf(form, sizeof(form), "parent=%lld&%s", first, fields);
	CHECK(post_to(READER, slug, form) == 400);
	CHECK(comments() == before);
	/* The article counts never moved. */
	CHECK(query_int("SELECT sum(comment_count) FROM articles") == counts);

	/* Closed again: the comments stay, the form goes; a POST is 403. */
	next_minute();
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	CHECK(editor_save(editor, "pages", page, "about", "About+us",
	                  "published", "comments_field=1") == 303);
	app.test_now += 5;
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	CHECK(reader("POST", post_uri, READER, form) == 403);
	CHECK(has(&body, "Comments here are closed"));
	CHECK(comments() == before);
	CHECK(reader("GET", page_uri, READER, NULL) == 200);
	CHECK(has(&body, "On a page"));
	CHECK(has(&body, "Comments are closed."));
	CHECK(!has(&body, "name=\"form_token\""));
	/* No such page (the token is a page form's): 404, nothing stored. */
	next_minute();
	CHECK(reader("POST", "/no-such-page/comments", READER, form) == 404);
	CHECK(comments() == before);
	/* Deleting the page deletes its comments, and only its. */
	add_comment(article, 0, "Stays", "on the article", "approved", T0);
	snprintf(stmt, sizeof(stmt),
	         "PRAGMA foreign_keys = ON; DELETE FROM pages WHERE id = %lld",
	         page);
	sql(stmt);
	CHECK(comments() == 1);
	CHECK(query_int("SELECT count(*) FROM comments WHERE page_id IS NOT "
	                "NULL") == 0);
	free(editor);
	free(moderator);
	next_minute();
}

/* Returns a copy of the last body with the first occurrence of tok left
 * out (free it). */
static char *
body_without(const char *tok)
{
	const char *at = strstr(body.data, tok);
	size_t before = at ? (size_t)(at - body.data) : body.len;
	size_t skip = at ? strlen(tok) : 0;
	char *out = malloc(body.len + 1);

	CHECK(out != NULL);
	memcpy(out, body.data, before);
	memcpy(out + before, body.data + before + skip,
	       body.len - before - skip);
	out[body.len - skip] = '\0';
	return out;
}

/*
 * An article page is kept rendered per worker (frame_page_get): asked
 * again, it is the same page with a fresh token and the same ETag, and
 * it is not kept past the second its comments close by age, though
 * nothing was committed in between.  A listing is kept the same way, and
 * a commit shows on it at once.
 */
static void
test_kept_page(void)
{
	char stmt[256], first_token[128], etag[128];
	long long published;
	char *first, *second;

	snprintf(stmt, sizeof(stmt),
	         "SELECT published_at FROM articles WHERE id = %lld", article);
	published = query_int(stmt);
	/* 10 s into a quarter of an hour; comments close 100 s later. */
	app.test_now = (app.test_now / 900 + 1) * 900 + 10;
	sql("UPDATE settings SET value = '1' WHERE key = "
	    "'comments_close_after_days'");
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET published_at = %lld WHERE id = %lld",
	         app.test_now - 86400 + 100, article);
	sql(stmt);

	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "Leave a comment"));
	snprintf(first_token, sizeof(first_token), "%s", field("form_token"));
	snprintf(etag, sizeof(etag), "%s", header("ETag"));
	first = body_without(first_token);
	app.test_now += 2;
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(strcmp(field("form_token"), first_token) != 0);
	CHECK(strcmp(header("ETag"), etag) == 0);
	second = body_without(field("form_token"));
	CHECK(strcmp(first, second) == 0);
	free(first);
	free(second);

	/* 100 s on: closed, with no commit to reload the worker. */
	app.test_now += 100;
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(has(&body, "Comments are closed."));
	CHECK(!has(&body, "name=\"form_token\""));
	CHECK(strcmp(header("ETag"), etag) != 0);

	sql("UPDATE settings SET value = '0' WHERE key = "
	    "'comments_close_after_days'");
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET published_at = %lld WHERE id = %lld",
	         published, article);
	sql(stmt);

	/* A kept listing: the same page again, and a commit shows at once. */
	CHECK(reader("GET", "/", READER, NULL) == 200);
	first = strdup(body.data);
	CHECK(reader("GET", "/", READER, NULL) == 200);
	CHECK(first != NULL && strcmp(first, body.data) == 0);
	free(first);
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET title = title || ' (kept?)' WHERE id = "
	         "%lld",
	         article);
	sql(stmt);
	CHECK(reader("GET", "/", READER, NULL) == 200);
	CHECK(has(&body, " (kept?)"));
	snprintf(stmt, sizeof(stmt),
	         "UPDATE articles SET title = replace(title, ' (kept?)', '') "
	         "WHERE id = %lld",
	         article);
	sql(stmt);
	next_minute();
}

static void
test_escaping(void)
{
	char *moderator = session_of("dave");
	const char *script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
	const char *escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
	char form[1024], uri[64];
	long long id, spam;

	sql("DELETE FROM comments");
	/* On the public form, every field comes back escaped. */
	snprintf(form, sizeof(form), "name=%s&email=%s&comment=%s", script,
	         script, script);
	CHECK(comment(form) == 400);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
	CHECK(
	    has(&body, ">\n&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"));
	next_minute();

	/* Filed: a valid one (the email cannot hold it) and a bot's. */
	snprintf(form, sizeof(form),
	         "name=%s&email=s@example.org&comment=%s+**bold**+%%3Cb%%3E+"
	         "https://x.example/%%22%%3E%%3Cscript%%3E",
	         script, script);
	CHECK(comment(form) == 303);
	id = last_id();
	snprintf(form, sizeof(form), "name=%s&email=%s&comment=%s&website=x",
	         script, script, script);
	CHECK(comment(form) == 303);
	spam = last_id();
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_email = "
	                "'<script>alert(1)</script>' AND state = 'spam'") == 1);

	/* Staff see it as text: list, detail, dashboard. */
	CHECK(request("GET", "/admin/comments", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, escaped));
	CHECK(request("GET", "/admin/comments?state=spam", moderator, NULL,
	              NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, escaped));
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, escaped));
	snprintf(uri, sizeof(uri), "/admin/comments/%lld", id);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(!has(&body, "<b>"));
	CHECK(has(&body, "<dd dir=\"auto\">&lt;script&gt;"));
	CHECK(has(&body, "&lt;script&gt;alert(1)&lt;/script&gt; **bold** "
	                 "&lt;b&gt; https://x.example/&quot;&gt;&lt;script&gt;"
	                 "</div>"));
	snprintf(uri, sizeof(uri), "/admin/comments/%lld", spam);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "<dd dir=\"ltr\">&lt;script&gt;"));
	/* Approved: on the public page, as text; the link stops before the
	 * quote. */
	CHECK(act(moderator, id, "approve") == 303);
	CHECK(reader("GET", url_of(slug), READER, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(!has(&body, "<b>"));
	CHECK(!has(&body, "<strong>bold"));
	CHECK(has(&body, "<bdi class=\"comment-author\">"
	                 "&lt;script&gt;alert(1)&lt;/script&gt;</bdi>"));
	CHECK(has(&body, "&lt;script&gt;alert(1)&lt;/script&gt; **bold** "
	                 "&lt;b&gt; <a href=\"https://x.example/\" "
	                 "rel=\"nofollow ugc\">https://x.example/</a>&quot;"
	                 "&gt;&lt;script&gt;</div>"));
	CHECK(has(&body, "Reply<span class=\"visually-hidden\">: <bdi>"
	                 "&lt;script&gt;"));
	/* And replying to it. */
	snprintf(uri_buf, sizeof(uri_buf), "/articles/%s?reply=%lld", slug, id);
	CHECK(reader("GET", uri_buf, READER, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "Reply to <bdi>&lt;script&gt;"));
	free(moderator);
	next_minute();
}

static void
test_roles(void)
{
	char *admin = session_of("carol"), *editor = session_of("alice"),
	     *author = session_of("bob"), *moderator = session_of("dave");
	char uri[64], get_one[64];
	long long id;
	const char *gets[2];

	sql("DELETE FROM comments");
	id = add_comment(article, 0, "Roles", "for the roles", "pending", T0);
	snprintf(get_one, sizeof(get_one), "/admin/comments/%lld", id);
	gets[0] = "/admin/comments";
	gets[1] = get_one;
	for (size_t i = 0; i < 2; i++) {
		CHECK(request("GET", gets[i], NULL, NULL, NULL) == 303);
		CHECK(has(&head, "Location: /admin/login\r\n"));
		CHECK(request("GET", gets[i], author, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], moderator, NULL, NULL) == 200);
		CHECK(has(&head, "Cache-Control: no-store"));
		CHECK(request("GET", gets[i], editor, NULL, NULL) == 200);
		CHECK(request("GET", gets[i], admin, NULL, NULL) == 200);
	}
	/* The menu and the dashboard show the queue to those who use it. */
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/admin/comments\">Comments</a>"));
	CHECK(has(&body, "<p>1 comment waiting for approval</p>"));
	CHECK(has(&body, "for the roles"));
	/* Two waiting: one list of two (the list is not repeated per item). */
	add_comment(article, 0, "Second", "also waiting", "pending", T0);
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(occurrences("<ul><li><a href=\"/admin/comments/") == 1);
	CHECK(occurrences("<li><a href=\"/admin/comments/") == 2);
	CHECK(has(&body, "<p>2 comments waiting for approval</p>"));
	sql("DELETE FROM comments WHERE author_name = 'Second'");
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/comments"));

	snprintf(uri, sizeof(uri), "/admin/comments/%lld", id);
	/* Authors may not act; nobody may without the CSRF token. */
	CHECK(post_as(author, uri, "action=approve") == 403);
	CHECK(post_as(author, "/admin/comments", "action=approve&id=1") == 403);
	CHECK(request("POST", uri, moderator, NULL, "action=approve") == 403);
	CHECK(request("POST", uri, moderator, NULL, "action=approve&csrf=x") ==
	      403);
	CHECK(request("POST", "/admin/comments", moderator, NULL,
	              "action=delete&id=1") == 403);
	CHECK(request("POST", uri, editor, NULL, "action=delete") == 403);
	/* Without a session: the login page keeps the form. */
	CHECK(request("POST", uri, NULL, NULL, "action=approve") == 403);
	CHECK(has(&body, "name=\"form_token\""));
	CHECK(strcmp(state_of(id), "pending") == 0);
	/* Each role may act. */
	CHECK(post_as(moderator, uri, "action=approve") == 303);
	CHECK(strcmp(state_of(id), "approved") == 0);
	CHECK(post_as(editor, uri, "action=unapprove") == 303);
	CHECK(strcmp(state_of(id), "pending") == 0);
	CHECK(post_as(admin, uri, "action=trash") == 303);
	CHECK(strcmp(state_of(id), "trash") == 0);
	free(admin);
	free(editor);
	free(author);
	free(moderator);
}

static void
test_list(void)
{
	char *moderator = session_of("dave");

	sql("DELETE FROM comments");
	add_comment(article, 0, "percent", "100% sure", "pending", T0);
	add_comment(article, 0, "under", "under_score", "approved", T0 + 1);
	add_comment(article, 0, "plain", "100 percent Underscore", "approved",
	            T0 + 2);
	add_comment(other_id, 0, "spammer", "offer", "spam", T0 + 3);
	add_comment(article, 0, "binned", "old text", "trash", T0 + 4);
	for (int i = 0; i < 55; i++) {
		char name[32];

		snprintf(name, sizeof(name), "bulk%d", i);
		add_comment(article, 0, name, "bulk text", "pending",
		            T0 + 10 + i);
	}
	/* Pending first, newest first, 50 a page; a tab per state with its
	 * count, "All" first; the keys of WordPress. */
	CHECK(request("GET", "/admin/comments", moderator, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/admin/comments?state=all\">All <span "
	                 "class=\"count\">60</span></a>"));
	CHECK(has(&body, "<a href=\"/admin/comments?state=pending\" "
	                 "aria-current=\"page\">Pending <span "
	                 "class=\"count\">56</span></a>"));
	CHECK(has(&body, "Approved <span class=\"count\">2</span>"));
	CHECK(has(&body, "Spam <span class=\"count\">1</span>"));
	CHECK(has(&body, "Trash <span class=\"count\">1</span>"));
	CHECK(has(&body, "bulk54"));
	CHECK(!has(&body, ">percent<"));
	CHECK(has(&body, "href=\"/admin/comments?state=pending&amp;page=2\""));
	CHECK(has(&body, "data-key=\"a\""));
	CHECK(has(&body, "data-key=\"u\""));
	CHECK(has(&body, "data-key=\"s\""));
	CHECK(has(&body, "data-key=\"d\""));
	CHECK(has(&body, "<script src=\"/js/queue.js\" defer></script>"));
	CHECK(request("GET", "/admin/comments?state=pending&page=2", moderator,
	              NULL, NULL) == 200);
	CHECK(has(&body, ">percent<"));
	CHECK(!has(&body, "bulk54"));
	CHECK(request("GET", "/admin/comments?state=spam", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">spammer<"));
	CHECK(!has(&body, ">percent<"));
	CHECK(request("GET", "/admin/comments?state=trash", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">binned<"));

	/* Search: % and _ are ordinary characters; no case; the name, the
	 * email, the text and the article's title. */
	CHECK(request("GET", "/admin/comments?state=all&q=%25", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">percent<"));
	CHECK(!has(&body, ">under<"));
	CHECK(!has(&body, ">plain<"));
	CHECK(request("GET", "/admin/comments?state=all&q=_", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">under<"));
	CHECK(!has(&body, ">plain<"));
	CHECK(request("GET", "/admin/comments?state=all&q=UNDERSCORE",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, ">plain<"));
	CHECK(!has(&body, ">under<"));
	CHECK(request("GET", "/admin/comments?state=all&q=spammer%40example",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, ">spammer<"));
	CHECK(!has(&body, ">bulk1<"));
	{
		char q[800];
		const char *title;
		size_t n = (size_t)snprintf(q, sizeof(q),
		                            "/admin/comments?state=all&q=");

		/* The other article's title, form-encoded. */
		snprintf(uri_buf, sizeof(uri_buf),
		         "SELECT title FROM articles WHERE id = %lld",
		         other_id);
		title = query_text(uri_buf);
		for (const char *p = title; *p && n + 4 < sizeof(q); p++)
			n += (size_t)snprintf(q + n, sizeof(q) - n, "%%%02X",
			                      (unsigned char)*p);
		CHECK(request("GET", q, moderator, NULL, NULL) == 200);
		CHECK(has(&body, ">spammer<"));
		CHECK(!has(&body, ">percent<"));
	}
	CHECK(request("GET", "/admin/comments?state=all&q=nothing+like+it",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, "No comments here."));

	/* Bad views. */
	CHECK(request("GET", "/admin/comments?state=archived", moderator, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/comments?page=0", moderator, NULL, NULL) ==
	      400);
	free(moderator);
}

static void
test_bulk(void)
{
	char *moderator = session_of("dave");
	long long a = query_int("SELECT id FROM comments WHERE author_name = "
	                        "'bulk1'");
	long long b = query_int("SELECT id FROM comments WHERE author_name = "
	                        "'bulk2'");
	long long c = query_int("SELECT id FROM comments WHERE author_name = "
	                        "'bulk3'");
	long long audits = query_int("SELECT count(*) FROM audit_log WHERE "
	                             "action LIKE 'comment%'");
	const char *singles = "SELECT count(*) FROM audit_log WHERE action IN "
	                      "('comment unapproved', 'comment trashed', "
	                      "'comment marked spam', 'comments deleted')";
	long long singles_before = query_int(singles);
	char form[256], detail[64];

	CHECK(strcmp(listed_count(), "2 comments") == 0);
	/* Approve three from the second page; back to that page. */
	snprintf(form, sizeof(form), "action=approve&id=%lld&id=%lld&id=%lld",
	         a, b, c);
	CHECK(post_as(moderator, "/admin/comments?state=pending&page=2",
	              form) == 303);
	CHECK(has(&head,
	          "Location: /admin/comments?state=pending&page=2&done=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM comments WHERE state = "
	                "'approved' AND author_name IN ('bulk1', 'bulk2', "
	                "'bulk3')") == 3);
	snprintf(detail, sizeof(detail), "#%lld, #%lld, #%lld", a, b, c);
	CHECK(strcmp(query_text("SELECT detail FROM audit_log WHERE action = "
	                        "'comments approved'"),
	             detail) == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE user_name = "
	                "'dave' AND action = 'comments approved'") == 1);
	CHECK(strcmp(listed_count(), "5 comments") == 0);
	CHECK(request("GET", "/admin/comments?state=pending&page=2&done=1",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, "Done."));

	/* Unapprove one, trash one, spam one, then delete two. */
	snprintf(form, sizeof(form), "action=unapprove&id=%lld", a);
	CHECK(post_as(moderator, "/admin/comments?state=approved", form) ==
	      303);
	CHECK(strcmp(listed_count(), "4 comments") == 0);
	snprintf(form, sizeof(form), "action=trash&id=%lld", b);
	CHECK(post_as(moderator, "/admin/comments?state=approved", form) ==
	      303);
	CHECK(strcmp(listed_count(), "3 comments") == 0);
	snprintf(form, sizeof(form), "action=spam&id=%lld", c);
	CHECK(post_as(moderator, "/admin/comments?state=approved", form) ==
	      303);
	CHECK(strcmp(listed_count(), "2 comments") == 0);
	CHECK(strcmp(state_of(a), "pending") == 0);
	CHECK(strcmp(state_of(b), "trash") == 0);
	CHECK(strcmp(state_of(c), "spam") == 0);
	snprintf(form, sizeof(form), "action=delete&id=%lld&id=%lld", b, c);
	CHECK(post_as(moderator, "/admin/comments?state=trash", form) == 303);
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_name IN "
	                "('bulk2', 'bulk3')") == 0);
	CHECK(query_int(singles) == singles_before + 4);
	CHECK(strcmp(listed_count(), "2 comments") == 0);

	/* Refused: nothing ticked, an unknown action, a bad id, too many;
	 * the list again with a message, nothing changed. */
	CHECK(post_as(moderator, "/admin/comments?state=pending",
	              "action=approve") == 400);
	CHECK(has(&body, "Tick at least one comment"));
	CHECK(has(&body, "<h1>Comments</h1>"));
	snprintf(form, sizeof(form), "action=publish&id=%lld", a);
	CHECK(post_as(moderator, "/admin/comments", form) == 400);
	CHECK(post_as(moderator, "/admin/comments", "action=spam&id=x") == 400);
	{
		char many[2048] = "action=approve";

		for (int i = 0; i < QUEUE_IDS_MAX + 1; i++)
			snprintf(many + strlen(many),
			         sizeof(many) - strlen(many), "&id=%d", i + 1);
		CHECK(post_as(moderator, "/admin/comments", many) == 400);
	}
	CHECK(strcmp(state_of(a), "pending") == 0);
	/* Ids that do not exist change nothing and are not audited. */
	CHECK(post_as(moderator, "/admin/comments",
	              "action=approve&id=999999") == 303);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE detail = "
	                "'#999999'") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action LIKE "
	                "'comment%'") == audits + 5);
	free(moderator);
}

static void
test_detail(void)
{
	char *moderator = session_of("dave");
	char uri[96], want[300];
	long long parent, id;

	sql("DELETE FROM comments");
	parent = add_comment(article, 0, "Parent", "the first", "approved", T0);
	snprintf(form_buf, sizeof(form_buf),
	         "name=Detail&email=d@example.org&comment=First+line%%0ASecond"
	         "&parent=%lld",
	         parent);
	CHECK(comment(form_buf) == 303);
	id = last_id();
	snprintf(uri, sizeof(uri), "/admin/comments/%lld", id);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(has(&body, "First line\nSecond</div>"));
	CHECK(has(&body, "href=\"mailto:d@example.org\""));
	CHECK(has(&body, "<dd id=\"comment-state\">Pending</dd>"));
	CHECK(has(&body, "<dd>new commenter</dd>"));
	snprintf(want, sizeof(want),
	         "<a href=\"/admin/comments/%lld\" dir=\"auto\">Parent</a>",
	         parent);
	CHECK(has(&body, want));
	CHECK(has(&body, "aria-keyshortcuts=\"a\""));
	/* Approved from its page: back to it, with a link to it on the
	 * article. */
	CHECK(post_as(moderator, uri, "action=approve") == 303);
	snprintf(want, sizeof(want),
	         "Location: /admin/comments/%lld?done=1\r\n", id);
	CHECK(has(&head, want));
	snprintf(uri_buf, sizeof(uri_buf), "%s?done=1", uri);
	CHECK(request("GET", uri_buf, moderator, NULL, NULL) == 200);
	CHECK(has(&body, "Done."));
	snprintf(want, sizeof(want), "href=\"/articles/%s#comment-%lld\"", slug,
	         id);
	CHECK(has(&body, want));
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'comment approved' AND user_name = 'dave' AND "
	                "detail = (SELECT '#' || max(id) FROM comments)") == 1);
	CHECK(post_as(moderator, uri, "action=bogus") == 400);
	CHECK(post_as(moderator, "/admin/comments/999999", "action=spam") ==
	      404);
	CHECK(request("GET", "/admin/comments/999999", moderator, NULL, NULL) ==
	      404);
	/* Deleted: gone, the list says so; its reply keeps nothing. */
	CHECK(post_as(moderator, uri, "action=delete") == 303);
	CHECK(has(&head, "Location: /admin/comments?done=1\r\n"));
	CHECK(request("GET", uri, moderator, NULL, NULL) == 404);
	CHECK(post_as(moderator, uri, "action=delete") == 404);
	snprintf(uri_buf, sizeof(uri_buf),
	         "SELECT count(*) FROM audit_log WHERE action = 'comment "
	         "deleted' AND detail = '#%lld'",
	         id);
	CHECK(query_int(uri_buf) == 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE detail LIKE "
	                "'%First line%'") == 0);
	free(moderator);
	next_minute();
}

static void
test_settings(void)
{
	char *admin = session_of("carol");
	const char *base = "site_name=Homeward+Watch&base_url=http://"
	                   "127.0.0.1:8080&timezone=UTC&posts_per_page=10";
	char form[512];

	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"comments_close_after_days\" type=\"text\" "
	                 "inputmode=\"numeric\" value=\"0\""));
	CHECK(has(&body, "name=\"comments_rate_per_minute\""));
	snprintf(form, sizeof(form), "%s&comments_close_after_days=-1", base);
	CHECK(post_as(admin, "/admin/settings", form) == 400);
	snprintf(form, sizeof(form), "%s&comments_rate_per_minute=0", base);
	CHECK(post_as(admin, "/admin/settings", form) == 400);
	snprintf(form, sizeof(form),
	         "%s&comments_close_after_days=14&comments_rate_per_minute=5",
	         base);
	CHECK(post_as(admin, "/admin/settings", form) == 303);
	CHECK(strcmp(query_text("SELECT group_concat(value, ' ') FROM (SELECT "
	                        "value FROM settings WHERE key IN "
	                        "('comments_close_after_days', "
	                        "'comments_rate_per_minute') ORDER BY key)"),
	             "14 5") == 0);
	/* A form without them keeps them. */
	CHECK(post_as(admin, "/admin/settings", base) == 303);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'comments_close_after_days'"),
	             "14") == 0);
	sql("UPDATE settings SET value = '0' WHERE key = "
	    "'comments_close_after_days'");
	sql("UPDATE settings SET value = '10' WHERE key = "
	    "'comments_rate_per_minute'");
	free(admin);
}

static void
test_timer(void)
{
	struct timer t;
	long long now = app.test_now;

	sql("DELETE FROM comments");
	add_comment(article, 0, "oldspam", "x", "spam", now - 31 * 86400LL);
	add_comment(article, 0, "oldtrash", "x", "trash", now - 31 * 86400LL);
	add_comment(article, 0, "newtrash", "x", "trash", now - 29 * 86400LL);
	add_comment(article, 0, "oldshown", "x", "approved",
	            now - 400 * 86400LL);
	add_comment(article, 0, "oldwaiting", "x", "pending",
	            now - 400 * 86400LL);
	CHECK(timer_open(&t, getenv("TEST_DB"), NULL) == 0);
	timer_tick(&t, now);
	timer_close(&t);
	CHECK(strcmp(query_text("SELECT group_concat(author_name, ' ') FROM "
	                        "(SELECT author_name FROM comments ORDER BY "
	                        "id)"),
	             "newtrash oldshown oldwaiting") == 0);
	/* The count holds only what is shown. */
	snprintf(uri_buf, sizeof(uri_buf),
	         "SELECT comment_count FROM articles WHERE id = %lld", article);
	CHECK(query_int(uri_buf) == 1);
}

int
main(void)
{
	staff_start();
	app.test_now = T0;
	CHECK(strcmp(comment_states[COMMENT_STATES__MAX - 1], "trash") == 0);
	for (int i = 0; i < COMMENT_STATES__MAX; i++)
		CHECK(comment_states[i] != NULL &&
		      comment_state_parse(comment_states[i]) == i);
	snprintf(slug, sizeof(slug), "%s",
	         query_text("SELECT slug FROM articles WHERE edition_id = 1 "
	                    "AND state = 'published' ORDER BY published_at "
	                    "DESC, id DESC LIMIT 1"));
	snprintf(other, sizeof(other), "%s",
	         query_text("SELECT slug FROM articles WHERE edition_id = 1 "
	                    "AND state = 'published' ORDER BY published_at "
	                    "DESC, id DESC LIMIT 1 OFFSET 1"));
	snprintf(uri_buf, sizeof(uri_buf),
	         "SELECT id FROM articles WHERE slug = '%s'", slug);
	article = query_int(uri_buf);
	snprintf(uri_buf, sizeof(uri_buf),
	         "SELECT id FROM articles WHERE slug = '%s'", other);
	other_id = query_int(uri_buf);
	CHECK(slug[0] != '\0' && other[0] != '\0' && article > 0 &&
	      other_id > 0);

	test_page();
	test_valid();
	test_invalid();
	test_tokens();
	test_bots();
	test_rate_limit();
	test_approval();
	test_threads();
	test_closed();
	test_page_comments();
	test_kept_page();
	test_escaping();
	test_roles();
	test_list();
	test_bulk();
	test_detail();
	test_settings();
	test_timer();

	driver_stop();
	TEST_DONE();
}
