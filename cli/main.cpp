#include "app.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // strata allocates and frees many small strings in waves (one document,
  // then the other, then the comparison). glibc's default returns freed heap
  // to the kernel at once and faults it back in on the next wave, which cost
  // a third of the run time on 10 MB inputs. Keep up to 512 MiB mapped.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
#endif
  return strata::cli::run(argc, argv);
}
