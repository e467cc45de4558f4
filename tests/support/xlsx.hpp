#pragma once
// Reads a workbook back through tests/support/read_xlsx.py (Python's zipfile and ElementTree),
// a reader that shares no code with ccteam's writer.
#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace ccteam::test {

// {"sheets": [{"name", "frozen_rows", "cells": {"A1": {"type": "text"|"number", "value"}}}]};
// null when the file cannot be read as a workbook.
inline nlohmann::json read_xlsx(const std::filesystem::path& file) {
  std::string command = "/usr/bin/python3 '" + std::string(CCTEAM_SOURCE_DIR) +
                        "/tests/support/read_xlsx.py' '" + file.string() + "' 2>&1";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return nullptr;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  if (::pclose(pipe) != 0) return nullptr;
  return nlohmann::json::parse(out, nullptr, false);
}

// The cells of the sheet named 'name', or null.
inline nlohmann::json sheet_cells(const nlohmann::json& book, const std::string& name) {
  if (!book.is_object()) return nullptr;
  for (const auto& sheet : book["sheets"]) {
    if (sheet["name"] == name) return sheet["cells"];
  }
  return nullptr;
}

}  // namespace ccteam::test
