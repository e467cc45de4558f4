#include "app/workspace/seed.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "app/catalog/catalog.hpp"
#include "app/workspace/applications.hpp"
#include "app/workspace/openings.hpp"
#include "app/workspace/pay_bands.hpp"
#include "io/base/files.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"

namespace ccteam::app {

namespace {

tl::unexpected<Errors> fail_with(Error error) { return tl::unexpected(Errors{std::move(error)}); }

// Parses and validates one catalog text, as load_catalog does for a file.
Checked<catalog::Catalog> parse_catalog(std::string_view text, const std::string& name) {
  catalog::Catalog out;
  Errors errors = io::read_catalog_yaml(text, name, out);
  if (errors.empty()) errors = catalog::validate_catalog(out);
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  out.source_files = {name};
  return out;
}

// The example employer profiles directly in 'folder': employer-*.yaml and employer-*.yml, by
// name (the folder holds other examples too, such as hiring-plan.yaml).
Result<std::vector<std::string>> employer_files(const std::string& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::file_not_found, folder), {}, msg(MsgId::hint_check_path)));
  }
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    std::string path = entry.path().string();
    if (!entry.path().filename().string().starts_with("employer-")) continue;
    if (io::has_extension(path, ".yaml") || io::has_extension(path, ".yml")) {
      out.push_back(std::move(path));
    }
  }
  if (ec) {
    return tl::unexpected(
        Error::io(msg(MsgId::file_unreadable, folder, io::os_error_text(ec.value()))));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Checked<SeedCatalogResult> seed_catalog(store::Repository& repository,
                                        const store::Uuid& organisation, const Environment& env) {
  SeedCatalogResult out;
  auto version = repository.catalog_version(organisation);
  if (!version) return fail_with(std::move(version).error());
  if (*version > 0) {
    out.version = *version;
    return out;
  }
  auto loaded = load_catalog({}, env);
  if (!loaded) return tl::unexpected(std::move(loaded).error());
  if (loaded->source_files.size() != 1) {
    return fail_with(Error::invalid_input(
        msg(MsgId::store_catalog_many_files, env.catalog_dir, loaded->source_files.size()), {},
        msg(MsgId::hint_store_catalog_many_files)));
  }
  const std::string& file = loaded->source_files.front();
  auto text = io::read_file(file);
  if (!text) return fail_with(std::move(text).error());
  // Validated again from the very text that is stored (the file may have changed meanwhile).
  auto parsed = parse_catalog(*text, file);
  if (!parsed) return tl::unexpected(std::move(parsed).error());
  auto stored = repository.put_catalog(organisation, file, std::move(*text));
  if (!stored) return fail_with(std::move(stored).error());
  out.stored = true;
  out.version = stored->version;
  out.roles = parsed->roles.size();
  out.source_name = file;
  return out;
}

namespace {

// Made-up applicants of the demo, each a job history, education and languages as the form
// takes them: an experienced agent, a retail seller changing careers, a team lead, an agent
// whose German is at B1, a student working part time in a call center.
struct DemoApplicant {
  const char* name;
  const char* email;
  std::vector<WorkEntry> work;
  std::vector<EducationEntry> education;
  std::vector<LanguageAnswer> languages;
};

std::vector<DemoApplicant> demo_applicants() {
  return {
      {"Erika Muster",
       "erika.muster@example.org",
       {{"Dialogwerk GmbH", "Kundenberaterin Inbound", "2019-04", "",
         "Kundenanfragen am Telefon und per Chat, Reklamationen, Vertragsänderungen"}},
       {{"Berufsausbildung", "Kauffrau für Dialogmarketing", "IHK Leipzig", "2019-03"}},
       {{"de", "native"}, {"en", "B1"}}},
      {"Jonas Beispiel",
       "jonas.beispiel@example.org",
       {{"Baumarkt Nord", "Verkäufer", "2020-01", "2024-08", "Beratung an der Kasse und im Markt"}},
       {{"Realschulabschluss", "", "Oberschule Mitte", "2015-07"}},
       {{"de", "native"}}},
      {"Aylin Demir",
       "aylin.demir@example.org",
       {{"Servicecenter Süd", "Teamleiterin Kundenservice", "2021-05", "",
         "Führung von 12 Agents, Dienstplanung, Eskalationen"},
        {"Servicecenter Süd", "Agentin im Kundenservice", "2016-09", "2021-04", ""}},
       {{"Fachwirt", "Fachwirtin für Kundenservice", "IHK", "2020-11"}},
       {{"de", "native"}, {"tr", "native"}, {"en", "B2"}}},
      {"Mateo García",
       "mateo.garcia@example.org",
       {{"HelpDesk Ltd", "Customer Service Agent", "2022-09", "",
         "Phone and e-mail support for a telecom provider"}},
       {{"Bachelor", "Business Administration", "Universidad de Sevilla", "2022-06"}},
       {{"es", "native"}, {"en", "C1"}, {"de", "B1"}}},
      {"Lena Schulz",
       "lena.schulz@example.org",
       {{"Kundendialog Campus", "Aushilfe im Callcenter", "2024-10", "",
         "Outbound-Befragungen, Terminvereinbarung"}},
       {{"Abitur", "", "Gymnasium am Park", "2023-06"}},
       {{"de", "native"}, {"en", "B2"}}},
  };
}

// Sends the demo applications to the first agent and team-lead openings (the team lead also
// applies for the agent opening); their form keys make a restart add none twice.
Result<std::size_t> demo_applications(store::Repository& repository,
                                      const store::Uuid& organisation,
                                      const catalog::Catalog& catalog, Date today) {
  store::OpeningQuery open;
  open.status = "open";
  CCTEAM_TRY(auto openings, repository.openings(organisation, open));
  std::optional<store::Uuid> agent, team_lead;
  for (const store::StoredOpening& opening : openings) {
    if (opening.role == "agent" && !agent) agent = opening.id;
    if (opening.role == "team-lead" && !team_lead) team_lead = opening.id;
  }
  std::size_t added = 0;
  std::vector<DemoApplicant> people = demo_applicants();
  for (std::size_t i = 0; i < people.size(); ++i) {
    std::vector<store::Uuid> targets;
    if (agent) targets.push_back(*agent);
    if (i == 2 && team_lead) targets.push_back(*team_lead);
    for (std::size_t t = 0; t < targets.size(); ++t) {
      ApplicationForm form;
      form.name = people[i].name;
      form.email = people[i].email;
      form.work = people[i].work;
      form.education = people[i].education;
      form.languages = people[i].languages;
      form.channel = i % 2 == 0 ? "" : "jobboard";
      form.idempotency_key = fmt::format("demo-application-{}-{}", i, t);
      auto sent = submit_application(repository, organisation, catalog, targets[t], form, Lang::de,
                                     "demo", "demo-applications-secret-0123456789", today, 0);
      if (!sent) return tl::unexpected(std::move(sent).error().front());
      if (!sent->existing) ++added;
    }
  }
  return added;
}

}  // namespace

Checked<DemoResult> load_demo(store::Repository& repository, const store::Uuid& organisation,
                              const Environment& env) {
  DemoResult out;
  auto seeded = seed_catalog(repository, organisation, env);
  if (!seeded) return tl::unexpected(std::move(seeded).error());
  out.catalog = std::move(*seeded);

  auto files = employer_files(env.examples_dir);
  if (!files) return fail_with(std::move(files).error());
  struct Example {
    std::string name;
    std::string yaml;
  };
  std::vector<Example> examples;
  std::vector<catalog::PayBand> bands;
  Errors errors;
  for (const std::string& file : *files) {
    auto text = io::read_file(file);
    if (!text) {
      errors.push_back(std::move(text).error());
      continue;
    }
    auto profile = io::read_employer_yaml(*text, file);
    if (!profile) {
      for (Error& error : profile.error()) errors.push_back(std::move(error));
      continue;
    }
    // The example's own pay, as pay bands in the country of its first location.
    if (!profile->locations.empty()) {
      for (const posting::Position& position : profile->positions) {
        if (!position.pay || !position.pay_gross) continue;
        catalog::PayBand band;
        band.role.id = position.role;
        band.country = profile->locations.front().country;
        band.range = *position.pay;
        bands.push_back(std::move(band));
      }
    }
    examples.push_back({std::move(profile->name), std::move(*text)});
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));

  auto existing = repository.employers(organisation, std::nullopt, 1);
  if (!existing) return fail_with(std::move(existing).error());
  if (existing->empty()) {
    for (Example& example : examples) {
      auto added = repository.add_employer(organisation, example.name, std::move(example.yaml),
                                           store::Actor::system());
      if (!added) return fail_with(std::move(added).error());
      out.employers_added.push_back(std::move(example.name));
    }
  }

  auto stored_bands = repository.pay_bands(organisation);
  if (!stored_bands) return fail_with(std::move(stored_bands).error());
  if (!*stored_bands) {
    std::set<std::tuple<std::string, std::string, catalog::PayPeriod>> seen;
    std::vector<catalog::PayBand> kept;
    for (catalog::PayBand& band : bands) {
      if (seen.emplace(band.role.id.str(), band.country, band.range.period).second) {
        kept.push_back(std::move(band));
      }
    }
    auto saved =
        save_pay_bands(repository, organisation, "demo",
                       pay_bands_yaml(pay_band_inputs(kept, Lang::en)), 0, store::Actor::system());
    if (!saved) return tl::unexpected(std::move(saved).error());
    out.pay_bands_added = saved->bands.size();
  }

  // One published opening per position of every profile, in both languages, open for eight
  // weeks from today: a new user sees the careers page at once.
  store::OpeningQuery any;
  any.limit = 1;
  auto openings = repository.openings(organisation, any);
  if (!openings) return fail_with(std::move(openings).error());
  if (openings->empty()) {
    auto catalog = stored_catalog(repository, organisation);
    if (!catalog) return fail_with(std::move(catalog).error());
    auto employers = list_employers(repository, organisation, 100);
    if (!employers) return fail_with(std::move(employers).error());
    Date today = env.today;
    for (const Employer& employer : *employers) {
      if (!employer.profile || employer.profile->locations.empty()) continue;
      for (const posting::Position& position : employer.profile->positions) {
        OpeningRequest request;
        request.employer_id = employer.stored.id.to_string();
        request.role = position.role.str();
        request.headcount = position.openings;
        request.valid_through = to_iso(Date{std::chrono::sys_days(today) + std::chrono::days(56)});
        request.languages = {"de", "en"};
        request.reference =
            fmt::format("{}-{}", employer.profile->locations.front().country, position.role.str());
        auto saved = save_opening(repository, organisation, *catalog, request, std::nullopt, 0,
                                  today, store::Actor::system());
        if (!saved) return tl::unexpected(std::move(saved).error());
        auto published = set_opening_status(repository, organisation, *catalog, saved->stored.id,
                                            OpeningStatus::open, saved->stored.version, 0, false,
                                            today, store::Actor::system());
        if (!published) return tl::unexpected(std::move(published).error());
        ++out.openings_added;
      }
    }
    auto added = demo_applications(repository, organisation, *catalog, today);
    if (!added) return fail_with(std::move(added).error());
    out.applications_added = *added;
  }
  return out;
}

Result<catalog::Catalog> stored_catalog(store::Repository& repository,
                                        const store::Uuid& organisation, CatalogParts parts) {
  CCTEAM_TRY(std::optional<store::StoredCatalog> stored, repository.catalog(organisation));
  if (!stored) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::store_no_catalog), {}, msg(MsgId::hint_store_no_catalog)));
  }
  std::optional<store::StoredCatalog> bands;
  if (parts == CatalogParts::with_pay_bands) {
    CCTEAM_TRY(bands, repository.pay_bands(organisation));
  }
  catalog::Catalog out;
  Errors errors = io::read_catalog_yaml(stored->yaml, stored->source_name, out);
  out.source_files = {stored->source_name};
  if (errors.empty() && bands) {
    errors = io::read_catalog_yaml(bands->yaml, bands->source_name, out);
    out.source_files.push_back(bands->source_name);
  }
  if (errors.empty()) errors = catalog::validate_catalog(out);
  if (!errors.empty()) return tl::unexpected(std::move(errors.front()));
  return out;
}

}  // namespace ccteam::app
