#include "io/qualify/json_keys.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "ccteam/core/position.hpp"

namespace ccteam::io {

namespace {

// The members the résumé reader reads, per kind of object.
enum class Object { root, basics, location, work, education, language, skill, certificate, other };

bool reads(Object object, std::string_view key) {
  auto in = [&](std::initializer_list<std::string_view> keys) {
    return std::ranges::find(keys, key) != keys.end();
  };
  switch (object) {
    case Object::root:
      return in({"basics", "work", "education", "languages", "skills", "certificates"});
    case Object::basics:
      return in({"name", "email", "phone", "summary", "location"});
    case Object::location:
      return in({"city", "countryCode"});
    case Object::work:
      return in({"position", "name", "company", "summary", "highlights", "startDate", "endDate"});
    case Object::education:
      return in({"studyType", "area", "institution", "startDate", "endDate"});
    case Object::language:
      return in({"language", "fluency"});
    case Object::skill:
      return in({"name", "level", "keywords"});
    case Object::certificate:
      return in({"name", "date"});
    case Object::other:
      return false;
  }
  return false;
}

// What an object is, from the member (or array) that holds it.
Object child_object(Object parent, std::string_view key, bool in_array) {
  if (parent == Object::root && in_array) {
    if (key == "work") return Object::work;
    if (key == "education") return Object::education;
    if (key == "languages") return Object::language;
    if (key == "skills") return Object::skill;
    if (key == "certificates") return Object::certificate;
    return Object::other;
  }
  if (parent == Object::root && key == "basics") return Object::basics;
  if (parent == Object::basics && key == "location") return Object::location;
  return Object::other;
}

struct Frame {
  bool array = false;
  Object object = Object::other;  // objects: what it is; arrays: the holder's kind
  std::string holder;             // arrays: the member that holds it
  std::string pointer;            // of this container
  std::size_t index = 0;          // arrays: next element
  std::vector<std::pair<std::string, std::size_t>> keys;  // objects: read keys seen, offset
  std::string key;                                        // objects: the current member
  bool expect_key = true;
};

// Walks the JSON text 'text' (a document or an array of documents), calling
// on_key(stack, frame, offset) for each member name of an object (the frame's 'key') and
// on_value(frame, offset) at the start of each value ('frame' null for the outermost value);
// stops where 'text' stops being JSON. A frame's pointer and current key or index say where the
// value is.
template <class OnKey, class OnValue>
void walk(std::string_view text, const OnKey& on_key, const OnValue& on_value) {
  std::vector<Frame> stack;
  auto open = [&](bool array) {
    Frame f;
    f.array = array;
    if (stack.empty()) {
      f.object = Object::root;
    } else {
      Frame& parent = stack.back();
      if (parent.array) {
        f.pointer = json_pointer_append(parent.pointer, parent.index);
        // A document of a top-level array is a root; an element of "work" a job.
        f.object = parent.holder.empty() && stack.size() == 1
                       ? Object::root
                       : child_object(parent.object, parent.holder, true);
      } else {
        f.pointer = json_pointer_append(parent.pointer, parent.key);
        f.object = array ? parent.object : child_object(parent.object, parent.key, false);
        f.holder = parent.key;
      }
    }
    if (array && stack.empty()) f.object = Object::root;
    stack.push_back(std::move(f));
  };
  auto value_done = [&] {
    if (stack.empty()) return;
    Frame& f = stack.back();
    if (f.array) {
      ++f.index;
    } else {
      f.expect_key = true;
    }
  };
  auto value_starts = [&](std::size_t offset) {
    on_value(stack.empty() ? nullptr : &stack.back(), offset);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      if (i >= text.size()) return;
      if (!stack.empty() && !stack.back().array && stack.back().expect_key) {
        Frame& f = stack.back();
        f.key.assign(text.substr(start + 1, i - start - 1));  // as written, escapes and all
        f.expect_key = false;
        on_key(stack, f, start);
      } else {
        value_starts(start);
        value_done();
      }
    } else if (c == '{' || c == '[') {
      value_starts(i);
      open(c == '[');
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return;
      stack.pop_back();
      value_done();
    } else if (c == ',' && !stack.empty() && stack.back().array) {
      // the element before the comma was a number or literal: counted here
    } else if (c != ':' && c != ',' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      // A number or a literal: one value, up to the next delimiter.
      value_starts(i);
      while (i + 1 < text.size() &&
             std::string_view(",]}: \n\r\t").find(text[i + 1]) == std::string_view::npos) {
        ++i;
      }
      value_done();
    }
  }
}

}  // namespace

std::vector<DuplicateKey> find_duplicate_resume_keys(std::string_view text) {
  std::vector<DuplicateKey> out;
  std::size_t document = 0;                // top-level array: index of the current document
  std::size_t reported = ~std::size_t{0};  // the last document with a duplicate
  walk(
      text,
      [&](const std::vector<Frame>& stack, Frame& f, std::size_t start) {
        if (!reads(f.object, f.key)) return;
        document = stack.front().array ? stack.front().index : 0;
        for (const auto& [seen, offset] : f.keys) {
          if (seen == f.key && reported != document) {
            out.push_back({f.key, json_pointer_append(f.pointer, f.key), start, offset, document});
            reported = document;
          }
        }
        f.keys.emplace_back(f.key, start);
      },
      [](const Frame*, std::size_t) {});
  return out;
}

}  // namespace ccteam::io
