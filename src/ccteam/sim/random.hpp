#pragma once
// Random numbers of the simulation: our own generator and distributions, so that a run is a pure
// function of (scenario, seed) and gives the same samples with every standard library (the
// std:: distributions are implementation-defined and differ between libstdc++ and libc++).
//
// Generator: xoshiro256++ (Blackman & Vigna 2021, "Scrambled Linear Pseudorandom Number
// Generators", ACM TOMS 47(4)), period 2^256 - 1. Its state is seeded with splitmix64
// (Steele, Lea & Flood 2014, "Fast Splittable Pseudorandom Number Generators", OOPSLA), the
// seeding the xoshiro authors recommend. Independent streams: every random source of a
// replication (arrivals; per tier handle times, patience, escalation, retrials) gets its own
// generator, seeded from (seed, replication, source) mixed through splitmix64, so adding a
// source or a replication never shifts the samples of another. Not for cryptography.
//
// Thread safety: a Rng is a value; use one per thread.

#include <cmath>
#include <cstdint>

namespace ccteam::sim {

// splitmix64 step: advances 'state' and returns a well-mixed 64-bit value.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // The stream of random source 'source' in replication 'replication' of a run seeded 'seed'.
  Rng(std::uint64_t seed, std::uint64_t replication, std::uint64_t source) {
    std::uint64_t mix = seed;
    std::uint64_t a = splitmix64(mix) ^ (replication * 0xd1b54a32d192ed03ULL);
    std::uint64_t b = splitmix64(a) ^ (source * 0x8cb92ba72f3d8dd7ULL);
    for (auto& word : m_s) word = splitmix64(b);
  }

  // Next 64 random bits (xoshiro256++).
  std::uint64_t next() {
    const std::uint64_t result = rotl(m_s[0] + m_s[3], 23) + m_s[0];
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }

  // Uniform on (0, 1]: never 0, so log(u) is finite (53 random bits).
  double uniform_open0() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }
  // Uniform on [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n), n >= 1 (Lemire 2019, "Fast Random Integer Generation in an
  // Interval", multiply-shift; the bias is below n / 2^64).
  std::uint64_t below(std::uint64_t n) {
    __extension__ using U128 = unsigned __int128;
    return static_cast<std::uint64_t>((static_cast<U128>(next()) * n) >> 64);
  }
  // True with probability p.
  bool bernoulli(double p) { return uniform() < p; }
  // Exponential with mean 'mean', by inversion: -mean ln U, U uniform on (0, 1].
  double exponential(double mean) { return -mean * std::log(uniform_open0()); }
  // Standard normal by Marsaglia's polar method (Marsaglia & Bray 1964, SIAM Review 6(3)):
  // needs only log and sqrt; the second value of each pair is dropped so no state is kept.
  double normal() {
    for (;;) {
      double u = 2.0 * uniform() - 1.0;
      double v = 2.0 * uniform() - 1.0;
      double s = u * u + v * v;
      if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t m_s[4];
};

}  // namespace ccteam::sim
