#include <utf8proc.h>

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
    const char32_t cp = utf8::decode(title, pos);
    if (cp == '\'' || cp == 0x2019) continue;  // "Russia's" -> "russias"
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    const bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (!alnum || cp == utf8::kInvalid) {
      dash = !slug.empty();
      continue;
    }
    if (dash) slug.push_back('-');
    dash = false;
    utf8::append(slug, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
  }
  return slug.empty() ? std::string("section") : slug;
}

}  // namespace strata
