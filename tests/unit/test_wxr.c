/*
 * test_wxr.c: the streaming WXR reader (import/wxr.c) on its golden
 * corpus, tests/unit/corpus/wxr/NAME.in -> NAME.out: each callback as
 * lines of text (channel, authors, terms, items with their terms,
 * postmeta and comments), or the error with its line.  The corpus holds
 * WXR 1.0, 1.1 and 1.2 in http and https namespace forms, a plain RSS
 * export without wp: elements, a truncated and a mismatched file, a
 * document that is not RSS and one with entities (never expanded).
 * Also: stopping from a callback.
 */
#include "import/wxr.h"
#include "testhelp.h"
#include "util/buf.h"

/* Appends "name=value" with the value's line breaks shown as \n. */
static void
field(struct buf *b, const char *name, const char *v)
{
	buf_printf(b, " %s=", name);
	for (; *v; v++) {
		if (*v == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *v);
	}
}

static int
on_channel(void *ctx, const struct wxr_channel *c)
{
	struct buf *b = ctx;

	buf_puts(b, "channel");
	field(b, "title", c->title);
	field(b, "link", c->link);
	field(b, "base", c->base_site_url);
	field(b, "version", c->wxr_version);
	buf_putc(b, '\n');
	return 0;
}

static int
on_author(void *ctx, const struct wxr_author *a)
{
	struct buf *b = ctx;

	buf_printf(b, "author id=%lld", a->id);
	field(b, "login", a->login);
	field(b, "email", a->email);
	field(b, "name", a->display_name);
	buf_putc(b, '\n');
	return 0;
}

static int
on_term(void *ctx, const struct wxr_term *t)
{
	struct buf *b = ctx;

	buf_printf(b, "term id=%lld", t->id);
	field(b, "taxonomy", t->taxonomy);
	field(b, "slug", t->slug);
	field(b, "name", t->name);
	field(b, "parent", t->parent);
	buf_putc(b, '\n');
	return 0;
}

static int
on_item(void *ctx, const struct wxr_item *it)
{
	struct buf *b = ctx;

	buf_printf(b, "item line=%d id=%lld parent=%lld order=%lld sticky=%d",
	           it->line, it->post_id, it->post_parent, it->menu_order,
	           it->sticky);
	field(b, "type", it->post_type);
	field(b, "status", it->status);
	field(b, "title", it->title);
	field(b, "name", it->post_name);
	field(b, "link", it->link);
	field(b, "guid", it->guid);
	field(b, "creator", it->creator);
	field(b, "date", it->post_date);
	field(b, "pub", it->pub_date);
	field(b, "password", it->password);
	field(b, "content", it->content);
	field(b, "excerpt", it->excerpt);
	buf_putc(b, '\n');
	for (size_t i = 0; i < it->terms_count; i++) {
		buf_puts(b, "  term");
		field(b, "domain", it->terms[i].domain);
		field(b, "slug", it->terms[i].slug);
		field(b, "name", it->terms[i].name);
		buf_putc(b, '\n');
	}
	for (size_t i = 0; i < it->meta_count; i++) {
		buf_puts(b, "  meta");
		field(b, "key", it->meta[i].key);
		field(b, "value", it->meta[i].value);
		buf_putc(b, '\n');
	}
	for (size_t i = 0; i < it->comments_count; i++) {
		const struct wxr_comment *c = &it->comments[i];

		buf_printf(b, "  comment id=%lld parent=%lld", c->id,
		           c->parent);
		field(b, "author", c->author);
		field(b, "approved", c->approved);
		field(b, "type", c->type);
		field(b, "gmt", c->date_gmt);
		field(b, "content", c->content);
		buf_putc(b, '\n');
	}
	return 0;
}

/* Dumps what the reader gives for one input. */
static char *
dump(const char *in, size_t len)
{
	static const struct wxr_handler h = {on_channel, on_author, on_term,
	                                     on_item, NULL};
	struct wxr_error err;
	struct buf b;

	buf_init(&b);
	switch (wxr_read_memory(in, len, &h, &b, &err)) {
	case WXR_OK:
		buf_puts(&b, "ok\n");
		break;
	case WXR_MALFORMED:
		buf_printf(&b, "malformed line=%d: %s\n", err.line,
		           err.message);
		break;
	default:
		buf_printf(&b, "failed: %s\n", err.message);
	}
	return buf_detach(&b);
}

static int
stop_at_item(void *ctx, const struct wxr_item *it)
{
	(void)it;
	(*(int *)ctx)++;
	return 1;
}

int
main(void)
{
	struct wxr_handler h = {0};
	struct wxr_error err;
	size_t len;
	char *in;
	int items = 0;

	CHECK(test_golden("wxr", dump) >= 9);
	/* A callback that says stop stops the reading at once. */
	in = test_read_file("tests/unit/corpus/wxr/comments-meta.in", &len);
	CHECK(in != NULL);
	h.item = stop_at_item;
	if (in != NULL)
		CHECK(wxr_read_memory(in, len, &h, &items, &err) ==
		      WXR_STOPPED);
	CHECK(items == 1);
	free(in);
	/* A file that does not exist. */
	CHECK(wxr_read_file("/nonexistent/export.xml", &h, &items, &err) ==
	      WXR_FAILED);
	CHECK(strstr(err.message, "cannot open") != NULL);
	TEST_DONE();
}
