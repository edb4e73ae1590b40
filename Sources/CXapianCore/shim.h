/* Xapian from Debian (libxapian-dev), found with pkg-config (xapian-core.pc): this
 * module only carries its compiler and linker flags to the C++ shim CXapian, which
 * includes <xapian.h> itself. Nothing here is for Swift: Xapian's headers are C++. */
