// Loose objects read and checked in one pass: what libgit2 would accept
// comes back whole, every kind of damage is an error naming the object.
#include <git2.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>

#include "store/git.hpp"
#include "store/loose.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

// Any id will do: the reader names the file by it and leaves the hash to its caller.
constexpr std::string_view kId = "5f2a3e7c0d9b8a1f4e6c2b0a9d8e7f6a5b4c3d2e";

std::string deflated(const std::string& bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  EXPECT_EQ(compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                     static_cast<uLong>(bytes.size())),
            Z_OK);
  out.resize(size);
  return out;
}

// Writes `file` as loose object kId of a fresh objects folder and reads it.
Result<std::optional<store::LooseObject>> read_back(const test::TempDir& tmp, const std::string& file) {
  fs::create_directories(tmp.path() + "/objects/" + std::string(kId.substr(0, 2)));
  tmp.file("objects/" + std::string(kId.substr(0, 2)) + "/" + std::string(kId.substr(2)), file);
  git_oid oid;
  EXPECT_TRUE(store::parse_oid(kId, oid));
  return store::read_loose_object(tmp.path() + "/objects", oid, "store s: version 'v1'");
}

TEST(LooseObject, ReadsWhatGitWrites) {
  const std::string big(200000, 'x');  // past the first inflate's output and zlib's window
  struct Case {
    std::string object;
    git_object_t type;
    std::string content;
  };
  for (const Case& c : std::vector<Case>{
           {"blob 5" + std::string(1, '\0') + "hello", GIT_OBJECT_BLOB, "hello"},
           {"blob 0" + std::string(1, '\0'), GIT_OBJECT_BLOB, ""},
           {"tree 3" + std::string(1, '\0') + std::string("a\0b", 3), GIT_OBJECT_TREE, std::string("a\0b", 3)},
           {"blob 200000" + std::string(1, '\0') + big, GIT_OBJECT_BLOB, big}}) {
    test::TempDir tmp;
    auto read = read_back(tmp, deflated(c.object));
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_TRUE(read->has_value());
    EXPECT_EQ((*read)->type, c.type);
    EXPECT_EQ((*read)->content, c.content);
  }
}

TEST(LooseObject, NoFileIsNoObjectNotAnError) {
  test::TempDir tmp;
  git_oid oid;
  ASSERT_TRUE(store::parse_oid(kId, oid));
  auto read = store::read_loose_object(tmp.path() + "/objects", oid, "store s");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_FALSE(read->has_value());
}

TEST(LooseObject, DamageIsNamed) {
  const std::string nul(1, '\0');
  const std::string whole = deflated("blob 5" + nul + "hello");
  struct Case {
    std::string file;
    ErrorCode code;
    std::string reason;
  };
  for (const Case& c : std::vector<Case>{
           {whole.substr(0, whole.size() / 2), ErrorCode::kCorrupt, "(truncated)"},
           {whole.substr(0, whole.size() - 1), ErrorCode::kCorrupt, "(truncated)"},
           {"blob 5" + nul + "hello", ErrorCode::kCorrupt, "(not a valid compressed object)"},
           {whole.substr(0, whole.size() - 1) + "!", ErrorCode::kCorrupt, "(not a valid compressed object)"},
           {deflated("blob 9" + nul + "hello"), ErrorCode::kCorrupt, "(shorter than its header says)"},
           {deflated("blob 3" + nul + "hello"), ErrorCode::kCorrupt, "(longer than its header says)"},
           {deflated("blob 0" + nul + "hello"), ErrorCode::kCorrupt, "(longer than its header says)"},
           {deflated("hello"), ErrorCode::kCorrupt, "(no object header)"},
           {deflated("frob 5" + nul + "hello"), ErrorCode::kCorrupt, "(no object header)"},
           {deflated("blob -5" + nul + "hello"), ErrorCode::kCorrupt, "(no object header)"},
           {deflated("blob 5x" + nul + "hello"), ErrorCode::kCorrupt, "(no object header)"},
           {deflated("blob " + std::string(80, '1') + nul), ErrorCode::kCorrupt, "(no object header)"},
           // Refused before anything that large is allocated.
           {deflated("blob 999999999999" + nul + "hello"), ErrorCode::kInvalidInput, "above the limit"},
       }) {
    test::TempDir tmp;
    auto read = read_back(tmp, c.file);
    ASSERT_FALSE(read) << c.reason;
    EXPECT_EQ(read.error().code, c.code) << read.error().message;
    EXPECT_NE(read.error().message.find(c.reason), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().message.find("store s: version 'v1': object " + std::string(kId)), std::string::npos)
        << read.error().message;
    EXPECT_EQ(read.error().message.find('\n'), std::string::npos) << read.error().message;
  }
}

}  // namespace
}  // namespace strata
