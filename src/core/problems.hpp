// Collecting what is wrong with a record, field by field, so that one answer names every problem
// (a person filling a form fixes them all at once) instead of stopping at the first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace carevoice {

class Problems {
  public:
    void Add(std::string field, std::string problem) { list_.push_back({std::move(field), std::move(problem)}); }
    // Adds "is required" when `value` is empty or only white space.
    void RequireText(std::string_view field, std::string_view value);
    bool empty() const { return list_.empty(); }
    const std::vector<FieldProblem>& list() const { return list_; }

    // Ok when nothing was added; otherwise InvalidArgument whose message names each field and its
    // problem ("the impact is not valid: you_said is required; we_did is required") and whose
    // details hold them one by one for forms.
    Status ToStatus(std::string_view what) const;

  private:
    std::vector<FieldProblem> list_;
};

// "ratings[W3].reason", for fields inside lists.
std::string Field(std::string_view list, std::string_view key, std::string_view member = {});
std::string Field(std::string_view list, std::size_t index, std::string_view member = {});

}  // namespace carevoice
