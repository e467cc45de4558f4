#pragma once
// A progress counter on standard error for long batches: "\r12,000 documents" every 1,000
// documents, only when standard error is a terminal (nothing when piped or in tests).

#include <cstddef>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace ccteam::cli {

class Progress {
 public:
  explicit Progress(std::string unit) : m_unit(std::move(unit)), m_on(::isatty(2) == 1) {}
  ~Progress() {
    if (m_on && m_shown) std::fputs("\r\033[K", stderr);
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Counts one item; redraws every k_step items.
  void tick() {
    if (!m_on || ++m_count % k_step != 0) return;
    std::fprintf(stderr, "\r%zu %s", m_count, m_unit.c_str());
    std::fflush(stderr);
    m_shown = true;
  }

 private:
  static constexpr std::size_t k_step = 1000;
  std::string m_unit;
  bool m_on;
  bool m_shown = false;
  std::size_t m_count = 0;
};

}  // namespace ccteam::cli
