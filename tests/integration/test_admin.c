/*
 * test_admin.c: signing in and out through the real request path: the
 * router's role, CSRF and form-token checks, session cookies (flags,
 * replay, logout), throttling, and that readers never get a cookie.
 */
#include <time.h>

#include "db/edit_db.h"
#include "driver.h"
#include "staff.h"

static void
test_no_session(void)
{
	CHECK(request("GET", "/admin", NULL, NULL, NULL) == 303);
	CHECK(has(&head, "Location: /admin/login\r\n"));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(has(&body, "name=\"form_token\""));
	/* No token, a forged token, a foreign Origin: refused. */
	CHECK(request("POST", "/admin/login", NULL, NULL,
	              "name=alice&password=" PASSWORD) == 403);
	CHECK(request("POST", "/admin/login", NULL, NULL,
	              "form_token=1.AAAA&name=alice&password=" PASSWORD) ==
	      403);
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	{
		char form[512];

		snprintf(form, sizeof(form),
		         "form_token=%s&name=alice&password=" PASSWORD,
		         field("form_token"));
		CHECK(request("POST", "/admin/login", NULL,
		              "https://evil.example", form) == 403);
		CHECK(!has(&head, "Set-Cookie"));
	}
	/* A staff form without a session: the login page, nothing done. */
	CHECK(request("POST", "/admin/logout", NULL, NULL, "csrf=x") == 403);
	CHECK(has(&body, "name=\"form_token\""));
	CHECK(!has(&head, "Set-Cookie"));
}

static void
test_login_logout(void)
{
	char session[256], form[512];

	CHECK(login("alice", "wrong%20password%20here") == 403);
	CHECK(has(&body, "do not match"));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(login("nobody", "wrong%20password%20here") == 403);
	CHECK(has(&body, "do not match"));
	CHECK(!has(&head, "Set-Cookie"));

	CHECK(login("alice", PASSWORD) == 303);
	CHECK(has(&head, "Location: /admin\r\n"));
	CHECK(
	    has(&head, "; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax\r\n"));
	CHECK(strncmp(cookie, "gazette_session=", 16) == 0);
	CHECK(strlen(cookie) == 16 + 43);
	snprintf(session, sizeof(session), "%s", cookie);
	/* Only the hash is stored. */
	CHECK(query_int("SELECT count(*) FROM sessions") == 1);
	CHECK(query_int("SELECT count(*) FROM sessions WHERE length(id_hash) = "
	                "32") == 1);
	CHECK(query_int(
	          "SELECT count(*) FROM audit_log WHERE action = 'login'") ==
	      1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'login failed'") == 2);

	CHECK(request("GET", "/admin", session, NULL, NULL) == 200);
	CHECK(has(&body, "Signed in as Alice"));
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(request("GET", "/admin/login", session, NULL, NULL) == 303);

	/* Readers never get a cookie, signed in or not. */
	CHECK(request("GET", "/", session, NULL, NULL) == 200);
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(request("GET", "/about", NULL, NULL, NULL) == 200);
	CHECK(!has(&head, "Set-Cookie"));

	/* Logout: without or with a wrong CSRF token nothing happens. */
	CHECK(request("POST", "/admin/logout", session, NULL, NULL) == 403);
	CHECK(request("POST", "/admin/logout", session, NULL,
	              "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") ==
	      403);
	CHECK(query_int("SELECT count(*) FROM sessions") == 1);
	CHECK(request("GET", "/admin", session, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "csrf=%s", field("csrf"));
	CHECK(strlen(form) > 10);
	CHECK(request("POST", "/admin/logout", session, NULL, form) == 303);
	CHECK(has(&head, "Max-Age=0"));
	CHECK(query_int("SELECT count(*) FROM sessions") == 0);
	/* The cookie after logout, and invented ones, are worth nothing. */
	CHECK(request("GET", "/admin", session, NULL, NULL) == 303);
	CHECK(request("GET", "/admin", "gazette_session=invented", NULL,
	              NULL) == 303);
	CHECK(request(
	          "GET", "/admin",
	          "gazette_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	          NULL, NULL) == 303);

	/* A second login gets a new session id. */
	CHECK(login("ALICE", PASSWORD) == 303);
	CHECK(strcmp(cookie, session) != 0);
	/* A disabled account's session ends at once. */
	snprintf(session, sizeof(session), "%s", cookie);
	sql("UPDATE users SET disabled = 1 WHERE name = 'alice'");
	CHECK(request("GET", "/admin", session, NULL, NULL) == 303);
	CHECK(login("alice", PASSWORD) == 403);
	sql("UPDATE users SET disabled = 0 WHERE name = 'alice'");
}

static void
test_bad_input(void)
{
	struct buf form;

	/* A password past the bound is a 400 before argon2 runs. */
	buf_init(&form);
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	buf_printf(&form,
	           "form_token=%s&name=alice&password=", field("form_token"));
	for (int i = 0; i < 600; i++)
		buf_putc(&form, 'x');
	CHECK(request("POST", "/admin/login", NULL, NULL, form.data) == 400);
	buf_free(&form);
	CHECK(login("", "x") == 400);
	/* A stored hash with hostile parameters is refused, not run. */
	sql("UPDATE users SET password_hash = "
	    "'$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
	    "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g' WHERE name = 'bob'");
	CHECK(login("bob", PASSWORD) == 403);
}

static long long
last_article_id(void)
{
	return query_int("SELECT max(id) FROM articles");
}

static void
test_articles(void)
{
	char *editor = session_of("alice"), *author = session_of("erin");
	char *moderator = session_of("dave"), uri[64];
	long long id, articles = query_int("SELECT count(*) FROM articles");

	/* Moderators do not see articles; nobody writes without a token. */
	CHECK(request("GET", "/admin/articles", moderator, NULL, NULL) == 403);
	CHECK(request("POST", "/admin/articles/new", author, NULL,
	              "title=No+token&state=draft") == 403);
	CHECK(query_int("SELECT count(*) FROM articles") == articles);

	/* An author writes and submits; publishing is not theirs. */
	CHECK(request("GET", "/admin/articles/new", author, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"body\""));
	CHECK(!has(&body, "value=\"published\""));
	CHECK(post_as(author, "/admin/articles/new",
	              "title=Field+notes+%26+%22quotes%22&body=Hello+*world*"
	              "&state=published&tags=Alpha,+Beta") == 400);
	CHECK(has(&body, "may not put an article"));
	CHECK(has(&body, "Hello *world*")); /* the text is kept */
	CHECK(query_int("SELECT count(*) FROM articles") == articles);
	CHECK(post_as(author, "/admin/articles/new",
	              "title=Field+notes+%26+%22quotes%22&body=Hello+*world*"
	              "&state=pending&tags=Alpha,+Beta&action=save") == 303);
	id = last_article_id();
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	CHECK(query_int(
	          "SELECT count(*) FROM articles a JOIN users u ON "
	          "u.id = a.author_id WHERE u.name = 'erin' AND "
	          "a.state = 'pending' AND a.slug = 'field-notes-quotes'") ==
	      1);
	CHECK(query_int("SELECT count(*) FROM revisions") >= 1);
	CHECK(query_int("SELECT count(*) FROM tags WHERE slug IN ('alpha', "
	                "'beta')") == 2);
	CHECK(request("GET", "/articles/field-notes-quotes", NULL, NULL,
	              NULL) == 404);
	/* The dashboards list it as waiting for review. */
	CHECK(request("GET", "/admin", editor, NULL, NULL) == 200);
	CHECK(has(&body, ">Field notes &amp; &quot;quotes&quot;</a>"));
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	CHECK(has(&body, ">Field notes &amp; &quot;quotes&quot;</a>"));
	CHECK(!has(&body, "Draft notes for the annual report"));
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "Field notes"));

	/* Preview renders and saves nothing. */
	CHECK(post_as(author, uri,
	              "title=Field+notes&body=%23%23+Heading&state=pending"
	              "&version=1&action=preview") == 200);
	CHECK(has(&body, "<h2>Heading</h2>"));
	CHECK(query_int("SELECT version FROM articles WHERE slug = "
	                "'field-notes-quotes'") == 1);

	/* Others' articles are not an author's to edit. */
	CHECK(request("GET", "/admin/articles/1", author, NULL, NULL) == 403);
	CHECK(post_as(author, "/admin/articles/1",
	              "title=Mine&state=draft&version=1") == 403);

	/* An editor publishes it. */
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"published\""));
	CHECK(post_as(editor, uri,
	              "title=Field+notes+%26+%22quotes%22&body=Hello+*world*"
	              "&slug=field-notes-quotes&state=published&version=1"
	              "&tags=Alpha") == 303);
	CHECK(has(&head, "?saved=1\r\n"));
	{
		char saved[96];

		snprintf(saved, sizeof(saved), "%s?saved=1", uri);
		CHECK(request("GET", saved, editor, NULL, NULL) == 200);
		CHECK(has(&body, "role=\"status\">Saved.</p>"));
	}
	CHECK(request("GET", "/articles/field-notes-quotes", NULL, NULL,
	              NULL) == 200);
	CHECK(has(&body, "<em>world</em>"));
	CHECK(request("GET", "/tag/alpha", NULL, NULL, NULL) == 200);
	/* The worker that saved shows it at once too (its own commit). */
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Field notes &amp; &quot;quotes&quot;"));
	CHECK(
	    has(&body,
	        "<li><a href=\"/articles/field-notes-quotes\" dir=\"auto\">"));
	/* Now out, it is no longer the author's to change. */
	CHECK(request("GET", uri, author, NULL, NULL) == 403);

	/* Two editors from version 2: the second save is refused. */
	CHECK(post_as(editor, uri,
	              "title=First+save&body=One&slug=field-notes-quotes"
	              "&state=published&version=2") == 303);
	CHECK(post_as(editor, uri,
	              "title=Second+save&body=Two&slug=field-notes-quotes"
	              "&state=published&version=2") == 409);
	CHECK(has(&body, "Someone else saved"));
	CHECK(has(&body, ">Two</textarea>")); /* theirs kept in the form */
	CHECK(has(&body, ">One</pre>"));      /* and the current text */
	CHECK(query_int(
	          "SELECT count(*) FROM articles WHERE title = 'First save'") ==
	      1);

	/* A new slug; the old address answers 301. */
	CHECK(post_as(editor, uri,
	              "title=First+save&body=One&slug=renamed-notes"
	              "&state=published&version=3") == 303);
	CHECK(request("GET", "/articles/field-notes-quotes", NULL, NULL,
	              NULL) == 301);
	CHECK(has(&head, "Location: /articles/renamed-notes\r\n"));

	/* Bad input: the form again with a message, nothing changed. */
	CHECK(post_as(editor, uri, "title=&body=x&state=draft&version=4") ==
	      400);
	CHECK(post_as(editor, uri,
	              "title=X&slug=Not+A+Slug&state=draft&version=4") == 400);
	CHECK(post_as(editor, uri,
	              "title=X&category=99999&state=draft&version=4") == 400);
	CHECK(post_as(editor, uri, "title=X&state=nonsense&version=4") == 400);
	CHECK(
	    post_as(editor, uri,
	            "title=X&state=scheduled&publish_at=tomorrow&version=4") ==
	    400);
	CHECK(post_as(editor, uri,
	              "title=X&featured=/uploads/none.jpg&state=draft"
	              "&version=4") == 400);
	/* A day the calendar has not (not March 2), an edition that is not
	 * there, and fields too long, each with its own message. */
	CHECK(post_as(editor, uri,
	              "title=X&state=scheduled&publish_at=2030-02-30T10:00"
	              "&version=4") == 400);
	CHECK(has(&body, "Give the date and time to publish at."));
	CHECK(post_as(editor, uri,
	              "title=X&state=scheduled&publish_at=2030-04-31T10:00"
	              "&version=4") == 400);
	CHECK(post_as(editor, uri,
	              "title=X&edition=zz&state=draft&version=4") == 400);
	CHECK(has(&body, "Choose one of the editions."));
	CHECK(post_as(editor, uri,
	              "title=X&edition=99&state=draft&version=4") == 400);
	{
		static char form[4096];
		size_t n = (size_t)snprintf(form, sizeof(form), "title=");

		memset(form + n, 't', 400);
		snprintf(form + n + 400, sizeof(form) - n - 400,
		         "&state=draft&version=4");
		CHECK(post_as(editor, uri, form) == 400);
		CHECK(has(&body, "A text is too long."));
		CHECK(!has(&body, "A title is needed."));
	}
	CHECK(query_int("SELECT version FROM articles WHERE slug = "
	                "'renamed-notes'") == 4);
	/* A slug another article has. */
	CHECK(post_as(editor, uri,
	              "title=X&slug=welcome-to-the-new-site&state=draft"
	              "&version=4") == 400);
	CHECK(has(&body, "has that slug"));

	/* Scheduling: in the future it waits; in the past it is out. */
	CHECK(post_as(editor, uri,
	              "title=Later&slug=renamed-notes&state=scheduled"
	              "&publish_at=2099-01-01T10:00&version=4") == 303);
	CHECK(query_int("SELECT count(*) FROM articles WHERE slug = "
	                "'renamed-notes' AND state = 'scheduled'") == 1);
	CHECK(request("GET", "/articles/renamed-notes", NULL, NULL, NULL) ==
	      404);
	CHECK(post_as(editor, uri,
	              "title=Earlier&slug=renamed-notes&state=scheduled"
	              "&publish_at=2020-01-01T10:00&version=5") == 303);
	CHECK(request("GET", "/articles/renamed-notes", NULL, NULL, NULL) ==
	      200);

	/* The list, filtered. */
	CHECK(request("GET", "/admin/articles?state=published&q=earlier",
	              editor, NULL, NULL) == 200);
	CHECK(has(&body, ">Earlier</a>"));
	CHECK(request("GET", "/admin/articles?state=bogus", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/articles", author, NULL, NULL) == 200);
	CHECK(!has(&body, "Welcome to the new site"));
	/* By category, author and edition; ids that are not numbers 400.
	 * "Earlier" is erin's (an author's), edited by alice. */
	{
		char uri_f[160];
		long long erin = query_int("SELECT id FROM users WHERE name = "
		                           "'erin'"),
		          bob = query_int("SELECT id FROM users WHERE name = "
		                          "'bob'");

		snprintf(uri_f, sizeof(uri_f),
		         "/admin/articles?q=earlier&author=%lld", erin);
		CHECK(request("GET", uri_f, editor, NULL, NULL) == 200);
		CHECK(has(&body, ">Earlier</a>"));
		CHECK(has(&body, "id=\"author\""));
		snprintf(uri_f, sizeof(uri_f),
		         "/admin/articles?q=earlier&author=%lld", bob);
		CHECK(request("GET", uri_f, editor, NULL, NULL) == 200);
		CHECK(!has(&body, ">Earlier</a>"));
		/* An author asking for someone else's still sees only their
		 * own, and is offered no author filter. */
		CHECK(request("GET", uri_f, author, NULL, NULL) == 200);
		CHECK(has(&body, ">Earlier</a>"));
		CHECK(!has(&body, "id=\"author\""));
		{
			char *bob_session = session_of("bob");

			CHECK(request("GET", "/admin/articles?q=earlier",
			              bob_session, NULL, NULL) == 200);
			CHECK(!has(&body, ">Earlier</a>"));
			free(bob_session);
		}
		CHECK(request("GET", "/admin/articles?q=earlier&edition=2",
		              editor, NULL, NULL) == 200);
		CHECK(!has(&body, ">Earlier</a>"));
		CHECK(request("GET", "/admin/articles?q=earlier&edition=1",
		              editor, NULL, NULL) == 200);
		CHECK(has(&body, ">Earlier</a>"));
		CHECK(request("GET", "/admin/articles?q=earlier&category=999",
		              editor, NULL, NULL) == 200);
		CHECK(!has(&body, ">Earlier</a>"));
		CHECK(request("GET", "/admin/articles?category=abc", editor,
		              NULL, NULL) == 400);
		CHECK(request("GET", "/admin/articles?author=-1", editor, NULL,
		              NULL) == 400);
		CHECK(request("GET", "/admin/articles?edition=1x", editor, NULL,
		              NULL) == 400);
		/* The pager keeps the filters. */
		CHECK(request("GET",
		              "/admin/articles?state=published&edition=1&"
		              "q=e%26f&page=2",
		              editor, NULL, NULL) == 200);
		CHECK(has(&body, "href=\"/admin/articles?page=1&amp;state="
		                 "published&amp;edition=1&amp;q=e%26f\""));
	}

	/* The trash keeps articles 30 days, then the timer empties it. */
	{
		struct db *db = NULL;

		sql("UPDATE articles SET state = 'trash', trashed_at = "
		    "unixepoch() - 31 * 86400 WHERE slug = 'renamed-notes'");
		sql("UPDATE articles SET state = 'trash', trashed_at = "
		    "unixepoch() - 29 * 86400 WHERE id = 7");
		CHECK(db_open(getenv("TEST_DB"), &db) == 0);
		CHECK(edit_db_purge_trash(db, EDIT_ARTICLES,
		                          (long long)time(NULL),
		                          30 * 86400LL) == 1);
		db_close(db);
		CHECK(query_int("SELECT count(*) FROM articles WHERE slug = "
		                "'renamed-notes'") == 0);
		CHECK(query_int("SELECT count(*) FROM articles WHERE id = 7") ==
		      1);
		CHECK(
		    query_int("SELECT count(*) FROM revisions r LEFT JOIN "
		              "articles a ON a.id = r.article_id WHERE a.id IS "
		              "NULL") == 0);
	}
	free(editor);
	free(author);
	free(moderator);
}

/*
 * A form sent after the session ended is not lost: the login page keeps
 * it, and after signing in it can be sent again with a fresh token.
 */
static void
test_resume(void)
{
	char *editor = session_of("alice"), form[4096], data[2048];
	long long before = query_int("SELECT count(*) FROM articles");

	CHECK(request("GET", "/admin", editor, NULL, NULL) == 200);
	snprintf(form, sizeof(form),
	         "csrf=%s&title=Written+late&body=Kept+%%26+%%3Ctext%%3E"
	         "&state=draft&action=save",
	         field("csrf"));
	sql("DELETE FROM sessions");
	CHECK(request("POST", "/admin/articles/new", editor, NULL, form) ==
	      403);
	CHECK(query_int("SELECT count(*) FROM articles") == before);
	CHECK(has(&body, "what you wrote is kept"));
	CHECK(has(&body, "name=\"resume_url\" value=\"/admin/articles/new\""));
	/* The dead session's token is not kept. */
	CHECK(strstr(field("resume_data"), "csrf") == NULL);
	CHECK(strstr(field("resume_data"), "title=Written%20late") != NULL);
	/* Sign in with the kept form; the next page sends it again. */
	{
		char token[128], enc[2048];
		size_t k = 0;

		snprintf(token, sizeof(token), "%s", field("form_token"));
		snprintf(data, sizeof(data), "%s", field("resume_data"));
		/* The page holds it HTML-escaped; & is its only special. */
		for (const char *p = data; *p && k + 4 < sizeof(enc); p++) {
			if (strncmp(p, "&amp;", 5) == 0) {
				memcpy(enc + k, "%26", 3);
				k += 3;
				p += 4;
			} else if (*p == '%') {
				memcpy(enc + k, "%25", 3);
				k += 3;
			} else {
				enc[k++] = *p;
			}
		}
		enc[k] = '\0';
		snprintf(form, sizeof(form),
		         "form_token=%s&name=alice&password=" PASSWORD
		         "&resume_url=/admin/articles/new&resume_data=%s",
		         token, enc);
	}
	CHECK(request("POST", "/admin/login", NULL, NULL, form) == 200);
	CHECK(has(&body, "Your form was kept"));
	CHECK(has(&body, "name=\"body\" value=\"Kept &amp; &lt;text&gt;\""));
	{
		char session[256], resend[1024];

		snprintf(session, sizeof(session), "%s", cookie);
		snprintf(
		    resend, sizeof(resend),
		    "csrf=%s&title=Written+late&body=Kept+%%26+%%3Ctext%%3E"
		    "&state=draft&action=save",
		    field("csrf"));
		CHECK(request("POST", "/admin/articles/new", session, NULL,
		              resend) == 303);
	}
	CHECK(query_int("SELECT count(*) FROM articles WHERE title = 'Written "
	                "late' AND body_md = 'Kept & <text>'") == 1);
	free(editor);
}

static void
test_users(void)
{
	char *admin = session_of("carol"), *editor = session_of("alice");
	char *frank, *frank2, form[512], uri[64];
	long long id;

	CHECK(request("GET", "/admin/users", editor, NULL, NULL) == 403);
	CHECK(request("GET", "/admin/audit", editor, NULL, NULL) == 403);
	CHECK(request("GET", "/admin/users", admin, NULL, NULL) == 200);
	CHECK(has(&body, "<strong>alice</strong>"));

	/* Creating: bad input changes nothing. */
	CHECK(post_as(admin, "/admin/users/new",
	              "name=frank&role=author&password=short") == 400);
	CHECK(post_as(admin, "/admin/users/new",
	              "name=fr+ank&role=author&password=" PASSWORD) == 400);
	CHECK(post_as(admin, "/admin/users/new",
	              "name=frank&role=root&password=" PASSWORD) == 400);
	CHECK(post_as(admin, "/admin/users/new",
	              "name=alice&role=author&password=" PASSWORD) == 400);
	CHECK(query_int("SELECT count(*) FROM users WHERE name = 'frank'") ==
	      0);
	CHECK(post_as(admin, "/admin/users/new",
	              "name=frank&display_name=Frank&role=author&"
	              "password=" PASSWORD) == 303);
	id = query_int("SELECT id FROM users WHERE name = 'frank'");
	snprintf(uri, sizeof(uri), "/admin/users/%lld", id);
	frank = session_of("frank");
	CHECK(request("GET", "/admin/articles", frank, NULL, NULL) == 200);

	/* A role change ends the account's sessions. */
	CHECK(post_as(admin, uri, "action=role&role=editor") == 303);
	CHECK(query_int("SELECT count(*) FROM users WHERE name = 'frank' AND "
	                "role = 'editor'") == 1);
	CHECK(request("GET", "/admin", frank, NULL, NULL) == 303);
	free(frank);
	frank = session_of("frank");

	/* Disabling ends them too, and keeps the account out. */
	CHECK(post_as(admin, uri, "action=disable") == 303);
	CHECK(request("GET", "/admin", frank, NULL, NULL) == 303);
	CHECK(login("frank", PASSWORD) == 403);
	CHECK(post_as(admin, uri, "action=enable") == 303);
	free(frank);
	frank = session_of("frank");

	/* An admin sets a password: sessions end, the new one works. */
	CHECK(post_as(admin, uri, "action=password&password=short") == 400);
	CHECK(post_as(admin, uri,
	              "action=password&password=another+long+passphrase") ==
	      303);
	CHECK(request("GET", "/admin", frank, NULL, NULL) == 303);
	CHECK(login("frank", PASSWORD) == 403);
	CHECK(login("frank", "another+long+passphrase") == 303);
	free(frank);
	frank = strdup(cookie);
	CHECK(login("frank", "another+long+passphrase") == 303);
	frank2 = strdup(cookie);

	/* Admins cannot demote or disable themselves. */
	snprintf(form, sizeof(form), "/admin/users/%lld",
	         query_int("SELECT id FROM users WHERE name = 'carol'"));
	CHECK(post_as(admin, form, "action=disable") == 400);
	CHECK(post_as(admin, form, "action=role&role=author") == 400);
	CHECK(query_int("SELECT count(*) FROM users WHERE name = 'carol' AND "
	                "role = 'admin' AND disabled = 0") == 1);

	/* Own sessions: listed, one ended. */
	CHECK(request("GET", "/admin/account", frank, NULL, NULL) == 200);
	CHECK(has(&body, "(this one)"));
	{
		static const char pat[] = "name=\"session\" value=\"";
		const char *p = strstr(body.data, pat);
		char id_hex[65] = "";

		CHECK(p != NULL);
		if (p != NULL)
			snprintf(id_hex, sizeof(id_hex), "%.64s",
			         p + sizeof(pat) - 1);
		snprintf(form, sizeof(form), "session=%s", id_hex);
		CHECK(post_as(frank, "/admin/account/sessions", form) == 303);
		CHECK(post_as(frank, "/admin/account/sessions", form) == 404);
	}
	CHECK(request("GET", "/admin", frank2, NULL, NULL) == 303);
	CHECK(request("GET", "/admin", frank, NULL, NULL) == 200);

	/* Own password: the current one is needed; other sessions end. */
	frank2 =
	    (free(frank2), session_of_pw("frank", "another+long+passphrase"));
	CHECK(post_as(frank, "/admin/account/password",
	              "current=wrong+password+here&password=" PASSWORD) == 400);
	CHECK(post_as(frank, "/admin/account/password",
	              "current=another+long+passphrase&password=x") == 400);
	CHECK(post_as(frank, "/admin/account/password",
	              "current=another+long+passphrase&password=" PASSWORD) ==
	      303);
	CHECK(request("GET", "/admin", frank, NULL, NULL) == 200);
	CHECK(request("GET", "/admin", frank2, NULL, NULL) == 303);

	/* The audit log has seen it all. */
	CHECK(request("GET", "/admin/audit", admin, NULL, NULL) == 200);
	CHECK(has(&body, "user created"));
	CHECK(has(&body, "role changed"));
	CHECK(has(&body, "user disabled"));
	CHECK(has(&body, "password set"));
	CHECK(has(&body, "password changed"));
	CHECK(has(&body, "article published"));
	CHECK(has(&body, "login failed"));
	CHECK(!has(&body, "another long passphrase"));
	free(admin);
	free(editor);
	free(frank);
	free(frank2);
}

static void
test_settings(void)
{
	char *admin = session_of("carol"), *editor = session_of("alice");
	const char *good = "site_name=Homeward+%26+Co&tagline=Tag&base_url="
	                   "https://news.example.org&timezone=Europe/Tirane"
	                   "&posts_per_page=5&footer_text=Registered+charity"
	                   "&social_facebook=https://www.facebook.com/x"
	                   "&social_twitter=&social_instagram=&social_youtube=";
	char form[1024];

	CHECK(request("GET", "/admin/settings", editor, NULL, NULL) == 403);
	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	CHECK(!has(&body, "secret"));
	/* One bad value: nothing saved, the values given come back. */
	snprintf(form, sizeof(form), "%s", good);
	memcpy(strstr(form, "https://news"), "javascript", 10);
	CHECK(post_as(admin, "/admin/settings", form) == 400);
	CHECK(has(&body, "nothing was saved"));
	CHECK(post_as(admin, "/admin/settings",
	              "site_name=X&base_url=https://a.example&timezone=Mars/"
	              "Olympus&posts_per_page=5") == 400);
	CHECK(post_as(admin, "/admin/settings",
	              "site_name=X&base_url=https://a.example&timezone=UTC"
	              "&posts_per_page=500") == 400);
	CHECK(post_as(admin, "/admin/settings",
	              "site_name=X&base_url=https://a.example/path&timezone=UTC"
	              "&posts_per_page=5") == 400);
	CHECK(query_int(
	          "SELECT count(*) FROM settings WHERE key = 'timezone' AND "
	          "value = 'Europe/Tirane'") == 0);
	CHECK(post_as(admin, "/admin/settings", good) == 303);
	CHECK(has(&head, "Location: /admin/settings?saved=1\r\n"));
	/* The public site follows at once. */
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Homeward &amp; Co"));
	CHECK(has(&body, "Registered charity"));
	CHECK(has(&body, "href=\"/page/2\""));
	CHECK(has(&body, "sharer.php?u=https%3A%2F%2Fnews.example.org"));
	{
		const char *p = body.data;
		int n = 0;

		while ((p = strstr(p, "<article class=\"summary\">")) != NULL) {
			n++;
			p++;
		}
		CHECK(n == 5);
	}
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'settings changed'") == 1);
	/* https now: the session cookie becomes __Host- and Secure (no
	 * Origin sent: the old one is not the site's any more). */
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	snprintf(form, sizeof(form),
	         "form_token=%s&name=alice&password=" PASSWORD,
	         field("form_token"));
	CHECK(request("POST", "/admin/login", NULL, "http://127.0.0.1:8080",
	              form) == 403);
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	snprintf(form, sizeof(form),
	         "form_token=%s&name=alice&password=" PASSWORD,
	         field("form_token"));
	CHECK(request("POST", "/admin/login", NULL, "https://news.example.org",
	              form) == 303);
	CHECK(strncmp(cookie, "__Host-gazette=", 15) == 0);
	CHECK(has(&head, "; Secure\r\n"));
	sql("UPDATE settings SET value = 'http://127.0.0.1:8080' WHERE key = "
	    "'base_url'");
	free(admin);
	free(editor);
}

static void
test_throttle(void)
{
	int i;

	/* Five failures lock the account, whatever the password. */
	for (i = 0; i < 5; i++)
		CHECK(login("carol", "wrong%20password%20here") == 403);
	CHECK(login("carol", PASSWORD) == 429);
	CHECK(has(&head, "Retry-After: "));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(query_int("SELECT failures FROM throttle WHERE key = "
	                "'account:carol'") == 5);
	/* After the window the owner gets in. */
	sql("UPDATE throttle SET window_start = window_start - 3600");
	CHECK(login("carol", PASSWORD) == 303);
	/* The address (this /64) is limited too: 20 failures in all, over
	 * as many accounts as an attacker likes. */
	for (i = 0; i < 30; i++) {
		char name[32];

		snprintf(name, sizeof(name), "nobody%d", i);
		CHECK(login(name, "wrong%20password%20here") ==
		      (i < 20 ? 403 : 429));
	}
	CHECK(query_int("SELECT failures FROM throttle WHERE key = "
	                "'address:2001:db8:1:2::/64'") == 20);
	CHECK(login("alice", PASSWORD) == 429);
}

int
main(void)
{
	staff_start();

	test_no_session();
	test_login_logout();
	test_articles();
	test_resume();
	test_users();
	test_settings();
	test_bad_input();
	test_throttle();

	driver_stop();
	TEST_DONE();
}
