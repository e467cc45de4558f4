#pragma once
// Reading JSON Resume documents (jsonresume.org schema, ../shared/fixtures/json-resume.schema.json)
// into qualify::Person.
//
// Accepted layouts, detected from the content:
//   - one JSON object (a résumé), possibly pretty-printed over many lines;
//   - a JSON array of résumé objects;
//   - NDJSON: one résumé object per line (blank lines are skipped).
// Each document succeeds or fails on its own: invalid JSON (with line:col), wrong types
// (string where an array belongs, ...), impossible dates ("2023-02-30"), an end date before
// the start date, and an empty résumé (qualify::says_nothing) give an Error whose position
// names the file, the line (NDJSON: the document's line; JSON syntax errors: the exact line
// and column) and a JSON pointer (work, 2, endDate; in an array prefixed with the element's
// index). The rest of the batch goes on.
//
// Read fields: basics.name, email, phone, location.city, location.countryCode (identifying,
// kept apart in Person::personal); basics.summary (Person::summary); work[] (position, name or
// company, summary, highlights, startDate, endDate); education[] (studyType, area, institution,
// startDate, endDate); languages[] (language, fluency); skills[] (name, level, keywords);
// certificates[] (name, date). Other fields are ignored.
//
// Positions: every entry carries its file, its line and its JSON pointer (work, 2). In a text
// over several lines (a pretty-printed document, an array) the line and column are those of the
// entry's own object (its opening brace), and each job's texts (position, summary, name or
// company, highlights; Position::text_places) and the summary carry the line and column where
// their value starts, so that evidence points to its line; in a document on one line (NDJSON)
// the line is the document's. An empty string date ("")
// counts as absent, as in the schema's blank template. Dates are partial dates ("2019", "2019-04",
// "2019-04-15").

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/qualify/person.hpp"

namespace ccteam::io {

// Receives each document's result in input order.
using PersonSink = std::function<void(Result<qualify::Person>)>;

// Reads every document of 'content'; 'file' names it in positions ("" for stdin shows as
// "<stdin>"). Ids are assigned as "A<n>" from 'next_id', which is advanced per document
// (rejected ones included, so an id always names the same document of a batch).
void read_json_resumes(std::string_view content, const std::string& file, std::size_t& next_id,
                       const PersonSink& sink);

// How it reads: simdjson's validating DOM parser straight into the person model, for speed
// (screening reads millions of documents). A document that this fast path does not accept as it
// is (invalid JSON, a wrong type, a duplicate member, a bad or reversed date, an empty résumé,
// a \u escape of a UTF-16 surrogate) is read again by the reference path, nlohmann-json, which
// produces every error with its position; so results and errors are those of the reference.
//
// The reference path alone: same results as read_json_resumes, slower. For tests and the fuzz
// target, which check that both paths agree.
void read_json_resumes_reference(std::string_view content, const std::string& file,
                                 std::size_t& next_id, const PersonSink& sink);

// Streams an NDJSON file ("-" = standard input) line by line, so memory does not grow with the
// file: each non-blank line is one document, read as read_json_resumes would read it. 'name':
// how positions name the file (empty: 'path'; a blind screening gives "#3", people.hpp). Fails
// (before any document) with ErrorKind::not_found / io when the file cannot be opened.
Result<void> stream_ndjson_resumes(const std::string& path, std::size_t& next_id,
                                   const PersonSink& sink, const std::string& name = {});

// Reads 'in' (standard input, a pipe) with the layout detected from its first non-blank line:
// when that line is a JSON object on its own, the input is NDJSON and is streamed line by line
// (memory does not grow with the input); otherwise (a pretty-printed document, an array) the
// rest is read whole, up to 'max_bytes', and read as read_json_resumes would. Results are the
// same as read_json_resumes on the whole text, with the same line numbers. Fails with
// ErrorKind::io when reading fails and ErrorKind::invalid_input when a whole-read input is over
// 'max_bytes' (no document of it is then emitted).
Result<void> stream_json_resumes(std::istream& in, const std::string& file, std::size_t& next_id,
                                 const PersonSink& sink, std::size_t max_bytes = 256u << 20);

}  // namespace ccteam::io
