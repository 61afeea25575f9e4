// Immutable text that copies by reference.
//
// A history's versions share most of their paragraphs, and a paragraph is
// read once per history (its sentences kept between versions): each version's
// document takes those sentences by copy. With the sentences' texts held as
// std::string, each copy allocated and copied every byte of them again (the
// largest single cost of reading a version that repeats its predecessor).
// A SharedText is one pointer: copying it counts a reference; the bytes are
// written once, when the text is made, and freed with its last copy. As with
// std::string, data() ends with a NUL, so the text can go to a C function.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace strata {

class SharedText {
 public:
  // The longest text: 4 GiB less a byte, far past the largest input strata
  // reads (kMaxInputBytes, strata/ingest.hpp). A longer one throws
  // std::length_error, as std::string does past its max_size().
  static constexpr size_t kMaxSize = UINT32_MAX;

  SharedText() noexcept = default;
  SharedText(std::string_view text) : rep_(make(text)) {}  // NOLINT: implicit, like std::string's
  SharedText(const std::string& text) : rep_(make(text)) {}
  SharedText(const char* text) : rep_(make(text)) {}

  SharedText(const SharedText& other) noexcept : rep_(other.rep_) { retain(); }
  SharedText(SharedText&& other) noexcept : rep_(other.rep_) { other.rep_ = nullptr; }
  SharedText& operator=(const SharedText& other) noexcept {
    SharedText copy(other);
    swap(copy);
    return *this;
  }
  SharedText& operator=(SharedText&& other) noexcept {
    SharedText moved(std::move(other));
    swap(moved);
    return *this;
  }
  ~SharedText() { release(); }

  void swap(SharedText& other) noexcept { std::swap(rep_, other.rep_); }

  std::string_view view() const noexcept {
    return rep_ == nullptr ? std::string_view() : std::string_view(rep_->data(), rep_->size);
  }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: implicit, like std::string's
  std::string str() const { return std::string(view()); }

  const char* data() const noexcept { return rep_ == nullptr ? "" : rep_->data(); }
  size_t size() const noexcept { return rep_ == nullptr ? 0 : rep_->size; }
  bool empty() const noexcept { return size() == 0; }
  const char* begin() const noexcept { return data(); }
  const char* end() const noexcept { return data() + size(); }
  char operator[](size_t i) const noexcept { return data()[i]; }
  std::string_view substr(size_t pos, size_t n = std::string_view::npos) const { return view().substr(pos, n); }
  size_t find(std::string_view part, size_t pos = 0) const noexcept { return view().find(part, pos); }

  // A 64-bit hash of the text, never 0: the one the library's indexes of
  // texts use. Computed once for a text and all its copies: a history's
  // versions share most of their sentences, and each index a version went
  // through hashed each of them again.
  uint64_t hash() const noexcept;

  // Whether two copies share one text (then they are equal without reading it).
  bool same_as(const SharedText& other) const noexcept { return rep_ == other.rep_; }

  friend bool operator==(const SharedText& a, const SharedText& b) noexcept {
    return a.rep_ == b.rep_ || a.view() == b.view();
  }
  // One overload per kind of argument: std::string and C strings convert
  // both to std::string_view and to SharedText.
  friend bool operator==(const SharedText& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const SharedText& a, const char* b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) noexcept { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const std::string& b) noexcept {
    return a.view() <=> std::string_view(b);
  }

  friend std::string operator+(const SharedText& a, std::string_view b) { return a.str().append(b); }
  friend std::string operator+(std::string_view a, const SharedText& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const SharedText& a, const char* b) { return a.str().append(b); }
  friend std::string operator+(const char* a, const SharedText& b) { return std::string(a).append(b.view()); }

 private:
  struct Rep {
    // 16 bytes in all: a million short lines are two million texts, and 8
    // bytes more each were 34 MiB more at the peak of their diff.
    std::atomic<uint32_t> refs;
    uint32_t size;  // make() refuses a longer text (kMaxSize)
    // hash(), once asked; 0 before. Threads that ask at once each compute
    // the same value.
    std::atomic<uint64_t> hash;
    char* data() noexcept { return reinterpret_cast<char*>(this + 1); }
    const char* data() const noexcept { return reinterpret_cast<const char*>(this + 1); }
  };

  static_assert(sizeof(Rep) == 16);

  static Rep* make(std::string_view text);
  static void destroy(Rep* rep) noexcept;

  void retain() const noexcept {
    if (rep_ != nullptr) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept {
    if (rep_ != nullptr && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(rep_);
  }

  Rep* rep_ = nullptr;  // null for the empty text: an empty text allocates nothing
};

std::ostream& operator<<(std::ostream& out, const SharedText& text);

}  // namespace strata
