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
  std::string slug;
  bool dash = false;
  size_t pos = 0;
  while (pos < title.size() && slug.size() < kMaxSlugBytes) {
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
      dash = !slug.empty();
      continue;
    }
    if (dash) slug.push_back('-');
    dash = false;
    utf8::append(slug, cp);
  }
  return slug.empty() ? std::string("section") : slug;
}

}  // namespace strata
