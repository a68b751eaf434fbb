/*
 * sendmail.h: the one outside program Gazette runs: the sendmail named by
 * `serve --sendmail PATH` (never by the database), which the timer
 * process runs to tell the moderators that messages are waiting.  It is
 * started with fork and execv, no shell, with a fixed argv (PATH -t -i:
 * recipients from the To line, a lone dot is no end), the message on its
 * standard input, and nothing inherited but standard error.  Its caller
 * never waits for it: it polls, and kills it past a deadline.
 */
#ifndef GAZETTE_SENDMAIL_H
#define GAZETTE_SENDMAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The longest message: it must fit the pipe at once (PIPE_BUF), so that
 * writing it never blocks, whatever the program does. */
#define SENDMAIL_MESSAGE_MAX 4096

/*
 * Returns whether path can be the sendmail: absolute, a regular file this
 * process may execute.  On false, writes why to why (why_len bytes).
 */
bool sendmail_path_ok(const char *path, char *why, size_t why_len);

/*
 * Starts path with argv {path, "-t", "-i"} and the len bytes of message
 * (at most SENDMAIL_MESSAGE_MAX) on its standard input, which is then
 * closed.  Returns its pid, or -1 (logged; nothing left running).
 */
pid_t sendmail_start(const char *path, const char *message, size_t len);

/*
 * Checks on a started sendmail without waiting: returns 1 while it runs,
 * 0 once it has exited (reaped; *ok says whether with status 0), -1 when
 * pid is no child of this process.
 */
int sendmail_poll(pid_t pid, bool *ok);

/* Kills a started sendmail (SIGKILL) and reaps it. */
void sendmail_kill(pid_t pid);

#endif
