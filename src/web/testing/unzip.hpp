// Test helper: the files of a zip archive (an .xlsx), read through its central directory, so tests
// can look inside the spreadsheets carevoice writes. Compiled into test programs only.
#pragma once

#include <map>
#include <string>

namespace carevoice::web::testing {

// File name -> contents; empty if `zip` has no central directory.
std::map<std::string, std::string> Unzip(const std::string& zip);

}  // namespace carevoice::web::testing
