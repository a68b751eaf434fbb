/*
 * responder.c: the smallest useful libfcgi application, the ceiling for any
 * FastCGI program behind nginx on this machine.  It serves a fixed table of
 * pages with the same prefork model as `gazette serve`: the parent opens the
 * socket, forks WORKERS processes that each loop on FCGX_Accept_r, and
 * stops them on SIGTERM or SIGINT.  tests/bench/bench.sh builds and runs it.
 *
 *     responder SOCKET WORKERS URI FILE [URI FILE ...]
 *
 * A request whose REQUEST_URI is one of the URIs gets FILE's bytes as a
 * 200 text/html page; anything else a 404.
 */
#define _DEFAULT_SOURCE
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct page {
	const char *uri;
	char *data; /* the response head followed by the file's bytes */
	int len;
};

static struct page *pages;
static int npages;

/* Reads path and builds the whole response for it; exits on failure. */
static void
load(struct page *p, const char *uri, const char *path)
{
	FILE *f = fopen(path, "rb");
	char head[160];
	long size;
	int hl;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		exit(1);
	}
	hl = snprintf(head, sizeof(head),
	              "Status: 200 OK\r\n"
	              "Content-Type: text/html; charset=utf-8\r\n"
	              "Content-Length: %ld\r\n\r\n",
	              size);
	p->uri = uri;
	p->len = hl + (int)size;
	p->data = malloc((size_t)p->len);
	if (p->data == NULL ||
	    fread(p->data + hl, 1, (size_t)size, f) != (size_t)size) {
		perror(path);
		exit(1);
	}
	memcpy(p->data, head, (size_t)hl);
	fclose(f);
}

static void
worker(int fd)
{
	static const char not_found[] = "Status: 404 Not Found\r\n"
	                                "Content-Type: text/plain\r\n"
	                                "Content-Length: 10\r\n\r\n"
	                                "not found\n";
	FCGX_Request r;

	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	prctl(PR_SET_PDEATHSIG, SIGTERM); /* never outlive the parent */
	FCGX_InitRequest(&r, fd, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		const char *uri = FCGX_GetParam("REQUEST_URI", r.envp);
		int i;

		for (i = 0; i < npages; i++)
			if (uri != NULL && strcmp(uri, pages[i].uri) == 0)
				break;
		if (i < npages)
			FCGX_PutStr(pages[i].data, pages[i].len, r.out);
		else
			FCGX_PutStr(not_found, sizeof(not_found) - 1, r.out);
		FCGX_Finish_r(&r);
	}
	exit(0);
}

static void
on_signal(int sig)
{
	(void)sig; /* only interrupts wait() below */
}

int
main(int argc, char **argv)
{
	struct sigaction sa = {.sa_handler = on_signal};
	pid_t *kids;
	int fd, n, i;

	if (argc < 5 || argc % 2 != 1 ||
	    (n = (int)strtol(argv[2], NULL, 10)) < 1) {
		fprintf(stderr, "usage: %s SOCKET WORKERS URI FILE...\n",
		        argv[0]);
		return 2;
	}
	npages = (argc - 3) / 2;
	pages = calloc((size_t)npages, sizeof(*pages));
	for (i = 0; i < npages; i++)
		load(&pages[i], argv[3 + 2 * i], argv[4 + 2 * i]);

	unlink(argv[1]);
	umask(0117); /* as gazette: socket rw for owner and group */
	if (FCGX_Init() != 0 || (fd = FCGX_OpenSocket(argv[1], 1024)) < 0) {
		fprintf(stderr, "cannot listen on %s\n", argv[1]);
		return 1;
	}
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	kids = calloc((size_t)n, sizeof(*kids));
	for (i = 0; i < n; i++)
		if ((kids[i] = fork()) == 0)
			worker(fd);
	/* Returns early on SIGTERM/SIGINT (or when a worker dies). */
	wait(NULL);
	for (i = 0; i < n; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	while (wait(NULL) > 0)
		;
	unlink(argv[1]);
	return 0;
}
