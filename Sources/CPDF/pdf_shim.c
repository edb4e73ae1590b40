#include "telusur_pdf.h"

#include <poppler.h>
#include <stdlib.h>
#include <string.h>

struct tp_document {
    PopplerDocument *document;
};

int tp_open(const char *bytes, size_t length, tp_document **out, char **message) {
    *out = NULL;
    *message = NULL;
    GBytes *data = g_bytes_new(bytes, length);
    GError *error = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(data, NULL, &error);
    g_bytes_unref(data); /* the document holds its own reference */
    if (!document) {
        int kind = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED ? TP_ENCRYPTED : TP_DAMAGED;
        *message = strdup(error && error->message ? error->message : "poppler cannot open it");
        if (error) g_error_free(error);
        return kind;
    }
    tp_document *result = malloc(sizeof *result);
    if (!result) {
        g_object_unref(document);
        *message = strdup("out of memory");
        return TP_DAMAGED;
    }
    result->document = document;
    *out = result;
    return TP_OK;
}

void tp_close(tp_document *document) {
    if (!document) return;
    g_object_unref(document->document);
    free(document);
}

int tp_page_count(const tp_document *document) { return poppler_document_get_n_pages(document->document); }

char *tp_title(const tp_document *document) {
    gchar *title = poppler_document_get_title(document->document);
    if (!title) return NULL;
    char *copy = strdup(title);
    g_free(title);
    return copy;
}

int64_t tp_creation_date(const tp_document *document) {
    time_t date = poppler_document_get_creation_date(document->document);
    return date <= 0 ? -1 : (int64_t)date;
}

int tp_page_text(const tp_document *document, int index, char **text, size_t *text_length,
                 double **boxes, size_t *box_count, double *width, double *height) {
    *text = NULL;
    *boxes = NULL;
    *text_length = 0;
    *box_count = 0;
    PopplerPage *page = poppler_document_get_page(document->document, index);
    if (!page) return -1;
    poppler_page_get_size(page, width, height);
    gchar *content = poppler_page_get_text(page);
    PopplerRectangle *rectangles = NULL;
    guint count = 0;
    if (content && *content) poppler_page_get_text_layout(page, &rectangles, &count);
    size_t length = content ? strlen(content) : 0;
    *text = malloc(length + 1);
    *boxes = malloc(sizeof(double) * 4 * (count ? count : 1));
    if (!*text || !*boxes) {
        free(*text);
        free(*boxes);
        *text = NULL;
        *boxes = NULL;
        g_free(content);
        g_free(rectangles);
        g_object_unref(page);
        return -1;
    }
    if (length) memcpy(*text, content, length);
    (*text)[length] = 0;
    *text_length = length;
    for (guint i = 0; i < count; i++) {
        (*boxes)[4 * i] = rectangles[i].x1;
        (*boxes)[4 * i + 1] = rectangles[i].y1;
        (*boxes)[4 * i + 2] = rectangles[i].x2;
        (*boxes)[4 * i + 3] = rectangles[i].y2;
    }
    *box_count = count;
    g_free(content);
    g_free(rectangles);
    g_object_unref(page);
    return 0;
}

void tp_free(void *pointer) { free(pointer); }
