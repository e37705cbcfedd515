#include "web/http/json_body.hpp"

namespace carevoice::web {
namespace {

const char* TypeName(JsonType t) {
    switch (t) {
        case JsonType::kString:
            return "a string";
        case JsonType::kBoolean:
            return "true or false";
        case JsonType::kInteger:
            return "a whole number";
    }
    return "a value";
}

bool HasType(const nlohmann::json& v, JsonType t) {
    switch (t) {
        case JsonType::kString:
            return v.is_string();
        case JsonType::kBoolean:
            return v.is_boolean();
        case JsonType::kInteger:
            return v.is_number_integer();
    }
    return false;
}

}  // namespace

std::optional<nlohmann::json> ReadJsonBody(RequestContext& ctx, const std::map<std::string, JsonField>& schema) {
    const std::string type = ctx.req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0) {
        ctx.Error(415, "unsupported_media_type",
                  "Send the body as JSON with the header Content-Type: application/json" +
                      std::string(type.empty() ? "." : " (this request said " + type + ")."));
        return std::nullopt;
    }
    nlohmann::json body;
    try {
        body = nlohmann::json::parse(ctx.req.body);
    } catch (const nlohmann::json::parse_error& e) {
        ctx.Error(
            400, "malformed_json",
            "The body is not valid JSON (at byte " + std::to_string(e.byte) + "). Check quotes, commas and braces.");
        return std::nullopt;
    }
    if (!body.is_object()) {
        ctx.Error(400, "malformed_json", "The body must be a JSON object, like {\"name\": \"value\"}.");
        return std::nullopt;
    }
    std::vector<FieldProblem> problems;
    for (const auto& [key, value] : body.items()) {
        auto it = schema.find(key);
        if (it == schema.end()) {
            std::string known;
            for (const auto& [k, f] : schema) known += (known.empty() ? "" : ", ") + k;
            problems.push_back({key, "unknown field; the fields accepted here are: " + known});
        } else if (!HasType(value, it->second.type)) {
            problems.push_back({key, std::string("must be ") + TypeName(it->second.type)});
        }
    }
    for (const auto& [key, field] : schema) {
        if (field.required && !body.contains(key)) problems.push_back({key, "is required"});
    }
    if (!problems.empty()) {
        ctx.Error(422, "invalid_fields", "Some fields are not right; nothing was changed.", problems);
        return std::nullopt;
    }
    return body;
}

}  // namespace carevoice::web
