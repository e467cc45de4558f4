#include "app/workspace/questions.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ccteam/access/access.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/iso_codes.hpp"
#include "ccteam/qualify/language.hpp"

namespace ccteam::app {

namespace {

using json = nlohmann::ordered_json;

constexpr std::array k_question_kinds = {
    std::pair{QuestionKind::weekly_hours, std::string_view("weekly_hours")},
    std::pair{QuestionKind::shifts, std::string_view("shifts")},
    std::pair{QuestionKind::weekends, std::string_view("weekends")},
    std::pair{QuestionKind::start_date, std::string_view("start_date")},
    std::pair{QuestionKind::language, std::string_view("language")},
    std::pair{QuestionKind::work_permit, std::string_view("work_permit")},
    std::pair{QuestionKind::yes_no, std::string_view("yes_no")},
    std::pair{QuestionKind::choice, std::string_view("choice")},
};

json localized_json(const LocalizedText& text) { return json{{"de", text.de}, {"en", text.en}}; }

LocalizedText localized_of(const nlohmann::json& value) {
  LocalizedText out;
  if (!value.is_object()) return out;
  if (auto it = value.find("de"); it != value.end() && it->is_string()) out.de = *it;
  if (auto it = value.find("en"); it != value.end() && it->is_string()) out.en = *it;
  return out;
}

}  // namespace

bool is_own_question(QuestionKind kind) {
  return kind == QuestionKind::yes_no || kind == QuestionKind::choice;
}

std::string trimmed_text(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

Error at_pointer(Error error, std::string pointer) {
  error.where.json_pointer = std::move(pointer);
  return error;
}

void check_typed_text(const std::string& value, const std::string& pointer,
                      const LocalizedText& name, std::size_t max_chars, bool required,
                      Errors& errors, bool multiline) {
  std::string text = trimmed_text(value);
  if (text.empty()) {
    if (required) {
      errors.push_back(
          at_pointer(Error::invalid_input(msg(MsgId::application_required, name)), pointer));
    }
    return;
  }
  if (multiline) {
    for (char& c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
  }
  auto chars = access::printable_chars(text);
  if (!chars) {
    errors.push_back(
        at_pointer(Error::invalid_input(msg(MsgId::application_bad_text, name)), pointer));
  } else if (*chars > max_chars) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::application_too_long, name, max_chars)), pointer));
  }
}

std::optional<catalog::Cefr> form_level(std::string_view text) {
  if (text == "native") return catalog::Cefr::c2;
  if (text.size() != 2) return std::nullopt;
  return catalog::parse_cefr(text);
}

bool is_language_code(std::string_view text) {
  return text.size() == 2 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string_view to_string(QuestionKind kind) {
  for (const auto& [value, name] : k_question_kinds) {
    if (value == kind) return name;
  }
  return "yes_no";
}

std::optional<QuestionKind> parse_question_kind(std::string_view text) {
  for (const auto& [value, name] : k_question_kinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

json questions_to_json(const std::vector<Question>& questions) {
  json out = json::array();
  for (const Question& q : questions) {
    json item{{"id", q.id}, {"kind", to_string(q.kind)}};
    switch (q.kind) {
      case QuestionKind::weekly_hours:
        item["min_hours"] = q.min_hours;
        break;
      case QuestionKind::start_date:
        item["latest_start"] = q.latest_start;
        break;
      case QuestionKind::language:
        item["language"] = q.language;
        item["level"] = q.level;
        break;
      case QuestionKind::yes_no:
        item["text"] = localized_json(q.text);
        item["expected"] = q.expected;
        break;
      case QuestionKind::choice: {
        item["text"] = localized_json(q.text);
        json choices = json::array();
        for (const LocalizedText& c : q.choices) choices.push_back(localized_json(c));
        item["choices"] = std::move(choices);
        item["accepted"] = q.accepted;
        break;
      }
      case QuestionKind::shifts:
      case QuestionKind::weekends:
      case QuestionKind::work_permit:
        break;
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::string questions_json(const std::vector<Question>& questions) {
  return questions_to_json(questions).dump();
}

Checked<std::vector<Question>> questions_from_json(const nlohmann::json& value) {
  Errors errors;
  std::vector<Question> out;
  if (!value.is_array()) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::application_body), {}, msg(MsgId::hint_application_body)),
        "/questions"));
    return tl::unexpected(std::move(errors));
  }
  for (std::size_t i = 0; i < value.size() && i < 20; ++i) {
    const nlohmann::json& item = value[i];
    std::string pointer = fmt::format("/questions/{}", i);
    if (!item.is_object() || !item.contains("kind") || !item["kind"].is_string()) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::question_bad_kind, pointer, "?"),
                                                       {}, msg(MsgId::hint_question_kind)),
                                  pointer + "/kind"));
      continue;
    }
    auto kind = parse_question_kind(item["kind"].get<std::string>());
    if (!kind) {
      errors.push_back(at_pointer(
          Error::invalid_input(
              msg(MsgId::question_bad_kind, pointer, item["kind"].get<std::string>().substr(0, 40)),
              {}, msg(MsgId::hint_question_kind)),
          pointer + "/kind"));
      continue;
    }
    Question q;
    q.kind = *kind;
    q.id = std::string(to_string(*kind));
    auto text_of = [&](const char* key) {
      auto it = item.find(key);
      return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (auto it = item.find("min_hours"); it != item.end() && it->is_number_integer()) {
      q.min_hours = it->get<std::int64_t>();
    }
    q.latest_start = text_of("latest_start");
    q.language = text_of("language");
    q.level = text_of("level");
    q.expected = text_of("expected");
    if (auto it = item.find("text"); it != item.end()) q.text = localized_of(*it);
    if (auto it = item.find("choices"); it != item.end() && it->is_array()) {
      for (const auto& c : *it) q.choices.push_back(localized_of(c));
    }
    if (auto it = item.find("accepted"); it != item.end() && it->is_array()) {
      for (const auto& a : *it) {
        if (a.is_number_unsigned()) q.accepted.push_back(a.get<std::size_t>());
      }
    }
    out.push_back(std::move(q));
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return out;
}

std::vector<Question> parse_questions(std::string_view stored) {
  auto parsed = nlohmann::json::parse(stored, nullptr, false);
  if (parsed.is_discarded()) return {};
  auto questions = questions_from_json(parsed);
  if (!questions) return {};
  // The stored ids of own questions are kept (answers are stored under them).
  for (std::size_t i = 0; i < questions->size() && i < parsed.size(); ++i) {
    if (parsed[i].contains("id") && parsed[i]["id"].is_string()) {
      (*questions)[i].id = parsed[i]["id"].get<std::string>();
    }
  }
  return std::move(*questions);
}

Errors check_questions(std::vector<Question>& questions, const std::vector<Lang>& langs) {
  Errors errors;
  std::vector<QuestionKind> seen;
  std::size_t own = 0;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    Question& q = questions[i];
    std::string pointer = fmt::format("/questions/{}", i);
    if (is_own_question(q.kind)) {
      ++own;
      q.id = fmt::format("own{}", own);
      if (own > k_max_own_questions) {
        errors.push_back(at_pointer(
            Error::invalid_input(msg(MsgId::application_too_many, pointer, k_max_own_questions)),
            pointer));
        continue;
      }
    } else {
      q.id = std::string(to_string(q.kind));
      if (std::find(seen.begin(), seen.end(), q.kind) != seen.end()) {
        errors.push_back(
            at_pointer(Error::invalid_input(msg(MsgId::question_twice, pointer)), pointer));
        continue;
      }
      seen.push_back(q.kind);
    }
    switch (q.kind) {
      case QuestionKind::weekly_hours:
        if (q.min_hours < 1 || q.min_hours > k_max_weekly_hours) {
          errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_bad_number,
                                                               "min_hours", 1, k_max_weekly_hours)),
                                      pointer + "/min_hours"));
        }
        break;
      case QuestionKind::start_date:
        if (auto date = parse_iso_date(q.latest_start); !date) {
          errors.push_back(
              at_pointer(Error::invalid_input(msg(MsgId::application_bad_date, "latest_start"), {},
                                              msg(MsgId::hint_application_date)),
                         pointer + "/latest_start"));
        }
        break;
      case QuestionKind::language:
        if (!is_language_code(q.language)) {
          errors.push_back(at_pointer(
              Error::invalid_input(msg(MsgId::opening_bad_languages, q.language.substr(0, 20))),
              pointer + "/language"));
        }
        if (!form_level(q.level) || q.level == "native") {
          errors.push_back(
              at_pointer(Error::invalid_input(msg(MsgId::question_bad_level, q.level.substr(0, 20)),
                                              {}, msg(MsgId::hint_question_level)),
                         pointer + "/level"));
        }
        break;
      case QuestionKind::yes_no:
      case QuestionKind::choice: {
        for (Lang lang : langs) {
          std::string text = trimmed_text(q.text.get(lang));
          q.text.get(lang) = text;
          std::string where = pointer + "/text/" + std::string(ccteam::to_string(lang));
          if (text.empty()) {
            errors.push_back(
                at_pointer(Error::invalid_input(msg(
                               MsgId::question_text_missing, pointer,
                               lang == Lang::de ? MsgId::posting_lang_de : MsgId::posting_lang_en)),
                           where));
            continue;
          }
          check_typed_text(text, where, LocalizedText{"text", "Text"}, k_max_question_chars, true,
                           errors);
        }
        if (q.kind == QuestionKind::yes_no) {
          if (!q.expected.empty() && q.expected != "yes" && q.expected != "no") {
            errors.push_back(
                at_pointer(Error::invalid_input(msg(MsgId::application_bad_choice, "expected")),
                           pointer + "/expected"));
          }
          q.choices.clear();
          q.accepted.clear();
          break;
        }
        bool accepted_ok =
            !q.accepted.empty() && std::all_of(q.accepted.begin(), q.accepted.end(),
                                               [&](std::size_t a) { return a < q.choices.size(); });
        if (q.choices.size() < 2 || q.choices.size() > k_max_question_choices || !accepted_ok) {
          errors.push_back(at_pointer(
              Error::invalid_input(msg(MsgId::question_choices, pointer, k_max_question_choices)),
              pointer + "/choices"));
          break;
        }
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
          for (Lang lang : langs) {
            std::string text = trimmed_text(q.choices[c].get(lang));
            q.choices[c].get(lang) = text;
            check_typed_text(
                text, fmt::format("{}/choices/{}/{}", pointer, c, ccteam::to_string(lang)),
                LocalizedText{"choice", "Antwort"}, k_max_question_chars, true, errors);
          }
        }
        break;
      }
      case QuestionKind::shifts:
      case QuestionKind::weekends:
      case QuestionKind::work_permit:
        break;
    }
  }
  return errors;
}

std::string question_text(const Question& question, Lang lang, std::string_view country) {
  switch (question.kind) {
    case QuestionKind::weekly_hours:
      return tr(MsgId::ask_weekly_hours, lang);
    case QuestionKind::shifts:
      return tr(MsgId::ask_shifts, lang);
    case QuestionKind::weekends:
      return tr(MsgId::ask_weekends, lang);
    case QuestionKind::start_date:
      return tr(MsgId::ask_start, lang);
    case QuestionKind::language:
      return render(msg(MsgId::ask_language, qualify::language_name(question.language)), lang);
    case QuestionKind::work_permit:
      return render(msg(MsgId::ask_permit, country_name(country, lang)), lang);
    case QuestionKind::yes_no:
    case QuestionKind::choice: {
      const std::string& text = question.text.get(lang);
      return text.empty() ? question.text.get(lang == Lang::de ? Lang::en : Lang::de) : text;
    }
  }
  return {};
}

}  // namespace ccteam::app
