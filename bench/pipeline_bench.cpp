// Reading speed: ingest -> normalize -> segment, in bytes per second.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "strata/compare.hpp"
#include "strata/load.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string seeds() {
  std::string all;
  for (const char* name :
       {"2015-05-06_page_natos-relations-with-ukraine.txt", "2018-04_guide_nato-ukraine-relations.txt",
        "2023_page_relations-with-ukraine.txt", "2024-07-02_page_natos-response-to-russias-invasion.txt",
        "undated_reference_ukraine-nato-relations.txt"}) {
    all += read(std::string(STRATA_SOURCE_DIR) + "/snapshots/" + name) + "\n\n";
  }
  return all;
}

// A 10 MB document: the bundled snapshots repeated, each copy's headings made distinct.
std::string ten_megabytes() {
  const std::string base = seeds();
  std::string out;
  int copy = 0;
  while (out.size() < (10u << 20)) out += "\n\nCopy " + std::to_string(++copy) + "\n\n" + base;
  return out;
}

void BM_ReadSeeds(benchmark::State& state) {
  const std::string text = seeds();
  for (auto _ : state) benchmark::DoNotOptimize(strata::parse_document(text, "seeds.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadSeeds);

void BM_Read10MB(benchmark::State& state) {
  const std::string text = ten_megabytes();
  for (auto _ : state) benchmark::DoNotOptimize(strata::parse_document(text, "big.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Read10MB)->Unit(benchmark::kMillisecond);

void BM_CompareSeeds2023To2024(benchmark::State& state) {
  auto a = strata::load_document(std::string(STRATA_SOURCE_DIR) + "/snapshots/2023_page_relations-with-ukraine.txt");
  auto b = strata::load_document(std::string(STRATA_SOURCE_DIR) +
                                 "/snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt");
  strata::CompareOptions options;
  options.classify = state.range(0) != 0;  // 0: align and diff only; 1: with classify
  for (auto _ : state) benchmark::DoNotOptimize(strata::compare(*a, *b, options));
}
BENCHMARK(BM_CompareSeeds2023To2024)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Compares N blocks, block(i) for each i, with the same N and `inserted`
// after the middle one, read as file `name` (its extension picks the reader).
template <typename Block>
void compare_one_inserted(benchmark::State& state, const char* name, Block block, const std::string& inserted) {
  const auto n = static_cast<size_t>(state.range(0));
  std::string old_text, new_text;
  for (size_t i = 0; i < n; ++i) {
    const std::string text = block(i);
    old_text += text;
    new_text += text;
    if (i == n / 2) new_text += inserted;
  }
  auto a = strata::parse_document(old_text, name);
  auto b = strata::parse_document(new_text, name);
  for (auto _ : state) benchmark::DoNotOptimize(strata::compare(*a, *b));
}

// N identical lines and one other line in the middle: every line's exact
// partner is in one bucket of equal texts, the case that made exact pairing
// quadratic.
void BM_CompareRepeats(benchmark::State& state) {
  compare_one_inserted(
      state, "lines.txt", [](size_t) { return std::string("The same line again.\n"); }, "One inserted line.\n");
}
BENCHMARK(BM_CompareRepeats)->Arg(50000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The same with N sections of one title, one line each, and one section
// inserted: titles too common to tell sections apart are not matched pair
// by pair.
void BM_CompareRepeatedSections(benchmark::State& state) {
  compare_one_inserted(
      state, "sections.md", [](size_t) { return std::string("## Same heading\n\nThe same line again.\n\n"); },
      "## Other heading\n\nOne inserted line.\n\n");
}
BENCHMARK(BM_CompareRepeatedSections)->Arg(20000)->Unit(benchmark::kMillisecond);

// N sections whose titles differ but share words ("Programme area 17"),
// and one section inserted: a title word held by every section is skipped
// as a candidate source, and finding where its entries end must not walk
// them for each section that holds it.
void BM_CompareSharedTitleWords(benchmark::State& state) {
  compare_one_inserted(
      state, "areas.md",
      [](size_t i) {
        return "## Programme area " + std::to_string(i) + "\n\nThe line of area " + std::to_string(i) + " says " +
               std::to_string(i * 7) + ".\n\n";
      },
      "## Other heading\n\nOne inserted line.\n\n");
}
BENCHMARK(BM_CompareSharedTitleWords)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
