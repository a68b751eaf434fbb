/*
 * admin_messages.c: the moderators' queue of the contact form's messages
 * (moderators, editors and admins; the router keeps authors out and
 * checks the CSRF token of every POST).  The list has a tab per state
 * with its count, a search, a page of messages to tick for a bulk action;
 * a message opens on a page of its own (which marks it read), where the
 * same actions are buttons, and it can be downloaded as text.  Every
 * action is in the audit log with the messages' ids, never their text.
 * The shared parts of a queue are in admin_queue.c.
 */
#include <string.h>
#include <time.h>

#include "../db/message_db.h"
#include "../render/html.h"
#include "handlers.h"

#define MESSAGES_PER_PAGE 50
#define DASHBOARD_MESSAGES 5

static const struct queue_action actions[] = {
    {"read", "msg_do_read", NULL, false, "read", "marked read"},
    {"answered", "msg_do_answered", "a", false, "answered", "marked answered"},
    {"spam", "msg_do_spam", "s", false, "spam", "marked spam"},
    {"archived", "msg_do_archived", "e", false, "archived", "marked archived"},
    {"delete", "msg_do_delete", NULL, true, NULL, "deleted"},
};

/* Tells whether message id exists: 1, 0, or -1 (the queue's exists). */
static int
exists(struct db *db, struct arena *a, long long id)
{
	struct message m;
	int rc = message_db_get(db, a, id, &m);

	return rc < 0 ? -1 : rc == 0;
}

static int list_page(struct app *app, struct req *req, struct resp *resp,
                     int status, const struct queue_view *v,
                     const char *message_key);

static const struct queue_desc queue = {
    .base = "/admin/messages",
    .title_key = "messages",
    .states = message_states,
    .states_count = MESSAGE_STATES__MAX,
    .state_key_prefix = "msg_state_",
    .default_state = "new",
    .actions = actions,
    .actions_count = sizeof(actions) / sizeof(actions[0]),
    .search_label_key = "msg_search_label",
    .list_actions_key = "msg_with_ticked",
    .item_actions_key = "msg_this_one",
    .list_keys_key = "msg_keys_list",
    .item_keys_key = "msg_keys_item",
    .choose_key = "msg_choose",
    .noun = "message",
    .nouns = "messages",
    .set_state = message_db_set_state,
    .remove = message_db_delete,
    .exists = exists,
    .list_page = list_page,
};

/* Returns a message's subject, or "(no subject)". */
static const char *
subject_of(struct req *req, const struct message *m)
{
	return m->subject[0] ? m->subject
	                     : edition_string(req->edition, "msg_no_subject");
}

/* Renders the list of view v with status and an optional message key. */
static int
list_page(struct app *app, struct req *req, struct resp *resp, int status,
          const struct queue_view *v, const char *message_key)
{
	struct arena *a = req->arena;
	long long counts[MESSAGE_STATES__MAX];
	struct message *rows;
	size_t count, i;
	struct tval *ctx, *list;

	if (message_db_counts(app->db, counts) < 0 ||
	    message_db_list(app->db, a, v->state, v->q,
	                    (v->page - 1) * MESSAGES_PER_PAGE,
	                    MESSAGES_PER_PAGE + 1, &rows, &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, queue.title_key));
	if (ctx == NULL)
		return 500;
	admin_queue_list_context(req, ctx, &queue, v, counts,
	                         count > MESSAGES_PER_PAGE, message_key);
	list = tv_list(a);
	for (i = 0; i < count && i < MESSAGES_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "name", rows[i].name);
		tv_set_str(a, m, "email", rows[i].email);
		tv_set_str(a, m, "subject", subject_of(req, &rows[i]));
		tv_set_str(a, m, "snippet", rows[i].body);
		tv_set_str(a, m, "state",
		           admin_queue_state_label(req, &queue, rows[i].state));
		tv_set_bool(a, m, "new", strcmp(rows[i].state, "new") == 0);
		tv_set_str(a, m, "spam_reason", rows[i].spam_reason);
		tv_set_str(a, m, "date", admin_time(a, rows[i].created_at));
		tv_set_str(a, m, "edition", rows[i].edition_code);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "rows", list);
	return app_render(app, resp, status, "admin/messages", ctx);
}

/*
 * GET /admin/messages: the queue.  Query: state (new, read, answered,
 * spam, archived or all; new when absent), q (words in the name, email,
 * subject or text), page, done (after an action: a notice).  Statuses:
 * 200, 400 (an unknown state, a bad page, q over 200 bytes), 500.  Roles:
 * admin, editor, moderator.
 */
int
admin_messages(struct app *app, struct req *req, struct resp *resp)
{
	return admin_queue_list(app, req, resp, &queue);
}

/*
 * POST /admin/messages: a bulk action on the ticked messages, in one
 * transaction (admin_queue_bulk).  The form posts to the list's own
 * address, so its query (state, q, page) is the view to go back to.
 * Fields: action (read, answered, spam, archived or delete), id
 * (repeated: the ticked messages, at most 100), csrf.  Statuses: 303 (to
 * the view, with a notice), 400 (no message ticked, an unknown action or
 * a malformed id: the list again with a message; nothing changed), 500.
 * Roles: admin, editor, moderator.
 */
int
admin_messages_bulk(struct app *app, struct req *req, struct resp *resp)
{
	return admin_queue_bulk(app, req, resp, &queue);
}

/*
 * GET /admin/messages/{id}: one message, its text shown as plain text,
 * with the actions as buttons and a download link.  Opening a new
 * message marks it read (audited as "message read").  Query: done (after
 * an action: a notice).  Statuses: 200, 404, 500.  Roles: admin, editor,
 * moderator.
 */
int
admin_message_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	long long id = req->param_int;
	struct message m;
	struct tval *ctx;
	int rc = message_db_opened(app->db, id, (long long)time(NULL));

	if (rc < 0)
		return 500;
	if (rc > 0)
		admin_queue_audit(app, req, "message read", &id, 1);
	if ((rc = message_db_get(app->db, a, id, &m)) != 0)
		return rc > 0 ? 404 : 500;
	ctx = admin_frame(app, req, resp, subject_of(req, &m));
	if (ctx == NULL)
		return 500;
	admin_queue_item_context(req, ctx, &queue);
	tv_set_int(a, ctx, "id", m.id);
	tv_set_str(a, ctx, "name", m.name);
	tv_set_str(a, ctx, "email", m.email);
	tv_set_str(a, ctx, "mailto", admin_queue_mailto(a, m.email, m.subject));
	tv_set_str(a, ctx, "subject", subject_of(req, &m));
	tv_set_str(a, ctx, "body", m.body);
	tv_set_str(a, ctx, "state",
	           admin_queue_state_label(req, &queue, m.state));
	if (strcmp(m.state, "spam") == 0)
		tv_set_str(a, ctx, "spam_reason", m.spam_reason);
	tv_set_str(a, ctx, "date", admin_time(a, m.created_at));
	tv_set_str(a, ctx, "edition", m.edition_code);
	return app_render(app, resp, 200, "admin/message", ctx);
}

/*
 * POST /admin/messages/{id}: an action on one message (admin_queue_act).
 * Fields: action (read, answered, spam, archived or delete), csrf.
 * Statuses: 303 (back to the message with a notice, or to the list after
 * a deletion), 400 (an unknown action), 404, 500.  Roles: admin, editor,
 * moderator.
 */
int
admin_message_act(struct app *app, struct req *req, struct resp *resp)
{
	return admin_queue_act(app, req, resp, &queue);
}

/*
 * GET /admin/messages/{id}/export: the message as a text file to keep
 * (Content-Disposition: attachment; audited as "message exported"):
 * header lines (From, Email, Subject, Received in UTC, Edition, State),
 * a blank line and the text as it was sent.  Statuses: 200, 404, 500.
 * Roles: admin, editor, moderator.
 */
int
admin_message_export(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	long long id = req->param_int;
	struct message m;
	time_t t;
	struct tm tm;
	char when[32] = "";
	int rc = message_db_get(app->db, a, id, &m);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	t = (time_t)m.created_at;
	if (gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", &tm);
	buf_reset(resp->body);
	buf_printf(resp->body,
	           "From: %s\nEmail: %s\nSubject: %s\nReceived: %s\n"
	           "Edition: %s\nState: %s\n\n%s\n",
	           m.name, m.email, m.subject, when, m.edition_code, m.state,
	           m.body);
	if (resp_header(resp, "Content-Type", "text/plain; charset=utf-8") <
	        0 ||
	    resp_header(
	        resp, "Content-Disposition",
	        arena_printf(a, "attachment; filename=\"message-%lld.txt\"",
	                     id)) < 0)
		return 500;
	admin_queue_audit(app, req, "message exported", &id, 1);
	return 200;
}

/* Adds the dashboard's messages; see handlers.h. */
int
admin_messages_waiting(struct app *app, struct req *req, struct tval *ctx)
{
	struct arena *a = req->arena;
	long long counts[MESSAGE_STATES__MAX];
	struct message *rows;
	size_t count;
	struct tval *list = tv_list(a);

	if (message_db_counts(app->db, counts) < 0 ||
	    message_db_list(app->db, a, "new", NULL, 0, DASHBOARD_MESSAGES,
	                    &rows, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		struct tval *m = tv_map(a);

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "name", rows[i].name);
		tv_set_str(a, m, "subject", subject_of(req, &rows[i]));
		tv_set_str(a, m, "date", admin_time(a, rows[i].created_at));
		tv_push(a, list, m);
	}
	tv_set_str(
	    a, ctx, "messages_new",
	    frame_count(a, req->edition, "new_messages", counts[MESSAGE_NEW]));
	tv_set(a, ctx, "messages_list", list);
	tv_set_bool(a, ctx, "has_messages_list", count > 0);
	return 0;
}
