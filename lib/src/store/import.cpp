// Writing versions: the batch streamed in windows, each checked on worker
// threads while the calling thread reads the next and writes the one before;
// the branch moves once, at the end, by compare-and-swap, under the writer
// lock.
#include <fmt/core.h>
#include <future>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "store/commit.hpp"
#include "store/lock.hpp"
#include "store/meta.hpp"
#include "store/odb.hpp"
#include "store/prepare.hpp"
#include "store/recover.hpp"
#include "store/revision.hpp"
#include "store/store_impl.hpp"
#include "sys/parallel.hpp"

namespace strata {

namespace {

// Snapshots read and checked at once. Import holds two windows (one being
// checked, one being written) and one Document per checking thread, whatever
// the length of the batch: 32 versions of a 300 KB page, about 10 MB. On the
// QUIC draft's history 16 gave a peak of 106 MiB where 32 gave 124, at the
// same CPU time; a window needs only enough snapshots to keep every checking
// thread busy.
constexpr size_t kWindow = 16;
// Checking is CPU-bound: beyond the machine's cores more threads only wait.
constexpr size_t kPrepareThreads = 8;

// A batch already in memory, as a source.
class VectorSource final : public SnapshotSource {
 public:
  explicit VectorSource(std::vector<Snapshot> snapshots) : snapshots_(std::move(snapshots)) {}
  size_t size() const override { return snapshots_.size(); }
  Result<Snapshot> read(size_t i) override { return snapshots_.at(i); }

 private:
  std::vector<Snapshot> snapshots_;
};

// Where each snapshot of the batch goes, decided in batch order against the
// stored versions and the batch's earlier snapshots: a new version (its id
// made unique if it was not given), or one already stored or planned.
class Planner {
 public:
  explicit Planner(const std::vector<VersionInfo>& stored) {
    for (const VersionInfo& v : stored) add(v, kStored);
  }

  // The version `p` already is: a stored one (`written` is kStored, with
  // its commit) or an earlier one of the batch (`written` is its index in
  // the chain of written versions); nullopt when `p` is new, which is then
  // planned under index `written`, its id made unique. An explicit id that
  // names other content refuses `p`.
  static constexpr size_t kStored = static_cast<size_t>(-1);
  struct Same {
    size_t written;
    std::string commit;  // of a stored version
  };
  Result<std::optional<Same>> plan(store::Prepared& p, size_t written) {
    VersionInfo& info = p.info;
    if (auto it = by_id_.find(info.id); it != by_id_.end()) {
      const Entry& same = entries_[it->second];
      if (same.info.reading_key() == info.reading_key()) return std::optional<Same>(same.as_same());
      if (p.explicit_id) {
        return make_error(ErrorCode::kInvalidArgument,
                          fmt::format("{}: id '{}' already names version {} with other content; choose another --id",
                                      p.source, info.id, store::version_label(same.info)));
      }
      const std::string base = info.id;
      for (int n = 2; by_id_.count(info.id) != 0; ++n) info.id = fmt::format("{}-{}", base, n);
    }
    // The version a snapshot dated `date` at `time` would follow: the last one
    // at or before them, in store order.
    if (auto key = store::parse_date_key(info.date); key) {
      if (auto after = by_order_.upper_bound(When{*key, info.time}); after != by_order_.begin()) {
        const Entry& before = entries_[std::prev(after)->second];
        if (before.info.reading_key() == info.reading_key()) return std::optional<Same>(before.as_same());
      }
    }
    add(info, written);
    return std::optional<Same>();
  }

 private:
  struct Entry {
    VersionInfo info;
    size_t written;
    Same as_same() const { return {written, info.commit}; }
  };
  using When = std::pair<store::DateKey, int64_t>;  // date, then time
  using OrderKey = std::pair<When, std::string>;    // then id: store order
  struct OrderLess {
    using is_transparent = void;
    bool operator()(const OrderKey& a, const OrderKey& b) const { return a < b; }
    bool operator()(const When& a, const OrderKey& b) const { return a < b.first; }
    bool operator()(const OrderKey& a, const When& b) const { return a.first < b; }
  };

  void add(const VersionInfo& info, size_t written) {
    const size_t k = entries_.size();
    entries_.push_back({info, written});
    by_id_.emplace(info.id, k);
    // Stored dates were checked as the chain was read, the batch's as it was.
    if (auto key = store::parse_date_key(info.date); key)
      by_order_.emplace(OrderKey{When{*key, info.time}, info.id}, k);
  }

  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_id_;
  std::map<OrderKey, size_t, OrderLess> by_order_;
};

using Checked = std::vector<std::optional<Result<store::Prepared>>>;

Checked check_window(std::vector<Snapshot> window, const store::SharedReads& reads) {
  Checked out(window.size());
  util::parallel_for(window.size(), kPrepareThreads,
                     [&](size_t k) { out[k].emplace(store::prepare(window[k], reads)); });
  return out;
}

// Snapshots [lo, lo + kWindow) of `source`, read on the calling thread
// (sources may use libgit2, whose repositories are never shared between
// threads).
Result<std::vector<Snapshot>> read_window(SnapshotSource& source, size_t lo) {
  std::vector<Snapshot> window;
  for (size_t i = lo; i < std::min(source.size(), lo + kWindow); ++i) {
    auto s = source.read(i);
    if (!s) return s.error();
    window.push_back(std::move(*s));
  }
  return window;
}

// With `options.sync`, flushes the objects written so far to disk, all at
// once, before a ref leads to them, and has libgit2 fsync what it writes
// from then on: the refs, and objects a prune made it write again.
Result<void> flush_written(git_repository* repo, const std::string& what, const ImportOptions& options) {
  if (!options.sync) return {};
  if (auto flushed = store::flush_store(repo, what); !flushed) return flushed.error();
  return store::set_git_fsync(repo, true, what);
}

// A new version rehearsed on the versions before a lost commit (its bytes
// dropped: they are read again if it is written).
struct Rehearsed {
  size_t index;  // in the source
  store::Prepared prepared;
  std::string what;
};

// Writes the rehearsed versions, whose last rehearsed as the lost commit, on
// the intact chain: the branch, which points to that commit, then leads to
// versions that are all in the store again, and exactly those it led to.
Result<store::WrittenChain> write_rebuilt(git_repository* repo, const store::LostTip& lost,
                                          std::vector<Rehearsed>& rehearsed, const store::ReadRaw& read_raw,
                                          const ImportOptions& options) {
  store::WrittenChain rebuilt{lost.intact.tip, {}};
  for (Rehearsed& r : rehearsed) {
    auto raw = read_raw(r.index);
    if (!raw) return raw.error();
    if (!store::blob_hashes_to(*raw, store::oid_hex(r.prepared.raw_blob))) {
      return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: changed while being imported", r.what));
    }
    r.prepared.raw = std::move(*raw);
    if (auto ok = store::append_version(repo, r.prepared, r.index, rebuilt, read_raw, r.what); !ok) return ok.error();
    r.prepared.raw = std::string();
  }
  const store::WrittenVersion& last = rebuilt.versions.back();
  if (!git_oid_equal(&last.commit, &lost.commit)) {
    return make_error(ErrorCode::kCorrupt, fmt::format("{}: written as another commit than rehearsed", last.what));
  }
  if (auto flushed = flush_written(repo, last.what, options); !flushed) return flushed.error();
  if (auto kept = store::keep_rebuilt(repo, rebuilt, read_raw, last.what, options); !kept) return kept.error();
  return rebuilt;
}

}  // namespace

Result<std::vector<ImportOutcome>> Store::import(std::vector<Snapshot> snapshots, const ImportOptions& options) {
  VectorSource source(std::move(snapshots));
  return import(source, options);
}

Result<std::vector<ImportOutcome>> Store::import(SnapshotSource& source, const ImportOptions& options) {
  auto lock = store::WriterLock::acquire(impl_->dir);
  if (!lock) return lock.error();
  // The versions' objects are written unflushed and flushed at once before
  // the branch moves (flush_written): an fsync per object file and folder,
  // libgit2's way, made an import of the QUIC draft's history take twice
  // as long (docs/benchmarks.md).
  git_repository* repo = impl_->repo.get();
  if (auto unsynced = store::set_git_fsync(repo, false, impl_->dir); !unsynced) return unsynced.error();
  auto stored = store::read_chain(repo, impl_->dir);
  // The branch on a commit a prune deleted: the import rehearses its new
  // versions in memory on the versions before it, and once one comes out as
  // that very commit (same content, same parents, so the same id), writes
  // them, which repairs the branch exactly, and goes on from there. Until
  // then nothing is written; when none does, the import is refused.
  std::optional<store::LostTip> lost;
  if (!stored) {
    lost = store::find_lost_tip(repo, impl_->dir);
    if (!lost) return stored.error();
  }
  const store::Chain& found = lost ? lost->intact : *stored;
  std::optional<store::Rehearsal> rehearsal;
  if (lost) {
    auto started = store::Rehearsal::start(repo, found.tip);
    if (!started) return started.error();
    rehearsal.emplace(std::move(*started));
  }
  std::vector<Rehearsed> rehearsed;
  store::WrittenChain rebuilt;  // the lost versions written again; `chain` then starts on the lost commit

  const size_t n = source.size();
  // However the import ends, its ref goes (commit.hpp).
  struct ImportRef {
    git_repository* repo;
    ~ImportRef() { store::release(repo); }
  } import_ref{repo};
  Planner planner(found.versions);
  store::WrittenChain chain{found.tip, {}};
  size_t written = 0;                        // new versions so far, rebuilt or not
  std::vector<Planner::Same> outcome_of(n);  // the version each snapshot is
  std::vector<char> is_new(n, 0);
  const store::ReadRaw read_raw = [&source](size_t i) -> Result<std::string> {
    auto s = source.read(i);
    if (!s) return s.error();
    return std::move(s->bytes);
  };
  // The next window is read while this one is checked, and checked while
  // this one is written. Nothing moves the branch before the whole batch is
  // written: a refusal anywhere leaves the store as it was.
  std::future<Checked> checking;
  // The versions of a history share most of their parts: each is parsed once.
  store::SharedReads reads;
  {
    std::unordered_set<std::string> stored_blobs;
    for (const VersionInfo& v : found.versions) stored_blobs.insert(v.raw_blob);
    reads.stored_blobs = std::make_shared<const std::unordered_set<std::string>>(std::move(stored_blobs));
  }
  if (n > 0) {
    auto first = read_window(source, 0);
    if (!first) return first.error();
    checking = std::async(std::launch::async, check_window, std::move(*first), reads);
  }
  for (size_t lo = 0; lo < n; lo += kWindow) {
    const bool more = lo + kWindow < n;
    auto next = more ? read_window(source, lo + kWindow) : Result<std::vector<Snapshot>>(std::vector<Snapshot>());
    Checked checked = checking.get();
    if (more && next) checking = std::async(std::launch::async, check_window, std::move(*next), reads);
    for (size_t k = 0; k < checked.size(); ++k) {
      Result<store::Prepared>& p = *checked[k];
      if (!p) return p.error();
      const size_t i = lo + k;
      auto same = planner.plan(*p, written);
      if (!same) return same.error();
      if (*same) {
        outcome_of[i] = std::move(**same);
        continue;
      }
      outcome_of[i].written = written++;
      is_new[i] = 1;
      const std::string what = fmt::format("store {}: importing {} as '{}'", impl_->dir, p->source, p->info.id);
      if (rehearsal) {
        auto commit = rehearsal->next(*p, what);
        if (!commit) return commit.error();
        p->raw = std::string();
        p->deflated = std::string();
        rehearsed.push_back({i, std::move(*p), what});
        if (!git_oid_equal(&*commit, &lost->commit)) continue;
        auto written_again = write_rebuilt(repo, *lost, rehearsed, read_raw, options);
        if (!written_again) return written_again.error();
        rebuilt = std::move(*written_again);
        chain = store::WrittenChain{lost->commit, {}};
        rehearsal.reset();
        continue;
      }
      if (auto ok = store::append_version(repo, *p, i, chain, read_raw, what); !ok) return ok.error();
      p->raw = std::string();  // written: its bytes are not needed any more
      p->deflated = std::string();
    }
    if (!next) return next.error();
  }
  if (rehearsal) {
    return make_error(ErrorCode::kCorrupt,
                      fmt::format("store {}: {} points to commit {}, which is not in the store, and the versions "
                                  "imported do not rebuild it{}",
                                  impl_->dir, store::kBranch, store::oid_hex(lost->commit),
                                  store::missing_tip_hint(repo, impl_->dir)));
  }

  std::string what;
  if (chain.versions.size() == 1) {
    what = chain.versions[0].what;
  } else if (!chain.versions.empty()) {
    what = fmt::format("store {}: importing {} versions, from '{}' to '{}'", impl_->dir, chain.versions.size(),
                       chain.versions.front().info.id, chain.versions.back().info.id);
  }
  if (!chain.versions.empty()) {
    if (auto flushed = flush_written(repo, what, options); !flushed) return flushed.error();
  }
  if (auto published = store::publish(repo, chain, read_raw, what, options); !published) return published.error();

  auto after = store::read_chain(repo, impl_->dir);
  if (!after) return after.error();
  std::unordered_map<std::string, const VersionInfo*> by_commit;
  for (const VersionInfo& v : after->versions) by_commit.emplace(v.commit, &v);
  std::vector<ImportOutcome> outcomes(n);
  for (size_t i = 0; i < n; ++i) {
    const Planner::Same& o = outcome_of[i];
    outcomes[i].stored = is_new[i] != 0;
    const size_t k = o.written;
    const std::string commit = k == Planner::kStored ? o.commit
                               : k < rebuilt.versions.size()
                                   ? store::oid_hex(rebuilt.versions[k].commit)
                                   : store::oid_hex(chain.versions[k - rebuilt.versions.size()].commit);
    if (auto it = by_commit.find(commit); it != by_commit.end()) outcomes[i].version = *it->second;
  }
  return outcomes;
}

}  // namespace strata
