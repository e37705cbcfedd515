// Labels and formats of the national benchmarking pages (model.hpp): levels, scores, intervals,
// ratings, questions in questionnaire order with their titles, and the parameters of a question.
#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "experience/show_number.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::experience_pages {
namespace {

int QuestionNumber(const std::string& q) {
    auto n = text::ParseInt(std::string_view(q).substr(q.empty() ? 0 : 1));
    return n.ok() ? static_cast<int>(*n) : 1'000'000;
}

}  // namespace

std::string LevelLabel(const std::string& level) {
    if (level == "ccg") return "CCG";
    if (level == "alliance") return "Cancer alliance";
    if (level == "national") return "England";
    return "Trust";
}

std::string LevelPlural(const std::string& level) {
    if (level == "ccg") return "CCGs";
    if (level == "alliance") return "cancer alliances";
    return "trusts";
}

std::string FormatScore(const std::string& question, double score) {
    if (experience::IsMeanQuestion(question)) return svg::Number(score, 2);
    const bool whole = std::abs(score - std::round(score)) < 1e-9;
    return svg::Number(score, whole ? 0 : 1) + "%";
}

std::string FormatValue(const std::string& question, double value) {
    return experience::IsMeanQuestion(question) ? svg::Number(value, 2) : svg::Number(value, 1);
}

std::string FormatInterval(const std::string& question, const experience::Interval& interval) {
    return FormatValue(question, interval.lower) + " to " + FormatValue(question, interval.upper);
}

std::string RatingLabel(experience::Rating rating) {
    switch (rating) {
        case experience::Rating::kAbove:
            return "Above expected";
        case experience::Rating::kBelow:
            return "Below expected";
        case experience::Rating::kWithin:
            return "Within expected";
    }
    return "Within expected";
}

std::string ChoiceName(app::ParameterChoice choice) {
    return choice == app::ParameterChoice::kOwnEstimate ? "own" : "published";
}

std::vector<std::string> OrderedQuestions(const Snapshot& snapshot, const RatedYear& rated) {
    // Only questions with at least one rated organisation: a question nobody answered enough is not compared.
    const auto& rated_questions = rated.loaded->ratings.questions;
    std::vector<std::string> out;
    for (const auto& q : snapshot.questions) {
        if (rated_questions.contains(q.id)) out.push_back(q.id);
    }
    std::vector<std::string> rest;
    for (const auto& [q, summary] : rated_questions) {
        if (!FindQuestionMeta(snapshot, q)) rest.push_back(q);
    }
    std::sort(rest.begin(), rest.end(),
              [](const std::string& a, const std::string& b) { return QuestionNumber(a) < QuestionNumber(b); });
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

const experience::CpesQuestion* FindQuestionMeta(const Snapshot& snapshot, const std::string& question) {
    for (const auto& q : snapshot.questions) {
        if (q.id == question) return &q;
    }
    return nullptr;
}

std::string QuestionTitle(const Snapshot& snapshot, const std::string& question) {
    const auto* meta = FindQuestionMeta(snapshot, question);
    return meta && !meta->text.empty() ? question + ": " + meta->text : question;
}

std::string ParametersSentence(const RatedYear& rated, const std::string& question, int year,
                               app::ParameterChoice choice) {
    auto it = rated.loaded->ratings.questions.find(question);
    if (it == rated.loaded->ratings.questions.end()) return "";
    const auto& p = it->second.parameters;
    const std::string centre = "the national score " + FormatValue(question, p.centre) +
                               (experience::IsMeanQuestion(question) ? "" : "%") +
                               (experience::IsMeanQuestion(question) ? ", SD " + svg::Number(p.sd, 3) : "") +
                               " and overdispersion τ² = " + experience::ShowNumber(p.tau2);
    if (it->second.source == experience::ParameterSource::kPublished) {
        return "Expected ranges use the parameters published by NHS England for " + std::to_string(year) + ": " +
               centre + ".";
    }
    if (it->second.source == experience::ParameterSource::kFitted) {
        return "Expected ranges use the parameters that reproduce the expected ranges NHS England published for " +
               std::to_string(year) + " at this level: " + centre + ".";
    }
    const std::string why = choice == app::ParameterChoice::kOwnEstimate
                                ? "chosen instead of the published parameters"
                                : "no published parameters were imported for this question and year";
    return "Expected ranges use carevoice's own estimate from the " + std::to_string(year) + " results (" + why +
           "): " + centre + ".";
}

std::string UrlEncode(const std::string& value) { return httplib::detail::encode_query_param(value); }

nlohmann::json TextOrNull(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace carevoice::web::experience_pages
