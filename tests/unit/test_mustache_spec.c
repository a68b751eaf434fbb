/*
 * test_mustache_spec.c: runs the Mustache specification's own cases
 * (interpolation, sections, inverted sections, partials, comments) from the
 * shared corpora against template.c.  Delimiters, inheritance and lambdas
 * are not part of our subset and are not read.  Each case's data becomes a
 * struct tval; JSON strings become trusted HTML because the specification's
 * harness passes plain strings to {{{x}}}, which Gazette refuses for
 * TV_STR (STYLE.md 3.11 names this file as the one place tests may do so).
 * Exits 77 (skipped) when the corpora are absent.
 */
#include <jansson.h>
#include <math.h>

#include "render/template.h"
#include "testhelp.h"

static const char *const spec_files[] = {
    "interpolation", "sections", "inverted", "partials", "comments",
};

/* Marks a specification string as trusted: see the file comment. */
static struct tval *
spec_string(struct arena *a, const char *s, size_t len)
{
	struct trusted_html h = {s, len};

	return tv_html(a, h);
}

/* Converts JSON data to a template value; strings are borrowed from j. */
static struct tval *
spec_value(struct arena *a, json_t *j)
{
	struct tval *v;
	void *it;
	size_t i;
	double d;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		v = tv_map(a);
		for (it = json_object_iter(j); it != NULL;
		     it = json_object_iter_next(j, it))
			tv_set(a, v, json_object_iter_key(it),
			       spec_value(a, json_object_iter_value(it)));
		return v;
	case JSON_ARRAY:
		v = tv_list(a);
		for (i = 0; i < json_array_size(j); i++)
			tv_push(a, v, spec_value(a, json_array_get(j, i)));
		return v;
	case JSON_STRING:
		return spec_string(a, json_string_value(j),
		                   json_string_length(j));
	case JSON_INTEGER:
		return tv_int(a, (long long)json_integer_value(j));
	case JSON_REAL:
		d = json_real_value(j);
		if (d == floor(d) && fabs(d) < 9e15)
			return tv_int(a, (long long)d);
		return tv_double(a, d);
	case JSON_TRUE:
		return tv_bool(a, true);
	case JSON_FALSE:
		return tv_bool(a, false);
	case JSON_NULL:
		break;
	}
	return tv_null(a);
}

/* Runs one case; returns whether it passed, printing why when not. */
static bool
spec_case(const char *file, json_t *test)
{
	const char *name = json_string_value(json_object_get(test, "name"));
	json_t *tpl = json_object_get(test, "template");
	const char *want = json_string_value(json_object_get(test, "expected"));
	json_t *partials = json_object_get(test, "partials");
	struct template_set *set = template_set_new();
	struct arena a;
	struct buf out, err;
	void *it;
	bool ok = false;

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	for (it = json_object_iter(partials); it != NULL;
	     it = json_object_iter_next(partials, it)) {
		json_t *p = json_object_iter_value(it);

		if (template_set_add(set, json_object_iter_key(it),
		                     json_string_value(p),
		                     json_string_length(p), &err) < 0)
			goto out;
	}
	if (template_set_add(set, "spec-main", json_string_value(tpl),
	                     json_string_length(tpl), &err) < 0)
		goto out;
	if (template_render(set, "spec-main",
	                    spec_value(&a, json_object_get(test, "data")), &out,
	                    &err) < 0)
		goto out;
	ok = want != NULL && out.len == strlen(want) &&
	     memcmp(out.data, want, out.len) == 0;
out:
	if (!ok)
		fprintf(stderr,
		        "spec %s / %s failed\n  template: %s\n  got:  "
		        "\"%s\"\n  want: \"%s\"\n  error: %s\n",
		        file, name ? name : "?", json_string_value(tpl),
		        out.len ? out.data : "", want ? want : "(none)",
		        err.len ? err.data : "");
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
	template_set_free(set);
	return ok;
}

int
main(void)
{
	const char *dir = test_corpora_or_skip();
	char path[1024];
	size_t f, i;

	for (f = 0; f < sizeof(spec_files) / sizeof(spec_files[0]); f++) {
		json_error_t jerr;
		json_t *root, *tests;
		int passed = 0, total = 0;

		snprintf(path, sizeof(path), "%s/mustache-spec/%s.json", dir,
		         spec_files[f]);
		root = json_load_file(path, 0, &jerr);
		CHECK(root != NULL);
		if (root == NULL) {
			fprintf(stderr, "%s: %s\n", path, jerr.text);
			continue;
		}
		tests = json_object_get(root, "tests");
		CHECK(json_is_array(tests) && json_array_size(tests) > 0);
		for (i = 0; i < json_array_size(tests); i++) {
			bool ok =
			    spec_case(spec_files[f], json_array_get(tests, i));

			CHECK(ok);
			passed += ok;
			total++;
		}
		fprintf(stderr, "%s: %d/%d cases passed\n", spec_files[f],
		        passed, total);
		json_decref(root);
	}
	TEST_DONE();
}
