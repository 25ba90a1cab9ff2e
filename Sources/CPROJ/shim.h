#ifndef GMGEO_CPROJ_SHIM_H
#define GMGEO_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
