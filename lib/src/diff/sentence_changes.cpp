#include "diff/sentence_changes.hpp"

#include <algorithm>
#include <string>

#include "align/claims.hpp"
#include "segment/segment.hpp"
#include "strata/diff.hpp"

namespace strata::diff {
namespace {

std::vector<std::string_view> sentences_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (const Span& s : split_sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

std::vector<SentenceChange> sentence_changes(std::string_view old_text, std::string_view new_text, size_t max_cells) {
  const std::vector<std::string_view> olds = sentences_of(old_text);
  const std::vector<std::string_view> news = sentences_of(new_text);
  if ((olds.size() < 2 && news.size() < 2) || olds.size() > kMaxClaimSentences || news.size() > kMaxClaimSentences) {
    return {};
  }
  const size_t n = olds.size();
  const size_t m = news.size();
  std::vector<align::Bag> old_bags;
  std::vector<align::Bag> new_bags;
  for (std::string_view s : olds) old_bags.push_back(align::bag_of(s));
  for (std::string_view s : news) new_bags.push_back(align::bag_of(s));
  // best[i][j]: the most the sentences from i and j on can score in pairs
  // kept in order (a small alignment table, as for the words of a diff).
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
  std::vector<std::vector<double>> score(n, std::vector<double>(m, 0.0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      score[i][j] = olds[i] == news[j] ? 1.0 : align::dice(old_bags[i], new_bags[j]);
      double pair = score[i][j] >= kMinSentencePair ? score[i][j] + best[i + 1][j + 1] : 0.0;
      best[i][j] = std::max({pair, best[i + 1][j], best[i][j + 1]});
    }
  }
  std::vector<SentenceChange> out;
  bool paired = false;
  size_t i = 0;
  size_t j = 0;
  auto removed = [&](size_t k) { out.push_back({ChangeStatus::kRemoved, std::string(olds[k]), "", {}}); };
  auto added = [&](size_t k) { out.push_back({ChangeStatus::kAdded, "", std::string(news[k]), {}}); };
  while (i < n && j < m) {
    if (score[i][j] >= kMinSentencePair && best[i][j] == score[i][j] + best[i + 1][j + 1]) {
      SentenceChange c{ChangeStatus::kUnchanged, std::string(olds[i]), std::string(news[j]), {}};
      if (olds[i] != news[j]) {
        c.status = ChangeStatus::kModified;
        c.diff = word_diff(olds[i], news[j], max_cells);
      }
      out.push_back(std::move(c));
      paired = true;
      ++i;
      ++j;
    } else if (best[i][j] == best[i + 1][j]) {
      removed(i++);
    } else {
      added(j++);
    }
  }
  while (i < n) removed(i++);
  while (j < m) added(j++);
  if (!paired) return {};
  return out;
}

}  // namespace strata::diff
