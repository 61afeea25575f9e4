#include <utf8proc.h>

#include "text/ascii.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {
// Long titles make unreadable ids; 60 bytes keeps the distinctive start.
constexpr size_t kMaxSlugBytes = 60;
}  // namespace

std::string slugify(std::string_view title) {
  // Written into a buffer of the longest slug: a string grown a character
  // at a time cost more than the rest of making it.
  char slug[kMaxSlugBytes + 8];
  size_t n = 0;
  bool dash = false;
  size_t pos = 0;
  while (pos < title.size() && n < kMaxSlugBytes) {
    char32_t cp = static_cast<unsigned char>(title[pos]);
    bool alnum = false;
    if (cp < 0x80) {  // most titles: ASCII's classes without the Unicode tables
      ++pos;
      alnum = ascii::alnum(static_cast<char>(cp));
      if (alnum) cp = static_cast<unsigned char>(ascii::lower(static_cast<char>(cp)));
    } else {
      cp = utf8::decode(title, pos);
      const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      alnum = cp != utf8::kInvalid && ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO));
      if (alnum) cp = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
    }
    if (cp == '\'' || cp == 0x2019) continue;  // "Russia's" -> "russias"
    if (!alnum) {
      dash = n > 0;
      continue;
    }
    if (dash) slug[n++] = '-';
    dash = false;
    if (cp < 0x80) {
      slug[n++] = static_cast<char>(cp);
    } else {
      std::string bytes;
      utf8::append(bytes, cp);
      for (const char b : bytes) slug[n++] = b;
    }
  }
  return n == 0 ? std::string("section") : std::string(slug, n);
}

}  // namespace strata
