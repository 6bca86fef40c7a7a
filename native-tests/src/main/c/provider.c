/* libwasidl_provider.so: see wasidl_dlopen.h. */
#include "wasidl_dlopen.h"

int provided_value(void) { return 4242; }
