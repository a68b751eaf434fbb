/*
 * test_editions.c: the four editions as data, through the real request
 * path.  The translation files hold every public interface string (the
 * keys the public templates and handlers use: the missing ones are
 * listed), a missing string shows the English text, the files never
 * overwrite an admin's wording; every public page answers 200 under every
 * prefix with the edition's lang and dir, its strings, digits and menu
 * (with the Editions entry); translated articles and pages show "Read
 * in" links and absolute hreflang alternates (x-default English), and
 * the editors link them; an admin adds and changes editions
 * (/admin/editions: roles, CSRF, validation, audit) and a new edition is
 * served at once with the English interface.
 */
#include <stdio.h>
#include <string.h>

#include "db/i18n_db.h"
#include "embedded.h"
#include "util/i18n.h"
#include "driver.h"
#include "staff.h"
#include "form.h"

/*
 * Interface strings the public handlers look up by name rather than
 * through a template (article.c, media.c, publications.c, contact.c,
 * comments.c, reader_form.c, frame.c, app.c's error pages, export.c's
 * notice where a form was), and the
 * Solar Hijri month names the Farsi calendar uses: the files must hold
 * them as well as every {{t.key}} of the public templates.
 */
static const char *const code_keys[] = {
    "author_archive",
    "bad_request_text",
    "bad_request_title",
    "books",
    "cartoons",
    "n_comments_one",
    "n_comments_other",
    "n_photos_one",
    "n_photos_other",
    "comment_error_text",
    "comment_held",
    "comment_parent_gone",
    "comments_closed_post",
    "contact_error_characters",
    "contact_error_email",
    "contact_error_message",
    "contact_error_name",
    "contact_error_subject",
    "contact_fix",
    "contact_stale",
    "contact_title",
    "error_text",
    "error_title",
    "forbidden_text",
    "forbidden_title",
    "method_text",
    "method_title",
    "month_1",
    "month_2",
    "month_3",
    "month_4",
    "month_5",
    "month_6",
    "month_7",
    "month_8",
    "month_9",
    "month_10",
    "month_11",
    "month_12",
    "newsletter",
    "newspics",
    "not_found_text",
    "not_found_title",
    "page_n",
    "pars_brief",
    "photo_n",
    "photo_of",
    "search_none",
    "search_prompt",
    "search_too_long",
    "static_form_notice",
    "photos",
    "too_many_text",
    "too_many_title",
    "video_on_vimeo",
    "video_on_youtube",
    "video_vimeo_note",
    "video_youtube_note",
    "videos",
    "editions",
    "solar_month_1",
    "solar_month_2",
    "solar_month_3",
    "solar_month_4",
    "solar_month_5",
    "solar_month_6",
    "solar_month_7",
    "solar_month_8",
    "solar_month_9",
    "solar_month_10",
    "solar_month_11",
    "solar_month_12",
};

/* The public keys: collected into keys[0..keys_count). */
static char keys[512][I18N_KEY_MAX + 1];
static size_t keys_count;

static void
key_add(const char *k, size_t len)
{
	for (size_t i = 0; i < keys_count; i++)
		if (strlen(keys[i]) == len && memcmp(keys[i], k, len) == 0)
			return;
	CHECK(len <= I18N_KEY_MAX && keys_count < 512);
	if (len <= I18N_KEY_MAX && keys_count < 512) {
		memcpy(keys[keys_count], k, len);
		keys[keys_count++][len] = '\0';
	}
}

/* Every {{t.key}} (and section) of the templates outside admin/. */
static void
collect_template_keys(void)
{
	for (size_t i = 0; i < embedded_templates_count; i++) {
		const char *p = embedded_templates[i].data;

		if (strncmp(embedded_templates[i].name, "admin/", 6) == 0)
			continue;
		while ((p = strstr(p, "{{")) != NULL) {
			size_t n;

			p += 2;
			if (*p == '#' || *p == '^' || *p == '/')
				p++;
			if (strncmp(p, "t.", 2) != 0)
				continue;
			p += 2;
			n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
			key_add(p, n);
		}
	}
	for (size_t i = 0; i < sizeof(code_keys) / sizeof(code_keys[0]); i++)
		key_add(code_keys[i], strlen(code_keys[i]));
}

/* Whether the English edition has key. */
static bool
english_has(const char *key)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM edition_strings WHERE edition_id = 1 "
	         "AND key = '%s'",
	         key);
	return query_int(q) == 1;
}

static void
test_strings_complete(void)
{
	const char *codes[] = {"ar", "fa", "sq"};
	struct arena a;
	char q[256];

	arena_init(&a);
	collect_template_keys();
	CHECK(keys_count > 100);
	for (size_t i = 0; i < keys_count; i++) {
		if (!english_has(keys[i]))
			fprintf(stderr, "not an English key: %s\n", keys[i]);
		CHECK(english_has(keys[i]));
	}
	for (size_t c = 0; c < 3; c++) {
		struct i18n_entry *e = NULL;
		size_t n = 0, bad = 0, missing = 0;
		bool found = false;

		for (size_t i = 0; i < embedded_i18n_count; i++) {
			if (strcmp(embedded_i18n[i].name, codes[c]) != 0)
				continue;
			found = true;
			CHECK(i18n_parse(&a, embedded_i18n[i].data,
			                 embedded_i18n[i].len, &e, &n,
			                 &bad) == 0);
		}
		CHECK(found);
		for (size_t i = 0; i < keys_count; i++) {
			if (i18n_find(e, n, keys[i]) != NULL)
				continue;
			fprintf(stderr, "i18n/%s.tsv lacks %s\n", codes[c],
			        keys[i]);
			missing++;
		}
		CHECK(missing == 0);
		/* No typo: every key of the file is an English key. */
		for (size_t i = 0; i < n; i++) {
			if (!english_has(e[i].key))
				fprintf(stderr, "i18n/%s.tsv: unknown key %s\n",
				        codes[c], e[i].key);
			CHECK(english_has(e[i].key));
		}
	}
	/* Every edition has a row for every English key. */
	CHECK(query_int("SELECT count(*) FROM edition_strings WHERE "
	                "edition_id = 1") > 400);
	for (int id = 2; id <= 4; id++) {
		snprintf(q, sizeof(q),
		         "SELECT (SELECT count(*) FROM edition_strings WHERE "
		         "edition_id = 1) - (SELECT count(*) FROM "
		         "edition_strings WHERE edition_id = %d)",
		         id);
		CHECK(query_int(q) == 0);
	}
	/* Translated, the admin area's keys too (for staff who choose the
	 * edition's language there). */
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 4 AND key = 'older_posts'"),
	             "Artikuj më të vjetër") == 0);
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 4 AND key = 'dashboard'"),
	             "Paneli") == 0);
	arena_free(&a);
}

/* A missing string shows the English text; the files never overwrite an
 * admin's wording, and bring a row they gave up to date. */
static void
test_fallback_and_edits(void)
{
	struct db *db = NULL;

	sql("DELETE FROM edition_strings WHERE edition_id = 2 AND "
	    "key = 'recent_posts';"
	    "UPDATE edition_strings SET value = 'MY OWN WORDING' "
	    "WHERE edition_id = 3 AND key = 'read_more';"
	    "UPDATE edition_strings SET value = 'OLD', shipped = 'OLD' "
	    "WHERE edition_id = 4 AND key = 'home'");
	CHECK(request("GET", "/ar/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, ">Recent Posts<"));
	CHECK(!has(&body, "recent_posts"));

	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(i18n_db_sync(db) == 0);
	db_close(db);
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 3 AND key = 'read_more'"),
	             "MY OWN WORDING") == 0);
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 4 AND key = 'home'"),
	             "Kryefaqja") == 0);
	CHECK(query_int("SELECT count(*) FROM edition_strings WHERE "
	                "edition_id = 2 AND key = 'recent_posts'") == 1);
	CHECK(request("GET", "/ar/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "\xd8\xa3\xd8\xad\xd8\xaf\xd8\xab")); /* أحدث */
}

/* Every public page under every prefix: 200 with the edition's lang and
 * dir. */
static void
test_every_page(void)
{
	static const struct {
		const char *prefix, *html, *article, *category, *tag, *cartoon;
	} eds[] = {
	    {"", "<html lang=\"en\" dir=\"ltr\">",
	     "homeward-watch-opens-its-doors", "news", "families",
	     "the-long-wait"},
	    {"/ar", "<html lang=\"ar\" dir=\"rtl\">",
	     "homeward-watch-opens-its-doors", "news",
	     "%D8%B9%D8%A7%DB%8C%D9%84%D8%A7%D8%AA", "al-intizar-al-tawil"},
	    {"/fa", "<html lang=\"fa\" dir=\"rtl\">",
	     "%DA%AF%D9%81%D8%AA%DA%AF%D9%88-%D8%A8%D8%A7-%DB%8C%DA%A9-%D9%85"
	     "%D8%A7%D8%AF%D8%B1",
	     "news", "%D8%AE%D8%A7%D9%86%D9%88%D8%A7%D8%AF%D9%87",
	     "entezar-e-tulani"},
	    {"/sq", "<html lang=\"sq\" dir=\"ltr\">",
	     "takim-i-familjeve-ne-tirane", "lajme", "familjet",
	     "pritja-e-gjate"},
	};
	char uri[512];

	for (size_t i = 0; i < 4; i++) {
		/* Each path, followed by its argument ("" for none). */
		const char *paths[][2] = {
		    {"/", ""},
		    {"/articles/", eds[i].article},
		    {"/category/", eds[i].category},
		    {"/tag/", eds[i].tag},
		    {"/about", ""},
		    {"/contact", ""},
		    {"/contact?sent=1", ""},
		    {"/media/cartoons", ""},
		    {"/media/cartoons/", eds[i].cartoon},
		    {"/media/newspics", ""},
		    {"/media/photos", ""},
		    {"/media/videos", ""},
		    {"/publications/books", ""},
		    {"/publications/newsletter", ""},
		    {"/publications/pars-brief", ""},
		};

		for (size_t k = 0; k < sizeof(paths) / sizeof(paths[0]); k++) {
			snprintf(uri, sizeof(uri), "%s%s%s", eds[i].prefix,
			         paths[k][0], paths[k][1]);
			if (request("GET", uri, NULL, NULL, NULL) != 200)
				fprintf(stderr, "GET %s\n", uri);
			CHECK(request("GET", uri, NULL, NULL, NULL) == 200);
			CHECK(has(&body, eds[i].html));
		}
		snprintf(uri, sizeof(uri), "%s/no-such-page", eds[i].prefix);
		CHECK(request("GET", uri, NULL, NULL, NULL) == 404);
		CHECK(has(&body, eds[i].html));
	}
	/* The strings, digits and menus of each edition. */
	CHECK(request("GET", "/fa/", NULL, NULL, NULL) == 200);
	CHECK(has(&body,
	          "\xdb\xb1\xdb\xb4\xdb\xb0")); /* ۱۴۰: a Solar Hijri year */
	CHECK(has(&body, "\xdb\xb2\xdb\xb0\xdb\xb2\xdb\xb6")); /* ۲۰۲۶ */
	CHECK(has(&body, "href=\"/fa/category/news\""));
	CHECK(has(&body, "<a href=\"/\" hreflang=\"en\" lang=\"en\">"
	                 "English</a>"));
	CHECK(has(&body, "<a href=\"/ar/\" hreflang=\"ar\" lang=\"ar\">"));
	CHECK(has(&body, "<a href=\"/sq/\" hreflang=\"sq\" lang=\"sq\">"
	                 "Shqip</a>"));
	CHECK(!has(&body, "#editions"));
	CHECK(request("GET", "/ar/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa6")); /* ٢٠٢٦ */
	CHECK(
	    has(&body, "\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82")); /* تعليق */
	CHECK(request("GET", "/sq/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "22 nëntor 2026"));
	CHECK(has(&body, ">Kryefaqja<"));
	CHECK(has(&body, "0 komente"));
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, ">Editions</a>"));
	CHECK(has(&body, "<a href=\"/fa/\" hreflang=\"fa\" lang=\"fa\">"));
	/* English content stays out of the other editions' listings. */
	CHECK(!has(&body, "takim-i-familjeve"));
}

/*
 * Counts in each language's plural forms (plural.c): an Arabic article's
 * comment count in all six, in Arabic-Indic digits where a number shows;
 * Persian digits; English one and other.
 */
static void
test_plurals(void)
{
	static const struct {
		int n;
		const char *label;
	} ar[] = {
	    {0, "\xd9\x84\xd8\xa7 \xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a"
	        "\xd9\x82\xd8\xa7\xd8\xaa"}, /* لا تعليقات */
	    {1, "\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82 \xd9\x88\xd8"
	        "\xa7\xd8\xad\xd8\xaf"}, /* تعليق واحد */
	    {2, "\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82\xd8\xa7\xd9"
	        "\x86"}, /* تعليقان */
	    {3, "\xd9\xa3 \xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82\xd8"
	        "\xa7\xd8\xaa"}, /* ٣ تعليقات */
	    {11, "\xd9\xa1\xd9\xa1 \xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9"
	         "\x82\xd9\x8b\xd8\xa7"}, /* ١١ تعليقًا */
	    {100, "\xd9\xa1\xd9\xa0\xd9\xa0 \xd8\xaa\xd8\xb9\xd9\x84"
	          "\xd9\x8a\xd9\x82<"}, /* ١٠٠ تعليق */
	};
	char q[256];

	for (size_t i = 0; i < sizeof(ar) / sizeof(ar[0]); i++) {
		snprintf(q, sizeof(q),
		         "UPDATE articles SET comment_count = %d WHERE "
		         "edition_id = 2 AND slug = "
		         "'homeward-watch-opens-its-doors'",
		         ar[i].n);
		sql(q);
		CHECK(request("GET", "/ar/", NULL, NULL, NULL) == 200);
		if (!has(&body, ar[i].label))
			fprintf(stderr, "ar: no label for %d\n", ar[i].n);
		CHECK(has(&body, ar[i].label));
	}
	sql("UPDATE articles SET comment_count = 0 WHERE edition_id = 2");
	sql("UPDATE articles SET comment_count = 12 WHERE edition_id = 3");
	CHECK(request("GET", "/fa/", NULL, NULL, NULL) == 200);
	/* ۱۲ دیدگاه */
	CHECK(has(&body, "\xdb\xb1\xdb\xb2 \xd8\xaf\xdb\x8c\xd8\xaf\xda"
	                 "\xaf\xd8\xa7\xd9\x87"));
	sql("UPDATE articles SET comment_count = 0 WHERE edition_id = 3");
	sql("UPDATE articles SET comment_count = 1 WHERE edition_id = 1 AND "
	    "id = (SELECT max(id) FROM articles WHERE edition_id = 1 AND state "
	    "= 'published')");
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, ">1 comment<"));
	CHECK(has(&body, ">0 comments<"));
	sql("UPDATE articles SET comment_count = 0 WHERE edition_id = 1");
}

/* Translated articles and pages: "Read in" and hreflang alternates. */
static void
test_alternates(void)
{
	const char *base = "http://127.0.0.1:8080";
	char want[512];

	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'base_url'"),
	             base) == 0);
	CHECK(request("GET", "/ar/articles/homeward-watch-opens-its-doors",
	              NULL, NULL, NULL) == 200);
	snprintf(want, sizeof(want),
	         "<link rel=\"alternate\" hreflang=\"en\" "
	         "href=\"%s/articles/homeward-watch-opens-its-doors\">",
	         base);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "<link rel=\"alternate\" hreflang=\"x-default\" "
	         "href=\"%s/articles/homeward-watch-opens-its-doors\">",
	         base);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "<link rel=\"alternate\" hreflang=\"ar\" "
	         "href=\"%s/ar/articles/homeward-watch-opens-its-doors\">",
	         base);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "<link rel=\"alternate\" hreflang=\"sq\" "
	         "href=\"%s/sq/articles/vezhguesi-i-kthimit-hap-dyert\">",
	         base);
	CHECK(has(&body, want));
	CHECK(has(&body, "<p class=\"read-in\">\xd8\xa7\xd9\x82\xd8\xb1\xd8"
	                 "\xa3 \xd8\xa8\xd9\x80:")); /* اقرأ بـ: */
	CHECK(has(&body, "<a href=\"/articles/homeward-watch-opens-its-doors\" "
	                 "hreflang=\"en\" lang=\"en\" dir=\"ltr\""));
	CHECK(has(&body, "href=\"/sq/articles/vezhguesi-i-kthimit-hap-dyert\" "
	                 "hreflang=\"sq\""));
	CHECK(has(&body, "</a> · <a"));
	/* The page's own edition is not a "read in" link. */
	CHECK(!has(&body, "<a href=\"/ar/articles/homeward-watch-opens-its-"
	                  "doors\" hreflang"));
	CHECK(request("GET", "/articles/homeward-watch-opens-its-doors", NULL,
	              NULL, NULL) == 200);
	CHECK(has(&body, "Read in:"));
	CHECK(has(&body, ">\xd9\x81\xd8\xa7\xd8\xb1\xd8\xb3\xdb\x8c</a>"));
	/* An unpublished translation is neither linked nor an alternate. */
	sql("UPDATE articles SET state = 'draft' WHERE id = 104");
	CHECK(request("GET", "/articles/homeward-watch-opens-its-doors", NULL,
	              NULL, NULL) == 200);
	CHECK(!has(&body, "/fa/articles/homeward-watch"));
	CHECK(has(&body, "/ar/articles/homeward-watch"));
	sql("UPDATE articles SET state = 'published' WHERE id = 104");
	/* An article of its own: none. */
	CHECK(request("GET", "/sq/articles/takim-i-familjeve-ne-tirane", NULL,
	              NULL, NULL) == 200);
	CHECK(!has(&body, "rel=\"alternate\" hreflang"));
	CHECK(!has(&body, "class=\"read-in\""));
	/* A disabled edition is not offered. */
	sql("UPDATE editions SET enabled = 0 WHERE code = 'sq'");
	CHECK(request("GET", "/ar/articles/homeward-watch-opens-its-doors",
	              NULL, NULL, NULL) == 200);
	CHECK(!has(&body, "/sq/"));
	sql("UPDATE editions SET enabled = 1 WHERE code = 'sq'");
	/* Pages too. */
	CHECK(request("GET", "/sq/about", NULL, NULL, NULL) == 200);
	snprintf(want, sizeof(want),
	         "<link rel=\"alternate\" hreflang=\"en\" href=\"%s/about\">",
	         base);
	CHECK(has(&body, want));
	CHECK(has(&body, "Lexoni në:"));
	CHECK(request("GET", "/sq/contact", NULL, NULL, NULL) == 200);
	CHECK(!has(&body, "class=\"read-in\""));
}

/* The editors link an article and a page to their translations. */
static void
test_translation_editors(void)
{
	char *editor = session_of("alice");
	struct form f;

	/* By address, with the base URL or without, or by id. */
	CHECK(request("GET", "/admin/articles/109", editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"translation_of\" type=\"text\" value=\"\""));
	form_scrape(&f, "/admin/articles/109");
	form_set(&f, "translation_of",
	         "http://127.0.0.1:8080/articles/"
	         "seven-years-of-homeward-watch");
	CHECK(form_post(editor, "/admin/articles/109", &f) == 303);
	CHECK(query_int("SELECT translation_group FROM articles WHERE id = "
	                "109") == 47);
	CHECK(query_int("SELECT translation_group FROM articles WHERE id = "
	                "47") == 47);
	CHECK(request("GET", "/articles/seven-years-of-homeward-watch", NULL,
	              NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/sq/articles/takim-i-familjeve-ne-tirane\" "
	                 "hreflang=\"sq\""));
	CHECK(request("GET", "/admin/articles/47", editor, NULL, NULL) == 200);
	CHECK(has(&body, "Shqip: Takim i familjeve"));
	CHECK(request("GET", "/admin/articles/106", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/articles/106");
	form_set(&f, "translation_of",
	         "/sq/articles/takim-i-familjeve-ne-"
	         "tirane");
	CHECK(form_post(editor, "/admin/articles/106", &f) == 303);
	CHECK(query_int("SELECT translation_group FROM articles WHERE id = "
	                "106") == 47);

	/* Refused: nothing, the same edition, a group with one of its own. */
	CHECK(request("GET", "/admin/articles/103", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/articles/103");
	form_set(&f, "translation_of", "/articles/no-such-article");
	CHECK(form_post(editor, "/admin/articles/103", &f) == 400);
	CHECK(has(&body, "No article of another edition has that id"));
	form_set(&f, "translation_of",
	         "/ar/articles/"
	         "homeward-watch-opens-its-doors");
	CHECK(form_post(editor, "/admin/articles/103", &f) == 400);
	CHECK(has(&body, "No article of another edition has that id"));
	form_set(&f, "translation_of", "8");
	CHECK(form_post(editor, "/admin/articles/103", &f) == 400);
	CHECK(has(&body, "already linked to an item of this edition"));
	CHECK(query_int("SELECT count(*) FROM articles WHERE id = 103 AND "
	                "translation_group IS NULL") == 1);
	/* Emptied: out of its group; the others stay together. */
	CHECK(request("GET", "/admin/articles/106", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/articles/106");
	form_set(&f, "translation_of", "");
	CHECK(form_post(editor, "/admin/articles/106", &f) == 303);
	CHECK(query_int("SELECT count(*) FROM articles WHERE "
	                "translation_group = 47") == 2);
	/* A restored revision keeps the link. */
	CHECK(request("GET", "/admin/articles/101", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/articles/101");
	form_set(&f, "title", "Changed title");
	CHECK(form_post(editor, "/admin/articles/101", &f) == 303);
	CHECK(request("GET", "/admin/articles/101", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/articles/101");
	form_set(&f, "title", "Changed again");
	CHECK(form_post(editor, "/admin/articles/101", &f) == 303);
	{
		char uri[96];

		snprintf(uri, sizeof(uri), "/admin/articles/101/revisions/%lld",
		         query_int("SELECT min(id) FROM revisions WHERE "
		                   "article_id = 101"));
		CHECK(request("GET", uri, editor, NULL, NULL) == 200);
		form_scrape(&f, uri);
		CHECK(form_post(editor, uri, &f) == 303);
	}
	CHECK(query_int("SELECT count(*) FROM revisions WHERE article_id = "
	                "101") == 3);
	CHECK(query_int("SELECT translation_group FROM articles WHERE id = "
	                "101") == 8);

	/* Pages. */
	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	{
		char uri[64];
		long long id = query_int("SELECT id FROM pages WHERE "
		                         "edition_id = 3 AND slug = 'contact'");

		snprintf(uri, sizeof(uri), "/admin/pages/%lld", id);
		CHECK(request("GET", uri, editor, NULL, NULL) == 200);
		form_scrape(&f, uri);
		form_set(&f, "translation_of", "/contact");
		CHECK(form_post(editor, uri, &f) == 303);
		CHECK(request("GET", "/contact", NULL, NULL, NULL) == 200);
		CHECK(!has(&body, "class=\"read-in\"")); /* the form's page */
		CHECK(request("GET", "/fa/contact", NULL, NULL, NULL) == 200);
		CHECK(request("GET", uri, editor, NULL, NULL) == 200);
		CHECK(has(&body, "English: Contact us"));
	}
	free(editor);
}

/* An admin edits an edition's strings; the files leave them alone. */
static void
test_strings_editor(void)
{
	char *admin = session_of("carol"), *editor = session_of("alice");
	struct db *db = NULL;
	char big[1200];

	CHECK(request("GET", "/admin/editions/4/strings", editor, NULL, NULL) ==
	      403);
	CHECK(post_as(editor, "/admin/editions/4/strings",
	              "s.recent_posts=X") == 403);
	CHECK(request("GET", "/admin/editions/4/strings?q=OLDER", admin, NULL,
	              NULL) == 200);
	CHECK(has(&body, "name=\"s.older_posts\" type=\"text\" "
	                 "value=\"Artikuj më të vjetër\""));
	CHECK(has(&body, ">Older Posts<"));
	CHECK(!has(&body, "name=\"s.home\""));
	CHECK(request("GET", "/admin/editions/9/strings", admin, NULL, NULL) ==
	      404);

	CHECK(post_as(admin, "/admin/editions/4/strings",
	              "q=recent&s.recent_posts=T%C3%8B+FUNDIT") == 303);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'strings changed' AND detail = 'sq'") == 1);
	CHECK(request("GET", "/sq/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, ">TË FUNDIT<"));
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(i18n_db_sync(db) == 0);
	db_close(db);
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 4 AND key = 'recent_posts'"),
	             "TË FUNDIT") == 0);
	CHECK(request("GET", "/admin/editions/4/strings?q=recent", admin, NULL,
	              NULL) == 200);
	CHECK(has(&body, "the translation files leave it as it is"));

	/* Refused whole: a key the edition lacks, a control character, a
	 * text too long. */
	CHECK(post_as(admin, "/admin/editions/4/strings",
	              "s.recent_posts=A&s.no_such_key=B") == 400);
	CHECK(has(&body, "nothing was saved"));
	CHECK(post_as(admin, "/admin/editions/4/strings",
	              "s.recent_posts=A%01B") == 400);
	CHECK(post_as(admin, "/admin/editions/4/strings",
	              "s.recent_posts=A%00B") == 400);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "s.home=", 7);
	CHECK(post_as(admin, "/admin/editions/4/strings", big) == 400);
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 4 AND key = 'recent_posts'"),
	             "TË FUNDIT") == 0);

	/* Emptied: the translation files' text again. */
	CHECK(post_as(admin, "/admin/editions/4/strings", "s.recent_posts=") ==
	      303);
	CHECK(request("GET", "/sq/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, ">Artikujt e fundit<"));
	free(admin);
	free(editor);
}

/* The admin lists filter by edition. */
static void
test_admin_filters(void)
{
	char *editor = session_of("alice");

	CHECK(request("GET", "/admin/pages?edition=4", editor, NULL, NULL) ==
	      200);
	CHECK(has(&body, ">Rreth nesh<"));
	CHECK(!has(&body, ">About us<"));
	CHECK(has(&body, "<option value=\"4\" selected>Shqip</option>"));
	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	CHECK(has(&body, ">Rreth nesh<") && has(&body, ">About us<"));
	CHECK(request("GET", "/admin/media-posts?edition=2", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">\xd8\xa7\xd9\x84\xd8\xa7\xd9\x86\xd8\xaa\xd8\xb8"
	                 "\xd8\xa7\xd8\xb1 ")); /* الانتظار */
	CHECK(!has(&body, ">The long wait<"));
	CHECK(request("GET", "/admin/media-posts?edition=1", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, ">The long wait<"));
	CHECK(request("GET", "/admin/publications?edition=3", editor, NULL,
	              NULL) == 200);
	CHECK(!has(&body, "Newsletter No. 28"));
	CHECK(request("GET", "/admin/publications?edition=1", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, "Newsletter No. 28"));
	CHECK(request("GET", "/admin/articles?edition=3", editor, NULL, NULL) ==
	      200);
	CHECK(!has(&body, "Seven years of Homeward Watch"));
	CHECK(request("GET", "/admin/pages?edition=99", editor, NULL, NULL) ==
	      400);
	CHECK(request("GET", "/admin/media-posts?edition=x", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/publications?edition=99", editor, NULL,
	              NULL) == 400);
	free(editor);
}

/* /admin/editions: roles, CSRF, validation, adding and changing. */
static void
test_admin_editions(void)
{
	char *admin = session_of("carol"), *editor = session_of("alice");
	long long editions = query_int("SELECT count(*) FROM editions");
	const char *good = "code=de&prefix=de&name=Deutsch&lang=de&dir=ltr&"
	                   "date_style=dmy&digits=latn&site_name=Gazette+DE&"
	                   "tagline=&position=4&enabled=1";
	static const char *const bad[] = {
	    "code=de&prefix=admin&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=articles&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=search&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=ar&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=about&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=ar&prefix=de&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=D&prefix=de&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=d/e&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=de&name=&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=de&name=D%01&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=de&name=D&lang=x&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=de&name=D&lang=de&dir=up&date_style=dmy&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=de&name=D&lang=de&dir=ltr&date_style=ddd&"
	    "digits=latn&site_name=G&enabled=1",
	    "code=de&prefix=de&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=roman&site_name=G&enabled=1",
	    "code=de&prefix=de&name=D&lang=de&dir=ltr&date_style=dmy&"
	    "digits=latn&site_name=&enabled=1",
	};
	char uri[64];
	long long id;

	/* Admins only; a form needs its token. */
	CHECK(request("GET", "/admin/editions", editor, NULL, NULL) == 403);
	CHECK(post_as(editor, "/admin/editions", good) == 403);
	CHECK(request("GET", "/admin/editions", NULL, NULL, NULL) == 303);
	CHECK(request("POST", "/admin/editions", admin, NULL, good) == 403);
	CHECK(request("GET", "/admin/editions", admin, NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/admin/editions/2\" lang=\"ar\" dir=\"rtl\""));
	CHECK(has(&body, "<a href=\"/admin/editions\">Editions</a>"));
	CHECK(request("GET", "/admin/editions/99", admin, NULL, NULL) == 404);
	/* Every bad field: 400, the form again, nothing saved. */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (post_as(admin, "/admin/editions", bad[i]) != 400)
			fprintf(stderr, "accepted: %s\n", bad[i]);
		CHECK(post_as(admin, "/admin/editions", bad[i]) == 400);
		CHECK(has(&body, "role=\"alert\""));
	}
	CHECK(query_int("SELECT count(*) FROM editions") == editions);

	/* Added: served at once, English interface, Editions entry. */
	CHECK(post_as(admin, "/admin/editions", good) == 303);
	id = query_int("SELECT id FROM editions WHERE code = 'de'");
	CHECK(id > 4);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'edition added' AND detail = 'de'") == 1);
	CHECK(query_int("SELECT (SELECT count(*) FROM edition_strings WHERE "
	                "edition_id = 1) - (SELECT count(*) FROM "
	                "edition_strings WHERE edition_id = (SELECT id FROM "
	                "editions WHERE code = 'de'))") == 0);
	CHECK(request("GET", "/de/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<html lang=\"de\" dir=\"ltr\">"));
	CHECK(has(&body, ">Gazette DE<"));
	CHECK(has(&body, ">Recent Posts<"));
	CHECK(has(&body, ">Editions</a>"));
	CHECK(has(&body, "<a href=\"/de/\" hreflang=\"de\" lang=\"de\">"
	                 "Deutsch</a>"));
	CHECK(request("GET", "/de/contact", NULL, NULL, NULL) == 200);
	CHECK(request("GET", "/de/media/videos", NULL, NULL, NULL) == 200);
	CHECK(request("GET", "/ar/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/de/\" hreflang=\"de\" lang=\"de\">"));
	/* Its prefix is now reserved for pages, and taken. */
	CHECK(post_as(editor, "/admin/pages/new",
	              "title=De&slug=de&state="
	              "draft") == 400);
	CHECK(post_as(admin, "/admin/editions",
	              "code=de2&prefix=de&name=D&lang=de&dir=ltr&"
	              "date_style=dmy&digits=latn&site_name=G&enabled=1") ==
	      400);

	/* Changed: disabled, renamed; the default edition stays served. */
	snprintf(uri, sizeof(uri), "/admin/editions/%lld", id);
	CHECK(request("GET", uri, admin, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"Deutsch\""));
	CHECK(post_as(admin, uri,
	              "code=de&prefix=deu&name=Deutsch&lang=de-DE&dir=ltr&"
	              "date_style=dmy&digits=latn&site_name=Gazette+DE&"
	              "position=4") == 303);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'edition changed' AND detail = 'de'") == 1);
	CHECK(request("GET", "/de/contact", NULL, NULL, NULL) == 404);
	CHECK(request("GET", "/deu/contact", NULL, NULL, NULL) == 404);
	CHECK(query_int("SELECT enabled FROM editions WHERE code = 'de'") == 0);
	CHECK(strcmp(query_text("SELECT prefix || lang FROM editions WHERE "
	                        "code = 'de'"),
	             "deude-DE") == 0);
	CHECK(post_as(admin, "/admin/editions/1",
	              "code=en&name=English&lang=en&dir=ltr&date_style=mdy&"
	              "digits=latn&site_name=Gazette&position=0") == 400);
	CHECK(has(&body, "cannot be disabled"));
	CHECK(post_as(admin, "/admin/editions/1",
	              "code=en&prefix=xx&name=English&lang=en&dir=ltr&"
	              "date_style=mdy&digits=latn&site_name=Homeward+Watch&"
	              "position=0&enabled=1") == 303);
	CHECK(strcmp(query_text("SELECT prefix FROM editions WHERE id = 1"),
	             "") == 0);
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(post_as(admin, "/admin/editions/99",
	              "code=zz&prefix=zz&name=Z&lang=zz&dir=ltr&"
	              "date_style=mdy&digits=latn&site_name=Z&enabled=1") ==
	      404);
	free(admin);
	free(editor);
}

int
main(void)
{
	staff_start();
	test_strings_complete();
	test_every_page();
	test_plurals();
	test_alternates();
	test_fallback_and_edits();
	test_translation_editors();
	test_strings_editor();
	test_admin_filters();
	test_admin_editions();
	driver_stop();
	TEST_DONE();
}
