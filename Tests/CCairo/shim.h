// cairo from Debian (libcairo2-dev, installed with libpoppler-glib-dev): the tests
// write PDFs with it from known text.
#include <cairo.h>
#include <cairo-pdf.h>
