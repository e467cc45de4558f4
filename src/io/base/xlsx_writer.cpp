#include "io/base/xlsx_writer.hpp"

#include <algorithm>
#include <cmath>
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

struct CloseWorkbook {
  void operator()(lxw_workbook* w) const {
    if (w != nullptr) workbook_close(w);
  }
};

std::string cell_name(std::size_t row, std::size_t col) {
  // "A1" notation, row and column 0-based here.
  std::string letters;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

// Checks everything libxlsxwriter would refuse, before a file is created.
Result<void> check(const std::vector<XlsxSheet>& sheets) {
  if (sheets.empty()) return fail(ErrorKind::internal, msg(MsgId::xlsx_no_sheets));
  std::set<std::string> names;
  for (const XlsxSheet& sheet : sheets) {
    bool bad_char = sheet.name.find_first_of("[]:*?/\\") != std::string::npos;
    std::size_t length = utf8_length(sheet.name);
    if (length == 0 || length > LXW_SHEETNAME_MAX || bad_char || sheet.name.front() == '\'' ||
        sheet.name.back() == '\'') {
      return fail(ErrorKind::invalid_input, msg(MsgId::xlsx_bad_sheet_name, sheet.name),
                  SourcePos{}, msg(MsgId::hint_xlsx_sheet_name));
    }
    std::string folded = sheet.name;
    std::ranges::transform(folded, folded.begin(), [](unsigned char c) {
      return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    if (!names.insert(folded).second) {
      return fail(ErrorKind::invalid_input, msg(MsgId::xlsx_duplicate_sheet, sheet.name));
    }
    std::size_t header_rows = sheet.header.empty() ? 0 : 1;
    std::size_t columns = sheet.header.size();
    for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
    if (sheet.rows.size() + header_rows > LXW_ROW_MAX || columns > LXW_COL_MAX) {
      return fail(ErrorKind::invalid_input,
                  msg(MsgId::xlsx_too_large, sheet.name, sheet.rows.size() + header_rows, columns));
    }
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      if (utf8_length(sheet.header[c]) > k_max_text) {
        return fail(ErrorKind::invalid_input, msg(MsgId::xlsx_text_too_long, sheet.name,
                                                  cell_name(0, c), utf8_length(sheet.header[c])));
      }
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const XlsxCell& cell = sheet.rows[r][c];
        std::size_t at = r + header_rows;
        if (const auto* text = std::get_if<std::string>(&cell);
            text != nullptr && utf8_length(*text) > k_max_text) {
          return fail(ErrorKind::invalid_input, msg(MsgId::xlsx_text_too_long, sheet.name,
                                                    cell_name(at, c), utf8_length(*text)));
        }
        if (const auto* number = std::get_if<double>(&cell);
            number != nullptr && !std::isfinite(*number)) {
          return fail(ErrorKind::invalid_input,
                      msg(MsgId::xlsx_not_finite, sheet.name, cell_name(at, c), *number));
        }
      }
    }
  }
  return {};
}

Error lxw_failure(const std::string& path, lxw_error error) {
  return Error{ErrorKind::io, msg(MsgId::file_unwritable, path, lxw_strerror(error)),
               SourcePos{path, 0, 0, ""}, std::nullopt};
}

// Writes one sheet; returns the first libxlsxwriter error.
lxw_error write_sheet(lxw_workbook* workbook, lxw_format* bold, const XlsxSheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (ws == nullptr) return LXW_ERROR_SHEETNAME_ALREADY_USED;
  std::vector<std::size_t> widths(sheet.header.size());
  auto widen = [&](std::size_t col, std::size_t chars) {
    if (col >= widths.size()) widths.resize(col + 1);
    widths[col] = std::max(widths[col], chars);
  };
  lxw_row_t row = 0;
  if (!sheet.header.empty()) {
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      if (sheet.header[c].empty()) continue;
      lxw_error e =
          worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
      if (e != LXW_NO_ERROR) return e;
      widen(c, utf8_length(sheet.header[c]));
    }
    worksheet_freeze_panes(ws, 1, 0);
    row = 1;
  }
  for (const auto& cells : sheet.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      lxw_error e = LXW_NO_ERROR;
      auto col = static_cast<lxw_col_t>(c);
      if (const auto* text = std::get_if<std::string>(&cells[c])) {
        if (text->empty()) continue;
        e = worksheet_write_string(ws, row, col, text->c_str(), nullptr);
        widen(c, utf8_length(*text));
      } else {
        double number = std::get<double>(cells[c]);
        e = worksheet_write_number(ws, row, col, number, nullptr);
        widen(c, 8);
      }
      if (e != LXW_NO_ERROR) return e;
    }
    ++row;
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    double width = std::min(k_max_width, static_cast<double>(widths[c]) + 2);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
  }
  return LXW_NO_ERROR;
}

}  // namespace

Result<void> write_xlsx(const std::string& path, const std::vector<XlsxSheet>& sheets) {
  if (path.empty() || path == "-") {
    return fail(ErrorKind::usage, msg(MsgId::cli_binary_needs_output, "xlsx"), SourcePos{},
                msg(MsgId::hint_binary_needs_output, "xlsx"));
  }
  if (auto checked = check(sheets); !checked) return checked;

  // Beside the target so that the rename stays on one file system.
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  lxw_workbook_options options{};
  options.constant_memory = 0;  // column widths are set after the rows
  std::unique_ptr<lxw_workbook, CloseWorkbook> workbook(
      workbook_new_opt(temporary.c_str(), &options));
  if (!workbook) return tl::unexpected(lxw_failure(path, LXW_ERROR_MEMORY_MALLOC_FAILED));
  lxw_format* bold = workbook_add_format(workbook.get());
  format_set_bold(bold);
  for (const XlsxSheet& sheet : sheets) {
    if (lxw_error e = write_sheet(workbook.get(), bold, sheet); e != LXW_NO_ERROR) {
      workbook.reset();
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return tl::unexpected(lxw_failure(path, e));
    }
  }
  lxw_error closed = workbook_close(workbook.release());
  std::error_code ec;
  if (closed != LXW_NO_ERROR) {
    std::filesystem::remove(temporary, ec);
    Error e = lxw_failure(path, closed);
    if (closed == LXW_ERROR_CREATING_XLSX_FILE || closed == LXW_ERROR_CREATING_TMPFILE) {
      e.message = msg(MsgId::file_unwritable, path, std::strerror(errno));
    }
    return tl::unexpected(std::move(e));
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return fail(ErrorKind::io, msg(MsgId::file_unwritable, path, ec.message()),
                SourcePos{path, 0, 0, ""});
  }
  return {};
}

}  // namespace ccteam::io
