/*
 * Open-flag libraries (library.open flags lazy/now/global/local).
 *
 * libwasidl_provider.so:       int provided_value(void);  returns 4242.
 * libwasidl_consumer.so and
 * libwasidl_consumer_lazy.so:  int consume(void);  returns provided_value() + 1 == 4243.
 *
 * Both consumers are built from consumer.c WITHOUT linking the provider (no DT_NEEDED on it;
 * provided_value stays an undefined symbol) and with -z lazy (no BIND_NOW). Therefore
 * (glibc; build.sh's self-check verifies all of this on every build):
 *   - dlopen(consumer, RTLD_NOW) fails, dlerror() containing "undefined symbol: provided_value",
 *     unless libwasidl_provider.so is already open with RTLD_GLOBAL;
 *   - dlopen(consumer_lazy, RTLD_LAZY) succeeds even without the provider; calling consume() then
 *     KILLS THE PROCESS ("symbol lookup error") unless the provider has meanwhile been opened
 *     RTLD_GLOBAL, in which case it returns 4243;
 *   - opening the provider RTLD_LOCAL does not help: RTLD_NOW on a consumer still fails; a later
 *     dlopen(provider, RTLD_NOW | RTLD_GLOBAL) promotes the already open provider to global;
 *   - dlopen(consumer_lazy, RTLD_NOW) while consumer_lazy is already open (lazily) succeeds
 *     without resolving anything: glibc reuses the loaded library.
 * Hence two consumer files: a test can load one lazily and still see the other fail under
 * RTLD_NOW in the same process, as long as no provider is left open RTLD_GLOBAL.
 */
#ifndef WASIDL_DLOPEN_H
#define WASIDL_DLOPEN_H

int provided_value(void);
int consume(void);

#endif
