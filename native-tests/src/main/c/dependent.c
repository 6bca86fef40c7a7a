/* libwasidl_dependent.so: see wasidl_depends.h. */
#include "wasidl_depends.h"

int dependent_data = 5;

int dependent_value(void) { return base_value() * 6; }
