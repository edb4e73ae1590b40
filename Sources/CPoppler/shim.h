// poppler's GLib interface from Debian (libpoppler-glib-dev). Only the C shim CPDF
// includes it; Swift sees CPDF's plain header.
#include <poppler.h>
