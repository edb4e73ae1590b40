/* telusur's shim over libxml2 (Debian libxml2-dev): parses HTML or XML and hands
 * the tree back as one flat buffer of events, so that no libxml2 type (nor the ICU
 * headers libxml2 pulls in) reaches Swift. Plain C, only <stddef.h>/<stdint.h>. */
#ifndef TELUSUR_MARKUP_H
#define TELUSUR_MARKUP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The event kinds in a tm_events buffer. Each event is one kind byte, then for
 * START, ATTRIBUTE and TEXT a 4-byte little-endian length and that many UTF-8
 * bytes; ATTRIBUTE is followed by a second length and bytes (the value).
 * START opens an element (its name, namespace prefix included as "p:name"),
 * and is followed by the element's line in the input as 4 more bytes (0 when
 * unknown); END closes the last one opened. */
enum {
    TM_EVENT_START = 1,
    TM_EVENT_ATTRIBUTE = 2,
    TM_EVENT_TEXT = 3,
    TM_EVENT_END = 4,
};

/* The result of a parse: the events, or a message. Free with tm_free_result. */
typedef struct tm_result {
    /* malloc'ed event bytes, NULL when the parse failed. */
    uint8_t *events;
    size_t events_length;
    /* malloc'ed NUL-terminated message when the parse failed, else NULL. */
    char *error;
    /* The line of the error, or 0. */
    int error_line;
} tm_result;

/* Parses an HTML page leniently, as browsers do; never reaches the network.
 * encoding is an encoding name ("UTF-8", "windows-1252") or NULL to let the
 * page's declaration decide. The bytes are not kept past the call. */
tm_result tm_parse_html(const char *bytes, size_t length, const char *encoding);

/* Parses an XML document strictly (no network, no external entities, CDATA
 * as text). The bytes are not kept past the call. */
tm_result tm_parse_xml(const char *bytes, size_t length);

/* Frees what a parse returned. */
void tm_free_result(tm_result *result);

#ifdef __cplusplus
}
#endif

#endif
