#ifndef GMGEO_CGEOS_SHIM_H
#define GMGEO_CGEOS_SHIM_H
// Only the reentrant (_r) API: every call names its context handle.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
