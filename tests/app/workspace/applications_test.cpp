// The application use cases on a real SQLite store: the form checked at its JSON pointers, a
// double submit that stays one application, the honeypot, screening by the job handler
// (answers to the opening's questions never change a verdict), the blind list and who sees
// what, unblinding, export, erasure, withdrawal and retention, and applicants recruiters import.
#include "app/workspace/applications.hpp"

#include <gtest/gtest.h>

#include "app/workspace/application_import.hpp"

#include "io/base/files.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"
#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

std::vector<std::string> pointers(const Errors& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.where.json_pointer);
  return out;
}

struct NoControl final : JobControl {
  bool report(std::int64_t, std::int64_t) override { return true; }
};

class Applications : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_sqlite_repository(m_dir.file("ws.db"));
    ASSERT_TRUE(opened);
    m_repository = std::move(*opened);
    m_organisation = *m_repository->default_organisation();
    auto catalog = io::load_catalog({test::repo_data_path("catalog").string()});
    ASSERT_TRUE(catalog) << test::all_errors(catalog.error());
    m_catalog = std::move(*catalog);
    auto text = io::read_file(test::repo_data_path("examples/employer-de.yaml").string());
    ASSERT_TRUE(text);
    auto employer = m_repository->add_employer(m_organisation, "Nordlicht Kundendialog GmbH", *text,
                                               store::Actor::cli());
    ASSERT_TRUE(employer);
    m_employer = employer->id;
    m_manager = principal("hanna.m", "hiring_manager", access::WorkspaceRole::hiring_manager);
    m_other_manager = principal("otto.m", "hiring_manager", access::WorkspaceRole::hiring_manager);
    m_recruiter = principal("rita.r", "recruiter", access::WorkspaceRole::recruiter);
    m_viewer = principal("vera.v", "viewer", access::WorkspaceRole::viewer);
    m_council = principal("kurt.b", "works_council", access::WorkspaceRole::works_council);
    m_opening = open_opening({});
  }

  Principal principal(const std::string& login, const std::string& role,
                      access::WorkspaceRole kind) {
    store::StoredUser user;
    user.login = login;
    user.display_name = login;
    user.role = role;
    user.password_hash = "x";
    auto added = m_repository->add_user(m_organisation, user, store::Actor::cli());
    EXPECT_TRUE(added);
    Principal out;
    out.user = *added;
    out.role = kind;
    return out;
  }

  // An open opening of the example employer for agents, managed by Hanna (or 'manager'; none
  // in another organisation than the test's), asking 'questions'.
  store::Uuid open_opening(std::vector<Question> questions, const Principal* manager = nullptr,
                           std::optional<store::Uuid> organisation = std::nullopt,
                           std::optional<store::Uuid> employer = std::nullopt) {
    OpeningRequest r;
    r.employer_id = employer.value_or(m_employer).to_string();
    r.role = "agent";
    r.valid_through = "2027-01-31";
    r.languages = {"de", "en"};
    if (!organisation) r.hiring_manager_id = (manager ? *manager : m_manager).user.id.to_string();
    r.questions = std::move(questions);
    store::Uuid in = organisation.value_or(m_organisation);
    auto saved = save_opening(*m_repository, in, m_catalog, r, std::nullopt, 0, m_today,
                              store::Actor::cli());
    EXPECT_TRUE(saved) << (saved ? "" : test::all_errors(saved.error()));
    auto published =
        set_opening_status(*m_repository, in, m_catalog, saved->stored.id, OpeningStatus::open, 1,
                           0, false, m_today, store::Actor::cli());
    EXPECT_TRUE(published) << (published ? "" : test::all_errors(published.error()));
    return saved->stored.id;
  }

  // Two years as an agent at a call center, a vocational training, German native, English B2.
  ApplicationForm good_form(const std::string& key) const {
    ApplicationForm form;
    form.name = "Erika Muster";
    form.email = "erika@example.com";
    form.phone = "+49 341 1234567";
    form.work.push_back({"Kundenservice AG", "Call Center Agent", "2022-01", "2024-06",
                         "Inbound-Hotline, Reklamationen"});
    form.education.push_back(
        {"Berufsausbildung", "Kauffrau für Dialogmarketing", "IHK", "2021-07"});
    form.languages.push_back({"de", "native"});
    form.languages.push_back({"en", "B2"});
    form.idempotency_key = key;
    return form;
  }

  Checked<SubmittedForm> submit(const store::Uuid& opening, const ApplicationForm& form,
                                const std::string& client = "198.51.100.7") {
    return submit_application(*m_repository, m_organisation, m_catalog, opening, form, Lang::de,
                              client, "secret-of-this-test-0123456789", m_today);
  }

  // Runs every queued screening job.
  void screen_all() {
    JobHandler handler = screening_handler(*m_repository, [this]() -> Result<CatalogAt> {
      CatalogAt at;
      at.catalog = &m_catalog;
      at.revision = 3;
      return at;
    });
    JobRunner runner(*m_repository, "test-node");
    runner.handle(std::string(k_screen_application_job), handler);
    auto ran = runner.run_due(100);
    ASSERT_TRUE(ran) << render(ran.error(), Lang::en);
  }

  test::TempDir m_dir;
  std::unique_ptr<store::Repository> m_repository;
  store::Uuid m_organisation;
  store::Uuid m_employer;
  store::Uuid m_opening;
  catalog::Catalog m_catalog;
  Principal m_manager, m_other_manager, m_recruiter, m_viewer, m_council;
  Date m_today = day(2026, 12, 4);
};

TEST_F(Applications, EveryBadFieldIsAnErrorAtItsPointer) {
  std::vector<Question> questions = {
      {.id = "weekends", .kind = QuestionKind::weekends},
      {.id = "weekly_hours", .kind = QuestionKind::weekly_hours, .min_hours = 20}};
  ApplicationForm form = good_form("k-0123456789abcdef");
  form.name = " ";
  form.email = "erika.example.com";
  form.phone = "call me";
  form.city = "Leip\x1b[2Jzig";                                  // a terminal escape
  form.work[0].start = "2027-01";                                // after today (2026-12-04)
  form.work.push_back({"", "Agent", "2020-05", "2019-01", ""});  // ends before it starts
  form.work.push_back({"", "", "2020-13", "", ""});              // no title, no month 13
  form.education[0].kind = "Raketenwissenschaft";
  form.languages[1].level = "fluent";
  form.answers["weekly_hours"] = "forty";
  auto errors = check_application_form(form, questions, m_today);
  EXPECT_EQ(pointers(errors),
            (std::vector<std::string>{"/name", "/email", "/phone", "/city", "/work/0/start",
                                      "/work/1/end", "/work/2/title", "/work/2/start",
                                      "/education/0/kind", "/languages/1/level",
                                      "/answers/weekends", "/answers/weekly_hours"}));
  // The messages name the field as the applicant sees it.
  EXPECT_EQ(render(errors[0].message, Lang::de), "Name: Pflichtangabe");
  EXPECT_EQ(render(errors[5].message, Lang::en), "Job 2: ends before it starts");
  EXPECT_TRUE(check_application_form(good_form("k"), {}, m_today).empty());
}

TEST_F(Applications, ADoubleSubmitIsOneApplicationAndTheHoneypotStoresNothing) {
  auto first = submit(m_opening, good_form("key-of-one-page-load"));
  ASSERT_TRUE(first) << test::all_errors(first.error());
  EXPECT_FALSE(first->existing);
  EXPECT_FALSE(first->token.empty());
  auto again = submit(m_opening, good_form("key-of-one-page-load"));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->existing);
  EXPECT_EQ(again->application.id, first->application.id);
  EXPECT_EQ(again->token, first->token);  // the same private link
  auto found = application_by_link(*m_repository, first->token);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, first->application.id);
  EXPECT_EQ((*found)->jurisdiction, "DE");
  EXPECT_EQ((*found)->privacy_version, "2026-11-01");

  ApplicationForm bot = good_form("key-of-a-bot-page-load");
  bot.honeypot = "http://spam.example";
  auto dropped = submit(m_opening, bot);
  ASSERT_TRUE(dropped);
  EXPECT_TRUE(dropped->dropped);
  store::ApplicationQuery all;
  all.opening = m_opening;
  EXPECT_EQ(m_repository->applications(m_organisation, all)->size(), 1u);

  // No key (a form not loaded from the page): refused at its pointer.
  auto keyless = submit(m_opening, good_form(""));
  ASSERT_FALSE(keyless);
  EXPECT_EQ(pointers(keyless.error()), std::vector<std::string>{"/idempotency_key"});
}

TEST_F(Applications, BurstsFromOneAddressAreLimited) {
  for (std::int64_t i = 0; i < k_max_applications_per_window; ++i) {
    ASSERT_TRUE(submit(m_opening, good_form("burst-key-number-" + std::to_string(i))));
  }
  auto refused = submit(m_opening, good_form("burst-key-number-x"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().kind, ErrorKind::throttled);
  EXPECT_TRUE(submit(m_opening, good_form("burst-key-number-x"), "203.0.113.9"));
}

TEST_F(Applications, AnswersAreCriteriaThatNeverChangeTheVerdict) {
  store::Uuid asking =
      open_opening({{.kind = QuestionKind::weekends},
                    {.kind = QuestionKind::weekly_hours, .min_hours = 30},
                    {.kind = QuestionKind::language, .language = "en", .level = "C1"}});
  ApplicationForm no_weekends = good_form("asking-form-key-0001");
  no_weekends.answers = {{"weekends", "no"}, {"weekly_hours", "20"}, {"language", "B2"}};
  auto asked = submit(asking, no_weekends);
  ASSERT_TRUE(asked) << test::all_errors(asked.error());
  auto plain = submit(m_opening, good_form("plain-form-key-0001"));
  ASSERT_TRUE(plain);
  screen_all();
  auto a = m_repository->application(m_organisation, asked->application.id);
  auto b = m_repository->application(m_organisation, plain->application.id);
  ASSERT_TRUE(a && *a && b && *b);
  ASSERT_TRUE((*a)->verdict && (*b)->verdict);
  // Two years as an agent meet the agent's 12 months (data/catalog/roles.yaml): the same
  // verdict with or without the three answers that are not the accepted ones.
  EXPECT_EQ(*(*a)->verdict, *(*b)->verdict);
  EXPECT_EQ((*a)->knockouts_missed, 3);
  EXPECT_EQ((*b)->knockouts_missed, 0);
  EXPECT_EQ((*a)->screening_catalog_version, 3);
  // The three come after the same verdict with none missed.
  EXPECT_GT((*a)->review_rank, (*b)->review_rank);
  auto view =
      find_application(*m_repository, m_organisation, m_recruiter, asked->application.id, Lang::de);
  ASSERT_TRUE(view);
  const auto& knockouts = view->screening["knockouts"];
  ASSERT_EQ(knockouts.size(), 3u);
  EXPECT_EQ(knockouts[0]["title"], "Arbeit am Wochenende");
  EXPECT_EQ(knockouts[0]["answer"], "nicht möglich");
  EXPECT_EQ(knockouts[0]["outcome"], "not_met");
  EXPECT_EQ(knockouts[1]["title"], "mindestens 30 Stunden pro Woche");
  EXPECT_EQ(knockouts[1]["answer"], "20 Stunden pro Woche möglich");
  EXPECT_EQ(knockouts[2]["outcome"], "not_met");  // B2 is below C1
}

TEST_F(Applications, TheListIsBlindAndEachRoleSeesWhatItMay) {
  auto sent = submit(m_opening, good_form("list-form-key-00001"));
  ASSERT_TRUE(sent);
  screen_all();
  auto page = list_applications(*m_repository, m_organisation, m_catalog, m_recruiter, m_opening,
                                {}, Lang::en, m_today);
  ASSERT_TRUE(page) << render(page.error(), Lang::en);
  ASSERT_EQ(page->rows.size(), 1u);
  const ApplicationView& row = page->rows.front();
  EXPECT_FALSE(row.revealed);
  EXPECT_EQ(row.stored.personal, "{}");
  EXPECT_TRUE(row.personal.empty());
  EXPECT_EQ(row.label, blind_label(sent->application.id));
  EXPECT_EQ(row.label.size(), 8u);  // "A-" and 6 hex digits

  // The hiring manager of the opening sees the list; another one, a viewer and the works
  // council do not (not found: its existence is not told).
  EXPECT_TRUE(list_applications(*m_repository, m_organisation, m_catalog, m_manager, m_opening, {},
                                Lang::en, m_today));
  for (const Principal* who : {&m_other_manager, &m_viewer, &m_council}) {
    auto hidden = list_applications(*m_repository, m_organisation, m_catalog, *who, m_opening, {},
                                    Lang::en, m_today);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().kind, ErrorKind::not_found);
    EXPECT_FALSE(
        find_application(*m_repository, m_organisation, *who, sent->application.id, Lang::en));
  }
  // Only a recruiter unblinds; then the hiring manager sees the name too.
  EXPECT_FALSE(unblind_application(*m_repository, m_organisation, m_manager, sent->application.id,
                                   Lang::en, store::Actor::cli()));
  auto unblinded = unblind_application(*m_repository, m_organisation, m_recruiter,
                                       sent->application.id, Lang::en, store::Actor::cli());
  ASSERT_TRUE(unblinded);
  EXPECT_EQ(unblinded->personal["name"], "Erika Muster");
  auto seen =
      find_application(*m_repository, m_organisation, m_manager, sent->application.id, Lang::en);
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->revealed);
  store::AuditQuery audited;
  audited.action = "application.unblind";
  EXPECT_EQ(m_repository->audit_entries(m_organisation, audited)->size(), 1u);

  // Filters.
  ApplicationFilter pending;
  pending.verdict = "pending";
  EXPECT_TRUE(list_applications(*m_repository, m_organisation, m_catalog, m_recruiter, m_opening,
                                pending, Lang::en, m_today)
                  ->rows.empty());
  ApplicationFilter wrong;
  wrong.verdict = "hired";
  EXPECT_FALSE(list_applications(*m_repository, m_organisation, m_catalog, m_recruiter, m_opening,
                                 wrong, Lang::en, m_today));
}

TEST_F(Applications, PagesFollowTheReviewOrder) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(submit(m_opening, good_form("paged-form-key-000" + std::to_string(i)),
                       "192.0.2." + std::to_string(i)));
  }
  ApplicationFilter filter;
  filter.limit = 2;
  std::vector<std::string> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = list_applications(*m_repository, m_organisation, m_catalog, m_recruiter, m_opening,
                                  filter, Lang::en, m_today);
    ASSERT_TRUE(page);
    for (const auto& row : page->rows) seen.push_back(row.stored.id.to_string());
    if (page->next.empty()) break;
    filter.after = page->next;
  }
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));  // unscreened: by id, oldest first
}

TEST_F(Applications, TheSameEmailInTwoOpeningsIsAPossibleDuplicateOfEachOther) {
  // A second opening of the organisation, managed by Otto; and another organisation (a row of
  // its own: the store makes only the default one) with an opening and the same applicant.
  store::Uuid second_opening = open_opening({}, &m_other_manager);
  {
    auto connection = store::sqlite::Connection::open(
        m_dir.file("ws.db"), store::sqlite::OpenMode::read_write, std::chrono::milliseconds{5000});
    ASSERT_TRUE(connection);
    ASSERT_TRUE(
        connection->execute("INSERT INTO organisations (id, name, created_at_ms) VALUES "
                            "(X'0000000000007000800000000000000F', 'Other organisation', 0)"));
  }
  store::Uuid elsewhere = *store::Uuid::parse("00000000-0000-7000-8000-00000000000f");
  auto text = io::read_file(test::repo_data_path("examples/employer-de.yaml").string());
  auto employer = m_repository->add_employer(elsewhere, "Nordlicht Kundendialog GmbH", *text,
                                             store::Actor::cli());
  ASSERT_TRUE(employer);
  store::Uuid foreign_opening = open_opening({}, nullptr, elsewhere, employer->id);

  ApplicationForm form = good_form("duplicate-form-key-01");
  form.phone.clear();
  auto first = submit(m_opening, form);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->application.email_key, "erika@example.com");
  EXPECT_EQ(first->application.phone_key, std::nullopt);
  // The double submit of the same page load is the same application, not a duplicate of it.
  ASSERT_TRUE(submit(m_opening, form)->existing);
  form.idempotency_key = "duplicate-form-key-02";
  form.email = " Erika@EXAMPLE.com";
  form.phone = "0341 1234567";  // Leipzig, read in Germany, the place of work: +493411234567
  auto second = submit(second_opening, form, "198.51.100.8");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->application.email_key, "erika@example.com");
  EXPECT_EQ(second->application.phone_key, "+493411234567");
  auto foreign = submit_application(*m_repository, elsewhere, m_catalog, foreign_opening,
                                    good_form("duplicate-form-key-03"), Lang::de, "198.51.100.9",
                                    "secret-of-this-test-0123456789", m_today);
  ASSERT_TRUE(foreign);
  // The other organisation's applicant has the same e-mail and phone: never named here.
  auto one =
      find_application(*m_repository, m_organisation, m_recruiter, first->application.id, Lang::en);
  auto two = find_application(*m_repository, m_organisation, m_recruiter, second->application.id,
                              Lang::en);
  ASSERT_TRUE(one && two);
  ASSERT_EQ(one->duplicates.size(), 1u);
  EXPECT_EQ(one->duplicates[0].id, second->application.id);
  EXPECT_EQ(one->duplicates[0].opening_id, second_opening);
  EXPECT_TRUE(one->duplicates[0].email);
  EXPECT_FALSE(one->duplicates[0].phone);  // the first gave no phone
  EXPECT_EQ(one->duplicates[0].label, blind_label(second->application.id));
  ASSERT_EQ(two->duplicates.size(), 1u);
  EXPECT_EQ(two->duplicates[0].id, first->application.id);
  // Blind: the keys are personal values, not shown.
  EXPECT_EQ(one->stored.email_key, std::nullopt);

  // The list marks the row; Hanna, who may not read the second opening's applications, is not
  // told about it.
  auto page = list_applications(*m_repository, m_organisation, m_catalog, m_recruiter, m_opening,
                                {}, Lang::en, m_today);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].duplicates.size(), 1u);
  auto hers =
      find_application(*m_repository, m_organisation, m_manager, first->application.id, Lang::en);
  ASSERT_TRUE(hers);
  EXPECT_TRUE(hers->duplicates.empty());

  // Withdrawn, still a duplicate; erased, gone with its keys.
  ASSERT_TRUE(withdraw_by_link(*m_repository, second->token));
  one =
      find_application(*m_repository, m_organisation, m_recruiter, first->application.id, Lang::en);
  ASSERT_TRUE(one);
  ASSERT_EQ(one->duplicates.size(), 1u);
  EXPECT_EQ(one->duplicates[0].status, "withdrawn");
  ASSERT_TRUE(erase_application(*m_repository, m_organisation, m_recruiter, second->application.id,
                                store::Actor::cli()));
  one =
      find_application(*m_repository, m_organisation, m_recruiter, first->application.id, Lang::en);
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->duplicates.empty());
}

TEST_F(Applications, ExportErasureWithdrawalAndRetention) {
  auto sent = submit(m_opening, good_form("rights-form-key-0001"));
  ASSERT_TRUE(sent);
  auto exported = export_application(*m_repository, m_organisation, m_recruiter,
                                     sent->application.id, store::Actor::cli());
  ASSERT_TRUE(exported);
  EXPECT_EQ((*exported)["personal"]["email"], "erika@example.com");
  EXPECT_EQ((*exported)["profile"]["work"][0]["position"], "Call Center Agent");
  EXPECT_EQ((*exported)["privacy_notice_version"], "2026-11-01");

  ASSERT_TRUE(erase_application(*m_repository, m_organisation, m_recruiter, sent->application.id,
                                store::Actor::cli()));
  EXPECT_FALSE(*m_repository->application(m_organisation, sent->application.id));
  EXPECT_FALSE(*application_by_link(*m_repository, sent->token));

  auto leaving = submit(m_opening, good_form("rights-form-key-0002"));
  ASSERT_TRUE(leaving);
  auto withdrawn = withdraw_by_link(*m_repository, leaving->token);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->status, "withdrawn");
  std::vector<io::RetentionRule> rules = {{"DE", 30, 0, {}}, {"*", 30, 0, {}}};
  NoControl control;
  store::StoredJob job;
  // 29 days later it is kept; 31 days later it is gone.
  store::UnixMillis withdrawn_at = *withdrawn->withdrawn_at;
  auto kept = retention_handler(
      *m_repository, rules, [&] { return withdrawn_at + 29LL * 24 * 3600 * 1000; })(job, control);
  ASSERT_TRUE(kept);
  EXPECT_EQ(*kept, R"({"deleted":0,"orphan_documents":0})");
  auto deleted = retention_handler(
      *m_repository, rules, [&] { return withdrawn_at + 31LL * 24 * 3600 * 1000; })(job, control);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, R"({"deleted":1,"orphan_documents":0})");
  EXPECT_FALSE(*m_repository->application(m_organisation, leaving->application.id));

  // The talent pool: kept 12 months from 2026-12-04 (until 2027-12-04), then deleted, its
  // opening having ended on 2027-01-31 (the store's contract test covers one still open).
  ApplicationForm pooled = good_form("rights-form-key-0003");
  pooled.talent_pool = true;
  auto kept_in_pool = submit(m_opening, pooled);
  ASSERT_TRUE(kept_in_pool);
  EXPECT_EQ(kept_in_pool->application.talent_pool_until, "2027-12-04");
  auto on = [](Date date) {
    return [date] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::sys_days(date).time_since_epoch())
          .count();
    };
  };
  auto in_pool = retention_handler(*m_repository, rules, on(day(2027, 12, 4)))(job, control);
  EXPECT_EQ(*in_pool, R"({"deleted":0,"orphan_documents":0})");
  auto pool_ended = retention_handler(*m_repository, rules, on(day(2027, 12, 5)))(job, control);
  EXPECT_EQ(*pool_ended, R"({"deleted":1,"orphan_documents":0})");
  EXPECT_FALSE(*m_repository->application(m_organisation, kept_in_pool->application.id));
}

TEST_F(Applications, TheAcknowledgementGoesOutInTheApplicantsLanguageAndIsTriedAgainLater) {
  MailSettings mail{true, 3, "https://jobs.example.com"};
  auto submit_mailed = [&](const std::string& key) {
    return submit_application(*m_repository, m_organisation, m_catalog, m_opening, good_form(key),
                              Lang::de, "198.51.100.7", "secret-of-this-test-0123456789", m_today,
                              k_max_applications_per_window, mail);
  };
  auto sent = submit_mailed("mail-form-key-0001");
  ASSERT_TRUE(sent) << test::all_errors(sent.error());
  auto messages = m_repository->application_messages(m_organisation, sent->application.id);
  ASSERT_TRUE(messages);
  ASSERT_EQ(messages->size(), 1u);
  const store::StoredMessage ack = messages->front();
  EXPECT_EQ(ack.kind, "application.acknowledgement");
  EXPECT_EQ(ack.state, "queued");
  EXPECT_EQ(ack.lang, "de");
  EXPECT_EQ(ack.recipient, "erika@example.com");
  // The German example employer says du and has its own title for agents
  // (data/examples/employer-de.yaml); received on the test's day, 2026-12-04.
  EXPECT_EQ(ack.subject,
            "Deine Bewerbung als Kundenberater im Kundenservice (m/w/d) bei Nordlicht "
            "Kundendialog GmbH");
  EXPECT_TRUE(ack.body.starts_with(
      "Hallo Erika Muster,\n\nvielen Dank für deine Bewerbung als Kundenberater im Kundenservice "
      "(m/w/d) bei Nordlicht Kundendialog GmbH. Sie ist am 04.12.2026 bei uns eingegangen.\n"))
      << ack.body;
  EXPECT_NE(ack.body.find("\nhttps://jobs.example.com/de/application/" + sent->token + "\n"),
            std::string::npos)
      << ack.body;
  EXPECT_TRUE(ack.body.ends_with("Viele Grüße\nNordlicht Kundendialog GmbH\n")) << ack.body;

  store::UnixMillis clock = store::unix_millis_now();
  JobSettings settings;
  settings.clock = [&clock] { return clock; };
  JobRunner runner(*m_repository, "test-node", settings);
  std::vector<std::string> texts;
  bool up = false;
  MailSender sender{
      "jobs@example.org", "Nordlicht Recruiting",
      [&](std::string_view from, std::string_view to, std::string_view text) -> Result<void> {
        if (!up) {
          return tl::unexpected(
              Error::io(msg(MsgId::mail_send_failed, "Couldn't connect to server")));
        }
        EXPECT_EQ(from, "jobs@example.org");
        EXPECT_EQ(to, "erika@example.com");
        texts.emplace_back(text);
        return {};
      }};
  runner.handle(
      std::string(k_send_mail_job), mail_handler(*m_repository, sender, [&clock] { return clock; }),
      [](std::int64_t failed) { return mail_retry_after(failed, std::chrono::seconds(60)); });
  auto ran = runner.run_due(10);
  ASSERT_TRUE(ran) << render(ran.error(), Lang::en);
  EXPECT_EQ(*ran, 1);
  auto waiting = m_repository->message(m_organisation, ack.id).value();
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->state, "queued");
  EXPECT_EQ(waiting->attempts, 1);
  EXPECT_EQ(waiting->last_error,
            "the mail server did not take the message: Couldn't connect to server");
  // Not before the back-off (60 s after the first failure), then sent.
  clock += 59'000;
  EXPECT_EQ(*runner.run_due(10), 0);
  clock += 1'000;
  up = true;
  EXPECT_EQ(*runner.run_due(10), 1);
  auto done = m_repository->message(m_organisation, ack.id).value();
  EXPECT_EQ(done->state, "sent");
  EXPECT_EQ(done->attempts, 2);
  EXPECT_EQ(done->sent_at, clock);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].find("\r\nTo: <erika@example.com>\r\n"), std::string::npos) << texts[0];
  EXPECT_NE(texts[0].find("\r\nFrom: Nordlicht Recruiting <jobs@example.org>\r\n"),
            std::string::npos);
  EXPECT_NE(texts[0].find("\r\nMessage-ID: <" + ack.id.to_string() + "@example.org>\r\n"),
            std::string::npos);
  clock += 3'600'000;
  EXPECT_EQ(*runner.run_due(10), 0);  // sent once

  // With the server down for every allowed attempt the message is given up: "failed".
  up = false;
  auto second = submit_mailed("mail-form-key-0002");
  ASSERT_TRUE(second);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*runner.run_due(10), 1);
    clock += 3'600'000;
  }
  EXPECT_EQ(*runner.run_due(10), 0);
  auto gave_up = m_repository->application_messages(m_organisation, second->application.id);
  EXPECT_EQ(gave_up->front().state, "failed");
  EXPECT_EQ(gave_up->front().attempts, 3);
  // 60 s, doubled per further failure, at most an hour: 60, 120, 240, ..., 3,840 -> 3,600.
  EXPECT_EQ(mail_retry_after(1, std::chrono::seconds(60)), std::chrono::seconds(60));
  EXPECT_EQ(mail_retry_after(3, std::chrono::seconds(60)), std::chrono::seconds(240));
  EXPECT_EQ(mail_retry_after(6, std::chrono::seconds(60)), std::chrono::seconds(1920));
  EXPECT_EQ(mail_retry_after(7, std::chrono::seconds(60)), std::chrono::seconds(3600));
  EXPECT_EQ(mail_retry_after(1000, std::chrono::seconds(60)), std::chrono::seconds(3600));

  // The export has the messages whole; a blind view has what and when, not to whom or what.
  auto exported = export_application(*m_repository, m_organisation, m_recruiter,
                                     sent->application.id, store::Actor::cli());
  ASSERT_TRUE(exported);
  EXPECT_EQ((*exported)["messages"][0]["state"], "sent");
  EXPECT_EQ((*exported)["messages"][0]["recipient"], "erika@example.com");
  auto blind =
      find_application(*m_repository, m_organisation, m_manager, sent->application.id, Lang::de);
  ASSERT_TRUE(blind);
  ASSERT_EQ(blind->messages.size(), 1u);
  EXPECT_EQ(blind->messages[0].state, "sent");
  EXPECT_EQ(blind->messages[0].recipient, "");
  EXPECT_EQ(blind->messages[0].body, "");
  // Erased with the application.
  ASSERT_TRUE(erase_application(*m_repository, m_organisation, m_recruiter, second->application.id,
                                store::Actor::cli()));
  EXPECT_TRUE(m_repository->application_messages(m_organisation, second->application.id)->empty());
}

TEST_F(Applications, WithoutAMailServerTheAcknowledgementIsRecordedUnsent) {
  auto sent = submit_application(*m_repository, m_organisation, m_catalog, m_opening,
                                 good_form("mail-form-key-0003"), Lang::en, "198.51.100.7",
                                 "secret-of-this-test-0123456789", m_today);
  ASSERT_TRUE(sent);
  auto messages = m_repository->application_messages(m_organisation, sent->application.id);
  ASSERT_EQ(messages->size(), 1u);
  const store::StoredMessage& ack = messages->front();
  EXPECT_EQ(ack.state, "unsent");
  EXPECT_EQ(ack.lang, "en");
  EXPECT_EQ(ack.subject,
            "Your application as Customer Service Agent at Nordlicht Kundendialog GmbH");
  EXPECT_TRUE(ack.body.starts_with(
      "Hello Erika Muster,\n\nthank you for your application as Customer Service Agent at "
      "Nordlicht Kundendialog GmbH. We received it on December 4, 2026.\n"))
      << ack.body;
  EXPECT_EQ(ack.body.find("http"), std::string::npos);  // no public_url: no link paragraph
  store::JobQuery query;
  query.kind = std::string(k_send_mail_job);
  EXPECT_TRUE(m_repository->jobs(m_organisation, query)->empty());

  // The employer's own template where it has a text for the language, else the standard one.
  auto profile = io::load_employer(test::repo_data_path("examples/employer-de.yaml").string());
  ASSERT_TRUE(profile);
  profile->acknowledgement = posting::MailTemplate{{"", "Danke, {name}: {position} ({date})"}, {}};
  MailText own = acknowledgement_text(*profile, "Agent", "Erika", m_today, "", Lang::de);
  EXPECT_EQ(own.subject, "Danke, Erika: Agent (04.12.2026)");
  EXPECT_TRUE(own.body.starts_with("Hallo Erika,\n")) << own.body;
  MailText english = acknowledgement_text(*profile, "Agent", "Erika", m_today, "", Lang::en);
  EXPECT_EQ(english.subject, "Your application as Agent at Nordlicht Kundendialog GmbH");
  profile->address_form = posting::AddressForm::sie;
  EXPECT_TRUE(acknowledgement_text(*profile, "Agent", "Erika Muster", m_today, "x", Lang::de)
                  .body.starts_with("Guten Tag Erika Muster,\n\nvielen Dank für Ihre Bewerbung"));
}

std::string document_bytes(const std::string& name) {
  auto text = io::read_file(test::data_path("documents/" + name).string());
  EXPECT_TRUE(text) << name;
  return text ? *text : std::string();
}

TEST_F(Applications, DocumentsAreCheckedKeptBlindAndErasedWithTheApplication) {
  const std::string pdf = document_bytes("cv-en.pdf");
  const std::string docx = document_bytes("cv-de.docx");
  const std::string program = document_bytes("program.pdf");
  const std::string bomb = document_bytes("bomb.docx");
  // Problems at their pointers, with the form's own.
  ApplicationForm bad = good_form("documents-form-key-0");
  bad.email = "";
  bad.documents = {{"cv.pdf", pdf}, {"C:\\tmp\\program.pdf", program}, {"bomb.docx", bomb}};
  auto refused = submit(m_opening, bad);
  ASSERT_FALSE(refused.has_value());
  std::map<std::string, MsgId> at;
  for (const Error& e : refused.error()) at[e.where.json_pointer] = e.message.id;
  EXPECT_TRUE(at.contains("/email"));
  EXPECT_EQ(at["/documents/1"], MsgId::document_type_unknown);
  EXPECT_EQ(at["/documents/2"], MsgId::document_docx_too_large_unpacked);
  EXPECT_FALSE(at.contains("/documents/0"));
  // The name in the message is stripped of its path.
  for (const Error& e : refused.error()) {
    if (e.where.json_pointer == "/documents/1") {
      EXPECT_EQ(render(e.message, Lang::en),
                "'program.pdf' is neither a PDF nor a Word document (DOCX), judged by its content");
    }
  }
  ApplicationForm many = good_form("documents-form-key-1");
  many.documents = {{"a.pdf", pdf}, {"b.pdf", pdf}, {"c.pdf", pdf}, {"d.pdf", pdf}};
  auto too_many = submit(m_opening, many);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().front().message.id, MsgId::document_too_many);
  EXPECT_TRUE(m_repository->documents().list()->empty()) << "nothing stored for a refused form";

  // Taken: the contents in the store, the rows with cleaned names.
  ApplicationForm form = good_form("documents-form-key-2");
  form.documents = {{"/home/erika/Lebenslauf Erika Muster.pdf", pdf}, {"Zeugnis\x01.docx", docx}};
  auto taken = submit(m_opening, form);
  ASSERT_TRUE(taken.has_value()) << test::all_errors(taken.error());
  store::Uuid id = taken->application.id;
  EXPECT_EQ(m_repository->documents().list()->size(), 2u);
  // The same form sent again with another file: the application stored before, and the new
  // file not kept (a repeat fills no disk).
  ApplicationForm repeat = form;
  const std::string other_pdf = document_bytes("javascript.pdf");
  repeat.documents = {{"cv.pdf", other_pdf}};
  auto repeated = submit(m_opening, repeat);
  ASSERT_TRUE(repeated.has_value());
  EXPECT_TRUE(repeated->existing);
  EXPECT_EQ(m_repository->documents().list()->size(), 2u);
  auto blind = find_application(*m_repository, m_organisation, m_manager, id, Lang::de);
  ASSERT_TRUE(blind.has_value());
  ASSERT_EQ(blind->documents.size(), 2u);
  EXPECT_EQ(blind->documents[0].file_name, "") << "no file name in a blind view";
  EXPECT_EQ(blind->documents[0].content_type, "application/pdf");
  EXPECT_EQ(blind->documents[1].content_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(blind_document_label(blind->documents[0], 0, Lang::de), "Dokument 1: PDF, 22 kB");
  EXPECT_EQ(blind_document_label(blind->documents[1], 1, Lang::en), "Document 2: DOCX, 1.1 kB");
  auto json = document_json(blind->documents[0], 0, false, Lang::en);
  EXPECT_TRUE(json["file_name"].is_null());
  EXPECT_EQ(json["size_bytes"], 22378);

  // Blind: no download, for the recruiter too, until unblinded.
  store::Uuid cv = blind->documents[0].id;
  auto closed = open_document(*m_repository, m_organisation, m_recruiter, id, cv);
  ASSERT_FALSE(closed.has_value());
  EXPECT_EQ(closed.error().kind, ErrorKind::conflict);
  EXPECT_EQ(closed.error().message.id, MsgId::document_needs_unblind);
  ASSERT_TRUE(unblind_application(*m_repository, m_organisation, m_recruiter, id, Lang::de,
                                  store::Actor::cli()));
  auto opened = open_document(*m_repository, m_organisation, m_recruiter, id, cv);
  ASSERT_TRUE(opened.has_value()) << render(opened.error(), Lang::en);
  EXPECT_EQ(opened->file_name, "Lebenslauf Erika Muster.pdf");
  EXPECT_EQ(opened->content_type, "application/pdf");
  EXPECT_EQ(opened->bytes, pdf);
  auto revealed = find_application(*m_repository, m_organisation, m_recruiter, id, Lang::de);
  EXPECT_EQ(revealed->documents[1].file_name, "Zeugnis.docx");
  // Another application's document id, and a viewer, find nothing.
  EXPECT_EQ(open_document(*m_repository, m_organisation, m_recruiter, m_opening, cv).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(open_document(*m_repository, m_organisation, m_viewer, id, cv).error().kind,
            ErrorKind::not_found);

  // A recruiter adds one; a program is refused there too.
  auto added = add_application_document(*m_repository, m_organisation, m_recruiter, id,
                                        {"Arbeitszeugnis.pdf", pdf}, {}, store::Actor::cli());
  ASSERT_TRUE(added.has_value()) << render(added.error(), Lang::en);
  EXPECT_EQ(added->added_by, "recruiter");
  auto refused_upload = add_application_document(*m_repository, m_organisation, m_recruiter, id,
                                                 {"x.pdf", program}, {}, store::Actor::cli());
  ASSERT_FALSE(refused_upload.has_value());
  EXPECT_EQ(refused_upload.error().message.id, MsgId::document_type_unknown);

  // The export lists them; a second application with the same PDF shares its content.
  auto exported =
      export_application(*m_repository, m_organisation, m_recruiter, id, store::Actor::cli());
  ASSERT_TRUE(exported.has_value());
  ASSERT_EQ((*exported)["documents"].size(), 3u);
  EXPECT_EQ((*exported)["documents"][0]["file_name"], "Lebenslauf Erika Muster.pdf");
  EXPECT_EQ((*exported)["documents"][0]["sha256"], io::sha256_hex(pdf));
  ApplicationForm again = good_form("documents-form-key-3");
  again.email = "other@example.com";
  again.documents = {{"cv.pdf", pdf}};
  auto second = submit(m_opening, again);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(m_repository->documents().list()->size(), 2u);

  // Erased: its DOCX goes from the store, the PDF stays for the second application; erasing
  // that one too leaves nothing.
  ASSERT_TRUE(
      erase_application(*m_repository, m_organisation, m_recruiter, id, store::Actor::cli()));
  EXPECT_EQ(m_repository->documents().get(io::sha256_hex(docx)).value(), std::nullopt);
  EXPECT_EQ(m_repository->documents().get(io::sha256_hex(pdf)).value(), pdf);
  ASSERT_TRUE(erase_application(*m_repository, m_organisation, m_recruiter, second->application.id,
                                store::Actor::cli()));
  EXPECT_TRUE(m_repository->documents().list()->empty());

  // An orphan (stored, its application never written) goes with the sweep once it is old.
  ASSERT_TRUE(m_repository->documents().put(io::sha256_hex(docx), docx));
  EXPECT_EQ(sweep_documents(*m_repository, 0).value(), 0) << "too young";
  EXPECT_EQ(sweep_documents(*m_repository, store::unix_millis_now() + 1000).value(), 1);
  EXPECT_TRUE(m_repository->documents().list()->empty());
}

// The form's documents are read before the screening (in ccteam-extract, a child process), and
// the screening cites what the CV says about skills and languages, marked as from the CV.
TEST_F(Applications, TheScreeningWaitsForTheCvAndCitesItMarked) {
  ApplicationForm form = good_form("cv-form-key-0001");
  form.languages.clear();  // German only in the CV: "Deutsch (Muttersprache)" on its line 4
  const std::string docx = document_bytes("cv-de.docx");  // the form points into it
  form.documents = {{"Lebenslauf.docx", docx}};
  auto submitted = submit(m_opening, form);
  ASSERT_TRUE(submitted) << test::all_errors(submitted.error());
  store::Uuid id = submitted->application.id;
  screen_all();
  EXPECT_FALSE(m_repository->application(m_organisation, id).value()->verdict)
      << "no screening before the text is read";

  ExtractSettings extract;
  extract.program = CCTEAM_EXTRACTOR;
  JobRunner reader(*m_repository, "test-node");
  reader.handle(std::string(k_read_documents_job), read_documents_handler(*m_repository, extract));
  auto read = reader.run_due(10);
  ASSERT_TRUE(read) << render(read.error(), Lang::en);
  EXPECT_EQ(*read, 1);
  auto documents = m_repository->application_documents(m_organisation, id);
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_EQ(documents->front().text_status, "done");
  // make_documents.py's five paragraphs, each with its line feed, in characters.
  EXPECT_EQ(documents->front().text_chars, 10 + 1 + 15 + 1 + 77 + 1 + 63 + 1 + 60 + 1);
  screen_all();
  auto view = find_application(*m_repository, m_organisation, m_recruiter, id, Lang::de);
  ASSERT_TRUE(view);
  ASSERT_TRUE(view->screening.is_object()) << "screened after reading";
  std::map<std::string, nlohmann::ordered_json> criteria;
  for (const auto& c : view->screening["criteria"]) criteria[c["subject"]] = c;
  // German from the CV's line 4: C2 (Muttersprache) meets the agent's C1 in Germany.
  const auto& german = criteria.at("de>=C1");
  EXPECT_EQ(german["outcome"], "met");
  ASSERT_EQ(german["evidence"].size(), 1u);
  EXPECT_EQ(german["evidence"][0]["text"], "C2");
  EXPECT_EQ(german["evidence"][0]["at"]["pointer"], "/documents/0");
  EXPECT_EQ(german["evidence"][0]["at"]["line"], 4);
  EXPECT_EQ(german["evidence"][0]["from_cv"], true);
  EXPECT_EQ(german["evidence"][0]["place"], "aus dem Lebenslauf (Dokument 1, Zeile 4)");
  // Digital tools: nothing in the form; "CRM" and "Zehnfingersystem" on the CV's line 5.
  const auto& tools = criteria.at("digital-tools");
  EXPECT_EQ(tools["outcome"], "met");
  ASSERT_GE(tools["evidence"].size(), 1u);
  for (const auto& e : tools["evidence"]) {
    EXPECT_EQ(e["at"]["line"], 5) << e.dump();
    EXPECT_EQ(e["from_cv"], true);
  }
  // The applicant's export (GDPR art. 15) carries the text read from the CV.
  auto exported =
      export_application(*m_repository, m_organisation, m_recruiter, id, store::Actor::cli());
  ASSERT_TRUE(exported.has_value());
  EXPECT_EQ((*exported)["documents"][0]["text_status"], "done");
  EXPECT_TRUE((*exported)["documents"][0]["text"].get<std::string>().starts_with(
      "Lebenslauf\nBerufserfahrung\n"));
  // Experience comes from the form only: the CV's "2019-2024 Kundenberaterin" adds nothing to
  // the form's 2022-01 to 2024-06 (30 months).
  for (const auto& [subject, c] : criteria) {
    if (c["kind"] != "experience") continue;
    for (const auto& e : c["evidence"]) EXPECT_FALSE(e.contains("from_cv")) << e.dump();
  }
}

TEST_F(Applications, ReviewRankAndCsvCells) {
  EXPECT_LT(review_rank("meets", 0, 0), review_rank("meets_by_substitution", 0, 5));
  EXPECT_LT(review_rank("meets", 0, 3), review_rank("meets", 0, 2));  // more preferred first
  EXPECT_LT(review_rank("meets", 0, 0), review_rank("meets", 1, 9));  // fewer missed first
  EXPECT_LT(review_rank("does_not_meet_minimum", 9, 0), k_unscreened_rank);
  ApplicationView row;
  row.label = "A-000001";
  row.stored.channel = "=HYPERLINK(\"http://x\")";
  row.stored.source = "form";
  std::string csv = applications_to_csv({row}, Lang::en);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << csv;
}

TEST_F(Applications, QuestionsAreCheckedAtTheirPointers) {
  std::vector<Question> questions = {
      {.kind = QuestionKind::weekly_hours, .min_hours = 0},
      {.kind = QuestionKind::weekly_hours, .min_hours = 20},  // twice
      {.kind = QuestionKind::language, .language = "deutsch", .level = "C3"},
      {.kind = QuestionKind::yes_no, .text = {"Do you drive?", ""}},  // no German text
      {.kind = QuestionKind::choice,
       .text = {"Shift?", "Schicht?"},
       .choices = {{"Early", "Früh"}},
       .accepted = {0}}};
  Errors errors = check_questions(questions, {Lang::de, Lang::en});
  EXPECT_EQ(pointers(errors),
            (std::vector<std::string>{"/questions/0/min_hours", "/questions/1",
                                      "/questions/2/language", "/questions/2/level",
                                      "/questions/3/text/de", "/questions/4/choices"}));
  EXPECT_EQ(questions[3].id, "own1");
  EXPECT_EQ(questions[4].id, "own2");
  // Stored and read back the same.
  std::vector<Question> good = {{.kind = QuestionKind::choice,
                                 .text = {"Shift?", "Schicht?"},
                                 .choices = {{"Early", "Früh"}, {"Late", "Spät"}},
                                 .accepted = {1}}};
  EXPECT_TRUE(check_questions(good, {Lang::de, Lang::en}).empty());
  auto back = parse_questions(questions_json(good));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].id, "own1");
  EXPECT_EQ(back[0].choices[1].de, "Spät");
  EXPECT_EQ(back[0].accepted, std::vector<std::size_t>{1});
}

}  // namespace
}  // namespace ccteam::app

namespace ccteam::app {
namespace {

// Three JSON Resume documents as NDJSON from a job fair: one to add, one without an e-mail
// address, one whose job ends before it starts.
constexpr std::string_view k_fair_ndjson =
    R"({"basics":{"name":"Jonas Weber","email":"Jonas.Weber@Example.ORG","phone":"0341 9876543"},)"
    R"("work":[{"position":"Call Center Agent","name":"Kundenservice AG","startDate":"2021-03",)"
    R"("endDate":"2024-02"}],"languages":[{"language":"German","fluency":"Native speaker"}]})"
    "\n"
    R"({"basics":{"name":"Ohne Adresse"},"work":[{"position":"Agent","startDate":"2020"}]})"
    "\n"
    R"({"basics":{"name":"Zeit Reise","email":"z@example.org"},"work":[{"position":"Agent",)"
    R"("startDate":"2023-05","endDate":"2022-01"}]})"
    "\n";

}  // namespace

TEST_F(Applications, ImportedApplicantsAreToldWhatArt14RequiresAndScreenedWithoutTheQuestions) {
  store::Uuid asking = open_opening({{.kind = QuestionKind::weekends}});
  MailSettings mail{true, 3, "https://jobs.example.com"};
  auto run = [&](const ApplicantImport& request, const Principal& who) {
    return import_applicants(*m_repository, m_organisation, m_catalog, who, asking, request,
                             "secret-of-this-test-0123456789", m_today, mail, store::Actor::cli());
  };
  ApplicantImport fair{ImportFormat::json_resume,
                       k_fair_ndjson,
                       "messe.ndjson",
                       "legitimate_interest",
                       " Jobmesse Leipzig, November 2026 ",
                       ""};
  auto imported = run(fair, m_recruiter);
  ASSERT_TRUE(imported) << test::all_errors(imported.error());
  EXPECT_EQ(imported->read, 3u);
  EXPECT_EQ(imported->rejected, 2u);
  ASSERT_EQ(imported->applicants.size(), 1u);
  EXPECT_FALSE(imported->applicants[0].existing);
  ASSERT_EQ(imported->problems.size(), 2u);
  EXPECT_EQ(imported->problems[0].message.id, MsgId::import_no_email);
  EXPECT_EQ(to_string(imported->problems[0].where), "messe.ndjson:2 (/basics/email)");
  EXPECT_EQ(imported->problems[1].where.line, 3);  // the reader's: the end before the start

  const store::StoredApplication& row = imported->applicants[0].application;
  EXPECT_EQ(row.source, "import");
  EXPECT_EQ(row.channel, "Jobmesse Leipzig, November 2026");
  EXPECT_EQ(row.legal_basis, "legitimate_interest");
  EXPECT_EQ(row.lang, "de");  // the opening's first language
  EXPECT_EQ(row.email_key, "jonas.weber@example.org");
  EXPECT_EQ(row.phone_key, "+493419876543");  // read in Germany, the place of work
  EXPECT_EQ(row.personal,
            R"({"name":"Jonas Weber","email":"Jonas.Weber@Example.ORG","phone":"0341 9876543"})");
  // The profile the engine reads: the résumé without "basics" (nothing identifying).
  EXPECT_EQ(row.profile, R"({"work":[{"position":"Call Center Agent","name":"Kundenservice AG",)"
                         R"("startDate":"2021-03","endDate":"2024-02"}],)"
                         R"("languages":[{"language":"German","fluency":"Native speaker"}]})");

  // The art. 14 message, queued with the application, in the opening's language and the
  // employer's address form (du: data/examples/employer-de.yaml).
  auto messages = m_repository->application_messages(m_organisation, row.id);
  ASSERT_TRUE(messages);
  ASSERT_EQ(messages->size(), 1u);
  const store::StoredMessage& info = messages->front();
  EXPECT_EQ(info.kind, "application.art14");
  EXPECT_EQ(info.state, "queued");
  EXPECT_EQ(info.recipient, "Jonas.Weber@Example.ORG");
  EXPECT_EQ(info.subject, "Deine Daten bei Nordlicht Kundendialog GmbH");
  EXPECT_TRUE(info.body.starts_with(
      "Hallo Jonas Weber,\n\nwir, Nordlicht Kundendialog GmbH, ziehen dich für die Stelle "
      "Kundenberater im Kundenservice (m/w/d) in Betracht. Deine Angaben haben wir von "
      "Jobmesse Leipzig, November 2026 erhalten: "))
      << info.body;
  for (std::string_view part :
       {"Rechtsgrundlage ist unser berechtigtes Interesse an der Besetzung der Stelle (Art. 6 "
        "Abs. 1 lit. f DSGVO).",
        "Wir speichern deine Angaben bis zum Ende der Auswahl und danach höchstens 6 Monate.",
        "Unsere Datenschutzhinweise: "
        "https://www.nordlicht-kundendialog.example/datenschutz-bewerbung",
        "\nhttps://jobs.example.com/de/application/"}) {
    EXPECT_NE(info.body.find(part), std::string::npos) << part << "\n" << info.body;
  }
  store::JobQuery mail_jobs;
  mail_jobs.kind = std::string(k_send_mail_job);
  EXPECT_EQ(m_repository->jobs(m_organisation, mail_jobs)->size(), 1u);

  // Screened like the form's; the question the form would have asked was not asked: neither
  // met nor missed.
  screen_all();
  auto screened = m_repository->application(m_organisation, row.id);
  ASSERT_TRUE(screened && *screened && (*screened)->verdict);
  // No education given: the 35 months in customer service stand in for it (one year does,
  // data/catalog/roles.yaml, the agent's substitution).
  EXPECT_EQ(*(*screened)->verdict, "meets_by_substitution");
  EXPECT_EQ((*screened)->knockouts_missed, 0);
  auto view = find_application(*m_repository, m_organisation, m_recruiter, row.id, Lang::en);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->screening["knockouts"].size(), 1u);
  EXPECT_EQ(view->screening["knockouts"][0]["outcome"], "not_asked");
  EXPECT_EQ(view->screening["knockouts"][0]["outcome_text"],
            "not asked (added by import): ask at the interview");

  // The same file again: the same person for the same opening is found, not added twice, and
  // told nothing twice.
  auto again = run(fair, m_recruiter);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->applicants.size(), 1u);
  EXPECT_TRUE(again->applicants[0].existing);
  EXPECT_EQ(again->applicants[0].application.id, row.id);
  EXPECT_EQ(m_repository->application_messages(m_organisation, row.id)->size(), 1u);

  // A person CSV, the e-mail in English at the recruiter's choice, with consent.
  std::string csv =
      "name,email,work1_title,work1_start,language1,language1_level\n"
      "Anna Schmidt,anna@example.org,Teamleiterin,2019-01,Englisch,C1\n";
  ApplicantImport agency{ImportFormat::person_csv, csv, "agentur.csv", "consent",
                         "Personalagentur Nord",   "en"};
  auto from_csv = run(agency, m_recruiter);
  ASSERT_TRUE(from_csv) << test::all_errors(from_csv.error());
  ASSERT_EQ(from_csv->applicants.size(), 1u);
  const store::StoredApplication& anna = from_csv->applicants[0].application;
  EXPECT_EQ(anna.lang, "en");
  EXPECT_EQ(anna.profile, R"({"work":[{"position":"Teamleiterin","startDate":"2019-01"}],)"
                          R"("languages":[{"language":"Englisch","fluency":"C1"}]})");
  auto anna_messages = m_repository->application_messages(m_organisation, anna.id);
  ASSERT_EQ(anna_messages->size(), 1u);
  EXPECT_EQ(anna_messages->front().subject, "Your details at Nordlicht Kundendialog GmbH");
  EXPECT_NE(anna_messages->front().body.find(
                "the legal basis is your consent (GDPR art. 6(1)(a)), which you may withdraw at "
                "any time."),
            std::string::npos)
      << anna_messages->front().body;

  // Each person's own fields are checked as the form checks them: a name with a direction
  // override ("exe.png" shown for "gnp.exe"), an address written as a link, a file that is not
  // UTF-8 (a spreadsheet saved as Windows-1252: refused whole at its first bad byte).
  std::string hostile =
      "[{\"basics\":{\"name\":\"Bidi \u202egnp.exe\",\"email\":\"b@example.org\"},"
      "\"work\":[{\"position\":\"Agent\"}]},\n"
      "{\"basics\":{\"name\":\"Link\",\"email\":\"mailto:l@example.org\"},"
      "\"work\":[{\"position\":\"Agent\"}]}]\n";
  ApplicantImport checked{ImportFormat::json_resume, hostile, "h.json", "consent", "Messe", ""};
  auto refused_people = run(checked, m_recruiter);
  ASSERT_TRUE(refused_people);
  EXPECT_TRUE(refused_people->applicants.empty());
  EXPECT_EQ(pointers(refused_people->problems),
            (std::vector<std::string>{"/0/basics/name", "/1/basics/email"}));
  std::string latin1 =
      "name,email,work1_title,work1_start\nJ\xfcrgen,j@example.org,Agent,2019-01\n";
  ApplicantImport excel{ImportFormat::person_csv, latin1, "excel.csv", "consent", "Messe", ""};
  auto not_utf8 = run(excel, m_recruiter);
  ASSERT_TRUE(not_utf8);
  ASSERT_EQ(not_utf8->problems.size(), 1u);
  EXPECT_EQ(not_utf8->problems[0].message.id, MsgId::not_utf8);
  EXPECT_EQ(to_string(not_utf8->problems[0].where), "excel.csv:2:2");

  // Problems of the import as a whole: nothing is added.
  ApplicantImport bad{ImportFormat::json_resume, k_fair_ndjson, "", "because", "  ", "fr"};
  auto refused = run(bad, m_recruiter);
  ASSERT_FALSE(refused);
  EXPECT_EQ(pointers(refused.error()),
            (std::vector<std::string>{"/legal_basis", "/source", "/lang"}));
  ApplicantImport empty{ImportFormat::json_resume, "\n\n", "", "consent", "Messe", ""};
  auto nothing = run(empty, m_recruiter);
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().front().message.id, MsgId::import_nothing);
  std::string many;
  for (std::size_t i = 0; i <= k_max_imported_applicants; ++i) {
    many += R"({"basics":{"name":"N","email":"n@example.org"},"work":[{"position":"Agent"}]})"
            "\n";
  }
  ApplicantImport too_many{ImportFormat::json_resume, many, "", "consent", "Messe", ""};
  auto refused_many = run(too_many, m_recruiter);
  ASSERT_FALSE(refused_many);
  EXPECT_EQ(refused_many.error().front().message.id, MsgId::import_too_many);
  // Who may not see the opening's applications finds no opening.
  auto hidden = run(agency, m_viewer);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().front().kind, ErrorKind::not_found);
  // Two applications in all: Jonas and Anna; nothing of the refused imports.
  ApplicationFilter all;
  auto listed = list_applications(*m_repository, m_organisation, m_catalog, m_recruiter, asking,
                                  all, Lang::de, m_today);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->rows.size(), 2u);
}

}  // namespace ccteam::app

namespace ccteam::app {
namespace {

// Addresses people type into forms and files, judged by RFC 5321/5322 as the checks say.
TEST(LooksLikeEmail, TheShapesOfAnAddress) {
  for (std::string_view good : {"erika@example.com", "a.b-c+tag@sub.example.org",
                                "o'neil@example.ie", "jürgen@müller.example"}) {
    EXPECT_TRUE(looks_like_email(good)) << good;
  }
  std::string long_local(65, 'a');
  for (std::string_view bad : {"", "@example.org", "a@", "a@example", "a@b..org", "a@-b.org",
                               "a@b-.org", ".a@b.org", "a.@b.org", "a..x@b.org", "mailto:a@b.org",
                               "a b@c.org", "a@b@c.org", "<a@b.org>", "a,b@c.org", "a@b_c.org"}) {
    EXPECT_FALSE(looks_like_email(bad)) << bad;
  }
  EXPECT_FALSE(looks_like_email(long_local + "@example.org"));
  EXPECT_TRUE(looks_like_email(std::string(64, 'a') + "@example.org"));
}

}  // namespace
}  // namespace ccteam::app
