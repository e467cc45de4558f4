// The opening use cases on a real SQLite store: every field checked at its JSON pointer, the
// valid-through rule computed from the date asked for, who sees which opening, publishing, and
// the posting narrowed to the opening (its place, headcount, dates and reference).
#include "app/workspace/openings.hpp"

#include <gtest/gtest.h>

#include "io/base/files.hpp"
#include "io/base/json_yaml.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_writers.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"
#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

class Openings : public ::testing::Test {
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
    store::StoredUser manager;
    manager.login = "hanna.m";
    manager.display_name = "Hanna Manager";
    manager.role = "hiring_manager";
    manager.password_hash = "x";
    auto added = m_repository->add_user(m_organisation, manager, store::Actor::cli());
    ASSERT_TRUE(added);
    m_manager.user = *added;
    m_manager.role = access::WorkspaceRole::hiring_manager;
    store::StoredUser viewer = manager;
    viewer.login = "viewer";
    viewer.role = "viewer";
    auto other = m_repository->add_user(m_organisation, viewer, store::Actor::cli());
    ASSERT_TRUE(other);
    m_viewer.user = *other;
    m_viewer.role = access::WorkspaceRole::viewer;
  }

  OpeningRequest request() const {
    OpeningRequest out;
    out.employer_id = m_employer.to_string();
    out.role = "agent";
    out.place = 0;
    out.headcount = 2;
    out.valid_through = "2027-01-31";
    out.languages = {"de", "en"};
    out.reference = "HAN-7";
    return out;
  }

  Checked<Opening> save(const OpeningRequest& r, const std::optional<store::Uuid>& id = {},
                        std::int64_t version = 0) {
    return save_opening(*m_repository, m_organisation, m_catalog, r, id, version, m_today,
                        store::Actor::cli());
  }

  test::TempDir m_dir;
  std::unique_ptr<store::Repository> m_repository;
  store::Uuid m_organisation;
  store::Uuid m_employer;
  catalog::Catalog m_catalog;
  Principal m_manager;
  Principal m_viewer;
  Date m_today = day(2027, 1, 4);
};

std::vector<std::string> pointers(const Errors& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.where.json_pointer);
  return out;
}

TEST_F(Openings, EveryBadFieldIsAnErrorAtItsPointerAndNothingIsSaved) {
  OpeningRequest r = request();
  r.role = "astronaut";
  r.place = 1;  // the example has one place of work (index 0)
  r.headcount = 1001;
  r.employment_type = "sometimes";
  r.valid_through = "2027-02-30";
  r.languages = {"de", "fr"};
  r.reference = std::string(41, 'x');
  r.sections["de"]["salary"] = "mehr";
  r.sections["de"]["about"] = std::string(16 * 1024 + 1, 'a');
  r.hiring_manager_id = m_viewer.user.id.to_string();  // a viewer is no hiring manager
  auto saved = save(r);
  ASSERT_FALSE(saved);
  EXPECT_EQ(pointers(saved.error()),
            (std::vector<std::string>{"/role", "/place", "/headcount", "/hiring_manager_id",
                                      "/employment_type", "/valid_through", "/languages/1",
                                      "/reference", "/sections/de/about", "/sections/de/salary"}));
  EXPECT_TRUE(m_repository->openings(m_organisation, {})->empty());
}

TEST_F(Openings, ARoleWithoutAPositionInTheProfileOrAnUnknownEmployerIsRefused) {
  // The example without its team-lead and manager positions.
  auto text = io::read_file(test::repo_data_path("examples/employer-de.yaml").string());
  ASSERT_TRUE(text);
  auto profile = io::read_employer_yaml(*text, "employer-de.yaml");
  ASSERT_TRUE(profile);
  auto shape = io::employer_to_json(*profile);
  auto& positions = shape["positions"];
  positions.erase(positions.begin() + 1, positions.end());
  auto agents_only = m_repository->add_employer(m_organisation, "Agents only",
                                                io::json_to_yaml(shape), store::Actor::cli());
  ASSERT_TRUE(agents_only);
  OpeningRequest r = request();
  r.employer_id = agents_only->id.to_string();
  r.role = "team-lead";
  auto saved = save(r);
  ASSERT_FALSE(saved);
  EXPECT_EQ(pointers(saved.error()), std::vector<std::string>{"/role"});
  EXPECT_EQ(saved.error().front().message.id, MsgId::opening_no_position);

  r = request();
  r.employer_id = store::new_uuid_v7(1).to_string();
  saved = save(r);
  ASSERT_FALSE(saved);
  EXPECT_EQ(pointers(saved.error()), std::vector<std::string>{"/employer_id"});
  EXPECT_EQ(saved.error().front().message.id, MsgId::employer_not_found);
}

TEST_F(Openings, ADraftIsSavedOverTheVersionReadAndPublishedWithItsDate) {
  auto added = save(request());
  ASSERT_TRUE(added) << test::all_errors(added.error());
  EXPECT_EQ(added->status, OpeningStatus::draft);
  EXPECT_FALSE(added->is_public());
  EXPECT_EQ(added->title(Lang::de), "Kundenberater im Kundenservice (m/w/d)");
  EXPECT_EQ(added->title(Lang::en), "Customer Service Agent");
  EXPECT_EQ(added->place_name(), "Hannover, DE");
  auto stale = save(request(), added->stored.id, 2);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().front().kind, ErrorKind::conflict);

  auto published =
      set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                         OpeningStatus::open, 1, 0, false, m_today, store::Actor::cli());
  ASSERT_TRUE(published) << test::all_errors(published.error());
  EXPECT_TRUE(published->is_public());
  // Published on 2027-01-04: 1,799,020,800,000 ms after 1970-01-01 (20,822 days of 86,400 s).
  EXPECT_EQ(published->stored.published_at, 1'799'020'800'000);
  EXPECT_EQ(utc_date(*published->stored.published_at), m_today);

  // Error-level findings need the confirmation.
  auto closed =
      set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                         OpeningStatus::closed, 2, 0, false, m_today, store::Actor::cli());
  ASSERT_TRUE(closed);
  auto unconfirmed =
      set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                         OpeningStatus::open, 3, 2, false, m_today, store::Actor::cli());
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().front().message.id, MsgId::opening_publish_errors);
  auto confirmed =
      set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                         OpeningStatus::open, 3, 2, true, m_today, store::Actor::cli());
  ASSERT_TRUE(confirmed);
  // The first publication's date stays the posting's date.
  EXPECT_EQ(confirmed->stored.published_at, 1'799'020'800'000);
  store::AuditQuery query;
  query.action = "opening.publish_with_errors";
  EXPECT_EQ(m_repository->audit_entries(m_organisation, query)->size(), 1u);
}

TEST_F(Openings, PastItsValidThroughDateAnOpenOpeningIsClosedWhenAsked) {
  auto added = save(request());
  ASSERT_TRUE(added);
  ASSERT_TRUE(set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                                 OpeningStatus::open, 1, 0, false, m_today, store::Actor::cli()));
  // Valid through 2027-01-31: on that day still open, the day after closed.
  for (auto [today, open] :
       {std::pair{day(2027, 1, 31), true}, std::pair{day(2027, 2, 1), false}}) {
    auto found =
        find_opening(*m_repository, m_organisation, m_catalog, nullptr, added->stored.id, today);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->is_public(), open);
    EXPECT_EQ(found->expired, !open);
    auto listed = public_openings(*m_repository, m_organisation, m_catalog, today, {}, 100);
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->size(), open ? 1u : 0u);
  }
  // Publishing again needs a date from today on.
  auto again =
      set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                         OpeningStatus::open, 2, 0, false, day(2027, 2, 1), store::Actor::cli());
  ASSERT_FALSE(again);
  EXPECT_EQ(pointers(again.error()), std::vector<std::string>{"/valid_through"});
}

TEST_F(Openings, AHiringManagerSeesOwnDraftsAndInternalFieldsOnly) {
  OpeningRequest mine = request();
  mine.hiring_manager_id = m_manager.user.id.to_string();
  auto own = save(mine);
  auto other = save(request());
  ASSERT_TRUE(own && other);
  EXPECT_TRUE(can_see_opening(m_manager, own->stored));
  EXPECT_FALSE(can_see_opening(m_manager, other->stored));
  EXPECT_TRUE(can_see_opening(m_viewer, other->stored));
  EXPECT_TRUE(sees_internal_fields(m_manager, own->stored));
  EXPECT_FALSE(sees_internal_fields(m_manager, other->stored));
  auto listed = list_openings(*m_repository, m_organisation, m_catalog, m_manager, m_today, 100);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().stored.id, own->stored.id);
  auto hidden =
      find_opening(*m_repository, m_organisation, m_catalog, &m_manager, other->stored.id, m_today);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().kind, ErrorKind::not_found);
  // Published, anybody's opening is seen, its internal fields not.
  ASSERT_TRUE(set_opening_status(*m_repository, m_organisation, m_catalog, other->stored.id,
                                 OpeningStatus::open, 1, 0, false, m_today, store::Actor::cli()));
  auto seen =
      find_opening(*m_repository, m_organisation, m_catalog, &m_manager, other->stored.id, m_today);
  ASSERT_TRUE(seen);
  EXPECT_FALSE(sees_internal_fields(m_manager, seen->stored));
}

TEST_F(Openings, ThePostingIsNarrowedToTheOpening) {
  OpeningRequest r = request();
  r.headcount = 3;
  r.employment_type = "part_time";
  auto added = save(r);
  ASSERT_TRUE(added);
  auto published =
      set_opening_status(*m_repository, m_organisation, m_catalog, added->stored.id,
                         OpeningStatus::open, 1, 0, false, m_today, store::Actor::cli());
  ASSERT_TRUE(published);
  auto posting = opening_posting(*published, m_catalog, Lang::de, day(2027, 1, 20));
  ASSERT_TRUE(posting) << ccteam::render(posting.error(), Lang::en);
  auto ld = io::posting_to_jsonld(posting->document);
  EXPECT_EQ(ld["datePosted"], "2027-01-04");  // the publication's date, not the day asked
  EXPECT_EQ(ld["validThrough"], "2027-01-31");
  EXPECT_EQ(ld["employmentType"], "PART_TIME");
  EXPECT_EQ(ld["totalJobOpenings"], 3);
  EXPECT_EQ(ld["identifier"]["value"], "HAN-7");
  EXPECT_EQ(ld["directApply"], true);
  EXPECT_EQ(ld["baseSalary"]["value"]["minValue"], 2900);
  EXPECT_EQ(ld["jobLocation"]["address"]["addressLocality"], "Hannover");
}

// The editor sends ccteam's own text back unchanged: it is not kept, also when the change that
// comes with it (the headcount) changes ccteam's text, so the posting follows the new count.
TEST_F(Openings, CcteamsOwnTextSentBackIsNotKeptAlsoWhenTheHeadcountChanges) {
  auto first = save(request());
  ASSERT_TRUE(first);
  auto shown = default_sections(*first, m_catalog, Lang::de, m_today);
  ASSERT_TRUE(shown);
  OpeningRequest r = request();
  r.headcount = 3;
  bool names_the_count = false;
  for (const SectionDefault& d : *shown) {
    r.sections["de"][d.id] = d.markdown;
    names_the_count =
        names_the_count || d.markdown.find("Wir besetzen 2 Stellen.") != std::string::npos;
  }
  ASSERT_TRUE(names_the_count);
  r.sections["de"]["about"] = "Unser eigener Text.";
  auto saved = save(r, first->stored.id, 1);
  ASSERT_TRUE(saved) << test::all_errors(saved.error());
  EXPECT_EQ(saved->stored.sections, R"({"de":{"about":"Unser eigener Text."}})");
  auto now = default_sections(*saved, m_catalog, Lang::de, m_today);
  ASSERT_TRUE(now);
  bool new_count = false;
  for (const SectionDefault& d : *now) {
    new_count = new_count || d.markdown.find("Wir besetzen 3 Stellen.") != std::string::npos;
  }
  EXPECT_TRUE(new_count);
}

TEST_F(Openings, CommentsNeedTextAndAreKeptInOrder) {
  auto added = save(request());
  ASSERT_TRUE(added);
  auto empty = add_opening_comment(*m_repository, m_organisation, added->stored.id, "  \n ",
                                   m_manager.actor("r1"));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message.id, MsgId::opening_comment_empty);
  ASSERT_TRUE(add_opening_comment(*m_repository, m_organisation, added->stored.id,
                                  " Bitte Schichtzeiten nennen ", m_manager.actor("r2")));
  auto comments = opening_comments(*m_repository, m_organisation, added->stored.id);
  ASSERT_TRUE(comments);
  ASSERT_EQ(comments->size(), 1u);
  EXPECT_EQ(comments->front().text, "Bitte Schichtzeiten nennen");
  EXPECT_EQ(comments->front().author_name, "Hanna Manager");
}

TEST_F(Openings, TheCareersFilterMatchesRolePlaceTypeAndText) {
  auto agent = save(request());
  OpeningRequest lead = request();
  lead.role = "team-lead";
  lead.languages = {"de"};
  auto team_lead = save(lead);
  ASSERT_TRUE(agent && team_lead);
  for (const Opening* o : {&*agent, &*team_lead}) {
    ASSERT_TRUE(set_opening_status(*m_repository, m_organisation, m_catalog, o->stored.id,
                                   OpeningStatus::open, 1, 0, false, m_today, store::Actor::cli()));
  }
  auto count = [&](CareersFilter filter) {
    return public_openings(*m_repository, m_organisation, m_catalog, m_today, filter, 100)->size();
  };
  auto only = [](std::string CareersFilter::*field, std::string value) {
    CareersFilter filter;
    filter.*field = std::move(value);
    return filter;
  };
  EXPECT_EQ(count({}), 2u);
  EXPECT_EQ(count(only(&CareersFilter::role, "team-lead")), 1u);
  EXPECT_EQ(count(only(&CareersFilter::place, "Hannover")), 2u);
  EXPECT_EQ(count(only(&CareersFilter::place, "Denver")), 0u);
  EXPECT_EQ(count(only(&CareersFilter::employment_type, "full_time")), 2u);
  EXPECT_EQ(count(only(&CareersFilter::remote, "hybrid")), 2u);
  EXPECT_EQ(count(only(&CareersFilter::lang, "en")), 1u);
  EXPECT_EQ(count(only(&CareersFilter::text, "kundenBERATER")), 1u);
  EXPECT_EQ(count(only(&CareersFilter::text, "han-7")), 2u);
}

}  // namespace
}  // namespace ccteam::app
