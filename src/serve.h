/*
 * serve.h: `gazette serve`, the prefork server, and the timer process it
 * runs beside the workers (timer.c).
 */
#ifndef GAZETTE_SERVE_H
#define GAZETTE_SERVE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "db/db.h"
#include "db/site_db.h"

struct serve_options {
	const char *db_path;
	const char *socket_path;
	const char *templates_dir; /* NULL: the compiled-in templates */
	const char *uploads_dir;   /* NULL: uploads are refused */
	const char *sendmail;      /* NULL: no notices of new messages */
	int workers;               /* <= 0: one per core */
};

/*
 * Runs the server in the foreground until SIGTERM or SIGINT, then drains:
 * workers finish the request in hand and exit.  Returns the process exit
 * status (0 after a clean stop, 1 when it cannot start).
 */
int serve_run(const struct serve_options *opts);

/*
 * The timer process's loop: timer_tick every second (see timer.c), with
 * notices of new messages through sendmail (an absolute path checked by
 * the caller, or NULL: none).  Returns when stop becomes non-zero.
 * Returns 0, or 1 when the database cannot be opened.
 */
int timer_run(const char *db_path, const char *sendmail, volatile int *stop);

/* The timer's state between ticks. */
struct timer {
	struct db *db;
	const char *sendmail; /* NULL: no notices */
	struct site site;     /* the settings, reloaded when they change */
	bool site_loaded;
	int64_t data_version;
	pid_t notice_pid;          /* a sendmail still running, or 0 */
	long long notice_deadline; /* when it is killed */
	long long notice_last;     /* when the last notice went out */
	pid_t reset_pid;           /* a password reset mail being sent, or 0 */
	long long reset_deadline;  /* when it is killed */
	long long ticks;           /* the minute's work runs when 0 mod 60 */
};

/* Opens the database for the timer.  Returns 0 or -1.  Close with
 * timer_close. */
int timer_open(struct timer *t, const char *db_path, const char *sendmail);

/*
 * Does one second's work at now: publishes scheduled articles, the
 * minute's work on the first tick and every sixtieth, the notice of new
 * messages and the next password reset mail.  Tests call it directly
 * with the time they choose.
 */
void timer_tick(struct timer *t, long long now);

/* Waits (up to 5 s, then kills it) for a notice or reset mail still being
 * handed to sendmail, and releases t. */
void timer_close(struct timer *t);

#endif
