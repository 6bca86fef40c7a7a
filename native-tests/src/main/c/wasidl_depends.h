/*
 * A library with a dependency (library.get stays inside the opened object).
 *
 * libwasidl_base.so:       int base_value(void);  returns 7.   int base_data;  == 11.
 * libwasidl_dependent.so:  int dependent_value(void);  returns base_value() * 6 == 42.
 *                          int dependent_data;  == 5.
 *
 * libwasidl_dependent.so is linked against libwasidl_base.so (DT_NEEDED, found through
 * DT_RUNPATH $ORIGIN), so glibc's dlsym on a dependent handle also finds base_value and
 * base_data: wasi:dl must not hand those out unless the policy grants libwasidl_base.so too.
 */
#ifndef WASIDL_DEPENDS_H
#define WASIDL_DEPENDS_H

int base_value(void);
extern int base_data;
int dependent_value(void);
extern int dependent_data;

#endif
