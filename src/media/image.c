/*
 * image.c: the image half of the upload pipeline, on libvips 8.14's C API.
 * The sniffed kind picks the one loader that may read the file (never
 * libvips's own guess); the header is checked against the size limits
 * before any pixel is decoded; then the image is turned upright
 * (vips_autorot applies and removes the EXIF orientation), converted to
 * sRGB (through its ICC profile when it has one, so colours survive the
 * profile being dropped), decoded into memory once, and stripped of every
 * metadata field.  Each file is saved with strip=TRUE as well, and WebP
 * is written by libwebp itself (see image_encode_webp).
 *
 * Formats: JPEG at Q 85 (baseline, optimised Huffman tables), PNG at
 * compression 6, WebP at Q 80, GIF through cgif.  An animated GIF or WebP
 * keeps only its first frame, so that the size limits and every step
 * above hold for one picture (moving pictures belong in MP4 or WebM).
 * Should libvips lack a GIF saver, a GIF's frame is stored as PNG.
 *
 * Sizes are made by vips_thumbnail_image, which gives the exact width
 * asked for and premultiplies alpha, the widest from the decoded original
 * and each narrower one from the one above it (image_make_sizes); the
 * original is written last, so that a failure tends to come before the
 * biggest file.
 */
#include <assert.h>
#include <stdbool.h>

#include <vips/vips.h>
#include <webp/encode.h>

#include "../util/log.h"
#include "image.h"
#include "store.h"

#define IMAGE_JPEG_Q 85
#define IMAGE_WEBP_Q 80
#define IMAGE_PNG_COMPRESSION 6

#define IMAGE_UNREADABLE                                                       \
	"this image could not be read: it may be damaged or incomplete"
#define IMAGE_FAILED_REASON "the image could not be saved; try again"

/* 0 before image_init, 1 once libvips started, -1 if it could not. */
static int image_ready;
static bool image_have_gifsave;

int
image_init(void)
{
	/*
	 * The only loaders left usable.  vips_operation_block_set takes GType
	 * names (not nicknames) and works on a class and all below it.
	 */
	static const char *const loaders[] = {
	    "VipsForeignLoadJpeg",
	    "VipsForeignLoadPng",
	    "VipsForeignLoadWebp",
	    "VipsForeignLoadNsgif",
	};
	size_t i;

	if (image_ready != 0)
		return image_ready > 0 ? 0 : -1;
	image_ready = -1;
	if (VIPS_INIT("gazette") != 0) {
		log_error("image: libvips cannot start: %s",
		          vips_error_buffer());
		vips_error_clear();
		return -1;
	}
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	for (i = 0; i < sizeof(loaders) / sizeof(*loaders); i++) {
		if (g_type_from_name(loaders[i]) == 0)
			log_error("image: libvips has no %s", loaders[i]);
		vips_operation_block_set(loaders[i], FALSE);
	}
	/*
	 * Workers are processes: one thread each is enough.  The operation
	 * cache could only keep decoded images alive between requests, since
	 * no two uploads share an operation, so it is off.
	 */
	vips_concurrency_set(1);
	vips_cache_set_max(0);
	vips_cache_set_max_mem(0);
	vips_cache_set_max_files(0);
	image_have_gifsave = vips_type_find("VipsOperation", "gifsave_buffer");
	image_ready = 1;
	return 0;
}

/* Logs libvips's pending error message after what, and clears it. */
static void
image_log_vips(const char *what)
{
	log_warn("image: %s: %s", what, vips_error_buffer());
	vips_error_clear();
}

/* The loader each image kind is read with; libvips guesses nothing. */
static int (*const image_loaders[SNIFF__MAX])(const char *, VipsImage **,
                                              ...) = {
    [SNIFF_JPEG] = vips_jpegload,
    [SNIFF_PNG] = vips_pngload,
    [SNIFF_WEBP] = vips_webpload,
    [SNIFF_GIF] = vips_gifload,
};

/*
 * Opens path with the loader of kind, failing on any decoding error (a
 * truncated file included).  Only the header is read now.  Returns the
 * image, or NULL when that loader cannot read the file.
 */
static VipsImage *
image_load(const char *path, enum sniff_kind kind)
{
	VipsImage *img = NULL;

	assert(kind < SNIFF__MAX && image_loaders[kind] != NULL);
	if (image_loaders[kind](path, &img, "fail_on", VIPS_FAIL_ON_ERROR,
	                        NULL) != 0) {
		image_log_vips("load");
		return NULL;
	}
	return img;
}

/* Returns whether the image's header is within the limits. */
static bool
image_size_ok(VipsImage *img)
{
	long long w = vips_image_get_width(img), h = vips_image_get_height(img);

	return w <= IMAGE_MAX_SIDE && h <= IMAGE_MAX_SIDE &&
	       w * h <= IMAGE_MAX_PIXELS;
}

/*
 * Converts to sRGB (or 8-bit grey) for the web: through the embedded ICC
 * profile when there is one that works, else by libvips's colour space
 * rules (CMYK, 16-bit, Lab...).  Returns 0 or -1.
 */
static int
image_to_srgb(VipsImage *in, VipsImage **out)
{
	VipsInterpretation was = vips_image_guess_interpretation(in);

	if (vips_image_get_typeof(in, VIPS_META_ICC_NAME) != 0) {
		if (vips_icc_transform(in, out, "srgb", "embedded", TRUE,
		                       "intent", VIPS_INTENT_PERCEPTUAL,
		                       NULL) == 0)
			return 0;
		image_log_vips("colour profile ignored");
	}
	return vips_colourspace(in, out,
	                        was == VIPS_INTERPRETATION_B_W ||
	                                was == VIPS_INTERPRETATION_GREY16
	                            ? VIPS_INTERPRETATION_B_W
	                            : VIPS_INTERPRETATION_sRGB,
	                        NULL);
}

/*
 * Removes every metadata field (EXIF, XMP, IPTC, ICC, comments...);
 * header fields such as width cannot be removed and stay.
 */
static void
image_drop_metadata(VipsImage *img)
{
	gchar **fields = vips_image_get_fields(img);
	int i;

	for (i = 0; fields[i] != NULL; i++)
		vips_image_remove(img, fields[i]);
	g_strfreev(fields);
}

/*
 * Turns the image upright, into sRGB, decodes it into memory and drops its
 * metadata.  Returns the new image, or NULL when decoding failed.
 */
static VipsImage *
image_prepare(VipsImage *in)
{
	VipsImage *upright = NULL, *srgb = NULL, *mem = NULL;

	if (vips_autorot(in, &upright, NULL) == 0 &&
	    image_to_srgb(upright, &srgb) == 0)
		mem = vips_image_copy_memory(srgb);
	if (mem == NULL)
		image_log_vips("decode");
	else
		image_drop_metadata(mem);
	if (srgb != NULL)
		g_object_unref(srgb);
	if (upright != NULL)
		g_object_unref(upright);
	return mem;
}

/*
 * Encodes img as lossy WebP with libwebp's simple API, which writes the
 * picture and nothing else.  Not vips_webpsave: libvips 8.14.1 ignores
 * strip=TRUE there and always adds an EXIF chunk (rebuilt from the image's
 * fields, so from nothing it is only resolution and orientation, but
 * nothing is what we promise).  Returns 0 and a g_malloc'd buffer, or -1.
 */
static int
image_encode_webp(VipsImage *img, void **buf, size_t *len)
{
	VipsImage *rgb = NULL;
	uint8_t *webp = NULL;
	size_t n = 0, size;
	void *pixels;
	int w = vips_image_get_width(img), h = vips_image_get_height(img);

	/* Grey becomes RGB; alpha stays; 8 bits a sample. */
	if (vips_colourspace(img, &rgb, VIPS_INTERPRETATION_sRGB, NULL) != 0)
		return -1;
	if (vips_image_get_format(rgb) != VIPS_FORMAT_UCHAR ||
	    (pixels = vips_image_write_to_memory(rgb, &size)) == NULL) {
		g_object_unref(rgb);
		return -1;
	}
	if (vips_image_get_bands(rgb) == 4)
		n = WebPEncodeRGBA(pixels, w, h, w * 4, IMAGE_WEBP_Q, &webp);
	else if (vips_image_get_bands(rgb) == 3)
		n = WebPEncodeRGB(pixels, w, h, w * 3, IMAGE_WEBP_Q, &webp);
	g_free(pixels);
	g_object_unref(rgb);
	if (n == 0) {
		vips_error("image", "WebP encoding failed");
		return -1;
	}
	*buf = g_memdup2(webp, n);
	*len = n;
	WebPFree(webp);
	return 0;
}

/* Encodes img as fmt into a g_malloc'd buffer; returns 0 or -1. */
static int
image_encode(VipsImage *img, enum sniff_kind fmt, void **buf, size_t *len)
{
	switch (fmt) {
	case SNIFF_JPEG:
		return vips_jpegsave_buffer(
		    img, buf, len, "Q", IMAGE_JPEG_Q, "interlace", FALSE,
		    "optimize_coding", TRUE, "strip", TRUE, NULL);
	case SNIFF_PNG:
		return vips_pngsave_buffer(img, buf, len, "compression",
		                           IMAGE_PNG_COMPRESSION, "strip", TRUE,
		                           NULL);
	case SNIFF_WEBP:
		return image_encode_webp(img, buf, len);
	case SNIFF_GIF:
		return vips_gifsave_buffer(img, buf, len, "strip", TRUE, NULL);
	default:
		return -1;
	}
}

/*
 * Encodes img as fmt and places it in the batch as base + label + the
 * format's extension, filling out.  Returns MEDIA_OK or MEDIA_FAILED.
 */
static enum media_status
image_save(struct store_batch *b, VipsImage *img, enum sniff_kind fmt,
           const char *label, struct media_file *out)
{
	enum media_status status;
	void *buf = NULL;
	size_t len = 0;

	if (image_encode(img, fmt, &buf, &len) != 0) {
		image_log_vips("encode");
		return MEDIA_FAILED;
	}
	status =
	    store_write(b,
	                arena_concat(b->arena, label, ".",
	                             sniff_kind_extension(fmt), (char *)NULL),
	                buf, len, out);
	g_free(buf);
	out->mime = sniff_kind_mime(fmt);
	out->width = vips_image_get_width(img);
	out->height = vips_image_get_height(img);
	return status;
}

/*
 * Makes the sizes of img narrower than it, widest first, each from the one
 * before (the widest from img) and decoded into memory: a step of at most
 * about half is as sharp as one from the original and costs a fraction
 * (0.10 s instead of 0.77 s of CPU for the four sizes of a 3000x2000
 * photograph).  Fills sized[i] for widths[i]; returns how many, or -1
 * (none left to free).
 */
static int
image_make_sizes(VipsImage *img, const int *widths,
                 VipsImage *sized[IMAGE_WIDTHS_COUNT])
{
	VipsImage *from = img, *t;
	int n = 0, i;

	while (n < IMAGE_WIDTHS_COUNT && widths[n] < vips_image_get_width(img))
		n++;
	for (i = n - 1; i >= 0; i--) {
		sized[i] = NULL;
		if (vips_thumbnail_image(from, &t, widths[i], "height",
		                         VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
		                         "no_rotate", TRUE, NULL) == 0) {
			sized[i] = vips_image_copy_memory(t);
			g_object_unref(t);
		}
		if (sized[i] == NULL) {
			image_log_vips("resize");
			while (++i < n)
				g_object_unref(sized[i]);
			return -1;
		}
		from = sized[i];
	}
	return n;
}

/*
 * Saves the sizes of img narrower than it, narrowest first, each in fmt
 * and (unless fmt is WebP) in WebP, appending to out.  Returns MEDIA_OK or
 * MEDIA_FAILED.
 */
static enum media_status
image_save_sizes(struct store_batch *b, VipsImage *img, enum sniff_kind fmt,
                 struct image_set *out)
{
	static const int widths[IMAGE_WIDTHS_COUNT] = IMAGE_WIDTHS;
	enum media_status status = MEDIA_OK;
	VipsImage *sized[IMAGE_WIDTHS_COUNT];
	const char *label;
	int i, n = image_make_sizes(img, widths, sized);

	if (n < 0)
		return MEDIA_FAILED;
	for (i = 0; i < n && status == MEDIA_OK; i++) {
		label = arena_printf(b->arena, "-%d", widths[i]);
		status = image_save(b, sized[i], fmt, label,
		                    &out->files[out->files_count++]);
		if (status == MEDIA_OK && fmt != SNIFF_WEBP)
			status = image_save(b, sized[i], SNIFF_WEBP, label,
			                    &out->files[out->files_count++]);
	}
	for (i = 0; i < n; i++)
		g_object_unref(sized[i]);
	return status;
}

/*
 * Writes the sizes, then the original, of the prepared image img in the
 * format kept for kind, and fsyncs the folder.  Returns MEDIA_OK or
 * MEDIA_FAILED with every file removed.
 */
static enum media_status
image_save_all(VipsImage *img, enum sniff_kind kind, const char *root,
               const char *subdir, struct arena *a, struct image_set *out)
{
	enum sniff_kind fmt = kind;
	struct store_batch b;

	if (kind == SNIFF_GIF && !image_have_gifsave)
		fmt = SNIFF_PNG;
	if (store_begin(&b, root, subdir, a) != MEDIA_OK)
		return MEDIA_FAILED;
	out->files = arena_calloc(a, IMAGE_MAX_FILES, sizeof(*out->files));
	out->files_count = 1; /* files[0], the original, comes last */
	if (image_save_sizes(&b, img, fmt, out) != MEDIA_OK ||
	    image_save(&b, img, fmt, "", &out->files[0]) != MEDIA_OK) {
		store_abort(&b);
		return MEDIA_FAILED;
	}
	return store_finish(&b);
}

enum media_status
image_store(const char *src_path, enum sniff_kind kind, const char *root,
            const char *subdir, struct arena *a, struct image_set *out,
            const char **reason)
{
	enum media_status status;
	VipsImage *in, *img;

	assert(sniff_kind_is_image(kind));
	out->files = NULL;
	out->files_count = 0;
	*reason = IMAGE_FAILED_REASON;
	if (image_init() != 0)
		return MEDIA_FAILED;
	in = image_load(src_path, kind);
	if (in == NULL) {
		*reason = IMAGE_UNREADABLE;
		return MEDIA_REFUSED;
	}
	if (!image_size_ok(in)) {
		*reason = arena_printf(
		    a,
		    "this image is too large (%d x %d pixels): images may have "
		    "at most %lld megapixels and %d pixels a side",
		    vips_image_get_width(in), vips_image_get_height(in),
		    IMAGE_MAX_PIXELS / 1000000, IMAGE_MAX_SIDE);
		g_object_unref(in);
		return MEDIA_REFUSED;
	}
	img = image_prepare(in);
	g_object_unref(in);
	if (img == NULL) {
		*reason = IMAGE_UNREADABLE;
		return MEDIA_REFUSED;
	}
	status = image_save_all(img, kind, root, subdir, a, out);
	g_object_unref(img);
	if (status != MEDIA_OK) {
		out->files = NULL;
		out->files_count = 0;
		return status;
	}
	*reason = NULL;
	return MEDIA_OK;
}
