/* libwasidl_consumer.so and libwasidl_consumer_lazy.so: see wasidl_dlopen.h. */
#include "wasidl_dlopen.h"

int consume(void) { return provided_value() + 1; }
