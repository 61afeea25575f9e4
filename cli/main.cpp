#include "app.hpp"

#include <csignal>

#include "strata/fs.hpp"

#if defined(__GLIBC__) && !defined(STRATA_JEMALLOC)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <system_error>
#include <thread>
#endif

namespace {

// Interrupted (Ctrl-C, kill, or a write past the file size limit, SIGXFSZ):
// no temporary file of a write in progress stays behind; then the default
// action, so the parent sees how the run ended.
extern "C" void remove_temps_and_end(int signal) {
  strata::remove_pending_temp_files();
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = remove_temps_and_end;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) sigaction(signal, &action, nullptr);
  // A closed stdout is an EPIPE error that the CLI turns into a quiet end
  // with kExitClosedPipe, the same whether or not the parent ignored SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
}

#ifdef STRATA_JEMALLOC
// jemalloc (cli/CMakeLists.txt) reads its options from this symbol when it
// starts. One arena for every thread instead of four a core: each arena a
// thread opened cost its start about 60,000 instructions and a fresh slab
// for every size class the thread then used (a one-line diff 1.23 -> 1.14
// million instructions, the realistic 1 MB pair 290.3 -> 289.4 million and
// 1 MiB less), and cold history queries on two cores took the same CPU time
// with less memory (docs/benchmarks.md); the threads' own caches still take
// most allocations without the arena's lock. Requests of 8 MiB and more
// are served by that arena too (`oversize_threshold:0`), not by one of
// their own, so that they reach huge pages (huge_pages.cpp).
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "narenas:1,oversize_threshold:0";
}
#elif defined(__GLIBC__)
void prepare_heap() {
  // strata allocates and frees many small strings in waves (one document,
  // then the other, then the comparison). glibc's default returns freed heap
  // to the kernel at once and faults it back in on the next wave, which cost
  // a third of the run time on 10 MB inputs. Keep up to 512 MiB mapped.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  // Keep big buffers (file bytes, offset maps) on that heap too, and ask for
  // transparent huge pages there: first-touch page faults were a quarter of
  // the run time of a 1 MB diff on the project's virtual machines (5,000
  // faults of 4 KiB; about 1,400 with huge pages).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  const auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile grow = std::malloc(16 << 20);  // volatile: the pair must not be optimized away
  std::free(grow);                              // the heap keeps what it grew by (trim threshold above)
  const auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  const uintptr_t huge = 2u << 20;
  const uintptr_t from = (before + huge - 1) & ~(huge - 1);
  if (from < after) madvise(reinterpret_cast<void*>(from), after - from, MADV_HUGEPAGE);
  // compare() reads the documents for classify on a second thread while it
  // aligns them. glibc gives a new thread a malloc arena of its own, which
  // faults 4 KiB at a time (doubling the faults of a 1 MB diff), and hands
  // the arena of a thread that has ended to the next new thread: so one is
  // prepared here, on huge pages, by a thread that ends at once.
  // Only an optimization: without threads, compare() runs in turn.
  try {
    std::thread([] {
      void* volatile block = std::malloc(24 << 20);
      const auto begin = (reinterpret_cast<uintptr_t>(block) + huge - 1) & ~(huge - 1);
      const auto end = (reinterpret_cast<uintptr_t>(block) + (24u << 20)) & ~(huge - 1);
      if (block != nullptr && begin < end) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
      std::free(block);
    }).join();
  } catch (const std::system_error&) {
  }
}
#endif

}  // namespace

int main(int argc, char** argv) {
  install_signal_handlers();
#if defined(__GLIBC__) && !defined(STRATA_JEMALLOC)
  // Only a command reads documents: `strata --version` and the help start
  // no thread and map no heap.
  if (argc > 1 && argv[1][0] != '-') prepare_heap();
#endif
  return strata::cli::run(argc, argv);
}
