#ifndef GMGEO_CSYSTEM_SHIM_H
#define GMGEO_CSYSTEM_SHIM_H
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a folder is
   replaced atomically; glibc declares renameat2 only under _GNU_SOURCE, which Swift's
   Glibc module does not set. Returns 0, or -1 with errno (ENOSYS, EINVAL: not supported). */
static inline int gmgeo_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */);
#else
    errno = ENOSYS;
    return -1;
#endif
}
#endif
