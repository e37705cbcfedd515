// Page templates: mustache files under web/templates, compiled into the binary and parsed once at
// start-up. {{name}} is HTML-escaped; the only unescaped slot is the layout's {{{body}}}, which
// holds a page this class itself rendered. Data comes as nlohmann::json, the same values the
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
