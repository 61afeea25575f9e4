// Read access to a history store: versions, a version's bytes and text, the
// log, the timeline and blame; and the versions of a file in a git
// repository's history, which the batch runner reads corpora from.
#include <pybind11/stl.h>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "strata/history.hpp"
#include "strata/ingest.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"

namespace strata::python {

namespace {

// A Store is one libgit2 repository, which is not safe to use from several
// threads at once; the GIL is released during every call, so calls take
// this lock instead.
class StoreHandle {
 public:
  explicit StoreHandle(const std::string& dir) : store_(unwrap(Store::open(dir))) {}

  template <typename F>
  auto with(F&& f) {
    std::lock_guard<std::mutex> lock(mutex_);
    return f(store_);
  }

 private:
  Store store_;
  std::mutex mutex_;
};

using Handle = std::shared_ptr<StoreHandle>;
using Release = py::call_guard<py::gil_scoped_release>;

std::string read_raw(StoreHandle& h, const std::string& rev) {
  return h.with([&](Store& s) { return unwrap(s.read_raw(unwrap(s.resolve(rev)))); });
}

}  // namespace

void bind_store(py::module_& m) {
  py::class_<VersionInfo>(m, "VersionInfo", "One stored version, as its commit describes it.")
      .def_readonly("id", &VersionInfo::id)
      .def_readonly("title", &VersionInfo::title)
      .def_readonly("source", &VersionInfo::source)
      .def_readonly("date", &VersionInfo::date)
      .def_property_readonly("format", [](const VersionInfo& v) { return to_string(v.format); })
      .def_readonly("normalization", &VersionInfo::normalization)
      .def_readonly("commit", &VersionInfo::commit)
      .def_readonly("raw_blob", &VersionInfo::raw_blob)
      .def_readonly("time", &VersionInfo::time,
                    "Commit time, seconds since the epoch (UTC): orders the versions of one date.")
      .def_readonly("position", &VersionInfo::position, "1-based, in store order.")
      .def("__repr__", [](const VersionInfo& v) {
        return "VersionInfo(" + py::repr(py::str(v.id)).cast<std::string>() + ", " +
               py::repr(py::str(v.date)).cast<std::string>() + ")";
      });

  py::class_<ChangeSize>(m, "ChangeSize", "Size of the change from one version to the next.")
      .def_readonly("claims_modified", &ChangeSize::claims_modified)
      .def_readonly("claims_added", &ChangeSize::claims_added)
      .def_readonly("claims_removed", &ChangeSize::claims_removed)
      .def_readonly("claims_moved", &ChangeSize::claims_moved)
      .def_readonly("programmes_added", &ChangeSize::programmes_added)
      .def_readonly("programmes_removed", &ChangeSize::programmes_removed)
      .def_readonly("programmes_renamed", &ChangeSize::programmes_renamed);

  py::class_<LogEntry>(m, "LogEntry")
      .def_readonly("version", &LogEntry::version)
      .def_readonly("change", &LogEntry::change, "From the previous version; None for the first or without sizes.")
      .def_property_readonly(
          "same_as",
          [](const LogEntry& e) -> std::optional<int> {
            return e.same_as < 0 ? std::nullopt : std::optional<int>(e.same_as);
          },
          "Index in the log of the latest earlier version, not the one just before, that reads the same; None.");

  py::class_<Timeline::SectionRow>(m, "TimelineSection")
      .def_readonly("path", &Timeline::SectionRow::path)
      .def_readonly("present", &Timeline::SectionRow::present)
      .def_readonly("earlier", &Timeline::SectionRow::earlier);
  py::class_<Timeline::TermRow>(m, "TimelineTerm")
      .def_readonly("term", &Timeline::TermRow::term)
      .def_readonly("watched", &Timeline::TermRow::watched)
      .def_readonly("counts", &Timeline::TermRow::counts);
  py::class_<Timeline>(m, "Timeline", "Sections, programmes and terms across the store's versions.")
      .def_readonly("versions", &Timeline::versions)
      .def_readonly("sections", &Timeline::sections)
      .def_readonly("programmes", &Timeline::programmes)
      .def_readonly("terms", &Timeline::terms)
      .def(
          "render", [](const Timeline& t, const std::string& format) { return render_timeline(t, format); },
          py::arg("format") = "json", "As `strata timeline --format FORMAT` writes it: text, json or csv.");

  py::class_<BlameEntry>(m, "BlameEntry")
      .def_readonly("text", &BlameEntry::text)
      .def_readonly("origin", &BlameEntry::origin, "Index into Blame.versions where the claim first appeared.")
      .def_readonly("last_changed", &BlameEntry::last_changed);
  py::class_<Blame>(m, "Blame", "Every claim of a version with the version it came from.")
      .def_readonly("versions", &Blame::versions)
      .def_readonly("claims", &Blame::claims)
      .def(
          "render", [](const Blame& b, const std::string& format) { return render_blame(b, format); },
          py::arg("format") = "json", "As `strata blame --format FORMAT` writes it: text, json or summary.");

  py::class_<StoreHandle, Handle>(m, "Store", "A history store, opened for reading (see docs/store.md).")
      .def(py::init([](const std::string& dir) { return std::make_shared<StoreHandle>(dir); }), py::arg("dir"))
      .def(
          "versions", [](StoreHandle& h) { return h.with([](Store& s) { return unwrap(s.versions()); }); }, Release(),
          "Every version, oldest first.")
      .def(
          "resolve",
          [](StoreHandle& h, const std::string& rev) {
            return h.with([&](Store& s) { return unwrap(s.resolve(rev)); });
          },
          py::arg("rev"), Release(), "A revision: an id, @DATE, HEAD~N, a tag or a commit id.")
      .def(
          "raw",
          [](StoreHandle& h, const std::string& rev) {
            std::string bytes;
            {
              py::gil_scoped_release release;
              bytes = read_raw(h, rev);
            }
            return py::bytes(bytes);
          },
          py::arg("rev"), "The bytes of a version, exactly as imported.")
      .def(
          "text", [](StoreHandle& h, const std::string& rev) { return unwrap(decode_text(read_raw(h, rev), rev)); },
          py::arg("rev"), Release(), "The text of a version: its bytes decoded, line ends made LF.")
      .def(
          "log",
          [](StoreHandle& h, bool sizes) { return h.with([&](Store& s) { return unwrap(version_log(s, sizes)); }); },
          py::arg("sizes") = true, Release(), "Every version, oldest first, with the size of its change.")
      .def(
          "timeline",
          [](StoreHandle& h, const std::vector<std::string>& terms, int top_phrases) {
            TimelineOptions options;
            options.terms = terms;
            options.top_phrases = top_phrases;
            return h.with([&](Store& s) { return unwrap(build_timeline(s, options)); });
          },
          py::arg("terms") = std::vector<std::string>{}, py::arg("top_phrases") = TimelineOptions{}.top_phrases,
          Release(), "Sections, programmes and terms across the versions.")
      .def(
          "blame",
          [](StoreHandle& h, const std::string& rev) {
            return h.with([&](Store& s) { return unwrap(blame(s, rev)); });
          },
          py::arg("rev") = "HEAD", Release(), "Every claim of a version with the version it first appeared in.")
      .def_property_readonly("dir", [](StoreHandle& h) { return h.with([](Store& s) { return s.dir(); }); });

  py::class_<Snapshot>(m, "Snapshot", "One version of a file read from a git repository's history.")
      .def_property_readonly("bytes", [](const Snapshot& s) { return py::bytes(s.bytes); })
      .def_readonly("source", &Snapshot::source)
      .def_readonly("id", &Snapshot::id)
      .def_readonly("title", &Snapshot::title)
      .def_readonly("date", &Snapshot::date)
      .def_readonly("time", &Snapshot::time);

  m.def(
      "git_history",
      [](const std::string& repo, const std::string& path) { return unwrap(read_git_history(repo, path)); },
      py::arg("repo"), py::arg("path"), Release(),
      "Every version of `path` in a git repository's HEAD history, oldest first, dated by its commit.");
}

}  // namespace strata::python
