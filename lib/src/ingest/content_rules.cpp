#include "ingest/content_rules.hpp"

#include "text/ascii.hpp"

namespace strata::html_rules {

namespace {

struct Bundled {
  std::string_view name;
  std::string_view selector;
  bool page_only;  // chrome of a page, kept in a fragment
};

// Elements a reader never sees, then the page's chrome (docs/inputs.md).
constexpr Bundled kBundled[] = {
    {"script", "script, style, template, link, meta", false},
    {"hidden", "[hidden], [aria-hidden=true]", false},
    {"noscript", "noscript", true},
    {"embedded", "iframe, object, embed, canvas, svg", true},
    {"form-control", "button, select, textarea, input", true},
    {"nav", "nav, [role=navigation], [role=search], [role=menu], [role=menubar]", true},
    {"aside", "aside, [role=complementary]", true},
    {"dialog", "dialog, [role=dialog], [role=alertdialog], [aria-modal=true]", true},
};

// An id or class names a consent banner when it says what the banner is about
// and that it is a banner ("cookie-banner", "gdpr-notice", "consent-bar"), or
// names a consent platform ("onetrust-consent-sdk", "CybotCookiebotDialog").
// A topic word alone is not enough: a cookie policy has a section id="cookies".
constexpr std::string_view kBannerTopics[] = {"cookie", "consent", "gdpr"};
constexpr std::string_view kBannerShapes[] = {"banner", "bar",     "notice", "popup", "modal",
                                              "dialog", "overlay", "prompt", "wall",  "sdk"};
constexpr std::string_view kConsentPlatforms[] = {"onetrust", "cookiebot", "cc-window", "cookie-law", "truste"};

bool hidden_by_style(const css::Element& e) {
  const std::string_view* style = e.attribute("style");
  if (style == nullptr) return false;
  std::string compact;
  for (char c : *style) {
    if (c != ' ' && c != '\t' && c != '\n') compact.push_back(ascii::lower(c));
  }
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

bool names_banner(const css::Element& e) {
  for (std::string_view key : {std::string_view("id"), std::string_view("class")}) {
    const std::string_view* value = e.attribute(key);
    if (value == nullptr) continue;
    const std::string lower = ascii::lower(*value);
    auto has_any = [&](const auto& words) {
      for (std::string_view word : words) {
        if (lower.find(word) != std::string::npos) return true;
      }
      return false;
    };
    if (has_any(kConsentPlatforms) || (has_any(kBannerTopics) && has_any(kBannerShapes))) return true;
  }
  return false;
}

// <header> and <footer> of the page are chrome; inside an article, a main or
// a section they head or close the text itself (its title, its date).
bool page_level(const css::Element& e) {
  for (const css::Element* a = e.parent; a != nullptr; a = a->parent) {
    if (a->tag == "article" || a->tag == "main" || a->tag == "section") return false;
    const std::string_view* role = a->attribute("role");
    if (role != nullptr && *role == "main") return false;
  }
  return true;
}

}  // namespace

Result<ContentRules> ContentRules::make(const ContentSelectors& selectors, bool page) {
  ContentRules rules;
  rules.page_ = page;
  for (const Bundled& b : kBundled) {
    if (b.page_only && !page) continue;
    auto selector = css::Selector::parse(b.selector);
    if (!selector) return selector.error();
    rules.rules_.push_back(Rule{std::string(b.name), std::move(*selector)});
  }
  if (!page) return rules;
  for (const std::string& text : selectors.remove) {
    auto selector = css::Selector::parse(text);
    if (!selector) return selector.error();
    rules.rules_.push_back(Rule{"remove " + text, std::move(*selector)});
  }
  for (const std::string& text : selectors.select) {
    auto selector = css::Selector::parse(text);
    if (!selector) return selector.error();
    rules.select_.push_back(std::move(*selector));
  }
  return rules;
}

std::string_view ContentRules::removing_rule(const css::Element& e) const {
  for (const Rule& rule : rules_) {
    if (rule.selector.matches(e)) return rule.name;
  }
  if (hidden_by_style(e)) return "hidden";
  if (!page_) return {};
  if (e.tag == "header" && page_level(e)) return "header";
  if (e.tag == "footer" && page_level(e)) return "footer";
  const std::string_view* role = e.attribute("role");
  if (role != nullptr && (*role == "banner" || *role == "contentinfo") && page_level(e))
    return *role == "banner" ? "header" : "footer";
  if (e.tag != "body" && e.tag != "html" && e.tag != "main" && names_banner(e)) return "cookie-banner";
  return {};
}

bool ContentRules::reported(std::string_view rule) { return rule != "script"; }

}  // namespace strata::html_rules
