#pragma once
// Writing tables as an Excel workbook (Office Open XML SpreadsheetML, ECMA-376; the .xlsx
// that Excel, LibreOffice and Google Sheets open), through libxlsxwriter (Debian's
// libxlsxwriter-dev). Any command with tabular output can use it: build XlsxSheets of typed
// cells and call write_xlsx.
//
// Layout of each sheet: the header in row 1 (bold, frozen so it stays visible while
// scrolling), then one row per XlsxSheet::rows entry; columns sized to their longest text
// (capped). Text cells are stored as text (never read as numbers or dates by the spreadsheet:
// an id "00123" stays "00123"); number cells as IEEE doubles.
//
// Example:
//   io::XlsxSheet sheet{"screening", {"id", "preferred met"}, {}};
//   sheet.rows.push_back({io::XlsxCell{"A1"}, io::XlsxCell{3.0}});
//   if (auto written = io::write_xlsx("out.xlsx", {sheet}); !written) report(written.error());

#include <cstddef>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

// One cell: text (UTF-8, at most 32,767 characters, Excel's limit) or a finite number. An
// empty text writes no cell.
using XlsxCell = std::variant<std::string, double>;

struct XlsxSheet {
  std::string name;                         // 1-31 characters, none of [ ] : * ? / \ (Excel)
  std::vector<std::string> header;          // the first row; may be empty (no header row)
  std::vector<std::vector<XlsxCell>> rows;  // at most 1,048,575 rows of 16,384 cells
};

// Writes 'sheets' (at least one, in order) to 'path' as one workbook. The file is written
// under a temporary name beside 'path' and renamed into place, so a failed write never leaves
// half a workbook; an existing file is replaced. "-" (standard output) is refused: a workbook
// is binary. Errors: ErrorKind::usage for "-"; ErrorKind::invalid_input for a bad sheet name,
// a duplicate sheet name, a text cell over the length limit, a number that is not finite or
// too many rows or columns (naming the sheet, row and column); ErrorKind::io when the file
// cannot be created or written (with the reason).
Result<void> write_xlsx(const std::string& path, const std::vector<XlsxSheet>& sheets);

// Rows in one sheet, the header included (Excel's limit).
inline constexpr std::size_t k_xlsx_max_rows = 1'048'576;

// A workbook written row by row in flat memory, for tables too long to hold (libxlsxwriter's
// constant_memory mode: a sheet's row goes to a temporary file once the next one starts, text
// is stored in the cell). The layout is write_xlsx's. Sheets may be added at any time and are
// written in the order added; rows of different sheets may interleave, each sheet's rows in
// order. Errors as write_xlsx's, found row by row: after one, the stream writes nothing more
// and no file is left.
class XlsxStream {
 public:
  // Starts the workbook to be written to 'path' (under a temporary name until close).
  static Result<XlsxStream> create(const std::string& path);
  XlsxStream(XlsxStream&& other) noexcept;
  XlsxStream& operator=(XlsxStream&&) = delete;
  XlsxStream(const XlsxStream&) = delete;
  XlsxStream& operator=(const XlsxStream&) = delete;
  ~XlsxStream();

  // Adds a sheet after the others with its 'header' row (empty: none); returns its number.
  Result<std::size_t> add_sheet(const std::string& name, const std::vector<std::string>& header);

  // Appends a row to sheet 'sheet'; at most k_xlsx_max_rows rows (see rows).
  Result<void> add_row(std::size_t sheet, const std::vector<XlsxCell>& cells);

  // Rows of sheet 'sheet' so far, the header included.
  std::size_t rows(std::size_t sheet) const;

  // Sets the column widths, writes the file and renames it into place.
  Result<void> close();

 private:
  struct State;
  explicit XlsxStream(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

}  // namespace ccteam::io
