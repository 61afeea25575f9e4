// The comparison form (see normalize.hpp for what it folds and why).
#include <utf8proc.h>
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "normalize/normalize.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

// How one code point of NFKC output appears in the comparison form.
enum class Fold { kKeep, kSpace, kDrop, kReplace };

struct Folded {
  Fold fold = Fold::kKeep;
  const char* replacement = nullptr;
};

Folded fold(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x2039:
    case 0x203A:
      return {Fold::kReplace, "'"};
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return {Fold::kReplace, "\""};
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return {Fold::kReplace, "-"};
    case 0x2026:
      return {Fold::kReplace, "..."};
    case 0x2022:
    case 0x25E6:
    case 0x2023:
    case 0x2043:
    case 0x25AA:
    case 0x25CF:
    case 0x00B7:
      return {Fold::kReplace, "*"};
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return {Fold::kSpace, nullptr};
    default:
      break;
  }
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return {Fold::kSpace, nullptr};
    return {Fold::kKeep, nullptr};
  }
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (category == UTF8PROC_CATEGORY_ZS) return {Fold::kSpace, nullptr};
  // Format characters (zero-width spaces and joiners, BOM, soft hyphen, bidi
  // controls) are invisible: two texts that differ only by them look the same.
  if (category == UTF8PROC_CATEGORY_CF) return {Fold::kDrop, nullptr};
  return {Fold::kKeep, nullptr};
}

// A visible stand-in for a control character, so it is compared but never
// reaches a terminal raw: U+2400 + code for C0, U+2421 for DEL, U+FFFD for C1.
char32_t control_picture(char32_t cp) {
  if (cp < 0x20) return 0x2400 + cp;
  if (cp == 0x7F) return 0x2421;
  return 0xFFFD;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

using ascii::kHighBits;
using ascii::kOnes;

// The eight bytes at `p` as one word with the high bit of each byte that is
// a space set, and no other bit (exact: no carry crosses a byte).
uint64_t space_bits(const char* p) {
  uint64_t x = 0;
  std::memcpy(&x, p, 8);
  const uint64_t zero_where_space = x ^ (kOnes * ' ');
  return ~(((zero_where_space & ~kHighBits) + ~kHighBits) | zero_where_space) & kHighBits;
}

// Each byte's bits of `bits` moved to the byte after it in memory.
constexpr uint64_t to_next_byte(uint64_t bits) {
  return std::endian::native == std::endian::little ? bits << 8 : bits >> 8;
}

class Builder {
 public:
  explicit Builder(size_t capacity) {
    out_.text.reserve(capacity);
    out_.to_original.reserve(capacity + 1);
  }

  void space(size_t origin) {
    if (!out_.text.empty() && !pending_space_) {
      pending_space_ = true;
      space_origin_ = origin;
    }
  }

  void byte(char c, size_t origin) {
    flush_space();
    out_.text.push_back(c);
    out_.to_original.push_back(static_cast<uint32_t>(origin));
  }

  void bytes(std::string_view s, size_t origin) {
    for (char c : s) byte(c, origin);
  }

  void code_point(char32_t cp, size_t origin) {
    if (is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != '\v') cp = control_picture(cp);
    const Folded f = fold(cp);
    switch (f.fold) {
      case Fold::kSpace:
        space(origin);
        return;
      case Fold::kDrop:
        return;
      case Fold::kReplace:
        bytes(f.replacement, origin);
        return;
      case Fold::kKeep:
        break;
    }
    flush_space();
    const size_t before = out_.text.size();
    utf8::append(out_.text, cp);
    out_.to_original.insert(out_.to_original.end(), out_.text.size() - before, static_cast<uint32_t>(origin));
  }

  // A character and its combining marks, in NFKC (`first` alone if utf8proc
  // refuses them), every byte leading back to `origin`.
  void cluster(std::string_view text, char32_t first, size_t origin) {
    utf8proc_uint8_t* mapped = nullptr;
    const auto length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                     &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (length < 0) {
      code_point(first, origin);
    } else {
      const std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
      size_t p = 0;
      while (p < folded.size()) code_point(utf8::decode(folded, p), origin);
    }
    std::free(mapped);
  }

  // Printable ASCII and plain spaces, the bulk of most documents: copied in
  // one pass into room made for the whole run, inner runs of spaces folded
  // to their first, without per-character classification or push_back.
  void ascii_run(std::string_view run, size_t origin) {
    size_t begin = 0;
    while (begin < run.size() && run[begin] == ' ') space(origin + begin++);
    size_t end = run.size();
    while (end > begin && run[end - 1] == ' ') --end;
    if (begin < end) {
      flush_space();
      const size_t at = out_.text.size();  // == to_original.size() until finish()
      out_.text.resize(at + (end - begin));
      out_.to_original.resize(at + (end - begin));
      char* text = out_.text.data() + at;
      uint32_t* map = out_.to_original.data() + at;
      size_t n = 0;
      size_t k = begin;
      while (k < end) {
        // Eight bytes with no two spaces in a row among them (nor with the
        // byte before) are copied whole, their map a count: byte by byte,
        // this loop was 7% of a 10 MB pair's instructions.
        if (k + 8 <= end) {
          const uint64_t spaces = space_bits(run.data() + k);
          const bool joins_previous = k > begin && run[k] == ' ' && run[k - 1] == ' ';
          if ((spaces & to_next_byte(spaces)) == 0 && !joins_previous) {
            std::memcpy(text + n, run.data() + k, 8);
            for (size_t j = 0; j < 8; ++j) map[n + j] = static_cast<uint32_t>(origin + k + j);
            n += 8;
            k += 8;
            continue;
          }
        }
        for (const size_t stop = std::min(end, k + 8); k < stop; ++k) {
          if (run[k] == ' ' && run[k - 1] == ' ') continue;  // run[begin] is not a space
          text[n] = run[k];
          map[n] = static_cast<uint32_t>(origin + k);
          ++n;
        }
      }
      out_.text.resize(at + n);
      out_.to_original.resize(at + n);
    }
    if (end < run.size()) space(origin + end);
  }

  NormalizedText finish(size_t original_size) {
    out_.to_original.push_back(static_cast<uint32_t>(original_size));
    return std::move(out_);
  }

 private:
  void flush_space() {
    if (!pending_space_) return;
    pending_space_ = false;
    out_.text.push_back(' ');
    out_.to_original.push_back(static_cast<uint32_t>(space_origin_));
  }

  NormalizedText out_;
  bool pending_space_ = false;
  size_t space_origin_ = 0;
};

bool printable_ascii(char c) { return c >= 0x20 && c < 0x7F; }

// Length of the run of printable ASCII (0x20-0x7E) that starts `s`, tested
// eight bytes at a time (bit tricks for "some byte below 0x20" and "some
// byte above 0x7E"): most of a page is such runs.
size_t printable_ascii_prefix(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s.data() + i, 8);
    if (ascii::unprintable_in(x) != 0) break;
  }
  while (i < s.size() && printable_ascii(s[i])) ++i;
  return i;
}

// Code points that compose with the one before them although their combining
// class is 0: Hangul medial vowels and final consonants (L+V, LV+T) and some
// Indic and other vowel signs and length marks. They are the NFC_QC=Maybe
// entries of Unicode 15's DerivedNormalizationProps.txt outside the combining
// marks (utf8proc 2.8 does not expose the property).
bool composes_with_previous(char32_t cp) {
  static constexpr char32_t kSingles[] = {0x09BE,  0x09D7,  0x0B3E,  0x0B56,  0x0B57,  0x0BBE,  0x0BD7,
                                          0x0C56,  0x0CC2,  0x0CD5,  0x0CD6,  0x0D3E,  0x0D57,  0x0DCA,
                                          0x0DCF,  0x0DDF,  0x102E,  0x1B35,  0x110BA, 0x11127, 0x1133E,
                                          0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930};
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2)) return true;
  return std::find(std::begin(kSingles), std::end(kSingles), cp) != std::end(kSingles);
}

// The byte a code point stands for when UTF-8 was read as windows-1252 (or
// as Latin-1, for the five bytes windows-1252 leaves undefined), if it is a
// UTF-8 continuation byte (0x80 to 0xBF); else -1.
int misread_continuation(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) return static_cast<int>(cp);
  static constexpr char32_t kWindows1252[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                                0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  const auto* at = std::find(std::begin(kWindows1252), std::end(kWindows1252), cp);
  return at == std::end(kWindows1252) ? -1 : static_cast<int>(0x80 + (at - std::begin(kWindows1252)));
}

// Text that was UTF-8, read as windows-1252 and written out as UTF-8 again
// ("EspaÃ±ol" for "Español", "Nationâ€™s" for "Nation’s"): web archives'
// captures hold it, so two captures of one page differ by it alone. At
// `pos`, just after a code point `lead` that could open such a sequence (Â
// to ô), the code point the bytes stood for, and `pos` moved past them; else
// kInvalid and `pos` unchanged. Two-byte sequences can be real text (a
// German „Gruß“ ends in ß and a quote, which read as UTF-8 is an N'Ko
// letter): one is taken only when it makes a character of the scripts whose
// UTF-8 such captures mangle (Latin-1 from the no-break space on, Latin
// Extended-A, Greek, Cyrillic); longer ones, three or four characters in a
// row of these shapes, are not written by hand.
char32_t misread_utf8(char32_t lead, std::string_view text, size_t& pos) {
  if (lead < 0xC2 || lead > 0xF4) return utf8::kInvalid;
  const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char bytes[4] = {static_cast<char>(lead)};
  size_t n = 1;
  size_t at = pos;
  while (n < length && at < text.size()) {
    const int byte = misread_continuation(utf8::decode(text, at));
    if (byte < 0) return utf8::kInvalid;
    bytes[n++] = static_cast<char>(byte);
  }
  if (n < length) return utf8::kInvalid;
  size_t read = 0;
  const char32_t cp = utf8::decode(std::string_view(bytes, length), read);
  if (cp == utf8::kInvalid || read != length) return utf8::kInvalid;
  if (length == 2 && !(cp >= 0xA0 && cp <= 0x17F) && !(cp >= 0x370 && cp <= 0x4FF)) return utf8::kInvalid;
  pos = at;
  return cp;
}

// Whether NFKC may write `cp`, standing alone, otherwise: it has a canonical
// or compatibility decomposition in utf8proc's table. (A Hangul syllable's
// decomposition is made by rule, not kept there; it composes back to the
// syllable, which is thus rightly its own NFKC.)
bool decomposes(char32_t cp) {
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->decomp_seqindex != UINT16_MAX;
}

// True for a code point that belongs to the cluster of the one before it.
bool combining(char32_t cp) {
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0 || composes_with_previous(cp);
}

}  // namespace

NormalizedText normalize(std::string_view original) {
  Builder out(original.size());
  size_t pos = 0;
  while (pos < original.size()) {
    const size_t start = pos;
    const auto b = static_cast<unsigned char>(original[pos]);
    if (printable_ascii(original[pos])) {
      size_t end = pos + 1 + printable_ascii_prefix(original.substr(pos + 1));
      // The last character joins the cluster path when a combining mark follows it.
      if (end < original.size() && static_cast<unsigned char>(original[end]) >= 0x80 && end - pos > 1) --end;
      if (end < original.size() && static_cast<unsigned char>(original[end]) >= 0x80 && end - pos == 1) {
        // fall through to the cluster path below
      } else {
        out.ascii_run(original.substr(pos, end - pos), pos);
        pos = end;
        continue;
      }
    }
    // ASCII fast path, unless a combining mark follows and must join it.
    if (b < 0x80 && (pos + 1 >= original.size() || static_cast<unsigned char>(original[pos + 1]) < 0x80)) {
      ++pos;
      out.code_point(b, start);
      continue;
    }
    const char32_t cp = utf8::decode(original, pos);
    if (cp == utf8::kInvalid) {  // ingest refuses these; be safe for direct callers
      out.code_point(0xFFFD, start);
      continue;
    }
    if (const char32_t meant = misread_utf8(cp, original, pos); meant != utf8::kInvalid) {
      // What the capture meant, folded as it would have been, all of it
      // leading back to the first of the characters that spelled it.
      std::string repaired;
      utf8::append(repaired, meant);
      out.cluster(repaired, meant, start);
      continue;
    }
    // A cluster: the code point and the combining marks after it, normalized
    // together so that NFD and NFC spellings meet and a mark never stands alone.
    size_t end = pos;
    while (end < original.size()) {
      size_t next = end;
      const char32_t mark = utf8::decode(original, next);
      if (mark == utf8::kInvalid || !combining(mark)) break;
      end = next;
    }
    // Alone, common typography needs no utf8proc, nor does a code point
    // without a decomposition: it is its own NFKC. Most letters of most
    // scripts are such (all but the ideographs' compatibility forms of a
    // Japanese page), and utf8proc_map cost about 900 instructions each.
    if (end == pos && (fold(cp).fold != Fold::kKeep || !decomposes(cp))) {
      out.code_point(cp, start);
      continue;
    }
    out.cluster(original.substr(start, end - start), cp, start);
    pos = end;
  }
  return out.finish(original.size());
}

std::string repair_misread_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      out += text[pos++];
      continue;
    }
    const char32_t cp = utf8::decode(text, pos);
    if (const char32_t meant = misread_utf8(cp, text, pos); meant != utf8::kInvalid) {
      utf8::append(out, meant);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

bool in_comparison_form(std::string_view text) {
  if (printable_ascii_prefix(text) != text.size()) return false;
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  // No two spaces in a row, eight bytes at a time (a search for "  " stops
  // at every space, and prose has one every six bytes).
  const auto doubled = [&text](size_t at) { return at > 0 && text[at] == ' ' && text[at - 1] == ' '; };
  size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    const uint64_t spaces = space_bits(text.data() + at);
    if ((spaces & to_next_byte(spaces)) != 0 || doubled(at)) return false;
  }
  for (; at < text.size(); ++at) {
    if (doubled(at)) return false;
  }
  return true;
}

std::string normalize_text(std::string_view original) {
  if (in_comparison_form(original)) return std::string(original);  // most lines
  // Printable ASCII alone: what normalize()'s ASCII runs make, spaces
  // trimmed and each inner run of them kept as one, without the offset map
  // nobody reads here (4 bytes a byte, and its allocation).
  if (printable_ascii_prefix(original) == original.size()) {
    std::string out(original.size(), ' ');
    size_t n = 0;
    for (const char c : original) {
      if (c == ' ' && (n == 0 || out[n - 1] == ' ')) continue;
      out[n++] = c;
    }
    if (n > 0 && out[n - 1] == ' ') --n;
    out.resize(n);
    return out;
  }
  return normalize(original).text;
}

}  // namespace strata
