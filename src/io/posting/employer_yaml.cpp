#include "io/posting/employer_yaml.hpp"

#include <algorithm>
#include <cctype>

#include "ccteam/core/iso_codes.hpp"
#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"
#include "io/catalog/catalog_yaml.hpp"

namespace ccteam::io {

namespace {

using posting::EmployerProfile;

bool has_space(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

bool is_url(std::string_view s) {
  bool scheme = s.starts_with("https://") || s.starts_with("http://");
  return scheme && s.size() > 8 && !has_space(s) && s.find('<') == std::string_view::npos &&
         s.find('"') == std::string_view::npos;
}

bool is_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  auto dot = s.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < s.size() && !has_space(s) &&
         s.find('<') == std::string_view::npos;
}

std::string url(MapReader& map, std::string_view key, bool required) {
  auto text = map.string(key, required);
  if (!text) return {};
  if (!is_url(*text)) {
    map.ctx().error(*map.get(key, false), map.pointer_of(key), msg(MsgId::employer_bad_url, *text),
                    msg(MsgId::hint_url));
    return {};
  }
  return *text;
}

std::string email(MapReader& map, std::string_view key) {
  auto text = map.string(key, false);
  if (!text) return {};
  if (!is_email(*text)) {
    map.ctx().error(*map.get(key, false), map.pointer_of(key),
                    msg(MsgId::employer_bad_email, *text));
    return {};
  }
  return *text;
}

std::string country(MapReader& map) {
  auto code = map.string("country", true);
  if (!code) return {};
  if (!is_iso_country(*code)) {
    map.ctx().error(*map.get("country", false), map.pointer_of("country"),
                    msg(MsgId::catalog_bad_country, *code), msg(MsgId::hint_country));
    return {};
  }
  return *code;
}

std::string region(MapReader& map) {
  auto code = map.string("region", false);
  if (!code) return {};
  if (!is_iso_region(*code)) {
    map.ctx().error(*map.get("region", false), map.pointer_of("region"),
                    msg(MsgId::employer_bad_region, *code));
    return {};
  }
  return *code;
}

Date date(MapReader& map, std::string_view key, SourcePos& pos) {
  auto text = map.string(key, true);
  if (!text) return {};
  auto node = map.get(key, false);
  pos = map.ctx().pos(*node, map.pointer_of(key));
  auto parsed = parse_iso_date(*text);
  if (!parsed) {
    map.ctx().error(*node, map.pointer_of(key), msg(MsgId::bad_date, *text), msg(MsgId::hint_date));
    return {};
  }
  return *parsed;
}

void read_employer(MapReader& top, EmployerProfile& p) {
  auto node = top.get("employer", true);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("employer"));
  if (!map.is_map()) return;
  p.name = map.string("name", true).value_or("");
  p.website = url(map, "website", true);
  p.logo_url = url(map, "logo_url", false);
  p.privacy_url = url(map, "privacy_url", false);
  p.headcount = static_cast<int>(map.integer("headcount", true, 1, 10'000'000).value_or(0));
  p.works_council = map.boolean("works_council", false).value_or(false);
  p.collective_agreement = map.text("collective_agreement", false);
  map.finish();
}

void read_locations(MapReader& top, EmployerProfile& p) {
  if (auto list = top.get("locations", false); list && list->IsSequence() && list->size() == 0) {
    top.ctx().error(*list, top.pointer_of("locations"), msg(MsgId::employer_no_locations),
                    msg(MsgId::hint_employer_locations));
    return;
  }
  top.list("locations", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(top.ctx(), node, pointer);
    if (!map.is_map()) return;
    posting::Location l;
    l.pos = top.ctx().pos(node, pointer);
    l.street = map.string("street", false).value_or("");
    l.city = map.string("city", true).value_or("");
    l.postal_code = map.string("postal_code", false).value_or("");
    l.region = region(map);
    l.country = country(map);
    map.finish();
    p.locations.push_back(std::move(l));
  });
}

// "DE" or "US-CO".
std::optional<posting::Place> read_place(YamlContext& ctx, const YAML::Node& node,
                                         const std::string& pointer) {
  auto text = read_string(ctx, node, pointer);
  if (!text) return std::nullopt;
  if (!is_iso_place(*text)) {
    ctx.error(node, pointer, msg(MsgId::posting_data_bad_jurisdiction, *text),
              msg(MsgId::hint_country));
    return std::nullopt;
  }
  std::size_t dash = text->find('-');
  std::string sub = dash == std::string::npos ? "" : text->substr(dash + 1);
  return posting::Place{text->substr(0, dash), sub, ctx.pos(node, pointer)};
}

void read_remote(MapReader& top, EmployerProfile& p) {
  auto node = top.get("remote", true);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("remote"));
  if (!map.is_map()) return;
  p.remote_pos = top.ctx().pos(*node, top.pointer_of("remote"));
  p.remote = map.choice<posting::RemotePolicy>("policy", true, posting::parse_remote_policy,
                                               posting::all_remote_policies())
                 .value_or(posting::RemotePolicy::on_site);
  map.list("allowed", false, [&](const YAML::Node& n, const std::string& pointer) {
    if (auto place = read_place(map.ctx(), n, pointer)) p.remote_allowed.push_back(*place);
  });
  map.finish();
}

void read_employment(MapReader& top, EmployerProfile& p) {
  auto node = top.get("employment", true);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("employment"));
  if (!map.is_map()) return;
  p.employment_type =
      map.choice<posting::EmploymentType>("type", true, posting::parse_employment_type,
                                          posting::all_employment_types())
          .value_or(posting::EmploymentType::full_time);
  p.contract = map.choice<posting::Contract>("contract", true, posting::parse_contract,
                                             posting::all_contracts())
                   .value_or(posting::Contract::permanent);
  if (auto months = map.integer("fixed_term_months", false, 1, 120)) {
    p.fixed_term_months = static_cast<int>(*months);
  }
  if (auto hours = map.get("weekly_hours", true)) {
    p.weekly_hours_pos = map.ctx().pos(*hours, map.pointer_of("weekly_hours"));
  }
  p.weekly_hours = map.number("weekly_hours", true, 1, 80).value_or(40);
  p.shift_pattern = map.text("shift_pattern", false);
  map.finish();
}

void read_positions(MapReader& top, EmployerProfile& p) {
  top.list("positions", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(top.ctx(), node, pointer);
    if (!map.is_map()) return;
    posting::Position pos;
    pos.pos = top.ctx().pos(node, pointer);
    auto role = map.string("role", true);
    if (role && !is_valid_id(*role)) {
      map.ctx().error(*map.get("role", false), map.pointer_of("role"),
                      msg(MsgId::catalog_bad_id, *role), msg(MsgId::hint_id_form));
      role.reset();
    }
    pos.role = RoleId(role.value_or(""));
    pos.openings = static_cast<int>(map.integer("openings", false, 1, 100'000).value_or(1));
    pos.title = map.text("title", false);
    pos.adopt_market_reference = map.boolean("adopt_market_reference", false).value_or(false);
    if (auto pay = map.get("pay", false)) {
      MapReader pm(map.ctx(), *pay, map.pointer_of("pay"));
      if (pm.is_map()) {
        pos.pay_gross = pm.boolean("gross", false).value_or(true);
        pos.pay = read_pay_range(pm);
        pm.finish();
      }
      if (pos.adopt_market_reference) {
        map.ctx().error(*pay, map.pointer_of("pay"), msg(MsgId::employer_pay_and_adopt),
                        msg(MsgId::hint_employer_pay_and_adopt));
      }
    }
    map.finish();
    p.positions.push_back(std::move(pos));
  });
  if (p.positions.empty() && top.has("positions")) {
    top.ctx().error(*top.get("positions", false), top.pointer_of("positions"),
                    msg(MsgId::employer_no_positions));
  }
}

void read_apply(MapReader& top, EmployerProfile& p) {
  auto node = top.get("apply", true);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("apply"));
  if (!map.is_map()) return;
  p.apply_pos = top.ctx().pos(*node, top.pointer_of("apply"));
  p.apply_url = url(map, "url", false);
  p.apply_email = email(map, "email");
  if (!map.has("url") && !map.has("email")) {
    map.ctx().error(p.apply_pos, msg(MsgId::employer_no_apply), msg(MsgId::hint_employer_apply));
  }
  map.finish();
}

void read_contact(MapReader& top, EmployerProfile& p) {
  auto node = top.get("contact", false);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("contact"));
  if (!map.is_map()) return;
  posting::Contact c;
  c.name = map.string("name", true).value_or("");
  c.email = email(map, "email");
  c.phone = map.string("phone", false).value_or("");
  map.finish();
  p.contact = std::move(c);
}

void read_privacy_notice(MapReader& top, EmployerProfile& p) {
  auto node = top.get("privacy_notice", false);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("privacy_notice"));
  if (!map.is_map()) return;
  posting::PrivacyNotice notice;
  notice.version = map.string("version", true).value_or("");
  notice.en = map.string("en", false).value_or("");
  notice.de = map.string("de", false).value_or("");
  if (!map.has("en") && !map.has("de")) {
    map.ctx().error(*node, top.pointer_of("privacy_notice"),
                    msg(MsgId::employer_privacy_notice_empty),
                    msg(MsgId::hint_employer_privacy_notice));
  }
  map.finish();
  p.privacy_notice = std::move(notice);
}

// 'acknowledgement': {subject: {en, de}, body: {en, de}}, each text optional; a placeholder the
// template does not know is an error at its text.
void read_acknowledgement(MapReader& top, EmployerProfile& p) {
  auto node = top.get("acknowledgement", false);
  if (!node) return;
  MapReader map(top.ctx(), *node, top.pointer_of("acknowledgement"));
  if (!map.is_map()) return;
  posting::MailTemplate mail;
  auto read_texts = [&map](std::string_view key, LocalizedText& into) {
    auto texts = map.get(key, false);
    if (!texts) return;
    MapReader langs(map.ctx(), *texts, map.pointer_of(key));
    if (!langs.is_map()) return;
    for (Lang lang : {Lang::en, Lang::de}) {
      std::string_view code = ccteam::to_string(lang);
      auto text = langs.string(code, false);
      if (!text) continue;
      for (const std::string& bad : posting::unknown_placeholders(*text)) {
        langs.ctx().error(*langs.get(code, false), langs.pointer_of(code),
                          msg(MsgId::employer_mail_placeholder, bad),
                          msg(MsgId::hint_employer_mail_placeholder));
      }
      into.get(lang) = std::move(*text);
    }
    langs.finish();
  };
  read_texts("subject", mail.subject);
  read_texts("body", mail.body);
  map.finish();
  p.acknowledgement = std::move(mail);
}

}  // namespace

Checked<EmployerProfile> read_employer_yaml(std::string_view text, const std::string& file) {
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file, text);
  EmployerProfile p;
  p.file = file;
  MapReader top(ctx, *root, "");
  if (top.is_map()) {
    read_employer(top, p);
    read_locations(top, p);
    read_remote(top, p);
    read_employment(top, p);
    p.benefits = {};
    top.list("benefits", false, [&](const YAML::Node& node, const std::string& pointer) {
      if (auto t = read_text(ctx, node, pointer)) p.benefits.push_back(*t);
    });
    if (auto form = top.choice<posting::AddressForm>(
            "address_form", true, posting::parse_address_form, posting::all_address_forms())) {
      p.address_form = *form;
    }
    read_positions(top, p);
    read_apply(top, p);
    p.posting_date = date(top, "posting_date", p.posting_date_pos);
    p.valid_through = date(top, "valid_through", p.valid_through_pos);
    read_contact(top, p);
    p.equal_opportunity = top.text("equal_opportunity", true).value_or(LocalizedText{});
    read_privacy_notice(top, p);
    read_acknowledgement(top, p);
    top.finish();
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return p;
}

namespace {

using json = nlohmann::ordered_json;

json text_json(const LocalizedText& text) { return json{{"en", text.en}, {"de", text.de}}; }

void put_if(json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

}  // namespace

nlohmann::ordered_json employer_to_json(const EmployerProfile& p) {
  json out;
  json employer;
  employer["name"] = p.name;
  employer["website"] = p.website;
  put_if(employer, "logo_url", p.logo_url);
  put_if(employer, "privacy_url", p.privacy_url);
  employer["headcount"] = p.headcount;
  if (p.works_council) employer["works_council"] = true;
  if (p.collective_agreement) employer["collective_agreement"] = text_json(*p.collective_agreement);
  out["employer"] = std::move(employer);
  json locations = json::array();
  for (const posting::Location& l : p.locations) {
    json place;
    put_if(place, "street", l.street);
    place["city"] = l.city;
    put_if(place, "postal_code", l.postal_code);
    put_if(place, "region", l.region);
    place["country"] = l.country;
    locations.push_back(std::move(place));
  }
  out["locations"] = std::move(locations);
  json remote{{"policy", std::string(posting::to_string(p.remote))}};
  if (!p.remote_allowed.empty()) {
    json allowed = json::array();
    for (const posting::Place& place : p.remote_allowed) allowed.push_back(place.code());
    remote["allowed"] = std::move(allowed);
  }
  out["remote"] = std::move(remote);
  json employment{{"type", std::string(posting::to_string(p.employment_type))},
                  {"contract", std::string(posting::to_string(p.contract))}};
  if (p.fixed_term_months) employment["fixed_term_months"] = *p.fixed_term_months;
  if (p.weekly_hours == static_cast<double>(static_cast<int>(p.weekly_hours))) {
    employment["weekly_hours"] = static_cast<int>(p.weekly_hours);
  } else {
    employment["weekly_hours"] = p.weekly_hours;
  }
  if (p.shift_pattern) employment["shift_pattern"] = text_json(*p.shift_pattern);
  out["employment"] = std::move(employment);
  if (!p.benefits.empty()) {
    json benefits = json::array();
    for (const LocalizedText& benefit : p.benefits) benefits.push_back(text_json(benefit));
    out["benefits"] = std::move(benefits);
  }
  out["address_form"] = std::string(posting::to_string(p.address_form));
  json positions = json::array();
  for (const posting::Position& position : p.positions) {
    json item{{"role", position.role.str()}, {"openings", position.openings}};
    if (position.title) item["title"] = text_json(*position.title);
    if (position.pay) {
      const catalog::PayRange& range = *position.pay;
      json pay{{"currency", std::string(range.min.currency.code())},
               {"period", std::string(catalog::to_string(range.period))},
               {"min", decimal_text(range.min)}};
      if (range.max) pay["max"] = decimal_text(*range.max);
      if (range.open_ended) pay["open_ended"] = true;
      pay["gross"] = position.pay_gross;
      item["pay"] = std::move(pay);
    }
    if (position.adopt_market_reference) item["adopt_market_reference"] = true;
    positions.push_back(std::move(item));
  }
  out["positions"] = std::move(positions);
  json apply = json::object();
  put_if(apply, "url", p.apply_url);
  put_if(apply, "email", p.apply_email);
  out["apply"] = std::move(apply);
  out["posting_date"] = to_iso(p.posting_date);
  out["valid_through"] = to_iso(p.valid_through);
  if (p.contact) {
    json contact{{"name", p.contact->name}};
    put_if(contact, "email", p.contact->email);
    put_if(contact, "phone", p.contact->phone);
    out["contact"] = std::move(contact);
  }
  out["equal_opportunity"] = text_json(p.equal_opportunity);
  if (p.privacy_notice) {
    json notice{{"version", p.privacy_notice->version}};
    put_if(notice, "en", p.privacy_notice->en);
    put_if(notice, "de", p.privacy_notice->de);
    out["privacy_notice"] = std::move(notice);
  }
  if (p.acknowledgement) {
    json mail = json::object();
    for (auto [key, texts] : {std::pair{"subject", &p.acknowledgement->subject},
                              std::pair{"body", &p.acknowledgement->body}}) {
      json item = json::object();
      put_if(item, "en", texts->en);
      put_if(item, "de", texts->de);
      if (!item.empty()) mail[key] = std::move(item);
    }
    out["acknowledgement"] = std::move(mail);
  }
  return out;
}

Checked<EmployerProfile> load_employer(const std::string& path) {
  auto text = read_file(path, k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  return read_employer_yaml(*text, path == "-" ? std::string() : path);
}

}  // namespace ccteam::io
