/*
 * diff.h: a line diff of two texts (Myers' O(ND) algorithm), for showing
 * what a revision changed and what two people's texts differ in.  The
 * result is the list of lines of both texts in order, each marked same,
 * removed (only in the first text) or added (only in the second), so that
 * the same and removed lines rebuild the first text byte for byte and the
 * same and added lines the second.
 *
 * The cost is bounded, as a request must be:
 *   - each text is at most DIFF_MAX_BYTES (the Markdown cap), so at most
 *     131,072 lines; a longer text is refused.  A line costs about 70
 *     bytes of the arena while it is compared: at most about 13 MB, for
 *     the texts with the most lines that are not all alike;
 *   - the lines both texts start and end with are set aside in linear
 *     time; Myers' search runs on the lines between;
 *   - the search stops when the edit distance there (lines removed plus
 *     lines added) passes DIFF_MAX_EDITS, which keeps its record of the
 *     path under DIFF_MAX_EDITS² / 2 four-byte integers (2 MB), or when
 *     it has made DIFF_MAX_STEPS steps (line comparisons and diagonals
 *     tried: under 40 ms on the worst inputs found, built with -O2),
 *     which bounds the time whatever the texts.  It then falls back to
 *     "the lines between replaced": all of them removed, then all added,
 *     with diff.replaced set.  The result is still exact, only not the
 *     shortest.
 * Within each run of changes, the removed lines come before the added ones.
 */
#ifndef GAZETTE_DIFF_H
#define GAZETTE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#define DIFF_MAX_BYTES (128 * 1024) /* equals MARKDOWN_MAX_BYTES */
#define DIFF_MAX_EDITS 1000
#define DIFF_MAX_STEPS (16 * 1000 * 1000)

enum diff_op {
	DIFF_SAME,
	DIFF_REMOVED, /* only in the first text */
	DIFF_ADDED,   /* only in the second text */
};

/* One line: its bytes in the first text (same, removed) or the second
 * (added), with its newline when it has one (the last line may not). */
struct diff_line {
	enum diff_op op;
	const char *text;
	size_t len;
};

struct diff {
	struct diff_line *lines;
	size_t count;
	size_t removed, added; /* how many lines of each */
	bool replaced; /* a bound was reached: the changed middle is shown
	                * removed, then added, as a whole */
};

/*
 * Compares the lines of a[0..a_len) with those of b[0..b_len) (bytes, not
 * necessarily NUL-terminated) and fills out, allocating from ar; the lines
 * point into a and b, which must outlive out.  Returns 0, or -1 (out
 * empty) when either text is longer than DIFF_MAX_BYTES.
 */
int diff_lines(struct arena *ar, const char *a, size_t a_len, const char *b,
               size_t b_len, struct diff *out);

#endif
