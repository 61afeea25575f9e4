// What the HTML pages share: escaping, ids, the page shell, status badges.
// Internal to render.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/select.hpp"
#include "strata/change.hpp"

namespace strata::render {

// Text for element content and quoted attribute values: & < > " ' become
// references; controls, bidi controls and characters that take no space
// become visible markers ("<U+202E>"), as on a terminal. Defined in
// escape.cpp with the other escapers.
std::string html_escape(std::string_view text);

// The ids of one page: each made of [a-z0-9-] only, starts with a letter,
// and is handed out once (a repeated base gets "-2", "-3", ...).
class Anchors {
 public:
  std::string make(std::string_view base);

 private:
  std::set<std::string> taken_;
};

// A whole page: doctype, language, the Content-Security-Policy (nothing may
// be fetched; the one stylesheet and the one script are allowed by their
// SHA-256), the stylesheet, `body` (markup, already escaped) and the script.
std::string html_page(std::string_view title, std::string_view body);

// The stylesheet and the script every page carries (html_style.cpp).
std::string_view html_stylesheet();
std::string_view html_script();

// "<span class="badge st-added"><span aria-hidden="true">+</span> added</span>":
// a sign and a word, so that colour is never the only signal.
std::string status_badge(ChangeStatus status);
std::string status_badge(LinkStatus status);  // "~ repointed" looks like "~ modified"
// The same with a number before the word: "+ 53 added".
std::string status_badge(ChangeStatus status, int count);
std::string status_class(ChangeStatus status);  // "st-added"

// At most `length` code points of `text`, cut after the last word that fits
// when there is one, with an ellipsis when anything was cut.
std::string shortened(const std::string& text, size_t length);

// The title of the section `id` on one side of `changes` ("the lead" for
// the lead, the id itself when no section change names it).
std::string section_title(const ChangeSet& changes, const std::string& id, bool old_side);

// A link to a file beside the page: "./" and the name with every byte
// outside [A-Za-z0-9._-] percent-encoded, so that no name can read as a
// scheme ("javascript:"), a query or a fragment.
std::string file_href(std::string_view name);

// A claim's text, isolated from the direction of the text around it.
std::string isolated(std::string_view text);

// The page's header band: the heading over `inner`, both markup.
std::string page_header(std::string_view heading, std::string_view inner);
// The skip link's target and the contents bar: (anchor, label) pairs.
std::string page_nav(const std::vector<std::pair<std::string, std::string>>& entries);
std::string page_footer(std::string_view inner);

// The ids of a comparison page, made once in document order so that the
// section map and the claims link to each other.
struct DiffAnchors {
  Anchors ids;
  std::map<std::string, std::string> old_section;  // section id -> its entry in the old outline
  std::map<std::string, std::string> new_section;  // ... in the new outline
  // A section side's claims, when any are shown: keyed by the side that
  // heads the group (an old section maps to its first new part's group);
  // null for the lead.
  std::map<const SectionSide*, std::string> group;
  std::map<const ClaimChange*, std::string> claim;
  std::map<const ProgrammeChange*, std::string> programme;  // its row, when shown
};

// "Highlights" (html_highlights.cpp): the narrative and the most significant
// changes, each linked to where the page shows it. Empty when the ChangeSet
// has neither.
std::string highlights_part(const ChangeSet& changes, const DiffAnchors& anchors);

// "Claims by section" (html_claims.cpp): each group's claims with word
// diffs inline and side by side, moved claims linked both ways.
std::string claims_part(const ChangeSet& changes, const std::vector<ClaimGroup>& groups, const DiffAnchors& anchors);

}  // namespace strata::render
