/*
 * test_template.c: unit tests of the Mustache engine (template.c) and its
 * values: parse errors and their line numbers, escaping, the refusal of
 * plain strings under {{{x}}}, depth and size limits, name resolution,
 * standalone lines and partial indentation, loading from a folder and from
 * the embedded templates, plus the golden corpus in
 * tests/unit/corpus/template/ rendered against one fixed context.
 */
#include <limits.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "embedded.h"
#include "render/template.h"
#include "testhelp.h"

/*
 * Builds trusted HTML from a literal.  Production code may not (only
 * markdown.c, sanitize.c and one query do); a test needs it to exercise
 * {{{x}}}.
 */
static struct tval *
test_trusted(struct arena *a, const char *s)
{
	struct trusted_html h = {s, strlen(s)};

	return tv_html(a, h);
}

/*
 * Parses src as template "t" in a fresh set (with the partials given as
 * {name, text} pairs ending in {NULL, NULL}) and renders it with ctx.
 * Returns a malloc'd string: the output, or "ERROR: message".
 */
static char *
render_with(const char *src, const struct tval *ctx,
            const char *const (*parts)[2])
{
	struct template_set *set = template_set_new();
	struct buf out, err;
	char *res;

	buf_init(&out);
	buf_init(&err);
	for (; parts != NULL && (*parts)[0] != NULL; parts++)
		if (template_set_add(set, (*parts)[0], (*parts)[1],
		                     strlen((*parts)[1]), &err) < 0)
			goto fail;
	if (template_set_add(set, "t", src, strlen(src), &err) < 0 ||
	    template_render(set, "t", ctx, &out, &err) < 0)
		goto fail;
	res = buf_detach(&out);
	goto done;
fail:
	buf_reset(&out);
	buf_printf(&out, "ERROR: %s", err.data);
	res = buf_detach(&out);
done:
	buf_free(&out);
	buf_free(&err);
	template_set_free(set);
	return res;
}

/* Checks that rendering src with ctx gives want; frees the result. */
#define CHECK_RENDER(src, ctx, parts, want)                                    \
	do {                                                                   \
		char *got_ = render_with((src), (ctx), (parts));               \
		CHECK_STR(got_, (want));                                       \
		free(got_);                                                    \
	} while (0)

static void
test_values(void)
{
	struct arena a;
	struct tval *m, *l;

	arena_init(&a);
	m = tv_map(&a);
	l = tv_list(&a);
	CHECK(tv_kind(m) == TV_MAP && tv_kind(l) == TV_LIST);
	tv_set_str(&a, m, "k", "one");
	tv_set_int(&a, m, "k", 2);
	CHECK(tv_kind(tv_get(m, "k")) == TV_INT);
	tv_set_bool(&a, m, "b", true);
	CHECK(tv_kind(tv_get(m, "b")) == TV_BOOL);
	CHECK(tv_get(m, "missing") == NULL);
	CHECK(tv_get(l, "k") == NULL);
	for (int i = 0; i < 100; i++)
		tv_push(&a, l, tv_int(&a, i));
	CHECK(tv_list_len(l) == 100);
	CHECK(tv_list_len(m) == 0);
	tv_set(&a, m, "l", l);
	for (int i = 0; i < 40; i++)
		tv_set(&a, m, arena_printf(&a, "key%d", i), tv_int(&a, i));
	CHECK(tv_kind(tv_get(m, "key39")) == TV_INT);
	CHECK(tv_kind(tv_str(&a, NULL)) == TV_NULL);
	CHECK_RENDER("{{k}} {{key7}} {{#l}}{{.}}{{/l}}", m, NULL,
	             "2 7 0123456789101112131415161718192021222324252627282930"
	             "313233343536373839404142434445464748495051525354555657"
	             "585960616263646566676869707172737475767778798081828384"
	             "858687888990919293949596979899");
	arena_free(&a);
}

static void
test_escaping(void)
{
	struct arena a;
	struct tval *m;

	arena_init(&a);
	m = tv_map(&a);
	tv_set_str(&a, m, "title", "<&>\"'");
	tv_set(&a, m, "body", test_trusted(&a, "<p>a &amp; b</p>"));
	tv_set(&a, m, "nul", tv_strn(&a, "a\0<", 3));
	tv_set_int(&a, m, "n", -42);
	tv_set(&a, m, "d", tv_double(&a, 2.5));
	tv_set_bool(&a, m, "yes", true);
	tv_set(&a, m, "none", tv_null(&a));
	CHECK_RENDER("{{title}}", m, NULL, "&lt;&amp;&gt;&quot;&#39;");
	CHECK_RENDER("<a title=\"{{title}}\">", m, NULL,
	             "<a title=\"&lt;&amp;&gt;&quot;&#39;\">");
	CHECK_RENDER("{{{body}}}|{{&body}}|{{body}}", m, NULL,
	             "<p>a &amp; b</p>|<p>a &amp; b</p>|"
	             "&lt;p&gt;a &amp;amp; b&lt;/p&gt;");
	/* Plain strings never go out raw, whatever the tag. */
	CHECK_RENDER("ok\n{{{title}}}", m, NULL,
	             "ERROR: t:2: \"title\" is a plain string: {{{ }}} and "
	             "{{& }} take only trusted HTML");
	CHECK_RENDER("{{& title }}", m, NULL,
	             "ERROR: t:1: \"title\" is a plain string: {{{ }}} and "
	             "{{& }} take only trusted HTML");
	CHECK_RENDER("{{#title}}{{{.}}}{{/title}}", m, NULL,
	             "ERROR: t:1: \".\" is a plain string: {{{ }}} and {{& }} "
	             "take only trusted HTML");
	/* Numbers, booleans and null are safe text under triple braces. */
	CHECK_RENDER("{{{n}}} {{&d}} {{{yes}}} [{{{none}}}] [{{{missing}}}]", m,
	             NULL, "-42 2.5 true [] []");
	{
		char *got = render_with("{{nul}}", m, NULL);

		/* The NUL is left out, as every control HTML forbids. */
		CHECK(got != NULL && strcmp(got, "a&lt;") == 0);
		free(got);
	}
	arena_free(&a);
}

static void
test_parse_errors(void)
{
	struct template_set *set = template_set_new();
	struct buf err;
	char deep[2048];
	size_t n = 0;
	int i;

	buf_init(&err);
	CHECK_RENDER("a\n{{#s}}\nb\n", NULL, NULL,
	             "ERROR: t:2: unclosed section \"s\"");
	CHECK_RENDER("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}", NULL, NULL,
	             "ERROR: t:3: closing tag \"a\" does not match section "
	             "\"b\" opened on line 2");
	CHECK_RENDER("x\n\ny {{name\n", NULL, NULL, "ERROR: t:3: unclosed tag");
	CHECK_RENDER("x {{{name}}\n", NULL, NULL, "ERROR: t:1: unclosed tag");
	CHECK_RENDER(
	    "\n\n{{/a}}", NULL, NULL,
	    "ERROR: t:3: closing tag \"a\" without an opening section");
	CHECK_RENDER("{{ }}", NULL, NULL, "ERROR: t:1: empty tag");
	CHECK_RENDER("{{#}}{{/}}", NULL, NULL, "ERROR: t:1: empty tag");
	CHECK_RENDER("{{a b}}", NULL, NULL,
	             "ERROR: t:1: invalid character in tag name \"a b\"");
	CHECK_RENDER("{{a..b}}", NULL, NULL,
	             "ERROR: t:1: invalid name \"a..b\"");
	CHECK_RENDER("{{.a}}", NULL, NULL, "ERROR: t:1: invalid name \".a\"");
	CHECK_RENDER("{{a.}}", NULL, NULL, "ERROR: t:1: invalid name \"a.\"");
	CHECK_RENDER("{{=<% %>=}}", NULL, NULL,
	             "ERROR: t:1: set-delimiter tags are not supported");
	CHECK_RENDER("{{<parent}}{{/parent}}", NULL, NULL,
	             "ERROR: t:1: template inheritance ({{<...}}) is not "
	             "supported");
	/* A multi-line comment moves the line count on. */
	CHECK_RENDER(
	    "{{!\n\n}}\n{{/x}}", NULL, NULL,
	    "ERROR: t:4: closing tag \"x\" without an opening section");
	/* 64 nested sections parse, 65 do not. */
	for (i = 0; i < 65; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{#a}}");
	CHECK(template_set_add(set, "deep", deep, n, &err) == -1);
	CHECK_STR(err.data, "deep:1: sections nested deeper than 64 levels");
	buf_reset(&err);
	n = 0;
	for (i = 0; i < 64; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{#a}}");
	for (i = 0; i < 64; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{/a}}");
	CHECK(template_set_add(set, "deep", deep, n, &err) == 0);
	/* A failed parse leaves an earlier template of that name in place. */
	CHECK(template_set_add(set, "deep", "{{#x}}", 6, &err) == -1);
	CHECK(template_set_has(set, "deep"));
	buf_free(&err);
	template_set_free(set);
}

static void
test_depth(void)
{
	struct template_set *set = template_set_new();
	struct arena a;
	struct tval *m, *l;
	struct buf out, err;
	char deep[2048];
	size_t n = 0;
	int i;

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	/* A map holding itself: every {{#a}} goes one level deeper. */
	m = tv_map(&a);
	tv_set(&a, m, "a", m);
	for (i = 0; i < 64; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{#a}}");
	n += (size_t)snprintf(deep + n, sizeof(deep) - n, "x");
	for (i = 0; i < 64; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{/a}}");
	CHECK(template_set_add(set, "deep", deep, n, &err) == 0);
	CHECK(template_render(set, "deep", m, &out, &err) == 0);
	CHECK_STR(out.data, "x");
	/* One partial more is one level too many. */
	CHECK(template_set_add(set, "outer", "{{>deep}}", 9, &err) == 0);
	CHECK(template_render(set, "outer", m, &out, &err) == -1);
	CHECK_STR(err.data, "deep:1: nesting deeper than 64 levels at \"a\"");
	buf_reset(&err);
	CHECK(template_set_add(set, "self", "{{>self}}", 9, &err) == 0);
	CHECK(template_render(set, "self", m, &out, &err) == -1);
	CHECK_STR(err.data,
	          "self:1: nesting deeper than 64 levels at \"self\"");
	buf_reset(&err);
	CHECK(template_set_add(set, "twice", "{{>twice}}{{>twice}}", 20,
	                       &err) == 0);
	CHECK(template_render(set, "twice", m, &out, &err) == -1);
	CHECK_STR(err.data,
	          "twice:1: nesting deeper than 64 levels at \"twice\"");
	buf_reset(&err);
	/* 2^40 iterations stop at the step budget, quickly. */
	l = tv_set(&a, m, "l", tv_list(&a));
	tv_push(&a, l, tv_int(&a, 1));
	tv_push(&a, l, tv_int(&a, 2));
	n = 0;
	for (i = 0; i < 40; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{#l}}");
	n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{.}}");
	for (i = 0; i < 40; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{{/l}}");
	CHECK(template_set_add(set, "wide", deep, n, &err) == 0);
	buf_reset(&out);
	CHECK(template_render(set, "wide", m, &out, &err) == -1);
	CHECK(strstr(err.data, "render too large") != NULL);
	buf_reset(&err);
	CHECK(template_render(set, "nowhere", m, &out, &err) == -1);
	CHECK_STR(err.data, "no template called \"nowhere\"");
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
	template_set_free(set);
}

static void
test_output_budget(void)
{
	struct template_set *set = template_set_new();
	struct arena a;
	struct tval *m, *l;
	struct buf src, out, err;
	int i;

	arena_init(&a);
	buf_init(&src);
	buf_init(&out);
	buf_init(&err);
	m = tv_map(&a);
	l = tv_set(&a, m, "l", tv_list(&a));
	for (i = 0; i < 100; i++)
		tv_push(&a, l, tv_int(&a, i));
	buf_puts(&src, "{{#l}}");
	for (i = 0; i < 1024 * 1024; i++)
		buf_putc(&src, 'x');
	buf_puts(&src, "{{/l}}");
	CHECK(template_set_add(set, "big", src.data, src.len, &err) == 0);
	CHECK(template_render(set, "big", m, &out, &err) == -1);
	CHECK(strstr(err.data, "render too large") != NULL);
	buf_free(&src);
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
	template_set_free(set);
}

static void
test_names(void)
{
	struct arena a;
	struct tval *m, *p, *q;

	arena_init(&a);
	m = tv_map(&a);
	p = tv_set(&a, m, "person", tv_map(&a));
	tv_set_str(&a, p, "name", "Joe");
	q = tv_set(&a, p, "address", tv_map(&a));
	tv_set_str(&a, q, "city", "Oslo");
	tv_set_str(&a, m, "city", "Bergen");
	tv_set_str(&a, m, "a.b", "atomic");
	CHECK_RENDER("{{person.name}} {{person.address.city}}", m, NULL,
	             "Joe Oslo");
	/* Resolution walks up the stack; dotted parts only go down. */
	CHECK_RENDER("{{#person.address}}{{city}} {{name}}{{/person.address}}",
	             m, NULL, "Oslo ");
	CHECK_RENDER("{{#person}}{{address.city}}|{{city}}{{/person}}", m, NULL,
	             "Oslo|Bergen");
	CHECK_RENDER("[{{person.nope.city}}][{{person.name.x}}][{{a.b}}]", m,
	             NULL, "[][][]");
	CHECK_RENDER("{{#person}}{{#address}}{{person.name}}{{/address}}"
	             "{{/person}}",
	             m, NULL, "Joe");
	CHECK_RENDER("{{.}}", tv_str(&a, "root & co"), NULL, "root &amp; co");
	CHECK_RENDER("{{person}}", m, NULL,
	             "ERROR: t:1: \"person\" is a map, not a value to write");
	arena_free(&a);
}

static void
test_kinds(void)
{
	struct arena a;
	struct tval *m, *l, *d;

	arena_init(&a);
	m = tv_map(&a);
	l = tv_set(&a, m, "nums", tv_list(&a));
	tv_push(&a, l, tv_int(&a, 0));
	tv_push(&a, l, tv_int(&a, LLONG_MIN));
	tv_push(&a, l, tv_int(&a, LLONG_MAX));
	d = tv_set(&a, m, "ds", tv_list(&a));
	tv_push(&a, d, tv_double(&a, 1.21));
	tv_push(&a, d, tv_double(&a, 1.0));
	tv_push(&a, d, tv_double(&a, 0.1 + 0.2));
	tv_push(&a, d, tv_double(&a, -2.5));
	tv_push(&a, d, tv_double(&a, 1e21));
	tv_push(&a, d, tv_double(&a, -0.0));
	tv_push(&a, d, tv_double(&a, 1.0 / 3));
	tv_set_bool(&a, m, "yes", true);
	tv_set_bool(&a, m, "no", false);
	tv_set_int(&a, m, "zero", 0);
	tv_set(&a, m, "dzero", tv_double(&a, 0.0));
	tv_set_str(&a, m, "empty", "");
	tv_set(&a, m, "emptyhtml", test_trusted(&a, ""));
	tv_set(&a, m, "emptymap", tv_map(&a));
	tv_set(&a, m, "emptylist", tv_list(&a));
	tv_set(&a, m, "null", tv_null(&a));
	tv_set_str(&a, m, "s", "text");
	CHECK_RENDER("{{#nums}}{{.}},{{/nums}}", m, NULL,
	             "0,-9223372036854775808,9223372036854775807,");
	CHECK_RENDER("{{#ds}}{{.}},{{/ds}}", m, NULL,
	             "1.21,1,0.30000000000000004,-2.5,1e+21,0,"
	             "0.3333333333333333,");
	CHECK_RENDER("{{yes}} {{no}}", m, NULL, "true false");
	/* Falsey: false, 0, 0.0, "", empty list, null, missing. */
	CHECK_RENDER("{{#no}}1{{/no}}{{#zero}}2{{/zero}}{{#dzero}}3{{/dzero}}"
	             "{{#empty}}4{{/empty}}{{#emptyhtml}}5{{/emptyhtml}}"
	             "{{#emptylist}}6{{/emptylist}}{{#null}}7{{/null}}"
	             "{{#missing}}8{{/missing}}|"
	             "{{^no}}1{{/no}}{{^zero}}2{{/zero}}{{^dzero}}3{{/dzero}}"
	             "{{^empty}}4{{/empty}}{{^emptyhtml}}5{{/emptyhtml}}"
	             "{{^emptylist}}6{{/emptylist}}{{^null}}7{{/null}}"
	             "{{^missing}}8{{/missing}}",
	             m, NULL, "|12345678");
	/* Truthy scalars render once with themselves on top; maps push. */
	CHECK_RENDER(
	    "{{#s}}[{{.}}|{{s}}]{{/s}}{{#yes}}{{.}}{{/yes}}"
	    "{{#emptymap}}map{{/emptymap}}{{^emptymap}}no{{/emptymap}}",
	    m, NULL, "[text|text]truemap");
	CHECK_RENDER("{{#nums}}{{#yes}}{{.}}{{/yes}}{{/nums}}", m, NULL,
	             "truetruetrue");
	CHECK_RENDER("{{nums}}", m, NULL,
	             "ERROR: t:1: \"nums\" is a list, not a value to write");
	arena_free(&a);
}

static void
test_partials_and_lines(void)
{
	struct arena a;
	struct tval *m, *l;
	static const char *const parts[][2] = {
	    {"item", "<li>{{.}}</li>\n"},
	    {"list", "<ul>\n  {{#items}}\n  {{>item}}\n  {{/items}}\n</ul>\n"},
	    {"inl", "a\nb"},
	    {"wrap", "[\n{{>inl}}\n]\n"},
	    {"wrap2", "[{{>inl}}]\n"},
	    {"admin/form", "<form>{{x}}</form>"},
	    {NULL, NULL},
	};

	arena_init(&a);
	m = tv_map(&a);
	l = tv_set(&a, m, "items", tv_list(&a));
	tv_push(&a, l, tv_str(&a, "one"));
	tv_push(&a, l, tv_str(&a, "two"));
	tv_set_str(&a, m, "x", "<x>");
	CHECK_RENDER("{{>nothing}}|{{>admin/form}}|{{> admin/form }}", m, parts,
	             "|<form>&lt;x&gt;</form>|<form>&lt;x&gt;</form>");
	/* Indentation adds up through nested standalone partials. */
	CHECK_RENDER("<body>\n    {{>list}}\n</body>\n", m, parts,
	             "<body>\n    <ul>\n      <li>one</li>\n      "
	             "<li>two</li>\n    </ul>\n</body>\n");
	/*
	 * A standalone partial inside an indented one is indented too (the
	 * newline after its tag goes with the tag's line); an inline partial
	 * is not indented, its lines stay as they are.
	 */
	CHECK_RENDER("  {{>wrap}}\n", m, parts, "  [\n  a\n  b  ]\n");
	CHECK_RENDER("  {{>wrap2}}\n", m, parts, "  [a\nb]\n");
	CHECK_RENDER("  x{{>inl}}\n", m, parts, "  xa\nb\n");
	/* Standalone tags take their whole line, CRLF included. */
	CHECK_RENDER("a\r\n  {{#items}}  \r\n{{.}}\r\n\t{{/items}}\r\n"
	             "{{! note }}\r\nb\r\n",
	             m, parts, "a\r\none\r\ntwo\r\nb\r\n");
	CHECK_RENDER("a {{#items}}\n{{.}}\n{{/items}} b\n", m, parts,
	             "a \none\n\ntwo\n b\n");
	CHECK_RENDER("{{#items}}{{/items}} {{! two tags }}\nz", m, parts,
	             " \nz");
	CHECK_RENDER("\r\n{{^items}}\r\nnone\r\n{{/items}}\r", m, parts,
	             "\r\n\r");
	arena_free(&a);
}

/* Writes text to dir/rel, making the folders on the way. */
static void
write_file(const char *dir, const char *rel, const char *text)
{
	char path[1024];
	char *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash != NULL;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0700);
		*slash = '/';
	}
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs(text, f);
	fclose(f);
}

static void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[1024];

	if (d == NULL) {
		unlink(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		remove_tree(sub);
	}
	closedir(d);
	rmdir(path);
}

static void
test_load(void)
{
	char dir[] = "/tmp/gazette-template-XXXXXX";
	struct template_set *set = template_set_new();
	struct arena a;
	struct tval *m;
	struct buf out, err;
	size_t i;

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	m = tv_map(&a);
	tv_set_str(&a, m, "user", "ann");
	CHECK(mkdtemp(dir) != NULL);
	write_file(dir, "layout.html", "<main>{{>admin/login}}</main>\n");
	write_file(dir, "admin/login.html", "<form>{{user}}</form>");
	write_file(dir, "admin/deep/er/x.html", "x");
	write_file(dir, "admin/notes.txt", "{{#broken");
	write_file(dir, ".hidden.html", "{{#broken");
	write_file(dir, ".git/y.html", "{{#broken");
	write_file(dir, "admin/.swp.html", "{{#broken");
	CHECK(template_set_load(set, dir, &err) == 0);
	CHECK_STR(err.data, NULL);
	CHECK(template_set_has(set, "layout"));
	CHECK(template_set_has(set, "admin/login"));
	CHECK(template_set_has(set, "admin/deep/er/x"));
	CHECK(!template_set_has(set, "admin/notes"));
	CHECK(!template_set_has(set, ".hidden"));
	CHECK(!template_set_has(set, "y"));
	CHECK(!template_set_has(set, ".git/y"));
	CHECK(!template_set_has(set, "admin/.swp"));
	CHECK(template_render(set, "layout", m, &out, &err) == 0);
	CHECK_STR(out.data, "<main><form>ann</form></main>\n");

	/* Replacing a template: the new text wins, partials follow it. */
	CHECK(template_set_add(set, "admin/login", "<p>{{user}}</p>", 15,
	                       &err) == 0);
	buf_reset(&out);
	CHECK(template_render(set, "layout", m, &out, &err) == 0);
	CHECK_STR(out.data, "<main><p>ann</p></main>\n");

	/* A broken file names itself and its line; a trailing slash works. */
	write_file(dir, "admin/bad.html", "ok\n{{/oops}}\n");
	{
		char slashed[64];

		snprintf(slashed, sizeof(slashed), "%s/", dir);
		CHECK(template_set_load(set, slashed, &err) == -1);
	}
	CHECK_STR(err.data, "admin/bad:2: closing tag \"oops\" without an "
	                    "opening section");
	buf_reset(&err);
	CHECK(template_set_load(set, "/nonexistent/gazette", &err) == -1);
	CHECK(err.len > 0);
	remove_tree(dir);
	template_set_free(set);

	/* The embedded templates all load under their own names. */
	set = template_set_new();
	buf_reset(&err);
	CHECK(template_set_load(set, NULL, &err) == 0);
	if (err.len > 0)
		fprintf(stderr, "embedded: %s\n", err.data);
	for (i = 0; i < embedded_templates_count; i++)
		CHECK(template_set_has(set, embedded_templates[i].name));
	template_set_free(set);
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
}

/* A page like a real one: about 30 variables and a 10-item list. */
static void
test_speed(void)
{
	static const char page[] =
	    "<!doctype html>\n<html lang=\"{{lang}}\">\n<head>\n"
	    "  <title>{{title}} - {{site.name}}</title>\n"
	    "  <meta name=\"description\" content=\"{{description}}\">\n"
	    "  <link rel=\"canonical\" href=\"{{canonical}}\">\n"
	    "</head>\n<body>\n  {{>header}}\n  <main>\n"
	    "    <h1>{{title}}</h1>\n    <p class=\"by\">{{author.name}}, "
	    "{{published}}</p>\n"
	    "    {{#tags}}<a href=\"/tag/{{slug}}\">{{name}}</a> {{/tags}}\n"
	    "    {{{body}}}\n"
	    "    <ul>\n    {{#related}}\n      <li><a href=\"{{url}}\">"
	    "{{title}}</a> {{date}} {{#comments}}({{comments}}){{/comments}}"
	    "</li>\n    {{/related}}\n    </ul>\n"
	    "    {{^related}}<p>Nothing related.</p>{{/related}}\n"
	    "  </main>\n  <footer>{{site.name}} {{year}} {{site.email}} "
	    "{{csrf}} {{edition}} {{v1}} {{v2}} {{v3}} {{v4}} {{v5}} {{v6}}"
	    "</footer>\n</body>\n</html>\n";
	static const char header[] =
	    "<header><a href=\"/\">{{site.name}}</a>\n"
	    "{{#user}}<span>{{user.name}}</span>{{/user}}</header>\n";
	struct template_set *set = template_set_new();
	struct arena a;
	struct tval *m, *s, *l, *it;
	struct buf out, err;
	struct timespec t0, t1;
	int i, rounds = 20000, rc = 0;
	double us;

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	CHECK(template_set_add(set, "page", page, sizeof(page) - 1, &err) == 0);
	CHECK(template_set_add(set, "header", header, sizeof(header) - 1,
	                       &err) == 0);
	m = tv_map(&a);
	tv_set_str(&a, m, "lang", "en");
	tv_set_str(&a, m, "title", "A <title> & more");
	tv_set_str(&a, m, "description", "What \"this\" is about");
	tv_set_str(&a, m, "canonical", "https://example.org/a/b");
	tv_set_str(&a, m, "published", "2024-05-01");
	tv_set_int(&a, m, "year", 2024);
	tv_set_str(&a, m, "csrf", "0123456789abcdef");
	tv_set_str(&a, m, "edition", "en");
	for (i = 1; i <= 6; i++)
		tv_set_str(&a, m, arena_printf(&a, "v%d", i), "value");
	tv_set(&a, m, "body",
	       test_trusted(&a, "<p>Body text of the article, long enough "
	                        "to look like one paragraph.</p>"));
	s = tv_set(&a, m, "site", tv_map(&a));
	tv_set_str(&a, s, "name", "Gazette");
	tv_set_str(&a, s, "email", "desk@example.org");
	s = tv_set(&a, m, "author", tv_map(&a));
	tv_set_str(&a, s, "name", "Ann O'Hara");
	s = tv_set(&a, m, "user", tv_map(&a));
	tv_set_str(&a, s, "name", "editor");
	l = tv_set(&a, m, "tags", tv_list(&a));
	for (i = 0; i < 3; i++) {
		it = tv_push(&a, l, tv_map(&a));
		tv_set_str(&a, it, "slug", "tag");
		tv_set_str(&a, it, "name", "Tag");
	}
	l = tv_set(&a, m, "related", tv_list(&a));
	for (i = 0; i < 10; i++) {
		it = tv_push(&a, l, tv_map(&a));
		tv_set_str(&a, it, "url", "/2024/05/some-article");
		tv_set_str(&a, it, "title", "Some article & its title");
		tv_set_str(&a, it, "date", "2024-05-01");
		tv_set_int(&a, it, "comments", i);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < rounds && rc == 0; i++) {
		buf_reset(&out);
		rc = template_render(set, "page", m, &out, &err);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(rc == 0);
	CHECK(strstr(out.data, "<li><a href=\"/2024/05/some-article\">Some "
	                       "article &amp; its title</a> 2024-05-01 "
	                       "(9)</li>") != NULL);
	CHECK(strstr(out.data, "(0)") == NULL);
	us = ((double)(t1.tv_sec - t0.tv_sec) * 1e6 +
	      (double)(t1.tv_nsec - t0.tv_nsec) / 1e3) /
	     rounds;
	fprintf(stderr, "render of a %zu-byte page: %.2f us\n", out.len, us);
	/* Generous, for sanitizer builds on a busy machine. */
	CHECK(us < 500);
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
	template_set_free(set);
}

/*
 * The golden corpus: each NAME.in is a template rendered against one fixed
 * context, with partials "item" and "card" beside it.  Returns the output,
 * or "ERROR: message\n".
 */
static char *
golden_render(const char *in, size_t len)
{
	static const char item[] = "<li>{{name}}</li>\n";
	static const char card[] =
	    "<div class=\"card\">\n  {{>item}}\n</div>\n";
	struct template_set *set = template_set_new();
	struct arena a;
	struct tval *m, *l, *it, *meta, *author;
	struct buf out, err;
	char *res;

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	m = tv_map(&a);
	tv_set_str(&a, m, "title", "<&>\"'");
	l = tv_set(&a, m, "items", tv_list(&a));
	it = tv_push(&a, l, tv_map(&a));
	tv_set_str(&a, it, "name", "One");
	tv_set_int(&a, it, "price", 10);
	it = tv_push(&a, l, tv_map(&a));
	tv_set_str(&a, it, "name", "Two & Three");
	tv_set(&a, it, "price", tv_double(&a, 2.5));
	it = tv_push(&a, l, tv_map(&a));
	tv_set_str(&a, it, "name", "<b>Four</b>");
	tv_set_int(&a, it, "price", 0);
	tv_set_bool(&a, it, "last", true);
	meta = tv_set(&a, m, "meta", tv_map(&a));
	author = tv_set(&a, meta, "author", tv_map(&a));
	tv_set_str(&a, author, "name", "Ann");
	tv_set_int(&a, meta, "year", 2024);
	tv_set(&a, m, "empty", tv_list(&a));
	tv_set_bool(&a, m, "flag", false);
	tv_set_bool(&a, m, "on", true);
	tv_set(&a, m, "body", test_trusted(&a, "<p>Hello &amp; welcome</p>"));
	l = tv_set(&a, m, "tags", tv_list(&a));
	tv_push(&a, l, tv_str(&a, "c"));
	tv_push(&a, l, tv_str(&a, "mustache"));
	tv_set_int(&a, m, "count", 3);
	tv_set_int(&a, m, "zero", 0);
	tv_set(&a, m, "ratio", tv_double(&a, 0.5));
	tv_set(&a, m, "nothing", tv_null(&a));

	if (template_set_add(set, "item", item, sizeof(item) - 1, &err) < 0 ||
	    template_set_add(set, "card", card, sizeof(card) - 1, &err) < 0 ||
	    template_set_add(set, "golden", in, len, &err) < 0 ||
	    template_render(set, "golden", m, &out, &err) < 0) {
		buf_reset(&out);
		buf_printf(&out, "ERROR: %s\n", err.data);
	}
	res = buf_detach(&out);
	buf_free(&err);
	arena_free(&a);
	template_set_free(set);
	return res;
}

/* Maps past eight keys are indexed: every key is still found, a key set
 * again replaces its value, and templates see the same values. */
static void
test_large_map(void)
{
	struct arena a;
	struct tval *m;
	char *keys[200];
	struct buf out, err;
	struct template_set *set = template_set_new();

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	m = tv_map(&a);
	for (int i = 0; i < 200; i++) {
		keys[i] = arena_printf(&a, "key_%d", i);
		tv_set_int(&a, m, keys[i], i);
	}
	for (int i = 0; i < 200; i += 7)
		tv_set_int(&a, m, arena_printf(&a, "key_%d", i), -i);
	for (int i = 0; i < 200; i++) {
		const struct tval *v = tv_get(m, keys[i]);

		CHECK(v != NULL && tv_kind(v) == TV_INT);
	}
	CHECK(tv_get(m, "key_200") == NULL);
	CHECK(tv_get(m, "") == NULL);
	CHECK(template_set_add(set, "t",
	                       "{{key_0}} {{key_7}} {{key_199}}|"
	                       "{{^key_200}}none{{/key_200}}",
	                       60, &err) == 0);
	CHECK(template_render(set, "t", m, &out, &err) == 0);
	CHECK_STR(out.data, "0 -7 199|none");
	template_set_free(set);
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
}

int
main(void)
{
	int pairs;

	test_values();
	test_escaping();
	test_parse_errors();
	test_depth();
	test_output_budget();
	test_names();
	test_kinds();
	test_partials_and_lines();
	test_load();
	test_large_map();
	test_speed();
	pairs = test_golden("template", golden_render);
	CHECK(pairs >= 12);
	fprintf(stderr, "golden pairs: %d\n", pairs);
	TEST_DONE();
}
