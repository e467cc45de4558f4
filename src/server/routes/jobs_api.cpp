// GET /api/v1/jobs: the background jobs of the workspace (admin, permission read_operations),
// newest first, for operators who want to see that the maintenance ran and what failed.

#include <algorithm>
#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> k_states = {"queued", "running", "done", "failed"};

json optional_time(const std::optional<store::UnixMillis>& at) {
  return at ? json(rfc3339(*at)) : json(nullptr);
}

// The job as JSON; its result is the JSON its handler wrote (null when it is not JSON).
json job_json(const store::StoredJob& job) {
  json result = nullptr;
  if (job.result) result = json::parse(*job.result, nullptr, false);
  if (result.is_discarded()) result = nullptr;
  return {{"id", job.id.to_string()},
          {"kind", job.kind},
          {"dedupe_key", job.dedupe_key ? json(*job.dedupe_key) : json(nullptr)},
          {"state", job.state},
          {"attempts", job.attempts},
          {"max_attempts", job.max_attempts},
          {"run_after", rfc3339(job.run_after)},
          {"created_at", rfc3339(job.created_at)},
          {"finished_at", optional_time(job.finished_at)},
          {"claimed_by", job.claimed_by ? json(*job.claimed_by) : json(nullptr)},
          {"lease_until", optional_time(job.lease_until)},
          {"result", result},
          {"error", job.error ? json(*job.error) : json(nullptr)}};
}

Result<store::JobQuery> job_query(const std::vector<QueryParam>& params) {
  store::JobQuery out;
  for (const QueryParam& p : params) {
    if (p.value.empty()) continue;
    if (p.name == "kind") {
      bool plain = p.value.size() <= 64 && std::all_of(p.value.begin(), p.value.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || c == '.' || c == '_';
                   });
      if (!plain) {
        return tl::unexpected(bad_query_parameter(
            "kind", p.value, msg(MsgId::hint_one_of, std::string(app::k_prune_job))));
      }
      out.kind = p.value;
    } else if (p.name == "state") {
      if (std::find(k_states.begin(), k_states.end(), p.value) == k_states.end()) {
        return tl::unexpected(bad_query_parameter(
            "state", p.value, msg(MsgId::hint_one_of, "queued, running, done, failed")));
      }
      out.state = p.value;
    } else if (p.name == "limit") {
      auto value = whole_number(p.value, 1, 100);
      if (!value) {
        return tl::unexpected(
            bad_query_parameter("limit", p.value, msg(MsgId::hint_range, "1", "100")));
      }
      out.limit = static_cast<std::size_t>(*value);
    }
  }
  return out;
}

}  // namespace

void add_jobs_api(Router& router, RouteContext& context) {
  router.add({"GET", "/api/v1/jobs", Access::to(access::Permission::read_operations), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                auto params = read_query(request, {"kind", "state", "limit"});
                if (!params) return problem(params.error(), caller.lang, request);
                auto query = job_query(*params);
                if (!query) return problem(query.error(), caller.lang, request);
                auto jobs = context.jobs.list(context.organisation, *query);
                if (!jobs) return problem(jobs.error(), caller.lang, request);
                json body{{"items", json::array()}};
                for (const auto& job : *jobs) body["items"].push_back(job_json(job));
                return json_response(body);
              }});
}

}  // namespace ccteam::server
