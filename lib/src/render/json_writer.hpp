// JSON written straight into a string in the layout of json_text(value, 2)
// (render/escape.hpp), without a value tree. Internal to render/.
#pragma once

#include <nlohmann/json.hpp>

#include <concepts>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "render/escape.hpp"

namespace strata::render {

// Writes JSON in the layout of json_text(value, 2), straight into `out`,
// starting `depth` spaces deep. The diff report is written with it: a
// value tree for each claim, dumped and then re-indented a byte at a time,
// was most of the rendering's time and allocations, and on two unrelated
// 1 MB texts the tree of the claims alone took more memory than everything
// else.
class JsonWriter {
 public:
  // Output past kFlushBytes is handed to `flush`, when given, between two
  // values, and `out` emptied.
  using Flush = std::function<void(std::string_view)>;
  static constexpr size_t kFlushBytes = size_t{64} << 10;
  JsonWriter(std::string& out, size_t depth, const Flush* flush = nullptr) : out_(out), depth_(depth), flush_(flush) {}
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  JsonWriter& key(std::string_view k) {
    next();
    append_json_string(k, out_);
    out_ += ": ";
    after_key_ = true;
    return *this;
  }
  void string(std::string_view s) {
    element();
    append_json_string(s, out_);
  }
  void nullable_string(const std::string& s) {
    if (s.empty()) {
      null();
    } else {
      string(s);
    }
  }
  template <std::integral Int>
  void number(Int v) {
    element();
    out_ += std::to_string(v);
  }
  void number(double v) {  // nlohmann's shortest form ("1.0", "0.983")
    element();
    out_ += nlohmann::ordered_json(v).dump();
  }
  void boolean(bool v) {
    element();
    out_ += v ? "true" : "false";
  }
  void null() {
    element();
    out_ += "null";
  }
  void strings(const std::vector<std::string>& v) {
    begin_array();
    for (const std::string& s : v) string(s);
    end_array();
  }
  template <std::integral Int>
  void numbers(const std::vector<Int>& v) {
    begin_array();
    for (Int n : v) number(n);
    end_array();
  }

 private:
  // A value: right after its key, or as the next element of an array.
  void element() {
    if (after_key_) {
      after_key_ = false;
    } else {
      next();
    }
  }
  void next() {
    if (flush_ != nullptr && out_.size() >= kFlushBytes) {
      (*flush_)(out_);
      out_.clear();
    }
    if (first_.empty()) return;
    out_ += first_.back() ? "\n" : ",\n";
    first_.back() = false;
    out_.append(depth_, ' ');
  }
  void open(char bracket) {
    element();
    out_ += bracket;
    first_.push_back(true);
    depth_ += 2;
  }
  void close(char bracket) {
    depth_ -= 2;
    if (!first_.back()) {
      out_ += '\n';
      out_.append(depth_, ' ');
    }
    first_.pop_back();
    out_ += bracket;
  }

  std::string& out_;
  size_t depth_;
  const Flush* flush_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace strata::render
