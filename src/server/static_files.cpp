#include "server/static_files.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "io/base/files.hpp"

namespace ccteam::server {

namespace {

std::string_view content_type_of(std::string_view extension) {
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".js") return "text/javascript; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".txt") return "text/plain; charset=utf-8";
  return {};
}

// 64-bit FNV-1a: a cache validator, not a security measure.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

Result<StaticFiles> StaticFiles::load(const std::string& folder) {
  StaticFiles out;
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec);
  if (ec) {
    return tl::unexpected(Error::io(msg(MsgId::file_unreadable, folder, ec.message()), {},
                                    msg(MsgId::hint_check_path)));
  }
  for (const auto& entry : it) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    std::string_view type = content_type_of(entry.path().extension().string());
    if (type.empty()) continue;
    CCTEAM_TRY(auto content, io::read_file(entry.path().string(), 8u << 20));
    std::string etag = fmt::format("{:016x}", fnv1a(content));
    out.m_files.emplace(name, StaticFile{std::move(content), std::string(type), std::move(etag)});
  }
  std::uint64_t all = fnv1a("");
  for (const auto& [name, file] : out.m_files) all = fnv1a(file.etag, fnv1a(name, all));
  out.m_version = fmt::format("{:08x}", static_cast<std::uint32_t>(all ^ (all >> 32)));
  return out;
}

const StaticFile* StaticFiles::find(std::string_view name) const {
  auto it = m_files.find(name);
  return it == m_files.end() ? nullptr : &it->second;
}

}  // namespace ccteam::server
