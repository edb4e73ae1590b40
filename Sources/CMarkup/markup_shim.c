#include "telusur_markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

typedef struct buffer {
    uint8_t *bytes;
    size_t length;
    size_t capacity;
    int failed;
} buffer;

static void put(buffer *out, const void *bytes, size_t length) {
    if (out->failed) return;
    if (out->length + length > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 4096;
        while (capacity < out->length + length) capacity *= 2;
        uint8_t *grown = realloc(out->bytes, capacity);
        if (!grown) { out->failed = 1; return; }
        out->bytes = grown;
        out->capacity = capacity;
    }
    memcpy(out->bytes + out->length, bytes, length);
    out->length += length;
}

static void put_string(buffer *out, const char *prefix, const char *text) {
    size_t prefix_length = prefix ? strlen(prefix) + 1 : 0;
    size_t text_length = text ? strlen(text) : 0;
    uint32_t total = (uint32_t)(prefix_length + text_length);
    uint8_t length[4] = {total & 0xFF, (total >> 8) & 0xFF, (total >> 16) & 0xFF, (total >> 24) & 0xFF};
    put(out, length, 4);
    if (prefix) { put(out, prefix, prefix_length - 1); put(out, ":", 1); }
    if (text) put(out, text, text_length);
}

static void put_kind(buffer *out, uint8_t kind) { put(out, &kind, 1); }

/* Iterative walk, so that deep markup cannot overflow the stack. */
static void walk(buffer *out, xmlNodePtr root) {
    xmlNodePtr node = root;
    while (node) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE) {
            put_kind(out, TM_EVENT_START);
            put_string(out, node->ns && node->ns->prefix ? (const char *)node->ns->prefix : NULL, (const char *)node->name);
            long line = xmlGetLineNo(node);
            uint32_t line32 = line > 0 ? (uint32_t)line : 0;
            uint8_t line_bytes[4] = {line32 & 0xFF, (line32 >> 8) & 0xFF, (line32 >> 16) & 0xFF, (line32 >> 24) & 0xFF};
            put(out, line_bytes, 4);
            for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
                put_kind(out, TM_EVENT_ATTRIBUTE);
                put_string(out, attribute->ns && attribute->ns->prefix ? (const char *)attribute->ns->prefix : NULL,
                           (const char *)attribute->name);
                /* The value: the attribute's text children, entities decoded. */
                size_t total = 0;
                for (xmlNodePtr part = attribute->children; part; part = part->next)
                    if (part->content) total += strlen((const char *)part->content);
                uint32_t length32 = (uint32_t)total;
                uint8_t length[4] = {length32 & 0xFF, (length32 >> 8) & 0xFF, (length32 >> 16) & 0xFF, (length32 >> 24) & 0xFF};
                put(out, length, 4);
                for (xmlNodePtr part = attribute->children; part; part = part->next)
                    if (part->content) put(out, part->content, strlen((const char *)part->content));
            }
            if (node->children) descend = 1;
            else put_kind(out, TM_EVENT_END);
        } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content) {
            put_kind(out, TM_EVENT_TEXT);
            put_string(out, NULL, (const char *)node->content);
        }
        if (descend) {
            node = node->children;
            continue;
        }
        /* Next sibling, or close parents until one has a next sibling. */
        while (node && node != root && !node->next) {
            node = node->parent;
            if (node && node->type == XML_ELEMENT_NODE) put_kind(out, TM_EVENT_END);
        }
        if (!node || node == root) break;
        node = node->next;
    }
}

static tm_result finish(xmlDocPtr document, const char *failure) {
    tm_result result = {0};
    xmlNodePtr root = document ? xmlDocGetRootElement(document) : NULL;
    if (!root) {
        const xmlError *error = xmlGetLastError();
        const char *message = error && error->message ? error->message : failure;
        result.error = strdup(message);
        result.error_line = error ? error->line : 0;
        if (document) xmlFreeDoc(document);
        return result;
    }
    buffer out = {0};
    walk(&out, root);
    xmlFreeDoc(document);
    if (out.failed) {
        free(out.bytes);
        result.error = strdup("out of memory");
        return result;
    }
    result.events = out.bytes;
    result.events_length = out.length;
    return result;
}

tm_result tm_parse_html(const char *bytes, size_t length, const char *encoding) {
    xmlResetLastError();
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    int size = length > 0x7FFFFFFF ? 0x7FFFFFFF : (int)length;
    htmlDocPtr document = htmlReadMemory(bytes, size, NULL, encoding, options);
    return finish(document, "no HTML elements in it");
}

tm_result tm_parse_xml(const char *bytes, size_t length) {
    xmlResetLastError();
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
        | XML_PARSE_HUGE;
    int size = length > 0x7FFFFFFF ? 0x7FFFFFFF : (int)length;
    xmlDocPtr document = xmlReadMemory(bytes, size, NULL, NULL, options);
    return finish(document, "not well-formed XML");
}

void tm_free_result(tm_result *result) {
    if (!result) return;
    free(result->events);
    free(result->error);
    result->events = NULL;
    result->error = NULL;
}
