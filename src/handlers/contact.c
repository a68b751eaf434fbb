/*
 * contact.c: the contact form at /contact (under each edition's prefix
 * too).  Above the form is the edition's page "contact" (the
 * organisation's details, edited as any page); below it name, email,
 * subject and message.
 *
 * Readers get no cookie.  The form carries the signed stateless token of
 * token.c, and a POST goes through the checks every reader's form shares
 * (reader_form.c): the rate limit (contact_rate_per_minute), the token,
 * the honeypot and the fill time (contact_min_seconds), then validation;
 * the message is then filed (state new) and the answer is 303 to the
 * thank-you page, /contact?sent=1.  A bot (honeypot, too fast) sees the
 * same thank-you while its message is filed as spam.
 * Messages are plain text: every page that shows one escapes it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "../db/message_db.h"
#include "../util/text.h"
#include "handlers.h"

/* The form: its tokens are signed over its route's pattern, as
 * auth_guard names a form. */
static const struct reader_form contact_desc = {
    .name = "/contact",
    .throttle = "contact:",
    .rate_setting = "contact_rate_per_minute",
    .min_setting = "contact_min_seconds",
};

#define SUBJECT_MAX_CHARS 300
#define MESSAGE_MAX_CHARS 10000

/* The fields as sent (trimmed, the message's line ends made \n) and a
 * message key per invalid field. */
struct contact_form {
	const char *name, *email, *subject, *body;
	const char *error_name, *error_email, *error_subject, *error_body;
};

/* Reads the fields (trimmed; the message's line ends made \n). */
static void
form_read(struct req *req, struct contact_form *f)
{
	const char *body = req_form(req, "message");

	memset(f, 0, sizeof(*f));
	f->name = text_trim(req->arena, req_form(req, "name"));
	f->email = text_trim(req->arena, req_form(req, "email"));
	f->subject = text_trim(req->arena, req_form(req, "subject"));
	f->body = text_clean(req->arena, body ? body : "", true, SIZE_MAX);
}

/* Checks the fields, setting an error key on each invalid one; returns
 * whether they are all valid. */
static bool
form_valid(struct contact_form *f)
{
	f->error_name = reader_form_name_error(f->name);
	f->error_email = reader_form_email_error(f->email);
	if (text_chars(f->subject) > SUBJECT_MAX_CHARS)
		f->error_subject = "contact_error_subject";
	else if (text_has_control(f->subject))
		f->error_subject = "contact_error_characters";
	if (text_blank(f->body) || text_chars(f->body) > MESSAGE_MAX_CHARS)
		f->error_body = "contact_error_message";
	return f->error_name == NULL && f->error_email == NULL &&
	       f->error_subject == NULL && f->error_body == NULL;
}

/*
 * Renders /contact: the edition's page "contact" when it is published,
 * then the thank-you note when sent, else the form with f's values and
 * errors (f NULL: empty) and a fresh token.  Returns status, or 500.
 */
static int
contact_page(struct app *app, struct req *req, struct resp *resp, int status,
             const struct contact_form *f, const char *message_key, bool sent)
{
	struct arena *a = req->arena;
	const char *action =
	    arena_concat(a, frame_prefix(req), "/contact", NULL);
	const char *heading = edition_string(req->edition, "contact_title");
	struct page page;
	struct tval *ctx;
	int rc = page_db_get(app->db, a, req->edition->id, "contact", &page);

	if (rc < 0)
		return 500;
	if (rc == 0)
		heading = page.title;
	if ((ctx = frame_context(app, req, resp, heading)) == NULL)
		return 500;
	tv_set_str(a, ctx, "heading", heading);
	if (rc == 0)
		tv_set(a, ctx, "details", tv_html(a, page.body));
	tv_set_str(a, ctx, "action", action);
	if (sent) {
		tv_set_bool(a, ctx, "sent", true);
		return app_render(app, resp, status, "contact", ctx);
	}
	tv_set_str(a, ctx, "form_token",
	           reader_form_token(app, req, resp, &contact_desc));
	reader_form_message(req, ctx, "message", message_key);
	if (f != NULL) {
		tv_set_str(a, ctx, "name", f->name);
		tv_set_str(a, ctx, "email", f->email);
		tv_set_str(a, ctx, "subject", f->subject);
		tv_set_str(a, ctx, "body", f->body);
		reader_form_message(req, ctx, "error_name", f->error_name);
		reader_form_message(req, ctx, "error_email", f->error_email);
		reader_form_message(req, ctx, "error_subject",
		                    f->error_subject);
		reader_form_message(req, ctx, "error_body", f->error_body);
	}
	return app_render(app, resp, status, "contact", ctx);
}

/*
 * GET /contact: the organisation's details (the page "contact") and the
 * form; with ?sent=1, the thank-you note instead of the form.  Readers
 * get no cookie.  The page is public and cacheable like an article's
 * (ETag, no-cache): its token is left out of the ETag, which counts the
 * token's hour instead (reader_form_token), so a revalidation within
 * the hour is 304 and the token kept has at least an hour left.
 * Statuses: 200, 304, 500.  No role.
 */
int
contact_show(struct app *app, struct req *req, struct resp *resp)
{
	return contact_page(app, req, resp, 200, NULL, NULL,
	                    req_query(req, "sent") != NULL);
}

/* Answers a message filed (or taken for spam): 303 to the thank-you. */
static int
thank_you(struct req *req, struct resp *resp)
{
	return resp_redirect(resp, 303,
	                     arena_concat(req->arena, frame_prefix(req),
	                                  "/contact?sent=1", NULL)) < 0
	           ? 500
	           : 303;
}

/*
 * POST /contact: files a message (see the top of this file for the
 * order of the checks).  Fields: name, email, subject, message, website
 * (the honeypot: empty), form_token.  Statuses: 303 (to the thank-you
 * page: filed, or filed as spam), 400 (the form again with a message per
 * invalid field, or with a fresh token when it had expired; nothing
 * stored), 403 (a missing or forged token), 429 (over the rate limit,
 * Retry-After), 500.  No role; no cookie.
 */
int
contact_submit(struct app *app, struct req *req, struct resp *resp)
{
	unsigned char hash[TOKEN_ADDRESS_HASH_BYTES];
	long long now = app_now(app);
	struct message_new m;
	struct contact_form f;
	enum token_form_result token;
	const char *bot;
	int rc =
	    reader_form_check(app, req, resp, &contact_desc, now, hash, &token);

	if (rc != 0)
		return rc;
	form_read(req, &f);
	if (token == TOKEN_FORM_EXPIRED)
		return contact_page(app, req, resp, 400, &f, "contact_stale",
		                    false);

	memset(&m, 0, sizeof(m));
	m.edition_id = req->edition->id;
	m.ip_hash = hash;
	m.now = now;
	m.state = MESSAGE_NEW;
	m.spam_reason = "";
	if ((bot = reader_form_bot(req, token)) != NULL) {
		/* A bot: filed as spam, whatever it sent, cut to size and
		 * without control characters; it sees the thank-you. */
		struct arena *a = req->arena;

		m.state = MESSAGE_SPAM;
		m.spam_reason = bot;
		m.name = text_clean(a, f.name, false, READER_NAME_MAX_CHARS);
		m.email = text_clean(a, f.email, false, TEXT_EMAIL_MAX_CHARS);
		m.subject = text_clean(a, f.subject, false, SUBJECT_MAX_CHARS);
		m.body = text_clean(a, f.body, true, MESSAGE_MAX_CHARS);
	} else if (!form_valid(&f)) {
		return contact_page(app, req, resp, 400, &f, "contact_fix",
		                    false);
	} else {
		m.name = f.name;
		m.email = f.email;
		m.subject = f.subject;
		m.body = f.body;
		m.notify = app->notify_messages;
	}
	if (message_db_add(app->db, &m) < 0)
		return 500;
	return thank_you(req, resp);
}
