#include "io/base/xlsx_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

#include <unistd.h>
#include <xlsxwriter.h>

#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

constexpr std::size_t k_max_text = 32767;  // characters in one cell (Excel specifications)
constexpr double k_max_width = 60;         // column width cap, in characters

std::string cell_name(std::size_t row, std::size_t col) {
  // "A1" notation, row and column 0-based here.
  std::string letters;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

// A sheet name Excel takes, not used yet in 'names' (compared without case, as Excel does).
Result<void> check_sheet_name(const std::string& name, std::set<std::string>& names) {
  bool bad_char = name.find_first_of("[]:*?/\\") != std::string::npos;
  std::size_t length = utf8_length(name);
  if (length == 0 || length > LXW_SHEETNAME_MAX || bad_char || name.front() == '\'' ||
      name.back() == '\'') {
    return fail(ErrorKind::invalid_input, msg(MsgId::xlsx_bad_sheet_name, name), SourcePos{},
                msg(MsgId::hint_xlsx_sheet_name));
  }
  std::string folded = name;
  std::ranges::transform(folded, folded.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  if (!names.insert(folded).second) {
    return fail(ErrorKind::invalid_input, msg(MsgId::xlsx_duplicate_sheet, name));
  }
  return {};
}

// A cell Excel holds: text up to its length limit, a finite number.
Result<void> check_cell(const std::string& sheet, std::size_t row, std::size_t col,
                        const XlsxCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell);
      text != nullptr && utf8_length(*text) > k_max_text) {
    return fail(ErrorKind::invalid_input,
                msg(MsgId::xlsx_text_too_long, sheet, cell_name(row, col), utf8_length(*text)));
  }
  if (const auto* number = std::get_if<double>(&cell);
      number != nullptr && !std::isfinite(*number)) {
    return fail(ErrorKind::invalid_input,
                msg(MsgId::xlsx_not_finite, sheet, cell_name(row, col), *number));
  }
  return {};
}

// A workbook is binary: never written to standard output.
Result<void> check_path(const std::string& path) {
  if (path.empty() || path == "-") {
    return fail(ErrorKind::usage, msg(MsgId::cli_binary_needs_output, "xlsx"), SourcePos{},
                msg(MsgId::hint_binary_needs_output, "xlsx"));
  }
  return {};
}

// Checks everything libxlsxwriter would refuse, before a file is created.
Result<void> check(const std::vector<XlsxSheet>& sheets) {
  if (sheets.empty()) return fail(ErrorKind::internal, msg(MsgId::xlsx_no_sheets));
  std::set<std::string> names;
  for (const XlsxSheet& sheet : sheets) {
    if (auto named = check_sheet_name(sheet.name, names); !named) return named;
    std::size_t header_rows = sheet.header.empty() ? 0 : 1;
    std::size_t columns = sheet.header.size();
    for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
    if (sheet.rows.size() + header_rows > LXW_ROW_MAX || columns > LXW_COL_MAX) {
      return fail(ErrorKind::invalid_input,
                  msg(MsgId::xlsx_too_large, sheet.name, sheet.rows.size() + header_rows, columns));
    }
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      if (auto ok = check_cell(sheet.name, 0, c, XlsxCell{sheet.header[c]}); !ok) return ok;
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        if (auto ok = check_cell(sheet.name, r + header_rows, c, sheet.rows[r][c]); !ok) return ok;
      }
    }
  }
  return {};
}

Error lxw_failure(const std::string& path, lxw_error error) {
  return Error{ErrorKind::io, msg(MsgId::file_unwritable, path, lxw_strerror(error)),
               SourcePos{path, 0, 0, ""}, std::nullopt};
}

}  // namespace

struct XlsxStream::State {
  struct Sheet {
    std::string name;
    lxw_worksheet* worksheet = nullptr;
    std::size_t rows = 0;             // written, the header included
    std::vector<std::size_t> widths;  // longest text per column, in characters
  };
  std::string path;
  std::string temporary;
  lxw_workbook* workbook = nullptr;
  lxw_format* bold = nullptr;
  std::vector<Sheet> sheets;
  std::set<std::string> names;
  bool failed = false;

  ~State() { abandon(); }

  // Closes the workbook, if open, and removes what was written.
  void abandon() {
    if (workbook == nullptr) return;
    workbook_close(workbook);
    workbook = nullptr;
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
  }

  // 'error', after which nothing more is written.
  Error failure(Error error) {
    failed = true;
    abandon();
    return error;
  }

  void widen(Sheet& sheet, std::size_t col, std::size_t chars) {
    if (col >= sheet.widths.size()) sheet.widths.resize(col + 1);
    sheet.widths[col] = std::max(sheet.widths[col], chars);
  }
};

XlsxStream::XlsxStream(std::unique_ptr<State> state) : m_state(std::move(state)) {}
XlsxStream::XlsxStream(XlsxStream&& other) noexcept = default;
XlsxStream::~XlsxStream() = default;

Result<XlsxStream> XlsxStream::create(const std::string& path) {
  if (auto checked = check_path(path); !checked) return tl::unexpected(std::move(checked.error()));
  auto state = std::make_unique<State>();
  state->path = path;
  // Beside the target so that the rename stays on one file system.
  state->temporary = path + ".tmp" + std::to_string(::getpid());
  // Whether the file can be written at all, found out here: libxlsxwriter finds out only when
  // the workbook is closed, and then prints "[ERROR] workbook_close(): ..." to stderr itself,
  // in English, before ccteam's own message.
  if (std::FILE* probe = std::fopen(state->temporary.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    const int cause = errno;
    return fail(ErrorKind::io, msg(MsgId::file_unwritable, path, std::strerror(cause)),
                SourcePos{path, 0, 0, ""});
  }
  lxw_workbook_options options{};
  options.constant_memory = 1;  // each row leaves memory when the next one starts
  state->workbook = workbook_new_opt(state->temporary.c_str(), &options);
  if (state->workbook == nullptr) {
    return tl::unexpected(lxw_failure(path, LXW_ERROR_MEMORY_MALLOC_FAILED));
  }
  state->bold = workbook_add_format(state->workbook);
  format_set_bold(state->bold);
  return XlsxStream(std::move(state));
}

Result<std::size_t> XlsxStream::add_sheet(const std::string& name,
                                          const std::vector<std::string>& header) {
  State& s = *m_state;
  if (s.failed) return fail(ErrorKind::internal, msg(MsgId::xlsx_no_sheets));
  if (auto named = check_sheet_name(name, s.names); !named) {
    return tl::unexpected(s.failure(std::move(named.error())));
  }
  if (header.size() > LXW_COL_MAX) {
    return tl::unexpected(s.failure(Error{
        ErrorKind::invalid_input, msg(MsgId::xlsx_too_large, name, 1, header.size()), {}, {}}));
  }
  State::Sheet sheet{name, workbook_add_worksheet(s.workbook, name.c_str()), 0, {}};
  if (sheet.worksheet == nullptr) {
    return tl::unexpected(s.failure(lxw_failure(s.path, LXW_ERROR_SHEETNAME_ALREADY_USED)));
  }
  if (!header.empty()) {
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (auto ok = check_cell(name, 0, c, XlsxCell{header[c]}); !ok) {
        return tl::unexpected(s.failure(std::move(ok.error())));
      }
      if (header[c].empty()) continue;
      lxw_error e = worksheet_write_string(sheet.worksheet, 0, static_cast<lxw_col_t>(c),
                                           header[c].c_str(), s.bold);
      if (e != LXW_NO_ERROR) return tl::unexpected(s.failure(lxw_failure(s.path, e)));
      s.widen(sheet, c, utf8_length(header[c]));
    }
    worksheet_freeze_panes(sheet.worksheet, 1, 0);
    sheet.rows = 1;
  }
  s.sheets.push_back(std::move(sheet));
  return s.sheets.size() - 1;
}

Result<void> XlsxStream::add_row(std::size_t index, const std::vector<XlsxCell>& cells) {
  State& s = *m_state;
  if (s.failed || index >= s.sheets.size()) {
    return fail(ErrorKind::internal, msg(MsgId::xlsx_no_sheets));
  }
  State::Sheet& sheet = s.sheets[index];
  if (sheet.rows >= LXW_ROW_MAX || cells.size() > LXW_COL_MAX) {
    return tl::unexpected(
        s.failure(Error{ErrorKind::invalid_input,
                        msg(MsgId::xlsx_too_large, sheet.name, sheet.rows + 1, cells.size()),
                        {},
                        {}}));
  }
  auto row = static_cast<lxw_row_t>(sheet.rows);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (auto ok = check_cell(sheet.name, sheet.rows, c, cells[c]); !ok) {
      return tl::unexpected(s.failure(std::move(ok.error())));
    }
    lxw_error e = LXW_NO_ERROR;
    auto col = static_cast<lxw_col_t>(c);
    if (const auto* text = std::get_if<std::string>(&cells[c])) {
      if (text->empty()) continue;
      e = worksheet_write_string(sheet.worksheet, row, col, text->c_str(), nullptr);
      s.widen(sheet, c, utf8_length(*text));
    } else {
      e = worksheet_write_number(sheet.worksheet, row, col, std::get<double>(cells[c]), nullptr);
      s.widen(sheet, c, 8);
    }
    if (e != LXW_NO_ERROR) return tl::unexpected(s.failure(lxw_failure(s.path, e)));
  }
  ++sheet.rows;
  return {};
}

std::size_t XlsxStream::rows(std::size_t sheet) const {
  return sheet < m_state->sheets.size() ? m_state->sheets[sheet].rows : 0;
}

Result<void> XlsxStream::close() {
  State& s = *m_state;
  if (s.failed || s.workbook == nullptr) {
    return fail(ErrorKind::internal, msg(MsgId::xlsx_no_sheets));
  }
  if (s.sheets.empty())
    return tl::unexpected(
        s.failure(Error{ErrorKind::internal, msg(MsgId::xlsx_no_sheets), {}, {}}));
  for (State::Sheet& sheet : s.sheets) {
    for (std::size_t c = 0; c < sheet.widths.size(); ++c) {
      double width = std::min(k_max_width, static_cast<double>(sheet.widths[c]) + 2);
      worksheet_set_column(sheet.worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           width, nullptr);
    }
  }
  lxw_error closed = workbook_close(s.workbook);
  s.workbook = nullptr;
  s.failed = true;  // closed: nothing more to write
  std::error_code ec;
  if (closed != LXW_NO_ERROR) {
    std::filesystem::remove(s.temporary, ec);
    Error e = lxw_failure(s.path, closed);
    if (closed == LXW_ERROR_CREATING_XLSX_FILE || closed == LXW_ERROR_CREATING_TMPFILE) {
      e.message = msg(MsgId::file_unwritable, s.path, std::strerror(errno));
    }
    return tl::unexpected(std::move(e));
  }
  std::filesystem::rename(s.temporary, s.path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(s.temporary, ignored);
    return fail(ErrorKind::io, msg(MsgId::file_unwritable, s.path, ec.message()),
                SourcePos{s.path, 0, 0, ""});
  }
  return {};
}

Result<void> write_xlsx(const std::string& path, const std::vector<XlsxSheet>& sheets) {
  if (auto checked = check_path(path); !checked) return checked;
  if (auto checked = check(sheets); !checked) return checked;
  CCTEAM_TRY(XlsxStream stream, XlsxStream::create(path));
  for (const XlsxSheet& sheet : sheets) {
    CCTEAM_TRY(std::size_t index, stream.add_sheet(sheet.name, sheet.header));
    for (const auto& row : sheet.rows) {
      if (auto added = stream.add_row(index, row); !added) return added;
    }
  }
  return stream.close();
}

}  // namespace ccteam::io
