#include "ccteam/sim/engine.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccteam::sim {

Model::Model(Scenario scenario) : m_scenario(std::move(scenario)) {
  for (const Tier& t : m_scenario.tiers) {
    std::vector<Sampler> handle;
    for (const Distribution& d : t.handle_time) handle.emplace_back(d);
    m_handle.push_back(std::move(handle));
    m_patience.emplace_back(t.patience);
  }
}

namespace {

enum class Kind : std::uint8_t { arrival, departure, abandon, retrial, boundary, capacity_drop };

// 16 bytes: four fit in a cache line.
struct Event {
  double time;
  std::uint32_t call;  // call index; the period number for boundary and capacity_drop
  std::uint16_t serial;
  Kind kind;
  std::uint8_t tier;
};
static_assert(sizeof(Event) == 16);

// Binary min-heap on time.
class EventList {
 public:
  void push(Event e) {
    std::size_t i = m_heap.size();
    m_heap.push_back(e);
    while (i > 0) {
      std::size_t parent = (i - 1) / 2;
      if (!(e.time < m_heap[parent].time)) break;
      m_heap[i] = m_heap[parent];
      i = parent;
    }
    m_heap[i] = e;
  }
  bool empty() const { return m_heap.empty(); }
  double top_time() const { return m_heap.front().time; }
  Event pop() {
    Event top = m_heap.front();
    Event last = m_heap.back();
    m_heap.pop_back();
    std::size_t n = m_heap.size();
    if (n == 0) return top;
    std::size_t i = 0;
    for (;;) {
      std::size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && m_heap[child + 1].time < m_heap[child].time) ++child;
      if (!(m_heap[child].time < last.time)) break;
      m_heap[i] = m_heap[child];
      i = child;
    }
    m_heap[i] = last;
    return top;
  }

 private:
  std::vector<Event> m_heap;
};

constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();
constexpr double k_never = std::numeric_limits<double>::infinity();

enum class CallState : std::uint8_t { waiting, in_service, retrying, free };

struct Call {
  double journey_start;
  double queued_at;
  double abandon_at;
  double wait_total;
  std::uint32_t prev, next;  // queue links; 'next' also links the free list
  std::uint16_t serial;
  std::uint8_t tier;
  CallState state;
  std::uint8_t transfers;
  std::uint8_t attempts;
};

struct Queue {
  std::uint32_t head = k_none, tail = k_none;
  std::uint32_t length = 0;
};

struct TierState {
  int busy = 0;
  int capacity = 0;
  double last_time = 0;
  double busy_area = 0;
  double phone_area = 0;
  Queue queue;
};

// Independent random streams: source 0 arrivals, then five per tier.
enum Source : std::uint64_t { handle = 0, patience = 1, escalate = 2, retry = 3, retry_delay = 4 };

}  // namespace

class Engine {
 public:
  Engine(const Model& model, std::uint64_t seed, std::uint64_t replication)
      : m_model(model),
        m_s(model.m_scenario),
        m_n(m_s.intervals),
        m_un(static_cast<std::size_t>(m_s.intervals)),
        m_length(m_s.interval.count()),
        m_inv_length(1 / m_s.interval.count()),
        m_horizon(m_s.intervals * m_s.interval.count()),
        m_arrivals(seed, replication, 0) {
    std::size_t tiers = m_s.tiers.size();
    m_state.resize(tiers);
    for (std::size_t k = 0; k < tiers; ++k)
      for (std::uint64_t j = 0; j < 5; ++j) m_rng.emplace_back(seed, replication, 1 + 5 * k + j);
    // One extra slot per tier for the warm-up, whose counts are dropped.
    m_counts.assign(tiers * (m_un + 1), TierCounts{});
    m_out.intervals = m_n;
    m_out.journeys.resolved_at.assign(tiers, 0);
  }

  ReplicationCounts run(const std::atomic<bool>* stop) {
    double start = m_s.start == Start::warmed_up ? -m_s.warm_up.count() : 0.0;
    m_now = start;
    for (auto& t : m_state) t.last_time = start;
    m_slot = start < 0 ? m_n : 0;
    boundary(start, start < 0 ? -1 : 0);
    m_arrival_segment = start < 0 ? -1 : 0;
    enter_segment();
    schedule_arrival(start);

    std::uint64_t events = 0;
    bool stopped = false;
    while (!m_events.empty() || m_next_arrival < k_never) {
      if ((events & 4095) == 0 && stop != nullptr && stop->load(std::memory_order_relaxed)) {
        stopped = true;
        break;
      }
      ++events;
      if (m_events.empty() || m_next_arrival < m_events.top_time()) {
        m_now = m_next_arrival;
        on_arrival();
        continue;  // the system cannot have emptied: a call just arrived
      }
      Event e = m_events.pop();
      m_now = e.time;
      switch (e.kind) {
        case Kind::arrival:  // never queued: the next arrival is held in m_next_arrival
          break;
        case Kind::departure:
          on_departure(e.call, e.tier);
          break;
        case Kind::abandon:
          on_abandon(e);
          break;
        case Kind::retrial:
          ++m_out.calls;
          enter(e.call, 0);
          break;
        case Kind::boundary:
          on_boundary(e);
          break;
        case Kind::capacity_drop:
          if (e.call == m_period) set_capacity(e.tier, m_drop_to[e.tier]);
          break;
      }
      if (m_arrivals_done && m_in_system == 0 && m_now >= m_horizon) break;
      if (m_now > m_horizon + k_max_drain_seconds) break;
    }
    finish(events, stopped);
    return std::move(m_out);
  }

 private:
  // --- bookkeeping ---------------------------------------------------------------------------
  int slot_of(double t) const {
    if (t < 0) return m_n;
    return std::min(static_cast<int>(t * m_inv_length), m_n - 1);
  }
  TierCounts& counts(std::size_t tier, int slot) {
    return m_counts[tier * (m_un + 1) + static_cast<std::size_t>(slot)];
  }
  Rng& rng(std::size_t tier, Source s) { return m_rng[tier * 5 + s]; }

  void advance(TierState& t) {
    double dt = m_now - t.last_time;
    t.busy_area += t.busy * dt;
    // A person still finishing a call after their time on the phone ended is on the phone.
    t.phone_area += std::max(t.capacity, t.busy) * dt;
    t.last_time = m_now;
  }

  std::uint32_t new_call() {
    ++m_in_system;
    if (m_free != k_none) {
      std::uint32_t c = m_free;
      m_free = m_calls[c].next;
      return c;
    }
    m_calls.push_back(Call{});
    return static_cast<std::uint32_t>(m_calls.size() - 1);
  }
  void end_journey(std::uint32_t c) {
    Call& call = m_calls[c];
    if (call.journey_start >= 0) {
      JourneyCounts& j = m_out.journeys;
      j.journeys += 1;
      j.total_wait_seconds += call.wait_total;
      j.transfers += call.transfers;
      j.attempts += call.attempts;
    }
    call.state = CallState::free;
    call.next = m_free;
    m_free = c;
    --m_in_system;
  }

  // --- queues (intrusive doubly linked lists over the call pool) ------------------------------
  void push_back(Queue& q, std::uint32_t c) {
    Call& call = m_calls[c];
    call.prev = q.tail;
    call.next = k_none;
    if (q.tail != k_none)
      m_calls[q.tail].next = c;
    else
      q.head = c;
    q.tail = c;
    ++q.length;
  }
  void unlink(Queue& q, std::uint32_t c) {
    Call& call = m_calls[c];
    if (call.prev != k_none)
      m_calls[call.prev].next = call.next;
    else
      q.head = call.next;
    if (call.next != k_none)
      m_calls[call.next].prev = call.prev;
    else
      q.tail = call.prev;
    --q.length;
  }

  // --- the model -----------------------------------------------------------------------------
  // Next arrival after 'from' of the Poisson process whose rate is constant within each
  // interval: memorylessness lets a gap that crosses the interval's end restart there.
  void schedule_arrival(double from) {
    double t = from;
    for (;;) {
      if (m_gap > 0) {
        double next = t + m_arrivals.exponential(m_gap);
        if (next < m_segment_end) {
          m_next_arrival = next;
          return;
        }
      }
      t = m_segment_end;
      ++m_arrival_segment;
      if (m_arrival_segment >= m_n) {
        m_arrivals_done = true;
        m_next_arrival = k_never;
        return;
      }
      enter_segment();
    }
  }
  // Mean gap between arrivals and end of the current arrival segment (-1: the warm-up).
  void enter_segment() {
    int seg = m_arrival_segment;
    double calls = m_s.calls_per_interval[static_cast<std::size_t>(seg < 0 ? 0 : seg)];
    m_gap = calls > 0 ? m_length / calls : 0;
    m_segment_end = seg < 0 ? 0.0 : (seg + 1) * m_length;
  }

  void on_arrival() {
    schedule_arrival(m_now);
    ++m_out.calls;
    std::uint32_t c = new_call();
    Call& call = m_calls[c];
    call.journey_start = m_now;
    call.wait_total = 0;
    call.transfers = 0;
    call.attempts = 1;
    call.serial = 0;
    enter(c, 0);
  }

  void enter(std::uint32_t c, std::size_t k) {
    Call& call = m_calls[c];
    const Tier& tier = m_s.tiers[k];
    TierState& t = m_state[k];
    call.tier = static_cast<std::uint8_t>(k);
    call.queued_at = m_now;
    counts(k, slot_of(m_now)).offered += 1;
    if (t.busy < t.capacity) {
      start_service(c, k);
      return;
    }
    call.state = CallState::waiting;
    ++call.serial;
    push_back(t.queue, c);
    if (tier.kind == TierKind::live && tier.patience.kind != DistKind::none) {
      call.abandon_at = m_now + m_model.m_patience[k](rng(k, patience));
      m_events.push(
          Event{call.abandon_at, c, call.serial, Kind::abandon, static_cast<std::uint8_t>(k)});
    }
  }

  void start_service(std::uint32_t c, std::size_t k) {
    Call& call = m_calls[c];
    const Tier& tier = m_s.tiers[k];
    TierState& t = m_state[k];
    double wait = m_now - call.queued_at;
    TierCounts& n = counts(k, slot_of(call.queued_at));
    n.answered += 1;
    n.wait_answered_seconds += wait;
    if (tier.kind == TierKind::live) {
      call.wait_total += wait;
      if (wait <= tier.service_level_target.count()) n.answered_in_target += 1;
    } else if (tier.deadline_basis == DeadlineBasis::start) {
      n.deadline_due += 1;
      if (wait > tier.deadline->count()) n.deadline_missed += 1;
    }
    call.state = CallState::in_service;
    advance(t);
    ++t.busy;
    const auto& samplers = m_model.m_handle[k];
    int interval = m_now < 0 ? 0 : std::min(static_cast<int>(m_now * m_inv_length), m_n - 1);
    const Sampler& h =
        samplers.size() == 1 ? samplers[0] : samplers[static_cast<std::size_t>(interval)];
    m_events.push(
        Event{m_now + h(rng(k, handle)), c, 0, Kind::departure, static_cast<std::uint8_t>(k)});
  }

  void on_departure(std::uint32_t c, std::size_t k) {
    const Tier& tier = m_s.tiers[k];
    TierState& t = m_state[k];
    advance(t);
    --t.busy;
    Call& call = m_calls[c];
    if (tier.kind == TierKind::deferred && tier.deadline_basis == DeadlineBasis::finish) {
      TierCounts& n = counts(k, slot_of(call.queued_at));
      n.deadline_due += 1;
      if (m_now - call.queued_at > tier.deadline->count()) n.deadline_missed += 1;
    }
    if (tier.escalate > 0 && rng(k, escalate).uniform() < tier.escalate) {
      if (call.transfers < 255) ++call.transfers;
      enter(c, k + 1);
    } else {
      if (call.journey_start >= 0) m_out.journeys.resolved_at[k] += 1;
      end_journey(c);
    }
    serve_waiting(k);
  }

  void serve_waiting(std::size_t k) {
    TierState& t = m_state[k];
    while (t.busy < t.capacity && t.queue.head != k_none) {
      std::uint32_t next = t.queue.head;
      unlink(t.queue, next);
      start_service(next, k);
    }
  }

  void on_abandon(const Event& e) {
    Call& call = m_calls[e.call];
    if (call.state != CallState::waiting || call.tier != e.tier || call.serial != e.serial ||
        call.abandon_at != e.time)
      return;  // answered first: a stale event
    std::size_t k = e.tier;
    unlink(m_state[k].queue, e.call);
    counts(k, slot_of(call.queued_at)).abandoned += 1;
    call.wait_total += m_now - call.queued_at;
    const Tier& tier = m_s.tiers[k];
    if (tier.retrial && call.attempts < k_max_attempts &&
        rng(k, retry).uniform() < tier.retrial->probability) {
      ++call.attempts;
      call.state = CallState::retrying;
      double delay = rng(k, retry_delay).exponential(tier.retrial->mean_delay.count());
      m_events.push(Event{m_now + delay, e.call, 0, Kind::retrial, 0});
      return;
    }
    if (call.journey_start >= 0) m_out.journeys.abandoned += 1;
    end_journey(e.call);
  }

  void set_capacity(std::size_t k, int capacity) {
    TierState& t = m_state[k];
    advance(t);
    t.capacity = capacity;
    serve_waiting(k);
  }

  // Start of a staffing period at 'time': interval 'interval' (-1: the warm-up, which repeats
  // interval 1; >= m_n: the drain, which repeats the last interval).
  void boundary(double time, int interval) {
    // Close the period that ends here: its busy and on-phone time go to its slot.
    for (std::size_t k = 0; k < m_state.size(); ++k) {
      TierState& t = m_state[k];
      advance(t);
      if (m_slot <= m_n) {  // a counted interval or the warm-up (dropped later); not the drain
        TierCounts& n = counts(k, m_slot);
        n.busy_seconds += t.busy_area;
        n.on_phone_seconds += t.phone_area;
      }
      t.busy_area = 0;
      t.phone_area = 0;
    }
    m_slot = interval < 0 ? m_n : std::min(interval, m_n - 1);
    if (interval >= m_n) m_slot = m_n + 1;  // the drain: time is not counted
    ++m_period;
    int params = std::clamp(interval, 0, m_n - 1);
    double next = interval < 0 ? std::min(time + m_length, 0.0) : time + m_length;
    int next_interval = interval < 0 && next >= 0 ? 0 : (interval < 0 ? -1 : interval + 1);
    if (interval < m_n || m_in_system > 0)
      m_events.push(Event{next, 0, 0, Kind::boundary, static_cast<std::uint8_t>(0)});
    m_next_interval = next_interval;
    for (std::size_t k = 0; k < m_state.size(); ++k) {
      double phone = m_s.tiers[k].on_phone(params);
      int whole = static_cast<int>(std::floor(phone + 1e-9));
      double fraction = phone - whole;
      if (fraction > 1e-9) {
        double period_end = std::min(next, time + m_length);
        m_drop_to[k] = whole;
        m_events.push(Event{time + fraction * (period_end - time), m_period, 0, Kind::capacity_drop,
                            static_cast<std::uint8_t>(k)});
        set_capacity(k, whole + 1);
      } else {
        set_capacity(k, whole);
      }
    }
  }

  void on_boundary(const Event&) { boundary(m_now, m_next_interval); }

  void finish(std::uint64_t events, bool stopped) {
    // Busy and on-phone time of the last period, when it is still a counted one.
    for (std::size_t k = 0; k < m_state.size(); ++k) {
      TierState& t = m_state[k];
      advance(t);
      if (m_slot < m_n) {
        counts(k, m_slot).busy_seconds += t.busy_area;
        counts(k, m_slot).on_phone_seconds += t.phone_area;
      }
    }
    m_out.journeys.unfinished = 0;
    for (const Call& call : m_calls)
      if (call.state != CallState::free && call.journey_start >= 0) m_out.journeys.unfinished += 1;
    m_out.tiers.resize(m_state.size() * m_un);
    for (std::size_t k = 0; k < m_state.size(); ++k)
      for (int i = 0; i < m_n; ++i) m_out.at(k, i) = counts(k, i);
    m_out.events = events;
    m_out.drain_seconds = std::max(0.0, m_now - m_horizon);
    m_out.complete = !stopped;
  }

  const Model& m_model;
  const Scenario& m_s;
  const int m_n;
  const std::size_t m_un;
  const double m_length, m_inv_length, m_horizon;
  Rng m_arrivals;
  std::vector<Rng> m_rng;
  std::vector<TierState> m_state;
  std::vector<TierCounts> m_counts;
  std::vector<Call> m_calls;
  std::uint32_t m_free = k_none;
  std::uint64_t m_in_system = 0;
  EventList m_events;
  double m_now = 0;
  int m_slot = 0;
  int m_arrival_segment = 0;
  double m_gap = 0, m_segment_end = 0;
  double m_next_arrival = k_never;  // the one pending arrival, kept out of the heap
  bool m_arrivals_done = false;
  std::uint32_t m_period = 0;
  int m_next_interval = 0;
  int m_drop_to[k_max_tiers] = {};
  ReplicationCounts m_out;
};

ReplicationCounts simulate(const Model& model, std::uint64_t seed, std::uint64_t replication,
                           const std::atomic<bool>* stop) {
  Engine engine(model, seed, replication);
  return engine.run(stop);
}

}  // namespace ccteam::sim
