/*
 * mkjpeg.c: writes test photographs for bench-uploads.sh, which compiles
 * it against libvips (not part of the build).  Each JPEG is WIDTH x
 * HEIGHT, quality 85, of smooth Perlin noise in each band with fine
 * Gaussian grain on top, so that it compresses about as a photograph
 * does (a few MB at 3000x2000) and no two files are alike.
 *
 *     mkjpeg OUT_PREFIX COUNT WIDTH HEIGHT
 *
 * writes OUT_PREFIX1.jpg ... OUT_PREFIXCOUNT.jpg.  Exits 0, or 1 with a
 * message on standard error.
 */
#include <stdio.h>
#include <stdlib.h>

#include <vips/vips.h>

/* Makes one band: Perlin noise of cell size cell (seeded) scaled to
 * 0..255 around 128, plus grain of sigma 12.  *out is a new reference.  Returns
 * 0 or -1. */
static int
make_band(VipsObject *scope, int w, int h, int cell, int seed, VipsImage **out)
{
	VipsImage **t = (VipsImage **)vips_object_local_array(scope, 4);

	if (vips_perlin(&t[0], w, h, "cell_size", cell, "seed", seed, NULL) ||
	    vips_linear1(t[0], &t[1], 110.0, 128.0, NULL) ||
	    vips_gaussnoise(&t[2], w, h, "sigma", 12.0, "mean", 0.0, "seed",
	                    seed, NULL) ||
	    vips_add(t[1], t[2], &t[3], NULL))
		return -1;
	*out = t[3];
	g_object_ref(*out); /* the caller's; scope keeps its own */
	return 0;
}

/* Writes one photograph to path; returns 0 or -1. */
static int
make_photo(const char *path, int w, int h, int seed)
{
	VipsObject *scope = VIPS_OBJECT(vips_image_new());
	VipsImage **t = (VipsImage **)vips_object_local_array(scope, 5);
	int rc = -1;

	if (make_band(scope, w, h, 400, seed * 3 + 1, &t[0]) == 0 &&
	    make_band(scope, w, h, 160, seed * 3 + 2, &t[1]) == 0 &&
	    make_band(scope, w, h, 60, seed * 3 + 3, &t[2]) == 0 &&
	    vips_bandjoin(t, &t[3], 3, NULL) == 0 &&
	    vips_cast_uchar(t[3], &t[4], NULL) == 0 &&
	    vips_jpegsave(t[4], path, "Q", 85, NULL) == 0)
		rc = 0;
	g_object_unref(scope);
	return rc;
}

/* Reads a whole number from 1 to 100000 in s; returns it, or -1. */
static int
number(const char *s)
{
	char *end;
	long long n = strtoll(s, &end, 10);

	return end != s && *end == '\0' && n >= 1 && n <= 100000 ? (int)n : -1;
}

int
main(int argc, char **argv)
{
	char path[4096];
	int count, w, h, i;

	if (VIPS_INIT(argv[0]))
		vips_error_exit(NULL);
	if (argc != 5 || (count = number(argv[2])) < 1 ||
	    (w = number(argv[3])) < 1 || (h = number(argv[4])) < 1) {
		fprintf(stderr,
		        "usage: mkjpeg OUT_PREFIX COUNT WIDTH HEIGHT\n");
		return 1;
	}
	for (i = 1; i <= count; i++) {
		snprintf(path, sizeof(path), "%s%d.jpg", argv[1], i);
		if (make_photo(path, w, h, i) != 0) {
			fprintf(stderr, "mkjpeg: %s: %s\n", path,
			        vips_error_buffer());
			return 1;
		}
	}
	vips_shutdown();
	return 0;
}
