/*
 * admin_queue.c: what the moderators' queues share (see handlers.h): a
 * view of the list read from the query (a state tab, words to search, a
 * page), the addresses of views, the tabs with their counts, the action
 * buttons with their keyboard shortcuts, the ticked items of a bulk form
 * and the audit entry of an action.  A queue is described by a struct
 * queue_desc; the messages (admin_messages.c) are the first, comments
 * will be the second, with the same templates (admin/queue_*.html) and
 * the same script (www/js/queue.js), which only adds shortcuts: every
 * action is a plain form button.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../render/html.h"
#include "handlers.h"

#define QUEUE_PAGE_MAX 100000

/* Returns whether s is one of d's states. */
static bool
state_known(const struct queue_desc *d, const char *s)
{
	for (size_t i = 0; i < d->states_count; i++)
		if (strcmp(s, d->states[i]) == 0)
			return true;
	return false;
}

/* Reads a list's view from the query; see handlers.h. */
int
admin_queue_view(const struct queue_desc *d, const struct req *req,
                 struct queue_view *v)
{
	const char *state = req_query(req, "state"), *q = req_query(req, "q");
	const char *page = req_query(req, "page");

	memset(v, 0, sizeof(*v));
	v->page = 1;
	if (state == NULL)
		v->state = d->default_state;
	else if (strcmp(state, "all") == 0)
		v->state = NULL;
	else if (state_known(d, state))
		v->state = state;
	else
		return 400;
	if (q != NULL && strlen(q) > QUEUE_Q_MAX)
		return 400;
	if (q != NULL && q[0] != '\0')
		v->q = q;
	if (page != NULL) {
		char *end;

		errno = 0;
		v->page = strtoll(page, &end, 10);
		if (errno != 0 || end == page || *end != '\0' || v->page < 1 ||
		    v->page > QUEUE_PAGE_MAX)
			return 400;
	}
	return 0;
}

/* Returns a view's address; see handlers.h. */
const char *
admin_queue_url(struct arena *a, const struct queue_desc *d,
                const struct queue_view *v, long long page)
{
	struct buf b;
	char *out;

	buf_init(&b);
	buf_puts(&b, d->base);
	buf_puts(&b, "?state=");
	buf_puts(&b, v->state ? v->state : "all");
	if (v->q != NULL) {
		buf_puts(&b, "&q=");
		html_url_component(&b, v->q, strlen(v->q));
	}
	if (page > 1)
		buf_printf(&b, "&page=%lld", page);
	out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Returns a state's label; see handlers.h. */
const char *
admin_queue_state_label(struct req *req, const struct queue_desc *d,
                        const char *state)
{
	return edition_string(
	    req->edition,
	    arena_concat(req->arena, d->state_key_prefix, state, NULL));
}

/* Adds one tab (a view of a state, or of all when state is NULL). */
static void
add_tab(struct req *req, struct tval *tabs, const struct queue_desc *d,
        const struct queue_view *v, const char *state, const char *label,
        long long count)
{
	struct arena *a = req->arena;
	struct queue_view tab = {state, NULL, 1};
	struct tval *m = tv_map(a);
	bool current =
	    v->q == NULL &&
	    (state == NULL ? v->state == NULL
	                   : v->state != NULL && strcmp(v->state, state) == 0);

	tv_set_str(a, m, "label", label);
	tv_set_int(a, m, "count", count);
	tv_set_str(a, m, "url", admin_queue_url(a, d, &tab, 1));
	tv_set_bool(a, m, "current", current);
	tv_push(a, tabs, m);
}

/* Adds the action buttons, their label and the shortcuts' help. */
static void
add_actions(struct req *req, struct tval *ctx, const struct queue_desc *d,
            const char *actions_label_key, const char *help_key)
{
	struct arena *a = req->arena;
	struct tval *list = tv_list(a);

	for (size_t i = 0; i < d->actions_count; i++) {
		const struct queue_action *act = &d->actions[i];
		struct tval *m = tv_map(a);

		tv_set_str(a, m, "name", act->name);
		tv_set_str(a, m, "label",
		           edition_string(req->edition, act->label_key));
		if (act->key != NULL)
			tv_set_str(a, m, "key", act->key);
		tv_set_bool(a, m, "danger", act->danger);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "actions", list);
	tv_set_str(a, ctx, "actions_label",
	           edition_string(req->edition, actions_label_key));
	tv_set_str(a, ctx, "keys_help", edition_string(req->edition, help_key));
}

/* Adds "Done." after an action (the query's done=1). */
static void
done_notice(struct req *req, struct tval *ctx)
{
	if (req_query(req, "done") != NULL)
		tv_set_str(req->arena, ctx, "notice",
		           edition_string(req->edition, "msg_done"));
}

/* Adds a list page's shared parts; see handlers.h. */
void
admin_queue_list_context(struct req *req, struct tval *ctx,
                         const struct queue_desc *d, const struct queue_view *v,
                         const long long *counts, bool more,
                         const char *message_key)
{
	struct arena *a = req->arena;
	struct tval *tabs = tv_list(a);
	long long total = 0;

	for (size_t i = 0; i < d->states_count; i++)
		total += counts[i];
	add_tab(req, tabs, d, v, NULL, edition_string(req->edition, "all"),
	        total);
	for (size_t i = 0; i < d->states_count; i++)
		add_tab(req, tabs, d, v, d->states[i],
		        admin_queue_state_label(req, d, d->states[i]),
		        counts[i]);
	tv_set(a, ctx, "tabs", tabs);
	tv_set_str(a, ctx, "queue_title",
	           edition_string(req->edition, d->title_key));
	tv_set_str(a, ctx, "queue_base", d->base);
	tv_set_str(a, ctx, "state", v->state ? v->state : "all");
	tv_set_str(a, ctx, "q", v->q ? v->q : "");
	tv_set_str(a, ctx, "view_url", admin_queue_url(a, d, v, v->page));
	tv_set_str(a, ctx, "search_label",
	           edition_string(req->edition, d->search_label_key));
	add_actions(req, ctx, d, d->list_actions_key, d->list_keys_key);
	if (v->page > 1)
		tv_set_str(a, ctx, "newer_url",
		           admin_queue_url(a, d, v, v->page - 1));
	if (more)
		tv_set_str(a, ctx, "older_url",
		           admin_queue_url(a, d, v, v->page + 1));
	if (message_key != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message_key));
	else
		done_notice(req, ctx);
}

/* Adds a detail page's shared parts; see handlers.h. */
void
admin_queue_item_context(struct req *req, struct tval *ctx,
                         const struct queue_desc *d)
{
	add_actions(req, ctx, d, d->item_actions_key, d->item_keys_key);
	done_notice(req, ctx);
}

/* Reads the ticked items; see handlers.h. */
int
admin_queue_ids(const struct req *req, long long ids[QUEUE_IDS_MAX])
{
	int n = 0;

	for (size_t i = 0; i < req->form_count; i++) {
		const char *s = req->form[i].val;
		char *end;
		long long id;

		if (strcmp(req->form[i].key, "id") != 0)
			continue;
		errno = 0;
		id = strtoll(s, &end, 10);
		if (errno != 0 || end == s || *end != '\0' || id <= 0 ||
		    n == QUEUE_IDS_MAX)
			return -1;
		ids[n++] = id;
	}
	return n;
}

/* Finds the form's action; see handlers.h. */
const struct queue_action *
admin_queue_action(const struct queue_desc *d, const struct req *req)
{
	const char *name = req_form(req, "action");

	for (size_t i = 0; name != NULL && i < d->actions_count; i++)
		if (strcmp(name, d->actions[i].name) == 0)
			return &d->actions[i];
	return NULL;
}

/* Audits a moderation action; see handlers.h. */
void
admin_queue_audit(struct app *app, struct req *req, const char *action,
                  const long long *ids, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s#%lld", i ? ", " : "", ids[i]);
	audit_db_add(app->db, (long long)time(NULL), req->user->id,
	             req->user->name, action, b.data ? b.data : "",
	             req->remote_addr);
	buf_free(&b);
}

/*
 * Applies action to the items ids[0..n) of d and audits it ("message
 * marked answered", "comments deleted").  Returns the number changed (0
 * or more), or -1.
 */
static int
apply(struct app *app, struct req *req, const struct queue_desc *d,
      const struct queue_action *action, const long long *ids, size_t n)
{
	int changed = action->state != NULL
	                  ? d->set_state(app->db, ids, n, action->state,
	                                 (long long)time(NULL))
	                  : d->remove(app->db, ids, n);

	if (changed > 0)
		admin_queue_audit(app, req,
		                  arena_concat(req->arena,
		                               n == 1 ? d->noun : d->nouns, " ",
		                               action->done, NULL),
		                  ids, n);
	return changed;
}

/* Answers an action with 303 to url, "done=1" added to its query. */
static int
redirect_done(struct req *req, struct resp *resp, const char *url)
{
	return resp_redirect(resp, 303,
	                     arena_concat(req->arena, url,
	                                  strchr(url, '?') ? "&" : "?",
	                                  "done=1", NULL)) < 0
	           ? 500
	           : 303;
}

/* Shows a queue's list; see handlers.h. */
int
admin_queue_list(struct app *app, struct req *req, struct resp *resp,
                 const struct queue_desc *d)
{
	struct queue_view v;
	int rc = admin_queue_view(d, req, &v);

	return rc != 0 ? rc : d->list_page(app, req, resp, 200, &v, NULL);
}

/* Applies a bulk action; see handlers.h. */
int
admin_queue_bulk(struct app *app, struct req *req, struct resp *resp,
                 const struct queue_desc *d)
{
	const struct queue_action *action = admin_queue_action(d, req);
	long long ids[QUEUE_IDS_MAX];
	struct queue_view v;
	int n, rc = admin_queue_view(d, req, &v);

	if (rc != 0)
		return rc;
	n = admin_queue_ids(req, ids);
	if (action == NULL || n <= 0)
		return d->list_page(app, req, resp, 400, &v, d->choose_key);
	if (apply(app, req, d, action, ids, (size_t)n) < 0)
		return 500;
	return redirect_done(req, resp,
	                     admin_queue_url(req->arena, d, &v, v.page));
}

/* Applies an action to one item; see handlers.h. */
int
admin_queue_act(struct app *app, struct req *req, struct resp *resp,
                const struct queue_desc *d)
{
	const struct queue_action *action = admin_queue_action(d, req);
	long long id = req->param_int;
	int rc;

	if (action == NULL)
		return 400;
	if ((rc = apply(app, req, d, action, &id, 1)) < 0)
		return 500;
	/* No change: already in that state, or no such item. */
	if (rc == 0 &&
	    (rc = action->state != NULL ? d->exists(app->db, req->arena, id)
	                                : 0) <= 0)
		return rc < 0 ? 500 : 404;
	return redirect_done(
	    req, resp,
	    action->state == NULL
	        ? d->base
	        : arena_printf(req->arena, "%s/%lld", d->base, id));
}

/* Returns a mailto: address for replying; see handlers.h. */
const char *
admin_queue_mailto(struct arena *a, const char *email, const char *subject)
{
	struct buf b;
	const char *at = strchr(email, '@');
	char *out;

	buf_init(&b);
	buf_puts(&b, "mailto:");
	if (at == NULL) {
		buf_free(&b);
		return "";
	}
	html_url_component(&b, email, (size_t)(at - email));
	buf_putc(&b, '@');
	html_url_component(&b, at + 1, strlen(at + 1));
	if (subject[0] != '\0') {
		buf_puts(&b, "?subject=Re%3A%20");
		html_url_component(&b, subject, strlen(subject));
	}
	out = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* Formats a time in the site's zone; see handlers.h. */
const char *
admin_time(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char out[32] = "";

	if (localtime_r(&tt, &tm) != NULL)
		strftime(out, sizeof(out), "%Y-%m-%d %H:%M", &tm);
	return arena_strdup(a, out);
}
