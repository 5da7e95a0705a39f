// Migration ids and the checksum of a migration's files.

#include "compiler/source/migration_file.h"

#include <openssl/evp.h>

#include <algorithm>

namespace migrac {

bool is_valid_migration_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string checksum_v1(const std::vector<std::string_view>& texts) {
  // Fetched once: EVP_sha256() would look the implementation up on every call.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  // One context per thread, reset for each checksum: making and freeing one
  // costs several times what hashing a migration does.
  struct Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Context context;
  EVP_MD_CTX* ctx = context.ctx;
  EVP_DigestInit_ex(ctx, sha256, nullptr);
  std::string normalized;
  for (std::string_view text : texts) {
    if (text.find('\r') == std::string_view::npos) {  // nearly every file: nothing to normalize
      EVP_DigestUpdate(ctx, text.data(), text.size());
      continue;
    }
    normalized.clear();
    normalized.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r') {
        normalized += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else {
        normalized += text[i];
      }
    }
    EVP_DigestUpdate(ctx, normalized.data(), normalized.size());
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(3 + 2 * std::size_t{length}, '\0');
  hex[0] = 'v';
  hex[1] = '1';
  hex[2] = ':';
  for (unsigned int i = 0; i < length; ++i) {
    hex[3 + 2 * i] = kHex[digest[i] >> 4];
    hex[4 + 2 * i] = kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace migrac
