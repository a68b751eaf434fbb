/*
 * test_terms.c: the categories and tags pages through the real request
 * path: who may use them (admins and editors; authors and moderators
 * 403, no session to the login page, no CSRF token 403); categories
 * added (in any edition), nested, changed, refused (a blank or bad name,
 * a bad or taken slug, a parent of another edition, a cycle, a long
 * description: 400 with the form as sent, nothing changed) and deleted
 * (articles left without a category, subcategories up to the parent);
 * tags the same; the public archive and feed of a new term at the next
 * request; a changed slug's old archive and feeds answering 301; the
 * audit rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "staff.h"

/* Returns the id of the category of edition edition with slug. */
static long long
category_id(int edition, const char *slug)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "SELECT id FROM categories WHERE edition_id = %d AND "
	         "slug = '%s'",
	         edition, slug);
	return query_int(q);
}

/* The same for tags. */
static long long
tag_id(int edition, const char *slug)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "SELECT id FROM tags WHERE edition_id = %d AND slug = '%s'",
	         edition, slug);
	return query_int(q);
}

/* Whether the audit log has a row with action and detail. */
static bool
audited(const char *action, const char *detail)
{
	char q[512];

	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM audit_log WHERE action = '%s' AND "
	         "detail = '%s' AND user_name = 'alice'",
	         action, detail);
	return query_int(q) == 1;
}

static void
test_access(void)
{
	char *author = session_of("erin"), *moderator = session_of("dave");
	char *editor = session_of("alice"), *admin = session_of("carol");
	long long cats = query_int("SELECT count(*) FROM categories");
	long long tags = query_int("SELECT count(*) FROM tags");
	static const char *const gets[] = {
	    "/admin/categories", "/admin/categories/1", "/admin/tags",
	    "/admin/tags/1", "/admin/categories?edition=2"};
	static const char *const posts[] = {"/admin/categories",
	                                    "/admin/categories/3",
	                                    "/admin/categories/3/delete",
	                                    "/admin/tags",
	                                    "/admin/tags/3",
	                                    "/admin/tags/3/delete"};

	for (size_t i = 0; i < sizeof(gets) / sizeof(gets[0]); i++) {
		CHECK(request("GET", gets[i], NULL, NULL, NULL) == 303);
		CHECK(has(&head, "Location: /admin/login\r\n"));
		CHECK(request("GET", gets[i], author, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], moderator, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], admin, NULL, NULL) == 200);
		CHECK(request("GET", gets[i], editor, NULL, NULL) == 200);
	}
	/* In the bar of those who may use them only. */
	CHECK(has(&body, "<a href=\"/admin/categories\">Categories</a>"));
	CHECK(has(&body, "<a href=\"/admin/tags\">Tags</a>"));
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/categories"));
	CHECK(!has(&body, "/admin/tags"));
	CHECK(request("GET", "/admin", moderator, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/categories"));

	for (size_t i = 0; i < sizeof(posts) / sizeof(posts[0]); i++) {
		/* Authors and moderators, with a valid token too. */
		CHECK(post_as(author, posts[i], "edition=1&name=X&slug=x") ==
		      403);
		CHECK(post_as(moderator, posts[i], "edition=1&name=X&slug=x") ==
		      403);
		/* No token, or a wrong one. */
		CHECK(request("POST", posts[i], editor, NULL,
		              "edition=1&name=X&slug=x") == 403);
		CHECK(
		    request("POST", posts[i], admin, NULL,
		            "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&"
		            "edition=1&name=X&slug=x") == 403);
	}
	CHECK(query_int("SELECT count(*) FROM categories") == cats);
	CHECK(query_int("SELECT count(*) FROM tags") == tags);
	CHECK(category_id(1, "open-letters") == 3);
	CHECK(tag_id(1, "interviews") == 3);

	/* Unknown terms and editions. */
	CHECK(request("GET", "/admin/categories/99999", editor, NULL, NULL) ==
	      404);
	CHECK(request("GET", "/admin/tags/99999", editor, NULL, NULL) == 404);
	CHECK(request("GET", "/admin/categories?edition=999", editor, NULL,
	              NULL) == 400);
	CHECK(request("GET", "/admin/tags?page=0", editor, NULL, NULL) == 400);
	CHECK(post_as(editor, "/admin/categories/99999/delete", "") == 404);
	CHECK(post_as(editor, "/admin/tags/99999", "name=X") == 404);
	CHECK(post_as(editor, "/admin/categories", "edition=999&name=X") ==
	      400);
	CHECK(query_int("SELECT count(*) FROM categories") == cats);
	free(author);
	free(moderator);
	free(editor);
	free(admin);
}

static void
test_list(void)
{
	char *editor = session_of("alice");

	/* English by default: a tree (Field Reports under News), the
	 * articles using each, linked to the articles list. */
	CHECK(request("GET", "/admin/categories", editor, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/admin/categories/1\">News</a>"));
	CHECK(has(&body, "<a href=\"/admin/categories/2\">\xe2\x80\x94 Field "
	                 "Reports</a>"));
	CHECK(has(&body, "<td><a href=\"/category/news\">news</a></td>"));
	CHECK(has(&body, "/admin/articles?category=1&amp;edition=1"));
	CHECK(has(&body, "Reporting from the field and the desk."));
	CHECK(has(&body, "<option value=\"1\" selected>English</option>"));
	/* The Arabic edition's one category, in its own direction. */
	CHECK(request("GET", "/admin/categories?edition=2", editor, NULL,
	              NULL) == 200);
	CHECK(has(&body, "<a href=\"/ar/category/news\">news</a>"));
	CHECK(has(&body, "<tbody lang=\"ar\" dir=\"rtl\">"));
	CHECK(!has(&body, "field-reports"));
	CHECK(has(&body, "name=\"edition\" value=\"2\""));
	/* Tags with their counts. */
	CHECK(request("GET", "/admin/tags", editor, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/tag/human-rights\">human-rights</a>"));
	CHECK(!has(&body, "name=\"parent\""));
	free(editor);
}

static void
test_categories(void)
{
	char *editor = session_of("alice"), uri[128], form[4096], loc[256];
	long long climate, heat, records, cats,
	    news_ar = category_id(2, "news");
	long long article =
	    query_int("SELECT id FROM articles WHERE edition_id = 1 AND "
	              "state = 'published' ORDER BY id LIMIT 1");
	char *long_text = malloc(2100);

	/* Added: the slug made from the name; audited. */
	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=Climate+Desk&slug=&parent="
	              "&description=Weather%0D%0Aand+more") == 303);
	climate = category_id(1, "climate-desk");
	CHECK(climate > 0);
	snprintf(loc, sizeof(loc), "Location: /admin/categories/%lld?saved=1",
	         climate);
	CHECK(has(&head, loc));
	CHECK(query_int("SELECT count(*) FROM categories WHERE id = (SELECT "
	                "max(id) FROM categories) AND parent_id IS NULL AND "
	                "description = 'Weather' || char(10) || 'and more'") ==
	      1);
	CHECK(audited("category added", "en: climate-desk"));
	snprintf(uri, sizeof(uri), "/admin/categories/%lld?saved=1", climate);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"Climate Desk\""));
	CHECK(has(&body, "role=\"status\">Saved"));

	/* The public archive and feed at the next request. */
	CHECK(request("GET", "/category/climate-desk", NULL, NULL, NULL) ==
	      200);
	snprintf(form, sizeof(form),
	         "UPDATE articles SET category_id = %lld WHERE id = %lld",
	         climate, article);
	sql(form);
	CHECK(request("GET", "/category/climate-desk", NULL, NULL, NULL) ==
	      200);
	CHECK(has(&body, "Climate Desk"));
	snprintf(form, sizeof(form),
	         "SELECT '/articles/' || slug FROM "
	         "articles WHERE id = %lld",
	         article);
	snprintf(loc, sizeof(loc), "href=\"%s\"", query_text(form));
	CHECK(has(&body, loc));
	CHECK(request("GET", "/category/climate-desk/feed.atom", NULL, NULL,
	              NULL) == 200);
	CHECK(has(&body, "Climate Desk"));

	/* Nested: Heatwaves under Climate Desk, Records under Heatwaves. */
	snprintf(form, sizeof(form), "edition=1&name=Heatwaves&parent=%lld",
	         climate);
	CHECK(post_as(editor, "/admin/categories", form) == 303);
	heat = category_id(1, "heatwaves");
	snprintf(form, sizeof(form), "edition=1&name=Records&parent=%lld",
	         heat);
	CHECK(post_as(editor, "/admin/categories", form) == 303);
	records = category_id(1, "records");
	CHECK(heat > 0 && records > 0);
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM categories WHERE id = %lld AND "
	         "parent_id = %lld",
	         records, heat);
	CHECK(query_int(form) == 1);
	CHECK(request("GET", "/admin/categories", editor, NULL, NULL) == 200);
	CHECK(has(&body, "\xe2\x80\x94 \xe2\x80\x94 Records</a>"));
	/* A category's own form offers neither it nor those below it. */
	snprintf(uri, sizeof(uri), "/admin/categories/%lld", heat);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "<option value=\"%lld\" selected>",
	         climate);
	CHECK(has(&body, form));
	snprintf(form, sizeof(form), "<option value=\"%lld\"", records);
	CHECK(!has(&body, form));
	snprintf(form, sizeof(form), "<option value=\"%lld\"", heat);
	CHECK(!has(&body, form));

	/* Refused, nothing changed: cycles, itself, another edition's. */
	cats = query_int("SELECT count(*) FROM categories");
	snprintf(uri, sizeof(uri), "/admin/categories/%lld", climate);
	snprintf(form, sizeof(form),
	         "name=Climate+Desk&slug=climate-desk&parent=%lld", records);
	CHECK(post_as(editor, uri, form) == 400);
	CHECK(has(&body, "neither this category nor one below it"));
	CHECK(has(&body, "value=\"Climate Desk\""));
	snprintf(form, sizeof(form),
	         "name=Climate+Desk&slug=climate-desk&parent=%lld", heat);
	CHECK(post_as(editor, uri, form) == 400);
	snprintf(form, sizeof(form),
	         "name=Climate+Desk&slug=climate-desk&parent=%lld", climate);
	CHECK(post_as(editor, uri, form) == 400);
	snprintf(form, sizeof(form),
	         "name=Climate+Desk&slug=climate-desk&parent=%lld", news_ar);
	CHECK(post_as(editor, uri, form) == 400);
	snprintf(form, sizeof(form), "edition=1&name=Mixed&parent=%lld",
	         news_ar);
	CHECK(post_as(editor, "/admin/categories", form) == 400);
	CHECK(has(&body, "neither this category nor one below it"));
	CHECK(has(&body, "value=\"Mixed\""));
	snprintf(form, sizeof(form), "edition=2&name=Mixed&parent=%lld",
	         climate);
	CHECK(post_as(editor, "/admin/categories", form) == 400);
	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=Mixed&parent=x") == 400);
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM categories WHERE id = %lld AND "
	         "parent_id IS NULL AND slug = 'climate-desk'",
	         climate);
	CHECK(query_int(form) == 1);

	/* Slugs: taken in the edition, bad; free in another edition. */
	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=More+news&slug=news") == 400);
	CHECK(has(&body, "Another one of this edition has that slug."));
	CHECK(has(&body, "value=\"More news\""));
	CHECK(post_as(editor, "/admin/categories", "edition=1&name=News") ==
	      400);
	snprintf(form, sizeof(form), "name=Heat&slug=records&parent=%lld",
	         climate);
	snprintf(uri, sizeof(uri), "/admin/categories/%lld", heat);
	CHECK(post_as(editor, uri, form) == 400);
	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=Bad&slug=Bad+Slug") == 400);
	CHECK(has(&body, "single hyphens"));
	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=%21%21%21") == 400);
	/* Names and descriptions. */
	CHECK(post_as(editor, "/admin/categories", "edition=1&name=+++") ==
	      400);
	CHECK(has(&body, "Give a name"));
	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=Two%0Alines") == 400);
	memset(long_text, 'x', 2001);
	long_text[2001] = '\0';
	snprintf(form, sizeof(form), "edition=1&name=Long&description=%s",
	         long_text);
	CHECK(post_as(editor, "/admin/categories", form) == 400);
	CHECK(has(&body, "The description is too long"));
	CHECK(query_int("SELECT count(*) FROM categories") == cats);
	/* Limits count characters: 200 Arabic letters (400 bytes) are a
	 * name, 201 are not. */
	{
		char arabic[201 * 6 + 1];

		for (int k = 0; k < 201; k++)
			memcpy(arabic + k * 6, "%D8%B9", 6); /* ع */
		arabic[201 * 6] = '\0';
		snprintf(form, sizeof(form), "edition=2&name=%s&slug=long-ar",
		         arabic);
		CHECK(post_as(editor, "/admin/categories", form) == 400);
		CHECK(has(&body, "1 to 200 characters"));
		arabic[200 * 6] = '\0';
		snprintf(form, sizeof(form), "edition=2&name=%s&slug=long-ar",
		         arabic);
		CHECK(post_as(editor, "/admin/categories", form) == 303);
		CHECK(query_int("SELECT count(*) FROM categories") == cats + 1);
		sql("DELETE FROM categories WHERE slug = 'long-ar'");
	}
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'category added'") == 4);
	/* The same slug in the Albanian edition is free. */
	CHECK(post_as(editor, "/admin/categories",
	              "edition=4&name=News+in+English&slug=news") == 303);
	CHECK(category_id(4, "news") > 0);
	CHECK(request("GET", "/sq/category/news", NULL, NULL, NULL) == 200);
	CHECK(audited("category added", "sq: news"));

	/* A changed slug: the old archive and feed answer 301. */
	snprintf(uri, sizeof(uri), "/admin/categories/%lld", climate);
	CHECK(post_as(editor, uri,
	              "name=Climate&slug=climate&parent=&description=") == 303);
	CHECK(category_id(1, "climate") == climate);
	CHECK(audited("category changed",
	              "en: climate-desk \xe2\x86\x92 climate"));
	CHECK(request("GET", "/category/climate-desk", NULL, NULL, NULL) ==
	      301);
	CHECK(has(&head, "Location: /category/climate\r\n"));
	CHECK(request("GET", "/category/climate-desk/", NULL, NULL, NULL) ==
	      301);
	CHECK(has(&head, "Location: /category/climate\r\n"));
	CHECK(request("GET", "/category/climate-desk/feed.atom", NULL, NULL,
	              NULL) == 301);
	CHECK(has(&head, "Location: /category/climate/feed.atom\r\n"));
	CHECK(request("GET", "/category/climate-desk/feed.rss", NULL, NULL,
	              NULL) == 301);
	CHECK(has(&head, "Location: /category/climate/feed.rss\r\n"));
	CHECK(request("GET", "/category/climate-desk/page/2", NULL, NULL,
	              NULL) == 404);
	CHECK(request("GET", "/category/climate", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Climate"));
	CHECK(request("GET", "/category/nothing-here", NULL, NULL, NULL) ==
	      404);
	/* Renamed again: both old addresses lead to the newest. */
	CHECK(post_as(editor, uri, "name=Climate&slug=climate-and-weather") ==
	      303);
	CHECK(request("GET", "/category/climate-desk", NULL, NULL, NULL) ==
	      301);
	CHECK(has(&head, "Location: /category/climate-and-weather\r\n"));
	CHECK(request("GET", "/category/climate", NULL, NULL, NULL) == 301);
	CHECK(has(&head, "Location: /category/climate-and-weather\r\n"));
	/* In another edition, under its prefix. */
	snprintf(uri, sizeof(uri), "/admin/categories/%lld", news_ar);
	CHECK(post_as(editor, uri,
	              "name=%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1&slug=akhbar") ==
	      303);
	CHECK(request("GET", "/ar/category/news", NULL, NULL, NULL) == 301);
	CHECK(has(&head, "Location: /ar/category/akhbar\r\n"));
	CHECK(request("GET", "/ar/category/akhbar", NULL, NULL, NULL) == 200);

	/* Deleting the middle one moves Records up to Climate. */
	snprintf(uri, sizeof(uri), "/admin/categories/%lld/delete", heat);
	CHECK(post_as(editor, uri, "") == 303);
	CHECK(
	    has(&head, "Location: /admin/categories?edition=1&deleted=1\r\n"));
	CHECK(category_id(1, "heatwaves") == -1);
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM categories WHERE id = %lld AND "
	         "parent_id = %lld",
	         records, climate);
	CHECK(query_int(form) == 1);
	CHECK(audited("category deleted", "en: heatwaves (0 articles)"));
	CHECK(request("GET", "/admin/categories?edition=1&deleted=1", editor,
	              NULL, NULL) == 200);
	CHECK(has(&body, "role=\"status\">Deleted."));
	/* Deleting Climate: its article is left without a category and
	 * stays published; its old addresses are gone. */
	snprintf(uri, sizeof(uri), "/admin/categories/%lld/delete", climate);
	CHECK(post_as(editor, uri, "") == 303);
	CHECK(audited("category deleted",
	              "en: climate-and-weather (1 articles)"));
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM articles WHERE id = %lld AND "
	         "category_id IS NULL AND state = 'published'",
	         article);
	CHECK(query_int(form) == 1);
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM categories WHERE id = %lld AND "
	         "parent_id IS NULL",
	         records);
	CHECK(query_int(form) == 1);
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM redirects WHERE kind = 'category' AND "
	         "target_id = %lld",
	         climate);
	CHECK(query_int(form) == 0);
	CHECK(request("GET", "/category/climate-and-weather", NULL, NULL,
	              NULL) == 404);
	CHECK(request("GET", "/category/climate-desk", NULL, NULL, NULL) ==
	      404);
	snprintf(uri, sizeof(uri), "/articles/%s",
	         query_text("SELECT slug FROM articles WHERE category_id IS "
	                    "NULL AND state = 'published' AND edition_id = 1 "
	                    "ORDER BY id LIMIT 1"));
	CHECK(request("GET", uri, NULL, NULL, NULL) == 200);
	snprintf(uri, sizeof(uri), "/admin/categories/%lld/delete", climate);
	CHECK(post_as(editor, uri, "") == 404);
	free(long_text);
	free(editor);
}

static void
test_tags(void)
{
	char *editor = session_of("alice"), uri[128], form[1024];
	long long drought, tags = query_int("SELECT count(*) FROM tags");
	long long linked;

	CHECK(post_as(editor, "/admin/tags", "edition=1&name=Drought&slug=") ==
	      303);
	drought = tag_id(1, "drought");
	CHECK(drought > 0);
	CHECK(audited("tag added", "en: drought"));
	snprintf(form, sizeof(form),
	         "INSERT INTO article_tags (article_id, tag_id) SELECT id, "
	         "%lld FROM articles WHERE edition_id = 1 AND state = "
	         "'published' ORDER BY id LIMIT 2",
	         drought);
	sql(form);
	CHECK(request("GET", "/tag/drought", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Drought"));
	CHECK(request("GET", "/tag/drought/feed.atom", NULL, NULL, NULL) ==
	      200);
	CHECK(request("GET", "/admin/tags", editor, NULL, NULL) == 200);
	snprintf(form, sizeof(form),
	         "<a href=\"/admin/tags/%lld\">Drought</a></td><td><a "
	         "href=\"/tag/drought\">drought</a></td><td></td><td>2</td>",
	         drought);
	CHECK(has(&body, form));

	/* Refused: a taken or bad slug, a blank name. */
	CHECK(post_as(editor, "/admin/tags", "edition=1&name=Families") == 400);
	CHECK(has(&body, "Another one of this edition has that slug."));
	snprintf(uri, sizeof(uri), "/admin/tags/%lld", drought);
	CHECK(post_as(editor, uri, "name=Drought&slug=health") == 400);
	CHECK(post_as(editor, uri, "name=Drought&slug=-x-") == 400);
	CHECK(post_as(editor, uri, "name=&slug=drought") == 400);
	CHECK(tag_id(1, "drought") == drought);
	CHECK(query_int("SELECT count(*) FROM tags") == tags + 1);

	/* Renamed: the old archive and feed lead to the new ones. */
	CHECK(post_as(editor, uri, "name=Dry+season&slug=dry-season") == 303);
	CHECK(audited("tag changed", "en: drought \xe2\x86\x92 dry-season"));
	CHECK(request("GET", "/tag/drought", NULL, NULL, NULL) == 301);
	CHECK(has(&head, "Location: /tag/dry-season\r\n"));
	CHECK(request("GET", "/tag/drought/feed.atom", NULL, NULL, NULL) ==
	      301);
	CHECK(has(&head, "Location: /tag/dry-season/feed.atom\r\n"));
	CHECK(request("GET", "/tag/drought/feed.rss", NULL, NULL, NULL) == 301);
	CHECK(has(&head, "Location: /tag/dry-season/feed.rss\r\n"));
	CHECK(request("GET", "/tag/dry-season", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Dry season"));

	/* Deleted: taken off its articles, which stay. */
	linked = query_int("SELECT count(*) FROM articles");
	snprintf(uri, sizeof(uri), "/admin/tags/%lld/delete", drought);
	CHECK(post_as(editor, uri, "") == 303);
	CHECK(has(&head, "Location: /admin/tags?edition=1&deleted=1\r\n"));
	CHECK(audited("tag deleted", "en: dry-season (2 articles)"));
	snprintf(form, sizeof(form),
	         "SELECT count(*) FROM article_tags WHERE tag_id = %lld",
	         drought);
	CHECK(query_int(form) == 0);
	CHECK(query_int("SELECT count(*) FROM articles") == linked);
	CHECK(tag_id(1, "dry-season") == -1);
	CHECK(request("GET", "/tag/dry-season", NULL, NULL, NULL) == 404);
	CHECK(request("GET", "/tag/drought", NULL, NULL, NULL) == 404);

	/* A tag of a new edition's own. */
	CHECK(post_as(editor, "/admin/tags", "edition=3&name=Test+tag") == 303);
	CHECK(tag_id(3, "test-tag") > 0);
	CHECK(tag_id(1, "test-tag") == -1);
	free(editor);
}

/*
 * Whether the categories list shows category cat with count n (linked to
 * its articles) and the tags list the tag "Counted tag" (id tag) with
 * count n.
 */
static bool
counts_shown(const char *editor, long long cat, long long tag, long long n)
{
	char want[512];
	bool ok;

	CHECK(request("GET", "/admin/categories", editor, NULL, NULL) == 200);
	snprintf(want, sizeof(want),
	         "<a href=\"/admin/articles?category=%lld&amp;edition=1\">"
	         "%lld</a>",
	         cat, n);
	ok = has(&body, want);
	CHECK(request("GET", "/admin/tags", editor, NULL, NULL) == 200);
	snprintf(want, sizeof(want),
	         "<a href=\"/admin/tags/%lld\">Counted tag</a></td><td><a "
	         "href=\"/tag/counted-tag\">counted-tag</a></td><td></td>"
	         "<td>%lld</td></tr>",
	         tag, n);
	return ok && has(&body, want);
}

/*
 * The lists count published articles only, as WordPress's Count does:
 * three articles under a new category and a new tag, one of them a
 * draft and one private, count 1; publishing the draft makes it 2.  The
 * delete hint still counts all three (deleting touches them all).
 */
static void
test_counts(void)
{
	char *editor = session_of("alice"), q[512], uri[128];
	long long cat, tag, ids[3];

	CHECK(post_as(editor, "/admin/categories",
	              "edition=1&name=Counted&slug=&parent=") == 303);
	CHECK(post_as(editor, "/admin/tags", "edition=1&name=Counted+tag") ==
	      303);
	cat = category_id(1, "counted");
	tag = tag_id(1, "counted-tag");
	CHECK(cat > 0 && tag > 0);
	for (int i = 0; i < 3; i++) {
		snprintf(q, sizeof(q),
		         "SELECT id FROM articles WHERE edition_id = 1 AND "
		         "state = 'published' ORDER BY id LIMIT 1 OFFSET %d",
		         i);
		ids[i] = query_int(q);
		CHECK(ids[i] > 0);
		snprintf(q, sizeof(q),
		         "UPDATE articles SET category_id = %lld WHERE id = "
		         "%lld; INSERT INTO article_tags (article_id, tag_id) "
		         "VALUES (%lld, %lld)",
		         cat, ids[i], ids[i], tag);
		sql(q);
	}
	snprintf(q, sizeof(q),
	         "UPDATE articles SET state = 'draft' WHERE id = %lld; "
	         "UPDATE articles SET state = 'private' WHERE id = %lld",
	         ids[1], ids[2]);
	sql(q);

	CHECK(request("GET", "/admin/categories", editor, NULL, NULL) == 200);
	CHECK(has(&body, "<th scope=\"col\">Published articles</th>"));
	CHECK(counts_shown(editor, cat, tag, 1));
	CHECK(!counts_shown(editor, cat, tag, 3));
	/* The delete hint: every article that deleting touches. */
	snprintf(uri, sizeof(uri), "/admin/tags/%lld", tag);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "Articles using it: 3</small>"));

	/* Published: counted at the next request. */
	snprintf(q, sizeof(q),
	         "UPDATE articles SET state = 'published' WHERE id = %lld",
	         ids[1]);
	sql(q);
	CHECK(counts_shown(editor, cat, tag, 2));

	snprintf(q, sizeof(q),
	         "UPDATE articles SET state = 'published' WHERE id = %lld",
	         ids[2]);
	sql(q);
	free(editor);
}

/*
 * Tags have a description as categories do (migration 029): added and
 * changed through /admin/tags, shown in the list and the form, refused
 * when too long (400, nothing changed), and shown escaped at the head of
 * the tag's archive, as its meta description and as its feeds' subtitle.
 */
static void
test_tag_descriptions(void)
{
	char *editor = session_of("alice"), uri[128], q[256];
	char *long_form = malloc(2200);
	long long id;

	CHECK(post_as(editor, "/admin/tags",
	              "edition=1&name=Floods&slug=&description=Rivers+%26+"
	              "rain+%3Cscript%3E") == 303);
	id = tag_id(1, "floods");
	CHECK(id > 0);
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM tags WHERE id = %lld AND description "
	         "= 'Rivers & rain <script>'",
	         id);
	CHECK(query_int(q) == 1);
	CHECK(request("GET", "/admin/tags", editor, NULL, NULL) == 200);
	CHECK(has(&body, "<td>Rivers &amp; rain &lt;script&gt;</td>"));
	snprintf(uri, sizeof(uri), "/admin/tags/%lld", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"description\" rows=\"4\" maxlength=\"2000\" "
	                 "dir=\"auto\">Rivers &amp; rain &lt;script&gt;"
	                 "</textarea>"));

	/* The archive's head, meta description and feeds. */
	CHECK(request("GET", "/tag/floods", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<p class=\"archive-description\">Rivers &amp; "
	                 "rain &lt;script&gt;</p>"));
	CHECK(has(&body, "<meta name=\"description\" content=\"Rivers "
	                 "&amp; rain &lt;script&gt;\">"));
	CHECK(!has(&body, "<script>"));
	CHECK(request("GET", "/tag/floods/feed.atom", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<subtitle>Rivers &amp; rain &lt;script&gt;"
	                 "</subtitle>"));

	/* Too long: the form again, nothing changed. */
	snprintf(long_form, 2200, "name=Floods&slug=floods&description=");
	memset(long_form + strlen(long_form), 'x', 2001);
	long_form[strlen("name=Floods&slug=floods&description=") + 2001] = '\0';
	CHECK(post_as(editor, uri, long_form) == 400);
	CHECK(has(&body, "The description is too long"));
	CHECK(query_int(q) == 1);

	/* Changed, then emptied: the archive shows none. */
	CHECK(post_as(editor, uri,
	              "name=Floods&slug=floods&description=High+water") == 303);
	CHECK(audited("tag changed", "en: floods"));
	CHECK(request("GET", "/tag/floods", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<p class=\"archive-description\">High water</p>"));
	CHECK(post_as(editor, uri, "name=Floods&slug=floods&description=") ==
	      303);
	CHECK(request("GET", "/tag/floods", NULL, NULL, NULL) == 200);
	CHECK(!has(&body, "archive-description"));
	CHECK(!has(&body, "High water"));
	free(long_form);
	free(editor);
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"},
	    {"carol", "Carol", "admin"},
	    {"dave", "Dave", "moderator"},
	    {"erin", "Erin", "author"},
	};

	driver_create();
	staff_create(accounts, sizeof(accounts) / sizeof(accounts[0]));
	driver_start();

	test_access();
	test_list();
	test_categories();
	test_tags();
	test_counts();
	test_tag_descriptions();

	driver_stop();
	TEST_DONE();
}
