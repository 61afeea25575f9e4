// How each output's reader reads it: the checks the fuzz targets run on
// what strata writes. Each reads an output as a terminal, GitHub, a
// browser, a CI server or a JSON parser would, and calls finding() when
// text from the documents became markup, a link, a command or a control.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace strata::fuzz {

// A broken invariant: says which on stderr, then aborts so the fuzzer keeps
// the input.
[[noreturn]] void finding(const char* what);

void check_utf8(const std::string& s, const char* what);
// No C0 control but line feeds and tabs (when `breaks`), no DEL, no C1 or
// bidirectional control, no line or paragraph separator.
void check_terminal_safe(const std::string& s, bool breaks, const char* what);
// Valid UTF-8 that parses as JSON.
void check_json(const std::string& s, const char* what);
// An HTML page: only the elements strata writes, no event handler or
// embedding attribute, one script, links within the page or to `files`.
void check_page(const std::string& page, std::initializer_list<std::string_view> files = {});
// A Markdown report as GitHub reads it: safe for a terminal, no link or
// image, no HTML but <details><summary><b> without attributes.
void check_markdown(const std::string& report);
// `strata check --format github`: one annotation a line but the verdict.
void check_workflow_commands(const std::string& out);
// `strata check --format junit`: only the elements and attributes strata writes.
void check_junit(const std::string& xml);

}  // namespace strata::fuzz
