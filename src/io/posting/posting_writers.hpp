#pragma once
// Writers of job postings: Markdown and plain text for job boards, one self-contained HTML page,
// and schema.org JobPosting JSON-LD for search engines.

#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/posting/document.hpp"

namespace ccteam::io {

// CommonMark; every inserted text has Markdown's special characters backslash-escaped.
std::string posting_to_markdown(const posting::PostingDocument& doc);

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
