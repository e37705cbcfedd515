// Importing pathway events (an extract from another system, in the layout of shared/docs/pathway.md):
// the one path `carevoice import events`, the upload page and the API share. One transaction with its
// audit entry: a file with any bad line is refused whole, naming the line and field; importing the same
// file twice changes nothing.
#pragma once

#include <string_view>

#include "app/accounts.hpp"
#include "core/clock.hpp"
#include "core/status.hpp"
#include "store/pathway_events_repository.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

Result<store::EventImportReport> ImportEvents(store::Connection& conn, const Clock& clock, std::string_view csv_text,
                                              const Actor& actor);

}  // namespace carevoice::app
