/*
 * test_image.c: unit tests for media/image.c and media/store.c.  Pictures
 * are drawn here with libvips (seeded noise and a red square), saved with
 * location metadata (EXIF GPS, XMP, IPTC, PNG text, an ICC profile) and
 * fed through image_store; every file it writes is read back to check
 * that no metadata survived (libvips's fields and a scan of the bytes),
 * that it decodes, and that its size is right.  Also: EXIF orientation,
 * the widths (never upscaled), WebP sizes, the pixel limits refused from
 * the header, damaged files, the blocked loaders, polyglots from the sniff
 * corpus, PDFs stored as they are, and failures (a file size limit, a
 * folder that cannot be made) that must leave no file behind.
 * Skipped (77) when libvips cannot start.
 */
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vips/vips.h>

#include "media/image.h"
#include "media/sniff.h"
#include "media/store.h"
#include "util/arena.h"
#include "testhelp.h"

#define CORPUS "tests/unit/corpus/sniff"
#define SUBDIR "2026/11"

static struct arena arena;
static char work[] = "/tmp/gazette-image-work-XXXXXX"; /* test inputs */
static char root[] = "/tmp/gazette-image-root-XXXXXX"; /* uploads root */

/* ---- Files on disk ---- */

static int files_seen, temps_seen;

static int
count_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	if (type == FTW_F) {
		files_seen++;
		if (strncmp(path + f->base, ".tmp-", 5) == 0)
			temps_seen++;
	}
	return 0;
}

/* Returns the number of files under the uploads root; none is a temp. */
static int
count_files(void)
{
	files_seen = temps_seen = 0;
	nftw(root, count_one, 16, FTW_PHYS);
	CHECK(temps_seen == 0);
	return files_seen;
}

static int
remove_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	(void)f;
	remove(path);
	return 0;
}

static void
remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Returns root/rel or work/rel, in the arena. */
static const char *
in_root(const char *rel)
{
	return arena_printf(&arena, "%s/%s", root, rel);
}

static const char *
in_work(const char *name)
{
	return arena_printf(&arena, "%s/%s", work, name);
}

/* Writes len bytes to path. */
static void
write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL && fwrite(data, 1, len, f) == len);
	if (f != NULL)
		fclose(f);
}

/* Returns whether the len bytes at hay hold needle (needle_len bytes). */
static bool
holds(const char *hay, size_t len, const void *needle, size_t needle_len)
{
	return memmem(hay, len, needle, needle_len) != NULL;
}

/* ---- Pictures ---- */

/*
 * A w x h sRGB picture in memory: seeded noise over three bands (and an
 * alpha of 128 when bands is 4), with a red 20x20 square at the top left.
 */
static VipsImage *
picture(int w, int h, int bands)
{
	double a[4] = {1.0, 0.5, 0.8, 0.0}, b[4] = {0.0, 64.0, 20.0, 128.0};
	double red[4] = {255.0, 0.0, 0.0, 255.0};
	VipsImage *noise = NULL, *lin = NULL, *u = NULL, *c = NULL, *mem;

	CHECK(vips_gaussnoise(&noise, w, h, "mean", 128.0, "sigma", 30.0,
	                      "seed", 42, NULL) == 0);
	CHECK(vips_linear(noise, &lin, a, b, bands, NULL) == 0);
	CHECK(vips_cast_uchar(lin, &u, NULL) == 0);
	CHECK(vips_copy(u, &c, "interpretation", VIPS_INTERPRETATION_sRGB,
	                NULL) == 0);
	mem = vips_image_copy_memory(c);
	CHECK(mem != NULL);
	CHECK(vips_draw_rect(mem, red, bands, 0, 0, 20, 20, "fill", TRUE,
	                     NULL) == 0);
	g_object_unref(noise);
	g_object_unref(lin);
	g_object_unref(u);
	g_object_unref(c);
	return mem;
}

/* What the metadata below says, as it would appear in a file. */
#define PLACE "Tirana"
#define ARTIST "Jane Photographer"
static const char xmp[] =
    "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf="
    "'http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
    "xmlns:exif='http://ns.adobe.com/exif/1.0/' "
    "exif:GPSLatitude='41,19.7612N' exif:GPSLongitude='19,49.2057E'/>"
    "</rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
/* APP13: a Photoshop resource block holding IPTC City (2:90). */
static const char iptc[] = "Photoshop 3.0\0"
                           "8BIM\x04\x04\0\0\0\0\0\x0b"
                           "\x1c\x02Z\0\x06" PLACE "\0";
/* GPSLatitude 41/1 19/1 4567/100 as EXIF rationals, in each byte order. */
static const unsigned char gps_be[24] = {0, 0, 0,    41,   0, 0, 0, 1,
                                         0, 0, 0,    19,   0, 0, 0, 1,
                                         0, 0, 0x11, 0xd7, 0, 0, 0, 100};
static const unsigned char gps_le[24] = {41,   0,    0, 0, 1,   0, 0, 0,
                                         19,   0,    0, 0, 1,   0, 0, 0,
                                         0xd7, 0x11, 0, 0, 100, 0, 0, 0};

/*
 * Returns a copy of in carrying EXIF (orientation, GPS, artist), XMP with
 * GPS, IPTC with a city, a PNG text chunk and an sRGB ICC profile.
 */
static VipsImage *
with_metadata(VipsImage *in, int orientation)
{
	VipsImage *c = NULL, *icc = NULL;

	CHECK(vips_copy(in, &c, NULL) == 0);
	vips_image_set_int(c, VIPS_META_ORIENTATION, orientation);
	vips_image_set_string(c, "exif-ifd0-Artist", ARTIST);
	vips_image_set_string(c, "exif-ifd3-GPSLatitudeRef", "N");
	vips_image_set_string(c, "exif-ifd3-GPSLatitude", "41/1 19/1 4567/100");
	vips_image_set_string(c, "exif-ifd3-GPSLongitudeRef", "E");
	vips_image_set_string(c, "exif-ifd3-GPSLongitude",
	                      "19/1 49/1 1234/100");
	vips_image_set_blob_copy(c, VIPS_META_XMP_NAME, xmp, strlen(xmp));
	vips_image_set_blob_copy(c, VIPS_META_IPTC_NAME, iptc,
	                         sizeof(iptc) - 1);
	vips_image_set_string(c, "png-comment-0-Location", PLACE);
	/* Attaches libvips's sRGB profile. */
	CHECK(vips_icc_transform(c, &icc, "srgb", "input_profile", "srgb",
	                         NULL) == 0);
	g_object_unref(c);
	return icc;
}

/* Saves img to work/name in the format of kind; returns the path. */
static const char *
save_input(VipsImage *img, enum sniff_kind kind, const char *name)
{
	const char *path = in_work(name);
	int r = -1;

	switch (kind) {
	case SNIFF_JPEG:
		r = vips_jpegsave(img, path, "Q", 90, NULL);
		break;
	case SNIFF_PNG:
		r = vips_pngsave(img, path, NULL);
		break;
	case SNIFF_WEBP:
		r = vips_webpsave(img, path, NULL);
		break;
	case SNIFF_GIF:
		r = vips_gifsave(img, path, NULL);
		break;
	default:
		break;
	}
	CHECK(r == 0);
	return path;
}

/* A picture with metadata saved as kind; returns its path. */
static const char *
make_input(int w, int h, int bands, int orientation, enum sniff_kind kind,
           const char *name)
{
	VipsImage *pic = picture(w, h, bands), *meta;
	const char *path;

	meta = with_metadata(pic, orientation);
	path = save_input(meta, kind, name);
	g_object_unref(meta);
	g_object_unref(pic);
	return path;
}

/* ---- What every stored file must be ---- */

/* Byte strings no stored file may hold. */
static const struct {
	const char *bytes;
	size_t len;
} forbidden[] = {
    {"Exif\0\0", 6},       {"Exif", 4},          {"eXIf", 4},
    {"EXIF", 4},           {"XMP ", 4},          {"xmpmeta", 7},
    {"xpacket", 7},        {"ns.adobe.com", 12}, {"GPSLatitude", 11},
    {"Photoshop 3.0", 13}, {"8BIM", 4},          {"ICC_PROFILE", 11},
    {"iCCP", 4},           {"ICCP", 4},          {"tEXt", 4},
    {"iTXt", 4},           {"zTXt", 4},          {PLACE, 6},
    {ARTIST, 17},          {"<html", 5},         {"alert(", 6},
};

/*
 * Checks the stored file f: its size, its kind by content, that it
 * decodes whole at the size it claims, and that it carries no metadata.
 */
static void
check_stored(const struct media_file *f)
{
	const char *path = in_root(f->path);
	struct sniff_result s;
	VipsImage *img;
	double avg;
	size_t len, i;
	char *data;
	gchar **fields;

	data = test_read_file(path, &len);
	CHECK(data != NULL);
	if (data == NULL)
		return;
	CHECK((long long)len == f->bytes);
	for (i = 0; i < sizeof(forbidden) / sizeof(*forbidden); i++)
		if (holds(data, len, forbidden[i].bytes, forbidden[i].len)) {
			fprintf(stderr, "%s holds \"%s\"\n", f->path,
			        forbidden[i].bytes);
			CHECK(!"no metadata in a stored file");
		}
	CHECK(!holds(data, len, gps_be, sizeof(gps_be)));
	CHECK(!holds(data, len, gps_le, sizeof(gps_le)));
	free(data);

	CHECK(sniff_file(path, &arena, &s) == MEDIA_OK);
	CHECK_STR(s.mime, f->mime);

	img = vips_image_new_from_file(path, NULL);
	CHECK(img != NULL);
	if (img == NULL)
		return;
	CHECK(vips_image_get_width(img) == f->width);
	CHECK(vips_image_get_height(img) == f->height);
	CHECK(vips_avg(img, &avg, NULL) == 0);
	fields = vips_image_get_fields(img);
	for (i = 0; fields[i] != NULL; i++)
		if (strncmp(fields[i], "exif-", 5) == 0 ||
		    strncmp(fields[i], "png-comment", 11) == 0 ||
		    strcmp(fields[i], VIPS_META_XMP_NAME) == 0 ||
		    strcmp(fields[i], VIPS_META_IPTC_NAME) == 0 ||
		    strcmp(fields[i], VIPS_META_ICC_NAME) == 0 ||
		    strcmp(fields[i], VIPS_META_ORIENTATION) == 0) {
			fprintf(stderr, "%s has %s\n", f->path, fields[i]);
			CHECK(!"no metadata field in a stored file");
		}
	g_strfreev(fields);
	g_object_unref(img);
}

/* Returns the extension stored files of this mime type take. */
static const char *
ext_of(const char *mime)
{
	return strcmp(mime, "image/jpeg") == 0 ? "jpg" : strchr(mime, '/') + 1;
}

/*
 * Checks a whole set: files[0] the original at w x h in the mime given,
 * then the sizes listed in widths (0-terminated), each in that mime and
 * then WebP unless the mime is WebP; one base name; everything clean.
 */
static void
check_set(const struct image_set *set, int w, int h, const char *mime,
          const int *widths)
{
	bool webp = strcmp(mime, "image/webp") == 0;
	size_t prefix = strlen(SUBDIR "/") + 32;
	int i, n = 1, want_h;

	CHECK(set->files_count >= 1);
	if (set->files_count < 1)
		return;
	CHECK(set->files[0].width == w && set->files[0].height == h);
	for (i = 0; widths[i] != 0; i++)
		n += webp ? 1 : 2;
	CHECK(set->files_count == n);
	if (set->files_count != n)
		return;
	for (i = 0; i < n; i++) {
		const struct media_file *f = &set->files[i];
		int wi = i == 0 ? w : widths[(i - 1) / (webp ? 1 : 2)];
		bool is_webp = webp || (i > 0 && (i - 1) % 2 == 1);
		const char *suffix;

		CHECK(strncmp(f->path, SUBDIR "/", strlen(SUBDIR "/")) == 0);
		CHECK(strlen(f->path) > prefix &&
		      strspn(f->path + strlen(SUBDIR "/"),
		             "0123456789abcdef") == 32);
		CHECK(strncmp(f->path, set->files[0].path, prefix) == 0);
		CHECK_STR(f->mime, is_webp ? "image/webp" : mime);
		CHECK(f->width == wi);
		want_h = (int)((double)h * wi / w + 0.5);
		CHECK(f->height >= want_h - 1 && f->height <= want_h + 1);
		suffix = i == 0 ? arena_printf(&arena, ".%s", ext_of(f->mime))
		                : arena_printf(&arena, "-%d.%s", wi,
		                               ext_of(f->mime));
		CHECK_STR(f->path + prefix, suffix);
		check_stored(f);
	}
}

/* Sniffs and stores path, which must be accepted as kind. */
static enum media_status
store(const char *path, enum sniff_kind kind, struct image_set *set,
      const char **reason)
{
	struct sniff_result s;

	CHECK(sniff_file(path, &arena, &s) == MEDIA_OK);
	CHECK(s.kind == kind);
	return image_store(path, kind, root, SUBDIR, &arena, set, reason);
}

/* ---- The tests ---- */

/* Only the JPEG, PNG, WebP and GIF loaders work; one thread. */
static void
test_blocked_loaders(void)
{
	VipsImage *pic = picture(8, 8, 3), *img = NULL;
	const char *matrix = in_work("m.mat");
	void *buf = NULL;
	size_t len = 0;

	CHECK(vips_concurrency_get() == 1);
	CHECK(vips_tiffsave_buffer(pic, &buf, &len, NULL) == 0);
	CHECK(vips_image_new_from_buffer(buf, len, "", NULL) == NULL);
	CHECK(vips_tiffload_buffer(buf, len, &img, NULL) != 0);
	g_free(buf);
	CHECK(vips_image_new_from_file(CORPUS "/drawing.svg", NULL) == NULL);
	write_file(matrix, "2 2\n1 2\n3 4\n", 12);
	CHECK(vips_matrixload(matrix, &img, NULL) != 0);
	CHECK(vips_ppmsave(pic, in_work("p.ppm"), NULL) == 0);
	CHECK(vips_image_new_from_file(in_work("p.ppm"), NULL) == NULL);
	vips_error_clear();
	/* The allowed ones still read what they should. */
	img = vips_image_new_from_file(CORPUS "/png-1x1.png", NULL);
	CHECK(img != NULL);
	if (img != NULL)
		g_object_unref(img);
	g_object_unref(pic);
}

/*
 * A 200x100 JPEG with orientation 6 comes out 100x200 with the red
 * square at the top right, and without its EXIF, XMP, IPTC and ICC.
 */
static void
test_orientation_and_metadata(void)
{
	const char *path = make_input(200, 100, 3, 6, SNIFF_JPEG, "o6.jpg");
	static const int none[] = {0};
	struct image_set set;
	const char *reason;
	VipsImage *in, *out;
	double *px = NULL;
	size_t len;
	char *data;
	int n = 0;

	/* The input really carries all of it. */
	data = test_read_file(path, &len);
	CHECK(data != NULL && holds(data, len, "Exif\0\0", 6) &&
	      holds(data, len, "GPSLatitude", 11) &&
	      holds(data, len, "Photoshop 3.0", 13) &&
	      holds(data, len, PLACE, 6) && holds(data, len, ARTIST, 17) &&
	      holds(data, len, "ICC_PROFILE", 11));
	free(data);
	in = vips_image_new_from_file(path, NULL);
	CHECK(in != NULL && vips_image_get_typeof(in, "exif-ifd3-GPSLatitude"));
	CHECK(in != NULL && vips_image_get_orientation(in) == 6);
	if (in != NULL)
		g_object_unref(in);

	CHECK(store(path, SNIFF_JPEG, &set, &reason) == MEDIA_OK);
	CHECK(reason == NULL);
	check_set(&set, 100, 200, "image/jpeg", none);
	out = vips_image_new_from_file(in_root(set.files[0].path), NULL);
	CHECK(out != NULL);
	if (out == NULL)
		return;
	CHECK(vips_getpoint(out, &px, &n, 95, 5, NULL) == 0 && n == 3);
	CHECK(px != NULL && px[0] > 200 && px[1] < 70 && px[2] < 70);
	g_free(px);
	CHECK(vips_getpoint(out, &px, &n, 5, 5, NULL) == 0);
	CHECK(px != NULL && !(px[0] > 200 && px[1] < 70 && px[2] < 70));
	g_free(px);
	g_object_unref(out);
}

/* Widths 320 to 1600 under a 2000-wide JPEG, each also in WebP. */
static void
test_sizes(void)
{
	static const int all[] = {320, 640, 1024, 1600, 0};
	const char *path = make_input(2000, 1000, 3, 1, SNIFF_JPEG, "w.jpg");
	struct image_set set;
	const char *reason;

	CHECK(store(path, SNIFF_JPEG, &set, &reason) == MEDIA_OK);
	check_set(&set, 2000, 1000, "image/jpeg", all);
}

/* Sizes never upscale; PNG keeps alpha; WebP once; GIF through cgif. */
static void
test_formats(void)
{
	static const int w320[] = {320, 0}, none[] = {0};
	static const int w1024[] = {320, 640, 1024, 0}, w640[] = {320, 640, 0};
	struct image_set set;
	const char *reason, *path;
	VipsImage *img;

	path = make_input(500, 300, 4, 1, SNIFF_PNG, "a.png");
	CHECK(store(path, SNIFF_PNG, &set, &reason) == MEDIA_OK);
	check_set(&set, 500, 300, "image/png", w320);
	img = vips_image_new_from_file(in_root(set.files[2].path), NULL);
	CHECK(img != NULL && vips_image_hasalpha(img));
	if (img != NULL)
		g_object_unref(img);

	path = make_input(320, 200, 3, 1, SNIFF_PNG, "b.png");
	CHECK(store(path, SNIFF_PNG, &set, &reason) == MEDIA_OK);
	check_set(&set, 320, 200, "image/png", none);

	path = make_input(1200, 800, 3, 1, SNIFF_WEBP, "c.webp");
	CHECK(store(path, SNIFF_WEBP, &set, &reason) == MEDIA_OK);
	check_set(&set, 1200, 800, "image/webp", w1024);

	path = make_input(700, 400, 3, 1, SNIFF_GIF, "d.gif");
	CHECK(store(path, SNIFF_GIF, &set, &reason) == MEDIA_OK);
	check_set(&set, 700, 400, "image/gif", w640);
}

/*
 * Writes a copy of a real 64x64 JPEG whose frame header claims w x h, cut
 * before its end marker: the scan holds 64x64 pixels, so decoding it would
 * run out of data and fail.
 */
static const char *
jpeg_claiming(int w, int h)
{
	VipsImage *pic = picture(64, 64, 3);
	const char *path = in_work(arena_printf(&arena, "big-%dx%d.jpg", w, h));
	unsigned char *sof;
	size_t len;
	char *data;

	save_input(pic, SNIFF_JPEG, "small.jpg");
	g_object_unref(pic);
	data = test_read_file(in_work("small.jpg"), &len);
	CHECK(data != NULL);
	sof = data ? memmem(data, len, "\xff\xc0", 2) : NULL;
	CHECK(sof != NULL);
	if (sof == NULL) {
		free(data);
		return path;
	}
	sof[5] = (unsigned char)(h >> 8);
	sof[6] = (unsigned char)h;
	sof[7] = (unsigned char)(w >> 8);
	sof[8] = (unsigned char)w;
	write_file(path, data, len - 2);
	free(data);
	return path;
}

/* Too many pixels or too long a side: refused from the header alone. */
static void
test_limits(void)
{
	static const int sizes[][2] = {
	    {60000, 60000}, {13000, 10}, {10, 12001}, {7000, 7000}};
	struct image_set set;
	const char *reason, *want;
	int before = count_files();
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		int w = sizes[i][0], h = sizes[i][1];

		CHECK(store(jpeg_claiming(w, h), SNIFF_JPEG, &set, &reason) ==
		      MEDIA_REFUSED);
		want = arena_printf(
		    &arena, "this image is too large (%d x %d pixels)", w, h);
		CHECK(reason != NULL &&
		      strncmp(reason, want, strlen(want)) == 0);
		CHECK(set.files_count == 0);
	}
	/* At the limits, the size is not what refuses it: the scan is. */
	CHECK(store(jpeg_claiming(12000, 3333), SNIFF_JPEG, &set, &reason) ==
	      MEDIA_REFUSED);
	CHECK(reason != NULL &&
	      strncmp(reason, "this image could not", 20) == 0);
	CHECK(count_files() == before);
}

/* Writes the first len * percent / 100 bytes of src to work/name. */
static const char *
truncated(const char *src, int percent, const char *name)
{
	const char *path = in_work(name);
	size_t len;
	char *data = test_read_file(src, &len);

	CHECK(data != NULL);
	if (data != NULL)
		write_file(path, data, len * (size_t)percent / 100);
	free(data);
	return path;
}

/* Damaged files are refused cleanly; nothing is written. */
static void
test_damaged(void)
{
	struct image_set set;
	const char *reason, *jpg, *png;
	int before = count_files();

	jpg = make_input(400, 300, 3, 1, SNIFF_JPEG, "t.jpg");
	png = make_input(400, 300, 3, 1, SNIFF_PNG, "t.png");
	CHECK(store(truncated(jpg, 60, "cut.jpg"), SNIFF_JPEG, &set, &reason) ==
	      MEDIA_REFUSED);
	CHECK_STR(reason, "this image could not be read: it may be damaged or "
	                  "incomplete");
	CHECK(store(truncated(png, 60, "cut.png"), SNIFF_PNG, &set, &reason) ==
	      MEDIA_REFUSED);
	CHECK(reason != NULL &&
	      strncmp(reason, "this image could not", 20) == 0);
	CHECK(set.files_count == 0 && set.files == NULL);
	CHECK(count_files() == before);
}

/*
 * SVG and HTML never reach libvips (sniff refuses them); polyglots that
 * sniff lets through come out without what was hidden in them.
 */
static void
test_polyglots(void)
{
	static const int none[] = {0}, gif_widths[] = {320, 640, 1024, 1600, 0};
	struct sniff_result s;
	struct image_set set;
	const char *reason;

	CHECK(sniff_file(CORPUS "/drawing.svg", &arena, &s) == MEDIA_OK);
	CHECK(s.kind == SNIFF_REFUSED);
	CHECK(sniff_file(CORPUS "/page.html", &arena, &s) == MEDIA_OK);
	CHECK(s.kind == SNIFF_REFUSED);

	/* check_stored scans for "<html" and "alert(" too. */
	CHECK(store(CORPUS "/png-html-appended.png", SNIFF_PNG, &set,
	            &reason) == MEDIA_OK);
	check_set(&set, 24, 24, "image/png", none);
	CHECK(store(CORPUS "/gif-js-polyglot.gif", SNIFF_GIF, &set, &reason) ==
	      MEDIA_OK);
	check_set(&set, 10799, 1, "image/gif", gif_widths);
}

/* PDFs are stored byte for byte, under a fresh random name each time. */
static void
test_store_file(void)
{
	struct media_file a, b;
	const char *reason;
	char *src, *copy, month[8];
	size_t src_len, copy_len;
	struct stat st;
	mode_t mask = umask(022);

	umask(mask);
	CHECK(store_file(CORPUS "/minimal.pdf", SNIFF_PDF, root, SUBDIR, &arena,
	                 &a, &reason) == MEDIA_OK);
	CHECK(reason == NULL);
	CHECK(store_file(CORPUS "/minimal.pdf", SNIFF_PDF, root, SUBDIR, &arena,
	                 &b, &reason) == MEDIA_OK);
	CHECK(strcmp(a.path, b.path) != 0);
	CHECK(strlen(a.path) == strlen(SUBDIR "/") + 32 + 4);
	CHECK(strcmp(a.path + strlen(a.path) - 4, ".pdf") == 0);
	CHECK_STR(a.mime, "application/pdf");
	CHECK(a.width == 0 && a.height == 0);
	src = test_read_file(CORPUS "/minimal.pdf", &src_len);
	copy = test_read_file(in_root(a.path), &copy_len);
	CHECK(src != NULL && copy != NULL && src_len == copy_len &&
	      (long long)copy_len == a.bytes &&
	      memcmp(src, copy, src_len) == 0);
	free(src);
	free(copy);
	CHECK(stat(in_root(a.path), &st) == 0 &&
	      (st.st_mode & 0777) == (0644 & ~mask));
	CHECK(stat(in_root(SUBDIR), &st) == 0 &&
	      (st.st_mode & 0777) == (0755 & ~mask));
	count_files(); /* no temporary file left */

	store_month_subdir(0, month);
	CHECK_STR(month, "1970/01");
	store_month_subdir(1795780800, month);
	CHECK_STR(month, "2026/11");
}

/* Folders that are not a plain relative path are refused. */
static void
test_bad_subdirs(void)
{
	static const char *const bad[] = {"",     "/abs",   "../up", "a//b",
	                                  "a/",   "a/..",   "a b",   "a/./b",
	                                  "a\\b", ".hidden"};
	struct store_batch b;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		CHECK(store_begin(&b, root, bad[i], &arena) == MEDIA_FAILED);
	CHECK(store_begin(&b, root, "a_b/c-d/2026", &arena) == MEDIA_OK);
	CHECK(store_finish(&b) == MEDIA_OK);
	CHECK(store_begin(&b, "/nonexistent-uploads", SUBDIR, &arena) ==
	      MEDIA_FAILED);
}

/* Sets the largest file this process may write (RLIM_INFINITY: none). */
static void
limit_file_size(rlim_t bytes)
{
	struct rlimit rl;

	CHECK(getrlimit(RLIMIT_FSIZE, &rl) == 0);
	rl.rlim_cur = bytes;
	CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
}

/* Returns how many files inotify saw renamed into the watched folder. */
static int
renames_seen(int watch)
{
	char buf[64 * 1024] __attribute__((aligned(8)));
	const struct inotify_event *e;
	ssize_t n;
	char *p;
	int count = 0;

	while ((n = read(watch, buf, sizeof(buf))) > 0)
		for (p = buf; p < buf + n; p += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)(void *)p;
			if (e->mask & IN_MOVED_TO)
				count++;
		}
	return count;
}

/*
 * A failure part-way leaves no file: with a file size limit that the
 * sizes fit under but the original does not, image_store fails after
 * writing several files, and must remove them all.  Likewise a PDF too
 * big to copy, and a folder that cannot be made.
 */
static void
test_failure_cleanup(void)
{
	const char *path = make_input(2000, 1000, 3, 1, SNIFF_JPEG, "f.jpg");
	struct image_set set;
	struct media_file pdf;
	const char *reason;
	long long largest = 0;
	int i, before, watch;

	CHECK(store(path, SNIFF_JPEG, &set, &reason) == MEDIA_OK);
	CHECK(set.files_count == 9);
	for (i = 1; i < set.files_count; i++)
		if (set.files[i].bytes > largest)
			largest = set.files[i].bytes;
	CHECK(largest > 0 && largest < set.files[0].bytes);

	signal(SIGXFSZ, SIG_IGN);
	before = count_files();
	watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	CHECK(watch >= 0 &&
	      inotify_add_watch(watch, in_root(SUBDIR), IN_MOVED_TO) >= 0);
	limit_file_size((rlim_t)largest + 1);
	CHECK(store(path, SNIFF_JPEG, &set, &reason) == MEDIA_FAILED);
	CHECK_STR(reason, "the image could not be saved; try again");
	CHECK(set.files_count == 0);
	/* The eight sizes were in place before the original failed. */
	CHECK(renames_seen(watch) == 8);
	close(watch);
	limit_file_size(64);
	CHECK(store_file(CORPUS "/minimal.pdf", SNIFF_PDF, root, SUBDIR, &arena,
	                 &pdf, &reason) == MEDIA_FAILED);
	CHECK(reason != NULL);
	limit_file_size(RLIM_INFINITY);
	CHECK(count_files() == before);

	/* A file where a folder should be. */
	write_file(in_root("blocked"), "", 0);
	before = count_files();
	CHECK(image_store(path, SNIFF_JPEG, root, "blocked/11", &arena, &set,
	                  &reason) == MEDIA_FAILED);
	CHECK(count_files() == before);
}

int
main(void)
{
	if (image_init() != 0) {
		fprintf(stderr, "skipped: libvips cannot start\n");
		return 77;
	}
	arena_init(&arena);
	CHECK(mkdtemp(work) != NULL && mkdtemp(root) != NULL);
	test_blocked_loaders();
	test_orientation_and_metadata();
	test_sizes();
	test_formats();
	test_limits();
	test_damaged();
	test_polyglots();
	test_store_file();
	test_bad_subdirs();
	test_failure_cleanup();
	remove_tree(work);
	remove_tree(root);
	arena_free(&arena);
	vips_shutdown();
	TEST_DONE();
}
