// Reading a JSON request body the same way everywhere: 415 for another content type, 400 for
// malformed JSON (with where it broke), 422 naming every unknown or wrongly typed field.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "web/http/context.hpp"

namespace carevoice::web {

enum class JsonType { kString, kBoolean, kInteger };

struct JsonField {
    JsonType type;
    bool required;
};

// On failure the error response has been sent and std::nullopt is returned.
std::optional<nlohmann::json> ReadJsonBody(RequestContext& ctx, const std::map<std::string, JsonField>& schema);

}  // namespace carevoice::web
