#pragma once
// Writers of job postings: Markdown and plain text for job boards, one self-contained HTML page,
// and schema.org JobPosting JSON-LD for search engines.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/posting/document.hpp"

namespace ccteam::io {

// CommonMark (spec 0.30): "# title", a blank line, the subtitle; then for each section a blank
// line, "## heading", and, when it has blocks, a blank line and blocks_to_markdown(blocks)
// (io/posting/posting_markdown.hpp). Every inserted text is escaped with escape_markdown, so it
// reads back as the same text and never as markup.
std::string posting_to_markdown(const posting::PostingDocument& doc);

// posting_to_markdown's text and where each section is in it, for tools that map a line of
// the text back to its section (the posting editor's findings).
struct PostingMarkdown {
  std::string text;  // posting_to_markdown(doc)
  // The 1-based line of each section's "## " heading, in the order of doc.sections; its blocks
  // start two lines below it (line 1 is the title, line 3 the subtitle).
  std::vector<int> section_lines;
};
PostingMarkdown posting_to_markdown_with_lines(const posting::PostingDocument& doc);

// Plain text: title underlined, sections with "- " bullets, wrapped at 78 columns.
std::string posting_to_text(const posting::PostingDocument& doc);

// One printable HTML page: inline CSS, no external requests, the JSON-LD embedded in a
// <script type="application/ld+json"> with '<' written as \u003c so that no text can close the
// script. Every inserted text is HTML-escaped (& < > " ').
std::string posting_to_html(const posting::PostingDocument& doc);

// schema.org JobPosting (https://schema.org/JobPosting) with the properties Google's job
// posting guidelines require (title, description, datePosted, hiringOrganization, jobLocation
// or applicantLocationRequirements with jobLocationType TELECOMMUTE) and recommend
// (baseSalary as MonetaryAmount with a QuantitativeValue minValue/maxValue/unitText,
// employmentType, validThrough, identifier, directApply), plus occupationalCategory (O*NET-SOC
// code, else ISCO-08), totalJobOpenings, educationRequirements
// (EducationalOccupationalCredential with credentialCategory), experienceRequirements
// (OccupationalExperienceRequirements with monthsOfExperience) and
// experienceInPlaceOfEducation. 'description' is the posting's sections as HTML.
nlohmann::ordered_json posting_to_jsonld(const posting::PostingDocument& doc);

}  // namespace ccteam::io
