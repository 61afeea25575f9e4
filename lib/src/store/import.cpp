// Writing versions: validate everything, then commit under the writer lock and
// move the branch with a compare-and-swap.
#include <fmt/core.h>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>

#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "store/lock.hpp"
#include "store/meta.hpp"
#include "store/revision.hpp"
#include "store/store_impl.hpp"
#include "strata/load.hpp"
#include "sys/parallel.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

using store::git_failure;

// The writer lock makes a lost race impossible between strata processes; the
// compare-and-swap guards against plain git moving the branch meanwhile. A
// handful of retries covers that; more would hide a real fight over the ref.
constexpr int kMaxRefRetries = 8;
constexpr auto kRefRetryPause = std::chrono::milliseconds(20);

// Times the objects of a version are rewritten when a concurrent gc pruned
// them: gc runs take seconds, so a second loss in a row means something else
// is deleting objects.
constexpr int kMaxRestores = 3;

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

Result<git_oid> write_blob(git_repository* repo, std::string_view bytes, const std::string& what) {
  git_oid oid;
  if (int rc = git_blob_create_from_buffer(&oid, repo, bytes.data(), bytes.size()); rc != 0) {
    return git_failure(rc, what + ": cannot write a blob");
  }
  return oid;
}

Result<git_oid> write_tree(git_repository* repo, const VersionInfo& info, std::string_view raw,
                           const std::string& what) {
  auto raw_blob = write_blob(repo, raw, what);
  if (!raw_blob) return raw_blob.error();
  auto meta_blob = write_blob(repo, store::meta_json(info, raw), what);
  if (!meta_blob) return meta_blob.error();
  git_treebuilder* raw_builder = nullptr;
  if (int rc = git_treebuilder_new(&raw_builder, repo, nullptr); rc != 0) return git_failure(rc, what);
  store::BuilderPtr builder(raw_builder);
  git_oid tree;
  if (int rc = git_treebuilder_insert(nullptr, builder.get(), store::kRawEntry, &*raw_blob, GIT_FILEMODE_BLOB);
      rc != 0) {
    return git_failure(rc, what + ": cannot build its tree");
  }
  if (int rc = git_treebuilder_insert(nullptr, builder.get(), store::kMetaEntry, &*meta_blob, GIT_FILEMODE_BLOB);
      rc != 0) {
    return git_failure(rc, what + ": cannot build its tree");
  }
  if (int rc = git_treebuilder_write(&tree, builder.get()); rc != 0)
    return git_failure(rc, what + ": cannot write its tree");
  return tree;
}

// Writes the version's blobs, tree and commit (on `parent`, if any) without
// moving any ref. Objects are named by their content, so writing them again
// gives the same commit id: this is also how pruned objects are restored.
Result<git_oid> write_version(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                              const std::optional<git_oid>& parent_id, const std::string& what) {
  auto tree_id = write_tree(repo, info, raw, what);
  if (!tree_id) return tree_id.error();
  git_tree* raw_tree = nullptr;
  if (int rc = git_tree_lookup(&raw_tree, repo, &*tree_id); rc != 0) return git_failure(rc, what);
  store::TreePtr tree(raw_tree);
  git_signature* raw_sig = nullptr;
  if (int rc = git_signature_new(&raw_sig, "strata", "strata@localhost", time, 0); rc != 0) {
    return git_failure(rc, what + ": cannot make its signature");
  }
  store::SigPtr sig(raw_sig);
  store::CommitPtr parent;
  if (parent_id) {
    git_commit* raw_parent = nullptr;
    if (int rc = git_commit_lookup(&raw_parent, repo, &*parent_id); rc != 0) {
      return git_failure(rc, what + ": cannot read the current last version");
    }
    parent.reset(raw_parent);
  }
  const git_commit* parents[1] = {parent.get()};
  const std::string message = store::commit_message(info);
  git_oid commit;
  if (int rc = git_commit_create(&commit, repo, nullptr, sig.get(), sig.get(), nullptr, message.c_str(), tree.get(),
                                 parent_id ? 1 : 0, parents);
      rc != 0) {
    return git_failure(rc, what + ": cannot write its commit");
  }
  return commit;
}

// True when the commit, its tree and the tree's blobs are all in the store.
bool version_objects_present(git_repository* repo, const git_oid& commit_id) {
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) != 0) return false;
  const std::unique_ptr<git_odb, void (*)(git_odb*)> odb(raw_odb, git_odb_free);
  git_odb_refresh(odb.get());  // objects may have been packed or pruned by another process
  if (git_odb_exists(odb.get(), &commit_id) == 0) return false;
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, repo, &commit_id) != 0) return false;
  const store::CommitPtr commit(raw_commit);
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit.get()) != 0) return false;
  const store::TreePtr tree(raw_tree);
  for (size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
    if (git_odb_exists(odb.get(), git_tree_entry_id(git_tree_entry_byindex(tree.get(), i))) == 0) return false;
  }
  return true;
}

// Between writing the objects and moving the branch they are referenced by
// nothing, and `git gc --prune=now` deletes such objects. Checked once the
// branch holds the commit (from then on gc keeps them) and rewritten if gone.
Result<void> restore_if_pruned(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                               const std::optional<git_oid>& parent, const git_oid& commit, const std::string& what) {
  for (int attempt = 0; attempt < kMaxRestores; ++attempt) {
    if (version_objects_present(repo, commit)) return {};
    auto again = write_version(repo, info, raw, time, parent, what);
    if (!again) return again.error();
    if (git_oid_cmp(&*again, &commit) != 0) break;  // cannot happen unless the parent itself is gone
  }
  if (version_objects_present(repo, commit)) return {};
  return make_error(ErrorCode::kCorrupt,
                    fmt::format("{}: its objects vanished after {} moved (a concurrent git gc?) and could not be "
                                "restored; the store's last version is damaged",
                                what, store::kBranch));
}

// Commits the version on top of the branch and moves the branch only if it
// still points where the commit's parent says (the zero id: "must not exist
// yet"); then makes sure its objects survived (see Store::import).
Result<git_oid> commit_and_swap(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                                std::optional<git_oid>& tip, const std::string& what) {
  const std::string log = "strata import " + info.id;
  for (int attempt = 0; attempt < kMaxRefRetries; ++attempt) {
    const std::optional<git_oid> parent = tip;
    auto written = write_version(repo, info, raw, time, parent, what);
    if (!written) return written.error();
    const git_oid commit = *written;
    git_oid zero;
    std::memset(&zero, 0, sizeof zero);
    git_reference* raw_ref = nullptr;
    const int rc =
        git_reference_create_matching(&raw_ref, repo, store::kBranch, &commit, 1, tip ? &*tip : &zero, log.c_str());
    if (rc == 0) {
      git_reference_free(raw_ref);
      tip = commit;
      if (auto kept = restore_if_pruned(repo, info, raw, time, parent, commit, what); !kept) return kept.error();
      return commit;
    }
    if (rc != GIT_EMODIFIED && rc != GIT_ELOCKED && rc != GIT_EEXISTS)
      return git_failure(rc, what + ": cannot move " + store::kBranch);
    std::this_thread::sleep_for(kRefRetryPause);
    git_oid now;
    if (int read = git_reference_name_to_id(&now, repo, store::kBranch); read == 0) {
      tip = now;
    } else if (read == GIT_ENOTFOUND) {
      tip.reset();
    } else {
      return git_failure(read, what + ": cannot read " + store::kBranch);
    }
  }
  return make_error(ErrorCode::kLocked, fmt::format("{}: {} kept moving under this import ({} attempts); another "
                                                    "program is writing to the store",
                                                    what, store::kBranch, kMaxRefRetries));
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
    auto commit = commit_and_swap(repo, prepared[i].info, snapshot->bytes, prepared[i].time, chain->tip, what);
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
