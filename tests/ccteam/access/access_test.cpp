// Roles, permissions and the rules for logins, names and passwords.
#include "ccteam/access/access.hpp"

#include <gtest/gtest.h>

namespace ccteam::access {
namespace {

TEST(Access, OnlyAdminsManageUsersAndReadTheAuditLog) {
  // The table of docs/accounts.md, written out role by role.
  struct Row {
    WorkspaceRole role;
    bool own_account, manage_users, read_audit;
  };
  const Row rows[] = {
      {WorkspaceRole::admin, true, true, true},
      {WorkspaceRole::recruiter, true, false, false},
      {WorkspaceRole::hiring_manager, true, false, false},
      {WorkspaceRole::works_council, true, false, false},
      {WorkspaceRole::viewer, true, false, false},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(to_string(row.role)));
    EXPECT_EQ(allows(row.role, Permission::own_account), row.own_account);
    EXPECT_EQ(allows(row.role, Permission::manage_users), row.manage_users);
    EXPECT_EQ(allows(row.role, Permission::read_audit), row.read_audit);
  }
}

TEST(Access, NoApplicantDataForTheWorksCouncilOrViewers) {
  // docs/accounts.md: recruiters and admins manage applications; hiring managers read those of
  // their own openings; the works council and viewers see none (its view comes with § 99).
  for (WorkspaceRole role : k_workspace_roles) {
    SCOPED_TRACE(std::string(to_string(role)));
    bool manages = role == WorkspaceRole::admin || role == WorkspaceRole::recruiter;
    EXPECT_EQ(allows(role, Permission::manage_applications), manages);
    EXPECT_EQ(allows(role, Permission::read_applications),
              manages || role == WorkspaceRole::hiring_manager);
  }
}

TEST(Access, EveryRoleReadsPayBandsAndOnlyAdminsChangeThem) {
  for (WorkspaceRole role : k_workspace_roles) {
    SCOPED_TRACE(std::string(to_string(role)));
    EXPECT_TRUE(allows(role, Permission::read_pay_bands));
    EXPECT_EQ(allows(role, Permission::write_pay_bands), role == WorkspaceRole::admin);
  }
}

TEST(Access, EveryRoleReadsEmployersAndRecruitersAndAdminsChangeThem) {
  for (WorkspaceRole role : k_workspace_roles) {
    SCOPED_TRACE(std::string(to_string(role)));
    EXPECT_TRUE(allows(role, Permission::read_employers));
    EXPECT_EQ(allows(role, Permission::write_employers),
              role == WorkspaceRole::admin || role == WorkspaceRole::recruiter);
  }
}

TEST(Access, EveryRoleReadsOpeningsRecruitersWriteAndHiringManagersComment) {
  for (WorkspaceRole role : k_workspace_roles) {
    SCOPED_TRACE(std::string(to_string(role)));
    EXPECT_TRUE(allows(role, Permission::read_openings));
    EXPECT_EQ(allows(role, Permission::write_openings),
              role == WorkspaceRole::admin || role == WorkspaceRole::recruiter);
    EXPECT_EQ(allows(role, Permission::comment_openings),
              role == WorkspaceRole::admin || role == WorkspaceRole::recruiter ||
                  role == WorkspaceRole::hiring_manager);
  }
}

TEST(Access, RoleNamesRoundTrip) {
  for (WorkspaceRole role : k_workspace_roles) {
    EXPECT_EQ(parse_workspace_role(to_string(role)), role);
  }
  EXPECT_FALSE(parse_workspace_role("Admin").has_value());
  EXPECT_FALSE(parse_workspace_role("hiring-manager").has_value());
  EXPECT_EQ(workspace_role_names(), "admin, recruiter, hiring_manager, works_council, viewer");
}

TEST(Access, LoginsAreLowerCaseAndLimited) {
  EXPECT_EQ(*normalize_login("Anna.Schmidt@Example.DE"), "anna.schmidt@example.de");
  EXPECT_EQ(*normalize_login("abc"), "abc");
  EXPECT_FALSE(normalize_login("ab").has_value());
  EXPECT_FALSE(normalize_login(std::string(65, 'a')).has_value());
  EXPECT_TRUE(normalize_login(std::string(64, 'a')).has_value());
  EXPECT_FALSE(normalize_login("anna schmidt").has_value());
  EXPECT_FALSE(normalize_login("jürgen").has_value());
  auto bad = normalize_login("a\x1b[2Jb");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message.id, MsgId::user_login_invalid);
}

TEST(Access, NamesAreTrimmedPrintableAndAtMostAHundredCharacters) {
  EXPECT_EQ(*check_name("  Jürgen Weiß ", MsgId::user_name_invalid), "Jürgen Weiß");
  EXPECT_FALSE(check_name("   ", MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name("a\nb", MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name("a\x1b[31m", MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name("a\xc2\x9b"
                          "b",
                          MsgId::user_name_invalid)
                   .has_value());  // C1 CSI
  EXPECT_FALSE(check_name("\xff", MsgId::user_name_invalid).has_value());
  // Nothing visible, or text that reads differently than it is stored.
  EXPECT_FALSE(check_name("\u200b\u200b", MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name("\u00a0\u3000\ufeff", MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name("a\u202eevil", MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name("a\u2066b\u2069", MsgId::user_name_invalid).has_value());
  EXPECT_EQ(*check_name("Anna\u00a0Berg", MsgId::user_name_invalid), "Anna\u00a0Berg");
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "ü";  // 100 characters, 200 bytes
  EXPECT_TRUE(check_name(hundred, MsgId::user_name_invalid).has_value());
  EXPECT_FALSE(check_name(hundred + "x", MsgId::token_name_invalid).has_value());
}

TEST(Access, NewPasswordsHaveTwelveCharactersOrMore) {
  EXPECT_FALSE(check_new_password("elevenchars").has_value());  // 11
  EXPECT_TRUE(check_new_password("twelve chars").has_value());  // 12
  // Characters, not bytes: eleven umlauts are 22 bytes but too short.
  EXPECT_FALSE(check_new_password("üüüüüüüüüüü").has_value());
  EXPECT_TRUE(check_new_password(std::string(1024, 'x')).has_value());
  EXPECT_FALSE(check_new_password(std::string(1025, 'x')).has_value());
}

}  // namespace
}  // namespace ccteam::access
