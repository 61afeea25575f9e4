// The program's GSSAPI (cli/gssapi_on_demand.cpp): Kerberos is not loaded
// until the first call, then every call reaches the library's own
// function. Built apart from the other tests, whose shared libgit2 would
// bring the real library at start.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "gssapi_on_demand.hpp"

namespace strata::cli::gssapi {
namespace {

bool kerberos_mapped() {
  std::ifstream maps("/proc/self/maps");
  std::stringstream text;
  text << maps.rdbuf();
  return text.str().find("libgssapi_krb5") != std::string::npos;
}

bool has_mechanism(const OidSet& set, std::string_view der) {
  for (size_t i = 0; i < set.count; ++i) {
    const Oid& oid = set.elements[i];
    if (oid.length == der.size() && std::memcmp(oid.elements, der.data(), der.size()) == 0) return true;
  }
  return false;
}

// One test: the library is opened once per process, by the first call.
TEST(GssapiOnDemand, OpensKerberosAtTheFirstCallAndForwards) {
  ASSERT_FALSE(kerberos_mapped());

  Status minor = 0;
  void* mechanisms = nullptr;
  ASSERT_EQ(gss_indicate_mechs(&minor, &mechanisms), kComplete);
  EXPECT_TRUE(kerberos_mapped());
  ASSERT_NE(mechanisms, nullptr);
  // What libgit2 looks for: SPNEGO (1.3.6.1.5.5.2), else Kerberos 5
  // (1.2.840.113554.1.2.2).
  const auto& set = *static_cast<const OidSet*>(mechanisms);
  EXPECT_TRUE(has_mechanism(set, "\x2b\x06\x01\x05\x05\x02"));
  EXPECT_TRUE(has_mechanism(set, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"));
  EXPECT_EQ(gss_release_oid_set(&minor, &mechanisms), kComplete);
  EXPECT_EQ(mechanisms, nullptr);

  // The service name as libgit2 imports it, with the name type it read
  // before Kerberos was loaded.
  char host[] = "HTTP@example.org";
  Buffer name{sizeof host - 1, host};
  void* imported = nullptr;
  ASSERT_EQ(gss_import_name(&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &imported), kComplete);
  ASSERT_NE(imported, nullptr);
  EXPECT_EQ(gss_release_name(&minor, &imported), kComplete);
  EXPECT_EQ(imported, nullptr);

  // A status as libgit2 reports it: the library's own words.
  Status context = 0;
  Buffer text{0, nullptr};
  ASSERT_EQ(gss_display_status(&minor, kUnavailable, kGssCode, nullptr, &context, &text), kComplete);
  const std::string said(static_cast<const char*>(text.value), text.length);
  EXPECT_EQ(said, "The operation or option is not available or unsupported");
  EXPECT_EQ(gss_release_buffer(&minor, &text), kComplete);

  // No context was made: deleting none is the library's "no context" error, not unavailable.
  void* no_context = nullptr;
  EXPECT_NE(gss_delete_sec_context(&minor, &no_context, nullptr), kUnavailable);
}

}  // namespace
}  // namespace strata::cli::gssapi
