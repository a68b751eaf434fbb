/*
 * test_json.c: unit tests of the template engine's JSON tag {{%x}}
 * (template.c over html.c's html_json_string), which writes the values of
 * JSON-LD: every kind of value, what a script element must never see
 * (</script>, <!--, U+2028 and U+2029 written as \u escapes), each output
 * read back by jansson, and the golden corpus tests/unit/corpus/json/
 * (NAME.in: a string value, NAME.out: what {{%x}} writes for it).
 */
#include <jansson.h>

#include "render/template.h"
#include "testhelp.h"

/* Renders src as template "t" with ctx; returns a malloc'd string, the
 * output or "ERROR: message". */
static char *
render(const char *src, const struct tval *ctx)
{
	struct template_set *set = template_set_new();
	struct buf out, err;
	char *res;

	buf_init(&out);
	buf_init(&err);
	if (template_set_add(set, "t", src, strlen(src), &err) < 0 ||
	    template_render(set, "t", ctx, &out, &err) < 0) {
		buf_reset(&out);
		buf_printf(&out, "ERROR: %s", err.data);
	}
	res = buf_detach(&out);
	buf_free(&out);
	buf_free(&err);
	template_set_free(set);
	return res;
}

#define CHECK_RENDER(src, ctx, want)                                           \
	do {                                                                   \
		char *got_ = render((src), (ctx));                             \
		CHECK_STR(got_, (want));                                       \
		free(got_);                                                    \
	} while (0)

/* Renders {{%v}} with v the string s[0..len); returns it malloc'd. */
static char *
json_of(const char *s, size_t len)
{
	struct arena a;
	struct tval *m;
	char *res;

	arena_init(&a);
	m = tv_map(&a);
	tv_set(&a, m, "v", tv_strn(&a, s, len));
	res = render("{{%v}}", m);
	arena_free(&a);
	return res;
}

/* Every kind of value, and the errors. */
static void
test_kinds(void)
{
	struct arena a;
	struct tval *m, *l;
	struct trusted_html h = {"<p>a &amp; b</p>", 16};

	arena_init(&a);
	m = tv_map(&a);
	tv_set_str(&a, m, "s", "x");
	tv_set_int(&a, m, "n", -42);
	tv_set(&a, m, "d", tv_double(&a, 2.5));
	tv_set(&a, m, "nan", tv_double(&a, 0.0 / 0.0));
	tv_set_bool(&a, m, "yes", true);
	tv_set_bool(&a, m, "no", false);
	tv_set(&a, m, "none", tv_null(&a));
	tv_set(&a, m, "html", tv_html(&a, h));
	l = tv_set(&a, m, "list", tv_list(&a));
	tv_push(&a, l, tv_str(&a, "a"));
	tv_push(&a, l, tv_str(&a, "b<"));
	CHECK_RENDER("{{%s}} {{%n}} {{%d}} {{%nan}} {{%yes}} {{%no}} "
	             "{{%none}} {{%missing}}",
	             m, "\"x\" -42 2.5 null true false null null");
	/* Trusted HTML is a string like any other here. */
	CHECK_RENDER("{{%html}}", m,
	             "\"\\u003cp\\u003ea \\u0026amp; b\\u003c/"
	             "p\\u003e\"");
	/* Spaces inside the tag, the iterator, dotted names. */
	CHECK_RENDER("[{{#list}}{{% . }},{{/list}}]", m,
	             "[\"a\",\"b\\u003c\",]");
	CHECK_RENDER("{{#list}}{{%s}}{{/list}}", m, "\"x\"\"x\"");
	CHECK_RENDER("{{%list}}", m,
	             "ERROR: t:1: \"list\" is a list, not a value to write");
	CHECK_RENDER("{{%.}}", m,
	             "ERROR: t:1: \".\" is a map, not a value to write");
	/* {{x}} beside it still escapes for HTML. */
	CHECK_RENDER("{{s}}{{%s}}", m, "x\"x\"");
	arena_free(&a);
}

/* Checks that s[0..len) written by {{%v}} reads back as want (jansson)
 * and holds nothing a script element or an old parser would stop at. */
static void
check_roundtrip(const char *s, size_t len, const char *want, size_t want_len)
{
	char *out = json_of(s, len);
	json_error_t err;
	json_t *v = json_loads(out, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);

	CHECK(v != NULL && json_is_string(v));
	if (v != NULL && json_is_string(v))
		CHECK(json_string_length(v) == want_len &&
		      memcmp(json_string_value(v), want, want_len) == 0);
	CHECK(strpbrk(out, "<>&") == NULL);
	CHECK(strstr(out, "\xe2\x80\xa8") == NULL &&
	      strstr(out, "\xe2\x80\xa9") == NULL);
	for (const char *p = out; *p; p++)
		CHECK((unsigned char)*p >= 0x20);
	json_decref(v);
	free(out);
}

static void
test_roundtrip(void)
{
	static const char hostile[] =
	    "</script><script>alert(1)</script><!-- -->";

	check_roundtrip(hostile, strlen(hostile), hostile, strlen(hostile));
	check_roundtrip("a\0b", 3, "a\0b", 3);
	check_roundtrip("\"\\/\b\f\n\r\t\x7f", 10, "\"\\/\b\f\n\r\t\x7f", 10);
	check_roundtrip("\xe2\x80\xa8\xe2\x80\xa9", 6,
	                "\xe2\x80\xa8\xe2\x80\xa9", 6);
	check_roundtrip("\xd9\x81\xd8\xa7\xd8\xb1\xd8\xb3\xdb\x8c", 10,
	                "\xd9\x81\xd8\xa7\xd8\xb1\xd8\xb3\xdb\x8c", 10);
	/* Not UTF-8: replaced, so the document stays valid JSON. */
	check_roundtrip("\xc0\xaf<", 3, "\xef\xbf\xbd\xef\xbf\xbd<", 7);
}

/* For the golden corpus: what {{%v}} writes for the file's bytes. */
static char *
golden(const char *in, size_t len)
{
	return json_of(in, len);
}

int
main(void)
{
	int pairs;

	test_kinds();
	test_roundtrip();
	pairs = test_golden("json", golden);
	CHECK(pairs >= 8);
	TEST_DONE();
}
