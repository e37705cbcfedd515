// Test helper: bodies the HTTP tests send and read back that need more than a string: a multipart upload,
// the files of a zip archive (an .xlsx download), the rows of a CSV download, and where the shared
// datasets are. Compiled into test programs only.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace carevoice::web::testing {

// The folder beside the checkout that holds datasets/ ($CAREVOICE_SHARED_DIR, else <source>/../shared).
std::string SharedDir();

// A multipart/form-data body: each of `fields`, then one CSV file `filename` holding `content` as the
// field `file_field`, parts separated by `boundary`.
std::string Multipart(const std::string& boundary, const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& file_field, const std::string& filename, const std::string& content);

// The files of a zip archive, by name, read through its central directory (stored or deflated); a test
// failure for a file that does not inflate whole.
std::map<std::string, std::string> Unzip(const std::string& zip);

// Every row of a CSV text, header included.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

}  // namespace carevoice::web::testing
