#include "io/qualify/screening_writers.hpp"

#include <cstdint>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "io/base/error_json.hpp"
#include "io/base/markup.hpp"
#include "io/qualify/screening_json.hpp"

namespace ccteam::io {

namespace {

// Evidence of one criterion as one line (the file as the reader named it: "#3" when blind).
std::string evidence_line(const qualify::Criterion& c, Lang lang) {
  std::string out;
  for (const qualify::Evidence& ev : c.evidence) {
    if (ev.text.empty()) continue;
    out += (out.empty() ? "" : "; ") + evidence_text(ev, lang);
  }
  return out;
}

// An element of a top-level array of a dump(2) document: indented by four spaces on every line
// (a string in a dump never holds a raw line feed, so every line feed is the layout's).
std::string array_element(const nlohmann::ordered_json& value) {
  const std::string dumped = value.dump(2);
  std::string out = "    ";
  out.reserve(dumped.size() + dumped.size() / 8);
  std::string_view rest(dumped);
  for (std::size_t line = rest.find('\n'); line != std::string_view::npos; line = rest.find('\n')) {
    out.append(rest.substr(0, line + 1)).append("    ");
    rest.remove_prefix(line + 1);
  }
  out.append(rest);
  return out;
}

// A top-level array of a dump(2) document from its elements: "[]" or "[\n" a ",\n" b "\n  ]".
Result<void> write_array(const RecordSource& elements, const TextSink& out) {
  bool first = true;
  auto written = elements([&](std::string_view element) {
    out(first ? "[\n" : ",\n");
    out(element);
    first = false;
  });
  out(first ? "[]" : "\n  ]");
  return written;
}

// The rows of an XLSX record: per row its sheet (a byte), its number of cells (a byte), each
// cell as a kind byte ('t' text, 'n' number) and its bytes (a 4-byte length and the text, or
// the double's 8 bytes).
enum class Sheet : char { applicants = 'a', criteria = 'c', rejected = 'r' };

void put_row(std::string& out, Sheet sheet, const std::vector<XlsxCell>& cells) {
  out += static_cast<char>(sheet);
  out += static_cast<char>(cells.size());
  for (const XlsxCell& cell : cells) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      auto size = static_cast<std::uint32_t>(text->size());
      out += 't';
      out.append(reinterpret_cast<const char*>(&size), sizeof size);
      out += *text;
    } else {
      double number = std::get<double>(cell);
      out += 'n';
      out.append(reinterpret_cast<const char*>(&number), sizeof number);
    }
  }
}

// Calls 'row' with each row of 'record' (as put_row wrote it).
template <class RowHandler>
void each_row(std::string_view record, RowHandler&& row) {
  std::vector<XlsxCell> cells;
  std::size_t at = 0;
  while (at + 2 <= record.size()) {
    auto sheet = static_cast<Sheet>(record[at]);
    auto count = static_cast<unsigned char>(record[at + 1]);
    at += 2;
    cells.clear();
    for (unsigned i = 0; i < count; ++i) {
      char kind = record[at++];
      if (kind == 't') {
        std::uint32_t size = 0;
        std::memcpy(&size, record.data() + at, sizeof size);
        at += sizeof size;
        cells.emplace_back(std::string(record.substr(at, size)));
        at += size;
      } else {
        double number = 0;
        std::memcpy(&number, record.data() + at, sizeof number);
        at += sizeof number;
        cells.emplace_back(number);
      }
    }
    row(sheet, cells);
  }
}

// A sheet of a streamed workbook that goes on in "name (2)", "name (3)", ... at the row limit.
struct LongSheet {
  std::string name;
  std::vector<std::string> header;
  std::size_t max_rows;
  std::size_t index = 0;
  int part = 0;  // 0: not added yet

  Result<void> add_row(XlsxStream& stream, const std::vector<XlsxCell>& cells) {
    if (part == 0 || stream.rows(index) >= max_rows) {
      ++part;
      std::string title = part == 1 ? name : fmt::format("{} ({})", name, part);
      CCTEAM_TRY(index, stream.add_sheet(title, header));
    }
    return stream.add_row(index, cells);
  }
};

}  // namespace

std::string screening_json_applicant(const Screened& applicant, bool blind, Lang lang) {
  return array_element(
      evaluation_to_json(applicant.evaluation, lang, blind ? nullptr : &applicant.person));
}

std::string screening_json_rejected(const Error& rejected, Lang lang) {
  return array_element(error_to_json(rejected, lang));
}

Result<void> write_screening_json(const ScreeningSummary& summary, const RecordSource& applicants,
                                  const RecordSource& rejected, Lang lang, const TextSink& out) {
  nlohmann::ordered_json head;
  head["role"] = summary.role;
  head["as_of"] = to_iso(summary.as_of);
  head["country"] = summary.country;
  head["blind"] = summary.blind;
  head["summary"] = {{"read", summary.read},
                     {"evaluated", summary.evaluated},
                     {"rejected", summary.rejected},
                     {"not_shown", summary.not_shown}};
  head["notice"] = tr(MsgId::screen_human_decides, lang);
  std::string text = head.dump(2);
  text.resize(text.size() - 2);  // the closing "\n}": the two arrays follow
  out(text);
  out(",\n  \"applicants\": ");
  if (auto written = write_array(applicants, out); !written) return written;
  out(",\n  \"rejected\": ");
  if (auto written = write_array(rejected, out); !written) return written;
  out("\n}\n");
  return {};
}

std::string screening_csv_header() {
  return "id,verdict,preferred_met,kind,subject,importance,outcome,explanation\n";
}

std::string screening_csv_applicant(const Screened& applicant, Lang lang) {
  const qualify::Evaluation& e = applicant.evaluation;
  std::string out;
  for (const qualify::Criterion& c : e.criteria) {
    out += fmt::format("{},{},{},{},{},{},{},{}\n", csv_field(e.person_id),
                       qualify::to_string(e.verdict), e.preferred_met, qualify::to_string(c.kind),
                       csv_field(c.subject), catalog::to_string(c.importance),
                       qualify::to_string(c.outcome), csv_field(render_text(c.explanation, lang)));
  }
  return out;
}

std::string screening_xlsx_applicant(const Screened& applicant, bool blind, Lang lang) {
  const qualify::Evaluation& e = applicant.evaluation;
  std::string out;
  std::vector<XlsxCell> row = {XlsxCell{e.person_id}, XlsxCell{tr(qualify::label(e.verdict), lang)},
                               XlsxCell{static_cast<double>(e.preferred_met)}};
  if (!blind) {
    row.emplace_back(applicant.person.personal.name);
    row.emplace_back(to_string(applicant.person.pos));
  }
  put_row(out, Sheet::applicants, row);
  for (const qualify::Criterion& c : e.criteria) {
    put_row(
        out, Sheet::criteria,
        {XlsxCell{e.person_id}, XlsxCell{render_text(c.title, lang)},
         XlsxCell{tr(catalog::label(c.importance), lang)}, XlsxCell{tr(qualify::label(c), lang)},
         XlsxCell{render_text(c.explanation, lang)}, XlsxCell{evidence_line(c, lang)}});
  }
  return out;
}

std::string screening_xlsx_rejected(const Error& rejected, Lang lang) {
  std::string out;
  put_row(out, Sheet::rejected,
          {XlsxCell{to_string(rejected.where)}, XlsxCell{render(rejected.message, lang)}});
  return out;
}

Result<void> write_screening_xlsx(const std::string& path, const ScreeningSummary& run,
                                  const RecordSource& applicant_records,
                                  const RecordSource& rejected_records, Lang lang,
                                  std::size_t max_rows) {
  auto t = [lang](MsgId id) { return tr(id, lang); };
  auto number = [](std::size_t n) { return XlsxCell{static_cast<double>(n)}; };
  const bool reveal = !run.blind;
  CCTEAM_TRY(XlsxStream stream, XlsxStream::create(path));

  CCTEAM_TRY(std::size_t summary, stream.add_sheet(t(MsgId::screen_sheet_summary), {}));
  std::vector<std::vector<XlsxCell>> summary_rows = {
      {XlsxCell{t(MsgId::screen_row_role)}, XlsxCell{run.role}},
      {XlsxCell{t(MsgId::screen_row_as_of)}, XlsxCell{to_iso(run.as_of)}},
      {XlsxCell{t(MsgId::screen_row_country)}, XlsxCell{run.country}},
      {XlsxCell{t(MsgId::screen_row_read)}, number(run.read)},
      {XlsxCell{t(MsgId::screen_row_evaluated)}, number(run.evaluated)},
      {XlsxCell{t(MsgId::screen_row_rejected)}, number(run.rejected)},
      {XlsxCell{t(MsgId::screen_row_blind)},
       XlsxCell{t(reveal ? MsgId::word_no : MsgId::word_yes)}},
  };
  if (run.not_shown > 0) {
    summary_rows.push_back(
        {XlsxCell{render(msg(MsgId::screen_more_not_shown, run.not_shown), lang)}});
  }
  summary_rows.push_back({XlsxCell{t(MsgId::screen_human_decides)}});
  for (const auto& row : summary_rows) {
    if (auto added = stream.add_row(summary, row); !added) return added;
  }

  LongSheet applicants{
      t(MsgId::screen_sheet_applicants),
      {t(MsgId::screen_col_id), t(MsgId::screen_col_verdict), t(MsgId::screen_col_preferred)},
      max_rows};
  if (reveal) {
    applicants.header.push_back(t(MsgId::screen_col_name));
    applicants.header.push_back(t(MsgId::screen_col_source));
  }
  LongSheet criteria{t(MsgId::screen_sheet_criteria),
                     {t(MsgId::screen_col_id), t(MsgId::screen_col_criterion),
                      t(MsgId::screen_col_importance), t(MsgId::screen_col_outcome),
                      t(MsgId::screen_col_explanation), t(MsgId::screen_col_evidence)},
                     max_rows};
  LongSheet rejected{t(MsgId::screen_sheet_rejected),
                     {t(MsgId::screen_col_where), t(MsgId::screen_col_error)},
                     max_rows};
  // The sheets in this order even when empty: applicants, criteria, rejected documents.
  std::optional<Error> failed;
  auto write_rows = [&](std::string_view record) {
    each_row(record, [&](Sheet sheet, const std::vector<XlsxCell>& cells) {
      if (failed) return;
      LongSheet& target = sheet == Sheet::applicants ? applicants
                          : sheet == Sheet::criteria ? criteria
                                                     : rejected;
      if (auto added = target.add_row(stream, cells); !added) failed = std::move(added.error());
    });
  };
  for (LongSheet* sheet : {&applicants, &criteria}) {
    sheet->part = 1;
    CCTEAM_TRY(sheet->index, stream.add_sheet(sheet->name, sheet->header));
  }
  if (auto read = applicant_records(write_rows); !read) return read;
  if (failed) return tl::unexpected(std::move(*failed));
  rejected.part = 1;
  CCTEAM_TRY(rejected.index, stream.add_sheet(rejected.name, rejected.header));
  if (auto read = rejected_records(write_rows); !read) return read;
  if (failed) return tl::unexpected(std::move(*failed));
  return stream.close();
}

}  // namespace ccteam::io
