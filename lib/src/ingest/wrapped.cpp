#include "ingest/wrapped.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "text/ascii.hpp"
#include "text/marks.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

namespace strata {

namespace {

// A paragraph of running text: the blocks a wrapped line can be.
bool paragraph(const RawBlock& b) {
  return b.kind == RawBlock::Kind::kParagraph || (b.kind == RawBlock::Kind::kLine && !b.bullet);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && ascii::space(s.back())) s.remove_suffix(1);
  while (!s.empty() && ascii::space(s.front())) s.remove_prefix(1);
  return s;
}

// The text ends a sentence or a clause that stands alone: . ! ? … : ; | and
// closing brackets or quotes after one of them.
bool closed(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t start = 0;
    const char32_t cp = utf8::decode_before(s, end, start);
    if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == '|' || cp == 0x2026) return true;
    if (!closes_quotation(cp) && cp != ' ' && cp != 0xA0 && cp != 0x202F) return false;
    end = start;
  }
  return false;
}

// A line of digits alone: a page number of an extracted PDF.
bool page_number(std::string_view s) {
  return !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A line that is an address alone ("https://...", "www.example.org"): a list
// of them goes on in lower case without any sentence going on.
bool address(std::string_view s) {
  return s.find(' ') == std::string_view::npos &&
         (s.find("://") != std::string_view::npos || s.starts_with("www.") || s.find('@') != std::string_view::npos);
}

// The next line opens an item of its own: "a.", "b)", "ii.", "xvii)",
// "ex." (a French list's "for example"), or a bullet drawn as a letter
// ("o "). A word that ends a sentence ("month.") opens none.
bool enumerator(std::string_view s) {
  if (s.size() > 1 && s[0] == 'o' && s[1] == ' ') return true;
  size_t n = 0;
  while (n < s.size() && n < 6 && ascii::lower_case(s[n])) ++n;
  if (n == 0 || n == s.size() || (s[n] != '.' && s[n] != ')') || (n + 1 < s.size() && s[n + 1] != ' ')) return false;
  const std::string_view mark = s.substr(0, n);
  return n == 1 || mark == "ex" || mark.find_first_not_of("ivxlc") == std::string_view::npos;
}

// "2. Scope", "3) Fees", "2.1 Scope", "4.2.1Avant" (a PDF's number glued to
// its heading): a numbered item or heading of its own. A number that goes
// on a sentence ("2.5 million euros", "10.000 clients") is none.
bool numbered(std::string_view s) {
  size_t n = 0;
  bool dotted = false;
  while (n < s.size() && ascii::digit(s[n])) {
    ++n;
    if (n + 1 < s.size() && s[n] == '.' && ascii::digit(s[n + 1])) {
      dotted = true;
      ++n;
    }
  }
  if (n == 0) return false;
  if (n == s.size()) return dotted;
  if (s[n] == '.' || s[n] == ')') return true;
  return dotted && !(s[n] == ' ' && classify_detail::is_lowercase_word(s.substr(n + 1)));
}

// Letters, and every one of them a capital ("ARTICLE 6 : FARES"): the first
// 40 bytes tell.
bool capitals(std::string_view s) {
  s = s.substr(0, 40);
  return std::any_of(s.begin(), s.end(), ascii::upper) && std::none_of(s.begin(), s.end(), ascii::lower_case) &&
         classify_detail::is_capitalized(s);
}

// Neither side is page furniture, an address alone, a heading in capitals
// or a new item, and `before` leaves its sentence open.
bool may_go_on(std::string_view before, std::string_view next) {
  return !before.empty() && !next.empty() && !closed(before) && !page_number(before) && !page_number(next) &&
         !enumerator(next) && !numbered(next) && !address(before) && !address(next) && !capitals(before);
}

// What makes a document hard-wrapped: a paragraph that leaves its sentence
// open, and a next one that goes on in lower case. Nothing else is counted:
// a web page's short link lines ("Privacy policy", "Terms of use") also end
// on a lower-case letter before a capital.
bool wrapped_here(std::string_view before, std::string_view next) {
  return classify_detail::is_lowercase_word(next) && may_go_on(before, next);
}

// In a hard-wrapped document, `next` goes on from `before`: in lower case, or
// with a number ("FR" then "92 443 617 725"), or after a comma or an
// opening bracket or quote, or with a capitalized word after a lower-case
// one ("vous pouvez consulter les" then "Conditions.") unless it is
// written in capitals, as headings are.
bool goes_on(std::string_view before, std::string_view next) {
  if (!may_go_on(before, next)) return false;
  // "les" then "« Plateformes »)": the quotation goes on the sentence.
  for (std::string_view mark : {"\u00AB", "\u201C", "\"", "(", "["}) {
    if (next.starts_with(mark)) {
      next.remove_prefix(mark.size());
      break;
    }
  }
  while (!next.empty() && (next.front() == ' ' || next.starts_with("\u00A0"))) {
    next.remove_prefix(next.front() == ' ' ? 1 : 2);
  }
  if (next.empty()) return false;
  if (classify_detail::is_lowercase_word(next) || ascii::digit(next.front())) return true;
  const char last = before.back();
  if (last == ',' || last == '(' || last == '[' || before.ends_with("\u00AB") || before.ends_with("\u201C")) {
    return true;
  }
  // The weakest sign: only a full line, not a short item or label, goes on
  // into a capital, and into a word in capitals ("US-ASCII octet range",
  // "MIME message", as RFCs wrap) only when lower case follows it: a
  // heading is in capitals throughout.
  if (before.size() < kMinFullLineBytes) return false;
  const std::string_view last_word = before.substr(before.rfind(' ') + 1);
  return classify_detail::is_lowercase_word(last_word) &&
         (ascii::alpha(last_word.back()) || static_cast<unsigned char>(last_word.back()) >= 0x80) &&
         classify_detail::is_capitalized(next) && !capitals(next);
}

}  // namespace

WrappedJoin join_wrapped_lines(std::vector<RawBlock>& blocks) {
  // Every text is looked at once, and most end a sentence: the search costs
  // a document that is not wrapped a few instructions a paragraph.
  size_t paragraphs = 0;
  size_t boundaries = 0;
  std::string_view before;  // the paragraph before this block, if it left its sentence open
  for (const RawBlock& b : blocks) {
    if (!paragraph(b)) {
      before = {};
      continue;
    }
    ++paragraphs;
    const std::string_view text = trimmed(b.text);
    if (!before.empty() && wrapped_here(before, text)) ++boundaries;
    before = closed(text) ? std::string_view() : text;
  }
  if (boundaries < kMinWrappedBoundaries ||
      static_cast<double>(boundaries) < kMinWrappedShare * static_cast<double>(paragraphs)) {
    return {};
  }

  // Joined in place: `open` is the paragraph being extended, `kept` the
  // end of the blocks kept so far.
  size_t kept = 0;
  size_t open = blocks.size();
  std::string text;    // the open paragraph's text, while it grows
  bool grown = false;  // something was joined to it (its own text is shared: left alone otherwise)
  auto close = [&] {
    if (grown) blocks[open].text = SharedText(text);
    open = blocks.size();
    text.clear();
    grown = false;
  };
  WrappedJoin out;
  // `next` goes on from the open paragraph; `fits` also within the size cap.
  const auto goes_on_open = [&](const RawBlock& next) {
    return open != blocks.size() && paragraph(next) && goes_on(text, trimmed(next.text));
  };
  const auto fits = [&](const RawBlock& next) { return text.size() + next.text.size() < kMaxJoinedBytes; };
  for (size_t i = 0; i < blocks.size(); ++i) {
    RawBlock& b = blocks[i];
    // A page number between the two parts of a sentence stays, after it.
    if (i + 1 < blocks.size() && page_number(trimmed(b.text)) && goes_on_open(blocks[i + 1]) && fits(blocks[i + 1])) {
      std::swap(blocks[i], blocks[i + 1]);
    }
    const bool goes = goes_on_open(b);
    if (goes && !fits(b)) ++out.capped;
    if (goes && fits(b)) {
      const std::string_view more = trimmed(b.text);
      // "corres-" and "pondant" are one word; "sous-" and "traitants" keep their hyphen.
      if (!(text.ends_with('-') && text.size() > 1 && !ascii::space(text[text.size() - 2]))) text += ' ';
      text += more;
      for (Link& link : b.links) blocks[open].links.push_back(std::move(link));
      grown = true;
      ++out.joined;
      continue;
    }
    close();
    if (kept != i) blocks[kept] = std::move(b);
    if (paragraph(blocks[kept])) {
      open = kept;
      text = std::string(trimmed(blocks[kept].text));
    }
    ++kept;
  }
  close();
  blocks.resize(kept);
  return out;
}

}  // namespace strata
