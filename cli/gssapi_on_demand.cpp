// MIT Kerberos's GSSAPI, loaded at the first call instead of at every start.
//
// libgit2's HTTP transport authenticates with Negotiate (SPNEGO) through
// eight GSSAPI functions, and any use of libgit2 links them in (its
// initialization refers to the transport). Debian ships Kerberos only as
// shared libraries, so the program linked against libgit2's archive loaded
// libgssapi_krb5 and the six libraries it needs at every start: 0.38 of the
// 0.67 million instructions of `strata --version`, for an authentication
// that only a fetch over HTTP from a Kerberos realm uses, and that no
// command of strata does yet. These definitions take the place of
// libgssapi_krb5's for the static link (cli/CMakeLists.txt): each opens
// the library on its first call and forwards to the library's own
// function. Without the library on the machine, each says
// GSS_S_UNAVAILABLE, which libgit2 reports as an authentication failure.
// The declarations: gssapi_on_demand.hpp. A libgit2 that calls another
// GSSAPI function fails to link, naming it.

#include "gssapi_on_demand.hpp"

#include <dlfcn.h>

namespace {

using strata::cli::gssapi::kUnavailable;

// libgssapi_krb5, opened once at the first call; null when the machine
// has none.
void* library() {
  static void* const handle = dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_LOCAL);
  return handle;
}

// The library's own definition of `name`, or null.
template <typename Function>
Function* real(const char* name) {
  void* const handle = library();
  return handle != nullptr ? reinterpret_cast<Function*>(dlsym(handle, name)) : nullptr;
}

Status unavailable(Status* minor) {
  if (minor != nullptr) *minor = 0;
  return kUnavailable;
}

// GSS_C_NT_HOSTBASED_SERVICE is a variable that libgit2 reads before its
// first call (the name type of "HTTP@host"), when the library may not be
// loaded yet. It points at this placeholder, with the OID's value
// (1.2.840.113554.1.2.1.4, RFC 2743 section 4.1), and gss_import_name
// passes the library's own object in its place.
unsigned char host_based_service_bytes[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x01, 0x04};
Oid host_based_service{sizeof host_based_service_bytes, host_based_service_bytes};

}  // namespace

extern "C" {

Oid* GSS_C_NT_HOSTBASED_SERVICE = &host_based_service;

Status gss_indicate_mechs(Status* minor, void** mechanisms) {
  static auto* const fn = real<decltype(gss_indicate_mechs)>("gss_indicate_mechs");
  return fn != nullptr ? fn(minor, mechanisms) : unavailable(minor);
}

Status gss_release_oid_set(Status* minor, void** set) {
  static auto* const fn = real<decltype(gss_release_oid_set)>("gss_release_oid_set");
  return fn != nullptr ? fn(minor, set) : unavailable(minor);
}

Status gss_import_name(Status* minor, void* name, Oid* name_type, void** output_name) {
  static auto* const fn = real<decltype(gss_import_name)>("gss_import_name");
  static Oid* const* const host_based = real<Oid*>("GSS_C_NT_HOSTBASED_SERVICE");
  if (name_type == &host_based_service && host_based != nullptr) name_type = *host_based;
  return fn != nullptr ? fn(minor, name, name_type, output_name) : unavailable(minor);
}

Status gss_release_name(Status* minor, void** name) {
  static auto* const fn = real<decltype(gss_release_name)>("gss_release_name");
  return fn != nullptr ? fn(minor, name) : unavailable(minor);
}

Status gss_init_sec_context(Status* minor, void* credential, void** context, void* target, Oid* mechanism, Status flags,
                            Status time, void* bindings, void* input, Oid** actual_mechanism, void* output,
                            Status* actual_flags, Status* actual_time) {
  static auto* const fn = real<decltype(gss_init_sec_context)>("gss_init_sec_context");
  return fn != nullptr ? fn(minor, credential, context, target, mechanism, flags, time, bindings, input,
                            actual_mechanism, output, actual_flags, actual_time)
                       : unavailable(minor);
}

Status gss_delete_sec_context(Status* minor, void** context, void* output) {
  static auto* const fn = real<decltype(gss_delete_sec_context)>("gss_delete_sec_context");
  return fn != nullptr ? fn(minor, context, output) : unavailable(minor);
}

Status gss_display_status(Status* minor, Status status, int type, Oid* mechanism, Status* message_context, void* text) {
  static auto* const fn = real<decltype(gss_display_status)>("gss_display_status");
  return fn != nullptr ? fn(minor, status, type, mechanism, message_context, text) : unavailable(minor);
}

Status gss_release_buffer(Status* minor, void* buffer) {
  static auto* const fn = real<decltype(gss_release_buffer)>("gss_release_buffer");
  return fn != nullptr ? fn(minor, buffer) : unavailable(minor);
}

}  // extern "C"
