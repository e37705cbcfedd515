// An injectable clock, so that expiry, lock-outs and "overdue" can be tested without waiting.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/civil_date.hpp"

namespace carevoice {

class Clock {
  public:
    virtual ~Clock() = default;
    // Seconds since 1970-01-01T00:00:00Z.
    virtual std::int64_t NowSeconds() const = 0;
    CivilDate Today() const { return CivilDate::FromDays(NowSeconds() / 86400); }
};

class SystemClock final : public Clock {
  public:
    std::int64_t NowSeconds() const override;
};

// A clock that only moves when told to; safe to read from several threads.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(std::int64_t now) : now_(now) {}
    std::int64_t NowSeconds() const override { return now_.load(); }
    void Advance(std::int64_t seconds) { now_ += seconds; }
    void Set(std::int64_t now) { now_ = now; }

  private:
    std::atomic<std::int64_t> now_;
};

// "2026-11-26T01:02:03Z" for a time in seconds since the epoch.
std::string FormatTimestamp(std::int64_t seconds);

}  // namespace carevoice
