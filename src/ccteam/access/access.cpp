#include "ccteam/access/access.hpp"

#include <cstdint>

namespace ccteam::access {

bool allows(WorkspaceRole role, Permission permission) {
  switch (permission) {
    case Permission::own_account:
    case Permission::read_plans:
    case Permission::read_pay_bands:
    case Permission::read_employers:
    case Permission::read_openings:
      return true;
    case Permission::comment_openings:
    case Permission::read_applications:
      return role == WorkspaceRole::admin || role == WorkspaceRole::recruiter ||
             role == WorkspaceRole::hiring_manager;
    case Permission::write_employers:
    case Permission::write_openings:
    case Permission::manage_applications:
      return role == WorkspaceRole::admin || role == WorkspaceRole::recruiter;
    case Permission::write_plans:
      return role == WorkspaceRole::admin || role == WorkspaceRole::hiring_manager;
    case Permission::manage_users:
    case Permission::read_audit:
    case Permission::read_operations:
    case Permission::write_pay_bands:
      return role == WorkspaceRole::admin;
  }
  return false;
}

std::string_view to_string(WorkspaceRole role) {
  switch (role) {
    case WorkspaceRole::admin:
      return "admin";
    case WorkspaceRole::recruiter:
      return "recruiter";
    case WorkspaceRole::hiring_manager:
      return "hiring_manager";
    case WorkspaceRole::works_council:
      return "works_council";
    case WorkspaceRole::viewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<WorkspaceRole> parse_workspace_role(std::string_view text) {
  for (WorkspaceRole role : k_workspace_roles) {
    if (to_string(role) == text) return role;
  }
  return std::nullopt;
}

std::string workspace_role_names() {
  std::string out;
  for (WorkspaceRole role : k_workspace_roles) {
    if (!out.empty()) out += ", ";
    out += to_string(role);
  }
  return out;
}

MsgId role_title(WorkspaceRole role) {
  switch (role) {
    case WorkspaceRole::admin:
      return MsgId::role_admin;
    case WorkspaceRole::recruiter:
      return MsgId::role_recruiter;
    case WorkspaceRole::hiring_manager:
      return MsgId::role_hiring_manager;
    case WorkspaceRole::works_council:
      return MsgId::role_works_council;
    case WorkspaceRole::viewer:
      return MsgId::role_viewer;
  }
  return MsgId::role_viewer;
}

std::optional<std::size_t> printable_chars(std::string_view text) {
  std::size_t count = 0;
  bool visible = false;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = 0;
    std::size_t len = 0;
    if (byte < 0x80) {
      cp = byte;
      len = 1;
    } else if ((byte & 0xE0) == 0xC0) {
      cp = byte & 0x1Fu;
      len = 2;
    } else if ((byte & 0xF0) == 0xE0) {
      cp = byte & 0x0Fu;
      len = 3;
    } else if ((byte & 0xF8) == 0xF0) {
      cp = byte & 0x07u;
      len = 4;
    } else {
      return std::nullopt;
    }
    if (i + len > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    constexpr std::uint32_t k_min_of_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < k_min_of_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return std::nullopt;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return std::nullopt;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return std::nullopt;
    bool blank =
        cp == 0x20 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x3000 || cp == 0xFEFF;
    if (!blank) visible = true;
    ++count;
    i += len;
  }
  if (!visible) return std::size_t{0};
  return count;
}

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

Result<std::string> normalize_login(std::string_view text) {
  std::string login;
  bool ok = text.size() >= 3 && text.size() <= 64;
  for (char c : text) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '-' || c == '_' || c == '@';
    if (!allowed) ok = false;
    login += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (!ok) {
    std::string shown(text.substr(0, 64));
    return tl::unexpected(Error::invalid_input(msg(MsgId::user_login_invalid, shown)));
  }
  return login;
}

Result<std::string> check_name(std::string_view text, MsgId message) {
  std::string_view trimmed = trim(text);
  auto chars = printable_chars(trimmed);
  if (!chars || *chars == 0 || *chars > k_max_name_chars) {
    return tl::unexpected(Error::invalid_input(msg(message)));
  }
  return std::string(trimmed);
}

Result<void> check_new_password(std::string_view password) {
  if (password.size() > k_max_password_bytes) {
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::password_too_long, k_max_password_bytes)));
  }
  std::size_t chars = 0;
  for (char c : password) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  }
  if (chars < k_min_password_chars) {
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::password_too_short, k_min_password_chars)));
  }
  return {};
}

}  // namespace ccteam::access
