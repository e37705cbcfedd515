// The clocks of every pathway of an events file, written as CSV, without holding every event at once
// (carevoice clocks). A million events read as pathway::Event take four times the file's size, and on a
// virtual machine touching that memory costs more than the clocks themselves: here the file is indexed by
// pathway (where each record starts, and its line), then each pathway's events are read, checked as
// ReadEventsCsv checks them, and their clocks computed and written, on the machine's cores. The result is
// the one ReadEventsCsv and ComputeAllClocks would give, problems included.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "pathway/events_csv.hpp"

namespace carevoice::pathway {

struct ClocksOfFile {
    // The CSV in pieces, to be written one after the other: a header row (ClockCsvColumns), then a row per
    // clock, by pathway id. (Pieces, not one string: each is written as computed, never copied into another.)
    std::vector<std::string> csv;
    std::string data_quality;  // a line per data-quality problem: "pathway P, event E: what"
};

// Refused whole, as ReadEventsCsv refuses the file, when any line or pathway has a problem.
Result<ClocksOfFile> ClocksOfEventsFile(std::string_view text, CivilDate as_of, const EventsCsvLimits& limits = {});

}  // namespace carevoice::pathway
