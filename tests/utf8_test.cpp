// UTF-8 validation: the first invalid byte is found wherever it sits, in
// the blocks the ASCII fast path skips and in the tail after them; a text
// read backwards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace strata {
namespace {

struct Row {
  std::string text;
  size_t invalid;  // npos: valid
};

TEST(Utf8FindInvalid, FindsTheFirstInvalidByteAnywhere) {
  const std::string ascii(70, 'a');
  const size_t npos = std::string_view::npos;
  const std::vector<Row> rows = {
      {"", npos},
      {ascii, npos},
      {ascii + "\xC3\xA9" + ascii + "\xE2\x80\x99" + ascii + "\xF0\x9F\x98\x80" + ascii, npos},
      {"\xFF" + ascii, 0},
      {ascii.substr(0, 31) + "\xFF" + ascii, 31},  // last byte of the first 32-byte block
      {ascii.substr(0, 32) + "\xFF" + ascii, 32},
      {ascii.substr(0, 45) + "\xC3" + ascii, 45},            // a lead byte without its continuation
      {ascii.substr(0, 40) + "\xC3\xA9\xE2\x80" + "b", 42},  // cut three-byte sequence after a valid one
      {ascii + "\x80", 70},                                  // a lone continuation byte in the tail
      {ascii.substr(0, 5) + "\xC0\xAF", 5},                  // overlong encoding of '/'
      {ascii.substr(0, 9) + "\xED\xA0\x80", 9},              // a UTF-16 surrogate
  };
  for (const Row& row : rows) EXPECT_EQ(utf8::find_invalid(row.text), row.invalid) << row.text.size();
}

// Read backwards, each code point is whole, one to four bytes long.
TEST(Utf8DecodeBefore, ReadsATextBackwards) {
  const std::string text = "a\u00e9\u201d\U0001F600.";
  std::u32string back;
  size_t end = text.size();
  std::vector<size_t> starts;
  while (end > 0) {
    size_t start = 0;
    back += utf8::decode_before(text, end, start);
    starts.push_back(start);
    end = start;
  }
  EXPECT_EQ(back, (std::u32string{U'.', U'\U0001F600', U'\u201d', U'\u00e9', U'a'}));
  EXPECT_EQ(starts, (std::vector<size_t>{10, 6, 3, 1, 0}));
}

}  // namespace
}  // namespace strata
