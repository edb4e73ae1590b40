/* telusur's shim over poppler-glib (Debian libpoppler-glib-dev): opens a PDF from
 * memory and hands back each page's text with the box of every character. Plain C,
 * only <stddef.h>/<stdint.h>; no poppler or GLib type reaches Swift. */
#ifndef TELUSUR_PDF_H
#define TELUSUR_PDF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An open PDF; its bytes are copied, so the caller's buffer may go. */
typedef struct tp_document tp_document;

/* Why a PDF did not open. */
enum {
    TP_OK = 0,
    /* It needs a password (POPPLER_ERROR_ENCRYPTED). */
    TP_ENCRYPTED = 1,
    /* poppler cannot read it (damaged, truncated, not a PDF); see the message. */
    TP_DAMAGED = 2,
};

/* Opens a PDF. On failure returns TP_ENCRYPTED or TP_DAMAGED, sets *out to NULL
 * and *message to a malloc'ed text (free with tp_free). */
int tp_open(const char *bytes, size_t length, tp_document **out, char **message);
void tp_close(tp_document *document);

int tp_page_count(const tp_document *document);

/* The metadata title (malloc'ed UTF-8, free with tp_free) or NULL. */
char *tp_title(const tp_document *document);
/* The creation date as seconds since 1970 in UTC, or -1 when none. */
int64_t tp_creation_date(const tp_document *document);

/* One page's text in poppler's reading order, lines ending in '\n' (malloc'ed
 * UTF-8 in *text, its byte length in *text_length), and one box per character of
 * that text, '\n' included: *boxes holds 4 doubles per character (x1, y1, x2, y2
 * from the top left, in points), *box_count how many boxes. The page's size in
 * *width and *height. Free both arrays with tp_free. Returns 0, or -1 when the
 * page cannot be read. */
int tp_page_text(const tp_document *document, int index, char **text, size_t *text_length,
                 double **boxes, size_t *box_count, double *width, double *height);

void tp_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
