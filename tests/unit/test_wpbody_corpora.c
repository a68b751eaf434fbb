/*
 * test_wpbody_corpora.c: every post_content (<content:encoded>) of every
 * WordPress export under ../shared/corpora (the theme unit tests, wptest,
 * the accessibility export and the 1,000-post export of WordPress 6.1)
 * through wpbody_render: no failure, output that sanitize_check.h
 * accepts (allowlisted elements and attributes only, no on* attribute,
 * no javascript: or other refused scheme in a URL, everything closed),
 * no "<script" anywhere, and a fixed point: sanitising the output again
 * gives the same bytes.  Prints how long the bodies of each export took
 * (the 1,000-post import must take at most a second in all).  Exits 77
 * when the corpora are absent.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/xmlreader.h>

#include "render/sanitize.h"
#include "render/wpbody.h"
#include "unit/sanitize_check.h"
#include "testhelp.h"

/* Checks one rendered body (html of body number n of path). */
static void
check_html(const char *path, int n, const char *html)
{
	struct trusted_html again;
	const char *why = sanitize_check(html);

	if (why != NULL)
		fprintf(stderr, "%s body %d: %s\n", path, n, why);
	CHECK(why == NULL);
	CHECK(!test_contains_nocase(html, "<script"));
	CHECK(sanitize_html(html, strlen(html), NULL, &again) == 0);
	if (again.html != NULL && strcmp(again.html, html) != 0)
		fprintf(stderr, "%s body %d: not a fixed point\n", path, n);
	CHECK(again.html != NULL && strcmp(again.html, html) == 0);
	free((char *)again.html);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Renders and checks every post_content of the export at path. */
static void
check_export(const char *path)
{
	xmlTextReaderPtr r =
	    xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
	int bodies = 0, ret;
	size_t bytes = 0;
	double spent = 0;

	CHECK(r != NULL);
	if (r == NULL)
		return;
	while ((ret = xmlTextReaderRead(r)) == 1) {
		const xmlChar *name;
		xmlChar *body;
		struct wpbody_result res;
		double t0;

		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		name = xmlTextReaderConstName(r);
		if (name == NULL ||
		    strcmp((const char *)name, "content:encoded") != 0)
			continue;
		body = xmlTextReaderReadString(r);
		if (body == NULL)
			continue;
		bodies++;
		bytes += strlen((const char *)body);
		t0 = now_s();
		CHECK(wpbody_render((const char *)body,
		                    strlen((const char *)body), NULL,
		                    &res) == 0);
		spent += now_s() - t0;
		if (res.html.html != NULL)
			check_html(path, bodies, res.html.html);
		if (res.excerpt.html != NULL)
			check_html(path, bodies, res.excerpt.html);
		wpbody_result_free(&res);
		xmlFree(body);
	}
	CHECK(ret == 0);
	xmlFreeTextReader(r);
	CHECK(bodies > 0);
	fprintf(stderr, "%s: %d bodies, %zu bytes, %.3f s in wpbody_render\n",
	        path, bodies, bytes, spent);
}

/* Checks every .xml and .wxr file in dir and the folders right below. */
static int
walk(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char path[1024];
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (n > 4 && (strcmp(e->d_name + n - 4, ".xml") == 0 ||
		              strcmp(e->d_name + n - 4, ".wxr") == 0)) {
			check_export(path);
			files++;
		} else if (depth < 2 && e->d_type == DT_DIR &&
		           strcmp(e->d_name, "mustache-spec") != 0) {
			files += walk(path, depth + 1);
		}
	}
	closedir(d);
	return files;
}

int
main(void)
{
	const char *dir = test_corpora_or_skip();

	CHECK(walk(dir, 0) >= 5);
	xmlCleanupParser();
	TEST_DONE();
}
