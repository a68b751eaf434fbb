/*
 * testhelp.h: the unit-test harness, as small as Redis's: CHECK records a
 * failure with its line and goes on; TEST_DONE prints the count and gives
 * the exit status.  Helpers for golden corpora and the shared corpora live
 * here too.
 */
#ifndef GAZETTE_TESTHELP_H
#define GAZETTE_TESTHELP_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int test_checks, test_failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		test_checks++;                                                 \
		if (!(cond)) {                                                 \
			test_failures++;                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		test_checks++;                                                 \
		if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_)) {    \
			test_failures++;                                       \
			fprintf(stderr,                                        \
			        "%s:%d: %s\n  got:  \"%s\"\n  want: \"%s\"\n", \
			        __FILE__, __LINE__, #got, g_ ? g_ : "(null)",  \
			        w_ ? w_ : "(null)");                           \
		}                                                              \
	} while (0)

#define TEST_DONE()                                                            \
	do {                                                                   \
		fprintf(stderr, "%d checks, %d failed\n", test_checks,         \
		        test_failures);                                        \
		return test_failures ? 1 : 0;                                  \
	} while (0)

/* Reads a whole file; returns a malloc'd NUL-terminated string or NULL. */
static inline char *
test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			p = realloc(p, cap + 1);
			if (p == NULL)
				abort();
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	p[n] = '\0';
	if (len)
		*len = n;
	return p;
}

/*
 * Runs fn on every NAME.in in tests/unit/corpus/<module>/, comparing what
 * it writes with NAME.out; fn returns a malloc'd string.  Returns the
 * number of pairs checked.  With GOLDEN_UPDATE=1 in the environment a
 * differing NAME.out is rewritten with what fn wrote (still counted as a
 * failure, so that a run that rewrote files never passes): review the
 * diff, then run again.
 */
static inline int
test_golden(const char *module, char *(*fn)(const char *in, size_t len))
{
	char dir[512], path[1024];
	DIR *d;
	struct dirent *e;
	int pairs = 0;

	snprintf(dir, sizeof(dir), "tests/unit/corpus/%s", module);
	d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "no corpus %s\n", dir);
		test_failures++;
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), in_len;
		char *in, *want, *got;

		if (n < 4 || strcmp(e->d_name + n - 3, ".in") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		in = test_read_file(path, &in_len);
		snprintf(path, sizeof(path), "%s/%.*s.out", dir, (int)(n - 3),
		         e->d_name);
		want = test_read_file(path, NULL);
		got = in ? fn(in, in_len) : NULL;
		test_checks++;
		if (in == NULL || want == NULL || got == NULL ||
		    strcmp(got, want) != 0) {
			test_failures++;
			fprintf(stderr,
			        "golden %s/%s:\n  got:  %s\n  want: %s\n",
			        module, e->d_name, got ? got : "(null)",
			        want ? want : "(missing .out)");
			if (got != NULL && getenv("GOLDEN_UPDATE") != NULL) {
				FILE *f = fopen(path, "wb");

				if (f != NULL) {
					fputs(got, f);
					fclose(f);
				}
			}
		}
		pairs++;
		free(in);
		free(want);
		free(got);
	}
	closedir(d);
	return pairs;
}

/* Returns whether needle occurs in hay, ignoring ASCII case. */
static inline int
test_contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* Returns the shared corpora folder, or exits 77 (skipped) when absent. */
static inline const char *
test_corpora_or_skip(void)
{
	const char *dir = getenv("GAZETTE_CORPORA");
	DIR *d;

	if (dir == NULL)
		dir = "../shared/corpora";
	d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "skipped: %s is absent\n", dir);
		exit(77);
	}
	closedir(d);
	return dir;
}

#endif
