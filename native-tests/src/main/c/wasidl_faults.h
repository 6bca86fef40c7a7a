/*
 * libwasidl_faults.so: native code that crashes the process it runs in, for what the host reports
 * when a wasi:dl call faults (wasidl's launcher prints "native code crashed: SIGSEGV in ..."). Each
 * function never returns normally; the pointer result only lets `call-pointer` guests call it.
 */
#ifndef WASIDL_FAULTS_H
#define WASIDL_FAULTS_H

void *fault_segv(void);  /* reads address 8: SIGSEGV */
void *fault_abort(void); /* abort(): SIGABRT */
void *fault_stack(void); /* recurses until the thread's stack is exhausted */

#endif
