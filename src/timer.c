/*
 * timer.c: the timer process.  Once a second it does the work nobody
 * should wait for a visitor to trigger: publishing scheduled articles,
 * media posts and publications (within two seconds of their time; a read
 * first, the write lock only when something is due) and telling the
 * moderators of new messages; once a minute, deleting expired sessions,
 * old throttle windows, articles, pages, media posts and publications 30
 * days in the trash, comments 30 days in the spam or the trash,
 * messages past their retention (messages_retention_days) and the address keys
 * of days that are over (which makes those days' address hashes unlinkable).
 *
 * Notices of new messages (serve --sendmail): a worker that files a
 * message marks it; the timer claims the marks, at most once a minute,
 * and hands one short notice for all of them (how many, and where the
 * queue is: nothing a reader wrote, which email would carry beyond the
 * site's retention and control) to the sendmail (sendmail.c).  The timer
 * never waits for the program: it checks on it each second and kills it
 * after SENDMAIL_TIMEOUT_S, so a hung mail system cannot hold up
 * publishing.  A worker never runs it at all.  A notice is sent at most
 * once: when the program fails, it is logged, and the messages are in the
 * queue anyway.
 *
 * Password reset mails ("Lost your password?", admin_reset.c) go the same
 * way, one at a time beside the notices: a worker files the request, and
 * the timer makes the token, stores its hash, and hands the one copy of
 * the link to the sendmail, so no token is ever written to the database
 * or seen by a worker.  A mail that fails is logged; its owner asks again.
 */
#include <string.h>
#include <time.h>

#include "db/auth_db.h"
#include "db/content_db.h"
#include "db/comment_db.h"
#include "db/edit_db.h"
#include "db/message_db.h"
#include "auth/token.h"
#include "sendmail.h"
#include "serve.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/text.h"

/* Articles, pages and comments stay restorable in the trash (comments
 * in the spam too) this long. */
#define TRASH_DAYS 30
/* The least time between two notices, and the most one may take. */
#define NOTICE_INTERVAL_S 60
#define SENDMAIL_TIMEOUT_S 30
/* How long timer_close waits for a notice still being handed over. */
#define CLOSE_WAIT_MS 5000

/* Opens the timer's state; see serve.h. */
int
timer_open(struct timer *t, const char *db_path, const char *sendmail)
{
	memset(t, 0, sizeof(*t));
	t->sendmail = sendmail;
	return db_open(db_path, &t->db);
}

/* Reloads the settings when another process has committed since. */
static int
timer_settings(struct timer *t)
{
	int64_t version = db_data_version(t->db);

	if (t->site_loaded && version == t->data_version)
		return 0;
	if (site_db_load(t->db, &t->site) < 0) {
		log_error("timer: could not load the settings");
		return -1;
	}
	t->site_loaded = true;
	t->data_version = version;
	return 0;
}

/* What stays TRASH_DAYS in the trash, then goes. */
static const struct {
	enum edit_table table;
	const char *what;
} trash[] = {
    {EDIT_ARTICLES, "article"},
    {EDIT_PAGES, "page"},
    {EDIT_MEDIA_POSTS, "media post"},
    {EDIT_PUBLICATIONS, "publication"},
};

/* The once-a-minute work. */
static void
every_minute(struct timer *t, long long now)
{
	long long days;
	int n;

	/* Sessions past the longest idle time a setting allows, and
	 * throttle windows a day old; lookups enforce the real limits,
	 * this only keeps the tables small. */
	auth_db_purge(t->db, now, 24 * 3600, 24 * 3600);
	for (size_t i = 0; i < sizeof(trash) / sizeof(trash[0]); i++) {
		n = edit_db_purge_trash(t->db, trash[i].table, now,
		                        TRASH_DAYS * 86400LL);
		if (n > 0)
			log_info("emptied %d %s%s from the trash", n,
			         trash[i].what, n == 1 ? "" : "s");
	}
	n = comment_db_purge(t->db, now - TRASH_DAYS * 86400LL);
	if (n > 0)
		log_info("deleted %d comment%s 30 days in the spam or trash", n,
		         n == 1 ? "" : "s");
	if (timer_settings(t) < 0)
		return;
	days = site_setting_int(&t->site, "messages_retention_days", 365, 1,
	                        36500);
	n = message_db_purge(t->db, now - days * 86400, now / 86400);
	if (n > 0)
		log_info("deleted %d message%s older than %lld days", n,
		         n == 1 ? "" : "s", days);
}

/*
 * Checks on a mail being sent (what names it in the log): true while its
 * program still runs and *deadline has not passed; else kills or reaps
 * it and clears *pid.
 */
static bool
mail_running(pid_t *pid, long long deadline, long long now, const char *what)
{
	bool ok = false;
	int rc;

	if (*pid <= 0)
		return false;
	rc = sendmail_poll(*pid, &ok);
	if (rc == 1 && now < deadline)
		return true;
	if (rc == 1) {
		log_error("sendmail still running after %d s: killed",
		          SENDMAIL_TIMEOUT_S);
		sendmail_kill(*pid);
	} else if (rc == 0 && !ok) {
		log_error("sendmail failed: %s", what);
	}
	*pid = 0;
	return false;
}

/* Checks on a notice being sent: true while its program still runs. */
static bool
notice_running(struct timer *t, long long now)
{
	return mail_running(&t->notice_pid, t->notice_deadline, now,
	                    "the moderators were not told of the last new "
	                    "messages");
}

/* Writes the site's base URL, without a final slash, as *base and
 * *base_len. */
static void
base_url(struct timer *t, const char **base, size_t *base_len)
{
	*base = site_setting(&t->site, "base_url", "");
	*base_len = strlen(*base);
	if (*base_len > 0 && (*base)[*base_len - 1] == '/')
		(*base_len)--;
}

/*
 * Sends the next password reset mail, when one is pending and no other
 * is still being handed over: a new token, its hash claimed in the
 * database, the link in the mail and nowhere else.
 */
static void
reset_mails(struct timer *t, long long now)
{
	char token[TOKEN_TEXT_MAX];
	unsigned char hash[TOKEN_HASH_BYTES];
	struct reset_mail m;
	struct arena a;
	struct buf msg;
	const char *base;
	size_t base_len;

	if (t->sendmail == NULL ||
	    mail_running(&t->reset_pid, t->reset_deadline, now,
	                 "a password reset link was not sent") ||
	    timer_settings(t) < 0)
		return;
	token_new(token);
	if (token_hash(token, hash) < 0)
		return;
	arena_init(&a);
	if (reset_db_claim(t->db, &a, now, hash, &m) != 0)
		goto out;
	/* Imported accounts keep their email unchecked: nothing that could
	 * add a header line reaches the To line. */
	if (!text_email_valid(m.email)) {
		log_warn("account %lld has no valid email: its password reset "
		         "link was not sent",
		         m.user_id);
		goto out;
	}
	base_url(t, &base, &base_len);
	buf_init(&msg);
	buf_printf(&msg,
	           "To: %s\nSubject: Set a new password for %s\n"
	           "Auto-Submitted: auto-generated\nMIME-Version: 1.0\n"
	           "Content-Type: text/plain; charset=utf-8\n\n"
	           "Someone, probably you, asked to set a new password for "
	           "the account %s at %.*s.\n\nTo choose one, open this "
	           "link within an hour (it works once):\n"
	           "%.*s/admin/reset?token=%s\n\n"
	           "If you did not ask, ignore this mail: your password "
	           "stays as it is.\n",
	           m.email, m.name, m.name, (int)base_len, base, (int)base_len,
	           base, token);
	t->reset_pid = sendmail_start(t->sendmail, msg.data, msg.len);
	explicit_bzero(msg.data, msg.len);
	buf_free(&msg);
	if (t->reset_pid > 0) {
		t->reset_deadline = now + SENDMAIL_TIMEOUT_S;
		log_info("sent a password reset link to account %lld",
		         m.user_id);
	} else {
		t->reset_pid = 0;
	}
out:
	explicit_bzero(token, sizeof(token));
	arena_free(&a);
}

/*
 * Sends the notice of new messages, when some are owed, the last notice
 * is a minute old and no program still runs.
 */
static void
notices(struct timer *t, long long now)
{
	const char *to, *base;
	struct buf msg;
	size_t base_len;
	int n;

	if (notice_running(t, now) || t->sendmail == NULL ||
	    now - t->notice_last < NOTICE_INTERVAL_S)
		return;
	if ((n = message_db_notices_claim(t->db)) <= 0 || timer_settings(t) < 0)
		return;
	to = site_setting(&t->site, "moderators_email", "");
	if (!text_email_valid(to)) {
		log_warn("no valid moderators_email setting: nobody was told "
		         "of %d new message%s",
		         n, n == 1 ? "" : "s");
		return;
	}
	base_url(t, &base, &base_len);
	buf_init(&msg);
	buf_printf(&msg,
	           "To: %s\nSubject: New messages waiting (%d)\n"
	           "Auto-Submitted: auto-generated\nMIME-Version: 1.0\n"
	           "Content-Type: text/plain; charset=utf-8\n\n"
	           "%d new message%s came through the contact form of "
	           "%.*s.\n\nRead %s in the moderators' queue:\n"
	           "%.*s/admin/messages\n\n"
	           "This notice holds nothing of what was written.\n",
	           to, n, n, n == 1 ? "" : "s", (int)base_len, base,
	           n == 1 ? "it" : "them", (int)base_len, base);
	t->notice_pid = sendmail_start(t->sendmail, msg.data, msg.len);
	buf_free(&msg);
	if (t->notice_pid > 0) {
		t->notice_deadline = now + SENDMAIL_TIMEOUT_S;
		t->notice_last = now;
		log_info("told the moderators of %d new message%s", n,
		         n == 1 ? "" : "s");
	} else {
		t->notice_pid = 0;
	}
}

/* Does one second's work; see serve.h. */
void
timer_tick(struct timer *t, long long now)
{
	int n = content_db_publish_due(t->db, now);

	if (n > 0)
		log_info("published %d scheduled item%s", n, n == 1 ? "" : "s");
	if (t->ticks % 60 == 0)
		every_minute(t, now);
	notices(t, now);
	reset_mails(t, now);
	t->ticks++;
}

/* Waits up to CLOSE_WAIT_MS for a mail still being handed over, then
 * kills it; clears *pid. */
static void
mail_wait(pid_t *pid)
{
	bool ok;

	for (int waited = 0; *pid > 0; waited += 10) {
		if (sendmail_poll(*pid, &ok) != 1) {
			*pid = 0;
			break;
		}
		if (waited >= CLOSE_WAIT_MS) {
			sendmail_kill(*pid);
			*pid = 0;
			break;
		}
		nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
	}
}

/* Closes the timer's state; see serve.h. */
void
timer_close(struct timer *t)
{
	mail_wait(&t->notice_pid);
	mail_wait(&t->reset_pid);
	if (t->site_loaded)
		site_free(&t->site);
	db_close(t->db);
	memset(t, 0, sizeof(*t));
}

/* Runs the timer loop; see serve.h. */
int
timer_run(const char *db_path, const char *sendmail, volatile int *stop)
{
	struct timer t;

	if (timer_open(&t, db_path, sendmail) < 0)
		return 1;
	while (!*stop) {
		struct timespec tick = {1, 0};

		timer_tick(&t, (long long)time(NULL));
		nanosleep(&tick, NULL);
	}
	timer_close(&t);
	return 0;
}
