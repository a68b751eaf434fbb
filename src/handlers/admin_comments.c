/*
 * admin_comments.c: the moderators' queue of readers' comments
 * (moderators, editors and admins; the router keeps authors out and
 * checks the CSRF token of every POST).  The same queue as the messages'
 * (admin_queue.c): a tab per state (pending, approved, spam, trash) with
 * its count, a search, a page of comments to tick for a bulk action
 * (approve, unapprove, spam, trash, delete for good), a comment's own
 * page with the same actions as buttons, and keyboard shortcuts as in
 * WordPress (a approve, u unapprove, s spam, d trash).  A state change
 * and the article's count of approved comments change in one transaction
 * (comment_db.h), and every worker shows it at its next request.  Every
 * action is in the audit log with the comments' ids, never their text.
 */
#include <string.h>

#include "../db/comment_db.h"
#include "handlers.h"

#define COMMENTS_PER_PAGE 50
#define DASHBOARD_COMMENTS 5

static const struct queue_action actions[] = {
    {"approve", "cmt_do_approve", "a", false, "approved", "approved"},
    {"unapprove", "cmt_do_unapprove", "u", false, "pending", "unapproved"},
    {"spam", "cmt_do_spam", "s", false, "spam", "marked spam"},
    {"trash", "cmt_do_trash", "d", false, "trash", "trashed"},
    {"delete", "cmt_do_delete", NULL, true, NULL, "deleted"},
};

/* Tells whether comment id exists: 1, 0, or -1 (the queue's exists). */
static int
exists(struct db *db, struct arena *a, long long id)
{
	struct comment c;
	int rc = comment_db_get(db, a, id, &c);

	return rc < 0 ? -1 : rc == 0;
}

static int list_page(struct app *app, struct req *req, struct resp *resp,
                     int status, const struct queue_view *v,
                     const char *message_key);

static const struct queue_desc queue = {
    .base = "/admin/comments",
    .title_key = "comments_title",
    .states = comment_states,
    .states_count = COMMENT_STATES__MAX,
    .state_key_prefix = "cmt_state_",
    .default_state = "pending",
    .actions = actions,
    .actions_count = sizeof(actions) / sizeof(actions[0]),
    .search_label_key = "cmt_search_label",
    .list_actions_key = "cmt_with_ticked",
    .item_actions_key = "cmt_this_one",
    .list_keys_key = "cmt_keys_list",
    .item_keys_key = "cmt_keys_item",
    .choose_key = "cmt_choose",
    .noun = "comment",
    .nouns = "comments",
    .set_state = comment_db_set_state,
    .remove = comment_db_delete,
    .exists = exists,
    .list_page = list_page,
};

/* Returns the public address of the article or page a comment is under
 * (published only), at the comment when it is shown, or "". */
static const char *
public_url(struct arena *a, const struct comment *c)
{
	if (strcmp(c->on_state, "published") != 0)
		return "";
	return arena_printf(a, "%s%s%s/%s%s", c->edition_prefix[0] ? "/" : "",
	                    c->edition_prefix, c->on.page ? "" : "/articles",
	                    c->on_slug,
	                    strcmp(c->state, "approved") == 0
	                        ? arena_printf(a, "#comment-%lld", c->id)
	                        : "");
}

/* Sets what the list, the detail page and the dashboard show of c. */
static void
comment_fields(struct req *req, struct tval *m, const struct comment *c)
{
	struct arena *a = req->arena;

	tv_set_int(a, m, "id", c->id);
	tv_set_str(a, m, "name", c->name);
	tv_set_str(a, m, "email", c->email);
	tv_set_str(a, m, "text", c->body);
	tv_set_str(a, m, "state",
	           admin_queue_state_label(req, &queue, c->state));
	tv_set_bool(a, m, "pending", strcmp(c->state, "pending") == 0);
	tv_set_str(a, m, "reason", c->reason);
	tv_set_str(a, m, "date", admin_time(a, c->created_at));
	tv_set_str(a, m, "article", c->on_title);
	tv_set_str(a, m, "article_url", public_url(a, c));
	tv_set_str(a, m, "parent_name", c->parent_name);
	tv_set_int(a, m, "parent_id", c->parent_id);
}

/* Renders the list of view v with status and an optional message key. */
static int
list_page(struct app *app, struct req *req, struct resp *resp, int status,
          const struct queue_view *v, const char *message_key)
{
	struct arena *a = req->arena;
	long long counts[COMMENT_STATES__MAX];
	struct comment *rows;
	size_t count;
	struct tval *ctx, *list;

	if (comment_db_counts(app->db, counts) < 0 ||
	    comment_db_list(app->db, a, v->state, v->q,
	                    (v->page - 1) * COMMENTS_PER_PAGE,
	                    COMMENTS_PER_PAGE + 1, &rows, &count) < 0)
		return 500;
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, queue.title_key));
	if (ctx == NULL)
		return 500;
	admin_queue_list_context(req, ctx, &queue, v, counts,
	                         count > COMMENTS_PER_PAGE, message_key);
	list = tv_list(a);
	for (size_t i = 0; i < count && i < COMMENTS_PER_PAGE; i++) {
		struct tval *m = tv_map(a);

		comment_fields(req, m, &rows[i]);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "rows", list);
	return app_render(app, resp, status, "admin/comments", ctx);
}

/*
 * GET /admin/comments: the queue.  Query: state (pending, approved, spam,
 * trash or all; pending when absent), q (words in the author's name or
 * email, the text or the article's title), page, done (after an action:
 * a notice).  Statuses: 200, 400 (an unknown state, a bad page, q over
 * 200 bytes), 500.  Roles: admin, editor, moderator.
 */
int
admin_comments(struct app *app, struct req *req, struct resp *resp)
{
	return admin_queue_list(app, req, resp, &queue);
}

/*
 * POST /admin/comments: a bulk action on the ticked comments, in one
 * transaction (admin_queue_bulk), to the view the form was on.  Fields:
 * action (approve, unapprove, spam, trash or delete), id (repeated: the
 * ticked comments, at most 100), csrf.  Statuses: 303 (to the view, with
 * a notice), 400 (no comment ticked, an unknown action or a malformed id:
 * the list again with a message; nothing changed), 500.  Roles: admin,
 * editor, moderator.
 */
int
admin_comments_bulk(struct app *app, struct req *req, struct resp *resp)
{
	return admin_queue_bulk(app, req, resp, &queue);
}

/*
 * GET /admin/comments/{id}: one comment, its text as plain text, with
 * the author's name, email address (a mailto: link) and web address, the
 * article (and a link to the comment on it when it is shown), the
 * comment it answers, why it waits, and the actions as buttons.  Query:
 * done (after an action: a notice).  Statuses: 200, 404, 500.  Roles:
 * admin, editor, moderator.
 */
int
admin_comment_show(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct comment c;
	struct tval *ctx;
	int rc = comment_db_get(app->db, a, req->param_int, &c);

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	ctx = admin_frame(
	    app, req, resp,
	    arena_concat(a, edition_string(req->edition, "cmt_comment"), " #",
	                 arena_printf(a, "%lld", c.id), NULL));
	if (ctx == NULL)
		return 500;
	admin_queue_item_context(req, ctx, &queue);
	comment_fields(req, ctx, &c);
	tv_set_str(a, ctx, "url", c.url);
	tv_set_str(a, ctx, "mailto", admin_queue_mailto(a, c.email, ""));
	return app_render(app, resp, 200, "admin/comment", ctx);
}

/*
 * POST /admin/comments/{id}: an action on one comment (admin_queue_act).
 * Fields: action (approve, unapprove, spam, trash or delete), csrf.
 * Statuses: 303 (back to the comment with a notice, or to the list after
 * a deletion), 400 (an unknown action), 404, 500.  Roles: admin, editor,
 * moderator.
 */
int
admin_comment_act(struct app *app, struct req *req, struct resp *resp)
{
	return admin_queue_act(app, req, resp, &queue);
}

/* Adds the dashboard's comments; see handlers.h. */
int
admin_comments_waiting(struct app *app, struct req *req, struct tval *ctx)
{
	struct arena *a = req->arena;
	long long counts[COMMENT_STATES__MAX];
	struct comment *rows;
	size_t count;
	struct tval *list = tv_list(a);

	if (comment_db_counts(app->db, counts) < 0 ||
	    comment_db_list(app->db, a, "pending", NULL, 0, DASHBOARD_COMMENTS,
	                    &rows, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		struct tval *m = tv_map(a);

		comment_fields(req, m, &rows[i]);
		tv_push(a, list, m);
	}
	tv_set_str(a, ctx, "comments_pending",
	           frame_count(a, req->edition, "waiting_comments",
	                       counts[COMMENT_PENDING]));
	tv_set(a, ctx, "comments_list", list);
	tv_set_bool(a, ctx, "has_comments_list", count > 0);
	return 0;
}
