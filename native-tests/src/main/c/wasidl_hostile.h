/*
 * libwasidl_hostile.so: memory a hostile guest points the host at (issue 14, reproduction 6), with
 * addresses that exist in whichever process loads the library. Each function maps its memory once
 * (the first call) and returns the same address afterwards; NULL if mmap failed.
 */
#ifndef WASIDL_HOSTILE_H
#define WASIDL_HOSTILE_H

void *hostile_prot_none(void);    /* a mapped page with PROT_NONE: no read, no write */
void *hostile_read_only(void);    /* a PROT_READ page holding 0x5a bytes */
char *hostile_unterminated(void); /* a read-write page of 'A' (no NUL) followed by a PROT_NONE page */
void *hostile_unmapped(void);     /* a page that was mapped and munmap'ed again, between two PROT_NONE
                                     pages (so no later mmap of one page is likely to land there) */

/* A 16-byte data object (the bytes 0..15), to read past with a larger type. */
extern const unsigned char hostile_small[16];

#endif
