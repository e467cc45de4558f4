// The public careers pages (no account needed): the index of open openings with search and
// filters, one page per open opening in each of its languages (with schema.org JobPosting
// JSON-LD), and /sitemap.xml. Canonical URLs come from the configured public URL, never from the
// Host header. Pages for anonymous readers are cacheable (ETag; an opening's page no longer than
// to the end of its valid-through date); signed-in readers get them unkept (no-store), as every
// signed-in page. The preview of a draft for signed-in users renders the same page.
#include <algorithm>
#include <chrono>
#include <set>

#include <fmt/format.h>

#include "app/workspace/openings.hpp"
#include "io/base/markup.hpp"
#include "io/posting/posting_writers.hpp"
#include "server/pages/shell.hpp"
#include "server/render/template.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using pages::lang_path;

constexpr std::size_t k_max_public = 2000;
constexpr std::size_t k_max_filter_bytes = 100;
constexpr std::int64_t k_index_max_age_s = 60;
constexpr std::int64_t k_page_max_age_s = 300;
// The workspace's strict policy, except that images may come from https addresses: an
// employer's logo is a URL of its own site (docs/employer-format.md).
constexpr std::string_view k_public_csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

MsgId type_title(std::string_view type) {
  auto parsed = posting::parse_employment_type(type);
  if (!parsed) return MsgId::posting_type_full_time;
  switch (*parsed) {
    case posting::EmploymentType::full_time:
      return MsgId::posting_type_full_time;
    case posting::EmploymentType::part_time:
      return MsgId::posting_type_part_time;
    case posting::EmploymentType::temporary:
      return MsgId::posting_type_temporary;
    case posting::EmploymentType::contractor:
      return MsgId::posting_type_contractor;
    case posting::EmploymentType::intern:
      return MsgId::posting_type_intern;
    case posting::EmploymentType::apprenticeship:
      return MsgId::posting_type_apprenticeship;
  }
  return MsgId::posting_type_full_time;
}

MsgId remote_title(posting::RemotePolicy remote) {
  switch (remote) {
    case posting::RemotePolicy::on_site:
      return MsgId::web_ef_on_site;
    case posting::RemotePolicy::hybrid:
      return MsgId::web_ef_hybrid;
    case posting::RemotePolicy::remote:
      return MsgId::web_ef_remote;
  }
  return MsgId::web_ef_on_site;
}

std::string employment_type_of(const app::Opening& opening) {
  if (!opening.stored.employment_type.empty()) return opening.stored.employment_type;
  return std::string(posting::to_string(opening.employer->profile->employment_type));
}

std::string city_of(const app::Opening& opening) {
  std::string place = opening.place_name();
  return place.substr(0, place.find(','));
}

bool published_in(const app::Opening& opening, Lang lang) {
  return std::find(opening.languages.begin(), opening.languages.end(), lang) !=
         opening.languages.end();
}

// A tag for an ETag: the page's bytes hashed (FNV-1a, 64 bits) with the static files' version.
std::string body_tag(std::string_view body, std::string_view version) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (char c : body) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return fmt::format("p{:016x}-{}", hash, version);
}

// A page for a signed-in reader: made for this request, not kept (the dispatcher marks it
// no-store).
Response signed_in_page(std::string html, Lang lang) {
  Response response = page_response(std::move(html));
  response.set("Content-Language", std::string(to_string(lang)));
  response.set("Content-Security-Policy", std::string(k_public_csp));
  return response;
}

// What the public pages show depends on, read before what they show: a kept page is never
// labelled with a newer state than its content.
Result<PublicPageState> public_state(RouteContext& context, const CatalogSnapshot& snapshot,
                                     Date today) {
  CCTEAM_TRY(std::int64_t openings, context.repository.openings_revision(context.organisation));
  return PublicPageState{snapshot.version(), openings, today};
}

// Keeps a page for anonymous readers: its ETag, how long they may keep it.
std::shared_ptr<const PublicPage> keep(RouteContext& context, const PublicPageState& state,
                                       const std::string& key, std::string html,
                                       std::int64_t max_age_s, std::optional<Date> open_through) {
  PublicPage page;
  page.etag = body_tag(html, context.static_files.version());
  page.html = std::move(html);
  page.max_age_s = max_age_s;
  page.open_through = open_through;
  return context.public_pages.store(state, key, std::move(page));
}

// Answers a kept page to an anonymous reader with validators (304 when unchanged). An opening
// that takes applications is not kept past the end of its last day (UTC): then it says "closed".
Response public_response(const Request& request, const PublicPage& page, Lang lang) {
  std::int64_t max_age = page.max_age_s;
  if (page.open_through) {
    auto end = std::chrono::sys_days(*page.open_through) + std::chrono::days(1);
    auto left =
        std::chrono::duration_cast<std::chrono::seconds>(end - std::chrono::system_clock::now())
            .count();
    max_age = std::min<std::int64_t>(max_age, left);
  }
  std::string cache_control = fmt::format("public, max-age={}", std::max<std::int64_t>(0, max_age));
  Response response;
  if (not_modified(request, response, page.etag, cache_control)) {
    return not_modified_response(page.etag, cache_control);
  }
  response.body = page.html;
  response.set("Content-Type", "text/html; charset=utf-8");
  response.set("Content-Security-Policy", std::string(k_public_csp));
  response.set("Vary", "Cookie");
  response.set("Content-Language", std::string(to_string(lang)));
  return response;
}

// A filter select: "any" first, then 'values' (value, title) sorted by title.
render::Context select(const std::string& name, const std::string& label,
                       std::vector<std::pair<std::string, std::string>> values,
                       const std::string& chosen, Lang lang) {
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::vector<render::Context> options;
  options.push_back(option("", tr(MsgId::web_careers_any, lang), chosen.empty()));
  for (const auto& [value, title] : values)
    options.push_back(option(value, title, value == chosen));
  render::Context out;
  out.text("name", name)
      .text("id", "filter-" + name)
      .text("label", label)
      .list("options", std::move(options));
  return out;
}

// A filter as the visitor typed it, cut to k_max_filter_bytes at a character's start (no mark:
// the value goes back into the search field) and without control characters.
std::string filter_value(std::string_view text) {
  std::size_t cut = std::min(text.size(), k_max_filter_bytes);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  std::string out;
  for (char c : text.substr(0, cut)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  return out;
}

Response index_page(RouteContext& context, const Request& request, const Caller& caller,
                    Lang lang) {
  // Parameters other than the filters (?src=<channel>, a job board's own) are left alone.
  auto query = parse_query(request.query);
  app::CareersFilter filter;
  if (query) {
    for (const QueryParam& p : *query) {
      std::string value = filter_value(p.value);
      if (p.name == "q") filter.text = value;
      if (p.name == "role") filter.role = value;
      if (p.name == "place") filter.place = value;
      if (p.name == "type") filter.employment_type = value;
      if (p.name == "remote") filter.remote = value;
      if (p.name == "lang") filter.lang = value;
    }
  }
  auto snapshot = context.catalogs.current();
  if (!snapshot) return error_page(context, caller, snapshot.error(), "/careers");
  const catalog::Catalog& catalog = (*snapshot)->catalog();
  Date today = today_utc();
  std::optional<PublicPageState> state;
  std::string key;
  if (!caller.principal) {
    auto read = public_state(context, **snapshot, today);
    if (!read) return error_page(context, caller, read.error(), "/careers");
    state = *read;
    key =
        fmt::format("index\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", to_string(lang), filter.text,
                    filter.role, filter.place, filter.employment_type, filter.remote, filter.lang);
    if (auto kept = context.public_pages.find(*state, key)) {
      return public_response(request, *kept, lang);
    }
  }
  auto all = app::public_openings(context.repository, context.organisation, catalog, today, {},
                                  k_max_public);
  if (!all) return error_page(context, caller, all.error(), "/careers");

  std::vector<std::pair<std::string, std::string>> roles, places, types, remotes, langs;
  for (const app::Opening& opening : *all) {
    roles.emplace_back(opening.stored.role, opening.role->title.get(lang));
    places.emplace_back(city_of(opening), city_of(opening));
    std::string type = employment_type_of(opening);
    types.emplace_back(type, tr(type_title(type), lang));
    posting::RemotePolicy remote = opening.employer->profile->remote;
    remotes.emplace_back(std::string(posting::to_string(remote)), tr(remote_title(remote), lang));
    for (Lang l : opening.languages) {
      langs.emplace_back(std::string(to_string(l)),
                         tr(l == Lang::de ? MsgId::posting_lang_de : MsgId::posting_lang_en, lang));
    }
  }
  std::vector<render::Context> filters;
  filters.push_back(
      select("role", tr(MsgId::web_careers_filter_role, lang), roles, filter.role, lang));
  filters.push_back(
      select("place", tr(MsgId::web_careers_filter_place, lang), places, filter.place, lang));
  filters.push_back(select("type", tr(MsgId::web_careers_filter_type, lang), types,
                           filter.employment_type, lang));
  filters.push_back(
      select("remote", tr(MsgId::web_careers_filter_remote, lang), remotes, filter.remote, lang));
  filters.push_back(
      select("lang", tr(MsgId::web_careers_filter_language, lang), langs, filter.lang, lang));

  std::vector<render::Context> items;
  for (const app::Opening& opening : *all) {
    if (opening.languages.empty() || !app::matches(opening, filter)) continue;
    // A posting in the reader's language when there is one, else in its first language.
    Lang posting_lang = published_in(opening, lang) ? lang : opening.languages.front();
    render::Context item;
    Date valid = *parse_iso_date(opening.stored.valid_through);
    item.text("title", opening.title(posting_lang))
        .text("href", lang_path(posting_lang, "/careers/" + opening.stored.id.to_string()))
        .text("hreflang", std::string(to_string(posting_lang)))
        .text("employer", opening.employer->profile->name)
        .text("place", opening.place_name())
        .text("type", tr(type_title(employment_type_of(opening)), lang))
        .text("remote", tr(remote_title(opening.employer->profile->remote), lang))
        .text("apply_by",
              ccteam::render(msg(MsgId::web_careers_apply_by, posting::format_date(valid, lang)),
                             lang));
    items.push_back(std::move(item));
  }
  std::string title = tr(MsgId::web_careers_title, lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, "/careers", caller));
  page.text("heading", title)
      .text("intro", tr(MsgId::web_careers_intro, lang))
      .text("action", lang_path(lang, "/careers"))
      .text("search_label", tr(MsgId::web_careers_search, lang))
      .text("q", filter.text)
      .list("filters", std::move(filters))
      .text("filter_button", tr(MsgId::web_careers_filter_button, lang))
      .text("count", ccteam::render(msg(MsgId::web_careers_count, items.size()), lang))
      .flag("has_openings", !items.empty())
      .list("openings", std::move(items))
      .text("empty", tr(MsgId::web_careers_empty, lang))
      .text("canonical", context.public_url.get() + lang_path(lang, "/careers"));
  std::string html = context.pages.workspace_page("careers", page);
  if (!state) return signed_in_page(std::move(html), lang);
  return public_response(
      request, *keep(context, *state, key, std::move(html), k_index_max_age_s, std::nullopt), lang);
}

// A block of a posting as the page shows it.
render::Context block_context(const posting::Block& block) {
  std::vector<render::Context> lines;
  for (const std::string& line : block.lines) {
    render::Context item;
    item.text(".", line);
    lines.push_back(std::move(item));
  }
  render::Context out;
  out.flag("is_paragraph", block.kind == posting::Block::Kind::paragraph)
      .flag("is_bullets", block.kind == posting::Block::Kind::bullets)
      .flag("is_subheading", block.kind == posting::Block::Kind::subheading)
      .list("lines", std::move(lines));
  return out;
}

// JSON for a <script> element: '<', '>' and '&' as \u escapes, so that no text closes it.
std::string script_json(const nlohmann::ordered_json& value) {
  std::string out;
  for (char c : value.dump(2)) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

// The page of one opening in 'lang': the same for the public and for the preview ('preview':
// a signed-in user looks at a posting that may not be published).
Response opening_page(RouteContext& context, const Request& request, const Caller& caller,
                      const std::string& id_text, Lang lang, bool preview) {
  // The channel a job board's link names (?src=indeed) goes on to the application form.
  std::string channel;
  if (auto query = parse_query(request.query)) {
    for (const QueryParam& p : *query) {
      if (p.name == "src") channel = channel_of(p.value);
    }
  }
  std::string path = (preview ? "/openings/" : "/careers/") + id_text + (preview ? "/preview" : "");
  auto not_found = [&] { return page_not_found(context, request, caller, path); };
  auto id = store::Uuid::parse(id_text);
  if (!id) return not_found();
  auto snapshot = context.catalogs.current();
  if (!snapshot) return error_page(context, caller, snapshot.error(), path);
  const catalog::Catalog& catalog = (*snapshot)->catalog();
  Date today = today_utc();
  std::optional<PublicPageState> state;
  std::string key;
  if (!caller.principal) {
    auto read = public_state(context, **snapshot, today);
    if (!read) return error_page(context, caller, read.error(), path);
    state = *read;
    key = fmt::format("opening\x1f{}\x1f{}\x1f{}", to_string(lang), id->to_string(), channel);
    if (auto kept = context.public_pages.find(*state, key)) {
      return public_response(request, *kept, lang);
    }
  }
  auto opening = app::find_opening(context.repository, context.organisation, catalog,
                                   preview ? &*caller.principal : nullptr, *id, today);
  if (!opening) {
    if (opening.error().kind == ErrorKind::not_found) return not_found();
    return error_page(context, caller, opening.error(), path);
  }
  // The public sees what was published, in the languages it was published in.
  if (!preview && (opening->status == app::OpeningStatus::draft || !published_in(*opening, lang))) {
    return not_found();
  }
  auto posting = app::opening_posting(*opening, catalog, lang, today);
  if (!posting) return error_page(context, caller, posting.error(), path);
  const posting::PostingDocument& doc = posting->document;
  const posting::EmployerProfile& profile = *posting->profile;

  std::vector<render::Context> sections;
  for (const posting::Section& section : doc.sections) {
    std::vector<render::Context> blocks;
    for (const posting::Block& block : section.blocks) blocks.push_back(block_context(block));
    render::Context item;
    item.text("heading", section.heading).text("id", section.id).list("blocks", std::move(blocks));
    sections.push_back(std::move(item));
  }
  std::string canonical =
      context.public_url.get() + lang_path(lang, "/careers/" + opening->stored.id.to_string());
  pages::PageInfo info = page_info(context, path, caller);
  if (!published_in(*opening, lang == Lang::de ? Lang::en : Lang::de)) {
    info.translated = false;
    info.other_path = "/careers";
  }
  render::Context page = pages::shell_context(doc.title, lang, info);
  page.text("heading", doc.title)
      .text("subtitle", doc.subtitle)
      .text("back_href", lang_path(lang, "/careers"))
      .text("back", tr(MsgId::web_careers_back, lang))
      .list("sections", std::move(sections))
      .text("canonical", canonical);
  if (!profile.logo_url.empty()) {
    page.text("logo", profile.logo_url).text("logo_alt", profile.name);
  }
  const bool open = opening->is_public();
  if (opening->status == app::OpeningStatus::draft) {
    page.text("closed", tr(MsgId::web_opening_status_draft, lang));
  } else if (!open) {
    // Closed by the recruiter, or past its date: then the date says why.
    std::string closed = tr(MsgId::web_careers_closed, lang);
    if (opening->expired) {
      closed += " " + ccteam::render(msg(MsgId::web_careers_apply_by,
                                         posting::format_date(profile.valid_through, lang)),
                                     lang);
    }
    page.text("closed", closed);
  } else {
    // The JSON-LD only while the opening takes applications (search engines drop expired ones).
    page.text("jsonld", script_json(io::posting_to_jsonld(doc)));
    render::Context apply;
    // The application form of the workspace, carrying the channel the visitor came from.
    std::string form_href =
        lang_path(lang, "/careers/" + opening->stored.id.to_string() + "/apply");
    if (!channel.empty()) form_href += "?src=" + channel;
    apply.text("form", form_href).text("form_label", tr(MsgId::web_careers_apply, lang));
    if (!profile.apply_email.empty()) {
      apply.text("email", profile.apply_email)
          .text("email_href", "mailto:" + profile.apply_email)
          .text("email_label", tr(MsgId::web_careers_apply_email, lang));
    }
    apply.text("apply_by", ccteam::render(msg(MsgId::web_careers_apply_by,
                                              posting::format_date(profile.valid_through, lang)),
                                          lang));
    page.child("apply", std::move(apply));
  }
  if (profile.contact) {
    render::Context contact;
    contact.text("heading", tr(MsgId::web_careers_contact, lang))
        .text("name", profile.contact->name);
    if (!profile.contact->email.empty()) {
      contact.text("email", profile.contact->email)
          .text("email_href", "mailto:" + profile.contact->email);
    }
    if (!profile.contact->phone.empty()) {
      std::string tel;
      for (char c : profile.contact->phone) {
        if ((c >= '0' && c <= '9') || c == '+') tel += c;
      }
      contact.text("phone", profile.contact->phone).text("phone_href", "tel:" + tel);
    }
    page.child("contact", std::move(contact));
  }
  if (!profile.privacy_url.empty()) {
    page.text("privacy_href", profile.privacy_url)
        .text("privacy", tr(MsgId::web_careers_privacy, lang));
  } else if (profile.privacy_notice) {
    page.text("privacy_text", lang == Lang::de && !profile.privacy_notice->de.empty()
                                  ? profile.privacy_notice->de
                              : !profile.privacy_notice->en.empty() ? profile.privacy_notice->en
                                                                    : profile.privacy_notice->de)
        .text("privacy", tr(MsgId::web_careers_privacy, lang));
  }
  if (!opening->stored.reference.empty()) {
    page.text("reference",
              ccteam::render(msg(MsgId::web_careers_reference, opening->stored.reference), lang));
  }
  std::vector<render::Context> others;
  for (Lang other : opening->languages) {
    if (other == lang) continue;
    render::Context item;
    item.text("href", lang_path(other, (preview ? "/openings/" : "/careers/") + id_text +
                                           (preview ? "/preview" : "")))
        .text("hreflang", std::string(to_string(other)))
        .text(
            "label",
            ccteam::render(
                msg(MsgId::web_careers_other_language,
                    tr(other == Lang::de ? MsgId::posting_lang_de : MsgId::posting_lang_en, other)),
                other));
    others.push_back(std::move(item));
  }
  page.list("other_languages", std::move(others));
  std::string html = context.pages.workspace_page("career", page);
  if (preview || !state) return signed_in_page(std::move(html), lang);
  return public_response(request,
                         *keep(context, *state, key, std::move(html), k_page_max_age_s,
                               open ? std::optional<Date>(profile.valid_through) : std::nullopt),
                         lang);
}

// sitemaps.org 0.9: the careers index in both languages and every open opening in each of its
// languages, with the date it last changed.
Response sitemap(RouteContext& context, const Request& request, const Caller& caller) {
  auto snapshot = context.catalogs.current();
  if (!snapshot) return problem(snapshot.error(), caller.lang, request);
  auto openings = app::public_openings(context.repository, context.organisation,
                                       (*snapshot)->catalog(), today_utc(), {}, k_max_public);
  if (!openings) return problem(openings.error(), caller.lang, request);
  std::string base = context.public_url.get();
  std::string body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (Lang lang : {Lang::de, Lang::en}) {
    body += "<url><loc>" + io::escape_markup(base + lang_path(lang, "/careers")) + "</loc></url>\n";
  }
  for (const app::Opening& opening : *openings) {
    for (Lang lang : opening.languages) {
      body +=
          "<url><loc>" +
          io::escape_markup(base + lang_path(lang, "/careers/" + opening.stored.id.to_string())) +
          "</loc><lastmod>" + to_iso(app::utc_date(opening.stored.updated_at)) +
          "</lastmod></url>\n";
    }
  }
  body += "</urlset>\n";
  std::string tag = body_tag(body, "sitemap");
  constexpr std::string_view k_cache = "public, max-age=300";
  Response response;
  if (not_modified(request, response, tag, k_cache)) return not_modified_response(tag, k_cache);
  response.body = std::move(body);
  response.set("Content-Type", "application/xml; charset=utf-8");
  return response;
}

}  // namespace

void add_careers(Router& router, RouteContext& context) {
  router.add({"GET", "/{lang}/careers", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                if (!lang) return page_not_found(context, request, caller, "/careers");
                return index_page(context, request, caller, *lang);
              }});
  router.add({"GET", "/{lang}/careers/{id}", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                if (!lang) return page_not_found(context, request, caller, "/careers");
                // The query's ?src=<channel> goes on to the application form; a job board's
                // other parameters do not change the page.
                return opening_page(context, request, caller, params["id"], *lang, false);
              }});
  router.add({"GET", "/{lang}/openings/{id}/preview", Access::to(access::Permission::read_openings),
              0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                if (!lang) return page_not_found(context, request, caller, "/openings");
                return opening_page(context, request, caller, params["id"], *lang, true);
              }});
  router.add({"GET", "/sitemap.xml", Access::anyone(), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                return sitemap(context, request, caller);
              }});
}

}  // namespace ccteam::server
