/*
 * diff.c: the line diff of diff.h.  The texts are cut into lines, the lines
 * both start and end with are set aside, and the lines between are
 * numbered by content (equal lines get equal numbers, through a hash
 * table) so that the search compares integers.  The search is the greedy
 * forward pass of Myers' "An O(ND) Difference Algorithm and Its
 * Variations" (1986): round d finds, on every diagonal k = x - y within
 * reach, the furthest point reachable with d lines removed or added.  Each
 * round's points are kept (d + 1 integers for round d) so that the path
 * can be walked back from the end; that is what bounds the memory by the
 * edit distance, and why the search gives up past DIFF_MAX_EDITS.
 */
#include <stdint.h>
#include <string.h>
#include <xxhash.h>

#include "diff.h"

/* A line of a text. */
struct span {
	const char *s;
	size_t len;
};

/* Cuts s[0..len) into lines, each with its newline; the last may have
 * none.  An empty text has no lines. */
static struct span *
split(struct arena *ar, const char *s, size_t len, size_t *count)
{
	const char *p = s, *end = s + len, *nl;
	struct span *lines;
	size_t n = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		n++;
	}
	lines = arena_alloc(ar, (n ? n : 1) * sizeof(*lines));
	for (p = s, n = 0; p < end; n++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		lines[n].s = p;
		p = nl ? nl + 1 : end;
		lines[n].len = (size_t)(p - lines[n].s);
	}
	*count = n;
	return lines;
}

static bool
span_eq(const struct span *x, const struct span *y)
{
	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/*
 * Numbers the n lines of x and the m lines of y by content into xs and ys:
 * two lines get the same number exactly when their bytes are equal (the
 * number is the place, in x then y, of the first line with those bytes).
 */
static void
number_lines(struct arena *ar, const struct span *x, size_t n,
             const struct span *y, size_t m, uint32_t *xs, uint32_t *ys)
{
	size_t cap = 16, mask, i;
	uint32_t *table; /* the place of a line + 1, or 0 for an empty slot */

	while (cap < 2 * (n + m))
		cap *= 2;
	mask = cap - 1;
	table = arena_calloc(ar, cap, sizeof(*table));
	for (i = 0; i < n + m; i++) {
		const struct span *l = i < n ? &x[i] : &y[i - n];
		size_t slot = (size_t)XXH3_64bits(l->s, l->len) & mask;
		uint32_t k;

		while ((k = table[slot]) != 0 &&
		       !span_eq(k - 1 < n ? &x[k - 1] : &y[k - 1 - n], l))
			slot = (slot + 1) & mask;
		if (k == 0)
			k = table[slot] = (uint32_t)(i + 1);
		if (i < n)
			xs[i] = k - 1;
		else
			ys[i - n] = k - 1;
	}
}

/* The furthest x reached on diagonal k in round d (|k| <= d, k and d of
 * the same parity). */
static inline int32_t
reach(int32_t *const *v, long d, long k)
{
	return v[d][(k + d) / 2];
}

/* Whether round d reached diagonal k by a step down from k + 1 (a line
 * added) rather than right from k - 1 (a line removed). */
static inline bool
came_down(int32_t *const *v, long d, long k)
{
	return k == -d ||
	       (k != d && reach(v, d - 1, k - 1) < reach(v, d - 1, k + 1));
}

/*
 * Finds a shortest edit script from the n lines numbered xs (of the text
 * whose lines are x) to the m lines numbered ys (lines y), and writes it
 * to out in reverse order (the walk goes back from the end).  Returns how
 * many lines it wrote, or -1 when a bound was reached.
 */
static long
myers(struct arena *ar, const uint32_t *xs, const struct span *x, long n,
      const uint32_t *ys, const struct span *y, long m, struct diff_line *out)
{
	int32_t **v = arena_alloc(ar, (DIFF_MAX_EDITS + 1) * sizeof(*v));
	long d, k, px, py, cx, cy, steps = 0, count = 0;

	for (d = 0; d <= DIFF_MAX_EDITS; d++) {
		v[d] = arena_alloc(ar, (size_t)(d + 1) * sizeof(**v));
		for (k = -d; k <= d; k += 2) {
			if (d == 0)
				cx = 0;
			else if (came_down(v, d, k))
				cx = reach(v, d - 1, k + 1);
			else
				cx = reach(v, d - 1, k - 1) + 1;
			cy = cx - k;
			while (cx < n && cy < m && xs[cx] == ys[cy]) {
				cx++;
				cy++;
				steps++;
			}
			v[d][(k + d) / 2] = (int32_t)cx;
			if (cx == n && cy == m)
				goto found;
			if (++steps > DIFF_MAX_STEPS)
				return -1;
		}
	}
	return -1;
found:
	/* Back from (n, m): each round ends with a snake of equal lines
	 * after one step down or right from the previous round's point. */
	cx = n;
	cy = m;
	for (; d >= 0; d--) {
		if (d == 0) {
			px = 0;
			py = 0;
		} else {
			k = cx - cy;
			k = came_down(v, d, k) ? k + 1 : k - 1;
			px = reach(v, d - 1, k);
			py = px - k;
		}
		/* The path stays in the grid; this only guards the walk. */
		if (px < 0 || py < 0 || px > cx || py > cy)
			return -1;
		while (cx > px && cy > py) {
			cx--;
			cy--;
			out[count++] =
			    (struct diff_line){DIFF_SAME, x[cx].s, x[cx].len};
		}
		if (d == 0)
			break;
		if (cx == px)
			out[count++] =
			    (struct diff_line){DIFF_ADDED, y[py].s, y[py].len};
		else
			out[count++] = (struct diff_line){DIFF_REMOVED, x[px].s,
			                                  x[px].len};
		cx = px;
		cy = py;
	}
	return cx == 0 && cy == 0 ? count : -1;
}

/* Appends one line to out. */
static void
emit(struct diff *out, enum diff_op op, const struct span *l)
{
	out->lines[out->count++] = (struct diff_line){op, l->s, l->len};
	if (op == DIFF_REMOVED)
		out->removed++;
	else if (op == DIFF_ADDED)
		out->added++;
}

/*
 * Takes the n lines after out's last (the script myers() wrote there,
 * backwards) into out: turns them round, counts the changes, and puts the
 * removed lines of each run of changes before its added ones, keeping the
 * order within each kind.  A run of a shortest script has at most
 * DIFF_MAX_EDITS lines.
 */
static void
take_script(struct arena *ar, struct diff *out, size_t n)
{
	struct diff_line *l = out->lines + out->count, t;
	struct diff_line *tmp = arena_alloc(ar, DIFF_MAX_EDITS * sizeof(*tmp));
	size_t i, j, k, removed;

	for (i = 0; i < n / 2; i++) {
		t = l[i];
		l[i] = l[n - 1 - i];
		l[n - 1 - i] = t;
	}
	for (i = 0; i < n; i = j) {
		if (l[i].op == DIFF_SAME) {
			j = i + 1;
			continue;
		}
		for (j = i, k = 0; j < n && l[j].op != DIFF_SAME; j++)
			if (l[j].op == DIFF_REMOVED)
				tmp[k++] = l[j];
		removed = k;
		for (j = i; j < n && l[j].op != DIFF_SAME; j++)
			if (l[j].op == DIFF_ADDED)
				tmp[k++] = l[j];
		out->removed += removed;
		out->added += k - removed;
		memcpy(&l[i], tmp, k * sizeof(*tmp));
	}
	out->count += n;
}

/* Compares two texts line by line; see diff.h. */
int
diff_lines(struct arena *ar, const char *a, size_t a_len, const char *b,
           size_t b_len, struct diff *out)
{
	struct span *x, *y;
	size_t nx, ny, pre = 0, suf = 0, n, m, i;
	uint32_t *xs, *ys;
	long got = -1;

	memset(out, 0, sizeof(*out));
	if (a_len > DIFF_MAX_BYTES || b_len > DIFF_MAX_BYTES)
		return -1;
	x = split(ar, a, a_len, &nx);
	y = split(ar, b, b_len, &ny);
	while (pre < nx && pre < ny && span_eq(&x[pre], &y[pre]))
		pre++;
	while (suf < nx - pre && suf < ny - pre &&
	       span_eq(&x[nx - 1 - suf], &y[ny - 1 - suf]))
		suf++;
	n = nx - pre - suf;
	m = ny - pre - suf;
	out->lines =
	    arena_alloc(ar, (nx + ny ? nx + ny : 1) * sizeof(*out->lines));
	for (i = 0; i < pre; i++)
		emit(out, DIFF_SAME, &x[i]);
	if (n > 0 && m > 0) {
		xs = arena_alloc(ar, n * sizeof(*xs));
		ys = arena_alloc(ar, m * sizeof(*ys));
		number_lines(ar, x + pre, n, y + pre, m, xs, ys);
		got = myers(ar, xs, x + pre, (long)n, ys, y + pre, (long)m,
		            out->lines + out->count);
		if (got >= 0)
			take_script(ar, out, (size_t)got);
		out->replaced = got < 0;
	}
	if (got < 0) {
		for (i = pre; i < nx - suf; i++)
			emit(out, DIFF_REMOVED, &x[i]);
		for (i = pre; i < ny - suf; i++)
			emit(out, DIFF_ADDED, &y[i]);
	}
	for (i = nx - suf; i < nx; i++)
		emit(out, DIFF_SAME, &x[i]);
	return 0;
}
