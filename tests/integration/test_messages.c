/*
 * test_messages.c: the contact form and the moderators' queue of its
 * messages through the real request path.  The form: valid and invalid
 * submissions (a message per field, the input kept, nothing stored),
 * the honeypot and too-fast submissions (filed as spam behind the usual
 * thank-you), the rate limit (the 11th POST in a minute from one address,
 * or one /64, gets 429 and stores nothing, whatever the POSTs were), a
 * missing, forged, foreign or expired token, oversized and invalid UTF-8
 * input, a <script> in every field escaped on every page that shows it,
 * and no cookie on any public answer.  The queue: who may use it (roles,
 * CSRF token on every POST), counts per state, search with % and _, bulk
 * actions, the detail page (opening marks read), export, deletion, the
 * audit log, the dashboard.  The timer: retention, daily address keys,
 * and the notice through a fake sendmail that records its argv and
 * standard input (no shell, nothing of the message).  The clock is
 * app.test_now.
 */
#include <sys/stat.h>
#include <time.h>

#include "cli/commands.h"
#include "db/message_db.h"
#include "driver.h"
#include "handlers/handlers.h"
#include "sendmail.h"
#include "serve.h"
#include "staff.h"

/* A time for the tests' clock: 2027-01-15 08:00 UTC, the day's start
 * far from the tests' steps. */
#define T0 1800000000LL

/* A reader's address (IPv4) and one of an IPv6 reader. */
#define READER "198.51.100.7"

static char token[128]; /* the form token of the last /contact page */

/* Sends a reader's request (no cookie, no Origin) from addr; checks that
 * no public answer sets a cookie. */
static int
reader(const char *method, const char *uri, const char *addr, const char *form)
{
	int status = driver_request(method, uri, addr, NULL, 0, form);

	CHECK(!has(&head, "Set-Cookie"));
	return status;
}

/* Opens /contact at the tests' clock and keeps its token. */
static void
open_form(const char *uri)
{
	CHECK(reader("GET", uri, READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	CHECK(token[0] != '\0');
}

/* Sends fields with the kept token to /contact from addr. */
static int
send_form(const char *addr, const char *fields)
{
	static char form[32768];

	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	return reader("POST", "/contact", addr, form);
}

/* Opens the form, lets 5 s pass and sends fields from addr. */
static int
send_message(const char *addr, const char *fields)
{
	open_form("/contact");
	app.test_now += 5;
	return send_form(addr, fields);
}

static long long
messages(void)
{
	return query_int("SELECT count(*) FROM messages");
}

/* Moves the clock a minute on: every rate window starts again. */
static void
next_minute(void)
{
	app.test_now += 61;
}

static void
test_form_page(void)
{
	char etag[128], first[128];
	struct kv inm;

	CHECK(reader("GET", "/contact", READER, NULL) == 200);
	CHECK(has(&head, "Cache-Control: public, no-cache\r\n"));
	CHECK(!has(&head, "Set-Cookie"));
	snprintf(etag, sizeof(etag), "%s", header("ETag"));
	CHECK(strncmp(etag, "W/\"", 3) == 0);
	snprintf(first, sizeof(first), "%s", field("form_token"));
	/* Revalidated within the token's hour: 304; the next hour, the
	 * page again with a fresh token. */
	app.test_now += 10;
	inm = (struct kv){"HTTP_IF_NONE_MATCH", etag, strlen(etag)};
	CHECK(driver_request("GET", "/contact", READER, &inm, 1, NULL) == 304);
	app.test_now += 3600;
	CHECK(driver_request("GET", "/contact", READER, &inm, 1, NULL) == 200);
	CHECK(strcmp(header("ETag"), etag) != 0);
	CHECK(strcmp(field("form_token"), first) != 0);
	CHECK(reader("GET", "/contact", READER, NULL) == 200);
	/* The organisation's details: the page "contact", above the form. */
	CHECK(has(&body, "<h1>Contact us</h1>"));
	CHECK(has(&body, "mailto:editors@example.org"));
	CHECK(strstr(body.data, "mailto:editors@example.org") <
	      strstr(body.data, "<form method=\"post\" action=\"/contact\">"));
	CHECK(has(&body, "name=\"form_token\" value=\""));
	CHECK(has(&body, "name=\"website\""));
	CHECK(has(&body, "name=\"message\""));
	CHECK(reader("GET", "/contact?sent=1", READER, NULL) == 200);
	CHECK(has(&body, "Your message has been sent."));
	CHECK(!has(&body, "<form method=\"post\""));
	CHECK(reader("HEAD", "/contact", READER, NULL) == 200);
	CHECK(body.len == 0);
	CHECK(reader("PUT", "/contact", READER, "x=1") == 405);
	/* A staff member's cookie changes nothing: no cookie set. */
	{
		char *session = session_of("dave");

		CHECK(request("GET", "/contact", session, NULL, NULL) == 200);
		CHECK(!has(&head, "Set-Cookie"));
		CHECK(!has(&body, "Signed in as"));
		free(session);
	}

	/* The page is edited as any page; without it, a plain heading. */
	sql("UPDATE pages SET body_html = '<p>Our office: Example "
	    "Street 1</p>' WHERE slug = 'contact'");
	CHECK(reader("GET", "/contact", READER, NULL) == 200);
	CHECK(has(&body, "Our office: Example Street 1"));
	sql("UPDATE pages SET state = 'draft' WHERE slug = 'contact'");
	CHECK(reader("GET", "/contact", READER, NULL) == 200);
	CHECK(has(&body, "<h1>Contact</h1>"));
	CHECK(!has(&body, "Example Street"));
	sql("UPDATE pages SET state = 'published' WHERE slug = 'contact'");

	/* Another edition has its own form and files its own messages. */
	sql("UPDATE editions SET enabled = 1 WHERE code = 'ar'");
	open_form("/ar/contact");
	CHECK(has(&body, "action=\"/ar/contact\""));
	CHECK(has(&body, "<html lang=\"ar\" dir=\"rtl\">"));
	app.test_now += 5;
	{
		char form[512];

		snprintf(form, sizeof(form),
		         "form_token=%s&name=Samir&email=samir@example.org"
		         "&subject=&message=Marhaba",
		         token);
		CHECK(reader("POST", "/ar/contact", READER, form) == 303);
		CHECK(has(&head, "Location: /ar/contact?sent=1\r\n"));
	}
	CHECK(query_int("SELECT edition_id FROM messages WHERE name = "
	                "'Samir'") == 2);
	sql("UPDATE editions SET enabled = 0 WHERE code = 'ar'");
	CHECK(reader("GET", "/ar/contact", READER, NULL) == 404);
	next_minute();
}

static void
test_valid(void)
{
	long long before = messages();

	CHECK(send_message(READER,
	                   "name=Mina+R.&email=mina@example.org&subject="
	                   "About+my+brother&message=Line+one%0D%0ALine+two"
	                   "&website=") == 303);
	CHECK(has(&head, "Location: /contact?sent=1\r\n"));
	CHECK(messages() == before + 1);
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = 'Mina R.' "
	                "AND email = 'mina@example.org' AND subject = 'About "
	                "my brother' AND body = 'Line one' || char(10) || "
	                "'Line two' AND state = 'new' AND spam_reason = '' "
	                "AND edition_id = 1 AND notify = 0 AND "
	                "length(ip_hash) = 16") == 1);
	CHECK(query_int("SELECT created_at FROM messages WHERE name = "
	                "'Mina R.'") == app.test_now);
	/* Nothing of the address is kept but its keyed hash. */
	CHECK(query_int("SELECT count(*) FROM throttle WHERE key LIKE "
	                "'%198.51%'") == 0);
	CHECK(query_int("SELECT count(*) FROM throttle WHERE key LIKE "
	                "'contact:%' AND length(key) = 8 + 32") >= 1);
	/* The subject is optional; spaces around fields go. */
	CHECK(send_message(READER, "name=++Ana++&email=+ana@example.org+"
	                           "&message=Hello") == 303);
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = 'Ana' "
	                "AND email = 'ana@example.org' AND subject = ''") == 1);
	/* Letters of any script, and the longest fields accepted. */
	{
		static char form[32768];
		char name[256], subject[400];
		size_t n = 0;

		memset(name, 'n', 200);
		name[200] = '\0';
		memset(subject, 's', 300);
		subject[300] = '\0';
		n = (size_t)snprintf(form, sizeof(form),
		                     "name=%s&email=x@example.org&subject=%s"
		                     "&message=",
		                     name, subject);
		for (int i = 0; i < 9999; i++)
			form[n++] = 'm';
		memcpy(form + n, "%D8%B3", 7); /* one Arabic letter: 10,000 */
		CHECK(send_message(READER, form) == 303);
		CHECK(query_int("SELECT length(body) FROM messages WHERE "
		                "email = 'x@example.org'") == 10000);
	}
	next_minute();
}

/* Posts fields (a valid form but for what they change) and expects 400
 * with message shown and nothing stored. */
static void
refused(const char *fields, const char *message, const char *kept)
{
	long long before = messages();

	CHECK(send_message(READER, fields) == 400);
	CHECK(has(&body, message));
	CHECK(has(&body, "Please correct the fields marked below"));
	if (kept != NULL)
		CHECK(has(&body, kept));
	/* A fresh token to send it again with. */
	CHECK(has(&body, "name=\"form_token\" value=\""));
	CHECK(messages() == before);
	next_minute();
}

static void
test_invalid(void)
{
	long long before = messages();
	char form[1024];

	refused("name=&email=a@example.org&message=Hi", "Please give your name",
	        NULL);
	refused("name=Kept+Name&email=not-an-address&subject=Kept+subject"
	        "&message=Kept+text",
	        "Please give an email address", "value=\"Kept Name\"");
	CHECK(has(&body, "value=\"not-an-address\""));
	CHECK(has(&body, "value=\"Kept subject\""));
	CHECK(has(&body, ">\nKept text</textarea>"));
	CHECK(has(&body, "aria-invalid=\"true\" "
	                 "aria-describedby=\"contact-email-error\""));
	CHECK(!has(&body, "contact-name-error"));
	refused("name=A&email=a@b&message=Hi", "Please give an email", NULL);
	refused("name=A&email=a@@example.org&message=Hi",
	        "Please give an email", NULL);
	refused("name=A&email=a+b@example.org&message=Hi",
	        "Please give an email", NULL);
	refused("name=A&email=a@example.org&message=+%0D%0A+",
	        "Please write a message", NULL);
	refused("name=A&email=a@example.org", "Please write a message", NULL);
	refused("name=A%01B&email=a@example.org&message=Hi",
	        "characters that cannot be sent", NULL);
	refused("name=A&email=a@example.org&subject=S%C2%85&message=Hi",
	        "characters that cannot be sent", NULL);
	/* Every field too long, each with its own message. */
	{
		static char big[40000];
		size_t n = (size_t)snprintf(big, sizeof(big), "name=");

		memset(big + n, 'n', 201);
		n += 201;
		n += (size_t)snprintf(big + n, sizeof(big) - n,
		                      "&email=a@example.org&subject=");
		memset(big + n, 's', 301);
		n += 301;
		n += (size_t)snprintf(big + n, sizeof(big) - n, "&message=");
		memset(big + n, 'm', 10001);
		n += 10001;
		big[n] = '\0';
		refused(big, "Please give your name (at most 200", NULL);
		CHECK(has(&body, "The subject may be at most 300"));
		CHECK(has(&body, "at most 10,000 characters"));
	}
	/* Invalid UTF-8, and a body past the request limit: refused before
	 * any handler, nothing stored. */
	open_form("/contact");
	app.test_now += 5;
	snprintf(form, sizeof(form),
	         "form_token=%s&name=%%FF%%FE&email=a@example.org&message=Hi",
	         token);
	CHECK(reader("POST", "/contact", READER, form) == 400);
	snprintf(form, sizeof(form),
	         "form_token=%s&name=A&email=a@example.org&message=%%C0%%AF",
	         token);
	CHECK(reader("POST", "/contact", READER, form) == 400);
	{
		size_t len = HTTP_MAX_FORM_BYTES + 1;
		char *huge = malloc(len + 1);
		int n = snprintf(huge, len + 1,
		                 "form_token=%s&name=A&email=a@example.org"
		                 "&message=",
		                 token);

		memset(huge + n, 'x', len - (size_t)n);
		huge[len] = '\0';
		CHECK(reader("POST", "/contact", READER, huge) == 413);
		free(huge);
	}
	CHECK(messages() == before);
	next_minute();
}

static void
test_tokens(void)
{
	long long before = messages();
	const char *fields = "name=A&email=a@example.org&message=Hi";
	char form[512];

	/* Missing and forged tokens: 403, nothing stored. */
	CHECK(reader("POST", "/contact", READER, fields) == 403);
	snprintf(form, sizeof(form),
	         "form_token=1799999990."
	         "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&%s",
	         fields);
	CHECK(reader("POST", "/contact", READER, form) == 403);
	CHECK(reader("POST", "/contact", READER, "form_token=x&name=A") == 403);
	/* A token of another form (the login's) is not this form's. */
	CHECK(reader("GET", "/admin/login", READER, NULL) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 5;
	CHECK(send_form(READER, fields) == 403);
	/* A token from another origin's page, sent with a foreign Origin. */
	open_form("/contact");
	app.test_now += 5;
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	{
		struct kv origin = {"HTTP_ORIGIN", "https://evil.example", 20};

		CHECK(driver_request("POST", "/contact", READER, &origin, 1,
		                     form) == 403);
	}
	CHECK(messages() == before);

	/* A tab left open for hours: the form again, text kept, a fresh
	 * token that works. */
	open_form("/contact");
	app.test_now += 3 * 3600;
	CHECK(send_form(READER, "name=Late&email=late@example.org&message="
	                        "Written+slowly") == 400);
	CHECK(has(&body, "This form was open for a long time"));
	CHECK(has(&body, "value=\"Late\""));
	CHECK(has(&body, ">\nWritten slowly</textarea>"));
	CHECK(messages() == before);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	app.test_now += 10;
	CHECK(send_form(READER, "name=Late&email=late@example.org&message="
	                        "Written+slowly") == 303);
	CHECK(messages() == before + 1);
	next_minute();
}

static void
test_bots(void)
{
	long long before = messages();

	/* The honeypot: the usual thank-you, filed as spam. */
	CHECK(send_message(READER,
	                   "name=Bot&email=bot@example.org&message="
	                   "Buy+now&website=http://spam.example") == 303);
	CHECK(has(&head, "Location: /contact?sent=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = 'Bot' AND "
	                "state = 'spam' AND spam_reason = 'honeypot' AND "
	                "notify = 0") == 1);
	/* Too fast: under three seconds from page to POST. */
	open_form("/contact");
	app.test_now += 2;
	CHECK(send_form(READER, "name=Quick&email=q@example.org&message=Hi") ==
	      303);
	CHECK(has(&head, "Location: /contact?sent=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = 'Quick' "
	                "AND state = 'spam' AND spam_reason = 'too fast'") ==
	      1);
	/* Exactly the minimum is a person. */
	open_form("/contact");
	app.test_now += 3;
	CHECK(send_form(READER, "name=Patient&email=p@example.org&message="
	                        "Hi") == 303);
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = "
	                "'Patient' AND state = 'new'") == 1);
	/* A bot's invalid fields are filed too, cut to size and without
	 * control characters. */
	{
		static char big[20000];
		size_t n = (size_t)snprintf(big, sizeof(big),
		                            "website=x&name=%%01Z&message=");

		memset(big + n, 'm', 12000);
		big[n + 12000] = '\0';
		CHECK(send_message(READER, big) == 303);
		CHECK(
		    query_int("SELECT count(*) FROM messages WHERE name = 'Z' "
		              "AND email = '' AND length(body) = 10000 AND "
		              "state = 'spam'") == 1);
	}
	CHECK(messages() == before + 4);
	next_minute();
}

static void
test_rate_limit(void)
{
	long long before = messages();
	const char *fields = "name=R&email=r@example.org&message=Hi";
	int i;

	/* Ten in a minute are fine; the eleventh is 429 and stores
	 * nothing. */
	for (i = 0; i < 10; i++)
		CHECK(send_message("203.0.113.9", fields) == 303);
	CHECK(messages() == before + 10);
	CHECK(send_message("203.0.113.9", fields) == 429);
	CHECK(has(&head, "Retry-After: "));
	CHECK(has(&body, "Too many requests"));
	CHECK(messages() == before + 10);
	/* The limit comes first: a forged token is still 429. */
	CHECK(reader("POST", "/contact", "203.0.113.9", fields) == 429);
	/* Another address is not held up. */
	CHECK(send_message("203.0.113.10", fields) == 303);
	/* A minute later the address may write again. */
	next_minute();
	CHECK(send_message("203.0.113.9", fields) == 303);
	CHECK(messages() == before + 12);
	next_minute();

	/* Every POST counts, refused ones too: ten without a token, then a
	 * valid one is 429. */
	for (i = 0; i < 10; i++)
		CHECK(reader("POST", "/contact", "203.0.113.11", fields) ==
		      403);
	CHECK(send_message("203.0.113.11", fields) == 429);
	CHECK(messages() == before + 12);
	next_minute();

	/* IPv6 by /64: two addresses of one subscriber share the limit. */
	for (i = 0; i < 10; i++)
		CHECK(
		    send_message(i % 2 ? "2001:db8:5:6::1" : "2001:db8:5:6::2",
		                 fields) == 303);
	CHECK(send_message("2001:db8:5:6:ffff::3", fields) == 429);
	CHECK(send_message("2001:db8:5:7::1", fields) == 303);
	CHECK(messages() == before + 23);
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

	/* On the public form, every field comes back escaped. */
	snprintf(form, sizeof(form), "name=%s&email=%s&subject=%s&message=%s",
	         script, script, script, script);
	CHECK(send_message(READER, form) == 400);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
	CHECK(
	    has(&body, ">\n&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"));
	next_minute();

	/* Filed: a valid one (the email cannot hold it) and a bot's. */
	snprintf(form, sizeof(form),
	         "name=%s&email=s@example.org&subject=%s&message=%s+**bold**+"
	         "%%3Cb%%3E",
	         script, script, script);
	CHECK(send_message(READER, form) == 303);
	id = query_int("SELECT max(id) FROM messages");
	snprintf(form, sizeof(form),
	         "name=%s&email=%s&subject=%s&message=%s&website=x", script,
	         script, script, script);
	CHECK(send_message(READER, form) == 303);
	spam = query_int("SELECT max(id) FROM messages");
	CHECK(query_int("SELECT count(*) FROM messages WHERE email = "
	                "'<script>alert(1)</script>' AND state = 'spam'") == 1);

	/* Shown as text wherever staff see it: list, detail, dashboard. */
	CHECK(request("GET", "/admin/messages", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, escaped));
	CHECK(request("GET", "/admin/messages?state=spam", moderator, NULL,
	              NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, escaped));
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, escaped));
	snprintf(uri, sizeof(uri), "/admin/messages/%lld", id);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(!has(&body, "<b>"));
	CHECK(!has(&body, "<strong>bold"));
	CHECK(has(&body, "<title>&lt;script&gt;alert(1)&lt;/script&gt; "));
	CHECK(has(&body, "&lt;script&gt;alert(1)&lt;/script&gt; **bold** "
	                 "&lt;b&gt;</div>"));
	snprintf(uri, sizeof(uri), "/admin/messages/%lld", spam);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "<dd dir=\"ltr\">&lt;script&gt;"));
	/* The export is plain text, never sniffed as HTML. */
	snprintf(uri, sizeof(uri), "/admin/messages/%lld/export", spam);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(has(&head, "Content-Type: text/plain; charset=utf-8\r\n"));
	CHECK(has(&head, "X-Content-Type-Options: nosniff\r\n"));
	CHECK(has(&body, "Email: <script>alert(1)</script>\n"));
	free(moderator);
	next_minute();
}

static void
test_roles(void)
{
	static const char *const gets[] = {
	    "/admin/messages", "/admin/messages/1", "/admin/messages/1/export"};
	char *admin = session_of("carol"), *editor = session_of("alice"),
	     *author = session_of("bob"), *moderator = session_of("dave");
	long long id;
	char uri[64];

	for (size_t i = 0; i < sizeof(gets) / sizeof(gets[0]); i++) {
		CHECK(request("GET", gets[i], NULL, NULL, NULL) == 303);
		CHECK(has(&head, "Location: /admin/login\r\n"));
		CHECK(request("GET", gets[i], author, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], moderator, NULL, NULL) == 200);
		CHECK(request("GET", gets[i], editor, NULL, NULL) == 200);
		CHECK(request("GET", gets[i], admin, NULL, NULL) == 200);
	}
	/* The menu and the dashboard show the queue to those who use it. */
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/admin/messages\">Messages</a>"));
	{
		long long n = query_int("SELECT count(*) FROM messages WHERE "
		                        "state = 'new'");
		char want[64];

		snprintf(want, sizeof(want), "<p>%lld new message%s</p>", n,
		         n == 1 ? "" : "s");
		CHECK(has(&body, want));
	}
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/messages"));

	CHECK(send_message(READER, "name=Roles&email=r@example.org&message="
	                           "Hi") == 303);
	id = query_int("SELECT max(id) FROM messages");
	snprintf(uri, sizeof(uri), "/admin/messages/%lld", id);
	/* Authors may not act; nobody may without the CSRF token. */
	CHECK(post_as(author, uri, "action=spam") == 403);
	CHECK(post_as(author, "/admin/messages", "action=spam&id=1") == 403);
	CHECK(request("POST", uri, moderator, NULL, "action=spam") == 403);
	CHECK(request("POST", uri, moderator, NULL, "action=spam&csrf=x") ==
	      403);
	CHECK(request("POST", "/admin/messages", moderator, NULL,
	              "action=delete&id=1") == 403);
	CHECK(request("POST", uri, editor, NULL, "action=delete") == 403);
	/* Without a session: the login page keeps the form. */
	CHECK(request("POST", uri, NULL, NULL, "action=spam") == 403);
	CHECK(has(&body, "name=\"form_token\""));
	CHECK(query_int("SELECT count(*) FROM messages WHERE id = 1") == 1);
	CHECK(strcmp(query_text("SELECT state FROM messages WHERE name = "
	                        "'Roles'"),
	             "new") == 0);
	/* Each role may act. */
	CHECK(post_as(moderator, uri, "action=answered") == 303);
	CHECK(post_as(editor, uri, "action=archived") == 303);
	CHECK(post_as(admin, uri, "action=read") == 303);
	CHECK(strcmp(query_text("SELECT state FROM messages WHERE name = "
	                        "'Roles'"),
	             "read") == 0);
	free(admin);
	free(editor);
	free(author);
	free(moderator);
	next_minute();
}

/* Adds a message straight to the database, received at `at`. */
static void
add_message(const char *name, const char *subject, const char *body_text,
            const char *state, long long at)
{
	char stmt[1024];

	snprintf(stmt, sizeof(stmt),
	         "INSERT INTO messages (edition_id, name, email, subject, "
	         "body, state, created_at, updated_at) VALUES (1, '%s', "
	         "'%s@example.org', '%s', '%s', '%s', %lld, %lld)",
	         name, name, subject, body_text, state, at, at);
	sql(stmt);
}

static void
test_list(void)
{
	char *moderator = session_of("dave");
	long long n_new;

	sql("DELETE FROM messages");
	add_message("percent", "100% sure", "first text", "new", T0);
	add_message("under", "under_score", "second text", "read", T0 + 1);
	add_message("plain", "Plain words", "100 percent Underscore",
	            "answered", T0 + 2);
	add_message("spammer", "Cheap", "offer", "spam", T0 + 3);
	add_message("old", "Archived one", "old text", "archived", T0 + 4);
	for (int i = 0; i < 55; i++) {
		char name[32];

		snprintf(name, sizeof(name), "bulk%d", i);
		add_message(name, "Bulk", "bulk text", "new", T0 + 10 + i);
	}
	n_new = query_int("SELECT count(*) FROM messages WHERE state = 'new'");
	CHECK(n_new == 56);

	/* New first, newest first, 50 a page; a tab per state with its
	 * count, "All" first. */
	CHECK(request("GET", "/admin/messages", moderator, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/admin/messages?state=all\">All <span "
	                 "class=\"count\">60</span></a>"));
	CHECK(has(&body, "<a href=\"/admin/messages?state=new\" "
	                 "aria-current=\"page\">New <span "
	                 "class=\"count\">56</span></a>"));
	CHECK(has(&body, "Read <span class=\"count\">1</span>"));
	CHECK(has(&body, "Answered <span class=\"count\">1</span>"));
	CHECK(has(&body, "Spam <span class=\"count\">1</span>"));
	CHECK(has(&body, "Archived <span class=\"count\">1</span>"));
	CHECK(has(&body, "bulk54"));
	CHECK(!has(&body, ">percent<"));
	CHECK(has(&body, "href=\"/admin/messages?state=new&amp;page=2\""));
	CHECK(has(&body, "data-key=\"a\""));
	CHECK(has(&body, "<script src=\"/js/queue.js\" defer></script>"));
	CHECK(request("GET", "/admin/messages?state=new&page=2", moderator,
	              NULL, NULL) == 200);
	CHECK(has(&body, ">percent<"));
	CHECK(!has(&body, "bulk54"));
	CHECK(request("GET", "/admin/messages?state=spam", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">spammer<"));
	CHECK(!has(&body, ">percent<"));
	CHECK(request("GET", "/admin/messages?state=all&page=2", moderator,
	              NULL, NULL) == 200);
	CHECK(has(&body, ">old<"));

	/* Search: % and _ are ordinary characters; no case; any field. */
	CHECK(request("GET", "/admin/messages?state=all&q=%25", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">percent<"));
	CHECK(!has(&body, ">under<"));
	CHECK(!has(&body, ">plain<"));
	CHECK(has(&body, "value=\"%\""));
	CHECK(request("GET", "/admin/messages?state=all&q=_", moderator, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">under<"));
	CHECK(!has(&body, ">percent<"));
	CHECK(!has(&body, ">plain<"));
	CHECK(request("GET", "/admin/messages?state=all&q=UNDERSCORE",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, ">plain<"));
	CHECK(!has(&body, ">under<"));
	CHECK(request("GET", "/admin/messages?state=all&q=spammer%40example",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, ">spammer<"));
	CHECK(!has(&body, ">bulk1<"));
	CHECK(request("GET", "/admin/messages?state=all&q=nothing+like+it",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, "No messages here."));

	/* Bad views. */
	CHECK(request("GET", "/admin/messages?state=trash", moderator, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/messages?page=0", moderator, NULL, NULL) ==
	      400);
	CHECK(request("GET", "/admin/messages?page=x", moderator, NULL, NULL) ==
	      400);
	{
		char uri[400] = "/admin/messages?q=";

		memset(uri + strlen(uri), 'q', 201);
		CHECK(request("GET", uri, moderator, NULL, NULL) == 400);
	}
	free(moderator);
}

/* Copies the value of attribute attr of the first element after needle
 * on the last page. */
static const char *
attr_after(const char *needle, const char *attr)
{
	static char out[512];
	char pat[64];
	const char *p = body.data ? strstr(body.data, needle) : NULL;

	out[0] = '\0';
	snprintf(pat, sizeof(pat), "%s=\"", attr);
	if (p != NULL && (p = strstr(p, pat)) != NULL) {
		p += strlen(pat);
		snprintf(out, sizeof(out), "%.*s", (int)strcspn(p, "\""), p);
	}
	return out;
}

static void
test_bulk(void)
{
	char *moderator = session_of("dave");
	long long a = query_int("SELECT id FROM messages WHERE name = 'bulk1'");
	long long b = query_int("SELECT id FROM messages WHERE name = 'bulk2'");
	long long c = query_int("SELECT id FROM messages WHERE name = 'bulk3'");
	long long audits =
	    query_int("SELECT count(*) FROM audit_log WHERE action LIKE "
	              "'message%'");
	char form[256], detail[64];

	/* The form posts to the view it shows, and comes back to it. */
	CHECK(request("GET", "/admin/messages?state=new&page=2", moderator,
	              NULL, NULL) == 200);
	CHECK(strcmp(attr_after("<form class=\"queue\"", "action"),
	             "/admin/messages?state=new&amp;page=2") == 0);
	snprintf(form, sizeof(form), "action=spam&id=%lld&id=%lld&id=%lld", a,
	         b, c);
	CHECK(post_as(moderator, "/admin/messages?state=new&page=2", form) ==
	      303);
	CHECK(has(&head,
	          "Location: /admin/messages?state=new&page=2&done=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM messages WHERE state = 'spam' "
	                "AND name IN ('bulk1', 'bulk2', 'bulk3')") == 3);
	snprintf(detail, sizeof(detail), "#%lld, #%lld, #%lld", a, b, c);
	CHECK(strcmp(query_text("SELECT detail FROM audit_log WHERE action = "
	                        "'messages marked spam'"),
	             detail) == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE user_name = "
	                "'dave' AND action = 'messages marked spam'") == 1);
	CHECK(request("GET", "/admin/messages?state=new&page=2&done=1",
	              moderator, NULL, NULL) == 200);
	CHECK(has(&body, "Done."));

	/* Archive one, delete two. */
	snprintf(form, sizeof(form), "action=archived&id=%lld", a);
	CHECK(post_as(moderator, "/admin/messages?state=spam", form) == 303);
	CHECK(strcmp(query_text("SELECT state FROM messages WHERE name = "
	                        "'bulk1'"),
	             "archived") == 0);
	snprintf(form, sizeof(form), "action=delete&id=%lld&id=%lld", b, c);
	CHECK(post_as(moderator, "/admin/messages?state=spam", form) == 303);
	CHECK(query_int("SELECT count(*) FROM messages WHERE name IN "
	                "('bulk2', 'bulk3')") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'messages deleted'") == 1);

	/* Refused: nothing ticked, an unknown action, a bad id, too many;
	 * the list again with a message, nothing changed. */
	CHECK(post_as(moderator, "/admin/messages?state=new", "action=spam") ==
	      400);
	CHECK(has(&body, "Tick at least one message"));
	CHECK(has(&body, "<h1>Messages</h1>"));
	snprintf(form, sizeof(form), "action=publish&id=%lld", a);
	CHECK(post_as(moderator, "/admin/messages", form) == 400);
	CHECK(post_as(moderator, "/admin/messages", "action=spam&id=x") == 400);
	CHECK(post_as(moderator, "/admin/messages", "action=spam&id=-3") ==
	      400);
	CHECK(post_as(moderator, "/admin/messages?state=bogus",
	              "action=spam&id=3") == 400);
	{
		char many[2048] = "action=spam";

		for (int i = 0; i < QUEUE_IDS_MAX + 1; i++)
			snprintf(many + strlen(many),
			         sizeof(many) - strlen(many), "&id=%d", i + 1);
		CHECK(post_as(moderator, "/admin/messages", many) == 400);
	}
	CHECK(strcmp(query_text("SELECT state FROM messages WHERE name = "
	                        "'bulk1'"),
	             "archived") == 0);
	/* Ids that do not exist change nothing and are not audited. */
	CHECK(post_as(moderator, "/admin/messages", "action=spam&id=999999") ==
	      303);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE detail = "
	                "'#999999'") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action LIKE "
	                "'message%'") == audits + 3);
	free(moderator);
}

static void
test_detail(void)
{
	char *moderator = session_of("dave");
	char uri[96];
	long long id;

	CHECK(send_message(READER,
	                   "name=Detail&email=d@example.org&subject="
	                   "Hello+there&message=First+line%0ASecond") == 303);
	id = query_int("SELECT max(id) FROM messages");
	snprintf(uri, sizeof(uri), "/admin/messages/%lld", id);
	/* Opening it marks it read, once, in the audit log. */
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(has(&body, "<h1 dir=\"auto\">Hello there</h1>"));
	CHECK(has(&body, "First line\nSecond</div>"));
	CHECK(has(&body, "href=\"mailto:d@example.org?subject=Re%3A%20Hello%20"
	                 "there\""));
	CHECK(has(&body, "<dd id=\"message-state\">Read</dd>"));
	CHECK(has(&body, "aria-keyshortcuts=\"a\""));
	CHECK(strcmp(query_text("SELECT state FROM messages WHERE name = "
	                        "'Detail'"),
	             "read") == 0);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'message read' AND detail = (SELECT '#' || max(id) "
	                "FROM messages)") == 1);

	/* Answered, from its page. */
	snprintf(uri, sizeof(uri), "/admin/messages/%lld", id);
	CHECK(post_as(moderator, uri, "action=answered") == 303);
	{
		char loc[128];

		snprintf(loc, sizeof(loc),
		         "Location: /admin/messages/%lld?done=1\r\n", id);
		CHECK(has(&head, loc));
	}
	CHECK(strcmp(query_text("SELECT state FROM messages WHERE name = "
	                        "'Detail'"),
	             "answered") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'message marked answered' AND user_name = 'dave' AND "
	                "detail = (SELECT '#' || max(id) FROM messages)") == 1);
	CHECK(post_as(moderator, uri, "action=bogus") == 400);
	CHECK(post_as(moderator, "/admin/messages/999999", "action=spam") ==
	      404);

	/* Export: a text file to keep, audited, nothing changed. */
	snprintf(uri, sizeof(uri), "/admin/messages/%lld/export", id);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 200);
	{
		char disposition[128];

		snprintf(disposition, sizeof(disposition),
		         "Content-Disposition: attachment; "
		         "filename=\"message-%lld.txt\"\r\n",
		         id);
		CHECK(has(&head, disposition));
	}
	CHECK(has(&head, "Content-Type: text/plain; charset=utf-8\r\n"));
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(has(&body, "From: Detail\nEmail: d@example.org\nSubject: Hello "
	                 "there\nReceived: 2027-01-15 "));
	CHECK(has(&body, "\nState: answered\n\nFirst line\nSecond\n"));
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'message exported' AND detail = (SELECT '#' || "
	                "max(id) FROM messages)") == 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE detail LIKE "
	                "'%First line%' OR detail LIKE '%Hello there%'") == 0);
	CHECK(request("GET", "/admin/messages/999999/export", moderator, NULL,
	              NULL) == 404);

	/* Deleted: gone, and the list says so. */
	snprintf(uri, sizeof(uri), "/admin/messages/%lld", id);
	CHECK(post_as(moderator, uri, "action=delete") == 303);
	CHECK(has(&head, "Location: /admin/messages?done=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = "
	                "'Detail'") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'message deleted'") == 1);
	CHECK(request("GET", uri, moderator, NULL, NULL) == 404);
	CHECK(post_as(moderator, uri, "action=delete") == 404);
	free(moderator);
	next_minute();
}

/* Writes a fake sendmail at path: it records its argv (one per line)
 * and its standard input in dir, then exits with status. */
static void
fake_sendmail(const char *path, const char *dir, const char *tail)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	fprintf(f,
	        "#!/bin/sh\n"
	        ": > '%s/argv'\n"
	        "for a in \"$0\" \"$@\"; do printf '%%s\\n' \"$a\" >> "
	        "'%s/argv'; done\n"
	        "cat > '%s/stdin'\n"
	        "%s\n",
	        dir, dir, dir, tail);
	fclose(f);
	CHECK(chmod(path, 0700) == 0);
}

/* Returns whether path exists. */
static bool
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void
test_sendmail(void)
{
	char script[256], argv_path[256], stdin_path[256], pwned[256];
	char form[1024], want[512];
	char *recorded;
	struct timer t;
	long long now = app.test_now;

	snprintf(script, sizeof(script), "%s/sendmail", driver_dir);
	snprintf(argv_path, sizeof(argv_path), "%s/argv", driver_dir);
	snprintf(stdin_path, sizeof(stdin_path), "%s/stdin", driver_dir);
	snprintf(pwned, sizeof(pwned), "%s/pwned", driver_dir);
	fake_sendmail(script, driver_dir, "exit 0");
	sql("UPDATE settings SET value = 'mods@example.org' WHERE key = "
	    "'moderators_email'");
	sql("UPDATE messages SET notify = 0");

	/* Without --sendmail nothing is marked; with it, a new message is,
	 * a bot's is not. */
	app.notify_messages = true;
	snprintf(form, sizeof(form),
	         "name=N%%24(touch+%s)&email=n@example.org&subject=%%3B+rm+-rf"
	         "+%%2F+%%24(touch+%s)+%%60touch+%s%%60&message="
	         "SECRET-BODY-TEXT",
	         pwned, pwned, pwned);
	CHECK(send_message(READER, form) == 303);
	CHECK(send_message(READER, "name=B&email=b@example.org&message=x"
	                           "&website=x") == 303);
	app.notify_messages = false;
	CHECK(query_int("SELECT count(*) FROM messages WHERE notify = 1") == 1);

	/* The timer sends one notice, argv fixed, nothing of the message. */
	CHECK(timer_open(&t, getenv("TEST_DB"), script) == 0);
	timer_tick(&t, now);
	CHECK(t.notice_pid > 0);
	timer_close(&t);
	CHECK(query_int("SELECT count(*) FROM messages WHERE notify = 1") == 0);
	recorded = test_read_file(argv_path, NULL);
	snprintf(want, sizeof(want), "%s\n-t\n-i\n", script);
	CHECK(recorded != NULL && strcmp(recorded, want) == 0);
	free(recorded);
	recorded = test_read_file(stdin_path, NULL);
	CHECK(recorded != NULL);
	if (recorded != NULL) {
		CHECK(strncmp(recorded, "To: mods@example.org\n", 21) == 0);
		CHECK(strstr(recorded, "Subject: New messages waiting (1)\n") !=
		      NULL);
		CHECK(strstr(recorded, "1 new message came through") != NULL);
		CHECK(strstr(recorded,
		             "http://127.0.0.1:8080/admin/messages\n") != NULL);
		CHECK(strstr(recorded, "SECRET-BODY-TEXT") == NULL);
		CHECK(strstr(recorded, "rm -rf") == NULL);
		CHECK(strstr(recorded, "touch") == NULL);
		CHECK(strstr(recorded, "n@example.org") == NULL);
	}
	free(recorded);
	CHECK(!exists(pwned));

	/* At most one notice a minute: the next waits, then covers all. */
	unlink(argv_path);
	CHECK(timer_open(&t, getenv("TEST_DB"), script) == 0);
	t.notice_last = now;
	t.ticks = 1;
	sql("UPDATE messages SET notify = 1 WHERE id IN (SELECT id FROM "
	    "messages WHERE state = 'new' LIMIT 2)");
	timer_tick(&t, now + 30);
	CHECK(t.notice_pid == 0);
	CHECK(!exists(argv_path));
	timer_tick(&t, now + 60);
	CHECK(t.notice_pid > 0);
	timer_close(&t);
	recorded = test_read_file(stdin_path, NULL);
	CHECK(recorded != NULL &&
	      strstr(recorded, "2 new messages came through") != NULL);
	free(recorded);

	/* No address to send to: nothing run, the marks cleared. */
	unlink(argv_path);
	sql("UPDATE settings SET value = '' WHERE key = 'moderators_email'");
	sql("UPDATE messages SET notify = 1 WHERE id = (SELECT max(id) FROM "
	    "messages)");
	CHECK(timer_open(&t, getenv("TEST_DB"), script) == 0);
	timer_tick(&t, now);
	CHECK(t.notice_pid == 0);
	timer_close(&t);
	CHECK(!exists(argv_path));
	CHECK(query_int("SELECT count(*) FROM messages WHERE notify = 1") == 0);
	sql("UPDATE settings SET value = 'mods@example.org' WHERE key = "
	    "'moderators_email'");

	/* A program that hangs is killed after 30 s of the timer's clock;
	 * one that fails is reaped; one that cannot run is reaped too. */
	fake_sendmail(script, driver_dir, "exec sleep 60");
	sql("UPDATE messages SET notify = 1 WHERE id = (SELECT max(id) FROM "
	    "messages)");
	CHECK(timer_open(&t, getenv("TEST_DB"), script) == 0);
	timer_tick(&t, now);
	CHECK(t.notice_pid > 0);
	timer_tick(&t, now + 10);
	CHECK(t.notice_pid > 0);
	timer_tick(&t, now + 31);
	CHECK(t.notice_pid == 0);
	timer_close(&t);
	fake_sendmail(script, driver_dir, "exit 3");
	sql("UPDATE messages SET notify = 1 WHERE id = (SELECT max(id) FROM "
	    "messages)");
	CHECK(timer_open(&t, getenv("TEST_DB"), script) == 0);
	timer_tick(&t, now);
	CHECK(t.notice_pid > 0);
	for (int i = 1; i < 500 && t.notice_pid > 0; i++) {
		nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
		timer_tick(&t, now + i % 20);
	}
	CHECK(t.notice_pid == 0);
	timer_close(&t);
	CHECK(query_int("SELECT count(*) FROM messages WHERE notify = 1") == 0);
	{
		pid_t pid;
		bool ok = true;
		int rc;

		/* It may die before the notice is written (then -1). */
		pid = sendmail_start("/nonexistent/sendmail", "x", 1);
		if (pid > 0) {
			while ((rc = sendmail_poll(pid, &ok)) == 1)
				nanosleep(&(struct timespec){0, 5000000}, NULL);
			CHECK(rc == 0 && !ok);
		}
		CHECK(sendmail_start("/bin/true", "x",
		                     SENDMAIL_MESSAGE_MAX + 1) == -1);
	}

	/* serve checks --sendmail before it starts. */
	{
		char dir_arg[] = "/tmp", rel[] = "sendmail", plain[256];
		char db_arg[256], sock[256];
		char *args[8];
		FILE *f;

		snprintf(plain, sizeof(plain), "%s/plain", driver_dir);
		f = fopen(plain, "w");
		CHECK(f != NULL);
		if (f != NULL)
			fclose(f);
		snprintf(db_arg, sizeof(db_arg), "%s", getenv("TEST_DB"));
		snprintf(sock, sizeof(sock), "%s/never.sock", driver_dir);
		args[0] = "--db";
		args[1] = db_arg;
		args[2] = "--socket";
		args[3] = sock;
		args[4] = "--sendmail";
		args[6] = NULL;
		args[5] = rel;
		CHECK(cmd_serve(6, args) == 2);
		args[5] = dir_arg;
		CHECK(cmd_serve(6, args) == 2);
		args[5] = plain;
		CHECK(cmd_serve(6, args) == 2);
		args[5] = pwned;
		CHECK(cmd_serve(6, args) == 2);
		CHECK(!exists(sock));
		CHECK(sendmail_path_ok(script, NULL, 0));
	}
}

static void
test_timer(void)
{
	struct timer t;
	long long now = app.test_now, day = now / 86400;
	long long h1, h2;
	char stmt[256];

	/* Retention: 365 days by default, then the setting. */
	sql("DELETE FROM messages");
	add_message("ancient", "Old", "x", "archived", now - 400 * 86400LL);
	add_message("year", "Old", "x", "read", now - 364 * 86400LL);
	add_message("recent", "New", "x", "new", now - 10 * 86400LL);
	CHECK(timer_open(&t, getenv("TEST_DB"), NULL) == 0);
	timer_tick(&t, now);
	CHECK(query_int("SELECT count(*) FROM messages") == 2);
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = "
	                "'ancient'") == 0);
	/* Only the minute's tick purges. */
	sql("UPDATE settings SET value = '30' WHERE key = "
	    "'messages_retention_days'");
	timer_tick(&t, now + 1);
	CHECK(query_int("SELECT count(*) FROM messages") == 2);
	t.ticks = 60;
	timer_tick(&t, now + 2);
	CHECK(query_int("SELECT count(*) FROM messages") == 1);
	CHECK(query_int("SELECT count(*) FROM messages WHERE name = "
	                "'recent'") == 1);
	timer_close(&t);
	sql("UPDATE settings SET value = '365' WHERE key = "
	    "'messages_retention_days'");

	/* One key a day: the same address hashes alike within a day, not
	 * across days, and a day's key goes once the day is over. */
	sql("DELETE FROM messages");
	CHECK(send_message("192.0.2.44", "name=H1&email=h@example.org"
	                                 "&message=x") == 303);
	next_minute();
	CHECK(send_message("192.0.2.44", "name=H2&email=h@example.org"
	                                 "&message=x") == 303);
	CHECK(query_int("SELECT count(DISTINCT ip_hash) FROM messages") == 1);
	snprintf(stmt, sizeof(stmt),
	         "SELECT count(*) FROM address_keys WHERE day = %lld", day);
	CHECK(query_int(stmt) == 1);
	h1 = query_int("SELECT count(*) FROM address_keys");
	app.test_now += 86400;
	CHECK(send_message("192.0.2.44", "name=H3&email=h@example.org"
	                                 "&message=x") == 303);
	CHECK(query_int("SELECT count(DISTINCT ip_hash) FROM messages") == 2);
	h2 = query_int("SELECT count(*) FROM address_keys");
	CHECK(h2 == h1 + 1);
	CHECK(timer_open(&t, getenv("TEST_DB"), NULL) == 0);
	timer_tick(&t, app.test_now);
	timer_close(&t);
	CHECK(query_int(stmt) == 0);
	CHECK(query_int("SELECT count(*) FROM address_keys") == 1);
	next_minute();
}

static void
test_settings(void)
{
	char *admin = session_of("carol"), *moderator = session_of("dave");
	const char *base = "site_name=Homeward+Watch&base_url=http://"
	                   "127.0.0.1:8080&timezone=UTC&posts_per_page=10";
	char form[512];

	CHECK(request("GET", "/admin/settings", moderator, NULL, NULL) == 403);
	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"moderators_email\""));
	CHECK(has(&body, "name=\"messages_retention_days\" type=\"text\" "
	                 "inputmode=\"numeric\" value=\"365\""));
	/* Refused, nothing saved. */
	snprintf(form, sizeof(form),
	         "%s&moderators_email=a%%0D%%0ABcc:+x@"
	         "example.org",
	         base);
	CHECK(post_as(admin, "/admin/settings", form) == 400);
	snprintf(form, sizeof(form), "%s&messages_retention_days=0", base);
	CHECK(post_as(admin, "/admin/settings", form) == 400);
	snprintf(form, sizeof(form), "%s&contact_rate_per_minute=-1", base);
	CHECK(post_as(admin, "/admin/settings", form) == 400);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'messages_retention_days'"),
	             "365") == 0);
	/* Saved; a form without these fields keeps them. */
	snprintf(form, sizeof(form),
	         "%s&moderators_email=mods@example.org"
	         "&messages_retention_days=90&contact_rate_per_minute=5",
	         base);
	CHECK(post_as(admin, "/admin/settings", form) == 303);
	CHECK(post_as(admin, "/admin/settings", base) == 303);
	CHECK(strcmp(query_text("SELECT group_concat(value, ' ') FROM (SELECT "
	                        "value FROM settings WHERE key IN "
	                        "('moderators_email', "
	                        "'messages_retention_days', "
	                        "'contact_rate_per_minute') ORDER BY key)"),
	             "5 90 mods@example.org") == 0);
	/* The new limit holds at once. */
	for (int i = 0; i < 5; i++)
		CHECK(send_message("192.0.2.80", "name=L&email=l@example.org"
		                                 "&message=x") == 303);
	CHECK(send_message("192.0.2.80", "name=L&email=l@example.org"
	                                 "&message=x") == 429);
	sql("UPDATE settings SET value = '10' WHERE key = "
	    "'contact_rate_per_minute'");
	sql("UPDATE settings SET value = '365' WHERE key = "
	    "'messages_retention_days'");
	free(admin);
	free(moderator);
	next_minute();
}

int
main(void)
{
	staff_start();
	/* The tests' clock, for tokens, the rate limit and the day's key. */
	app.test_now = T0;
	CHECK(strcmp(message_states[MESSAGE_STATES__MAX - 1], "archived") == 0);
	for (int i = 0; i < MESSAGE_STATES__MAX; i++)
		CHECK(message_states[i] != NULL &&
		      message_state_parse(message_states[i]) == i);

	test_form_page();
	test_valid();
	test_invalid();
	test_tokens();
	test_bots();
	test_rate_limit();
	test_escaping();
	test_roles();
	test_list();
	test_bulk();
	test_detail();
	test_settings();
	test_sendmail();
	test_timer();

	driver_stop();
	TEST_DONE();
}
