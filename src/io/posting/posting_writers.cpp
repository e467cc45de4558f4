#include "io/posting/posting_writers.hpp"

#include <algorithm>

#include "ccteam/core/date.hpp"
#include "io/base/markup.hpp"
#include "io/base/table.hpp"
#include "io/posting/posting_markdown.hpp"

namespace ccteam::io {

namespace {

using posting::Block;
using posting::PostingDocument;
using posting::Section;

// 'text' as HTML with its web addresses and e-mail addresses as links.
std::string linked_markup(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view token = text.substr(i, end - i);
    // Punctuation after an address ends the sentence, not the address.
    std::size_t core = token.size();
    while (core > 0 && std::string_view(".,;:)").find(token[core - 1]) != std::string_view::npos)
      --core;
    std::string_view address = token.substr(0, core);
    bool web = address.starts_with("https://") || address.starts_with("http://");
    std::size_t at = address.find('@');
    bool mail = !web && at != std::string_view::npos && at > 0 &&
                address.find('.', at) != std::string_view::npos;
    if (web || mail) {
      std::string href = (mail ? "mailto:" : "") + std::string(address);
      out += "<a href=\"" + escape_markup(href) + "\">" + escape_markup(address) + "</a>" +
             escape_markup(token.substr(core));
    } else {
      out += escape_markup(token);
    }
    if (end < text.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

// The body of the posting (sections only) as HTML, for the page and for JSON-LD's description.
std::string sections_html(const PostingDocument& doc, int level) {
  std::string out;
  std::string h = "h" + std::to_string(level);
  std::string sub = "h" + std::to_string(level + 1);
  for (const Section& s : doc.sections) {
    out += "<section id=\"" + escape_markup(s.id) + "\"><" + h + ">" + escape_markup(s.heading) +
           "</" + h + ">\n";
    for (const Block& b : s.blocks) {
      switch (b.kind) {
        case Block::Kind::paragraph:
          for (const auto& line : b.lines) out += "<p>" + linked_markup(line) + "</p>\n";
          break;
        case Block::Kind::subheading:
          for (const auto& line : b.lines) {
            out += "<" + sub + ">" + escape_markup(line) + "</" + sub + ">\n";
          }
          break;
        case Block::Kind::bullets:
          out += "<ul>\n";
          for (const auto& line : b.lines) out += "<li>" + linked_markup(line) + "</li>\n";
          out += "</ul>\n";
          break;
      }
    }
    out += "</section>\n";
  }
  return out;
}

std::string employment_type(posting::EmploymentType type) {
  switch (type) {
    case posting::EmploymentType::full_time:
      return "FULL_TIME";
    case posting::EmploymentType::part_time:
      return "PART_TIME";
    case posting::EmploymentType::temporary:
      return "TEMPORARY";
    case posting::EmploymentType::contractor:
      return "CONTRACTOR";
    case posting::EmploymentType::intern:
      return "INTERN";
    case posting::EmploymentType::apprenticeship:
      return "OTHER";
  }
  return "OTHER";
}

std::string unit_text(catalog::PayPeriod period) {
  switch (period) {
    case catalog::PayPeriod::hour:
      return "HOUR";
    case catalog::PayPeriod::month:
      return "MONTH";
    case catalog::PayPeriod::year:
      return "YEAR";
  }
  return "YEAR";
}

// Google's credentialCategory values for educationRequirements, from the ISCED 2011 level:
// 3-4 "high school", 5 "associate degree", 6 "bachelor degree", 7-8 "postgraduate degree".
std::string credential_category(catalog::IscedLevel level) {
  int isced = catalog::to_int(level);
  if (isced >= 7) return "postgraduate degree";
  if (isced == 6) return "bachelor degree";
  if (isced == 5) return "associate degree";
  return "high school";
}

// A JSON number: whole amounts as integers, others with the currency's decimals.
nlohmann::ordered_json amount(const Money& money) {
  if (money.minor % 100 == 0 && money.currency.minor_digits() == 2) return money.minor / 100;
  return to_major(money);
}

std::string main_country(const posting::EmployerProfile& p) {
  if (!p.locations.empty()) return p.locations.front().country;
  if (!p.remote_allowed.empty()) return p.remote_allowed.front().country;
  return "";
}

}  // namespace

PostingMarkdown posting_to_markdown_with_lines(const PostingDocument& doc) {
  PostingMarkdown out;
  out.text = "# " + escape_markdown(doc.title) + "\n\n" + escape_markdown(doc.subtitle) + "\n";
  int lines = 3;  // the title, a blank line and the subtitle
  for (const Section& s : doc.sections) {
    out.section_lines.push_back(lines + 2);
    std::string body = blocks_to_markdown(s.blocks);
    out.text += "\n## " + escape_markdown(s.heading) + "\n";
    lines += 2;
    if (!body.empty()) {
      out.text += "\n" + body;
      lines += 1 + static_cast<int>(std::ranges::count(body, '\n'));
    }
  }
  return out;
}

std::string posting_to_markdown(const PostingDocument& doc) {
  return posting_to_markdown_with_lines(doc).text;
}

std::string posting_to_text(const PostingDocument& doc) {
  std::string out = doc.title + "\n" +
                    std::string(std::min<std::size_t>(doc.title.size(), 78), '=') + "\n" +
                    doc.subtitle + "\n";
  for (const Section& s : doc.sections) {
    out += "\n" + s.heading + "\n" + std::string(std::min<std::size_t>(s.heading.size(), 78), '-') +
           "\n";
    for (const Block& b : s.blocks) {
      for (const auto& line : b.lines) {
        switch (b.kind) {
          case Block::Kind::paragraph:
            out += wrap(line, 78, "") + "\n";
            break;
          case Block::Kind::subheading:
            out += line + ":\n";
            break;
          case Block::Kind::bullets:
            out += "- " + wrap(line, 76, "  ") + "\n";
            break;
        }
      }
    }
  }
  return out;
}

std::string posting_to_html(const PostingDocument& doc) {
  std::string json = posting_to_jsonld(doc).dump(2);
  std::string safe_json;
  for (char c : json) {
    if (c == '<') {
      safe_json += "\\u003c";
    } else {
      safe_json += c;
    }
  }
  std::string out = "<!doctype html>\n<html lang=\"" + std::string(to_string(doc.lang)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    escape_markup(doc.title) + "</title>\n";
  out +=
      "<style>\nbody{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
      "padding:0 1rem;line-height:1.5;color:#1a1a1a}\nh1{font-size:1.6rem;margin-bottom:.2rem}\n"
      ".subtitle{color:#555;margin-top:0}\nh2{font-size:1.2rem;border-bottom:1px solid #ccc;"
      "padding-bottom:.2rem;margin-top:1.6rem}\nh3{font-size:1rem;margin-bottom:.2rem}\n"
      "section{break-inside:avoid}\n.logo{max-height:3rem;max-width:12rem}\n@media "
      "print{body{margin:0;max-width:none;font-size:11pt}}\n"
      "</style>\n";
  out += "<script type=\"application/ld+json\">\n" + safe_json + "\n</script>\n</head>\n<body>\n";
  out += "<header>";
  if (!doc.profile->logo_url.empty()) {
    out += "<img class=\"logo\" src=\"" + escape_markup(doc.profile->logo_url) + "\" alt=\"" +
           escape_markup(doc.profile->name) + "\">\n";
  }
  out += "<h1>" + escape_markup(doc.title) + "</h1>\n<p class=\"subtitle\">" +
         escape_markup(doc.subtitle) + "</p></header>\n<main>\n";
  out += sections_html(doc, 2);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

nlohmann::ordered_json posting_to_jsonld(const PostingDocument& doc) {
  using nlohmann::ordered_json;
  const posting::EmployerProfile& p = *doc.profile;
  const catalog::Role& role = *doc.role;
  ordered_json j;
  j["@context"] = "https://schema.org/";
  j["@type"] = "JobPosting";
  j["title"] = doc.title;
  j["description"] = sections_html(doc, 2);
  j["datePosted"] = to_iso(p.posting_date);
  j["validThrough"] = to_iso(p.valid_through);
  j["employmentType"] = employment_type(p.employment_type);
  ordered_json org = {{"@type", "Organization"}, {"name", p.name}, {"sameAs", p.website}};
  if (!p.logo_url.empty()) org["logo"] = p.logo_url;
  j["hiringOrganization"] = org;
  if (p.remote != posting::RemotePolicy::remote) {
    ordered_json places = ordered_json::array();
    for (const posting::Location& l : p.locations) {
      ordered_json address = {{"@type", "PostalAddress"}};
      if (!l.street.empty()) address["streetAddress"] = l.street;
      address["addressLocality"] = l.city;
      if (!l.region.empty()) address["addressRegion"] = l.region;
      if (!l.postal_code.empty()) address["postalCode"] = l.postal_code;
      address["addressCountry"] = l.country;
      places.push_back({{"@type", "Place"}, {"address", address}});
    }
    j["jobLocation"] = places.size() == 1 ? places[0] : places;
  }
  // Search engines take TELECOMMUTE for fully remote jobs only; a hybrid job has its place.
  if (p.remote == posting::RemotePolicy::remote) {
    j["jobLocationType"] = "TELECOMMUTE";
    ordered_json areas = ordered_json::array();
    for (const posting::Place& place : p.remote_allowed) {
      if (place.region.empty()) {
        areas.push_back({{"@type", "Country"}, {"name", place.country}});
      } else {
        areas.push_back({{"@type", "State"}, {"name", place.code()}});
      }
    }
    j["applicantLocationRequirements"] = areas.size() == 1 ? areas[0] : areas;
  }
  if (doc.pay) {
    ordered_json value = {{"@type", "QuantitativeValue"}, {"minValue", amount(doc.pay->min)}};
    if (doc.pay->max) value["maxValue"] = amount(*doc.pay->max);
    value["unitText"] = unit_text(doc.pay->period);
    j["baseSalary"] = {{"@type", "MonetaryAmount"},
                       {"currency", std::string(doc.pay->min.currency.code())},
                       {"value", value}};
  }
  j["identifier"] = {{"@type", "PropertyValue"},
                     {"name", p.name},
                     {"value", doc.identifier.empty() ? role.id.str() + "-" + to_iso(p.posting_date)
                                                      : doc.identifier}};
  j["directApply"] = doc.direct_apply.value_or(!p.apply_url.empty());
  const auto& codes = role.occupation_codes;
  if (!codes.onet_soc.empty()) {
    j["occupationalCategory"] = codes.onet_soc;
  } else if (!codes.isco08.empty()) {
    j["occupationalCategory"] = codes.isco08;
  }
  j["totalJobOpenings"] = doc.position->openings;
  std::string country = main_country(p);
  const catalog::MinimumEducation* education = nullptr;
  for (const auto& e : role.minimum_education) {
    if (e.country == country || (education == nullptr && e.country == "*")) education = &e;
  }
  if (education != nullptr) {
    j["educationRequirements"] = {{"@type", "EducationalOccupationalCredential"},
                                  {"credentialCategory", credential_category(education->isced)}};
  }
  int months = 0;
  for (const auto& e : role.experience) {
    if (e.importance == catalog::Importance::required) months = std::max(months, e.months);
  }
  if (months > 0) {
    j["experienceRequirements"] = {{"@type", "OccupationalExperienceRequirements"},
                                   {"monthsOfExperience", months}};
  }
  j["experienceInPlaceOfEducation"] = !role.substitutions.empty();
  return j;
}

}  // namespace ccteam::io
