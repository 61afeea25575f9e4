// A SentenceCache shared by the documents of a history: a later version
// takes the readings of the sentences an earlier one read, results are the
// same as without it, and what it keeps stays within its bound.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "programmes/sentence_cache.hpp"
#include "segment/acronyms.hpp"
#include "segment/block_memo.hpp"
#include "segment/sentence_index.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "sys/generations.hpp"
#include "test_util.hpp"
#include "text/hash.hpp"

namespace strata {
namespace {

using classify_detail::ReadingMemo;
using classify_detail::SentenceIndex;

const std::vector<std::string> kSeries = {"page-2015", "guide-2016-2018", "page-2023", "page-2024"};

// Two versions of a real policy (GitHub's account terms, CC0): the second takes from the memo every
// sentence the first read, and each reading is the one read alone.
TEST(SentenceCache, LaterVersionReusesEarlierReadings) {
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  const Document older = test::parse(test::read_file(dir + "terms-2018-04-19.md"), "a.md");
  const Document newer = test::parse(test::read_file(dir + "terms-2018-05-10.md"), "b.md");
  ReadingMemo memo(size_t{64} << 20);
  const SentenceIndex first(older, nullptr, &memo);
  const SentenceIndex second(newer, nullptr, &memo);
  const SentenceIndex alone(newer);
  ASSERT_EQ(second.size(), alone.size());
  size_t shared = 0;
  for (uint32_t id = 0; id < second.size(); ++id) {
    const auto reading = second.reading(id);
    const auto expected = alone.reading(id);
    ASSERT_EQ(reading.text, expected.text);
    ASSERT_EQ(reading.size(), expected.size()) << reading.text;
    for (size_t t = 0; t < reading.size(); ++t) {
      EXPECT_EQ(reading.word(t), expected.word(t));
      EXPECT_EQ(reading.lower(t), expected.lower(t));
      EXPECT_EQ(reading.words[t].hash, expected.words[t].hash);
      EXPECT_EQ(reading.words[t].flags, expected.words[t].flags);
    }
    EXPECT_EQ(reading.digits, expected.digits);
    if (auto before = first.find(second.key(id))) {
      // The same storage: read once, by the first version.
      EXPECT_EQ(reading.tokens.data(), first.reading(*before).tokens.data());
      ++shared;
    }
  }
  // May 2018 capitalized "Account" in half the sentences of April's: the
  // others are April's readings, the edited ones read on their own.
  EXPECT_GE(shared, second.size() / 3);
  EXPECT_LT(shared, second.size());
}

// A sentence's signature holds each of its content words, read alone or
// from the memo, and turns away most sentences without a given word.
TEST(WordSignature, HoldsEachContentWordAndTurnsAwayMostOtherSentences) {
  using classify_detail::WordSignature;
  const Document doc = test::load_snapshot("page-2024");
  ReadingMemo memo(size_t{64} << 20);
  const SentenceIndex alone(doc);
  const SentenceIndex kept(doc, nullptr, &memo);
  ASSERT_EQ(alone.size(), kept.size());
  const uint64_t absent = util::word_hash("datagram");
  WordSignature only_absent;
  only_absent.add(absent);
  size_t content = 0;
  size_t passed = 0;
  for (uint32_t id = 0; id < alone.size(); ++id) {
    for (const SentenceIndex* index : {&alone, &kept}) {
      const auto reading = index->reading(id);
      ASSERT_NE(reading.signature, nullptr);
      for (size_t t = 0; t < reading.size(); ++t) {
        const uint32_t flags = reading.words[t].flags;
        if (!reading.tokens[t].word || (flags & (classify_detail::kStop | classify_detail::kNumber)) != 0) continue;
        WordSignature one;
        one.add(reading.words[t].hash);
        EXPECT_TRUE(reading.signature->shares_any(one)) << reading.word(t) << " in " << reading.text;
        ++content;
      }
    }
    passed += alone.reading(id).signature->shares_any(only_absent) ? 1 : 0;
  }
  EXPECT_GT(content, 1000u);
  // The page never says "datagram": the sentences it does not turn away are
  // those with a word that shares its bit, one in 256 a word.
  EXPECT_LT(passed * 5, alone.size());
}

// A word's folded form is kept in two bytes' length: one longer (only a
// hostile text has one) reads as written, hashed as folded, and the words
// after it fold as before.
TEST(WordInfo, WordTooLongForItsFoldReadsAsWritten) {
  classify_detail::Readings scratch;
  for (const size_t size : {size_t{65535}, size_t{65536}, size_t{70000}}) {
    const std::string word = "Q" + std::string(size - 1, 'x');
    const std::string text = "Under the " + word + " Programme.";
    const auto reading = classify_detail::read_alone(text, scratch);
    ASSERT_EQ(reading.size(), 5u);
    std::string lower = word;
    lower[0] = 'q';
    EXPECT_EQ(reading.lower(2), size <= 65535 ? std::string_view(lower) : std::string_view(word)) << size;
    EXPECT_EQ(reading.words[2].hash, util::word_hash(lower)) << size;
    EXPECT_TRUE(reading.is(2, classify_detail::kCapitalized)) << size;
    EXPECT_EQ(reading.lower(0), "under");
    EXPECT_EQ(reading.lower(3), "programme");
    EXPECT_TRUE(reading.is(3, classify_detail::kCapitalized | classify_detail::kHead));
  }
}

// Versions parsed with one cache share the texts of the blocks they have in
// common, and the memo's readings keep a share of the text they were read
// from rather than a copy: a later version finds its sentences' readings at
// its own bytes, so the lookup compares addresses, not texts.
TEST(SentenceCache, ReadingsShareTheTextsOfTheDocuments) {
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  LoadOptions cached;
  cached.sentences = std::make_shared<SentenceCache>();
  const auto older = load_document(dir + "terms-2018-04-19.md", cached);
  const auto newer = load_document(dir + "terms-2018-05-10.md", cached);
  ASSERT_TRUE(older && newer);
  ReadingMemo& memo = cached.sentences->memos().readings;
  const SentenceIndex first(*older, nullptr, &memo);
  const SentenceIndex second(*newer, nullptr, &memo);
  size_t shared = 0;
  size_t shared_at_own_bytes = 0;
  for (uint32_t id = 0; id < second.size(); ++id) {
    const auto reading = second.reading(id);
    ASSERT_EQ(reading.text, second.key(id));
    const bool own_bytes = reading.text.data() == second.key(id).data();
    if (first.find(second.key(id))) {
      ++shared;
      shared_at_own_bytes += own_bytes;
    } else {
      EXPECT_TRUE(own_bytes) << reading.text;  // read from the newer version's text
    }
  }
  // A sentence both versions hold is at the newer one's bytes when its
  // block is in both; a sentence of an edited block was segmented again,
  // into a text of its own, and is compared byte for byte.
  EXPECT_GE(shared, second.size() / 3);
  EXPECT_GT(shared_at_own_bytes, shared / 2);
}

// compare() over the bundled series with one cache for all pairs reports
// what it reports without, programmes, figures and wording included.
TEST(SentenceCache, ComparisonsAreTheSameWithAndWithout) {
  std::vector<Document> docs;
  for (const auto& id : kSeries) docs.push_back(test::load_snapshot(id));
  CompareOptions cached;
  cached.classification.cache = std::make_shared<SentenceCache>();
  for (size_t k = 0; k + 1 < docs.size(); ++k) {
    const std::string without = render_diff_json(compare(docs[k], docs[k + 1]));
    const ChangeSet with = compare(docs[k], docs[k + 1], cached);
    EXPECT_FALSE(with.programmes.empty()) << kSeries[k];  // there is something to read
    EXPECT_EQ(render_diff_json(with), without) << kSeries[k] << " -> " << kSeries[k + 1];
  }
}

// The registry reads the same series with a cache as without.
TEST(SentenceCache, RegistryIsTheSameWithAndWithout) {
  std::vector<Document> docs;
  std::vector<std::vector<KnownAcronym>> defined;
  for (const auto& id : kSeries) {
    docs.push_back(test::load_snapshot(id));
    defined.push_back(defined_acronyms(docs.back()));
  }
  const auto known = series_acronyms(defined);
  ProgrammeRegistry plain({}, known);
  ProgrammeRegistry cached({}, known, std::make_shared<SentenceCache>());
  for (size_t k = 0; k < docs.size(); ++k) {
    plain.add(docs[k], kSeries[k]);
    cached.add(docs[k], kSeries[k]);
  }
  const ProgrammeSeries a = plain.finish();
  const ProgrammeSeries b = cached.finish();
  ASSERT_EQ(a.rows.size(), b.rows.size());
  ASSERT_GT(a.rows.size(), 10u);
  for (size_t r = 0; r < a.rows.size(); ++r) {
    EXPECT_EQ(a.rows[r].name, b.rows[r].name);
    EXPECT_EQ(a.rows[r].mentions, b.rows[r].mentions) << a.rows[r].name;
    EXPECT_EQ(a.rows[r].earlier, b.rows[r].earlier) << a.rows[r].name;
  }
  EXPECT_EQ(a.renames.size(), b.renames.size());
}

// Versions parsed with one cache are the documents parsed without: the
// bundled series (plain text) and GitHub's account terms (Markdown).
TEST(SentenceCache, DocumentsAreTheSameWithAndWithout) {
  std::vector<std::string> paths;
  for (const auto& id : kSeries) paths.push_back(test::snapshot_path(id));
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  for (const char* name :
       {"terms-2018-04-19.md", "terms-2018-05-10.md", "terms-2021-12-14.md", "terms-2022-09-01.md"}) {
    paths.push_back(dir + name);
  }
  LoadOptions cached;
  cached.sentences = std::make_shared<SentenceCache>();
  size_t sentences = 0;
  for (const auto& path : paths) {
    auto plain = load_document(path);
    auto with = load_document(path, cached);
    ASSERT_TRUE(plain && with) << path;
    ASSERT_EQ(plain->sections.size(), with->sections.size()) << path;
    for (size_t s = 0; s < plain->sections.size(); ++s) {
      const Section& x = plain->sections[s];
      const Section& y = with->sections[s];
      ASSERT_EQ(x.blocks.size(), y.blocks.size()) << path;
      for (size_t k = 0; k < x.blocks.size(); ++k) {
        EXPECT_EQ(x.blocks[k].kind, y.blocks[k].kind);
        EXPECT_EQ(x.blocks[k].line, y.blocks[k].line);
        const auto a = x.sentences_of(x.blocks[k]);
        const auto b = y.sentences_of(y.blocks[k]);
        ASSERT_EQ(a.size(), b.size()) << path << " " << x.blocks[k].line;
        for (size_t i = 0; i < a.size(); ++i) {
          EXPECT_EQ(a[i].text, b[i].text);
          EXPECT_EQ(a[i].norm, b[i].norm);
          ++sentences;
        }
      }
    }
  }
  EXPECT_GT(sentences, 200u);
}

// A block is split once whichever version holds it; as one claim (a list
// item) or as sentences (a paragraph), it is two blocks.
TEST(SentenceCache, BlocksAreSplitOnce) {
  outline::BlockMemo memo(size_t{1} << 20);
  int reads = 0;
  const auto read = [&] {
    ++reads;
    return outline::BlockMemo::Sentences(1);
  };
  const std::string text = "One sentence. Another one.";
  const auto first = memo.get(text, true, read);
  const auto again = memo.get(std::string(text), true, read);
  EXPECT_EQ(first.get(), again.get());
  EXPECT_EQ(reads, 1);
  memo.get(text, false, read);
  EXPECT_EQ(reads, 2);
}

// A document whose blocks would not fit in one generation of the memo is
// parsed without it (its first blocks would be gone before another document
// asked for them); one that fits fills it. Both are the documents parsed
// without a cache.
TEST(SentenceCache, DocumentTooLargeForAGenerationIsParsedWithoutIt) {
  const std::string path = test::snapshot_path("page-2023");
  const auto plain = load_document(path);
  ASSERT_TRUE(plain);
  const std::string page = test::read_file(path);
  for (const size_t bound : {size_t{64} << 10, size_t{64} << 20}) {
    LoadOptions cached;
    cached.sentences = std::make_shared<SentenceCache>(bound);
    auto& blocks = cached.sentences->memos().blocks;
    const bool fits = blocks.fits(page.size());
    EXPECT_EQ(fits, bound > (size_t{1} << 20)) << bound;
    const auto with = load_document(path, cached);
    ASSERT_TRUE(with);
    EXPECT_EQ(blocks.size() > 0, fits) << bound;
    EXPECT_EQ(render_outline_json(*with), render_outline_json(*plain));
  }
}

// Only a "(" followed, past spaces, by a capital can open a definition.
TEST(SentenceCache, AcronymDefinitionsNeedAParenthesisAndACapital) {
  EXPECT_TRUE(classify_detail::may_define_acronym("the Comprehensive Assistance Package (CAP)"));
  EXPECT_TRUE(classify_detail::may_define_acronym("the Package ( CAP ) and"));
  EXPECT_TRUE(
      classify_detail::may_define_acronym("the Package (\xc2\xa0"
                                          "CAP)"));  // a no-break space
  EXPECT_TRUE(classify_detail::may_define_acronym("(see below) the Package (CAP)"));
  EXPECT_FALSE(classify_detail::may_define_acronym("as agreed (see below), the package"));
  EXPECT_FALSE(classify_detail::may_define_acronym("no parenthesis at all"));
  EXPECT_FALSE(classify_detail::may_define_acronym("ends on ("));
  // A sentence the filter turns away defines nothing when read.
  for (const auto& id : kSeries) {
    const Document doc = test::load_snapshot(id);
    classify_detail::Readings scratch;
    for (const auto& section : doc.sections) {
      for (const auto& sentence : section.sentences) {
        const auto key = classify_detail::key_of(sentence);
        if (classify_detail::may_define_acronym(key)) continue;
        EXPECT_TRUE(classify_detail::find_definitions(classify_detail::read_alone(key, scratch)).empty()) << key;
      }
    }
  }
}

struct Key {
  std::string text;
  bool operator==(std::string_view probe) const { return text == probe; }
  const char* data() const { return text.data(); }  // what find_many() prefetches
};

// What the memo keeps: found by hash and whole key, moved forward when
// found, dropped a generation at a time.
TEST(Generations, KeepsFindsAndDropsTheOlderHalf) {
  util::Generations<Key, int> memo(1000);  // generations of 500 bytes
  memo.keep(1, Key{"one"}, std::make_shared<const int>(1), 100);
  ASSERT_NE(memo.find(1, std::string_view("one")), nullptr);
  EXPECT_EQ(*memo.find(1, std::string_view("one")), 1);
  // The same hash with another key is a miss, never the wrong value.
  EXPECT_EQ(memo.find(1, std::string_view("uno")), nullptr);
  EXPECT_EQ(memo.find(2, std::string_view("one")), nullptr);
  // Larger than a generation: handed back, not kept.
  const auto big = memo.keep(3, Key{"big"}, std::make_shared<const int>(3), 600);
  EXPECT_EQ(*big, 3);
  EXPECT_EQ(memo.find(3, std::string_view("big")), nullptr);
  // Four more fill the first generation: it becomes the older one.
  for (uint64_t h = 10; h < 14; ++h) memo.keep(h, Key{std::to_string(h)}, std::make_shared<const int>(0), 100);
  memo.keep(20, Key{"20"}, std::make_shared<const int>(20), 100);
  EXPECT_EQ(memo.size(), 6u);
  // Found in the older generation, "one" moves to the newer and outlives
  // the next turn; the others of its generation do not.
  ASSERT_NE(memo.find(1, std::string_view("one")), nullptr);
  for (uint64_t h = 30; h < 34; ++h) memo.keep(h, Key{std::to_string(h)}, std::make_shared<const int>(0), 100);
  EXPECT_NE(memo.find(1, std::string_view("one")), nullptr);
  EXPECT_EQ(memo.find(10, std::string_view("10")), nullptr);
  EXPECT_LE(memo.size(), 10u);  // two generations of at most five
}

// Many entries whose hashes differ only in their high bits, or come in a
// run, all found again with their own value through the table's growth;
// those moved forward from the older generation too.
TEST(Generations, FindsEveryEntryThroughGrowthAndClusters) {
  util::Generations<Key, int> memo(size_t{1} << 30);
  std::vector<uint64_t> hashes;
  for (uint64_t k = 0; k < 5000; ++k) hashes.push_back(k << 40);        // equal low bits
  for (uint64_t k = 0; k < 5000; ++k) hashes.push_back(1'000'000 + k);  // a run
  for (size_t i = 0; i < hashes.size(); ++i)
    memo.keep(hashes[i], Key{std::to_string(i)}, std::make_shared<const int>(static_cast<int>(i)), 1);
  EXPECT_EQ(memo.size(), hashes.size());
  for (size_t i = 0; i < hashes.size(); ++i) {
    const auto found = memo.find(hashes[i], std::string_view(std::to_string(i)));
    ASSERT_NE(found, nullptr) << i;
    EXPECT_EQ(*found, static_cast<int>(i));
    EXPECT_EQ(memo.find(hashes[i], std::string_view("other")), nullptr);
  }
  EXPECT_EQ(memo.find(7, std::string_view("0")), nullptr);
  // A small bound: every find moves an entry forward from the older
  // generation, which stays right while it empties.
  util::Generations<Key, int> small(200);  // generations of 100 entries of 1 byte
  for (uint64_t h = 0; h < 150; ++h) small.keep(h << 50, Key{std::to_string(h)}, std::make_shared<const int>(h), 1);
  // 0 to 99 are the older generation: each found moves forward.
  for (int round = 0; round < 2; ++round) {
    for (uint64_t h = 0; h < 150; ++h) {
      const auto found = small.find(h << 50, std::string_view(std::to_string(h)));
      ASSERT_NE(found, nullptr) << h;
      EXPECT_EQ(*found, static_cast<int>(h));
    }
  }
  EXPECT_EQ(small.size(), 150u);
}

// Looked up together, over several groups: the same answers as one at a
// time, misses included (another key under a kept hash, a hash not kept),
// and entries of the older generation moved forward as find() moves them.
TEST(Generations, FindManyAnswersAsFindDoes) {
  util::Generations<Key, int> memo(400);  // generations of 200 entries of 1 byte
  for (uint64_t h = 0; h < 300; ++h) memo.keep(h << 40, Key{std::to_string(h)}, std::make_shared<const int>(h), 1);
  // 0 to 199 are the older generation, 200 to 299 the newer.
  std::vector<uint64_t> hashes;
  std::vector<std::string> texts;
  for (uint64_t h = 0; h < 310; ++h) {
    hashes.push_back(h << 40);
    texts.push_back(h % 7 == 3 ? "other" : std::to_string(h));
  }
  const std::vector<std::string_view> probes(texts.begin(), texts.end());
  std::vector<std::shared_ptr<const int>> found(hashes.size());
  memo.find_many(hashes.data(), probes.data(), hashes.size(), found.data());
  for (uint64_t h = 0; h < hashes.size(); ++h) {
    if (h >= 300 || h % 7 == 3) {
      EXPECT_EQ(found[h], nullptr) << h;
    } else {
      ASSERT_NE(found[h], nullptr) << h;
      EXPECT_EQ(*found[h], static_cast<int>(h));
    }
  }
  // Those found in the older generation moved to the newer, which the next
  // entry kept turns over: they outlive the older one, the others do not.
  memo.keep(1000, Key{"last"}, std::make_shared<const int>(0), 1);
  EXPECT_NE(memo.find(uint64_t{1} << 40, std::string_view("1")), nullptr);
  EXPECT_EQ(memo.find(uint64_t{3} << 40, std::string_view("3")), nullptr);  // never found, dropped
}

}  // namespace
}  // namespace strata
