// What the HTML reader asks of one gumbo node, and how it folds text.
#pragma once

#include <gumbo.h>
#include <string>
#include <string_view>

namespace strata::readers {

std::string_view tag_name(const GumboNode* node);  // lowercase, for unknown tags too
bool is_element(const GumboNode* node);
std::string_view attribute(const GumboNode* node, const char* name);  // empty when absent

// An <img> declared one pixel wide and high (or less) is a tracking
// pixel, not a picture of the page: its source (often with a fresh query per
// visit) is not a link of the text.
bool tracking_pixel(const GumboNode* node);

bool space(char c);  // HTML white space
// Appends `text` with its white space runs folded to one space, never leading.
void append_folded(std::string& out, std::string_view text);
void trim(std::string& s);  // drops leading and trailing spaces

enum class Role { kBlock, kInline, kSkip };
Role role_of(std::string_view tag);

}  // namespace strata::readers
