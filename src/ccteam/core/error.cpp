#include "ccteam/core/error.hpp"

namespace ccteam {

namespace {

// 'n' with digit groups of three: 99,950 in English, 99.950 in German.
std::string grouped(std::size_t n, char separator) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

// How many errors 'e' stands for: the count of a closing more_errors(), else one.
std::size_t stands_for(const Error& e) {
  if (e.message.id == MsgId::errors_more && e.message.args.size() == 2)
    return std::stoull(e.message.args[1].text);
  return 1;
}

}  // namespace

std::string render(const Error& error, Lang lang) {
  std::string out = to_string(error.where);
  if (!out.empty()) out += ": ";
  out += tr(MsgId::label_error, lang) + ": " + render(error.message, lang);
  if (error.hint) out += "\n  " + tr(MsgId::label_hint, lang) + ": " + render(*error.hint, lang);
  return out;
}

Error more_errors(std::size_t left_out, ErrorKind kind, std::string file) {
  // The second argument, which the texts do not show, is the count for error_count().
  return Error{kind,
               msg(MsgId::errors_more,
                   LocalizedText{grouped(left_out, ','), grouped(left_out, '.')}, left_out),
               SourcePos{std::move(file), 0, 0, ""}, msg(MsgId::hint_errors_more)};
}

std::size_t error_count(const Errors& errors) {
  std::size_t n = 0;
  for (const Error& e : errors) n += stands_for(e);
  return n;
}

void ErrorList::add(Error error) {
  // The "... and N more" that ends another capped list (a validator's, passed through a
  // reader's list) adds its N to the count, so that the total stays right.
  if (error.message.id == MsgId::errors_more) {
    m_left_out += stands_for(error);
    m_left_out_kind = error.kind;
    return;
  }
  if (full()) {
    count_left_out(error.kind);
    return;
  }
  m_kept.push_back(std::move(error));
}

void ErrorList::count_left_out(ErrorKind kind) {
  ++m_left_out;
  m_left_out_kind = kind;
}

Errors ErrorList::take() {
  Errors out = std::move(m_kept);
  m_kept.clear();
  if (m_left_out > 0) {
    std::string file = out.empty() ? std::string() : out.back().where.file;
    out.push_back(more_errors(m_left_out, m_left_out_kind, std::move(file)));
  }
  m_left_out = 0;
  return out;
}

void cap_errors(Errors& errors, std::size_t cap) {
  if (errors.size() <= cap) return;
  std::size_t left_out = errors.size() - cap;
  ErrorKind kind = errors.back().kind;
  errors.resize(cap);
  std::string file = errors.empty() ? std::string() : errors.back().where.file;
  errors.push_back(more_errors(left_out, kind, std::move(file)));
}

}  // namespace ccteam
