// libxml2 from Debian (libxml2-dev). Only the C shim CMarkup includes it: its
// headers pull in ICU's, which clash with Foundation's own copy in Swift.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
