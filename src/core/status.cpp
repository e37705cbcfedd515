#include "core/status.hpp"

namespace carevoice {

std::string Status::CodeName() const {
    switch (code_) {
        case StatusCode::kOk:
            return "ok";
        case StatusCode::kInvalidArgument:
            return "invalid_argument";
        case StatusCode::kNotFound:
            return "not_found";
        case StatusCode::kAlreadyExists:
            return "already_exists";
        case StatusCode::kPermissionDenied:
            return "permission_denied";
        case StatusCode::kUnauthenticated:
            return "unauthenticated";
        case StatusCode::kFailedPrecondition:
            return "failed_precondition";
        case StatusCode::kResourceExhausted:
            return "resource_exhausted";
        case StatusCode::kUnavailable:
            return "unavailable";
        case StatusCode::kBusy:
            return "busy";
        case StatusCode::kInternal:
            return "internal";
    }
    return "internal";
}

std::string Status::ToString() const {
    if (ok()) return "ok";
    std::string out = message_;
    for (const auto& d : details_) {
        out += "\n  ";
        out += d.field;
        out += ": ";
        out += d.problem;
    }
    return out;
}

}  // namespace carevoice
