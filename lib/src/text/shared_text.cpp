#include "strata/shared_text.hpp"

#include <cstring>
#include <new>
#include <ostream>
#include <stdexcept>

#include "text/hash.hpp"

namespace strata {

SharedText::Rep* SharedText::make(std::string_view text) {
  if (text.empty()) return nullptr;
  if (text.size() > kMaxSize) throw std::length_error("SharedText: text longer than 4 GiB");
  void* memory = ::operator new(sizeof(Rep) + text.size() + 1);
  Rep* rep = new (memory) Rep{{1}, static_cast<uint32_t>(text.size()), {0}};
  std::memcpy(rep->data(), text.data(), text.size());
  rep->data()[text.size()] = '\0';
  return rep;
}

void SharedText::destroy(Rep* rep) noexcept {
  [[maybe_unused]] const size_t bytes = sizeof(Rep) + rep->size + 1;
  rep->~Rep();
  // The size spares jemalloc a lookup. clang leaves sized deallocation out
  // unless asked (-fsized-deallocation), and the fuzzing build is clang's.
#ifdef __cpp_sized_deallocation
  ::operator delete(static_cast<void*>(rep), bytes);
#else
  ::operator delete(static_cast<void*>(rep));
#endif
}

uint64_t SharedText::hash() const noexcept {
  if (rep_ == nullptr) return util::word_hash({});
  uint64_t h = rep_->hash.load(std::memory_order_relaxed);
  if (h == 0) {
    h = util::word_hash(view());
    rep_->hash.store(h, std::memory_order_relaxed);
  }
  return h;
}

std::ostream& operator<<(std::ostream& out, const SharedText& text) { return out << text.view(); }

}  // namespace strata
