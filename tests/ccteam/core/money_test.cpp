#include "ccteam/core/money.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

Currency currency(std::string_view code) { return *Currency::parse(code); }

TEST(Currency, KnowsIso4217CodesInAnyCase) {
  EXPECT_EQ(Currency::parse("EUR")->code(), "EUR");
  EXPECT_EQ(Currency::parse("usd")->code(), "USD");
  EXPECT_EQ(Currency::parse("CHF")->minor_digits(), 2);
  // ISO 4217: the yen has no minor unit, the Bahraini dinar three.
  EXPECT_EQ(Currency::parse("JPY")->minor_digits(), 0);
  EXPECT_EQ(Currency::parse("BHD")->minor_digits(), 3);
}

TEST(Currency, RejectsCodesThatDoNotExist) {
  for (std::string_view bad : {"EUX", "EURO", "", "E", "€", "XYZ"}) {
    auto parsed = Currency::parse(bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().message.id, MsgId::unknown_currency);
    EXPECT_TRUE(parsed.error().hint.has_value());
  }
}

TEST(Money, ParsesDecimalAmountsIntoMinorUnits) {
  EXPECT_EQ(money_from_decimal("32000", currency("USD"))->minor, 3'200'000);
  EXPECT_EQ(money_from_decimal("12.82", currency("EUR"))->minor, 1282);  // German minimum wage 2024
  EXPECT_EQ(money_from_decimal("12.8", currency("EUR"))->minor, 1280);
  EXPECT_EQ(money_from_decimal("0", currency("EUR"))->minor, 0);
  EXPECT_EQ(money_from_decimal("1500", currency("JPY"))->minor, 1500);
  EXPECT_EQ(money_from_decimal("1.005", currency("BHD"))->minor, 1005);
}

TEST(Money, RejectsWhatIsNotAPlainAmount) {
  for (std::string_view bad :
       {"-5", "+5", "1,000", "12.825", "1e3", "", ".5", "5.", "12 000", "99999999999999999999"}) {
    EXPECT_FALSE(money_from_decimal(bad, currency("EUR"))) << bad;
  }
  EXPECT_FALSE(money_from_decimal("12.5", currency("JPY")));
}

TEST(Money, ConvertsToMajorUnits) {
  EXPECT_EQ(decimal_text(Money{240050, currency("EUR")}), "2400.50");
  EXPECT_EQ(decimal_text(Money{240050, currency("EUR")}, ','), "2400,50");
  EXPECT_EQ(decimal_text(Money{240000, currency("EUR")}), "2400");
  EXPECT_EQ(decimal_text(Money{1205, currency("USD")}), "12.05");
  EXPECT_EQ(decimal_text(Money{-5, currency("USD")}), "-0.05");
  EXPECT_EQ(decimal_text(Money{1500, currency("JPY")}), "1500");
  EXPECT_DOUBLE_EQ(to_major(Money{1282, currency("EUR")}), 12.82);
  EXPECT_DOUBLE_EQ(to_major(Money{1500, currency("JPY")}), 1500.0);
}

TEST(Money, FormatsInTheConventionsOfEachLanguage) {
  // CLDR: en-US "$32,000"; de-DE "32.000 $" with a no-break space before the symbol.
  EXPECT_EQ(format_money(Money{3'200'000, currency("USD")}, Lang::en), "$32,000");
  EXPECT_EQ(format_money(Money{3'200'000, currency("USD")}, Lang::de), "32.000\u00a0$");
  EXPECT_EQ(format_money(Money{1282, currency("EUR")}, Lang::de), "12,82\u00a0€");
  EXPECT_EQ(format_money(Money{1282, currency("EUR")}, Lang::en), "€12.82");
  // In a column of amounts with cents a whole one keeps its zeros: "69,00 €" above "69,73 €"; the
  // yen has no minor units to show.
  EXPECT_EQ(format_money(Money{6900, currency("EUR")}, Lang::de, MinorUnits::always), "69,00 €");
  EXPECT_EQ(format_money(Money{6900, currency("EUR")}, Lang::en, MinorUnits::always), "€69.00");
  EXPECT_EQ(format_money(Money{6900, currency("JPY")}, Lang::en, MinorUnits::always), "¥6,900");
}

}  // namespace
}  // namespace ccteam
