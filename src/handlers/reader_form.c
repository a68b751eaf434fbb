/*
 * reader_form.c: what the readers' forms (the contact form, the comment
 * form) share.  Readers get no cookie: a form carries the signed
 * stateless token of token.c, issued when the page is shown, which also
 * measures how long the form took to fill.  A POST is checked in the same
 * order everywhere:
 *   1. the rate limit: every POST counts against the sender's address
 *      (IPv6 by its /64) in the throttle table that logins use, under a
 *      keyed hash of the address (the day's key: message_db.h), never the
 *      address itself; past the form's limit a minute, 429 with
 *      Retry-After and nothing stored;
 *   2. the token: missing or forged, 403; expired (a tab left open for
 *      hours), the caller shows the form again with the text kept and a
 *      fresh token;
 *   3. bots: a filled honeypot field ("website", hidden from people) or a
 *      form sent sooner than the form's least fill time is filed as spam
 *      behind the usual answer;
 *   4. validation: the caller shows the form again (400) with the input
 *      kept and a message per field; nothing is stored.
 * The routes carry R_FORM_TOKEN | R_FORM_LATE: the token is checked here,
 * after the rate limit, through the one function auth_guard uses.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/session.h"
#include "../db/message_db.h"
#include "../util/text.h"
#include "handlers.h"

#define RATE_WINDOW_S 60

/*
 * Counts this POST against the sender's address under f's key prefix and
 * tells whether it is over the limit: 0 to go on, 429 (Retry-After set) or
 * 500.  hash gets the address's keyed hash.
 */
static int
rate_limit(struct app *app, struct req *req, struct resp *resp,
           const struct reader_form *f, long long now,
           unsigned char hash[TOKEN_ADDRESS_HASH_BYTES])
{
	unsigned char key[MESSAGE_KEY_BYTES];
	char addr[80], hex[2 * TOKEN_ADDRESS_HASH_BYTES + 1];
	const char *throttle_key;
	long long wait,
	    limit = site_setting_int(&app->site, f->rate_setting, 10, 1, 1000);
	int count;

	if (token_address_key(req->remote_addr, addr, sizeof(addr)) < 0)
		snprintf(addr, sizeof(addr), "invalid");
	if (message_db_address_key(app->db, now / 86400, key) < 0)
		return 500;
	token_address_hash(key, addr, hash, hex);
	throttle_key = arena_concat(req->arena, f->throttle, hex, NULL);
	if (throttle_db_fail(app->db, throttle_key, now, RATE_WINDOW_S) < 0 ||
	    (count = throttle_db_get(app->db, throttle_key, now, RATE_WINDOW_S,
	                             &wait)) < 0)
		return 500;
	if (count <= limit)
		return 0;
	resp_header(resp, "Retry-After",
	            arena_printf(req->arena, "%lld", wait > 0 ? wait : 1));
	return 429;
}

/* Runs a POST's first checks; see handlers.h. */
int
reader_form_check(struct app *app, struct req *req, struct resp *resp,
                  const struct reader_form *f, long long now,
                  unsigned char hash[TOKEN_ADDRESS_HASH_BYTES],
                  enum token_form_result *token)
{
	int rc = rate_limit(app, req, resp, f, now, hash);

	if (rc != 0)
		return rc;
	*token = session_form_check(
	    app, req, f->name,
	    site_setting_int(&app->site, f->min_setting, 3, 0, 600));
	return *token == TOKEN_FORM_BAD ? 403 : 0;
}

/* Tells a bot's POST; see handlers.h. */
const char *
reader_form_bot(const struct req *req, enum token_form_result token)
{
	const char *trap = req_form(req, "website");

	if (trap != NULL && trap[0] != '\0')
		return "honeypot";
	return token == TOKEN_FORM_TOO_FAST ? "too fast" : NULL;
}

/* Issues a form's token; see handlers.h.  A token depends only on the
 * form and the second it is issued, so the last one of each form is kept
 * and given again within its second: a busy page signs once a second. */
const char *
reader_form_token(struct app *app, struct req *req, struct resp *resp,
                  const struct reader_form *f)
{
	static struct {
		const struct reader_form *form;
		unsigned char key[sizeof(app->secret)];
		long long at;
		char token[TOKEN_FORM_MAX];
	} last[4];
	long long now = app_now(app);
	size_t i = 0;
	const char *token;

	while (i < sizeof(last) / sizeof(last[0]) - 1 && last[i].form != f &&
	       last[i].form != NULL)
		i++;
	if (last[i].form != f || last[i].at != now ||
	    memcmp(last[i].key, app->secret, sizeof(app->secret)) != 0) {
		token_form_sign(app->secret, f->name, now, last[i].token);
		memcpy(last[i].key, app->secret, sizeof(app->secret));
		last[i].form = f;
		last[i].at = now;
	}
	token = arena_strdup(req->arena, last[i].token);

	if (resp->cacheable) {
		resp->etag_skip = token;
		resp->etag_epoch = now / 3600;
	}
	return token;
}

/* Checks a reader's name; see handlers.h. */
const char *
reader_form_name_error(const char *name)
{
	if (name[0] == '\0' || text_chars(name) > READER_NAME_MAX_CHARS)
		return "contact_error_name";
	if (text_has_control(name))
		return "contact_error_characters";
	return NULL;
}

/* Checks a reader's email address; see handlers.h. */
const char *
reader_form_email_error(const char *email)
{
	return text_email_valid(email) ? NULL : "contact_error_email";
}

/* Sets a message from the edition's strings; see handlers.h. */
void
reader_form_message(struct req *req, struct tval *ctx, const char *key,
                    const char *message_key)
{
	if (message_key != NULL)
		tv_set_str(req->arena, ctx, key,
		           edition_string(req->edition, message_key));
}
