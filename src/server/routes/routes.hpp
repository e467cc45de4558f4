#pragma once
// The workspace's routes, one file per resource. Each add_* function puts its routes into the
// router; handlers decode the request, call a use case (src/app/) and encode the result.

#include <mutex>
#include <string>
#include <utility>

#include "app/posting/posting.hpp"
#include "app/workspace/accounts.hpp"
#include "app/workspace/application_import.hpp"
#include "app/workspace/applications.hpp"
#include "app/workspace/employers.hpp"
#include "app/workspace/jobs.hpp"
#include "app/workspace/outbox.hpp"
#include "app/workspace/simulations.hpp"
#include "server/auth.hpp"
#include "server/catalog_cache.hpp"
#include "server/public_page_cache.hpp"
#include "server/router.hpp"
#include "server/static_files.hpp"
#include "store/repository.hpp"

namespace ccteam::server {

namespace pages {
class Pages;
}

// The address the public pages are reached at, without a trailing '/': the configured
// public_url, else http://<listen address> (set once the port is known). Thread-safe.
class PublicUrl {
 public:
  explicit PublicUrl(std::string value = {}) : m_value(std::move(value)) {}
  std::string get() const {
    std::lock_guard lock(m_mutex);
    return m_value;
  }
  void set(std::string value) {
    std::lock_guard lock(m_mutex);
    m_value = std::move(value);
  }

 private:
  mutable std::mutex m_mutex;
  std::string m_value;
};

// What the routes share; owned by the workspace (server/workspace.cpp), outliving the server.
struct RouteContext {
  store::Repository& repository;
  store::Uuid organisation;
  CatalogCache& catalogs;
  const pages::Pages& pages;
  const StaticFiles& static_files;
  app::Accounts& accounts;
  app::JobRunner& jobs;
  AuthConfig auth;
  app::SimulationLimits simulations;
  const app::ProfileRules& profile_rules;  // minimum wages and pay laws, read at start
  const app::PostingRules& posting_rules;  // the posting linter's rule data, read at start
  // Where the public pages are reached: canonical URLs and the sitemap are made from it, never
  // from the Host header.
  const PublicUrl& public_url;
  // The public careers pages as anonymous readers get them, kept per state of what they show.
  PublicPageCache& public_pages;
  // Applications the public form takes from one client address in 10 minutes.
  std::int64_t max_applications_per_address = app::k_max_applications_per_window;
  // E-mail to applicants (the acknowledgement's state and attempts; the link is public_url's).
  app::MailSettings mail{};
  // Documents applicants attach (limits.max_documents, limits.max_document_bytes).
  app::DocumentSettings documents{};
};

// GET /api/v1/jobs: the background jobs, for operators (admin).
void add_jobs_api(Router& router, RouteContext& context);

// /api/v1/plans, /api/v1/plans/calculate, /api/v1/plans/compare, /api/v1/plans/{id}[/plan.json,
// /intervals.csv]: staffing plans.
void add_plans_api(Router& router, RouteContext& context);
// /{lang}/plans, /{lang}/plans/new, /{lang}/plans/compare, /{lang}/plans/{id}.
void add_plan_pages(Router& router, RouteContext& context);
// /api/v1/plans/{id}/simulations, /api/v1/simulations/{id}[/cancel],
// /{lang}/plans/{id}/simulations,
// /{lang}/simulations/{id}[/cancel]: checking a plan by simulation (a background job).
void add_simulations(Router& router, RouteContext& context);

// /api/v1/pay-bands (GET, PUT: JSON or YAML), /api/v1/pay-bands.yaml, /{lang}/pay-bands.
void add_pay_bands(Router& router, RouteContext& context);

// /api/v1/employers[/{id}[/profile.yaml]] (GET, POST, PUT: JSON or YAML),
// /{lang}/employers[/new, /{id}]: employer profiles.
void add_employers(Router& router, RouteContext& context);

// /api/v1/openings[/{id}[/status, /comments, /posting]] and /{lang}/openings[/new, /{id}[/status,
// /comments]]: openings and their postings.
void add_openings(Router& router, RouteContext& context);

// /{lang}/careers[/{id}], /sitemap.xml (public), /{lang}/openings/{id}/preview: the careers pages.
void add_careers(Router& router, RouteContext& context);

// /{lang}/careers/{id}/apply[/sent], /{lang}/application/{token}[/withdraw] (public), and
// /api/v1/openings/{id}/applications[.csv, .xlsx, /import], /api/v1/applications/{id}[/unblind,
// /export, /documents] (DELETE erases): applications.
void add_applications(Router& router, RouteContext& context);
// /{lang}/openings/{id}/applications[/import], /{lang}/applications/{id}[/unblind, /documents,
// /erase].
void add_application_pages(Router& router, RouteContext& context);
// A recruiter's import to the opening 'opening' (app::import_applicants) with this node's
// catalog, mail settings and link secret, as the API and the applications page run it.
Checked<app::ImportedApplicants> run_import(RouteContext& context, const Request& request,
                                            const Caller& caller, const store::Uuid& opening,
                                            const app::ApplicantImport& import);

// Every route of the workspace (each add_* below).
void add_workspace_routes(Router& router, RouteContext& context);

// GET /api/v1/roles, /api/v1/roles/{id}, /api/v1/ladder (docs/openapi.yaml).
void add_catalog_api(Router& router, RouteContext& context);
// GET /, /{lang}, /{lang}/roles, /{lang}/roles/{id}.
void add_page_routes(Router& router, RouteContext& context);
// GET /healthz, /readyz.
void add_health_routes(Router& router, RouteContext& context);
// GET /static/{name}.
void add_static_routes(Router& router, RouteContext& context);
// /api/v1/me, /api/v1/me/password, /api/v1/users[/{id}[/password-reset]], /api/v1/tokens[/{id}],
// /api/v1/audit, /api/v1/audit.csv.
void add_account_api(Router& router, RouteContext& context);
// /{lang}/sign-in, /{lang}/sign-out, /{lang}/account[...], /{lang}/admin/users[...],
// /{lang}/admin/audit.
void add_account_pages(Router& router, RouteContext& context);

}  // namespace ccteam::server
