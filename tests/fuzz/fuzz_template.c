/*
 * fuzz_template.c: libFuzzer entry for the Mustache parser and renderer.
 * The input is parsed as template "fuzz" (so {{>fuzz}} recurses into
 * itself) beside two fixed partials, then rendered against a small fixed
 * context holding every kind of value, including a map that contains
 * itself.  Parse and render errors are expected; crashes, leaks, sanitizer
 * reports and timeouts are not.  Seeded from tests/unit/corpus/template/.
 */
#include <stddef.h>
#include <stdint.h>

#include "render/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Trusted HTML for the context: a fixed literal, as markdown.c would give. */
static struct tval *
fuzz_trusted(struct arena *a, const char *s, size_t len)
{
	struct trusted_html h = {s, len};

	return tv_html(a, h);
}

static struct tval *
fuzz_context(struct arena *a)
{
	struct tval *m = tv_map(a), *l, *it, *nums;

	tv_set_str(a, m, "title", "<&>\"'");
	tv_set(a, m, "body", fuzz_trusted(a, "<p>hi</p>", 9));
	tv_set(a, m, "empty_html", fuzz_trusted(a, "", 0));
	tv_set_int(a, m, "n", 42);
	tv_set_int(a, m, "zero", 0);
	tv_set(a, m, "d", tv_double(a, 1.21));
	tv_set_bool(a, m, "yes", true);
	tv_set_bool(a, m, "no", false);
	tv_set(a, m, "null", tv_null(a));
	tv_set_str(a, m, "empty", "");
	tv_set(a, m, "none", tv_list(a));
	tv_set(a, m, "self", m);
	l = tv_set(a, m, "items", tv_list(a));
	it = tv_push(a, l, tv_map(a));
	tv_set_str(a, it, "name", "one");
	tv_set(a, it, "html", fuzz_trusted(a, "<b>1</b>", 8));
	it = tv_push(a, l, tv_map(a));
	tv_set_str(a, it, "name", "two & three");
	tv_set(a, it, "sub", m);
	nums = tv_set(a, m, "nums", tv_list(a));
	tv_push(a, nums, tv_int(a, 1));
	tv_push(a, nums, tv_double(a, 2.5));
	tv_push(a, nums, tv_str(a, "x"));
	tv_push(a, nums, nums);
	return m;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char item[] = "<li>{{name}}</li>\n";
	static const char card[] = "<div>\n  {{>item}}\n  {{>fuzz}}\n</div>\n";
	struct template_set *set = template_set_new();
	struct arena a;
	struct buf out, err;

	arena_init(&a);
	buf_init(&out);
	buf_init(&err);
	template_set_add(set, "item", item, sizeof(item) - 1, NULL);
	template_set_add(set, "card", card, sizeof(card) - 1, NULL);
	if (template_set_add(set, "fuzz", (const char *)data, size, &err) ==
	    0) {
		template_render(set, "fuzz", fuzz_context(&a), &out, &err);
		buf_reset(&out);
		template_render(set, "card", NULL, &out, NULL);
	}
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
	template_set_free(set);
	return 0;
}
