// The GSSAPI functions and variable that libgit2's Negotiate authentication
// uses, declared as MIT's <gssapi/gssapi.h> declares them (RFC 2744's C
// bindings; Debian's libkrb5-dev, not needed to build) and defined by
// gssapi_on_demand.cpp, which opens Kerberos at their first call. Every
// handle is a pointer that is passed through untouched, so `void*`.
#pragma once

#include <cstddef>
#include <cstdint>

namespace strata::cli::gssapi {

using Status = uint32_t;  // OM_uint32

struct Oid {  // gss_OID_desc
  Status length;
  void* elements;
};

struct OidSet {  // gss_OID_set_desc
  size_t count;
  Oid* elements;
};

struct Buffer {  // gss_buffer_desc
  size_t length;
  void* value;
};

inline constexpr Status kComplete = 0;
// GSS_S_UNAVAILABLE: a routine error, "the operation is not supported".
inline constexpr Status kUnavailable = 16u << 16;
// gss_display_status's `type` for a major status (GSS_C_GSS_CODE).
inline constexpr int kGssCode = 1;

}  // namespace strata::cli::gssapi

extern "C" {

extern strata::cli::gssapi::Oid* GSS_C_NT_HOSTBASED_SERVICE;

using strata::cli::gssapi::Oid;
using strata::cli::gssapi::Status;

Status gss_indicate_mechs(Status* minor, void** mechanisms);
Status gss_release_oid_set(Status* minor, void** set);
Status gss_import_name(Status* minor, void* name, Oid* name_type, void** output_name);
Status gss_release_name(Status* minor, void** name);
Status gss_init_sec_context(Status* minor, void* credential, void** context, void* target, Oid* mechanism, Status flags,
                            Status time, void* bindings, void* input, Oid** actual_mechanism, void* output,
                            Status* actual_flags, Status* actual_time);
Status gss_delete_sec_context(Status* minor, void** context, void* output);
Status gss_display_status(Status* minor, Status status, int type, Oid* mechanism, Status* message_context, void* text);
Status gss_release_buffer(Status* minor, void* buffer);

}  // extern "C"
