// The store keeps every acknowledged write when its process is killed at any moment, on SQLite
// and on PostgreSQL (the server process killed, not the database): a child process writes in a
// loop and reports each committed write through a pipe; the parent kills it with SIGKILL after a
// random short time, reopens the store and finds every reported write (on SQLite also an intact
// file, integrity_check, and no broken reference, foreign_key_check). Several rounds on
// one file, each starting where the last was killed; user writes, openings with their posting
// texts and the audit entries of every write are checked the same way; the first kills the writer
// while it opens the file, migrates it and loads the demo, the others while it writes.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "app/workspace/applications.hpp"
#include "app/workspace/seed.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "store/backends.hpp"
#include "support/paths.hpp"

namespace ccteam::store {
namespace {

using Clock = std::chrono::steady_clock;

app::Environment data_environment() {
  app::Environment env{Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{5}},
                       test::repo_data_path("catalog").string(),
                       test::repo_data_path("posting").string()};
  env.examples_dir = test::repo_data_path("examples").string();
  return env;
}

// Writes all of 'line' to 'fd' (one write for a line shorter than PIPE_BUF: never torn).
bool send_line(int fd, const std::string& line) {
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// The child: opens the store, loads the demo, reports "R", then writes until it is killed.
// Reports "E <id> <name>" after each committed employer, "C <version>" after each committed
// catalog, "X <error>" when something fails. Never returns.
[[noreturn]] void run_child(const test::TestDatabase& database, int round, int fd) {
  auto opened = database.open();
  if (!opened) {
    send_line(fd, "X open: " + render(opened.error(), Lang::en) + "\n");
    ::_exit(3);
  }
  auto& repository = **opened;
  Uuid organisation = *repository.default_organisation();
  if (auto demo = app::load_demo(repository, organisation, data_environment()); !demo) {
    send_line(fd, "X demo: " + render(demo.error().front(), Lang::en) + "\n");
    ::_exit(3);
  }
  if (!send_line(fd, "R\n")) ::_exit(4);
  std::optional<Uuid> last_employer;
  std::optional<Uuid> last_opening;
  for (long i = 0;; ++i) {
    if (i % 7 == 0 && last_opening) {
      // An application with its screening job, as the public form stores it: "A <id>".
      ApplicationSubmission submission;
      submission.application.organisation_id = organisation;
      submission.application.opening_id = *last_opening;
      submission.application.jurisdiction = "DE";
      submission.application.profile =
          R"({"work":[{"position":"Call Center Agent","startDate":"2022-01"}]})";
      submission.application.review_rank = 9'000'000'000;
      submission.idempotency_key = "crash-" + std::to_string(round) + "-" + std::to_string(i);
      submission.access_token_hash.fill(static_cast<std::uint8_t>(i % 251));
      submission.access_token_hash[0] = static_cast<std::uint8_t>(round);
      submission.access_token_hash[1] = static_cast<std::uint8_t>(i >> 8);
      submission.access_token_hash[2] = static_cast<std::uint8_t>(i & 0xff);
      // With a document, as the form does: its text is read first, which queues the screening.
      submission.screening_job.kind = std::string(app::k_read_documents_job);
      // Its acknowledgement to the applicant, queued for the mail job.
      StoredMessage acknowledgement;
      acknowledgement.kind = std::string(app::k_acknowledgement_message);
      acknowledgement.recipient = "crash-" + std::to_string(i) + "@example.com";
      acknowledgement.subject = "Ihre Bewerbung";
      acknowledgement.body = "Danke.\n";
      submission.acknowledgement = acknowledgement;
      submission.mail_job.kind = std::string(app::k_send_mail_job);
      // Its CV: the content first (as the form stores it), then the row in the transaction.
      std::string cv = "%PDF-1.4 crash " + std::to_string(round) + " " + std::to_string(i);
      StoredDocument document;
      document.sha256 = io::sha256_hex(cv);
      document.content_type = "application/pdf";
      document.file_name = "cv.pdf";
      document.size_bytes = static_cast<std::int64_t>(cv.size());
      if (auto put = repository.documents().put(document.sha256, cv); !put) {
        send_line(fd, "X document: " + render(put.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      submission.documents.push_back(document);
      auto added = repository.add_application(submission, Actor::system());
      if (!added) {
        send_line(fd, "X application: " + render(added.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "A " + added->application.id.to_string() + "\n")) ::_exit(4);
      continue;
    }
    if (i % 7 == 6 && last_employer) {
      // An opening, then its posting text saved over the version read: "O <id> <version> <tag>",
      // the tag being the text of its German "about" section.
      StoredOpening opening;
      opening.organisation_id = organisation;
      opening.employer_id = *last_employer;
      opening.role = "agent";
      opening.valid_through = "2027-01-31";
      opening.languages = "de";
      auto added = repository.add_opening(opening, Actor::cli());
      if (!added) {
        send_line(fd, "X opening: " + render(added.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "O " + added->id.to_string() + " 1 -\n")) ::_exit(4);
      last_opening = added->id;
      std::string tag = "r" + std::to_string(round) + "-i" + std::to_string(i);
      StoredOpening text = *added;
      text.sections = R"({"de":{"about":")" + tag + R"("}})";
      auto saved = repository.put_opening(text, 1, "opening.put", {"sections"}, Actor::cli());
      if (!saved) {
        send_line(fd, "X opening text: " + render(saved.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "O " + added->id.to_string() + " 2 " + tag + "\n")) ::_exit(4);
      continue;
    }
    if (i % 7 == 1) {
      auto catalog = repository.put_catalog(organisation, "crash-test",
                                            "roles: []  # round " + std::to_string(round) + "\n");
      if (!catalog) {
        send_line(fd, "X catalog: " + render(catalog.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "C " + std::to_string(catalog->version) + "\n")) ::_exit(4);
      // The pay bands, saved over the version this writer reads.
      auto seen = repository.pay_bands(organisation);
      std::int64_t version = seen && *seen ? (*seen)->version : 0;
      auto bands = repository.put_pay_bands(organisation, "crash-test",
                                            "pay_bands: []  # " + std::to_string(i) + "\n", version,
                                            Actor::cli());
      if (!bands) {
        send_line(fd, "X pay bands: " + render(bands.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "B " + std::to_string(bands->version) + "\n")) ::_exit(4);
      continue;
    }
    if (i % 7 == 3) {
      // A user write and its audit entry: a new user, or the version of the last one raised.
      StoredUser user;
      user.login = "crash-" + std::to_string(round) + "-" + std::to_string(i);
      user.display_name = "Crash " + std::to_string(i);
      user.role = "viewer";
      user.password_hash = "not-a-hash";
      auto added = repository.add_user(organisation, user, Actor::cli());
      if (!added) {
        send_line(fd, "X user: " + render(added.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "U " + added->id.to_string() + " 1\n")) ::_exit(4);
      UserChange change;
      change.role = "recruiter";
      auto updated =
          repository.update_user(organisation, added->id, 1, change, "user.update", Actor::cli());
      if (!updated) {
        send_line(fd, "X update: " + render(updated.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "U " + added->id.to_string() + " 2\n")) ::_exit(4);
      continue;
    }
    if (i % 7 == 5) {
      // A staffing plan: a new plan, then its second version.
      StoredPlan plan;
      plan.organisation_id = organisation;
      plan.name = "crash plan " + std::to_string(i);
      plan.inputs = "{}";
      plan.result = R"({"format":"ccteam-plan/1"})";
      plan.summary = "{}";
      auto first = repository.add_plan(plan, std::nullopt, Actor::cli());
      if (!first) {
        send_line(fd, "X plan: " + render(first.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "P " + first->id.to_string() + " 1\n")) ::_exit(4);
      auto second = repository.add_plan(plan, first->id, Actor::cli());
      if (!second) {
        send_line(fd, "X plan version: " + render(second.error(), Lang::en) + "\n");
        ::_exit(3);
      }
      if (!send_line(fd, "P " + second->id.to_string() + " 2\n")) ::_exit(4);
      continue;
    }
    std::string name = "crash " + std::to_string(round) + "/" + std::to_string(i);
    auto employer =
        repository.add_employer(organisation, name, "name: " + name + "\n", Actor::system());
    if (!employer) {
      send_line(fd, "X employer: " + render(employer.error(), Lang::en) + "\n");
      ::_exit(3);
    }
    last_employer = employer->id;
    if (!send_line(fd, "E " + employer->id.to_string() + " " + name + "\n")) ::_exit(4);
  }
}

struct Acknowledged {
  bool ready = false;               // the child of this round has opened the store
  std::set<std::string> employers;  // "id name"
  std::int64_t catalog_version = 0;
  std::int64_t pay_bands_version = 0;
  std::map<std::string, std::int64_t> user_versions;  // user id -> acknowledged version
  std::map<std::string, std::int64_t> plans;          // plan id -> its version
  std::map<std::string, std::pair<std::int64_t, std::string>> openings;  // id -> version, tag
  std::set<std::string> applications;                                    // ids
  std::vector<std::string> child_errors;
};

// Takes the complete lines of 'buffer' (keeps a torn last line there).
void take_lines(std::string& buffer, Acknowledged& acknowledged) {
  std::size_t start = 0;
  for (std::size_t end; (end = buffer.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = buffer.substr(start, end - start);
    if (line == "R") {
      acknowledged.ready = true;
    } else if (line.rfind("E ", 0) == 0) {
      acknowledged.employers.insert(line.substr(2));
    } else if (line.rfind("U ", 0) == 0) {
      auto space = line.find(' ', 2);
      std::int64_t& version = acknowledged.user_versions[line.substr(2, space - 2)];
      version = std::max<std::int64_t>(version, std::stoll(line.substr(space + 1)));
    } else if (line.rfind("P ", 0) == 0) {
      auto space = line.find(' ', 2);
      acknowledged.plans[line.substr(2, space - 2)] = std::stoll(line.substr(space + 1));
    } else if (line.rfind("O ", 0) == 0) {
      std::istringstream fields(line.substr(2));
      std::string id, tag;
      std::int64_t version = 0;
      fields >> id >> version >> tag;
      auto& known = acknowledged.openings[id];
      if (version >= known.first) known = {version, tag};
    } else if (line.rfind("A ", 0) == 0) {
      acknowledged.applications.insert(line.substr(2));
    } else if (line.rfind("B ", 0) == 0) {
      acknowledged.pay_bands_version =
          std::max<std::int64_t>(acknowledged.pay_bands_version, std::stoll(line.substr(2)));
    } else if (line.rfind("C ", 0) == 0) {
      acknowledged.catalog_version =
          std::max<std::int64_t>(acknowledged.catalog_version, std::stoll(line.substr(2)));
    } else {
      acknowledged.child_errors.push_back(line);
    }
  }
  buffer.erase(0, start);
}

enum class KillWhen {
  starting,  // 'run_for' after the fork: while opening, migrating, loading the demo
  writing,   // 'run_for' after the child is ready (however long a loaded machine makes that)
};

// One round: fork a writer, read its acknowledgements for 'run_for', SIGKILL it, read what it
// wrote to the pipe before it died.
void run_round(const test::TestDatabase& database, int round, KillWhen when,
               std::chrono::milliseconds run_for, Acknowledged& acknowledged) {
  acknowledged.ready = false;
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0) << std::strerror(errno);
  pid_t child = ::fork();
  ASSERT_GE(child, 0) << std::strerror(errno);
  if (child == 0) {
    ::close(fds[0]);
    run_child(database, round, fds[1]);
  }
  ::close(fds[1]);
  std::string buffer;
  char chunk[4096];
  constexpr std::chrono::seconds k_ready_limit{20};
  auto deadline = Clock::now() + (when == KillWhen::starting ? run_for : k_ready_limit);
  bool waiting_for_ready = when == KillWhen::writing;
  bool open = true;
  while (open && Clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd poll_fd{fds[0], POLLIN, 0};
    int ready = ::poll(&poll_fd, 1, static_cast<int>(std::max<long>(left.count(), 1)));
    if (ready <= 0) continue;
    ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n <= 0) {
      open = false;
      break;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    take_lines(buffer, acknowledged);
    if (waiting_for_ready && acknowledged.ready) {
      waiting_for_ready = false;
      deadline = Clock::now() + run_for;
    }
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  // What the child wrote to the pipe before it died was committed before it was written.
  while (true) {
    ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  take_lines(buffer, acknowledged);
  ::close(fds[0]);
  EXPECT_FALSE(waiting_for_ready) << "the writer was not ready within " << k_ready_limit.count()
                                  << " s in round " << round;
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer ended by itself (status " << status << ") in round " << round;
}

bool audit_is_empty(Repository& repository, const Uuid& organisation) {
  AuditQuery one;
  one.limit = 1;
  auto entries = repository.audit_entries(organisation, one);
  return !entries || entries->empty();
}

std::vector<std::string> pragma_rows(sqlite::Connection& connection, const std::string& sql) {
  std::vector<std::string> rows;
  auto statement = connection.prepare(sql);
  EXPECT_TRUE(statement.has_value());
  if (!statement) return rows;
  while (true) {
    auto row = statement->step();
    EXPECT_TRUE(row.has_value());
    if (!row || !*row) break;
    rows.push_back(statement->column_text(0));
  }
  return rows;
}

// Reopens the store and checks it against everything acknowledged so far.
void check_survivors(const test::TestDatabase& database, const Acknowledged& acknowledged,
                     int round) {
  if (!database.is_postgres()) {
    const std::string& path = database.db();
    auto connection = sqlite::Connection::open(path, sqlite::OpenMode::read_write,
                                               std::chrono::milliseconds{5000});
    ASSERT_TRUE(connection.has_value()) << render(connection.error(), Lang::en);
    EXPECT_EQ(pragma_rows(*connection, "PRAGMA integrity_check"), std::vector<std::string>{"ok"})
        << "round " << round;
    EXPECT_TRUE(pragma_rows(*connection, "PRAGMA foreign_key_check").empty()) << "round " << round;
    // The audit log stays append-only after a crash: its triggers refuse changes (of rows
    // that exist: a writer killed before its first write leaves none to refuse).
    auto rows =
        pragma_rows(*connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'");
    if (!rows.empty() && rows[0] == "1" &&
        pragma_rows(*connection, "SELECT count(*) FROM audit_log") !=
            std::vector<std::string>{"0"}) {
      EXPECT_FALSE(connection->execute("UPDATE audit_log SET action = 'x'").has_value());
      EXPECT_FALSE(connection->execute("DELETE FROM audit_log").has_value());
    }
  }
  auto opened = database.open();
  ASSERT_TRUE(opened.has_value()) << render(opened.error(), Lang::en);
  auto& repository = **opened;
  Uuid organisation = *repository.default_organisation();
  if (database.is_postgres() && !audit_is_empty(repository, organisation)) {
    // The audit log stays append-only: its triggers refuse changes.
    EXPECT_FALSE(database.execute("UPDATE audit_log SET action = 'x'").has_value());
    EXPECT_FALSE(database.execute("DELETE FROM audit_log").has_value());
  }
  auto employers = repository.employers(organisation, std::nullopt, 1'000'000);
  ASSERT_TRUE(employers.has_value());
  std::set<std::string> stored;
  for (const auto& employer : *employers)
    stored.insert(employer.id.to_string() + " " + employer.name);
  std::size_t missing = 0;
  for (const auto& entry : acknowledged.employers) {
    if (!stored.contains(entry)) {
      ++missing;
      ADD_FAILURE() << "acknowledged but lost in round " << round << ": " << entry;
      if (missing > 5) break;
    }
  }
  EXPECT_GE(*repository.catalog_version(organisation), acknowledged.catalog_version);
  auto pay_bands = repository.pay_bands(organisation);
  ASSERT_TRUE(pay_bands.has_value());
  EXPECT_GE(*pay_bands ? (*pay_bands)->version : 0, acknowledged.pay_bands_version);

  // Every acknowledged write has its audit entry: one "employer.create" per employer, one
  // "user.create" and (version 2) one "user.update" per user.
  AuditQuery everything;
  everything.limit = 10'000'000;
  auto audit = repository.audit_entries(organisation, everything);
  ASSERT_TRUE(audit.has_value());
  std::set<std::string> audited;
  for (const auto& entry : *audit) {
    if (entry.target_id) audited.insert(entry.action + " " + entry.target_id->to_string());
  }
  missing = 0;
  for (const auto& entry : acknowledged.employers) {
    std::string id = entry.substr(0, entry.find(' '));
    if (!audited.contains("employer.create " + id) && ++missing <= 5) {
      ADD_FAILURE() << "employer without its audit entry in round " << round << ": " << id;
    }
  }
  for (const auto& [id, version] : acknowledged.user_versions) {
    auto user = repository.user_by_id(organisation, *Uuid::parse(id));
    ASSERT_TRUE(user.has_value());
    if (!*user) {
      if (++missing <= 5)
        ADD_FAILURE() << "acknowledged user lost in round " << round << ": " << id;
      continue;
    }
    EXPECT_GE((*user)->version, version) << id;
    EXPECT_TRUE(audited.contains("user.create " + id)) << "round " << round << ": " << id;
    if (version >= 2) {
      EXPECT_TRUE(audited.contains("user.update " + id)) << "round " << round << ": " << id;
    }
  }
  // Every acknowledged plan version, with its number and its audit entry.
  for (const auto& [id, version] : acknowledged.plans) {
    auto plan = repository.plan(organisation, *Uuid::parse(id));
    ASSERT_TRUE(plan.has_value());
    if (!*plan) {
      if (++missing <= 5)
        ADD_FAILURE() << "acknowledged plan lost in round " << round << ": " << id;
      continue;
    }
    EXPECT_EQ((*plan)->version, version) << id;
    EXPECT_TRUE(audited.contains("plan.create " + id)) << "round " << round << ": " << id;
  }
  // Every acknowledged opening with its last acknowledged posting text and its audit entries.
  for (const auto& [id, known] : acknowledged.openings) {
    const auto& [version, tag] = known;
    auto opening = repository.opening(organisation, *Uuid::parse(id));
    ASSERT_TRUE(opening.has_value());
    if (!*opening) {
      if (++missing <= 5)
        ADD_FAILURE() << "acknowledged opening lost in round " << round << ": " << id;
      continue;
    }
    EXPECT_GE((*opening)->version, version) << id;
    if (version == 2) {
      EXPECT_EQ((*opening)->sections, R"({"de":{"about":")" + tag + R"("}})") << id;
      EXPECT_TRUE(audited.contains("opening.put " + id)) << "round " << round << ": " << id;
    }
    EXPECT_TRUE(audited.contains("opening.create " + id)) << "round " << round << ": " << id;
  }
  // Every acknowledged application with its audit entry and the job that reads its document
  // (then screens it); the jobs then run to the end (a job claimed by the killed writer would
  // wait for its lease; none is).
  JobQuery screening;
  screening.kind = std::string(app::k_read_documents_job);
  screening.limit = 1'000'000;
  auto jobs = repository.jobs(organisation, screening);
  ASSERT_TRUE(jobs.has_value());
  std::set<std::string> queued;
  for (const auto& job : *jobs) queued.insert(job.payload);
  JobQuery mail;
  mail.kind = std::string(app::k_send_mail_job);
  mail.limit = 1'000'000;
  auto mail_jobs = repository.jobs(organisation, mail);
  ASSERT_TRUE(mail_jobs.has_value());
  std::set<std::string> mail_queued;
  for (const auto& job : *mail_jobs) mail_queued.insert(job.payload);
  for (const std::string& id : acknowledged.applications) {
    auto application = repository.application(organisation, *Uuid::parse(id));
    ASSERT_TRUE(application.has_value());
    if (!*application) {
      if (++missing <= 5)
        ADD_FAILURE() << "acknowledged application lost in round " << round << ": " << id;
      continue;
    }
    EXPECT_TRUE(audited.contains("application.create " + id)) << "round " << round << ": " << id;
    EXPECT_TRUE(queued.contains(R"({"application":")" + id + "\"}"))
        << "no job to read its document in round " << round << ": " << id;
    // Its acknowledgement and the job that sends it, written in the same transaction.
    auto messages = repository.application_messages(organisation, *Uuid::parse(id));
    ASSERT_TRUE(messages.has_value());
    EXPECT_EQ(messages->size(), 1u) << "round " << round << ": " << id;
    if (messages->size() == 1) {
      EXPECT_TRUE(
          mail_queued.contains(R"({"message":")" + messages->front().id.to_string() + "\"}"))
          << "no mail job in round " << round << ": " << id;
    }
    // Its document, and the content the document names.
    auto documents = repository.application_documents(organisation, *Uuid::parse(id));
    ASSERT_TRUE(documents.has_value());
    EXPECT_EQ(documents->size(), 1u) << "round " << round << ": " << id;
    for (const StoredDocument& document : *documents) {
      auto content = repository.documents().get(document.sha256);
      ASSERT_TRUE(content.has_value());
      EXPECT_TRUE(*content && content->value().starts_with("%PDF-1.4 crash "))
          << "a document without its content in round " << round << ": " << id;
    }
  }
  // Contents stored before a kill whose application was never written: orphans, which the
  // sweep removes; then every content left is named by an application.
  auto swept = app::sweep_documents(repository, unix_millis_now() + 1000);
  ASSERT_TRUE(swept.has_value()) << render(swept.error(), Lang::en);
  auto contents = repository.documents().list();
  ASSERT_TRUE(contents.has_value());
  for (const StoredContent& content : *contents) {
    EXPECT_TRUE(repository.content_in_use(content.sha256).value())
        << "a content no application names after the sweep in round " << round;
  }
  auto catalog = io::load_catalog({test::repo_data_path("catalog").string()});
  ASSERT_TRUE(catalog.has_value());
  app::JobRunner runner(repository, "crash-check");
  // The documents' text first (these "PDFs" are not readable: recorded so), then the screening.
  app::ExtractSettings extract;
  extract.program = CCTEAM_EXTRACTOR;
  runner.handle(std::string(app::k_read_documents_job),
                app::read_documents_handler(repository, extract));
  runner.handle(std::string(app::k_screen_application_job),
                app::screening_handler(repository, [&catalog]() -> Result<app::CatalogAt> {
                  app::CatalogAt at;
                  at.catalog = &*catalog;
                  at.revision = 1;
                  return at;
                }));
  for (int pass = 0; pass < 2; ++pass) {  // the reading queues the screening
    auto ran = runner.run_due(1'000'000);
    ASSERT_TRUE(ran.has_value()) << render(ran.error(), Lang::en);
  }
  for (const std::string& id : acknowledged.applications) {
    auto application = repository.application(organisation, *Uuid::parse(id));
    ASSERT_TRUE(application.has_value() && *application);
    EXPECT_TRUE((*application)->verdict.has_value())
        << "not screened after the restart in round " << round << ": " << id;
  }
}

class Crash : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Backends, Crash, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) {
                           return backend.param;
                         });

TEST_P(Crash, EveryAcknowledgedWriteSurvivesSigkill) {
  test::TestDatabase database(GetParam());
  if (std::string missing = database.missing(); !missing.empty()) GTEST_SKIP() << missing;
  std::random_device seed;
  std::mt19937 random(seed());
  std::uniform_int_distribution<int> run_ms(300, 800);
  Acknowledged acknowledged;
  std::uniform_int_distribution<int> start_ms(20, 250);
  constexpr int k_rounds = 6;
  for (int round = 0; round < k_rounds; ++round) {
    KillWhen when = round == 0 ? KillWhen::starting : KillWhen::writing;
    std::chrono::milliseconds run_for{when == KillWhen::starting ? start_ms(random)
                                                                 : run_ms(random)};
    run_round(database, round, when, run_for, acknowledged);
    ASSERT_TRUE(acknowledged.child_errors.empty()) << acknowledged.child_errors.front();
    check_survivors(database, acknowledged, round);
    if (HasFailure()) break;
  }
  // The test tested something: writes were acknowledged, the demo was loaded once.
  EXPECT_GT(acknowledged.employers.size(), 0u);
  EXPECT_GT(acknowledged.catalog_version, 0);
  EXPECT_GT(acknowledged.openings.size(), 0u);
  EXPECT_GT(acknowledged.applications.size(), 0u);
  std::cout << acknowledged.employers.size() << " acknowledged employers, "
            << acknowledged.openings.size() << " openings, " << acknowledged.applications.size()
            << " applications (each screened after the restart) and catalog version "
            << acknowledged.catalog_version << " survived " << k_rounds << " SIGKILLs on "
            << GetParam() << "\n";
}

}  // namespace
}  // namespace ccteam::store
