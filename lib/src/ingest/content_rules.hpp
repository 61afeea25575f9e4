// Which elements of an HTML page are not its document: the bundled chrome
// rules (scripts, hidden blocks, navigation, headers and footers of the page,
// asides, cookie banners) and the user's --remove and --select selectors.
// Works on css::Element, so it knows nothing of the parser. Internal to ingest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.hpp"
#include "ingest/selector.hpp"

namespace strata::html_rules {

class ContentRules {
 public:
  // `page`: a whole page, whose chrome is removed; otherwise a fragment (HTML
  // inside Markdown), of which only what is never shown is removed.
  static Result<ContentRules> make(const ContentSelectors& selectors, bool page);

  // The name of the first rule that removes `element` ("nav", "hidden",
  // "cookie-banner", "remove .promo", ...), or empty when none does.
  std::string_view removing_rule(const css::Element& element) const;
  // Whether a removal by `rule` is worth reporting: scripts and styles never
  // held prose, so listing them would bury the removals that did.
  static bool reported(std::string_view rule);

  // --select: keep only elements matching one of these (empty: automatic).
  const std::vector<css::Selector>& select() const { return select_; }
  bool page() const { return page_; }

 private:
  struct Rule {
    std::string name;
    css::Selector selector;
  };
  std::vector<Rule> rules_;
  std::vector<css::Selector> select_;
  bool page_ = true;
};

}  // namespace strata::html_rules
