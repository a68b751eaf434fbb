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

/* Adds a list page's shared parts; see handlers.h. */
void
admin_queue_list_context(struct req *req, struct tval *ctx,
                         const struct queue_desc *d, const struct queue_view *v,
                         const long long *counts, bool more)
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
}

/* Adds a detail page's shared parts; see handlers.h. */
void
admin_queue_item_context(struct req *req, struct tval *ctx,
                         const struct queue_desc *d)
{
	add_actions(req, ctx, d, d->item_actions_key, d->item_keys_key);
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
