/*
 * sendmail.c: running the moderators' sendmail (see sendmail.h).  The
 * child gets the message through a pipe written whole before the parent
 * goes on (it is at most PIPE_BUF bytes, so the write neither blocks nor
 * splits), standard output on /dev/null, standard error shared (its
 * complaints land in gazette's log), every other descriptor closed, the
 * default signal dispositions and an empty signal mask.  The argv is
 * fixed: nothing a reader or an admin typed reaches it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sendmail.h"
#include "util/log.h"

_Static_assert(SENDMAIL_MESSAGE_MAX <= PIPE_BUF,
               "a notice must fit the pipe in one write");

/* Checks the program's path; see sendmail.h. */
bool
sendmail_path_ok(const char *path, char *why, size_t why_len)
{
	struct stat st;
	const char *problem = NULL;

	if (path == NULL || path[0] != '/')
		problem = "not an absolute path";
	else if (stat(path, &st) != 0)
		problem = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		problem = "not a regular file";
	else if (access(path, X_OK) != 0)
		problem = "not executable";
	if (problem != NULL && why != NULL && why_len > 0) {
		strncpy(why, problem, why_len - 1);
		why[why_len - 1] = '\0';
	}
	return problem == NULL;
}

/*
 * The child after fork: only async-signal-safe calls until execv.  Never
 * returns; exits 127 when the program cannot be run.
 */
static void
child(const char *path, int in)
{
	char *const argv[] = {(char *)path, "-t", "-i", NULL};
	struct sigaction sa;
	sigset_t none;
	int null_fd;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	/* serve ignores SIGPIPE, and an ignored signal stays ignored
	 * across execv. */
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* dup2 onto itself would keep the pipe's close-on-exec flag. */
	if (in == STDIN_FILENO ? fcntl(in, F_SETFD, 0) < 0
	                       : dup2(in, STDIN_FILENO) < 0)
		_exit(127);
	null_fd = open("/dev/null", O_WRONLY);
	if (null_fd < 0 || dup2(null_fd, STDOUT_FILENO) < 0)
		_exit(127);
	/* The database and the socket must not reach the program. */
	if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
		for (int fd = 3; fd < 1024; fd++)
			close(fd);
	execv(path, argv);
	_exit(127);
}

/* Starts the program; see sendmail.h. */
pid_t
sendmail_start(const char *path, const char *message, size_t len)
{
	int fds[2];
	pid_t pid;
	ssize_t n;
	struct sigaction ignore, old;

	if (len > SENDMAIL_MESSAGE_MAX) {
		log_error("sendmail: a notice of %zu bytes is too long", len);
		return -1;
	}
	if (pipe2(fds, O_CLOEXEC) != 0) {
		log_error("sendmail: pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		log_error("sendmail: fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[1]);
		child(path, fds[0]);
	}
	close(fds[0]);
	/* A program that exits at once must not take this process with
	 * SIGPIPE: EPIPE is an ordinary error here. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	do
		n = write(fds[1], message, len);
	while (n < 0 && errno == EINTR);
	sigaction(SIGPIPE, &old, NULL);
	close(fds[1]);
	if (n != (ssize_t)len) {
		log_error("sendmail: could not hand it the notice: %s",
		          n < 0 ? strerror(errno) : "short write");
		sendmail_kill(pid);
		return -1;
	}
	return pid;
}

/* Checks on the program; see sendmail.h. */
int
sendmail_poll(pid_t pid, bool *ok)
{
	int status;
	pid_t r;

	do
		r = waitpid(pid, &status, WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return 1;
	if (r < 0)
		return -1;
	*ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return 0;
}

/* Kills and reaps the program; see sendmail.h. */
void
sendmail_kill(pid_t pid)
{
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}
