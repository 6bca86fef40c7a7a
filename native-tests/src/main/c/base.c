/* libwasidl_base.so: see wasidl_depends.h. */
#include "wasidl_depends.h"

int base_data = 11;

int base_value(void) { return 7; }
