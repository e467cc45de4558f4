#include "store/uuid.hpp"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <random>

namespace ccteam::store {

namespace {

constexpr char k_hex[] = "0123456789abcdef";
constexpr std::int64_t k_max_millis = (std::int64_t{1} << 48) - 1;
constexpr std::uint16_t k_counter_max = 0x0fff;        // rand_a has 12 bits
constexpr std::uint16_t k_counter_start_max = 0x07ff;  // leaves at least 2048 ids per ms

// Fills 'out' with random bytes from the kernel; std::random_device if getrandom fails.
void random_bytes(std::uint8_t* out, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t got = getrandom(out + done, size - done, 0);
    if (got > 0) {
      done += static_cast<std::size_t>(got);
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  if (done == size) return;
  static std::mutex device_mutex;
  std::lock_guard lock(device_mutex);
  static std::random_device device;
  for (; done < size; ++done) out[done] = static_cast<std::uint8_t>(device() & 0xffU);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_dash_position(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::string Uuid::to_string() const {
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(k_hex[bytes[i] >> 4]);
    out.push_back(k_hex[bytes[i] & 0x0f]);
  }
  return out;
}

std::optional<Uuid> Uuid::parse(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  Uuid out;
  std::size_t byte = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (is_dash_position(i)) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int high = hex_value(text[i]);
    int low = i + 1 < text.size() && !is_dash_position(i + 1) ? hex_value(text[i + 1]) : -1;
    if (high < 0 || low < 0) return std::nullopt;
    out.bytes[byte++] = static_cast<std::uint8_t>(high * 16 + low);
    i += 2;
  }
  return out;
}

Uuid new_uuid_v7(std::int64_t unix_millis) {
  static std::mutex mutex;
  static std::int64_t last_millis = -1;
  static std::uint16_t counter = 0;

  std::array<std::uint8_t, 10> random{};
  random_bytes(random.data(), random.size());

  std::int64_t millis = std::clamp<std::int64_t>(unix_millis, 0, k_max_millis);
  std::uint16_t rand_a = 0;
  {
    std::lock_guard lock(mutex);
    if (millis > last_millis) {
      counter = static_cast<std::uint16_t>((random[0] << 8 | random[1]) & k_counter_start_max);
      last_millis = millis;
    } else if (counter < k_counter_max) {
      ++counter;
      millis = last_millis;
    } else {
      // The counter ran over: borrow the next millisecond (RFC 9562 section 6.2).
      last_millis = std::min(last_millis + 1, k_max_millis);
      counter = static_cast<std::uint16_t>((random[0] << 8 | random[1]) & k_counter_start_max);
      millis = last_millis;
    }
    rand_a = counter;
  }

  Uuid id;
  for (int i = 0; i < 6; ++i) {
    id.bytes[static_cast<std::size_t>(i)] =
        static_cast<std::uint8_t>((static_cast<std::uint64_t>(millis) >> (40 - 8 * i)) & 0xffU);
  }
  id.bytes[6] = static_cast<std::uint8_t>(0x70U | ((rand_a >> 8) & 0x0fU));
  id.bytes[7] = static_cast<std::uint8_t>(rand_a & 0xffU);
  id.bytes[8] = static_cast<std::uint8_t>(0x80U | (random[2] & 0x3fU));
  std::copy(random.begin() + 3, random.end(), id.bytes.begin() + 9);
  return id;
}

std::int64_t uuid_v7_millis(const Uuid& id) {
  std::int64_t millis = 0;
  for (int i = 0; i < 6; ++i) millis = millis << 8 | id.bytes[static_cast<std::size_t>(i)];
  return millis;
}

}  // namespace ccteam::store
