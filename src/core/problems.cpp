#include "core/problems.hpp"

#include "core/text.hpp"

namespace carevoice {

void Problems::RequireText(std::string_view field, std::string_view value) {
    if (text::Trim(value).empty()) Add(std::string(field), "is required");
}

Status Problems::ToStatus(std::string_view what) const {
    if (list_.empty()) return Status::Ok();
    std::string message = std::string(what) + " is not valid: ";
    for (std::size_t at = 0; at < list_.size(); ++at) {
        if (at > 0) message += "; ";
        message += list_[at].field + " " + list_[at].problem;
    }
    return Status::InvalidArgument(std::move(message), list_);
}

std::string Field(std::string_view list, std::string_view key, std::string_view member) {
    std::string out = std::string(list) + "[" + std::string(key) + "]";
    if (!member.empty()) out += "." + std::string(member);
    return out;
}

std::string Field(std::string_view list, std::size_t index, std::string_view member) {
    return Field(list, std::to_string(index + 1), member);
}

}  // namespace carevoice
