/*
 * serve.c: the prefork parent.  It applies migrations and parses the
 * templates (then holds no database connection), binds the socket, forks
 * the workers and the timer process, restarts any child that dies, and on
 * SIGTERM or SIGINT drains: children finish what they are doing and exit,
 * and the parent removes the socket.
 *
 * Signals are blocked in the parent and read with sigtimedwait(), so the
 * loop has no handlers and no races; children unblock them after fork.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app.h"
#include "db/auth_db.h"
#include "http/fcgi.h"
#include "serve.h"
#include "util/log.h"

#define MAX_WORKERS 256
#define DRAIN_SECONDS 10

enum child_kind { CHILD_WORKER, CHILD_TIMER };

struct child {
	pid_t pid;
	enum child_kind kind;
	struct timespec started;
	struct timespec restart_at; /* when a quick crash delays restart */
};

static volatile int child_stop;

static void
child_on_signal(int sig)
{
	(void)sig;
	child_stop = 1;
	fcgi_stop();
}

static double
seconds_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The body of a child process; never returns. */
static void
child_main(enum child_kind kind, const struct serve_options *o, int fd,
           const struct template_set *templates)
{
	struct sigaction sa;
	sigset_t all;
	struct app app;
	int rc;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = child_on_signal; /* no SA_RESTART: wake accept() */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	if (kind == CHILD_TIMER) {
		prctl(PR_SET_NAME, "gazette-timer");
		close(fd);
		sigemptyset(&all);
		sigprocmask(SIG_SETMASK, &all, NULL);
		exit(timer_run(o->db_path, o->sendmail, &child_stop));
	}
	prctl(PR_SET_NAME, "gazette-worker");
	/* SIGTERM and SIGINT stay blocked except while waiting to accept. */
	sigemptyset(&all);
	sigaddset(&all, SIGTERM);
	sigaddset(&all, SIGINT);
	sigprocmask(SIG_SETMASK, &all, NULL);
	if (app_open(&app, o->db_path, templates) < 0)
		exit(1);
	app.uploads_dir = o->uploads_dir;
	app.notify_messages = o->sendmail != NULL;
	rc = fcgi_worker_run(fd, &app);
	app_close(&app);
	exit(rc == 0 ? 0 : 1);
}

static pid_t
spawn(struct child *c, const struct serve_options *o, int fd,
      const struct template_set *templates)
{
	pid_t pid = fork();

	if (pid < 0) {
		log_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		child_main(c->kind, o, fd, templates);
	c->pid = pid;
	clock_gettime(CLOCK_MONOTONIC, &c->started);
	c->restart_at.tv_sec = 0;
	return pid;
}

static void
describe_exit(int status, char *out, size_t len)
{
	if (WIFSIGNALED(status))
		snprintf(out, len, "signal %d", WTERMSIG(status));
	else
		snprintf(out, len, "exit status %d", WEXITSTATUS(status));
}

/* Prepares the database and templates before any child exists. */
static int
prepare(const struct serve_options *o, struct template_set **templates)
{
	struct db *db;
	struct buf err;
	int from, to;
	unsigned char secret[32];

	if (db_open(o->db_path, &db) < 0)
		return -1;
	/* The secret is made here, once, rather than raced for by the
	 * workers. */
	if (db_migrate(db, &from, &to) < 0 || auth_db_secret(db, secret) < 0) {
		db_close(db);
		return -1;
	}
	sodium_memzero(secret, sizeof(secret));
	db_close(db); /* no connection may cross fork() */
	buf_init(&err);
	*templates = template_set_new();
	if (template_set_load(*templates, o->templates_dir, &err) < 0) {
		log_error("templates: %s", err.data ? err.data : "?");
		buf_free(&err);
		return -1;
	}
	buf_free(&err);
	return 0;
}

/* Sends sig to every live child. */
static void
signal_children(struct child *kids, int n, int sig)
{
	for (int i = 0; i < n; i++)
		if (kids[i].pid > 0)
			kill(kids[i].pid, sig);
}

static int
live_children(const struct child *kids, int n)
{
	int live = 0;

	for (int i = 0; i < n; i++)
		live += kids[i].pid > 0;
	return live;
}

/* Reaps exited children; returns how many. Logs unexpected deaths. */
static int
reap(struct child *kids, int n, int draining)
{
	int status, reaped = 0;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int i = 0; i < n; i++) {
			struct timespec now;
			char why[48];

			if (kids[i].pid != pid)
				continue;
			kids[i].pid = 0;
			reaped++;
			describe_exit(status, why, sizeof(why));
			if (draining && WIFEXITED(status) &&
			    WEXITSTATUS(status) == 0)
				break;
			log_error("%s %d died: %s",
			          kids[i].kind == CHILD_TIMER ? "timer"
			                                      : "worker",
			          (int)pid, why);
			/* A child that dies within a second of starting is
			 * restarted a second later, not in a tight loop. */
			clock_gettime(CLOCK_MONOTONIC, &now);
			kids[i].restart_at = now;
			if (seconds_between(&kids[i].started, &now) < 1.0)
				kids[i].restart_at.tv_sec += 1;
			break;
		}
	}
	return reaped;
}

/* Runs the server; see serve.h. */
int
serve_run(const struct serve_options *o)
{
	static struct child kids[MAX_WORKERS + 1];
	struct template_set *templates = NULL;
	sigset_t set;
	int workers = o->workers, n, fd, i;
	struct timespec wait = {0, 200 * 1000 * 1000}, deadline, now;
	int stop_sig = 0;

	if (workers <= 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);

		workers = cores > 0 ? (int)cores : 2;
	}
	if (workers > MAX_WORKERS)
		workers = MAX_WORKERS;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (prepare(o, &templates) < 0) {
		template_set_free(templates);
		return 1;
	}
	if ((fd = fcgi_listen(o->socket_path)) < 0) {
		template_set_free(templates);
		return 1;
	}
	n = workers + 1;
	for (i = 0; i < n; i++) {
		kids[i].kind = i < workers ? CHILD_WORKER : CHILD_TIMER;
		if (spawn(&kids[i], o, fd, templates) < 0)
			goto stop;
	}
	log_info("serving on %s with %d workers", o->socket_path, workers);

	while (!stop_sig) {
		int sig = sigtimedwait(&set, NULL, &wait);

		if (sig == SIGTERM || sig == SIGINT)
			stop_sig = sig;
		reap(kids, n, 0);
		if (stop_sig)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		for (i = 0; i < n; i++)
			if (kids[i].pid == 0 &&
			    seconds_between(&kids[i].restart_at, &now) >= 0)
				spawn(&kids[i], o, fd, templates);
	}
stop:
	log_info("stopping: draining %d children", live_children(kids, n));
	signal_children(kids, n, SIGTERM);
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += DRAIN_SECONDS;
	while (live_children(kids, n) > 0) {
		reap(kids, n, 1);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (seconds_between(&now, &deadline) < 0) {
			log_error("children still running after %d s: killing",
			          DRAIN_SECONDS);
			signal_children(kids, n, SIGKILL);
			deadline.tv_sec += DRAIN_SECONDS;
		}
		if (live_children(kids, n) > 0)
			sigtimedwait(&set, NULL, &wait);
	}
	close(fd);
	unlink(o->socket_path);
	template_set_free(templates);
	log_info("stopped");
	return 0;
}
