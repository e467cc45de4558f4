#pragma once
// Reading people from CSV (RFC 4180, split by io/base/csv_splitter), the form an HR-system export
// takes: one row per person, applicants and employees alike. Columns: docs/person-csv.md.
//
// The first row is the header. A row that fails (a date that is not a date, an end before
// the start, a row with another number of fields than the header, a row that says nothing)
// gives an Error at "file:line (/column)" and the rest of the file goes on. An unknown column
// name or a missing header rejects the whole file (one Error), since every row would be read
// wrongly.

#include <string>
#include <string_view>

#include "io/qualify/resume_json.hpp"

namespace ccteam::io {

// Calls 'sink' once per data row. Ids: the row's "id" column when not blank, else "A<n>"
// from 'next_id' (advanced per row either way).
void read_person_csv(std::string_view content, const std::string& file, std::size_t& next_id,
                     const PersonSink& sink);

}  // namespace ccteam::io
