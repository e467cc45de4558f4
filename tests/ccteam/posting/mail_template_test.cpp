#include "ccteam/posting/mail_template.hpp"

#include <gtest/gtest.h>

namespace ccteam::posting {
namespace {

TEST(MailTemplate, FillsTheFivePlaceholdersAndBraces) {
  MailFields fields{"Erika Muster", "Agent (m/w/d)", "Nordlicht GmbH", "04.12.2026",
                    "https://jobs.example.com/de/application/abc"};
  EXPECT_EQ(fill_mail_template("Hallo {name}, danke für {position} bei {employer} am {date}: "
                               "{link}",
                               fields),
            "Hallo Erika Muster, danke für Agent (m/w/d) bei Nordlicht GmbH am 04.12.2026: "
            "https://jobs.example.com/de/application/abc");
  EXPECT_EQ(fill_mail_template("{{name}} }} {{", fields), "{name} } {");
  // A value is never read as a template: braces in a name stay as written.
  fields.name = "{link}";
  EXPECT_EQ(fill_mail_template("{name}", fields), "{link}");
  EXPECT_EQ(fill_mail_template("", fields), "");
}

TEST(MailTemplate, UnknownPlaceholdersAreFoundAndKept) {
  EXPECT_TRUE(unknown_placeholders("Hallo {name}, {{salary}}").empty());
  EXPECT_EQ(unknown_placeholders("{salary} {Name} {salary} {} {unclosed"),
            (std::vector<std::string>{"{salary}", "{Name}", "{}", "{"}));
  EXPECT_EQ(unknown_placeholders("{a\n}"), (std::vector<std::string>{"{"}));
  MailFields fields;
  EXPECT_EQ(fill_mail_template("{salary} and {", fields), "{salary} and {");
  std::string many;
  for (int i = 0; i < 50; ++i) many += "{x" + std::to_string(i) + "}";
  EXPECT_EQ(unknown_placeholders(many).size(), 10u);
}

}  // namespace
}  // namespace ccteam::posting
