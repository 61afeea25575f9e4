// Writing versions: validate everything, then commit under the writer lock and
// move the branch with a compare-and-swap.
#include <fmt/core.h>
#include <algorithm>

#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "store/commit.hpp"
#include "store/lock.hpp"
#include "store/meta.hpp"
#include "store/revision.hpp"
#include "store/store_impl.hpp"
#include "strata/load.hpp"
#include "sys/parallel.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

// Last second libgit2 1.5.1 can write in a commit header (2106-02-07T06:28:15Z).
constexpr int64_t kMaxCommitTime = 0xFFFF'FFFF;

// Snapshots checked at once, on parallel threads: their bytes and one
// Document per thread are all import holds, whatever the length of the batch
// (32 versions of a 300 KB page: about 10 MB).
constexpr size_t kPrepareWindow = 32;
// Parsing is CPU-bound: beyond the machine's cores more threads only wait.
constexpr size_t kPrepareThreads = 8;

struct Prepared {
  std::string source;  // as given, for messages
  VersionInfo info;
  bool explicit_id = false;
  int64_t time = 0;
};

Result<Prepared> prepare(Snapshot& s) {
  Prepared p;
  p.source = s.source;
  auto text = decode_text(s.bytes, s.source, s.format);
  if (!text) return text.error();
  if (s.format == InputFormat::kAuto) s.format = sniff_format(*text, s.source);
  LoadOptions options;
  options.format = s.format;
  options.selectors = s.selectors;
  auto doc = parse_document(s.bytes, s.source, options);
  if (!doc) return doc.error();
  p.explicit_id = !s.id.empty();
  p.info.id = p.explicit_id ? s.id : store::id_from_source(s.source);
  if (auto ok = check_version_id(p.info.id); !ok) {
    return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: {}", s.source, ok.error().message));
  }
  p.info.title = store::one_line(!s.title.empty() ? s.title : !doc->meta.title.empty() ? doc->meta.title : p.info.id);
  p.info.date = !s.date.empty() ? s.date : doc->meta.date;
  if (p.info.date.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("{}: no date given and none found in the document; give one with --date", s.source));
  }
  auto key = store::parse_date_key(p.info.date);
  if (!key) return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: {}", s.source, key.error().message));
  p.info.source = store::one_line(s.source);
  if (p.info.title.size() > store::kMaxTrailerValue || p.info.source.size() > store::kMaxTrailerValue) {
    return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: title or source longer than {} bytes",
                                                               utf8::excerpt(s.source, 80), store::kMaxTrailerValue));
  }
  p.info.format = s.format;
  p.info.selectors = s.selectors;
  p.info.normalization = kNormalizationVersion;
  // libgit2 1.5.1 writes commit times as unsigned 32-bit numbers: earlier
  // than 1970 or later than 2106 they would wrap around. The Snapshot-Date
  // trailer, not the commit time, is what strata orders by, so clamp.
  p.time = std::clamp<int64_t>(s.time.value_or(store::date_start_seconds(*key)), 0, kMaxCommitTime);
  git_oid blob;
  git_odb_hash(&blob, s.bytes.data(), s.bytes.size(), GIT_OBJECT_BLOB);
  p.info.raw_blob = store::oid_hex(blob);
  return p;
}

// A batch already in memory, as a source.
class VectorSource final : public SnapshotSource {
 public:
  explicit VectorSource(std::vector<Snapshot> snapshots) : snapshots_(std::move(snapshots)) {}
  size_t size() const override { return snapshots_.size(); }
  Result<Snapshot> read(size_t i) override { return snapshots_.at(i); }

 private:
  std::vector<Snapshot> snapshots_;
};

// Every snapshot of `source` checked, a window at a time, its bytes dropped
// once checked; the first refusal in batch order refuses the batch.
Result<std::vector<Prepared>> prepare_all(SnapshotSource& source) {
  const size_t n = source.size();
  std::vector<Prepared> out(n);
  for (size_t lo = 0; lo < n; lo += kPrepareWindow) {
    const size_t hi = std::min(n, lo + kPrepareWindow);
    std::vector<Snapshot> window;
    for (size_t i = lo; i < hi; ++i) {
      auto s = source.read(i);  // sources may use libgit2: this thread only
      if (!s) return s.error();
      window.push_back(std::move(*s));
    }
    std::vector<std::optional<Error>> errors(window.size());
    util::parallel_for(window.size(), kPrepareThreads, [&](size_t k) {
      auto p = prepare(window[k]);
      if (p) {
        out[lo + k] = std::move(*p);
      } else {
        errors[k] = p.error();
      }
    });
    for (auto& e : errors) {
      if (e) return std::move(*e);
    }
  }
  return out;
}

const VersionInfo* find_id(const std::vector<VersionInfo>& versions, std::string_view id) {
  for (const auto& v : versions) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

// The version a snapshot dated `date` would follow: the last one dated on or before it.
const VersionInfo* in_force(const std::vector<VersionInfo>& versions, const std::string& date) {
  const auto key = store::parse_date_key(date);
  const VersionInfo* found = nullptr;
  for (const auto& v : versions) {
    auto k = store::parse_date_key(v.date);
    if (k && key && *k <= *key) found = &v;
  }
  return found;
}

}  // namespace

Result<std::vector<ImportOutcome>> Store::import(std::vector<Snapshot> snapshots, const ImportOptions& options) {
  VectorSource source(std::move(snapshots));
  return import(source, options);
}

Result<std::vector<ImportOutcome>> Store::import(SnapshotSource& source, const ImportOptions& options) {
  auto checked = prepare_all(source);
  if (!checked) return checked.error();
  std::vector<Prepared>& prepared = *checked;
  auto lock = store::WriterLock::acquire(impl_->dir);
  if (!lock) return lock.error();
  // libgit2 then fsyncs each object and ref file it writes, and their folders.
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, options.sync ? 1 : 0);
  git_repository* repo = impl_->repo.get();
  auto chain = store::read_chain(repo, impl_->dir);
  if (!chain) return chain.error();

  // Plan every snapshot before writing any, so that an id clash refuses the
  // whole batch; `planned` sees the earlier snapshots of the batch.
  std::vector<VersionInfo> planned = chain->versions;
  std::vector<std::optional<VersionInfo>> existing(prepared.size());
  for (size_t i = 0; i < prepared.size(); ++i) {
    VersionInfo& info = prepared[i].info;
    if (const VersionInfo* same = find_id(planned, info.id); same != nullptr) {
      if (same->reading_key() == info.reading_key()) {
        existing[i] = *same;
        continue;
      }
      if (prepared[i].explicit_id) {
        return make_error(ErrorCode::kInvalidArgument,
                          fmt::format("{}: id '{}' already names version {} with other content; choose another --id",
                                      prepared[i].source, info.id, store::version_label(*same)));
      }
      const std::string base = info.id;
      for (int n = 2; find_id(planned, info.id) != nullptr; ++n) info.id = fmt::format("{}-{}", base, n);
    }
    if (const VersionInfo* before = in_force(planned, info.date);
        before != nullptr && before->reading_key() == info.reading_key()) {
      existing[i] = *before;
      continue;
    }
    planned.push_back(info);
    store::order_versions(planned);
  }

  std::vector<std::string> commits(prepared.size());
  for (size_t i = 0; i < prepared.size(); ++i) {
    if (existing[i]) {
      commits[i] = existing[i]->commit;
      continue;
    }
    const std::string what =
        fmt::format("store {}: importing {} as '{}'", impl_->dir, prepared[i].source, prepared[i].info.id);
    auto snapshot = source.read(i);
    if (!snapshot) return snapshot.error();
    // What is written must be what was checked.
    git_oid blob;
    git_odb_hash(&blob, snapshot->bytes.data(), snapshot->bytes.size(), GIT_OBJECT_BLOB);
    if (store::oid_hex(blob) != prepared[i].info.raw_blob) {
      return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: changed while being imported", what));
    }
    auto commit =
        store::commit_on_branch(repo, prepared[i].info, snapshot->bytes, prepared[i].time, chain->tip, what, options);
    if (!commit) return commit.error();
    commits[i] = store::oid_hex(*commit);
  }

  auto after = store::read_chain(repo, impl_->dir);
  if (!after) return after.error();
  std::vector<ImportOutcome> outcomes(prepared.size());
  for (size_t i = 0; i < prepared.size(); ++i) {
    outcomes[i].stored = !existing[i].has_value();
    for (const auto& v : after->versions) {
      if (v.commit == commits[i]) outcomes[i].version = v;
    }
  }
  return outcomes;
}

}  // namespace strata
