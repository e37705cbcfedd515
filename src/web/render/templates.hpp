// Page templates: mustache files under web/templates, compiled into the binary and parsed once at
// start-up. {{name}} is HTML-escaped; unescaped slots ({{{name}}}) hold only HTML carevoice made
// itself: the layout's {{{body}}} (a page this class rendered), SVG charts drawn on the server, and
// Markdown turned into safe HTML by web/markdown.hpp. Data comes as nlohmann::json, the same values the
// JSON API serialises.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/embedded_file.hpp"
#include "core/status.hpp"

namespace carevoice::web {

const std::vector<EmbeddedFile>& EmbeddedTemplateFiles();

class Templates {
  public:
    // Parses every file; fails naming a template with a syntax error.
    static Result<std::shared_ptr<Templates>> Load(const std::vector<EmbeddedFile>& files = EmbeddedTemplateFiles());
    ~Templates();
    // Renders the named template (file name without .mustache); partials ({{> name}}) resolve
    // to other templates.
    std::string Render(const std::string& name, const nlohmann::json& data) const;
    bool Has(const std::string& name) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace carevoice::web
