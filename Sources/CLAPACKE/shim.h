#ifndef ENTENTE_CLAPACKE_SHIM_H
#define ENTENTE_CLAPACKE_SHIM_H
// Complex types as plain structs so Swift can import every prototype.
#define HAVE_LAPACK_CONFIG_H
#define LAPACK_COMPLEX_STRUCTURE
#include <lapacke.h>
// BLAS level 2/3 (dgemv, dsyrk) for the interior-point method; same libblas.so.3 that LAPACK uses.
#include <cblas.h>
// Swift does not import type macros; re-export them as typedefs.
typedef lapack_int entente_lapack_int;
#endif
