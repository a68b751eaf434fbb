/*
 * comments.c: readers' comments under an article or a page: the part of
 * its page that shows them and the form (templates partials/comments and
 * partials/comment), and the form's POST.  Articles and pages differ only
 * in their address, their form's route and when their comments close
 * (struct discussion, handlers.h).
 *
 * Threads.  Every reply names the comment it answers (parent_id); any
 * depth is stored, and the page nests three levels: a reply deeper than
 * that is shown at the third level, after the comment it answers, with
 * "in reply to NAME".  A reply whose parent is not shown (pending, spam,
 * trash) is shown as a comment on the article or page itself.
 *
 * Text.  A comment is plain text: escaped like every value, its line ends
 * kept by the style sheet (white-space: pre-line), and only its http(s)
 * addresses made links, with rel="nofollow ugc" (text_link_next).  No
 * Markdown and no HTML, in the text or the name.
 *
 * Who waits.  A comment with more than two addresses in it waits for a
 * moderator as likely spam, whoever wrote it.  Otherwise a commenter who
 * already has an approved comment under the same name and email address
 * (the address in any case) is approved at once, as WordPress's "comment
 * author must have a previously approved comment"; everyone else waits.
 * A bot (honeypot, too fast) is filed as spam and sees what a waiting
 * commenter sees.
 *
 * Closing.  Comments are closed by the editor's "Comments open" box (on
 * for a new article, off for a new page, as in WordPress), and for every
 * article once comments_close_after_days (0: never) have passed since it
 * was published; pages do not close by age.  Closed comments are still
 * shown, without the form; a POST is then 403 with the page and a
 * sentence saying why.
 *
 * Caching.  The article's page stays public and cacheable (ETag, no-cache)
 * though its form carries a token issued when the page is rendered: the
 * ETag leaves the token out and counts its hour instead
 * (reader_form_token, response.h), so a browser or a cache that
 * revalidates gets 304 within the hour and keeps a token that has at
 * least an hour left (tokens last two).  A page kept longer than that
 * whose token has expired meets the expired path: the page again, 400,
 * the text kept and a fresh token, as the contact form does.
 *
 * Speed.  An article's thread is described once per worker and reload of
 * the site, like the listings' summaries (frame_thread_get): a commit
 * anywhere reloads every worker, so an approved comment shows at once,
 * and the count comes from articles.comment_count, kept by the triggers
 * in the transaction of every change.  What a page adds per request is
 * the rendering and the token (a keyed BLAKE2b, signed once a second:
 * reader_form_token keeps the last).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../db/comment_db.h"
#include "../render/html.h"
#include "../util/text.h"
#include "handlers.h"

/* The forms, an article's and a page's: their tokens are signed over
 * their route's pattern, as auth_guard names a form, so neither form's
 * token is good for the other; both count against one rate limit, apart
 * from the contact form's. */
static const struct reader_form comment_desc = {
    .name = "/articles/{slug}/comments",
    .throttle = "comment:",
    .rate_setting = "comments_rate_per_minute",
    .min_setting = "comments_min_seconds",
};
static const struct reader_form page_comment_desc = {
    .name = "/{slug}/comments",
    .throttle = "comment:",
    .rate_setting = "comments_rate_per_minute",
    .min_setting = "comments_min_seconds",
};

#define COMMENT_MAX_CHARS 5000
/* More addresses than this hold a comment for a moderator. */
#define LINKS_MAX 2

/* Describes an article's discussion; see handlers.h. */
void
comments_of_article(struct app *app, struct req *req, const struct article *art,
                    struct discussion *d)
{
	long long days = site_setting_int(
	    &app->site, "comments_close_after_days", 0, 0, 36500);

	d->on.page = false;
	d->on.id = art->id;
	d->url = arena_concat(req->arena, frame_prefix(req), "/articles/",
	                      req->param_slug, NULL);
	d->open = art->comments_open;
	d->close_at = days > 0 ? art->published_at + days * 86400 : LLONG_MAX;
}

/* Describes a page's discussion; see handlers.h. */
void
comments_of_page(struct req *req, const struct page *page, struct discussion *d)
{
	d->on.page = true;
	d->on.id = page->id;
	d->url =
	    arena_concat(req->arena, frame_prefix(req), "/", page->slug, NULL);
	d->open = page->comments_open;
	d->close_at = LLONG_MAX;
}

/* Tells whether d's comments are closed at now: by their own switch, or
 * by age. */
static bool
comments_closed(const struct discussion *d, long long now)
{
	return !d->open || now >= d->close_at;
}

/* Issues the article form's token; see handlers.h. */
const char *
comments_token(struct app *app, struct req *req, struct resp *resp)
{
	return reader_form_token(app, req, resp, &comment_desc);
}

/* Returns d's address plus tail. */
static const char *
discussion_url(struct req *req, const struct discussion *d, const char *tail)
{
	return arena_concat(req->arena, d->url, tail, NULL);
}

/*
 * Sets a comment's text in m for the template: "text", the whole of it,
 * when it holds no address (most comments: one quick look says so), else
 * "text" empty and "parts", its plain text and its addresses as links
 * (text, href, is_link on every part).
 */
static void
set_text(struct arena *a, struct tval *m, const char *body)
{
	struct tval *parts = tv_list(a);
	struct text_link l;
	size_t at = 0;

	if (strstr(body, "://") == NULL || !text_link_next(body, 0, &l)) {
		tv_set_str(a, m, "text", body);
		tv_set(a, m, "parts", parts);
		return;
	}
	tv_set_str(a, m, "text", "");
	tv_set(a, m, "parts", parts);
	for (;;) {
		bool found = text_link_next(body, at, &l);
		size_t end = found ? l.start : strlen(body);
		struct tval *p;

		if (end > at) {
			p = tv_map(a);
			tv_set(a, p, "text", tv_strn(a, body + at, end - at));
			tv_set_bool(a, p, "is_link", false);
			tv_push(a, parts, p);
		}
		if (!found)
			return;
		p = tv_map(a);
		tv_set(a, p, "text", tv_strn(a, body + l.start, l.len));
		tv_set(a, p, "href", tv_strn(a, body + l.start, l.len));
		tv_set_bool(a, p, "is_link", true);
		tv_push(a, parts, p);
		at = l.start + l.len;
	}
}

/*
 * An article's approved comments as its page shows them: built from the
 * database once per worker and reload of the site, and kept
 * (frame_thread_get), or per request when the thread is too long to keep.
 * Everything is in one arena, the strings too.
 */
struct thread_view {
	const struct tval *list; /* the nested lists the template shows */
	size_t count;
	long long newest; /* the latest change to a comment shown */
	long long *ids;   /* each comment's id and author, for ?reply= */
	const char **names;
};

/* What building a thread needs: the comments and how they hang
 * together (indexes into rows; -1 for none). */
struct thread {
	struct arena *a;
	const struct edition *edition;
	const struct tval *strings; /* the edition's (frame_strings) */
	const char *url;            /* the article's address */
	bool open;                  /* reply links */
	const struct comment *rows;
	size_t count;
	long *parent, *first_child, *next_sibling;
};

/*
 * Sets "t" in m to the edition's strings again (when known), so that the
 * template's lookups of {{t.…}} inside m stop there instead of walking up
 * every enclosing context: a comment sits five levels deep.
 */
static void
set_strings(struct arena *a, struct tval *m, const struct tval *strings)
{
	if (strings != NULL)
		tv_set_shared(a, m, "t", strings);
}

/*
 * Describes comment i for the template.  Every key the templates ask of
 * a comment is set, even when empty, so that a section never finds the
 * key of an enclosing comment instead.  deep: shown below its level, with
 * "in reply to" its parent.  reply_url is empty where comments are
 * closed.
 */
static struct tval *
comment_tval(const struct thread *t, long i, bool deep)
{
	struct arena *a = t->a;
	const struct comment *c = &t->rows[i];
	struct tval *m = tv_map(a);
	bool linked = strncmp(c->url, "http://", 7) == 0 ||
	              strncmp(c->url, "https://", 8) == 0;

	tv_set_int(a, m, "id", c->id);
	tv_set_str(a, m, "commenter", c->name);
	tv_set_bool(a, m, "commenter_link",
	            linked && html_url_allowed(c->url, strlen(c->url)));
	tv_set_str(a, m, "commenter_url", c->url);
	tv_set_str(a, m, "date", frame_date_in(a, t->edition, c->created_at));
	tv_set_str(a, m, "datetime", frame_iso_date(a, c->created_at));
	set_text(a, m, c->body);
	tv_set_str(a, m, "reply_url",
	           t->open
	               ? arena_printf(a, "%s?reply=%lld#respond", t->url, c->id)
	               : "");
	tv_set_str(a, m, "in_reply_to", deep ? t->rows[t->parent[i]].name : "");
	tv_set_int(a, m, "parent_id", deep ? t->rows[t->parent[i]].id : 0);
	tv_set_bool(a, m, "has_replies", false);
	set_strings(a, m, t->strings);
	return m;
}

/* Sets a comment's replies (a list, maybe empty). */
static void
set_replies(struct arena *a, struct tval *m, struct tval *replies)
{
	tv_set_bool(a, m, "has_replies", tv_list_len(replies) > 0);
	tv_set(a, m, "replies", replies);
}

/*
 * Returns the third level under comment c: its replies and, after each,
 * everything below it in the order of the thread (depth first), the
 * deeper ones marked "in reply to".  Walks the tree without recursion: a
 * thread may be as deep as an import made it.
 */
static struct tval *
third_level(const struct thread *t, long c)
{
	struct tval *list = tv_list(t->a);
	long x = t->first_child[c];

	while (x >= 0) {
		struct tval *m = comment_tval(t, x, t->parent[x] != c);

		set_replies(t->a, m, tv_list(t->a));
		tv_push(t->a, list, m);
		if (t->first_child[x] >= 0) {
			x = t->first_child[x];
			continue;
		}
		while (x != c && t->next_sibling[x] < 0)
			x = t->parent[x];
		x = x == c ? -1 : t->next_sibling[x];
	}
	return list;
}

/* Orders (id, index) pairs by id. */
static int
by_id(const void *a, const void *b)
{
	long long x = ((const long long *)a)[0], y = ((const long long *)b)[0];

	return x < y ? -1 : x > y;
}

/* Links each comment of t to its parent when the parent is shown, in the
 * order they came; a reply to a comment not shown has none. */
static void
hang(struct thread *t)
{
	struct arena *a = t->a;
	size_t n = t->count ? t->count : 1;
	long long *ids = arena_calloc(a, 2 * n, sizeof(*ids));
	long *last_child = arena_calloc(a, n, sizeof(long));

	t->parent = arena_calloc(a, n, sizeof(long));
	t->first_child = arena_calloc(a, n, sizeof(long));
	t->next_sibling = arena_calloc(a, n, sizeof(long));
	for (size_t i = 0; i < t->count; i++) {
		ids[2 * i] = t->rows[i].id;
		ids[2 * i + 1] = (long long)i;
		t->first_child[i] = t->next_sibling[i] = last_child[i] = -1;
	}
	qsort(ids, t->count, 2 * sizeof(*ids), by_id);
	for (size_t i = 0; i < t->count; i++) {
		long long key[2] = {t->rows[i].parent_id, 0};
		const long long *p =
		    t->rows[i].parent_id > 0
		        ? bsearch(key, ids, t->count, 2 * sizeof(*ids), by_id)
		        : NULL;
		long parent = p != NULL ? (long)p[1] : -1;

		t->parent[i] = parent;
		if (parent < 0)
			continue;
		if (last_child[parent] < 0)
			t->first_child[parent] = (long)i;
		else
			t->next_sibling[last_child[parent]] = (long)i;
		last_child[parent] = (long)i;
	}
}

/*
 * Describes rows[0..count) (oldest first; their strings anywhere) in
 * arena a for the article or page at url, with reply links when open: the
 * nested lists the template shows (comments on the article or page, each
 * with its replies, each of those with the third level), and what else
 * the page needs of them.
 */
static const struct thread_view *
thread_view(struct arena *a, const struct edition *e,
            const struct tval *strings, const char *url, bool open,
            const struct comment *rows, size_t count)
{
	struct thread_view *v = arena_calloc(a, 1, sizeof(*v));
	struct comment *copy =
	    arena_calloc(a, count ? count : 1, sizeof(*copy));
	struct thread t = {
	    .a = a,
	    .edition = e,
	    .strings = strings,
	    .url = arena_strdup(a, url),
	    .open = open,
	    .rows = copy,
	    .count = count,
	};
	struct tval *top = tv_list(a);

	v->ids = arena_calloc(a, count ? count : 1, sizeof(*v->ids));
	v->names = arena_calloc(a, count ? count : 1, sizeof(*v->names));
	for (size_t i = 0; i < count; i++) {
		copy[i] = rows[i];
		copy[i].name = arena_strdup(a, rows[i].name);
		copy[i].url = arena_strdup(a, rows[i].url);
		copy[i].body = arena_strdup(a, rows[i].body);
		v->ids[i] = rows[i].id;
		v->names[i] = copy[i].name;
		if (rows[i].updated_at > v->newest)
			v->newest = rows[i].updated_at;
	}
	hang(&t);
	for (size_t i = 0; i < count; i++) {
		struct tval *m, *second;

		if (t.parent[i] >= 0)
			continue;
		m = comment_tval(&t, (long)i, false);
		second = tv_list(a);
		for (long r = t.first_child[i]; r >= 0; r = t.next_sibling[r]) {
			struct tval *reply = comment_tval(&t, r, false);

			set_replies(a, reply, third_level(&t, r));
			tv_push(a, second, reply);
		}
		set_replies(a, m, second);
		tv_push(a, top, m);
	}
	v->list = top;
	v->count = count;
	return v;
}

/*
 * Returns d's thread, with reply links when open: the one kept (under
 * its id and open, both may be kept while an article closes; a page's
 * below zero), or read and described (and kept when there is room).  NULL
 * when the database fails.
 */
static const struct thread_view *
discussion_thread(struct app *app, struct req *req, const struct discussion *d,
                  bool open)
{
	long long key = (d->on.page ? -1 : 1) * (d->on.id * 2 + (open ? 1 : 0));
	const struct thread_view *v = frame_thread_get(app, req, key);
	struct comment *rows;
	struct arena *keep;
	size_t count;

	if (v != NULL)
		return v;
	if (comment_db_thread(app->db, req->arena, d->on, &rows, &count) < 0)
		return NULL;
	keep = frame_thread_arena(app, req, count);
	v = thread_view(keep ? keep : req->arena, req->edition,
	                frame_strings(app, req), d->url, open, rows, count);
	if (keep != NULL)
		frame_thread_put(app, req, key, v, count);
	return v;
}

/* Returns the author of the comment id in v, or NULL when it is not
 * shown. */
static const char *
shown_author(const struct thread_view *v, long long id)
{
	for (size_t i = 0; id > 0 && i < v->count; i++)
		if (v->ids[i] == id)
			return v->names[i];
	return NULL;
}

/*
 * Adds the form to d: where it posts, a fresh token, the comment it
 * answers (f's, else the query's ?reply=ID, when that comment is shown)
 * and f's values, errors and message.
 */
static void
form_context(struct app *app, struct req *req, struct resp *resp,
             struct tval *d, const struct discussion *disc,
             const struct thread_view *v, const struct comment_form *f)
{
	struct arena *a = req->arena;
	long long parent = f != NULL ? f->parent : admin_query_id(req, "reply");
	const char *name = shown_author(v, parent);

	tv_set_str(a, d, "comment_action",
	           discussion_url(req, disc, "/comments"));
	tv_set_str(a, d, "form_token",
	           reader_form_token(app, req, resp,
	                             disc->on.page ? &page_comment_desc
	                                           : &comment_desc));
	tv_set_int(a, d, "parent", name ? parent : 0);
	tv_set_str(a, d, "reply_name", name ? name : "");
	tv_set_str(a, d, "cancel_url", discussion_url(req, disc, "#respond"));
	if (f == NULL)
		return;
	tv_set_str(a, d, "form_name", f->name);
	tv_set_str(a, d, "form_email", f->email);
	tv_set_str(a, d, "form_body", f->body);
	reader_form_message(req, d, "error_name", f->error_name);
	reader_form_message(req, d, "error_email", f->error_email);
	reader_form_message(req, d, "error_body", f->error_body);
}

/* Adds the comments of an article's or a page's page; see handlers.h. */
int
comments_add(struct app *app, struct req *req, struct resp *resp,
             struct tval *page, const struct discussion *disc,
             const struct comment_form *f)
{
	struct arena *a = req->arena;
	struct tval *d = tv_map(a);
	bool open = !comments_closed(disc, app_now(app));
	const struct thread_view *v = discussion_thread(app, req, disc, open);
	const char *held = req_query(req, "comment");

	if (v == NULL)
		return -1;
	if (v->newest > resp->last_modified)
		resp->last_modified = v->newest;
	tv_set_shared(a, d, "thread", v->list);
	set_strings(a, d, frame_strings(app, req));
	tv_set_bool(a, d, "has_comments", v->count > 0);
	tv_set_bool(a, d, "open", open);
	if (open)
		form_context(app, req, resp, d, disc, v, f);
	if (f != NULL)
		reader_form_message(req, d, "form_message", f->message);
	else if (held != NULL && strcmp(held, "held") == 0)
		reader_form_message(req, d, "notice", "comment_held");
	if (v->count > 0 || open || f != NULL)
		tv_set(a, page, "discussion", d);
	return 0;
}

/* Reads the form's fields: trimmed, the comment's line ends made \n, the
 * parent's id (-1 when it is not a number). */
static void
form_read(struct req *req, struct comment_form *f)
{
	const char *body = req_form(req, "comment");

	memset(f, 0, sizeof(*f));
	f->name = text_trim(req->arena, req_form(req, "name"));
	f->email = text_trim(req->arena, req_form(req, "email"));
	f->body = text_clean(req->arena, body ? body : "", true, SIZE_MAX);
	f->parent = admin_form_id(req, "parent");
}

/* Checks the fields, setting an error key on each invalid one and the
 * form's message; returns whether they are all valid. */
static bool
form_valid(struct comment_form *f)
{
	f->error_name = reader_form_name_error(f->name);
	f->error_email = reader_form_email_error(f->email);
	if (text_blank(f->body) || text_chars(f->body) > COMMENT_MAX_CHARS)
		f->error_body = "comment_error_text";
	f->message = "contact_fix";
	if (f->parent < 0) {
		f->parent = 0;
		f->message = "comment_parent_gone";
		return false;
	}
	return f->error_name == NULL && f->error_email == NULL &&
	       f->error_body == NULL;
}

/* What a comment's POST needs to know of where it is sent: its form, how
 * to find the published article or page {slug}, and how to show that
 * page again with the form as sent. */
struct comment_target {
	const struct reader_form *desc;
	/* Sets d; returns 0, or the status: 404 (none), 500. */
	int (*find)(struct app *app, struct req *req, struct discussion *d);
	int (*again)(struct app *app, struct req *req, struct resp *resp,
	             int status, const struct comment_form *f);
};

/*
 * Files a comment sent to t (see the top of this file and reader_form.c
 * for the order of the checks); comment_submit and page_comment_submit
 * say the rest.
 */
static int
submit(struct app *app, struct req *req, struct resp *resp,
       const struct comment_target *t)
{
	struct arena *a = req->arena;
	unsigned char hash[TOKEN_ADDRESS_HASH_BYTES];
	long long now = app_now(app), id;
	enum token_form_result token;
	enum comment_state state;
	struct comment_form f;
	struct comment_new c;
	struct discussion d;
	const char *bot, *to;
	int rc = reader_form_check(app, req, resp, t->desc, now, hash, &token);

	if (rc != 0 || (rc = t->find(app, req, &d)) != 0)
		return rc;
	form_read(req, &f);
	if (comments_closed(&d, now)) {
		f.message = "comments_closed_post";
		return t->again(app, req, resp, 403, &f);
	}
	if (token == TOKEN_FORM_EXPIRED) {
		f.message = "contact_stale";
		return t->again(app, req, resp, 400, &f);
	}

	memset(&c, 0, sizeof(c));
	c.on = d.on;
	c.ip_hash = hash;
	c.now = now;
	c.state = COMMENT_PENDING;
	if ((bot = reader_form_bot(req, token)) != NULL) {
		/* A bot: filed as spam, whatever it sent, cut to size and
		 * without control characters, answering nothing. */
		c.state = COMMENT_SPAM;
		c.reason = bot;
		c.name = text_clean(a, f.name, false, READER_NAME_MAX_CHARS);
		c.email = text_clean(a, f.email, false, TEXT_EMAIL_MAX_CHARS);
		c.body = text_clean(a, f.body, true, COMMENT_MAX_CHARS);
	} else if (!form_valid(&f)) {
		return t->again(app, req, resp, 400, &f);
	} else {
		c.name = f.name;
		c.email = f.email;
		c.body = f.body;
		c.parent_id = f.parent;
		c.approve_known = text_links_count(f.body) <= LINKS_MAX;
		c.reason = c.approve_known ? "new commenter" : "links";
	}
	id = comment_db_add(app->db, &c, &state);
	if (id == COMMENT_NO_PARENT) {
		f.parent = 0;
		f.message = "comment_parent_gone";
		return t->again(app, req, resp, 400, &f);
	}
	if (id < 0)
		return 500;
	to = state == COMMENT_APPROVED
	         ? discussion_url(req, &d, arena_printf(a, "#comment-%lld", id))
	         : discussion_url(req, &d, "?comment=held#respond");
	return resp_redirect(resp, 303, to) < 0 ? 500 : 303;
}

/* Finds the published article {slug} of the edition. */
static int
find_article(struct app *app, struct req *req, struct discussion *d)
{
	struct article art;
	int rc = article_db_get(app->db, req->arena, req->edition->id,
	                        req->param_slug, &art);

	if (rc == 0)
		comments_of_article(app, req, &art, d);
	return rc == 0 ? 0 : rc > 0 ? 404 : 500;
}

/* Finds the published page {slug} of the edition. */
static int
find_page(struct app *app, struct req *req, struct discussion *d)
{
	struct page page;
	int rc = page_db_get(app->db, req->arena, req->edition->id,
	                     req->param_slug, &page);

	if (rc == 0)
		comments_of_page(req, &page, d);
	return rc == 0 ? 0 : rc > 0 ? 404 : 500;
}

/*
 * POST /articles/{slug}/comments: files a comment on an article.  Fields:
 * name, email, comment, parent (the id of the comment answered; empty or
 * absent for a comment on the article), website (the honeypot: empty),
 * form_token.  Statuses: 303 (to the comment on the article when it was
 * approved, else to the article with ?comment=held, also for a bot's),
 * 400 (the page again with the form, the input kept and a message per
 * invalid field, or a fresh token when it had expired, or the parent
 * gone; nothing stored), 403 (a missing or forged token; comments closed:
 * the page with a sentence), 404 (no such published article), 429 (over
 * comments_rate_per_minute, Retry-After), 500.  No role; no cookie.
 */
int
comment_submit(struct app *app, struct req *req, struct resp *resp)
{
	static const struct comment_target article = {
	    &comment_desc, find_article, article_page};

	return submit(app, req, resp, &article);
}

/*
 * POST /{slug}/comments: files a comment on a page, as comment_submit on
 * an article (the same fields and statuses; 404 when there is no such
 * published page).  No role; no cookie.
 */
int
page_comment_submit(struct app *app, struct req *req, struct resp *resp)
{
	static const struct comment_target page = {&page_comment_desc,
	                                           find_page, page_page};

	return submit(app, req, resp, &page);
}
